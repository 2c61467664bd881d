"""Query parameters: what a user types (``batang``, ``id:region/batang``, a full IRI, a date)
turned into an RDF term, and RDF terms written as N-Triples.

A value never becomes query text as typed: it becomes a ``Term``. An IRI term is then written
into the query as an N-Triples constant, checked again here (``ntriples``), in the places the
query layer finds by structure (``diplograph.sparql_text.with_constants``); other terms are bound
by the engine (pyoxigraph ``substitutions``, rdflib ``initBindings``) or, for a remote endpoint,
sent as escaped N-Triples terms in a ``VALUES`` block. An id with characters that cannot appear
in an IRI is percent-encoded, so it names a resource that does not exist instead of breaking
the query.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import quote

from diplograph.results import BASE, XSD, Term

# Parameter kinds naming SKOS concepts: kind → scheme under …/vocab/.
CONCEPT_KINDS = {"field": "field", "stage": "stage", "status": "status", "level": "admin-level"}
OTHER_KINDS = ("entity", "iri", "graph", "date", "text", "integer")


@cache
def instance_kinds() -> dict[str, str]:
    """Parameter kinds naming instances: kind → IRI segment under …/id/ (the record sections).

    Worked out on first use: the record schema imports rdflib, which importing this module
    (and so ``diplograph`` and its command line) should not."""
    from diplograph.records.schema import SECTIONS

    kinds = {s.segment: s.segment for s in SECTIONS} | {"source": "source"}
    for alias, segment in (("organisation", "org"), ("government", "government")):
        kinds[alias] = segment
    return kinds


@cache
def kinds() -> tuple[str, ...]:
    """Every parameter kind a ``# param:`` header may name."""
    return (*sorted(instance_kinds()), *sorted(CONCEPT_KINDS), *OTHER_KINDS)


PREFIXES = {
    "diplo": BASE + "ontology#",
    "id": BASE + "id/",
    "vocab": BASE + "vocab/",
    "graph": BASE + "graph/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": XSD,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "wd": "http://www.wikidata.org/entity/",
}

_FULL_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")
_PREFIXED = re.compile(r"^([A-Za-z][A-Za-z0-9_\-]*):(.*)$")


class ParameterError(ValueError):
    """A parameter value that cannot be read as its kind."""


@dataclass(frozen=True)
class Param:
    """A parameter a named query takes, from a ``# param:`` header line."""

    name: str
    kind: str
    description: str = ""
    default: str | None = None
    optional: bool = False

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional


def _iri_part(text: str) -> str:
    return quote(text, safe="-._~")


def _expand(value: str) -> str | None:
    """A full IRI (``<…>`` or bare) or a known prefixed name → the IRI; else ``None``."""
    text = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    match = _PREFIXED.match(text)
    if match and match.group(1) in PREFIXES and not text.startswith(("http:", "https:")):
        local = match.group(2)
        return PREFIXES[match.group(1)] + "/".join(_iri_part(p) for p in local.split("/"))
    if "://" in text or text.startswith(("urn:", "mailto:")) or value.startswith("<"):
        if not _FULL_IRI.match(text):
            raise ParameterError(f"{value!r} is not a valid IRI")
        return text
    return None


def to_term(param: Param, value: str) -> Term:
    """The RDF term for ``value`` read as ``param.kind``."""
    kind, text = param.kind, value.strip()
    if kind == "text":
        return Term("literal", value)
    if kind == "integer":
        try:
            return Term("literal", str(int(text)), XSD + "integer")
        except ValueError:
            raise ParameterError(f"{param.name}: {value!r} is not a whole number") from None
    if kind == "date":
        from diplograph.records import values

        if text.lower() == "today":
            text = datetime.date.today().isoformat()
        try:
            lexical, datatype = values.parse_date(text)
        except ValueError as exc:
            raise ParameterError(f"{param.name}: {exc}") from None
        return Term("literal", lexical, str(datatype))
    expanded = _expand(text)
    if expanded is not None:
        return Term("uri", expanded)
    instances = instance_kinds()
    if kind in instances:
        segment = instances[kind]
        local = text.removeprefix(segment + "/")
        return Term("uri", f"{BASE}id/{segment}/{_iri_part(local)}")
    if kind in CONCEPT_KINDS:
        return Term("uri", f"{BASE}vocab/{CONCEPT_KINDS[kind]}/{_iri_part(text)}")
    if kind == "graph":
        return Term("uri", BASE + "graph/" + "/".join(_iri_part(p) for p in text.split("/")))
    if kind == "entity":
        parts = text.split("/")
        if len(parts) == 2 and parts[0] in instances.values():
            return Term("uri", f"{BASE}id/{parts[0]}/{_iri_part(parts[1])}")
        raise ParameterError(
            f"{param.name}: give the entity as segment/id (e.g. region/batang, "
            f"firm/allmed-medical), a prefixed name (id:region/batang) or a full IRI"
        )
    raise ParameterError(f"{param.name}: {value!r} is not a full IRI or a prefixed name")


def entity_candidates(value: str) -> list[Term]:
    """The IRIs a bare id could name, one per instance segment (``batang`` → region/batang…)."""
    local = _iri_part(value.strip())
    segments = sorted(set(instance_kinds().values()))
    return [Term("uri", f"{BASE}id/{segment}/{local}") for segment in segments]


# -- N-Triples ---------------------------------------------------------------------------------

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


def _escape_string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def _escape_iri(iri: str) -> str:
    if not _FULL_IRI.match(iri):
        raise ParameterError(f"{iri!r} is not a valid IRI")
    return iri


def ntriples(term: Term) -> str:
    """``term`` in N-Triples syntax, which SPARQL reads as the same term."""
    if term.type == "uri":
        return f"<{_escape_iri(term.value)}>"
    if term.type == "bnode":
        raise ParameterError("blank nodes cannot be passed as parameters")
    text = f'"{_escape_string(term.value)}"'
    if term.lang:
        if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.lang):
            raise ParameterError(f"{term.lang!r} is not a language tag")
        return f"{text}@{term.lang}"
    if term.datatype and term.datatype != XSD + "string":
        return f"{text}^^<{_escape_iri(term.datatype)}>"
    return text
