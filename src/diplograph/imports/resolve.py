"""Entity resolution: which region of the graph an outside name or id refers to.

A name from outside data is matched in this order:

1. by external id: a region whose ``skos:exactMatch`` is the Wikidata item;
2. by normalised name (see :mod:`diplograph.imports.names`) within the same country, preferring
   the levels the caller expects (cities for the ends of a city pair, first-level divisions
   for a province list);
3. otherwise there is no match, and a new region is made by the importer.

More than one candidate is an *ambiguity*: it is reported, and nothing is merged. A name that
equals a known region's but cannot be confirmed (the outside data gives no country) is an
*unconfirmed* match: reported, not merged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Dataset, Literal, URIRef

from diplograph.imports.names import fold, name_key
from diplograph.namespaces import DIPLO, GRAPH, VOCAB, WD

IMPORT_GRAPHS = str(GRAPH["import/"])
LEVELS = str(VOCAB["admin-level/"])
COUNTRY = "country"
FIRST_LEVEL = frozenset({"province", "prefecture"})
LOCAL_LEVELS = frozenset(
    {"regency", "city", "prefecture-level-city", "county-level-city", "municipality"}
)


@dataclass
class Region:
    """What the index knows about one region."""

    iri: URIRef
    level: str | None = None
    names: list[str] = field(default_factory=list)
    located_in: URIRef | None = None
    curated: bool = False
    country: URIRef | None = None

    labels: list[Literal] = field(default_factory=list)

    @property
    def display(self) -> str:
        """An English label if there is one, else an untagged one, else any; else the id."""
        for wanted in ("en", None):
            for label in self.labels:
                if label.language == wanted:
                    return str(label)
        if self.labels:
            return str(self.labels[0])
        return self.names[0] if self.names else str(self.iri).rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Match:
    """The outcome of one lookup: the region found, or the candidates that made it fail."""

    iri: URIRef | None
    how: str  # "wikidata", "name", "none", "ambiguous", "unconfirmed"
    candidates: tuple[URIRef, ...] = ()


class RegionIndex:
    """Regions of a dataset by Wikidata id, by name key and by country code."""

    def __init__(self) -> None:
        self.regions: dict[URIRef, Region] = {}
        self.by_key: dict[str, set[URIRef]] = defaultdict(set)
        self.by_wikidata: dict[str, set[URIRef]] = defaultdict(set)
        self.codes: dict[str, URIRef] = {}
        self.partnerships: dict[frozenset[URIRef], URIRef] = {}

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> RegionIndex:
        index = cls()
        for s, _p, _o, g in dataset.quads((None, RDF.type, DIPLO.Region, None)):
            region = index.regions.setdefault(s, Region(s))
            region.curated |= not str(_graph_id(g)).startswith(IMPORT_GRAPHS)
        regions = index.regions
        for prop in (RDFS.label, SKOS.altLabel):
            for s, _p, o, _g in dataset.quads((None, prop, None, None)):
                if s in regions and isinstance(o, Literal):
                    if prop == RDFS.label and o not in regions[s].labels:
                        regions[s].labels.append(o)
                    if str(o) not in regions[s].names:
                        regions[s].names.append(str(o))
        for region in regions.values():
            region.labels.sort(key=lambda lit: (lit.language or "", str(lit)))
            region.names.sort()
        for s, _p, o, _g in dataset.quads((None, DIPLO.adminLevel, None, None)):
            if s in regions and str(o).startswith(LEVELS):
                regions[s].level = str(o)[len(LEVELS) :]
        for s, _p, o, _g in dataset.quads((None, DIPLO.locatedIn, None, None)):
            if s in regions and isinstance(o, URIRef):
                regions[s].located_in = o
        for s, _p, o, _g in dataset.quads((None, SKOS.exactMatch, None, None)):
            if s in regions and str(o).startswith(str(WD)):
                index.by_wikidata[str(o)[len(str(WD)) :]].add(s)
        for s, _p, o, _g in dataset.quads((None, SKOS.notation, None, None)):
            if s in regions and regions[s].level == COUNTRY:
                index.codes.setdefault(str(o).upper(), s)
        for region in regions.values():
            region.country = index._country_of(region)
            for name in region.names:
                index.by_key[name_key(name)].add(region.iri)
        parties: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, _p, o, _g in dataset.quads((None, DIPLO.hasParty, None, None)):
            parties[s].add(o)
        for partnership in sorted(parties):
            if len(parties[partnership]) == 2:
                index.partnerships.setdefault(frozenset(parties[partnership]), partnership)
        return index

    def _country_of(self, region: Region) -> URIRef | None:
        seen: set[URIRef] = set()
        current: Region | None = region
        while current is not None and current.iri not in seen:
            if current.level == COUNTRY:
                return current.iri
            seen.add(current.iri)
            current = self.regions.get(current.located_in) if current.located_in else None
        return None

    def add(self, region: Region, wikidata: str | None = None) -> None:
        """Register a region made by an import, so that later rows find it."""
        self.regions[region.iri] = region
        for name in region.names:
            self.by_key[name_key(name)].add(region.iri)
        if wikidata:
            self.by_wikidata[wikidata].add(region.iri)

    # -- lookups ----------------------------------------------------------------------------

    def wikidata(self, qid: str) -> Match:
        found = tuple(sorted(self.by_wikidata.get(qid, ())))
        if len(found) == 1:
            return Match(found[0], "wikidata")
        return Match(None, "ambiguous", found) if found else Match(None, "none")

    def by_name(
        self,
        names: Iterable[str],
        country: URIRef | None,
        levels: Iterable[frozenset[str]] = (LOCAL_LEVELS, FIRST_LEVEL),
    ) -> Match:
        """Match names within ``country``, trying each group of ``levels`` in turn.

        Without a country a name match cannot be confirmed: it is returned as "unconfirmed".
        """
        keys = {name_key(n) for n in names if n.strip()}
        same_name = {iri for key in keys for iri in self.by_key.get(key, ())}
        if not same_name:
            return Match(None, "none")
        if country is None:
            return Match(None, "unconfirmed", tuple(sorted(same_name)))
        in_country = [self.regions[iri] for iri in same_name]
        in_country = [r for r in in_country if r.country == country and r.iri != country]
        for group in levels:
            found = tuple(sorted(r.iri for r in in_country if (r.level or "municipality") in group))
            if len(found) == 1:
                return Match(found[0], "name")
            if found:
                return Match(None, "ambiguous", found)
        return Match(None, "none")

    def country(self, text: str) -> Match:
        """A country by ISO code (``JP``, ``JPN``) or by one of its names in any language."""
        code = text.strip().upper()
        if code in self.codes:
            return Match(self.codes[code], "code")
        key = name_key(text)
        found = tuple(
            sorted(iri for iri in self.by_key.get(key, ()) if self.regions[iri].level == COUNTRY)
        )
        if not found:
            folded = fold(text)
            found = tuple(
                sorted(
                    r.iri
                    for r in self.regions.values()
                    if r.level == COUNTRY and any(fold(n) == folded for n in r.names)
                )
            )
        if len(found) == 1:
            return Match(found[0], "name")
        return Match(None, "ambiguous", found) if found else Match(None, "none")

    def code_of(self, country: URIRef) -> str | None:
        """The two-letter ISO code of a country, if the gazetteer gives one."""
        codes = sorted(c for c, iri in self.codes.items() if iri == country and len(c) == 2)
        return codes[0] if codes else None

    def display(self, iri: URIRef) -> str:
        region = self.regions.get(iri)
        return region.display if region else str(iri).rsplit("/", 1)[-1]


def _graph_id(graph: object) -> object:
    return getattr(graph, "identifier", graph)
