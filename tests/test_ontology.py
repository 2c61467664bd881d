"""The ontology loads in rdflib and owlready2, documents every term, and matches ``DIPLO``."""

from __future__ import annotations

from pathlib import Path

import owlready2
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal

from diplograph.namespaces import DIPLO
from diplograph.project import Project

PROJECT = Project(Path(__file__).resolve().parents[1])
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(PROJECT.ontology_file, format="turtle")


def _declared_terms(graph: Graph) -> set[str]:
    prefix = str(DIPLO._NS)
    return {
        str(s)[len(prefix) :]
        for kind in TERM_TYPES
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(prefix)
    }


def test_namespace_class_matches_ontology(ontology):
    declared = _declared_terms(ontology)
    in_code = set(DIPLO.__annotations__)
    assert declared - in_code == set(), "declared in diplo.ttl but missing from DIPLO"
    assert in_code - declared == set(), "in DIPLO but not declared in diplo.ttl"


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        _ = DIPLO.locatedInn


def test_every_term_has_labels_in_english_and_indonesian_and_a_comment(ontology):
    prefix = str(DIPLO._NS)
    for term in sorted(_declared_terms(ontology)):
        iri = next(s for s in ontology.subjects() if str(s) == prefix + term)
        languages = {lit.language for lit in ontology.objects(iri, RDFS.label)}
        assert {"en", "id"} <= languages, f"{term} lacks an en or id label"
        comments = [c for c in ontology.objects(iri, RDFS.comment) if isinstance(c, Literal)]
        assert comments, f"{term} has no rdfs:comment"


def test_key_axioms(ontology):
    assert (DIPLO.locatedIn, RDF.type, OWL.TransitiveProperty) in ontology
    assert (DIPLO.partnerOf, RDF.type, OWL.SymmetricProperty) in ontology
    assert (DIPLO.originRegion, OWL.propertyChainAxiom, None) in ontology
    assert (DIPLO.contains, OWL.inverseOf, DIPLO.locatedIn) in ontology or (
        DIPLO.locatedIn,
        OWL.inverseOf,
        DIPLO.contains,
    ) in ontology
    assert any(ontology.subjects(RDF.type, OWL.AllDisjointClasses))


def test_loads_in_owlready2_in_its_own_world(ontology, tmp_path):
    path = tmp_path / "diplo.nt"
    ontology.serialize(path, format="nt")
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load()
    assert onto.search_one(iri=str(DIPLO.Partnership)) is not None
    assert onto.search_one(iri=str(DIPLO.locatedIn)) is not None
    assert owlready2.default_world.search_one(iri=str(DIPLO.Partnership)) is None


def test_shapes_parse(ontology):
    shapes = Graph().parse(PROJECT.shapes_file, format="turtle")
    assert len(shapes) > 20


def test_shape_value_lists_match_the_vocabularies():
    """Shapes that list concepts with sh:in must list exactly the concepts of their scheme."""
    from rdflib import SKOS
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    shapes = Graph().parse(PROJECT.shapes_file, format="turtle")
    schemes: dict[str, set] = {}
    for path in PROJECT.vocabularies_dir.glob("*.ttl"):
        vocab = Graph().parse(path, format="turtle")
        schemes[path.stem] = set(vocab.subjects(RDF.type, SKOS.Concept))
    checked = 0
    for _shape, listed in shapes.subject_objects(SH["in"]):
        members = set(Collection(shapes, listed))
        scheme = {str(m).rsplit("/", 2)[-2] for m in members}
        assert len(scheme) == 1, f"sh:in mixes schemes: {scheme}"
        assert members == schemes[scheme.pop()]
        checked += 1
    assert checked >= 3
