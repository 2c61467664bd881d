"""Checked records → an RDF dataset: one named graph per source, reference data in its own.

Every node gets a readable IRI derived from record ids (no blank nodes), so the same records
always give the same graph.

The converter writes N-Quads lines directly, term for term as rdflib's N-Quads serializer
writes them (``tests/test_build.py`` checks both agree), so the build needs no rdflib graph of
the data: ``records_to_dataset`` still gives one for the commands that want it.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

import rdflib
from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import PROV
from rdflib.plugins.serializers.nquads import _nq_row

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

Term = str
"""An N-Triples term as rdflib writes it: ``<iri>``, ``"text"@lang`` or ``"lexical"^^<type>``."""
Triple = tuple[str, Term, Term]
"""A subject IRI (bare, without ``<>``), a predicate term and an object term."""


def ontology_graph(project: Project) -> Graph:
    """The ontology and its SKOS vocabularies, as one graph."""
    graph = Graph()
    graph.parse(project.ontology_file, format="turtle")
    for path in sorted(project.vocabularies_dir.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


# -- N-Quads terms ---------------------------------------------------------------------------

# Characters str.splitlines() breaks at besides \n and \r (which the serializer escapes), and
# lone surrogates, which rdflib's serializer replaces by "?" when it encodes to UTF-8.
_SPECIAL = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ud800-\udfff]")
_BREAK = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ESCAPED_OR_SPECIAL = re.compile('[\\\\\n"\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\ud800-\udfff]')


class LineBreakInText(ValueError):
    """A text value holds a line separator, which line-sorted N-Quads cannot carry.

    (The rdflib-based build wrote such a line in pieces and then failed to load it.)"""


def _plain(text: str, escape_breaks: bool = False) -> str:
    """``text`` as the serializer leaves it: lone surrogates replaced; line separators refused
    (or, with ``escape_breaks``, written as N-Triples escapes, which parsers read back)."""
    if _SPECIAL.search(text) is None:
        return text
    if escape_breaks:
        text = _BREAK.sub(lambda m: f"\\u{ord(m.group()):04X}", text)
    found = _BREAK.search(text)
    if found is not None:
        raise LineBreakInText(
            f"text with a line or paragraph separator (U+{ord(found.group()):04X}) cannot be "
            f"written as N-Quads: {text[:80]!r}; remove it from the record"
        )
    return text.encode("utf-8", "replace").decode("utf-8")


def iri(value: str) -> Term:
    return f"<{value}>"


def literal(
    lexical: str,
    datatype: str | None = None,
    lang: str | None = None,
    escape_breaks: bool = False,
) -> Term:
    """A literal as rdflib's N-Quads serializer writes it: it escapes only \\, \\n, " and \\r."""
    if _ESCAPED_OR_SPECIAL.search(lexical) is not None:
        escaped = (
            lexical.replace("\\", "\\\\")
            .replace("\n", "\\n")
            .replace('"', '\\"')
            .replace("\r", "\\r")
        )
        lexical = _plain(escaped, escape_breaks)
    if lang:
        return f'"{lexical}"@{lang}'
    if datatype:
        return f'"{lexical}"^^<{datatype}>'
    return f'"{lexical}"'


_LANGUAGE_TAIL = re.compile(r'"@[A-Za-z0-9-]+(?= <[^<>]*> \.\n\Z)')


def _mixed_case(language: str | None) -> bool:
    return bool(language) and language != language.lower()  # type: ignore[union-attr]


def rdflib_row(triple: tuple, graph: URIRef) -> str:
    """One N-Quads line of rdflib terms, exactly as rdflib's serializer writes it."""
    row = _nq_row(triple, graph)
    return _plain(row) if _SPECIAL.search(row) else row


T_TYPE = iri(RDF.type)
T_LABEL = iri(RDFS.label)
T_NOTE = iri(SKOS.editorialNote)
T_QUOTED_FROM = iri(PROV.wasQuotedFrom)
XSD_ANY_URI = str(XSD.anyURI)
XSD_DECIMAL = str(XSD.decimal)
XSD_INTEGER = str(XSD.integer)
TRUE = literal("true", str(XSD.boolean))
D = {name: iri(DIPLO._NS[name]) for name in DIPLO.__annotations__}
"""The terms of the ontology as N-Triples terms: ``D["Source"]``."""
S_VALUE, S_MIN, S_MAX, S_CURRENCY, S_UNIT = (
    iri(SCHEMA[name]) for name in ("value", "minValue", "maxValue", "currency", "unitText")
)
ID_BASE, VOCAB_BASE = str(ID), str(VOCAB)
HAS_PARTY = DIPLO.hasParty


