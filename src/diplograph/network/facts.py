"""The asserted data the projection reads, by subject: ``Facts``; ``MemoryFacts`` holds it all.

The projection asks a ``Facts`` what one subject says (``subject``), who points at an IRI
(``incoming``) and which sources and subjects a named graph holds. ``MemoryFacts`` answers from
every quad of the build, read once with pyoxigraph's N-Quads parser (``read_nquads``); the
Oxigraph store answers the same questions lazily (``diplograph.network.store_facts``), for a
projection that only needs a neighbourhood. The ontology and inferred graphs are never data:
the ontology graph gives the ``Ontology`` and the inferred graph is left out, so the projection
does not depend on whether ``diplograph reason`` has run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

import pyoxigraph as ox

from diplograph.network.ontology import Ontology
from diplograph.network.terms import (
    DEFAULT_GRAPH,
    NOT_ASSERTED,
    ONTOLOGY,
    RDF_TYPE,
    REFERENCE,
    Term,
    diplo,
    order_key,
)

if TYPE_CHECKING:
    from rdflib import Dataset

SOURCE_CLASS = diplo("Source")
PlainQuad = tuple[str | ox.BlankNode, str, Term, str]  # IRIs as str


@dataclass
class Subject:
    """What the asserted data states about one subject: ``out`` maps each predicate to its
    objects (no duplicates, in ``order_key`` order), ``graphs`` the graphs stating it."""

    out: dict[str, list[Term]] = field(default_factory=dict)
    graphs: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)

    def values(self, p: str) -> list[Term]:
        return self.out.get(p, _NONE)

    def add(self, p: str, o: Term, g: str) -> None:
        self.graphs.add(g)
        values = self.out.get(p)
        if values is None:
            self.out[p] = [o]
        elif o not in values:
            values.append(o)
        if p == RDF_TYPE and type(o) is str:
            self.types.add(o)

    def sort(self) -> None:
        for values in self.out.values():
            if len(values) > 1:
                values.sort(key=order_key)


_NONE: list[Term] = []
NOTHING = Subject()


class Facts(Protocol):
    ontology: Ontology

    def subject(self, s: str) -> Subject:
        """What is stated about ``s`` (``NOTHING`` when it is the subject of no triple)."""
        ...

    def incoming(self, o: str) -> list[tuple[str, str]]:
        """``(subject, predicate)`` of the triples whose object is the IRI ``o``, sorted."""
        ...

    def pointing(self, o: str, p: str) -> list[str]:
        """The subjects of the triples ``(subject, p, o)``, sorted."""
        ...

    def graph_sources(self, g: str) -> Collection[str]:
        """The sources (``diplo:Source``) a named graph other than the reference one states."""
        ...

    def graph_subjects(self, g: str) -> Collection[str]:
        """The IRIs that are the subject of some triple of graph ``g``."""
        ...

    def graphs(self) -> Iterable[str]:
        """The names of the graphs holding data (``DEFAULT_GRAPH`` for the default graph)."""
        ...

    def subjects_ending(self, suffix: str) -> Iterable[str]:
        """IRIs ending with ``suffix`` that are the subject of an ``rdf:type`` triple (at least:
        callers check what they get)."""
        ...


class MemoryFacts:
    """Every asserted quad of a dataset, in memory, by subject."""

    def __init__(self, quads: Iterable[PlainQuad]) -> None:
        self.subjects: dict[str, Subject] = {}
        self._sources: dict[str, set[str]] = defaultdict(set)
        ontology: list[tuple[str, str, Term]] = []
        subjects = self.subjects
        for s, p, o, g in quads:
            if g in NOT_ASSERTED:
                if g == ONTOLOGY and type(s) is str:
                    ontology.append((s, p, o))
                continue
            if type(s) is not str:
                continue
            entry = subjects.get(s)
            if entry is None:
                entry = subjects[s] = Subject()
            entry.add(p, o, g)
            if p == RDF_TYPE and o == SOURCE_CLASS and g != REFERENCE:
                self._sources[g].add(s)
        for entry in subjects.values():
            entry.sort()
        self.ontology = Ontology(ontology)
        self._incoming: dict[str, list[tuple[str, str]]] | None = None
        self._pointing: dict[str, dict[str, list[str]]] = {}
        self._graph_subjects: dict[str, set[str]] | None = None

    def subject(self, s: str) -> Subject:
        return self.subjects.get(s, NOTHING)

    def incoming(self, o: str) -> list[tuple[str, str]]:
        if self._incoming is None:
            incoming: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for s, entry in sorted(self.subjects.items()):
                for p, objects in sorted(entry.out.items()):
                    for value in objects:
                        if type(value) is str:
                            incoming[value].append((s, p))
            self._incoming = dict(incoming)
        return self._incoming.get(o, [])

    def pointing(self, o: str, p: str) -> list[str]:
        by_object = self._pointing.get(p)
        if by_object is None:  # one pass for each predicate asked about (few are)
            found: dict[str, list[str]] = defaultdict(list)
            for s, entry in sorted(self.subjects.items()):
                for value in entry.out.get(p, ()):
                    if type(value) is str:
                        found[value].append(s)
            by_object = self._pointing[p] = dict(found)
        return by_object.get(o, [])

    def graph_sources(self, g: str) -> Collection[str]:
        return self._sources.get(g, ())

    def graph_subjects(self, g: str) -> Collection[str]:
        return self._by_graph().get(g, ())

    def graphs(self) -> Iterable[str]:
        return sorted(self._by_graph())

    def subjects_ending(self, suffix: str) -> Iterable[str]:
        return [s for s, entry in self.subjects.items() if entry.types and s.endswith(suffix)]

    def _by_graph(self) -> dict[str, set[str]]:
        if self._graph_subjects is None:
            found: dict[str, set[str]] = defaultdict(set)
            for s, entry in self.subjects.items():
                for graph in entry.graphs:
                    found[graph].add(s)
            self._graph_subjects = dict(found)
        return self._graph_subjects


def plain_quads(quads: Iterable[ox.Quad]) -> Iterator[PlainQuad]:
    """pyoxigraph quads with IRIs as ``str`` (see ``diplograph.network.terms``)."""
    named, default = ox.NamedNode, ox.DefaultGraph
    for s, p, o, g in quads:
        yield (
            s.value if type(s) is named else s,
            p.value,
            o.value if type(o) is named else o,
            DEFAULT_GRAPH if type(g) is default else g.value,
        )


def parse_nquads(data: bytes | IO[bytes]) -> Iterator[ox.Quad]:
    """N-Quads the build wrote (and so checked): parsed without checking IRIs again, which
    is twice as fast."""
    return ox.parse(data, format=ox.RdfFormat.N_QUADS, lenient=True)


def read_nquads(path: Path) -> MemoryFacts:
    """The facts of an N-Quads file, read with pyoxigraph's parser."""
    with path.open("rb") as stream:
        return MemoryFacts(plain_quads(parse_nquads(stream)))


def from_rdflib(dataset: Dataset) -> MemoryFacts:
    """The facts of an rdflib ``Dataset`` (kept for callers that already hold one)."""
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral

    def term(node: object) -> Term:
        if isinstance(node, URIRef):
            return str(node)
        if isinstance(node, RdfLiteral):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype:
                return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
            return ox.Literal(str(node))
        return ox.BlankNode(str(node)) if isinstance(node, BNode) else ox.Literal(str(node))

    def quads() -> Iterator[PlainQuad]:
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph = getattr(g, "identifier", g)
            name = DEFAULT_GRAPH if graph is None or str(graph) == _RDFLIB_DEFAULT else str(graph)
            yield term(s), str(p), term(o), name  # type: ignore[misc]

    return MemoryFacts(quads())


_RDFLIB_DEFAULT = "urn:x-rdflib:default"
