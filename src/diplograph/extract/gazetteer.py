"""The gazetteer the extractor resolves places against: the project's reference data.

It reads whatever ``graph/reference`` holds when it runs: the curated YAML (regions,
governments, posts) and any N-Triples files (``*.nt``, also in sub-folders) that describe
regions. Names are compared by :func:`diplograph.imports.names.name_key`, so "Kabupaten
Batang", "Batang Regency" and "BATANG" are one key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from diplograph.imports.names import name_key
from diplograph.namespaces import DIPLO, ID, VOCAB
from diplograph.project import Project

LEVELS = str(VOCAB["admin-level/"])
REGION_IRI = str(ID["region/"])


@dataclass
class Place:
    """One region of the reference data."""

    id: str
    names: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    level: str | None = None
    located_in: str | None = None
    curated: bool = False

    def label(self, language: str = "en") -> str:
        for lang in (language, "en", "id", ""):
            if lang in self.labels:
                return self.labels[lang]
        return self.names[0] if self.names else self.id


@dataclass
class Gazetteer:
    """Regions by id and by name key, and the curated governments and posts."""

    places: dict[str, Place] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    governments: dict[str, str] = field(default_factory=dict)  # region id → government id
    posts: dict[str, str] = field(default_factory=dict)  # post id → government id
    known_ids: set[str] = field(default_factory=set)  # ids a record may refer to

    @classmethod
    def load(cls, project: Project) -> Gazetteer:
        gazetteer = cls()
        folder = project.reference_dir
        for path in sorted(folder.glob("*.yaml")):
            gazetteer._read_yaml(path)
        for path in sorted(folder.rglob("*.nt")):
            gazetteer._read_ntriples(path)
        shared = gazetteer._shared_country_names()
        for place in gazetteer.places.values():
            for name in place.names:
                # ISO 3166-2 writes some qualifiers after a comma ("Bashkortostan, Respublika"),
                # ISO 3166-1 and the Indonesian names before or after ("Palestine, State of",
                # "Negara Palestina"); a country's short name is kept unless two countries
                # share it ("Korea, Republic of")
                short = _short_name(name)
                if place.level == "country" and short in shared:
                    short = name
                for written in {name, short}:
                    if key := name_key(written):
                        gazetteer.by_key[key].add(place.id)
        return gazetteer

    def _shared_country_names(self) -> set[str]:
        seen: dict[str, set[str]] = defaultdict(set)
        for place in self.places.values():
            if place.level == "country":
                for name in place.names:
                    seen[_short_name(name)].add(place.id)
        return {short for short, ids in seen.items() if len(ids) > 1}

    def _place(self, place_id: str) -> Place:
        return self.places.setdefault(place_id, Place(place_id))

    def _read_yaml(self, path: Path) -> None:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for section in document if isinstance(document, dict) else {}:
            for item in document.get(section) or []:
                if isinstance(item, dict) and "id" in item:
                    self.known_ids.add(str(item["id"]))
        for item in document.get("regions") or []:
            place = self._place(str(item["id"]))
            place.curated = True
            for key in ("label", "alt_label"):
                for lang, names in (item.get(key) or {}).items():
                    for name in names if isinstance(names, list) else [names]:
                        if key == "label":
                            place.labels.setdefault(lang, str(name))
                        if str(name) not in place.names:
                            place.names.append(str(name))
            place.level = item.get("level") or place.level
            place.located_in = item.get("located_in") or place.located_in
        for item in document.get("governments") or []:
            if item.get("governs"):
                self.governments.setdefault(str(item["governs"]), str(item["id"]))
        for item in document.get("posts") or []:
            self.posts[str(item["id"])] = str(item.get("post_in", ""))

    def _read_ntriples(self, path: Path) -> None:
        graph = Graph()
        graph.parse(path, format="nt")
        for subject in set(graph.subjects(RDF.type, DIPLO.Region)):
            if not str(subject).startswith(REGION_IRI):
                continue
            place = self._place(str(subject)[len(REGION_IRI) :])
            for prop in (RDFS.label, SKOS.altLabel):
                for name in graph.objects(subject, prop):
                    if isinstance(name, Literal):
                        if prop == RDFS.label:
                            place.labels.setdefault(name.language or "", str(name))
                        if str(name) not in place.names:
                            place.names.append(str(name))
            for level in graph.objects(subject, DIPLO.adminLevel):
                if str(level).startswith(LEVELS) and place.level is None:
                    place.level = str(level)[len(LEVELS) :]
            for parent in graph.objects(subject, DIPLO.locatedIn):
                if isinstance(parent, URIRef) and str(parent).startswith(REGION_IRI):
                    place.located_in = place.located_in or str(parent)[len(REGION_IRI) :]

    # -- lookups ----------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Place]:
        return [self.places[i] for i in sorted(self.by_key.get(name_key(name), ()))]

    def ancestors(self, place_id: str) -> list[str]:
        chain: list[str] = []
        current = self.places.get(place_id)
        while current is not None and current.located_in and current.located_in not in chain:
            chain.append(current.located_in)
            current = self.places.get(current.located_in)
        return chain

    def country_of(self, place_id: str) -> str | None:
        for candidate in [place_id, *self.ancestors(place_id)]:
            place = self.places.get(candidate)
            if place is not None and place.level == "country":
                return candidate
        return None


_STATE_WORDS = ("Negara ", "Republik ")  # "Negara Palestina"


def _short_name(name: str) -> str:
    """A name without its qualifier: "Palestine, State of" → "Palestine", "Negara Palestina" →
    "Palestina"."""
    short = name.split(", ")[0]
    for word in _STATE_WORDS:
        if short.startswith(word) and len(short) > len(word):
            return short[len(word) :]
    return short