@lru_cache(maxsize=4096, typed=True)
def _date(value: object) -> Term:
    lexical, datatype = values.parse_date(value)
    return literal(lexical, str(datatype))


def _decimal(value: object) -> Term:
    return literal(values.decimal_lexical(values.parse_decimal(value)), XSD_DECIMAL)


def _as_list(value: object) -> list:
    return list(value) if isinstance(value, list) else [value]


# -- the dataset as lines --------------------------------------------------------------------


@dataclass
class Quads:
    """The dataset as N-Quads lines, kept in the order they were made (``segments``)."""

    segments: list[tuple[str, list[str]]] = field(default_factory=list)
    """(graph IRI, its lines) in the order they were added; lines may repeat."""
    mixed_case_languages: bool = False
    """Whether a language tag has capitals: rdflib compares tags ignoring case."""

    def add(self, graph: str, lines: list[str]) -> None:
        self.segments.append((graph, lines))

    def by_graph(self) -> dict[str, list[str]]:
        """Each non-empty graph's distinct lines, sorted."""
        if self.mixed_case_languages:
            return self._by_graph_folding_languages()
        groups: dict[str, set[str]] = {}
        for graph, lines in self.segments:
            groups.setdefault(graph, set()).update(lines)
        return {graph: sorted(lines) for graph, lines in groups.items() if lines}

    def _by_graph_folding_languages(self) -> dict[str, list[str]]:
        # "x"@zh-Hans and "x"@zh-hans are one term to rdflib: the first one made is kept.
        groups: dict[str, dict[str, str]] = {}
        for graph, lines in self.segments:
            kept = groups.setdefault(graph, {})
            for line in lines:
                key = _LANGUAGE_TAIL.sub(lambda m: m.group().lower(), line)
                kept.setdefault(key, line)
        return {graph: sorted(kept.values()) for graph, kept in groups.items() if kept}

    def rows(self, skip: str = "") -> str:
        """Every line in the order made (duplicates kept) but those of graph ``skip``."""
        return "".join(line for graph, lines in self.segments if graph != skip for line in lines)


@dataclass
class CanonicalQuads:
    """The byte-stable form of the dataset: distinct N-Quads lines, sorted."""

    graphs: dict[str, list[str]]
    """Graph IRI → its sorted lines."""

    @classmethod
    def of(cls, quads: Quads) -> CanonicalQuads:
        return cls(quads.by_graph())

    def __len__(self) -> int:
        return sum(len(lines) for lines in self.graphs.values())

    def lines(self) -> list[str]:
        """All lines sorted: each graph's lines are a sorted run, which ``sorted`` merges."""
        return sorted(line for lines in self.graphs.values() for line in lines)

    def text(self) -> str:
        return "".join(self.lines())

    def graph_names(self) -> list[str]:
        return sorted(self.graphs)

    def trig_order(self) -> Iterator[list[str]]:
        """Each graph's lines, graphs in the order of their N-Triples term (``<iri>``)."""
        for graph in sorted(self.graphs, key=iri):
            yield self.graphs[graph]


def ontology_quads(project: Project, quads: Quads, cache: Path | None = None) -> None:
    """Add the ontology graph to ``quads``; its lines are kept in the folder ``cache``."""
    # OWL needs blank nodes (lists, restrictions): canonical labels keep the output stable.
    # Labelling them takes rdflib half a second, so the lines are kept for the same files.
    cached = cache / f"ontology-{_ontology_digest(project)}.nq" if cache else None
    if cached is not None and cached.is_file():
        lines = cached.read_text(encoding="utf-8").splitlines(keepends=True)
        quads.add(str(ONTOLOGY_GRAPH), lines)
        quads.mixed_case_languages |= any(_mixed_case_line(line) for line in lines)
        return
    rdflib_quads(ONTOLOGY_GRAPH, to_canonical_graph(ontology_graph(project)), quads)
    if cached is not None:
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text("".join(quads.segments[-1][1]), encoding="utf-8")
            partial.replace(cached)
            for stale in cached.parent.glob("ontology-*.nq"):
                if stale != cached:
                    stale.unlink(missing_ok=True)
        except OSError:  # a read-only project builds all the same, only slower
            partial.unlink(missing_ok=True)


