"""Checks on a built dataset: SHACL shapes and the ``queries/qc/*-violation.rq`` data checks.

Each violation says which rule failed, on which node, and which record files state things
about that node, so a person knows where to fix it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import RDF, Dataset, Graph
from rdflib.namespace import SH

from diplograph.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH, source_graph
from diplograph.project import Project, relative_paths
from diplograph.records.model import Record
from diplograph.shapes_sparql import UnsupportedShape, compile_shapes, path_text

log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class Violation:
    check: str
    focus: str
    message: str
    files: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = f" (stated in {', '.join(self.files)})" if self.files else ""
        return f"{self.check}: {self.focus}: {self.message}{where}"


class ChecksFailed(Exception):
    """The dataset does not pass its shapes or data checks."""

    def __init__(self, violations: list[Violation]) -> None:
        self.violations = sorted(violations)
        shown = "\n".join(str(v) for v in self.violations[:50])
        more = len(self.violations) - 50
        tail = f"\n… and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.violations)} check violation(s):\n{shown}{tail}")


def run_shapes(store: pyoxigraph.Store, project: Project) -> list[tuple[str, str, str]]:
    """SHACL violations as (shape or rule, focus node, message): the shapes as SPARQL on the
    store, or pyshacl when a shape uses SHACL the translation does not cover."""
    shapes = Graph().parse(project.shapes_file, format="turtle")
    try:
        compiled = compile_shapes(shapes)
    except UnsupportedShape as exc:
        log.warning("validating with pyshacl (slow): %s", exc)
        return run_shapes_pyshacl(_dataset_of(store), project)
    return compiled.violations(store)


def asserted_union(dataset: Dataset) -> Graph:
    """All asserted data (every graph but the ontology) as one graph."""
    union = Graph()
    for graph in dataset.graphs():
        if graph.identifier != ONTOLOGY_GRAPH:
            for triple in graph:
                union.add(triple)
    return union


def run_shapes_pyshacl(dataset: Dataset, project: Project) -> list[tuple[str, str, str]]:
    """SHACL violations found by pyshacl: the reference that ``run_shapes`` agrees with."""
    from pyshacl import validate

    shapes = Graph().parse(project.shapes_file, format="turtle")
    conforms, report, _ = validate(
        asserted_union(dataset),
        shacl_graph=shapes,
        ont_graph=dataset.graph(ONTOLOGY_GRAPH),
        inference="none",
        allow_warnings=True,
    )
    if conforms:
        return []
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage) or "violates a shape"
        rule = f"shape {path_text(report, path)}" if path is not None else "shape"
        found.append((rule, str(focus), str(message)))
    return found


def _dataset_of(store: pyoxigraph.Store) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=store.dump(format=pyoxigraph.RdfFormat.N_QUADS), format="nquads")
    return dataset


def qc_queries(project: Project) -> list[Path]:
    return sorted((project.queries_dir / "qc").glob("*-violation.rq"))


def run_qc_queries(nquads: str, project: Project) -> list[tuple[str, str, str]]:
    """Rows of every ``*-violation.rq`` on the dataset ``nquads``."""
    store = pyoxigraph.Store()
    store.load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    return qc_violations(store, project)


def qc_violations(store: pyoxigraph.Store, project: Project) -> list[tuple[str, str, str]]:
    """Rows of every ``*-violation.rq``; a check's first column is the offending node."""
    found = []
    for path in qc_queries(project):
        check = path.stem.removesuffix("-violation")
        solutions = store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            cells = {n: solution[n] for n in names if solution[n] is not None}
            focus = cells.get(names[0])
            message = cells.get("message")
            detail = (
                str(message.value)
                if message is not None
                else ", ".join(f"{n}={_term_text(t)}" for n, t in cells.items() if n != names[0])
            )
            found.append((f"check {check}", _term_text(focus) if focus else "", detail))
    return found


def check_store(
    store: pyoxigraph.Store, project: Project, graph_files: dict[str, set[str]]
) -> list[Violation]:
    """Every shape and data-check violation of the dataset in ``store``, each with the record
    files (``graph_files``: graph IRI → files) that state something about its node."""
    raw = run_shapes(store, project) + qc_violations(store, project)
    files = {focus: _files_of(store, focus, graph_files) for focus in {f for _, f, _ in raw}}
    return [Violation(check, focus, message, files[focus]) for check, focus, message in raw]


def graph_files(records: list[Record], project: Project) -> dict[str, set[str]]:
    """The record files behind each graph, shown relative to the project."""
    by_graph: dict[str, set[str]] = {}
    shown = relative_paths((record.path for record in records), project.root)
    for record, path in zip(records, shown, strict=True):
        graph = REFERENCE_GRAPH if record.reference else source_graph(record.source_id)
        by_graph.setdefault(str(graph), set()).add(path or str(record.path))
    return by_graph


def _files_of(
    store: pyoxigraph.Store, focus: str, graph_files: dict[str, set[str]]
) -> tuple[str, ...]:
    """The files of every graph in which ``focus`` is a subject."""
    try:
        subject = pyoxigraph.NamedNode(focus)
    except ValueError:
        return ()
    files: set[str] = set()
    for quad in store.quads_for_pattern(subject, None, None, None):
        files.update(graph_files.get(getattr(quad.graph_name, "value", ""), ()))
    return tuple(sorted(files))


def _term_text(term: object) -> str:
    return str(getattr(term, "value", term))
