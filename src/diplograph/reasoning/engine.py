"""One entry point for every reasoner: asserted N-Quads in, inferred triples (or clashes) out.

Whatever the engine, the result is finished the same way on an in-memory store: the
*extension* rules (``# profile: extension`` in ``ontology/rules``, rules OWL cannot state,
such as foreign investments) run on what was asserted plus what the engine inferred, the clash
queries look for contradictions, and only new statements about individuals are kept. So the
engines differ only in what they can infer, never in how the result is shaped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from diplograph.reasoning.explain import Provenance, explain
from diplograph.reasoning.model import (
    ENGINES,
    Inconsistent,
    Inference,
    ReasonerTimeout,
    ReasoningError,
)
from diplograph.reasoning.owl import DEFAULT_TIMEOUT, run_owl_reasoner
from diplograph.reasoning.rules import RuleSet, find_clashes, materialise
from diplograph.reasoning.workspace import asserted_store, new_triples

Progress = Callable[[str], None]


def _union_graph(nquads: bytes | Path) -> Graph:
    """The asserted quads as one rdflib graph (the Java reasoners and owlrl read triples)."""
    dataset = Dataset()
    if isinstance(nquads, Path):
        dataset.parse(nquads, format="nquads")
    else:
        dataset.parse(data=nquads.decode("utf-8"), format="nquads")
    graph = Graph()
    for s, p, o, g in dataset.quads():
        if str(g) != "https://w3id.org/diplograph/graph/inferred":
            graph.add((s, p, o))
    return graph


def _finish(
    engine: str,
    store: ox.Store,
    rules: RuleSet,
    provenance: Provenance | None,
    apply: RuleSet,
    progress: Progress,
    summary: str = "",
) -> tuple[list[str], int]:
    """Apply the rules ``apply`` to a fixpoint, look for clashes, keep the new statements."""
    rounds = materialise(store, apply, progress) if apply.rules else 0
    clashes = find_clashes(store, rules)
    if clashes:
        raise Inconsistent(engine, explain(clashes, store, provenance), summary)
    return new_triples(store), rounds


def _with_result(nquads: bytes | Path, triples: list[str]) -> ox.Store:
    """The work store with what another engine inferred added to the merged graph."""
    store = asserted_store(nquads)
    if triples:
        store.bulk_load("\n".join(triples).encode("utf-8") + b"\n", format=ox.RdfFormat.N_TRIPLES)
    return store


def reason_nquads(
    nquads: bytes | Path,
    rules_dir: Path,
    engine: str = "rules",
    timeout: float = DEFAULT_TIMEOUT,
    fallback: bool = True,
    provenance: Provenance | None = None,
    progress: Progress = lambda _: None,
) -> Inference:
    """Infer from asserted N-Quads (bytes or a file).

    Raises ``Inconsistent`` (with explained clashes) when the data contradicts the ontology,
    ``ReasonerTimeout`` when a Java reasoner exceeds ``timeout`` and ``fallback`` is off,
    ``ReasoningError`` when a reasoner cannot run. With ``fallback`` a timed-out Java reasoner
    is replaced by the rules, and the returned inference says so in ``notes``.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    rules = RuleSet.load(rules_dir)
    started = time.perf_counter()
    notes: list[str] = []
    if engine in ("hermit", "pellet"):
        progress(f"running {engine} (time limit {timeout:g} s)")
        try:
            owl = run_owl_reasoner(engine, _union_graph(nquads), timeout)
        except ReasonerTimeout as exc:
            if not fallback:
                raise
            notes.append(f"{exc}; used the OWL 2 RL rules instead")
            progress(notes[-1])
            engine = "rules"
        except Inconsistent as exc:
            # The Java reasoner says only "inconsistent": the rules find where.
            store = asserted_store(nquads)
            _finish(engine, store, rules, provenance, rules.owl2rl(), progress, exc.summary)
            raise Inconsistent(
                engine,
                [],
                exc.summary + "; the OWL 2 RL rules could not "
                "locate the contradiction (try --engine rules)",
            ) from None
        else:
            store = _with_result(nquads, owl.triples)
            triples, rounds = _finish(engine, store, rules, provenance, rules.extension(), progress)
            return Inference(engine, triples, time.perf_counter() - started, notes, rounds)
    if engine == "owlrl":
        from diplograph.reasoning.owlrl_engine import owlrl_closure

        progress("running owlrl (OWL 2 RL in Python)")
        closure = owlrl_closure(_union_graph(nquads))
        store = _with_result(nquads, closure)
        triples, rounds = _finish(engine, store, rules, provenance, rules.extension(), progress)
        return Inference(engine, triples, time.perf_counter() - started, notes, rounds)
    progress("loading the asserted data into memory")
    store = asserted_store(nquads)
    triples, rounds = _finish("rules", store, rules, provenance, rules, progress)
    return Inference("rules", triples, time.perf_counter() - started, notes, rounds)


def reason_dataset(
    dataset: Dataset,
    rules_dir: Path,
    engine: str = "rules",
    timeout: float = DEFAULT_TIMEOUT,
    fallback: bool = True,
    provenance: Provenance | None = None,
) -> Inference:
    """``reason_nquads`` for an rdflib ``Dataset`` (left unchanged)."""
    nquads = dataset.serialize(format="nquads", encoding="utf-8")
    if not isinstance(nquads, bytes):  # pragma: no cover - rdflib returns bytes with encoding
        raise ReasoningError("could not serialise the dataset")
    return reason_nquads(nquads, rules_dir, engine, timeout, fallback, provenance)
