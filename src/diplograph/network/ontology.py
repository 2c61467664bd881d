"""What the projection takes from the ontology graph: labels, the class hierarchy, stage order."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from diplograph.network.terms import (
    RDFS_LABEL,
    RDFS_SUBCLASS,
    SKOS_PREF,
    Term,
    diplo,
    local_name,
)

STAGE_ORDER = diplo("stageOrder")


class Ontology:
    """Labels, class hierarchy and concept data, from the triples of the ontology graph."""

    def __init__(self, triples: Iterable[tuple[str, str, Term]] = ()) -> None:
        self.labels: dict[str, dict[str, str]] = defaultdict(dict)
        self.parents: dict[str, set[str]] = defaultdict(set)
        self.order: dict[str, int] = {}
        preferred: list[tuple[str, ox.Literal]] = []
        for s, p, o in triples:
            if p == RDFS_LABEL and isinstance(o, ox.Literal):
                self.labels[s].setdefault(o.language or "", o.value)
            elif p == SKOS_PREF and isinstance(o, ox.Literal):
                preferred.append((s, o))
            elif p == RDFS_SUBCLASS and type(o) is str:
                self.parents[s].add(o)
            elif p == STAGE_ORDER and isinstance(o, ox.Literal):
                self.order[s] = int(o.value)
        for s, o in preferred:  # rdfs:label first, then skos:prefLabel, per language
            self.labels[s].setdefault(o.language or "", o.value)
        self._closures: dict[frozenset[str], frozenset[str]] = {}

    def label(self, iri: str) -> str:
        """The English label, else any, else the local name with words split."""
        found = self.labels.get(iri)
        if found:
            return found.get("en") or found.get("") or next(iter(sorted(found.items())))[1]
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local_name(iri)).lower()

    def closure(self, classes: frozenset[str]) -> frozenset[str]:
        """The classes and all their superclasses (cached: few distinct sets occur)."""
        cached = self._closures.get(classes)
        if cached is not None:
            return cached
        seen: set[str] = set()
        todo = list(classes)
        while todo:
            cls = todo.pop()
            if cls not in seen:
                seen.add(cls)
                todo.extend(self.parents.get(cls, ()))
        self._closures[classes] = frozenset(seen)
        return self._closures[classes]
