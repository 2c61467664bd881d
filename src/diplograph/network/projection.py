"""The built RDF dataset seen as a network of entities (networkx), for analytics and the explorer.

Entities (regions, governments, partnerships, agreements, programmes, firms, investments,
facilities, events, people, posts, sources …) become nodes keyed by their IRI string. An edge
``s → o`` stands for a triple whose subject and object are both entities; its key and its
``predicate`` attribute are the property IRI, its ``label`` the property's English label from
the ontology graph. Literals are never nodes: they become ``facts``. The helper nodes of the
record format are folded into the entity they describe (``diplograph.network.folding``).

Each entity is linked to the sources that state something about it by an edge with the
predicate ``dcterms:source`` (``sources=False`` leaves sources out).

The projection reads asserted facts only (never ``graph/inferred``), so it does not depend on
whether ``diplograph reason`` has run. By default (``scope="linked"``) the large reference
gazetteer contributes only the places and bodies that records reach, not its thousands of
unrelated subdivisions; ``scope="all"`` keeps every entity (``diplograph.network.entities``).

``entity_graph`` projects every entity of facts held in memory. ``Projection.neighbourhood``
then ``Projection.graph`` project only the entities around one, asking lazy ``Facts`` (the
Oxigraph store) only about what they visit; nodes and edges are built by the same code, so
that graph is exactly the neighbourhood taken on the whole projection.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from diplograph.network.entities import NODE_TYPES, Entities, Scope
from diplograph.network.facts import Facts, MemoryFacts, from_rdflib
from diplograph.network.folding import FOLDED_TYPES, SOURCE_EDGE, Folder
from diplograph.network.terms import PROV_QUOTED_FROM, RDF_TYPE, REFERENCE, diplo, short_id

if TYPE_CHECKING:
    from rdflib import Dataset

LOCATED_IN, WITHIN_FACILITY = diplo("locatedIn"), diplo("withinFacility")
# Properties through which a node's country is found (regions: locatedIn up to a country).
COUNTRY_VIA = (
    LOCATED_IN,
    WITHIN_FACILITY,
    *(
        diplo(name)
        for name in (
            "governs",
            "headquarteredIn",
            "postIn",
            "hostRegion",
            "heldAt",
            "visitDestination",
            "hasParty",
            "relationBetween",
            "programmeCountry",
            "agreementParty",
        )
    ),
)
PROGRAMME_VIA = (diplo("partOfProgramme"), diplo("includesProgramme"))


class Projection:
    """The nodes and edges of the entities of ``facts`` (see ``Entities``), for all of them
    (``graph(entities.all_entities())``) or for a neighbourhood."""

    def __init__(self, facts: Facts, *, sources: bool = True, scope: Scope = "linked") -> None:
        self.facts, self.sources = facts, sources
        self.ontology = facts.ontology
        self.entities = Entities(facts, sources=sources, scope=scope)
        self.is_entity, self.kind = self.entities.is_entity, self.entities.kind
        self.folder = Folder(facts, self.is_entity)
        self._nodes: dict[str, dict[str, Any]] = {}
        self._countries: dict[str, frozenset[str]] = {}

    # -- nodes and edges -----------------------------------------------------------------

    def node(self, s: str) -> dict[str, Any]:
        """The attributes of the entity ``s`` (see ``entity_graph``)."""
        attrs = self._nodes.get(s)
        if attrs is None:
            kind, names = self.entities.candidate(s)  # type: ignore[misc]
            self.entities.pull(s)
            attrs = self.folder.node(s, kind, names)
            found = sorted(self.countries(s))
            attrs["countries"] = found
            attrs["country"] = found[0] if len(found) == 1 else None
            programmes = {
                o
                for prop in PROGRAMME_VIA
                for o in self.facts.subject(s).values(prop)
                if type(o) is str and self.kind(o) == "Programme"
            }
            if kind == "Programme":
                programmes.add(s)
            attrs["programmes"] = sorted(programmes)
            self._nodes[s] = attrs
        return attrs

    def countries(self, node: str) -> frozenset[str]:
        """Countries through the place properties (locatedIn* for regions)."""
        return self._country_search(node, frozenset())[0]

    def _country_search(self, node: str, visiting: frozenset[str]) -> tuple[frozenset[str], bool]:
        """The countries, and whether no cycle was cut on the way (then the result is kept)."""
        if node in self._countries:
            return self._countries[node], True
        if self.kind(node) == "Country":
            return frozenset({node}), True
        found: set[str] = set()
        complete = True
        inside = visiting | {node}
        for prop in COUNTRY_VIA:
            for target in self.facts.subject(node).values(prop):
                if type(target) is not str or target == node:
                    continue
                if target in visiting:
                    complete = False
                    continue
                more, done = self._country_search(target, inside)
                found |= more
                complete = complete and done
            if found and prop in (LOCATED_IN, WITHIN_FACILITY):
                break  # a place's own location decides; other links would only add noise
        result = frozenset(found)
        if complete:
            self._countries[node] = result
        return result, complete

    def graph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        """The entities ``nodes`` and the edges between them."""
        ordered = sorted(nodes)
        members = set(ordered)
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((s, self.node(s)) for s in ordered)
        graph.add_edges_from(self._edges(ordered, members))
        return graph

    def _edges(
        self, ordered: list[str], members: set[str]
    ) -> Iterator[tuple[str, str, str, dict[str, str]]]:
        for s in ordered:
            seen = set()
            for p, objects in sorted(self.facts.subject(s).out.items()):
                if p == RDF_TYPE:
                    continue
                for o in objects:
                    if o in members and o != s:
                        seen.add((o, p))
                        yield s, o, p, {"predicate": p, "label": self.ontology.label(p)}  # type: ignore[misc]
            if self.sources:
                for target in self._cited(s):
                    if target in members and (target, SOURCE_EDGE) not in seen:
                        label = self.ontology.label(SOURCE_EDGE)
                        yield s, target, SOURCE_EDGE, {"predicate": SOURCE_EDGE, "label": label}

    def _cited(self, s: str) -> list[str]:
        """The sources ``s`` is linked to (its details' sources, itself aside)."""
        return [e["source"] for e in self.node(s)["sources"] if e["source"] != s]

    # -- neighbourhoods ------------------------------------------------------------------

    def neighbours(self, u: str) -> set[str]:
        """The entities linked to the entity ``u`` by an edge in either direction."""
        facts = self.facts
        self.entities.pull(u, incoming=True)
        found = {
            o
            for p, objects in facts.subject(u).out.items()
            if p != RDF_TYPE
            for o in objects
            if type(o) is str and o != u and self.is_entity(o)
        }
        found.update(x for x, p in facts.incoming(u) if x != u and self.is_entity(x))
        if self.sources:
            found.update(t for t in self._cited(u) if self.is_entity(t))
            if self.kind(u) == "Source":
                found.update(e for e in self._citing(u) if u in self._cited(e))
        return found

    def _citing(self, source: str) -> set[str]:
        """Entities that may have ``source`` among their sources (checked by the caller)."""
        facts = self.facts
        found: set[str] = set()
        for graph in facts.subject(source).graphs - {REFERENCE}:
            if source in facts.graph_sources(graph):
                found.update(facts.graph_subjects(graph))
        for quote, p in facts.incoming(source):
            if p == PROV_QUOTED_FROM:
                for target in facts.subject(quote).values(diplo("supports")):
                    if type(target) is str:
                        found.add(target)
                        if facts.subject(target).types & FOLDED_TYPES:  # a helper: its owners
                            found.update(owner for owner, _p in facts.incoming(target))
        return {e for e in found if e != source and self.is_entity(e)}

    def neighbourhood(self, focus: str, depth: int) -> set[str]:
        """The entities at most ``depth`` edges from ``focus`` (edges taken either way)."""
        seen, frontier = {focus}, [focus]
        for _ in range(depth):
            reached = []
            for u in frontier:
                for v in sorted(self.neighbours(u)):
                    if v not in seen:
                        seen.add(v)
                        reached.append(v)
            frontier = reached
        return seen


def entity_graph(
    data: MemoryFacts | Dataset, *, sources: bool = True, scope: Scope = "linked"
) -> nx.MultiDiGraph:
    """The entities of ``data`` (facts read with ``read_built``, or an rdflib ``Dataset``) and
    the relations between them.

    Node attributes: ``label`` (English, else Indonesian, else any), ``labels`` (language →
    labels; ``und`` for none), ``alt_labels``, ``id`` (``region/batang``), ``type`` (one of
    ``NODE_TYPES``), ``types`` (every diplo class, superclasses included), ``kind`` (the
    record's kind id, e.g. ``sister-city``), ``country`` (the country IRI when there is exactly
    one), ``countries``, ``programmes``, ``stage`` (partnerships: the most advanced stage
    reached, not planned), ``stages`` (stage history), ``fields`` (cooperation field ids),
    ``participants``, ``activities``, ``mentions``, ``facts`` (label → values: dates,
    amounts, status …), ``sources`` (``[{source, title, quotes: [{text, lang, about}]}]``)
    and ``reference`` (True when only reference data states it). Edge attributes:
    ``predicate`` (IRI string) and ``label``.
    """
    facts = data if isinstance(data, MemoryFacts) else from_rdflib(data)
    projection = Projection(facts, sources=sources, scope=scope)
    return projection.graph(projection.entities.all_entities())


__all__ = ["NODE_TYPES", "Projection", "entity_graph", "short_id"]
