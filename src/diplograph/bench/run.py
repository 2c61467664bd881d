"""One benchmark run: for each size, generate a project and measure every step on it."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from diplograph.bench import measure
from diplograph.bench.machine import describe
from diplograph.queries_catalog import catalogue

Log = Callable[[str], None]
NOT_AVAILABLE = "not available"


def _missing(result: measure.Measured) -> bool:
    text = result.stderr + result.stdout
    return result.returncode == 2 and ("No such command" in text or "No such option" in text)


def _step(result: measure.Measured, **extra: object) -> dict:
    """A measured CLI step: seconds and peak memory, or why there is no number."""
    if _missing(result):
        return {"status": NOT_AVAILABLE}
    if result.timed_out:
        return {"status": "timeout", "seconds": result.seconds}
    if not result.ok:
        reason = (result.stderr.strip().splitlines() or ["failed"])[-1][:200]
        return {"status": "failed", "seconds": result.seconds, "reason": reason}
    return {"status": "ok", "seconds": result.seconds, "peak_rss_mb": result.peak_rss_mb, **extra}


def generate_step(folder: Path, size: int, seed: int) -> tuple[dict, dict]:
    code = (
        "import json, dataclasses, pathlib; from diplograph.synth import generate; "
        f"s = generate(pathlib.Path({str(folder)!r}), {size}, {seed}, "
        f"pairs=pathlib.Path({str(_pairs())!r})); print(json.dumps(dataclasses.asdict(s)))"
    )
    result = measure.python("-c", code)
    if not result.ok:
        raise RuntimeError(f"generation failed: {result.stderr[-2000:]}")
    return _step(result), json.loads(result.stdout)


def _pairs() -> Path:
    return Path(__file__).resolve().parents[4] / "shared/data/wikidata-p190-2016/relations.tsv"


def query_steps(project: Path, repeat: int, timeout: float, baseline: bool) -> dict:
    """Every named query on the store (layer and raw, one process each), and on rdflib."""
    out: dict = {"queries": {}}
    # ``timeout`` is the limit of one run; a query's process runs it cold and ``repeat`` times
    # warm, on raw pyoxigraph and through the layer, after reopening the store.
    process_limit = 2 * (1 + repeat) * timeout + 10
    for name in catalogue(project / "queries"):
        args = ("-m", "diplograph.bench.queries", str(project), "--engine", "oxigraph")
        result = measure.python(
            *args, "--repeat", str(repeat), "--query", name, timeout=process_limit
        )
        if result.ok:
            data = json.loads(result.stdout)
            out.setdefault("reopen_seconds", data["reopen_seconds"])
            out["queries"][name] = data["queries"][name]
        else:
            if result.timed_out:
                out["queries"][name] = {"timeout": timeout}
            else:
                out["queries"][name] = {"status": "failed", "seconds": result.seconds}
    if baseline:
        args = ("-m", "diplograph.bench.queries", str(project), "--engine", "rdflib")
        result = measure.python(*args, "--repeat", str(repeat), "--timeout", str(int(timeout)))
        if result.ok:
            data = json.loads(result.stdout)
            out["rdflib_load_seconds"] = data["load_seconds"]
            out["rdflib_peak_rss_mb"] = data["peak_rss_mb"]
            for name, times in data["queries"].items():
                out["queries"].setdefault(name, {}).update(times)
        else:
            out["rdflib_error"] = result.stderr[-500:]
    return out


def bench_size(
    workdir: Path, size: int, seed: int, repeat: int, timeout: float, baseline: bool, log: Log
) -> dict:
    folder = workdir / f"size-{size}"
    shutil.rmtree(folder, ignore_errors=True)
    log(f"[{size}] generating")
    generated, summary = generate_step(folder, size, seed)
    row: dict = {"size": size, "generate": generated, "generated": summary}
    log(f"[{size}] building")
    build = measure.cli("build", cwd=folder)
    manifest = folder / "graph/build/dataset/manifest.json"
    quads = json.loads(manifest.read_text())["quads"] if build.ok else None
    row["build"] = _step(build, quads=quads)
    if quads:
        row["build"]["triples_per_second"] = quads / build.seconds
    if not build.ok:
        return row
    log(f"[{size}] queries")
    row.update(query_steps(folder, repeat, timeout, baseline))
    row["baseline"] = baseline
    log(f"[{size}] explorer, reasoning, network")
    explorer = folder / "graph/build/explorer-bench.html"
    row["explore"] = _step(
        measure.cli(
            "explore", "--focus", "batang", "-o", str(explorer), cwd=folder, timeout=timeout
        )
    )
    row["network_stats"] = _step(measure.cli("network", "stats", cwd=folder, timeout=timeout))
    row["reason"] = _step(measure.cli("reason", cwd=folder, timeout=timeout * 2))
    return row


def run(
    sizes: list[int],
    workdir: Path,
    seed: int = 1,
    repeat: int = 5,
    timeout: float = 120,
    baseline_max: int = 1_000_000,
    log: Log = print,
) -> dict:
    started = time.time()
    startup = measure.cli("--help", cwd=workdir)
    results = {
        "machine": describe(),
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(started)),
        "settings": {
            "seed": seed,
            "repeat": repeat,
            "timeout_seconds": timeout,
            "baseline_max": baseline_max,
        },
        "cli_startup_seconds": startup.seconds,
        "sizes": [],
    }
    for size in sizes:
        row = bench_size(workdir, size, seed, repeat, timeout, size <= baseline_max, log)
        results["sizes"].append(row)
    results["seconds"] = time.time() - started
    return results
