"""The shapes as SPARQL on Oxigraph find exactly the violations pyshacl finds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from test_records import BAD_INPUTS, ZHIJIANG

from diplograph.build import dataset_quads
from diplograph.check import run_shapes, run_shapes_pyshacl
from diplograph.project import Project
from diplograph.records.load import read_records
from diplograph.shapes_sparql import UnsupportedShape, compile_shapes

FIXTURE = Path(__file__).parent / "data" / "fixture"
D = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
S = "https://schema.org/"
A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SOURCE = "<https://w3id.org/diplograph/graph/source/batang-zhijiang-2025-06-12>"


def _nquads(project: Project) -> str:
    """The project's dataset, converted even from records with problems (where it can be)."""
    records, _problems = read_records(project)
    return dataset_quads(records, project).text()


def _both(nquads: str, project: Project) -> tuple[list, list]:
    store = pyoxigraph.Store()
    store.load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    shapes = compile_shapes(Graph().parse(project.shapes_file, format="turtle"))
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    return sorted(shapes.violations(store)), sorted(run_shapes_pyshacl(dataset, project))


def test_seed_conforms_in_both(project):
    sparql, reference = _both(_nquads(project), project)
    assert sparql == reference == []


def test_fixture_conforms_in_both(tmp_path):
    shutil.copytree(FIXTURE / "graph", tmp_path / "graph")
    for part in ("ontology", "queries"):
        shutil.copytree(Path(__file__).resolve().parents[1] / part, tmp_path / part)
    fixture = Project(tmp_path)
    sparql, reference = _both(_nquads(fixture), fixture)
    assert sparql == reference == []


# What the shapes say about the bad records the record checker lets through to conversion.
SHAPE_RULES = {
    "reference of the wrong kind": {"shape investor"},
    "range upside down": {"shape minValue"},
    "missing required field": {"shape investor"},
    "stage change without a date": {"shape"},
}


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [case[:3] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_records_give_the_same_violations(project, name, old, new):
    file = project.root / ZHIJIANG
    file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    try:
        nquads = _nquads(project)
    except (KeyError, ValueError):
        pytest.skip("the record checker refuses this before anything can be converted")
    sparql, reference = _both(nquads, project)
    assert sparql == reference
    assert {rule for rule, _, _ in sparql} == SHAPE_RULES.get(name, set())


# Statements added to the seed, each breaking (or probing) one rule of the shapes.
BROKEN = [
    f'<{ID}region/batang> <{D}adminLevel> "regency" {SOURCE} .',
    f"<{ID}region/batang> <{D}adminLevel> <https://example.org/level> {SOURCE} .",
    f"<{ID}region/batang> <{D}locatedIn> <{ID}person/huang-fangshuai> {SOURCE} .",
    f"<{ID}thing/unnamed> {A} <{D}Firm> {SOURCE} .",
    f"<{ID}x/subregion> <{RDFS}subClassOf> <{D}Region> {SOURCE} .",
    f"<{ID}x/odd> {A} <{ID}x/subregion> {SOURCE} .",
    f"<{ID}x/change> {A} <{D}StageChange> {SOURCE} .",
    f'<{ID}x/change> <{D}date> "0000-06-12"^^<{XSD}date> {SOURCE} .',
    f'<{ID}x/change> <{D}date> "June 2025" {SOURCE} .',
    f'<{ID}x/change> <{D}plannedDate> "2025"^^<{XSD}gYear> {SOURCE} .',
    f'<{ID}x/change> <{D}plannedDate> "2026"^^<{XSD}gYear> {SOURCE} .',
    f"<{ID}x/change> <{D}stage> <https://w3id.org/diplograph/vocab/stage/unheard-of> {SOURCE} .",
    f"<{ID}partnership/batang-zhijiang> <{D}hasStageChange> <{ID}x/lonely> {SOURCE} .",
    f"<{ID}x/undated> {A} <{D}StageChange> {SOURCE} .",
    f"<{ID}x/amount> {A} <{D}MonetaryAmount> {SOURCE} .",
    f'<{ID}x/amount> <{S}currency> "usd" {SOURCE} .',
    f'<{ID}x/amount> <{S}currency> "USD\\n" {SOURCE} .',
    f'<{ID}x/amount> <{S}minValue> "5.0"^^<{XSD}decimal> {SOURCE} .',
    f'<{ID}x/amount> <{S}maxValue> "2.5"^^<{XSD}decimal> {SOURCE} .',
    f'<{ID}x/amount> <{S}maxValue> "ten" {SOURCE} .',
    f'<{ID}x/amount> <{D}isApproximate> "1"^^<{XSD}integer> {SOURCE} .',
    f"<{ID}x/quantity> {A} <{D}Quantity> {SOURCE} .",
    f'<{ID}x/quantity> <{D}lowerBoundExclusive> "true"^^<{XSD}boolean> {SOURCE} .',
    f"<{ID}x/quote> {A} <{D}Quote> {SOURCE} .",
    f'<{ID}x/quote> <{D}quoteText> "no language" {SOURCE} .',
    f'<{ID}x/quote> <{D}supports> "not an IRI" {SOURCE} .',
    f"<{ID}x/event> {A} <{D}Visit> {SOURCE} .",
    f"<{ID}x/event> <{D}eventStatus> <https://w3id.org/diplograph/vocab/status/planned> {SOURCE} .",
    f"<{ID}x/event> <{D}eventStatus> <https://w3id.org/diplograph/vocab/status/actual> {SOURCE} .",
    f'<{ID}x/event> <{D}date> "2025-07-01"^^<{XSD}date> {SOURCE} .',
    f"<{ID}x/event> <{D}heldAt> <{ID}person/huang-fangshuai> {SOURCE} .",
    f"<{ID}x/event> <{D}heldAt> <{ID}region/batang> {SOURCE} .",
    f"<{ID}x/source> {A} <{D}Source> {SOURCE} .",
    f'<{ID}x/source> <{D}sourceFile> "a.txt"^^<{XSD}token> {SOURCE} .',
    f'<{ID}x/relation> <{D}startYear> "1950-01"^^<{XSD}gYearMonth> {SOURCE} .',
]


def test_broken_statements_give_the_same_violations(project):
    nquads = _nquads(project)
    seed_party = next(
        line for line in nquads.splitlines() if f"<{D}hasParty> <{ID}region/zhijiang>" in line
    )
    broken = nquads.replace(seed_party + "\n", "") + "\n".join(BROKEN) + "\n"
    sparql, reference = _both(broken, project)
    assert sparql == reference
    rules = {rule for rule, _, _ in sparql}
    assert {"shape", "shape adminLevel", "shape hasParty", "shape minValue"} <= rules
    assert "shape ^hasStageChange|stageChangeOf" in rules  # a path of more than a predicate
    assert len(sparql) > len(BROKEN)


def test_a_shape_beyond_the_translation_falls_back_to_pyshacl(project):
    extra = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix diplo: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/shapes#Languages> a sh:NodeShape ;
    sh:targetClass diplo:Region ;
    sh:property [ sh:path rdfs:label ; sh:languageIn ( "en" ) ; sh:message "English only." ] .
"""
    project.shapes_file.write_text(project.shapes_file.read_text() + extra, encoding="utf-8")
    with pytest.raises(UnsupportedShape):
        compile_shapes(Graph().parse(project.shapes_file, format="turtle"))
    nquads = _nquads(project)
    store = pyoxigraph.Store()
    store.load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    found = sorted(run_shapes(store, project))
    assert found == sorted(run_shapes_pyshacl(dataset, project))
    assert ("shape label", f"{ID}region/batang", "English only.") in found
