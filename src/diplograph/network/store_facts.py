"""``Facts`` read lazily from the Oxigraph store of the last build, for a neighbourhood.

Each question is one index lookup on the store (opened read-only), remembered for the rest of
the projection, so the cost grows with what the projection visits, not with the graph. What a
subject states is read from the sorted N-Quads of the same build when given (``SortedNQuads``:
faster than the store for that question).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

import pyoxigraph as ox

from diplograph.network.facts import NOTHING, SOURCE_CLASS, Subject
from diplograph.network.ontology import Ontology
from diplograph.network.sorted_nquads import SortedNQuads
from diplograph.network.terms import (
    DEFAULT_GRAPH,
    NOT_ASSERTED,
    ONTOLOGY,
    RDF_TYPE,
    REFERENCE,
    Term,
)

# The asserted named graphs: neither the ontology graph nor the inferred one.
_ASSERTED = "FILTER(?g NOT IN ({}))".format(", ".join(str(ox.NamedNode(g)) for g in NOT_ASSERTED))


class StoreFacts:
    """The asserted data of a store, fetched a subject (or an object, or a graph) at a time."""

    def __init__(self, store: ox.Store, nquads: SortedNQuads | None = None) -> None:
        self.store, self.nquads = store, nquads
        ontology = store.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY))
        self.ontology = Ontology(
            (q.subject.value, q.predicate.value, _plain(q.object))
            for q in ontology
            if type(q.subject) is ox.NamedNode
        )
        self._subjects: dict[str, Subject] = {}
        self._incoming: dict[str, list[tuple[str, str]]] = {}
        self._pointing: dict[tuple[str, str], list[str]] = {}
        self._sources: dict[str, Collection[str]] = {}
        self._graph_subjects: dict[str, Collection[str]] = {}

    def subject(self, s: str) -> Subject:
        found = self._subjects.get(s)
        if found is None:
            found = Subject()
            for p, o, graph in self._quads_of(s):
                if graph not in NOT_ASSERTED:
                    found.add(p, o, graph)
            found.sort()
            self._subjects[s] = found = found if found.graphs else NOTHING
        return found

    def _quads_of(self, s: str) -> Iterable[tuple[str, Term, str]]:
        if self.nquads is not None:
            return self.nquads.quads(s)
        node = _iri(s)
        quads = self.store.quads_for_pattern(node, None, None, None) if node else ()
        return ((q.predicate.value, _plain(q.object), _graph_name(q)) for q in quads)

    def incoming(self, o: str) -> list[tuple[str, str]]:
        found = self._incoming.get(o)
        if found is None:
            node = _iri(o)
            # SPARQL decodes only the terms it returns: faster than quads_for_pattern here.
            where = f"{{ GRAPH ?g {{ ?s ?p {node} }} {_ASSERTED} }} UNION {{ ?s ?p {node} }}"
            query = f"SELECT DISTINCT ?s ?p {{ {where} }}"
            rows = self.store.query(query) if node else ()
            pairs = {(row[0].value, row[1].value) for row in rows if type(row[0]) is ox.NamedNode}
            self._incoming[o] = found = sorted(pairs)
        return found

    def pointing(self, o: str, p: str) -> list[str]:
        key = (o, p)
        found = self._pointing.get(key)
        if found is None:
            node = _iri(o)
            quads = self.store.quads_for_pattern(None, ox.NamedNode(p), node, None) if node else ()
            found = sorted({q.subject.value for q in quads if _asserted(q)})
            self._pointing[key] = found
        return found

    def graph_sources(self, g: str) -> Collection[str]:
        found = self._sources.get(g)
        if found is None:
            found = set()
            if g != REFERENCE and g not in NOT_ASSERTED:
                pattern = (None, ox.NamedNode(RDF_TYPE), ox.NamedNode(SOURCE_CLASS), _graph_term(g))
                found = {
                    q.subject.value
                    for q in self.store.quads_for_pattern(*pattern)
                    if type(q.subject) is ox.NamedNode
                }
            self._sources[g] = found
        return found

    def graph_subjects(self, g: str) -> Collection[str]:
        found = self._graph_subjects.get(g)
        if found is None:
            found = set()
            if g not in NOT_ASSERTED:
                graph = (
                    "?s ?p ?o" if g == DEFAULT_GRAPH else f"GRAPH {ox.NamedNode(g)} {{ ?s ?p ?o }}"
                )
                rows = self.store.query(f"SELECT DISTINCT ?s {{ {graph} }}")
                found = {row[0].value for row in rows if type(row[0]) is ox.NamedNode}
            self._graph_subjects[g] = found
        return found

    def graphs(self) -> Iterator[str]:
        default = self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        if next(iter(default), None) is not None:
            yield DEFAULT_GRAPH
        for graph in self.store.named_graphs():
            if type(graph) is ox.NamedNode:
                yield graph.value

    def subjects_ending(self, suffix: str) -> Iterable[str]:
        if self.nquads is not None:
            return self.nquads.subjects_ending(suffix)
        return self._typed_ending(suffix)

    def _typed_ending(self, suffix: str) -> Iterator[str]:
        query = f"SELECT DISTINCT ?s {{ ?s a ?t FILTER(STRENDS(STR(?s), {ox.Literal(suffix)})) }}"
        for solution in self.store.query(query, use_default_graph_as_union=True):
            yield solution[0].value


def _graph_term(g: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if g == DEFAULT_GRAPH else ox.NamedNode(g)


def _graph_name(quad: ox.Quad) -> str:
    g = quad.graph_name
    return DEFAULT_GRAPH if type(g) is ox.DefaultGraph else g.value  # type: ignore[union-attr]


def _asserted(quad: ox.Quad) -> bool:
    """An asserted triple (not of the ontology or inferred graph) with an IRI subject."""
    return type(quad.subject) is ox.NamedNode and _graph_name(quad) not in NOT_ASSERTED


def _iri(text: str) -> ox.NamedNode | None:
    try:
        return ox.NamedNode(text)
    except ValueError:
        return None  # not an IRI: the subject of nothing


def _plain(term: object) -> object:
    return term.value if type(term) is ox.NamedNode else term  # type: ignore[attr-defined]
