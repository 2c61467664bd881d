"""What an import produces: its triples, and a report of what it read, merged and skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS

from diplograph.imports.config import ImportSpec
from diplograph.namespaces import DIPLO, ID, SCHEMA, VOCAB, import_graph
from diplograph.records import values

Triple = tuple[URIRef, URIRef, URIRef | Literal]
ESTABLISHED = VOCAB["stage/established"]
UNKNOWN_LEVEL = VOCAB["admin-level/municipality"]
KIND_CLASSES = {
    "sister-city": DIPLO.SisterCityPartnership,
    "sister-province": DIPLO.SisterProvincePartnership,
    "friendship-city": DIPLO.FriendshipCityPartnership,
}


@dataclass(frozen=True)
class Ambiguity:
    """An outside name that matched more than one region (or one it could not confirm)."""

    text: str
    where: str
    candidates: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r} could be {', '.join(self.candidates)}"


@dataclass
class ImportResult:
    """The triples of one import (for its named graph) and the figures of its report."""

    spec: ImportSpec
    triples: list[Triple] = field(default_factory=list)
    rows: int = 0
    statements: int = 0
    duplicates: int = 0
    pairs: int = 0
    one_sided: int = 0
    partnerships_new: int = 0
    partnerships_existing: int = 0
    regions: int = 0
    regions_new: int = 0
    unnamed: int = 0
    merged_curated: list[tuple[str, str, str]] = field(default_factory=list)
    merged_imported: int = 0
    ambiguous: list[Ambiguity] = field(default_factory=list)
    unconfirmed: list[Ambiguity] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def graph(self) -> URIRef:
        return import_graph(self.spec.id)

    @property
    def source(self) -> URIRef:
        return ID[f"source/{self.spec.id}"]

    def summary(self) -> str:
        return (
            f"import {self.spec.id}: {self.rows} rows, {self.pairs} pairs → "
            f"{self.partnerships_new} new partnerships ({self.one_sided} one-sided), "
            f"{self.regions} regions ({self.regions_new} new, {len(self.merged_curated)} merged "
            f"with curated ones), {len(self.ambiguous)} ambiguous, "
            f"{len(self.problems)} unreadable rows, {len(set(self.triples))} triples"
        )


def date_literal(text: str) -> Literal:
    lexical, datatype = values.parse_date(text)
    return Literal(lexical, datatype=datatype)


def source_triples(result: ImportResult, language: str, default_note: str) -> list[Triple]:
    spec, source = result.spec, result.source
    title = spec.title or f"{spec.id} ({spec.format} import)"
    triples: list[Triple] = [
        (source, RDF.type, DIPLO.Source),
        (source, RDF.type, DIPLO.Dataset),
        (source, RDFS.label, Literal(title)),
        (source, DCTERMS.title, Literal(title)),
        (source, DCTERMS.date, date_literal(spec.date)),
        (source, DCTERMS.language, Literal(language)),
    ]
    if spec.license:
        triples.append((source, DCTERMS.license, Literal(spec.license)))
    if spec.url:
        triples.append((source, SCHEMA.url, Literal(spec.url, datatype=XSD.anyURI)))
    note = " ".join(x for x in (spec.note, default_note) if x)
    if note:
        triples.append((source, SKOS.editorialNote, Literal(note)))
    return triples


def new_region_triples(
    iri: URIRef, labels: list[Literal], located_in: URIRef | None = None
) -> list[Triple]:
    triples: list[Triple] = [
        (iri, RDF.type, DIPLO.Region),
        (iri, DIPLO.adminLevel, UNKNOWN_LEVEL),
    ]
    triples += [(iri, RDFS.label, label) for label in labels]
    if located_in is not None:
        triples.append((iri, DIPLO.locatedIn, located_in))
    return triples


def partnership_triples(
    result: ImportResult,
    iri: URIRef,
    parties: tuple[URIRef, URIRef],
    label: str | None,
    when: tuple[URIRef, Literal],
    new: bool,
) -> list[Triple]:
    """The partnership (``label`` None for an existing one) and its 'established' stage."""
    stage = URIRef(
        f"{iri}/stage/established" if new else f"{iri}/stage/established-{result.spec.id}"
    )
    triples: list[Triple] = [
        (iri, RDF.type, DIPLO.Partnership),
        (iri, DIPLO.hasParty, parties[0]),
        (iri, DIPLO.hasParty, parties[1]),
        (iri, DIPLO.hasStageChange, stage),
        (stage, RDF.type, DIPLO.StageChange),
        (stage, DIPLO.stage, ESTABLISHED),
        (stage, when[0], when[1]),
    ]
    if label is not None:
        triples.append((iri, RDFS.label, Literal(label)))
    if result.spec.kind:
        triples.append((iri, RDF.type, KIND_CLASSES[result.spec.kind]))
    return triples
