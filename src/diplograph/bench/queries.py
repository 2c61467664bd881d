"""Timing every named query on one engine, in its own process (run with ``python -m``).

- ``oxigraph``: reopen the built store, then each query through diplograph's query layer
  (parameters bound, results converted) and on raw pyoxigraph with the same text and
  substitutions, results fully iterated. The first run of a query is its cold time.
- ``rdflib``: parse ``dataset.nq`` into an rdflib ``Dataset`` (the in-memory baseline), then
  each query with ``initBindings``.

Prints one JSON object: load/reopen time, and per query the cold time, the warm median and
p95 over ``repeat`` runs, and the row count.
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from diplograph.project import Project
from diplograph.queries_catalog import catalogue
from diplograph.results import Term


def _params(example: dict[str, str], hub: str | None) -> dict[str, str]:
    """The query's own example parameters (the generator makes Batang, the examples' region,
    the biggest hub); ``hub`` replaces a ``region`` parameter when given."""
    params = dict(example)
    if hub and "region" in params:
        params["region"] = hub
    return params


def _timed(action: Callable[[], int], repeat: int) -> dict[str, float | int]:
    started = time.perf_counter()
    rows = action()
    cold = time.perf_counter() - started
    warm = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        warm.append(time.perf_counter() - started)
    warm.sort()
    p95 = warm[min(len(warm) - 1, round(0.95 * (len(warm) - 1)))] if warm else cold
    median = statistics.median(warm) if warm else cold
    return {"cold": cold, "median": median, "p95": p95, "rows": rows}


def oxigraph(project: Project, repeat: int, hub: str | None, only: str | None) -> dict:
    import pyoxigraph as ox

    from diplograph.query import execute, prepare
    from diplograph.store import OxigraphBackend, _ox_term

    started = time.perf_counter()
    backend = OxigraphBackend.open(project)
    next(iter(backend.store.quads_for_pattern(None, None, None)), None)
    reopen = time.perf_counter() - started
    queries: dict[str, dict] = {}
    for name, named in catalogue(project.queries_dir).items():
        if only is not None and name != only:
            continue
        prepared = prepare(project, backend, name, params=_params(named.example, hub))

        def layer(prepared=prepared) -> int:  # type: ignore[no-untyped-def]
            return len(execute(prepared, backend).bindings)

        substitutions = {ox.Variable(n): _ox_term(t) for n, t in prepared.bindings.items()}

        def raw(text=prepared.text, subs=substitutions) -> int:  # type: ignore[no-untyped-def]
            answer = backend.store.query(
                text, substitutions=subs or None, use_default_graph_as_union=True
            )
            return sum(1 for _ in answer)

        # Raw first, so the layer never profits from a cache warmed by the other.
        raw_times = _timed(raw, repeat)
        layer_times = _timed(layer, repeat)
        queries[name] = {"params": prepared_params(prepared.bindings), "raw": raw_times,
                         "diplograph": layer_times}  # fmt: skip
    return {"reopen_seconds": reopen, "queries": queries}


def prepared_params(bindings: dict[str, Term]) -> dict[str, str]:
    return {name: term.value for name, term in bindings.items()}


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Timeout


def rdflib_engine(project: Project, repeat: int, hub: str | None, timeout: int) -> dict:
    """rdflib is pure Python, so an alarm can stop a query that runs past ``timeout``."""
    from rdflib import Dataset, Literal, URIRef, Variable

    from diplograph.query import prepare
    from diplograph.store import OxigraphBackend

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(project.build_dir / "dataset" / "dataset.nq", format="nquads")
    load = time.perf_counter() - started
    backend = OxigraphBackend.open(project)  # only to resolve parameters the same way
    queries: dict[str, dict] = {}
    for name, named in catalogue(project.queries_dir).items():
        prepared = prepare(project, backend, name, params=_params(named.example, hub))
        bindings = {
            Variable(n): URIRef(t.value)
            if t.type == "uri"
            else Literal(t.value, lang=t.lang, datatype=None if t.lang else t.datatype)
            for n, t in prepared.bindings.items()
        }

        def run(text=prepared.text, bindings=bindings) -> int:  # type: ignore[no-untyped-def]
            signal.alarm(timeout)  # the limit is per run, as on Oxigraph
            try:
                return sum(1 for _ in dataset.query(text, initBindings=bindings))
            finally:
                signal.alarm(0)

        signal.signal(signal.SIGALRM, _alarm)
        try:
            queries[name] = {"rdflib": _timed(run, repeat)}
        except _Timeout:
            queries[name] = {"rdflib": {"timeout": timeout}}
    return {"load_seconds": load, "queries": queries}


def main() -> None:
    parser = argparse.ArgumentParser(description="time the named queries on one engine")
    parser.add_argument("project", type=Path)
    parser.add_argument("--engine", choices=("oxigraph", "rdflib"), required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--hub", default=None)
    parser.add_argument("--query", default=None, help="only this query (oxigraph)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per query run (rdflib)")
    args = parser.parse_args()
    project = Project(args.project.resolve())
    if args.engine == "oxigraph":
        result = oxigraph(project, args.repeat, args.hub, args.query)
    else:
        result = rdflib_engine(project, args.repeat, args.hub, args.timeout)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