def _ontology_digest(project: Project) -> str:
    digest = hashlib.sha256(f"rdflib {rdflib.__version__}".encode())
    for path in [project.ontology_file, *sorted(project.vocabularies_dir.glob("*.ttl"))]:
        digest.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()[:32]


def _mixed_case_line(line: str) -> bool:
    found = _LANGUAGE_TAIL.search(line)
    return found is not None and found.group() != found.group().lower()


def record_quads(
    records: list[Record],
    quads: Quads | None = None,
    consume: bool = False,
    escape_breaks: bool = False,
) -> Quads:
    """The lines of every record, each record in its graph, added to ``quads``; ``consume``
    empties ``records`` on the way, so that the lines reuse their memory. A text with a line
    separator raises ``LineBreakInText`` unless ``escape_breaks``."""
    quads = Quads() if quads is None else quads
    iris = {
        e.id: f"{ID_BASE}{SECTION_BY_NAME[e.section].segment}/{e.id}"
        for r in records
        for e in r.entities
    }
    for index, record in enumerate(records):
        graph = REFERENCE_GRAPH if record.reference else source_graph(record.source_id)
        converter = _RecordConverter(record, iris, graph, escape_breaks)
        quads.add(str(graph), converter.convert())
        quads.mixed_case_languages |= converter.mixed_case_languages
        if consume:  # entities point back to their record: break the cycle to free both
            record.entities.clear()
            records[index] = None  # type: ignore[call-overload]
    if consume:
        records.clear()
    _date.cache_clear()  # its entries, made among the lines, would pin their memory
    return quads


def rdflib_quads(graph: URIRef, triples: Iterable[tuple], quads: Quads) -> None:
    """Add rdflib triples (the ontology, the gazetteer, imports) to ``graph``."""
    lines = []
    for triple in triples:
        lines.append(rdflib_row(triple, graph))
        if _mixed_case(getattr(triple[2], "language", None)):
            quads.mixed_case_languages = True
    quads.add(str(graph), lines)


def records_to_dataset(records: list[Record], project: Project) -> Dataset:
    """The dataset of the records plus the ontology graph, as an rdflib ``Dataset``."""
    return quads_to_dataset(record_quads(records, escape_breaks=True), project)


def quads_to_dataset(quads: Quads, project: Project) -> Dataset:
    """An rdflib ``Dataset`` of the ontology and ``quads``, added in the order they were made
    (the order rdflib iterates them in, which the importers' name resolution depends on)."""
    dataset = Dataset()
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for triple in to_canonical_graph(ontology_graph(project)):
        ontology.add(triple)
    rows = quads.rows(skip=str(ONTOLOGY_GRAPH))  # added above with its canonical blank nodes
    if rows:
        dataset.parse(data=rows, format="nquads")
    return dataset


