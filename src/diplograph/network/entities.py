"""Which IRIs of the facts are entities: the nodes of the projection.

An entity is the subject of a type that is drawn (``NODE_TYPES``; helper nodes such as quotes
or stage changes are folded into their owner instead), and, in the default ``linked`` scope,
is stated outside the reference graph or reached from an entity that is: the reference
gazetteer contributes only the places and bodies that records reach. A kept entity keeps what
it points at and what points at it, except by the properties of ``NOT_PULLED_BY`` (otherwise a
country would bring all its subdivisions).

With every fact in memory the scope is computed at once, forwards (``all_entities``). With
lazy facts (the store) each entity met is decided by a search backwards from it, stopped as
soon as an entity stated outside the reference graph is found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from diplograph.network.facts import Facts, MemoryFacts
from diplograph.network.folding import FOLDED_TYPES, SOURCE_EDGE
from diplograph.network.terms import (
    DIPLO_BASE,
    NOT_ASSERTED,
    PROV_QUOTED_FROM,
    REFERENCE,
    VOCAB_BASE,
    diplo,
    local_name,
)

Scope = Literal["linked", "all"]

# Node types in the order the most specific is picked: a country is also a region, a firm
# also an organisation. ``type`` is the first of these a node has.
NODE_TYPES: tuple[str, ...] = (
    "Country",
    "Region",
    "Government",
    "Firm",
    "Organisation",
    "Person",
    "Post",
    "Partnership",
    "Agreement",
    "DiplomaticRelation",
    "Programme",
    "Investment",
    "Facility",
    "Event",
    "Source",
)
COUNTRY_CLASS, ADMIN_LEVEL = diplo("Country"), diplo("adminLevel")
COUNTRY_LEVEL = VOCAB_BASE + "admin-level/country"
# Edges that do not pull a reference entity into the "linked" scope when they point at a
# kept one: otherwise a country would bring all its subdivisions, a dataset all it lists.
NOT_PULLED_BY = frozenset(
    {
        diplo("locatedIn"),
        diplo("capitalOf"),
        diplo("withinFacility"),
        SOURCE_EDGE,
        PROV_QUOTED_FROM,
    }
)
Candidate = tuple[str, list[str]]  # (type, every diplo class name)


class Entities:
    """Which IRIs of ``facts`` are entities, with their type and classes."""

    def __init__(self, facts: Facts, *, sources: bool = True, scope: Scope = "linked") -> None:
        self.facts, self.sources, self.scope = facts, sources, scope
        self._candidates: dict[str, Candidate | None] = {}
        self._kept: dict[str, bool] = {}
        self._all_known = False  # _kept holds every candidate (set by ``all_entities``)
        self._roots: bool | None = None

    def candidate(self, s: str) -> Candidate | None:
        """``(type, class names)`` when ``s`` is an entity of a drawn type, scope aside."""
        if s in self._candidates:
            return self._candidates[s]
        entry = self.facts.subject(s)
        found = None
        classes = frozenset(entry.types)
        if classes and not classes & FOLDED_TYPES:
            if COUNTRY_LEVEL in entry.values(ADMIN_LEVEL):
                classes |= {COUNTRY_CLASS}  # a region at country level is a country
            closure = self.facts.ontology.closure(classes)
            names = {local_name(c) for c in closure if c.startswith(DIPLO_BASE)}
            kind = next((t for t in NODE_TYPES if t in names), None)
            if kind and (self.sources or kind != "Source"):
                found = (kind, sorted(names))
        self._candidates[s] = found
        return found

    def kind(self, s: str) -> str | None:
        return self._candidates[s][0] if self.is_entity(s) else None  # type: ignore[index]

    def is_entity(self, s: str) -> bool:
        if type(s) is not str or self.candidate(s) is None:
            return False
        if self.scope == "all":
            return True
        kept = self._kept.get(s)
        if kept is None:
            kept = False if self._all_known else self._search(s)
        return kept

    def all_entities(self) -> list[str]:
        """Every entity, sorted (needs ``MemoryFacts``: the whole dataset in memory)."""
        if not isinstance(self.facts, MemoryFacts):
            raise TypeError("projecting every entity needs MemoryFacts")
        candidates = [s for s in self.facts.subjects if self.candidate(s)]
        kept = set(candidates) if self.scope == "all" else _linked(self.facts, candidates)
        self._kept = {s: s in kept for s in candidates}
        self._all_known = True
        return sorted(kept)

    def _is_root(self, s: str) -> bool:
        """Stated outside the reference graph: such an entity is always kept."""
        return bool(self.facts.subject(s).graphs - {REFERENCE})

    def _pullers(self, s: str) -> Iterator[str]:
        """What brings ``s`` into the linked scope when it is in it (IRIs, entities or not)."""
        for p, objects in self.facts.subject(s).out.items():
            if p not in NOT_PULLED_BY:
                yield from (o for o in objects if type(o) is str)
        for x, _p in self.facts.incoming(s):  # last: the one question to the store
            yield x

    def _search(self, start: str) -> bool:
        """Whether ``start`` is reached from a root: a breadth-first search backwards from it.
        Found, every entity on the way is kept too; not found, none of those searched is."""
        if self._roots is None:
            self._roots = self._any_root()
        if not self._roots or self._is_root(start):
            self._kept[start] = True
            return True
        parent: dict[str, str | None] = {start: None}
        queue = [start]
        for node in queue:  # grows while it is walked
            for other in self._pullers(node):
                if other in parent or not self.candidate(other):
                    continue
                parent[other] = node
                known = self._kept.get(other)
                if known or (known is None and self._is_root(other)):
                    step: str | None = other
                    while step is not None:
                        self._kept[step] = True
                        step = parent[step]
                    return True
                if known is None:
                    queue.append(other)  # a known False: all that could pull it in was searched
        self._kept.update(dict.fromkeys(parent, False))
        return False

    def pull(self, s: str, incoming: bool = False) -> None:
        """The kept entity ``s`` keeps the entities it points at (and, with ``incoming``, those
        pointing at it by a pulling property): no search is needed for them."""
        if self.scope == "all" or self._all_known:
            return
        for objects in self.facts.subject(s).out.values():
            for o in objects:
                if type(o) is str and o not in self._kept and self.candidate(o):
                    self._kept[o] = True
        if incoming:
            for x, p in self.facts.incoming(s):
                if p not in NOT_PULLED_BY and x not in self._kept and self.candidate(x):
                    self._kept[x] = True

    def _any_root(self) -> bool:
        return any(
            self.candidate(s)
            for graph in self.facts.graphs()
            if graph != REFERENCE and graph not in NOT_ASSERTED
            for s in self.facts.graph_subjects(graph)
        )


def _linked(facts: Facts, candidates: list[str]) -> set[str]:
    """Entities stated outside the reference graph, and the reference entities they reach."""
    members = set(candidates)
    kept = {s for s in candidates if facts.subject(s).graphs - {REFERENCE}}
    if not kept:
        return members
    incoming: dict[str, list[str]] = defaultdict(list)
    for s in candidates:
        for p, objects in facts.subject(s).out.items():
            if p not in NOT_PULLED_BY:
                for o in objects:
                    if o in members:
                        incoming[o].append(s)  # type: ignore[index]
    todo = list(kept)
    while todo:
        node = todo.pop()
        out = facts.subject(node).out.values()
        reached = [o for objects in out for o in objects if o in members]
        for other in reached + incoming.get(node, []):
            if other not in kept:
                kept.add(other)  # type: ignore[arg-type]
                todo.append(other)  # type: ignore[arg-type]
    return kept
