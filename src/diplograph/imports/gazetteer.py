"""The reference gazetteer: every ISO 3166-1 country and its first-level subdivisions.

``scripts/make_gazetteer.py`` writes, from pycountry (which ships the Debian iso-codes data and
its translations), ``graph/reference/gazetteer.nt`` (the 249 countries; the build adds every
``*.nt`` file of ``graph/reference/`` to the reference graph) and
``graph/reference/optional/iso-3166-2-subdivisions.nt`` (about 3,800 first-level subdivisions,
25,000 triples: added only when ``graph/imports.yaml`` lists it, to keep the default build small).

A place that a curated record already describes (Indonesia, Central Java, Toyama Prefecture…)
is not made twice: the gazetteer finds it by name, country and level and adds its ISO codes and
names to the curated region's IRI. Every gazetteer region names its source (``dcterms:source``).
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pycountry
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from diplograph.convert import records_to_dataset
from diplograph.imports.names import slug
from diplograph.imports.resolve import FIRST_LEVEL, RegionIndex
from diplograph.namespaces import DIPLO, ID, SCHEMA, VOCAB
from diplograph.project import Project
from diplograph.records.load import load_records

GAZETTEER_FILE = "gazetteer.nt"
SUBDIVISIONS_FILE = "optional/iso-3166-2-subdivisions.nt"
COUNTRIES_SOURCE = ID["source/iso-3166-1"]
SUBDIVISIONS_SOURCE = ID["source/iso-3166-2"]
# Subdivision types that group first-level divisions without governing them: the provinces
# of Indonesia sit under "geographical units" (Jawa, Sumatera…), and count as first-level.
GROUPINGS = frozenset(
    {
        "Geographical region",
        "Geographical unit",
        "Geographical entity",
        "Chain (of islands)",
        "Group of islands (20 inhabited islands)",
        "Islands, groups of islands",
    }
)
Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Missing(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return ""


def _translator(domain: str, language: str):  # type: ignore[no-untyped-def]
    """``translate(text)`` in ``language``, or "" when the catalogue has no translation."""
    try:
        catalogue = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return lambda _text: ""
    catalogue.add_fallback(_Missing())
    return catalogue.gettext


@dataclass
class GazetteerReport:
    countries: int = 0
    subdivisions: int = 0
    merged: tuple[tuple[str, str], ...] = ()  # (ISO code, curated IRI)
    triples: int = 0


def gazetteer_triples(
    index: RegionIndex, taken: set[str]
) -> tuple[list[Triple], list[Triple], GazetteerReport]:
    """Country triples and subdivision triples, merged with the curated regions of ``index``.

    ``taken`` holds the entity ids already used by records: a new id never clashes with one.
    """
    sources = list(_source_triples())
    countries_part = [t for t in sources if t[0] == COUNTRIES_SOURCE]
    subdivisions_part = [t for t in sources if t[0] == SUBDIVISIONS_SOURCE]
    report = GazetteerReport()
    merged: list[tuple[str, str]] = []
    countries: dict[str, URIRef] = {}
    used = set(taken)
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iri, curated = _country_iri(country, index, used)
        countries[country.alpha_2] = iri
        if curated:
            merged.append((country.alpha_2, str(iri)))
        countries_part += _country_triples(country, iri, index if curated else None)
        report.countries += 1
    for subdivision in _first_level_subdivisions():
        country_iri = countries[subdivision.country_code]
        iri, curated = _subdivision_iri(subdivision, country_iri, index, used)
        if curated:
            merged.append((subdivision.code, str(iri)))
        subdivisions_part += _subdivision_triples(
            subdivision, iri, country_iri, index if curated else None
        )
        report.subdivisions += 1
    report.merged = tuple(merged)
    report.triples = len(set(countries_part)) + len(set(subdivisions_part))
    return countries_part, subdivisions_part, report


def _source_triples() -> Iterator[Triple]:
    release = version("pycountry")
    year, month, day = (int(x) for x in release.split(".")[:3])
    date = Literal(
        f"{2000 + year if year < 100 else year}-{month:02d}-{day:02d}", datatype=XSD.date
    )
    for iri, standard, what in (
        (COUNTRIES_SOURCE, "ISO 3166-1", "countries and their codes"),
        (SUBDIVISIONS_SOURCE, "ISO 3166-2", "first-level country subdivisions and their codes"),
    ):
        title = f"{standard} {what}, from the iso-codes data in pycountry {release}"
        yield iri, RDF.type, DIPLO.Source
        yield iri, RDF.type, DIPLO.Dataset
        yield iri, RDFS.label, Literal(title)
        yield iri, DCTERMS.title, Literal(title)
        yield iri, DCTERMS.date, date
        yield iri, DCTERMS.language, Literal("en")
        yield iri, DCTERMS.license, Literal("LGPL-2.1-or-later")
        yield (
            iri,
            SCHEMA.url,
            Literal("https://salsa.debian.org/iso-codes-team/iso-codes", datatype=XSD.anyURI),
        )
        yield (
            iri,
            SKOS.editorialNote,
            Literal(
                "Names in English and Indonesian from the iso-codes translations; subdivision "
                "names as the standard gives them (mostly in the local language, untagged)."
            ),
        )


def _country_names(country) -> tuple[str, list[str], str]:  # type: ignore[no-untyped-def]
    """English label, other English names, Indonesian label ("" if none)."""
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    label = common or country.name
    others = [n for n in (country.name, official) if n and n != label]
    indonesian = _translator("iso3166-1", "id")
    id_label = (indonesian(common) if common else "") or indonesian(country.name)
    return label, list(dict.fromkeys(others)), id_label


def _country_iri(country, index: RegionIndex, used: set[str]) -> tuple[URIRef, bool]:  # type: ignore[no-untyped-def]
    label, others, _ = _country_names(country)
    for name in (label, *others):
        found = index.country(name)
        if found.iri is not None and index.regions[found.iri].curated:
            return found.iri, True
    for candidate in (slug(label), f"country-{country.alpha_2.lower()}"):
        if candidate not in used:
            used.add(candidate)
            return ID[f"region/{candidate}"], False
    raise ValueError(f"no free id for country {country.alpha_2}")


def _country_triples(country, iri: URIRef, curated: RegionIndex | None) -> Iterator[Triple]:  # type: ignore[no-untyped-def]
    label, others, id_label = _country_names(country)
    yield iri, RDF.type, DIPLO.Region
    yield iri, RDF.type, DIPLO.Country
    yield iri, DIPLO.adminLevel, VOCAB["admin-level/country"]
    yield iri, DCTERMS.source, COUNTRIES_SOURCE
    yield iri, SKOS.notation, Literal(country.alpha_2)
    yield iri, SKOS.notation, Literal(country.alpha_3)
    names = [(label, "en"), *((n, "en") for n in others)]
    if id_label:
        names.append((id_label, "id"))
    yield from _names(iri, names, curated)


def _names(iri: URIRef, names: list[tuple[str, str | None]], curated: RegionIndex | None):  # type: ignore[no-untyped-def]
    """Labels of a new region; alternative labels only, for a curated one (its labels win)."""
    labelled: set[str | None] = set()
    existing = curated.regions[iri].labels if curated else []
    for text, lang in names:
        literal = Literal(text, lang=lang)
        if curated is not None:
            if literal not in existing:
                yield iri, SKOS.altLabel, literal
        elif lang in labelled:
            yield iri, SKOS.altLabel, literal
        else:
            labelled.add(lang)
            yield iri, RDFS.label, literal


def _first_level_subdivisions() -> list:  # type: ignore[type-arg]
    by_code = {s.code: s for s in pycountry.subdivisions}
    found = []
    for sub in by_code.values():
        parent = by_code.get(sub.parent_code) if sub.parent_code else None
        if (parent is None and sub.type not in GROUPINGS) or (
            parent is not None and parent.type in GROUPINGS and parent.parent_code is None
        ):
            found.append(sub)
    return sorted(found, key=lambda s: s.code)


def _level(subdivision) -> str:  # type: ignore[no-untyped-def]
    return "prefecture" if subdivision.type == "Prefecture" else "province"


def _subdivision_names(subdivision) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    names: list[tuple[str, str | None]] = [(subdivision.name, None)]
    for lang in ("en", "id"):
        translated = _translator("iso3166-2", lang)(subdivision.name)
        if translated and translated != subdivision.name:
            names.append((translated, lang))
    return names


def _subdivision_iri(subdivision, country: URIRef, index: RegionIndex, used: set[str]):  # type: ignore[no-untyped-def]
    names = [n for n, _ in _subdivision_names(subdivision)]
    found = index.by_name(names, country, levels=(FIRST_LEVEL,))
    if found.iri is not None and index.regions[found.iri].curated:
        return found.iri, True
    if found.how == "ambiguous":
        raise ValueError(
            f"{subdivision.code} {subdivision.name!r} matches several curated regions: "
            + ", ".join(str(c) for c in found.candidates)
        )
    candidate = subdivision.code.lower()
    if candidate in used:
        raise ValueError(f"id {candidate!r} of {subdivision.code} is already used by a record")
    used.add(candidate)
    return ID[f"region/{candidate}"], False


def _subdivision_triples(subdivision, iri: URIRef, country: URIRef, curated: RegionIndex | None):  # type: ignore[no-untyped-def]
    yield iri, RDF.type, DIPLO.Region
    yield iri, DCTERMS.source, SUBDIVISIONS_SOURCE
    yield iri, SKOS.notation, Literal(subdivision.code)
    if curated is None:
        yield iri, DIPLO.adminLevel, VOCAB[f"admin-level/{_level(subdivision)}"]
        yield iri, DIPLO.locatedIn, country
    yield from _names(iri, _subdivision_names(subdivision), curated)


def sorted_ntriples(triples: list[Triple], header: str) -> str:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    lines = sorted({line for line in graph.serialize(format="nt").splitlines() if line.strip()})
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comments + "\n".join(lines) + "\n"


def reference_files(reference_dir: Path) -> list[Path]:
    """The N-Triples files the build adds to the reference graph."""
    return sorted(reference_dir.glob("*.nt"))


COUNTRIES_HEADER = """Reference gazetteer: ISO 3166-1 countries, with English and Indonesian names.
Generated by scripts/make_gazetteer.py from pycountry {release}; do not edit by hand.
Countries that graph/reference/*.yaml already describes keep their curated IRI and labels;
the gazetteer adds their ISO codes and other names. Source: id/source/iso-3166-1."""

SUBDIVISIONS_HEADER = """Optional reference data: the first-level ISO 3166-2 subdivisions.
Generated by scripts/make_gazetteer.py from pycountry {release}; do not edit by hand.
Not part of the default build: list it in graph/imports.yaml (format: ntriples) to add it.
Subdivisions that graph/reference/*.yaml already describes keep their curated IRI and labels.
Source: id/source/iso-3166-2."""


def make_gazetteer(project: Project) -> tuple[dict[Path, str], GazetteerReport]:
    """The gazetteer files' texts (by path) for ``project``'s curated records."""
    records = load_records(project)
    dataset = records_to_dataset(records, project)
    index = RegionIndex.from_dataset(dataset)
    taken = {entity.id for record in records for entity in record.entities}
    countries, subdivisions, report = gazetteer_triples(index, taken)
    release = version("pycountry")
    texts = {
        project.reference_dir / GAZETTEER_FILE: sorted_ntriples(
            countries, COUNTRIES_HEADER.format(release=release)
        ),
        project.reference_dir / SUBDIVISIONS_FILE: sorted_ntriples(
            subdivisions, SUBDIVISIONS_HEADER.format(release=release)
        ),
    }
    return texts, report


def load_reference_files(project: Project) -> Graph:
    """The N-Triples files of ``graph/reference/`` as one graph; errors name file and line."""
    graph = Graph()
    for path in reference_files(project.reference_dir):
        try:
            graph.parse(path, format="nt")
        except Exception as exc:  # rdflib raises several kinds of parse errors
            raise ValueError(f"{path}: not valid N-Triples: {exc}") from None
    return graph
