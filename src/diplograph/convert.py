"""Checked records → an RDF dataset: one named graph per source, reference data in its own.

Every node gets a readable IRI derived from record ids (no blank nodes), so the same records
always give the same graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import PROV

from diplograph.namespaces import (
    DIPLO,
    GEONAMES,
    ID,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SCHEMA,
    VOCAB,
    WD,
    source_graph,
)
from diplograph.project import Project
from diplograph.records import values
from diplograph.records.model import Entity, Record
from diplograph.records.schema import (
    SECTION_BY_NAME,
    SOURCE_KINDS,
    SOURCE_PROPERTIES,
    Field,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def entity_iri(section: str, entity_id: str) -> URIRef:
    """``entity_iri("regions", "batang")`` → ``…/id/region/batang``."""
    return ID[f"{SECTION_BY_NAME[section].segment}/{entity_id}"]


def source_iri(source_id: str) -> URIRef:
    return ID[f"source/{source_id}"]


def concept_iri(scheme: str, concept_id: str) -> URIRef:
    return VOCAB[f"{scheme}/{concept_id}"]


def ontology_graph(project: Project) -> Graph:
    """The ontology and its SKOS vocabularies, as one graph."""
    graph = Graph()
    graph.parse(project.ontology_file, format="turtle")
    for path in sorted(project.vocabularies_dir.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def records_to_dataset(records: list[Record], project: Project) -> Dataset:
    """The dataset of the records plus the ontology graph."""
    dataset = Dataset()
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    # OWL needs blank nodes (lists, restrictions): canonical labels keep the output stable.
    for triple in to_canonical_graph(ontology_graph(project)):
        ontology.add(triple)
    iris = {e.id: entity_iri(e.section, e.id) for r in records for e in r.entities}
    for record in records:
        graph_iri = REFERENCE_GRAPH if record.reference else source_graph(record.source_id)
        graph = dataset.graph(graph_iri)
        for triple in _RecordConverter(record, iris).triples():
            graph.add(triple)
    return dataset


class _RecordConverter:
    def __init__(self, record: Record, iris: dict[str, URIRef]) -> None:
        self.record = record
        self.iris = iris
        self.source = source_iri(record.source_id)
        self.language = str(record.source.get("language", "en"))

    def triples(self) -> Iterator[Triple]:
        yield from self._source_triples()
        for entity in self.record.entities:
            yield from self._entity_triples(entity)

    def _source_triples(self) -> Iterator[Triple]:
        source = self.record.source
        yield self.source, RDF.type, DIPLO.Source
        yield self.source, RDF.type, SOURCE_KINDS[source["kind"]]
        yield self.source, RDFS.label, Literal(str(source["title"]))
        for key, prop in SOURCE_PROPERTIES.items():
            value = source.get(key)
            if value in (None, ""):
                continue
            if key == "date":
                lexical, datatype = values.parse_date(value)
                yield self.source, prop, Literal(lexical, datatype=datatype)
            elif key == "url":
                yield self.source, prop, Literal(str(value), datatype=XSD.anyURI)
            else:
                yield self.source, prop, Literal(str(value))
        if source.get("text"):
            yield self.source, DIPLO.sourceFile, Literal(Path(str(source["text"])).name)

    def _entity_triples(self, entity: Entity) -> Iterator[Triple]:
        section = SECTION_BY_NAME[entity.section]
        subject = self.iris[entity.id]
        yield subject, RDF.type, section.cls
        if entity.section == "mentions":
            yield subject, DIPLO.mentionIn, self.source
        for key, value in entity.data.items():
            f = section.field(key)
            if f is None or value is None:
                continue
            for item in _as_list(value) if f.many or f.kind == "kind" else [value]:
                yield from self._field_triples(subject, entity, f, item)
        yield from self._quote_triples(subject, entity.id, entity.data.get("quote"), None)
        for name, quote in (entity.data.get("quotes") or {}).items():
            prop = section.field(name).prop  # type: ignore[union-attr]
            yield from self._quote_triples(subject, f"{entity.id}/{name}", quote, prop)

    def _field_triples(
        self, subject: URIRef, entity: Entity, f: Field, value: object
    ) -> Iterator[Triple]:
        kind, prop = f.kind, f.prop
        if kind == "kind":
            yield subject, RDF.type, f.classes[str(value)]
        elif kind in ("labels", "text"):
            for lang, texts in value.items():  # type: ignore[attr-defined]
                for text in _as_list(texts):
                    yield subject, prop, Literal(str(text).strip(), lang=lang)
        elif kind == "string":
            yield subject, prop, Literal(str(value))
        elif kind == "ref":
            yield subject, prop, self.iris[str(value)]
            if prop == DIPLO.hasParty and value != entity.data["parties"][0]:
                yield (
                    self.iris[str(entity.data["parties"][0])],
                    DIPLO.partnerOf,
                    self.iris[str(value)],
                )
        elif kind == "concept":
            yield subject, prop, concept_iri(f.scheme or "", str(value))
        elif kind in ("date", "year"):
            lexical, datatype = values.parse_date(value)
            yield subject, prop, Literal(lexical, datatype=datatype)
        elif kind == "integer":
            yield subject, prop, Literal(int(value), datatype=XSD.integer)  # type: ignore[call-overload]
        elif kind == "wikidata":
            yield subject, prop, WD[str(value)]
        elif kind == "geonames":
            yield subject, prop, GEONAMES[f"{int(value)}/"]  # type: ignore[call-overload]
        elif kind == "quantity":
            yield from self._quantity_triples(subject, f, value)
        elif kind == "stages":
            yield from self._stage_triples(subject, entity, value)
        elif kind == "activities":
            yield from self._activity_triples(subject, entity, value)
        elif kind == "participants":
            yield from self._participant_triples(subject, entity, value)

    def _quantity_triples(self, subject: URIRef, f: Field, value) -> Iterator[Triple]:  # type: ignore[no-untyped-def]
        name = f.name.removesuffix("s")
        suffix = f"/{value['currency'].lower()}" if "currency" in value else ""
        node = URIRef(f"{subject}/{name}{suffix}")
        money = "currency" in value
        yield subject, f.prop, node
        yield node, RDF.type, DIPLO.MonetaryAmount if money else DIPLO.Quantity
        bounds = {"value": SCHEMA.value, "min": SCHEMA.minValue, "max": SCHEMA.maxValue}
        for key, prop in bounds.items():
            if key in value:
                yield node, prop, _decimal(value[key])
        if "more_than" in value:
            yield node, SCHEMA.minValue, _decimal(value["more_than"])
            yield node, DIPLO.lowerBoundExclusive, Literal(True)
        if money:
            yield node, SCHEMA.currency, Literal(str(value["currency"]))
        if "unit" in value:
            yield node, SCHEMA.unitText, Literal(str(value["unit"]))
        if value.get("approximate"):
            yield node, DIPLO.isApproximate, Literal(True)

    def _stage_triples(self, subject: URIRef, entity: Entity, value) -> Iterator[Triple]:  # type: ignore[no-untyped-def]
        stage = str(value["stage"])
        node = URIRef(f"{subject}/stage/{stage}")
        yield subject, DIPLO.hasStageChange, node
        yield node, RDF.type, DIPLO.StageChange
        yield node, DIPLO.stage, concept_iri("stage", stage)
        yield node, RDFS.label, Literal(f"{entity.id}: {stage}", lang="en")
        for key, prop in (
            ("date", DIPLO.date),
            ("planned_date", DIPLO.plannedDate),
            ("reached_by", DIPLO.reachedBy),
        ):
            if key in value:
                lexical, datatype = values.parse_date(value[key])
                yield node, prop, Literal(lexical, datatype=datatype)
        if "event" in value:
            yield node, DIPLO.stageEvent, self.iris[str(value["event"])]
        if "note" in value:
            yield node, SKOS.editorialNote, Literal(str(value["note"]))
        yield from self._quote_triples(node, f"{entity.id}/stage/{stage}", value.get("quote"), None)

    def _activity_triples(self, subject: URIRef, entity: Entity, value) -> Iterator[Triple]:  # type: ignore[no-untyped-def]
        node = URIRef(f"{subject}/activity/{value['id']}")
        yield subject, DIPLO.hasActivity, node
        yield node, RDF.type, DIPLO.CooperationActivity
        for lang, text in (value.get("label") or {}).items():
            yield node, RDFS.label, Literal(str(text), lang=lang)
        if "field" in value:
            yield node, DIPLO.activityField, concept_iri("field", str(value["field"]))
        if "status" in value:
            yield node, DIPLO.eventStatus, concept_iri("status", str(value["status"]))
        key = f"{entity.id}/activity/{value['id']}"
        yield from self._quote_triples(node, key, value.get("quote"), None)

    def _participant_triples(self, subject: URIRef, entity: Entity, value) -> Iterator[Triple]:  # type: ignore[no-untyped-def]
        agent_id = str(value["agent"])
        node = URIRef(f"{subject}/participant/{agent_id}")
        agent = self.iris[agent_id]
        yield subject, DIPLO.hasParticipation, node
        yield subject, DIPLO.hasParticipant, agent
        yield node, RDF.type, DIPLO.Participation
        yield node, DIPLO.participant, agent
        if "post" in value:
            yield node, DIPLO.inPost, self.iris[str(value["post"])]
        key = f"{entity.id}/participant/{agent_id}"
        yield from self._quote_triples(node, key, value.get("quote"), None)

    def _quote_triples(
        self, subject: URIRef, key: str, quote: object, prop: URIRef | None
    ) -> Iterator[Triple]:
        quotes = _as_list(quote) if quote else []
        for index, text in enumerate(quotes, start=1):
            suffix = f"/{index}" if len(quotes) > 1 else ""
            node = ID[f"quote/{self.record.source_id}/{key}{suffix}"]
            yield node, RDF.type, DIPLO.Quote
            yield node, DIPLO.quoteText, Literal(" ".join(str(text).split()), lang=self.language)
            yield node, DIPLO.supports, subject
            yield node, PROV.wasQuotedFrom, self.source
            if prop is not None:
                yield node, DIPLO.supportsProperty, prop


def _as_list(value: object) -> list:
    return list(value) if isinstance(value, list) else [value]


def _decimal(value: object) -> Literal:
    return Literal(values.decimal_lexical(values.parse_decimal(value)), datatype=XSD.decimal)


TRIG_PREFIXES = {
    "diplo": str(DIPLO),
    "id": str(ID),
    "vocab": str(VOCAB),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": "http://purl.org/dc/terms/",
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
}


def nquads_to_trig(nquads: str) -> str:
    """TriG of sorted N-Quads, one block per graph in graph order: written by Oxigraph's
    serializer (rdflib's TriG writer takes minutes on a million triples)."""
    import pyoxigraph

    quads = list(pyoxigraph.parse(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))
    quads.sort(key=lambda quad: str(quad.graph_name))  # stable: keeps the sorted lines' order
    data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=TRIG_PREFIXES)
    return (data or b"").decode("utf-8")
