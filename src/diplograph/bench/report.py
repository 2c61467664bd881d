"""The benchmark's results as Markdown tables (with ratios) and JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _cell(step: dict | None) -> str:
    if not step:
        return "–"
    if step.get("status") != "ok":
        shown = step.get("status", "–")
        return f"{shown} ({_ms(step['seconds'])})" if "seconds" in step else shown
    return f"{_ms(step['seconds'])}, {step['peak_rss_mb']:.0f} MB"


def _geomean(values: list[float]) -> float | None:
    values = [v for v in values if v and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def ratios(row: dict) -> dict[str, float | int | None]:
    """Geometric means over the queries both engines answered: rdflib ÷ diplograph
    (speed-up over the baseline) and diplograph ÷ raw pyoxigraph (the layer's overhead).
    ``speedup_lower_bound`` also counts the queries only diplograph finished, each at the
    time limit rdflib ran past: a lower bound of the speed-up over the whole suite."""
    speedups, bounds, overheads = [], [], []
    for times in row.get("queries", {}).values():
        layer, raw, base = times.get("diplograph"), times.get("raw"), times.get("rdflib")
        if layer and raw:
            overheads.append(layer["median"] / raw["median"])
        if layer and base and "median" in base:
            speedups.append(base["median"] / layer["median"])
        elif layer and base and "timeout" in base:
            bounds.append(base["timeout"] / layer["median"])
    return {
        "speedup_vs_rdflib": _geomean(speedups),
        "speedup_lower_bound": _geomean(speedups + bounds) if bounds else None,
        "rdflib_timeouts": len(bounds),
        "overhead_vs_raw": _geomean(overheads),
    }


def summary_table(results: dict) -> str:
    lines = [
        "| size (target) | quads built | generate | build (time, peak RSS) | build triples/s "
        "| reopen store | query suite × rdflib | diplograph ÷ raw | explorer --focus "
        "| network stats | reason |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in results["sizes"]:
        build = row.get("build", {})
        r = ratios(row)
        speed = f"{r['speedup_vs_rdflib']:.1f}×" if r["speedup_vs_rdflib"] else "–"
        if r["speedup_lower_bound"]:
            speed += (
                f"; ≥ {r['speedup_lower_bound']:.1f}× with the {r['rdflib_timeouts']} "
                "rdflib time-outs counted at the limit"
            )
        if not row.get("baseline", True):
            speed = "not run"
        over = f"{r['overhead_vs_raw']:.2f}" if r["overhead_vs_raw"] else "–"
        tps = build.get("triples_per_second")
        lines.append(
            f"| {row['size']:,} | {build.get('quads') or 0:,} | {_cell(row.get('generate'))} "
            f"| {_cell(build)} | {f'{tps:,.0f}' if tps else '–'} "
            f"| {_ms(row.get('reopen_seconds'))} | {speed} | {over} "
            f"| {_cell(row.get('explore'))} | {_cell(row.get('network_stats'))} "
            f"| {_cell(row.get('reason'))} |"
        )
    return "\n".join(lines)


def _q(times: dict | None, key: str = "median") -> str:
    if not times:
        return "–"
    if "timeout" in times:
        return f"timeout (> {times['timeout']} s)"
    return _ms(times.get(key))


def query_table(row: dict) -> str:
    lines = [
        f"#### {row['size']:,} triples",
        "",
        "| query | rows | diplograph cold | diplograph median | p95 | raw pyoxigraph median "
        "| ÷ raw | rdflib median | rdflib ÷ diplograph |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, times in sorted(row.get("queries", {}).items()):
        layer, raw, base = times.get("diplograph"), times.get("raw"), times.get("rdflib")
        if not layer and ("status" in times or "timeout" in times):
            status = _q(times) if "timeout" in times else times["status"]
            lines.append(f"| {name} | – | {status} | – | – | – | – | {_q(base)} | – |")
            continue
        over = f"{layer['median'] / raw['median']:.2f}" if layer and raw else "–"
        speed = (
            f"{base['median'] / layer['median']:.1f}×"
            if layer and base and "median" in base
            else "–"
        )
        lines.append(
            f"| {name} | {layer['rows'] if layer else '–'} | {_q(layer, 'cold')} "
            f"| {_q(layer)} | {_q(layer, 'p95')} | {_q(raw)} | {over} | {_q(base)} | {speed} |"
        )
    if "rdflib_load_seconds" in row:
        lines += [
            "",
            f"rdflib baseline: parsing `dataset.nq` took {_ms(row['rdflib_load_seconds'])}, "
            f"peak {row['rdflib_peak_rss_mb']:.0f} MB.",
        ]
    elif not row.get("baseline", True):
        lines += ["", "rdflib baseline not run at this size (above `--baseline-max`)."]
    return "\n".join(lines)


def machine_text(results: dict) -> str:
    m = results["machine"]
    libs = ", ".join(f"{k} {v}" for k, v in m["libraries"].items())
    s = results["settings"]
    return (
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, {m['os']}\n"
        f"- Python {m['python']}; {libs}\n"
        f"- Run: {results['started']}, seed {s['seed']}, {s['repeat']} warm repeats per query, "
        f"{s['timeout_seconds']:.0f} s limit per query run, rdflib baseline up to "
        f"{s['baseline_max']:,} triples; CLI start-up (`diplograph --help`) "
        f"{_ms(results['cli_startup_seconds'])}, included in every CLI step."
    )


def markdown(results: dict) -> str:
    parts = [BEGIN, machine_text(results), "", summary_table(results), ""]
    parts += [query_table(row) + "\n" for row in results["sizes"]]
    parts.append(END)
    return "\n".join(parts)


def write(results: dict, doc: Path, data: Path) -> None:
    """Write the JSON, and put the tables between the markers of ``doc`` (kept text around
    them is the analysis); a new doc gets a title and the tables."""
    data.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tables = markdown(results)
    if doc.is_file() and BEGIN in (text := doc.read_text(encoding="utf-8")) and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        doc.write_text(head + tables + tail, encoding="utf-8")
    else:
        doc.write_text(f"# Benchmarks\n\n{tables}\n", encoding="utf-8")