class _RecordConverter:
    """Writes the N-Quads lines of one record (appending, not yielding: this is the inner
    loop of the build)."""

    def __init__(
        self, record: Record, iris: dict[str, str], graph: str, escape_breaks: bool = False
    ) -> None:
        self.record = record
        self.escape_breaks = escape_breaks
        self.iris = iris
        self.tail = f" <{graph}> .\n"
        self.lines: list[str] = []
        self.source = f"{ID_BASE}source/{record.source_id}"
        self.source_term = iri(self.source)
        self.language = str(record.source.get("language", "en"))
        self.mixed_case_languages = False

    def add(self, subject: str, predicate: Term, obj: Term) -> None:
        self.lines.append(f"<{subject}> {predicate} {obj}{self.tail}")

    def text(self, text: str, lang: str) -> Term:
        if _mixed_case(lang):
            self.mixed_case_languages = True
        return literal(text, lang=lang, escape_breaks=self.escape_breaks)

    def string(self, text: str, datatype: str | None = None) -> Term:
        return literal(text, datatype, escape_breaks=self.escape_breaks)

    def ref(self, entity_id: object) -> Term:
        return iri(self.iris[str(entity_id)])

    def convert(self) -> list[str]:
        self._source()
        for entity in self.record.entities:
            self._entity(entity)
        return self.lines

    def _source(self) -> None:
        source, subject, add = self.record.source, self.source, self.add
        add(subject, T_TYPE, D["Source"])
        add(subject, T_TYPE, iri(SOURCE_KINDS[source["kind"]]))
        add(subject, T_LABEL, self.string(str(source["title"])))
        for key, prop in SOURCE_PROPERTIES.items():
            value = source.get(key)
            if value in (None, ""):
                continue
            if key == "date":
                add(subject, iri(prop), _date(value))
            elif key == "url":
                add(subject, iri(prop), self.string(str(value), XSD_ANY_URI))
            else:
                add(subject, iri(prop), self.string(str(value)))
        if source.get("text"):
            add(subject, D["sourceFile"], self.string(Path(str(source["text"])).name))

    def _entity(self, entity: Entity) -> None:
        section = SECTION_BY_NAME[entity.section]
        subject = self.iris[entity.id]
        self.add(subject, T_TYPE, iri(section.cls))
        if entity.section == "mentions":
            self.add(subject, D["mentionIn"], self.source_term)
        for key, value in entity.data.items():
            f = section.field(key)
            if f is None or value is None:
                continue
            for item in _as_list(value) if f.many or f.kind == "kind" else [value]:
                self._field(subject, entity, f, item)
        self._quotes(subject, entity.id, entity.data.get("quote"), None)
        for name, quote in (entity.data.get("quotes") or {}).items():
            prop = section.field(name).prop  # type: ignore[union-attr]
            self._quotes(subject, f"{entity.id}/{name}", quote, prop)

    def _field(self, subject: str, entity: Entity, f: Field, value: object) -> None:
        kind, add = f.kind, self.add
        prop = iri(f.prop) if f.prop is not None else ""
        if kind == "kind":
            add(subject, T_TYPE, iri(f.classes[str(value)]))
        elif kind in ("labels", "text"):
            for lang, texts in value.items():  # type: ignore[attr-defined]
                for text in _as_list(texts):
                    add(subject, prop, self.text(str(text).strip(), lang))
        elif kind == "string":
            add(subject, prop, self.string(str(value)))
        elif kind == "ref":
            add(subject, prop, self.ref(value))
            if f.prop == HAS_PARTY and value != entity.data["parties"][0]:
                add(self.iris[str(entity.data["parties"][0])], D["partnerOf"], self.ref(value))
        elif kind == "concept":
            add(subject, prop, iri(f"{VOCAB_BASE}{f.scheme or ''}/{value}"))
        elif kind in ("date", "year"):
            add(subject, prop, _date(value))
        elif kind == "integer":
            add(subject, prop, literal(str(int(value)), XSD_INTEGER))  # type: ignore[call-overload]
        elif kind == "wikidata":
            add(subject, prop, iri(f"{WD}{value}"))
        elif kind == "geonames":
            add(subject, prop, iri(f"{GEONAMES}{int(value)}/"))  # type: ignore[call-overload]
        elif kind == "quantity":
            self._quantity(subject, f, prop, value)
        elif kind == "stages":
            self._stage(subject, entity, value)
        elif kind == "activities":
            self._activity(subject, entity, value)
        elif kind == "participants":
            self._participant(subject, entity, value)

    def _quantity(self, subject: str, f: Field, prop: Term, value) -> None:  # type: ignore[no-untyped-def]
        add = self.add
        name = f.name.removesuffix("s")
        suffix = f"/{value['currency'].lower()}" if "currency" in value else ""
        node = f"{subject}/{name}{suffix}"
        money = "currency" in value
        add(subject, prop, iri(node))
        add(node, T_TYPE, D["MonetaryAmount"] if money else D["Quantity"])
        for key, bound in (("value", S_VALUE), ("min", S_MIN), ("max", S_MAX)):
            if key in value:
                add(node, bound, _decimal(value[key]))
        if "more_than" in value:
            add(node, S_MIN, _decimal(value["more_than"]))
            add(node, D["lowerBoundExclusive"], TRUE)
        if money:
            add(node, S_CURRENCY, self.string(str(value["currency"])))
        if "unit" in value:
            add(node, S_UNIT, self.string(str(value["unit"])))
        if value.get("approximate"):
            add(node, D["isApproximate"], TRUE)

    def _stage(self, subject: str, entity: Entity, value) -> None:  # type: ignore[no-untyped-def]
        add = self.add
        stage = str(value["stage"])
        node = f"{subject}/stage/{stage}"
        add(subject, D["hasStageChange"], iri(node))
        add(node, T_TYPE, D["StageChange"])
        add(node, D["stage"], iri(f"{VOCAB_BASE}stage/{stage}"))
        add(node, T_LABEL, literal(f"{entity.id}: {stage}", lang="en"))
        for key, prop in (
            ("date", "date"),
            ("planned_date", "plannedDate"),
            ("reached_by", "reachedBy"),
        ):
            if key in value:
                add(node, D[prop], _date(value[key]))
        if "event" in value:
            add(node, D["stageEvent"], self.ref(value["event"]))
        if "note" in value:
            add(node, T_NOTE, self.string(str(value["note"])))
        self._quotes(node, f"{entity.id}/stage/{stage}", value.get("quote"), None)

    def _activity(self, subject: str, entity: Entity, value) -> None:  # type: ignore[no-untyped-def]
        add = self.add
        node = f"{subject}/activity/{value['id']}"
        add(subject, D["hasActivity"], iri(node))
        add(node, T_TYPE, D["CooperationActivity"])
        for lang, text in (value.get("label") or {}).items():
            add(node, T_LABEL, self.text(str(text), lang))
        if "field" in value:
            add(node, D["activityField"], iri(f"{VOCAB_BASE}field/{value['field']}"))
        if "status" in value:
            add(node, D["eventStatus"], iri(f"{VOCAB_BASE}status/{value['status']}"))
        self._quotes(node, f"{entity.id}/activity/{value['id']}", value.get("quote"), None)

    def _participant(self, subject: str, entity: Entity, value) -> None:  # type: ignore[no-untyped-def]
        add = self.add
        agent_id = str(value["agent"])
        node = f"{subject}/participant/{agent_id}"
        agent = self.ref(agent_id)
        add(subject, D["hasParticipation"], iri(node))
        add(subject, D["hasParticipant"], agent)
        add(node, T_TYPE, D["Participation"])
        add(node, D["participant"], agent)
        if "post" in value:
            add(node, D["inPost"], self.ref(value["post"]))
        self._quotes(node, f"{entity.id}/participant/{agent_id}", value.get("quote"), None)

    def _quotes(self, subject: str, key: str, quote: object, prop: URIRef | None) -> None:
        quotes = _as_list(quote) if quote else []
        for index, text in enumerate(quotes, start=1):
            suffix = f"/{index}" if len(quotes) > 1 else ""
            node = f"{ID_BASE}quote/{self.record.source_id}/{key}{suffix}"
            self.add(node, T_TYPE, D["Quote"])
            self.add(node, D["quoteText"], self.text(" ".join(str(text).split()), self.language))
            self.add(node, D["supports"], iri(subject))
            self.add(node, T_QUOTED_FROM, self.source_term)
            if prop is not None:
                self.add(node, D["supportsProperty"], iri(prop))


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


def write_trig(quads: CanonicalQuads, path: Path) -> None:
    """TriG of the dataset, one block per graph in graph order, each graph's quads in line
    order: written by Oxigraph's serializer (rdflib's TriG writer takes minutes on a million
    triples), fed one graph at a time."""
    import pyoxigraph

    nquads = pyoxigraph.RdfFormat.N_QUADS
    parsed = chain.from_iterable(
        pyoxigraph.parse("".join(lines).encode("utf-8"), format=nquads)
        for lines in quads.trig_order()
    )
    pyoxigraph.serialize(
        parsed, str(path), format=pyoxigraph.RdfFormat.TRIG, prefixes=TRIG_PREFIXES
    )
