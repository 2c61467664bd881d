"""Checks on a built dataset: SHACL shapes and the ``queries/qc/*-violation.rq`` data checks.

Each violation says which rule failed, on which node, and which record files state things
about that node, so a person knows where to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from pyshacl import validate
from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.namespace import SH

from diplograph.namespaces import ONTOLOGY_GRAPH, REFERENCE_GRAPH, source_graph
from diplograph.project import Project
from diplograph.records.model import Record


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


def asserted_union(dataset: Dataset) -> Graph:
    """All asserted data (every graph but the ontology) as one graph."""
    union = Graph()
    for graph in dataset.graphs():
        if graph.identifier != ONTOLOGY_GRAPH:
            for triple in graph:
                union.add(triple)
    return union


def run_shapes(dataset: Dataset, project: Project) -> list[tuple[str, str, str]]:
    """SHACL violations as (shape or rule, focus node, message)."""
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
        rule = f"shape {_short(path)}" if path is not None else "shape"
        found.append((rule, str(focus), str(message)))
    return found


def qc_queries(project: Project) -> list[Path]:
    return sorted((project.queries_dir / "qc").glob("*-violation.rq"))


def run_qc_queries(nquads: str, project: Project) -> list[tuple[str, str, str]]:
    """Rows of every ``*-violation.rq``; a check's first column is the offending node."""
    store = pyoxigraph.Store()
    store.load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
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


def check_dataset(
    dataset: Dataset, nquads: str, project: Project, records: list[Record]
) -> list[Violation]:
    """Every shape and data-check violation, each with the record files behind its node."""
    files = _files_by_subject(dataset, records, project)
    raw = run_shapes(dataset, project) + run_qc_queries(nquads, project)
    return [
        Violation(check, focus, message, tuple(sorted(files.get(focus, ()))))
        for check, focus, message in raw
    ]


def _files_by_subject(dataset: Dataset, records: list[Record], project: Project) -> dict:
    by_graph = {}
    for record in records:
        graph = REFERENCE_GRAPH if record.reference else source_graph(record.source_id)
        try:
            shown = str(record.path.resolve().relative_to(project.root.resolve()))
        except ValueError:
            shown = str(record.path)
        by_graph.setdefault(graph, set()).add(shown)
    files: dict[str, set[str]] = {}
    for graph in dataset.graphs():
        for subject in set(graph.subjects()):
            files.setdefault(str(subject), set()).update(by_graph.get(graph.identifier, ()))
    return files


def _short(term: object) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if isinstance(term, URIRef) else text


def _term_text(term: object) -> str:
    return str(getattr(term, "value", term))
