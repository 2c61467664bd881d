"""An in-memory Oxigraph store holding the asserted data twice: per named graph and merged.

Rules run on the merged copy (the default graph), where the ontology, the reference data and
every source meet; the named graphs stay as they were, so that what a rule added is exactly
what is in the default graph and in no named graph, and so that an explanation can say in
which graph a statement was made. The built dataset itself is never touched.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from diplograph.namespaces import INFERRED_GRAPH

# Types every individual has or that say nothing: never written to the inferred graph.
TRIVIAL_TYPES = (
    "http://www.w3.org/2002/07/owl#Thing",
    "http://www.w3.org/2002/07/owl#NamedIndividual",
    "http://www.w3.org/2000/01/rdf-schema#Resource",
)
# Subjects of these types are terms of the ontology, not individuals: inferences about them
# (a class being a subclass of itself, …) are not facts about the world.
SCHEMA_TYPES = (
    "http://www.w3.org/2002/07/owl#Class",
    "http://www.w3.org/2000/01/rdf-schema#Class",
    "http://www.w3.org/2002/07/owl#Restriction",
    "http://www.w3.org/2002/07/owl#ObjectProperty",
    "http://www.w3.org/2002/07/owl#DatatypeProperty",
    "http://www.w3.org/2002/07/owl#AnnotationProperty",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
    "http://www.w3.org/2002/07/owl#Ontology",
    "http://www.w3.org/2002/07/owl#AllDisjointClasses",
    "http://www.w3.org/2002/07/owl#AllDifferent",
    "http://www.w3.org/2000/01/rdf-schema#Datatype",
)

_VALUES = " ".join(f"<{iri}>" for iri in SCHEMA_TYPES)
_TRIVIAL = ", ".join(f"<{iri}>" for iri in TRIVIAL_TYPES)

NEW_TRIPLES = f"""
SELECT ?s ?p ?o WHERE {{
  ?s ?p ?o .
  FILTER (isIRI(?s) && !isBlank(?o))
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }}
  FILTER (?p != <http://www.w3.org/2002/07/owl#sameAs> || ?s != ?o)
  FILTER (?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> || ?o NOT IN ({_TRIVIAL}))
  FILTER NOT EXISTS {{ VALUES ?schema {{ {_VALUES} }} ?s a ?schema . }}
}}
"""


def asserted_store(nquads: bytes | Path) -> ox.Store:
    """An in-memory store with the asserted quads in their graphs and merged in the default.

    An ``inferred`` graph left in the input is dropped: inference always starts from what was
    asserted.
    """
    store = ox.Store()
    if isinstance(nquads, Path):
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    else:
        store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
    store.update(f"DROP SILENT GRAPH <{INFERRED_GRAPH}>")
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def merged_size(store: ox.Store) -> int:
    """How many triples the default (merged) graph holds."""
    row = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return int(row[0].value)


def new_triples(store: ox.Store) -> list[str]:
    """What the default graph holds beyond the asserted graphs, as sorted N-Triples lines.

    Kept: statements about individuals (IRIs that are not classes or properties) whose object
    is an IRI or a literal; types other than owl:Thing. Dropped: working steps of the rules
    (types with a blank-node class expression), reflexive owl:sameAs.
    """
    lines = {f"{row[0]} {row[1]} {row[2]} ." for row in store.query(NEW_TRIPLES)}
    return sorted(lines)
