"""How the projection holds RDF terms, and the IRIs it reads, as plain strings.

Terms come from pyoxigraph: an IRI is held as its ``str`` (so it keys dicts and compares with
the networkx node ids directly), a literal as a ``pyoxigraph.Literal``, a blank node as a
``pyoxigraph.BlankNode``. rdflib's ``URIRef`` is not used here: it never equals a plain string.
"""

from __future__ import annotations

import functools
import re

import pyoxigraph as ox

from diplograph.namespaces import (
    DIPLO,
    ID,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SCHEMA,
    VOCAB,
)

Term = str | ox.Literal | ox.BlankNode

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SKOS_PREF, SKOS_ALT, SKOS_NOTE = SKOS + "prefLabel", SKOS + "altLabel", SKOS + "editorialNote"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
DCTERMS_SOURCE = "http://purl.org/dc/terms/source"
PROV_QUOTED_FROM = "http://www.w3.org/ns/prov#wasQuotedFrom"

ID_BASE, VOCAB_BASE, DIPLO_BASE = str(ID), str(VOCAB), str(DIPLO)
ONTOLOGY, INFERRED, REFERENCE = str(ONTOLOGY_GRAPH), str(INFERRED_GRAPH), str(REFERENCE_GRAPH)
DEFAULT_GRAPH = ""  # the default graph, among the graph names (which are IRIs)
NOT_ASSERTED = frozenset({ONTOLOGY, INFERRED})  # graphs the projection does not read as data


@functools.cache
def diplo(name: str) -> str:
    """``diplo("hasParty")`` → the IRI string (unknown names raise: the namespace is closed)."""
    return str(getattr(DIPLO, name))


@functools.cache
def schema(name: str) -> str:
    return str(SCHEMA[name])


def is_iri(term: object) -> bool:
    return type(term) is str


def text_of(term: Term) -> str:
    """A literal's lexical form, an IRI itself, a blank node as ``_:id``."""
    if type(term) is str:
        return term
    return term.value if isinstance(term, ox.Literal) else str(term)


def order_key(term: Term) -> tuple[int, str, str, str]:
    """A total order on terms, the same whichever reader produced them."""
    if type(term) is str:
        return (0, term, "", "")
    if isinstance(term, ox.Literal):
        return (1, term.value, term.language or "", term.datatype.value)
    return (2, str(term), "", "")


def short_id(iri: str) -> str:
    """``…/id/region/batang`` → ``region/batang`` (other IRIs unchanged)."""
    return iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else iri


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/"))[-1]
