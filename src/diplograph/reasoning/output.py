"""Reasoning on a built project: read the build, write the inferred graph beside it.

The inferred triples go to ``graph/build/dataset/inferred.nq`` (sorted N-Quads in the named
graph ``…/graph/inferred``) and into the same named graph of the persistent store, which is
opened read-write: that one graph is cleared and loaded again, the asserted graphs are not
touched and the store is not rebuilt. A later ``diplograph build`` starts without inferences
(``build --reason`` adds them again).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from diplograph.build import STORE, dataset_dir
from diplograph.export import built_nquads
from diplograph.namespaces import INFERRED_GRAPH
from diplograph.project import Project
from diplograph.reasoning.engine import reason_nquads
from diplograph.reasoning.explain import Provenance
from diplograph.reasoning.model import Inference
from diplograph.reasoning.owl import DEFAULT_TIMEOUT

INFERRED_NQUADS = "inferred.nq"
RULES_DIR = "rules"


def rules_dir(project: Project) -> Path:
    """``ontology/rules``: the rule files, next to the ontology."""
    return project.ontology_dir / RULES_DIR


def inferred_path(project: Project) -> Path:
    return dataset_dir(project) / INFERRED_NQUADS


def write_inferred(project: Project, inference: Inference) -> Path:
    """Replace the inferred graph of the build (file and store); the file's path."""
    folder = dataset_dir(project)
    text = inference.nquads()
    target = folder / INFERRED_NQUADS
    staging = folder / f".{INFERRED_NQUADS}.{os.getpid()}"
    staging.write_text(text, encoding="utf-8")
    store_path = folder / STORE
    if store_path.is_dir():
        store = ox.Store(str(store_path))
        graph = ox.NamedNode(str(INFERRED_GRAPH))
        store.update(f"DROP SILENT GRAPH <{INFERRED_GRAPH}>")
        if text:
            store.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        else:
            store.add_graph(graph)
        store.flush()
        del store
    staging.replace(target)
    return target


def reason_project(
    project: Project,
    engine: str = "rules",
    timeout: float = DEFAULT_TIMEOUT,
    fallback: bool = True,
    write: bool = True,
    progress: Callable[[str], None] = lambda _: None,
) -> Inference:
    """Reason over the last build of ``project`` and (by default) store the inferred graph.

    Raises ``NotBuilt`` without a build, ``Inconsistent`` when the data contradicts the
    ontology (nothing is written then), ``ReasoningError`` or ``ReasonerTimeout`` otherwise.
    """
    nquads = built_nquads(project)
    inference = reason_nquads(
        nquads,
        rules_dir(project),
        engine=engine,
        timeout=timeout,
        fallback=fallback,
        provenance=Provenance.of_project(project),
        progress=progress,
    )
    if write:
        progress(f"writing {len(inference)} inferred triples")
        write_inferred(project, inference)
    return inference
