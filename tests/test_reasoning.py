"""Reasoning: what must be inferred on the seed, where it goes, and contradictions explained."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Graph, URIRef
from typer.testing import CliRunner

from diplograph.build import build
from diplograph.cli import app
from diplograph.convert import records_to_dataset
from diplograph.imports.pipeline import add_reference_files
from diplograph.namespaces import DIPLO, ID, INFERRED_GRAPH, source_graph
from diplograph.reasoning import (
    Inconsistent,
    Provenance,
    reason_dataset,
    reason_nquads,
    reason_project,
    rules_dir,
)
from diplograph.records.load import load_records

HAS_JAVA = shutil.which("java") is not None
needs_java = pytest.mark.skipif(not HAS_JAVA, reason="HermiT and Pellet need Java")
BATANG, ZHIJIANG, TOYAMA = ID["region/batang"], ID["region/zhijiang"], ID["region/toyama"]
ZHIJIANG_SOURCE = "batang-zhijiang-2025-06-12"


def region(name: str) -> URIRef:
    return ID[f"region/{name}"]


@pytest.fixture(scope="module")
def seed_rules(seed_build):
    """The seed's asserted triples (all graphs) and what the rules infer from them."""
    proj, result = seed_build
    inference = reason_nquads(result.nquads, rules_dir(proj))
    asserted = Graph()
    dataset = Dataset()
    dataset.parse(result.nquads, format="nquads")
    for s, p, o, _g in dataset.quads():
        asserted.add((s, p, o))
    return asserted, inference.graph(), inference


def test_batang_is_located_in_central_java_and_indonesia(seed_rules):
    asserted, inferred, _ = seed_rules
    assert (BATANG, DIPLO.locatedIn, region("central-java")) in asserted
    assert (BATANG, DIPLO.locatedIn, region("indonesia")) in inferred


def test_zhijiang_is_located_in_hubei_and_china_via_yichang(seed_rules):
    asserted, inferred, _ = seed_rules
    assert (ZHIJIANG, DIPLO.locatedIn, region("yichang")) in asserted
    # The article also says "Provinsi Hubei", so that one is asserted too.
    assert (ZHIJIANG, DIPLO.locatedIn, region("hubei")) in asserted + inferred
    assert (ZHIJIANG, DIPLO.locatedIn, region("china")) in inferred
    assert (region("china"), DIPLO.contains, ZHIJIANG) in inferred  # the inverse, transitive


def test_partnership_holds_in_both_directions(seed_rules):
    asserted, inferred, _ = seed_rules
    both = asserted + inferred
    for a, b in ((BATANG, ZHIJIANG), (BATANG, TOYAMA)):
        assert (a, DIPLO.partnerOf, b) in both
        assert (b, DIPLO.partnerOf, a) in both
    assert (ZHIJIANG, DIPLO.partnerOf, BATANG) in inferred


def test_subsidiary_origin_region_through_the_property_chain(seed_rules):
    asserted, inferred, _ = seed_rules
    pt_ace = ID["firm/pt-ace-medical-products-indonesia"]
    assert (pt_ace, DIPLO.originRegion, ZHIJIANG) not in asserted
    assert (pt_ace, DIPLO.originRegion, ZHIJIANG) in inferred


def test_types_from_subclasses_domains_and_ranges(seed_rules, seed_build):
    _, inferred, _ = seed_rules
    assert (ID["firm/allmed-medical"], RDF.type, DIPLO.Agent) in inferred
    proj, result = seed_build
    # An untyped destination and visit get their types from the property's range and domain.
    dataset = Dataset()
    dataset.parse(result.nquads, format="nquads")
    extra = dataset.graph(source_graph("test-untyped"))
    extra.add((ID["event/untyped-visit"], DIPLO.visitDestination, ID["region/untyped-place"]))
    types = reason_dataset(dataset, rules_dir(proj)).graph()
    assert (ID["region/untyped-place"], RDF.type, DIPLO.Region) in types
    assert (ID["event/untyped-visit"], RDF.type, DIPLO.Visit) in types
    assert (ID["event/untyped-visit"], RDF.type, DIPLO.Event) in types


def test_defined_classes_partnering_region_and_foreign_investment(seed_rules):
    _, inferred, _ = seed_rules
    partnering = set(inferred.subjects(RDF.type, DIPLO.PartneringRegion))
    assert partnering == {BATANG, ZHIJIANG, TOYAMA}
    foreign = set(inferred.subjects(RDF.type, DIPLO.ForeignInvestment))
    assert foreign == {ID["investment/allmed-batang-factory"]}


def test_inferred_triples_are_never_asserted_ones(seed_rules):
    asserted, inferred, inference = seed_rules
    assert len(inferred) == len(inference) > 0
    assert not [t for t in inferred if t in asserted]


def test_domestic_investment_is_not_foreign(seed_build):
    proj, result = seed_build
    dataset = Dataset()
    dataset.parse(result.nquads, format="nquads")
    graph = dataset.graph(source_graph("test-domestic"))
    firm, investment = ID["firm/local-firm"], ID["investment/local-plant"]
    graph.add((firm, RDF.type, DIPLO.Firm))
    graph.add((firm, DIPLO.headquarteredIn, region("central-java")))
    graph.add((investment, RDF.type, DIPLO.Investment))
    graph.add((investment, DIPLO.investor, firm))
    graph.add((investment, DIPLO.hostRegion, BATANG))
    inferred = reason_dataset(dataset, rules_dir(proj)).graph()
    assert (investment, RDF.type, DIPLO.ForeignInvestment) not in inferred
    assert (ID["investment/allmed-batang-factory"], RDF.type, DIPLO.ForeignInvestment) in inferred


def test_reason_writes_the_inferred_graph_file_and_store(project):
    build(project)
    runner = CliRunner()
    first = runner.invoke(app, ["reason", "--project", str(project.root)])
    assert first.exit_code == 0, first.output
    second = reason_project(project)  # rebuilt from scratch: no duplicates, same content
    nquads = (project.build_dir / "dataset" / "inferred.nq").read_text(encoding="utf-8")
    lines = nquads.splitlines()
    assert len(lines) == len(second) and all(f"<{INFERRED_GRAPH}> ." in line for line in lines)
    store = ox.Store.read_only(str(project.build_dir / "dataset" / "store"))
    inferred = list(store.quads_for_pattern(None, None, None, ox.NamedNode(str(INFERRED_GRAPH))))
    assert len(inferred) == len(second)
    ask = f"""ASK {{ GRAPH <{INFERRED_GRAPH}> {{
        <{ZHIJIANG}> <{DIPLO.locatedIn}> <{region("china")}> }} }}"""
    assert store.query(ask)
    # The asserted graphs are left as built.
    asserted = f"ASK {{ GRAPH ?g {{ <{ZHIJIANG}> <{DIPLO.locatedIn}> <{region('china')}> }} "
    assert not store.query(asserted + f"FILTER (?g != <{INFERRED_GRAPH}>) }}")


def _with_reference_file(project, text: str) -> None:
    (project.reference_dir / "extra.nt").write_text(text, encoding="utf-8")


def test_region_typed_as_firm_is_inconsistent_and_explained(project):
    _with_reference_file(project, f"<{BATANG}> <{RDF.type}> <{DIPLO.Firm}> .\n")
    build(project)
    result = CliRunner().invoke(app, ["reason", "--project", str(project.root)])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "region/batang cannot be both an Agent and a Region" in text
    assert "owl:AllDisjointClasses" in text
    assert "region/batang rdf:type Firm (a Firm is an Agent) [graph/reference/extra.nt]" in text
    assert "graph/reference/places.yaml" in text
    assert "Traceback" not in result.output and "Exception" not in result.output
    assert not (project.build_dir / "dataset" / "inferred.nq").exists()


def _person_as_party(project) -> Dataset:
    """The seed records converted (without the SHACL check, which would stop a build) plus a
    statement, in the Batang–Zhijiang record's graph, that a person is a party."""
    dataset = records_to_dataset(load_records(project), project)
    add_reference_files(dataset, project)
    graph = dataset.graph(source_graph(ZHIJIANG_SOURCE))
    graph.add((ID["partnership/batang-zhijiang"], DIPLO.hasParty, ID["person/faiz-kurniawan"]))
    return dataset


def test_person_as_party_is_inconsistent_and_names_the_record(project):
    dataset = _person_as_party(project)
    with pytest.raises(Inconsistent) as caught:
        reason_dataset(dataset, rules_dir(project), provenance=Provenance.of_project(project))
    message = " ".join(caught.value.message().split())
    assert "person/faiz-kurniawan cannot be both an Agent and a Region" in message
    assert (
        "partnership/batang-zhijiang hasParty person/faiz-kurniawan "
        "(so person/faiz-kurniawan is a Region)" in message
    )
    assert "graph/records/2025-06-12-batang-zhijiang-sister-city.yaml" in message
    assert "person/faiz-kurniawan rdf:type Person (a Person is an Agent)" in message


def _relevant(lines: list[str]) -> set[str]:
    """Types and object-property values: what an OWL 2 DL reasoner reports."""
    return {line for line in lines if line.rstrip(" .").endswith(">")}


@needs_java
def test_hermit_and_the_rules_infer_the_same_on_the_seed(seed_rules, seed_build):
    proj, result = seed_build
    _, _, rules = seed_rules
    hermit = reason_nquads(result.nquads, rules_dir(proj), engine="hermit")
    assert hermit.engine == "hermit" and not hermit.notes
    assert _relevant(hermit.triples) == _relevant(rules.triples)
    assert len(_relevant(rules.triples)) > 700


@needs_java
def test_hermit_reports_the_person_as_party_in_plain_words(project):
    dataset = _person_as_party(project)
    with pytest.raises(Inconsistent) as caught:
        reason_dataset(
            dataset, rules_dir(project), engine="hermit", provenance=Provenance.of_project(project)
        )
    message = caught.value.message()
    assert message.startswith("HermiT found the data inconsistent")
    assert "person/faiz-kurniawan" in message and "batang-zhijiang-sister-city.yaml" in message
    assert "at org.semanticweb" not in message


@needs_java
def test_java_time_limit_falls_back_to_the_rules(seed_build):
    proj, result = seed_build
    inference = reason_nquads(result.nquads, rules_dir(proj), engine="hermit", timeout=1)
    assert inference.engine == "rules"
    assert "HermiT did not finish within" in inference.notes[0]
    cli = CliRunner().invoke(
        app,
        ["reason", "--project", str(proj.root), "-e", "hermit", "--timeout", "1", "--no-fallback"],
    )
    assert cli.exit_code == 2
    assert "did not finish within 1 s" in cli.output and "Traceback" not in cli.output


@needs_java
def test_pellet_agrees_with_the_rules(seed_rules, seed_build):
    proj, result = seed_build
    pellet = reason_nquads(result.nquads, rules_dir(proj), engine="pellet")
    assert _relevant(pellet.triples) == _relevant(seed_rules[2].triples)


def test_owlrl_agrees_with_the_rules(seed_rules, seed_build):
    proj, result = seed_build
    owlrl = reason_nquads(result.nquads, rules_dir(proj), engine="owlrl")
    assert _relevant(owlrl.triples) == _relevant(seed_rules[2].triples)


def test_unknown_engine_and_missing_build_are_errors(project):
    runner = CliRunner()
    no_build = runner.invoke(app, ["reason", "--project", str(project.root)])
    assert no_build.exit_code == 2 and "diplograph build" in no_build.output
    bad = runner.invoke(app, ["reason", "--project", str(project.root), "-e", "fact++"])
    assert bad.exit_code == 2 and "unknown engine" in bad.output


def test_rule_files_have_a_title_and_parse(seed_build):
    from diplograph.reasoning.rules import RuleSet

    proj, _ = seed_build
    rules = RuleSet.load(rules_dir(proj))
    assert {r.name for r in rules.rules} >= {"prp-trp", "prp-symp", "prp-spo2", "cls-int"}
    assert all(not r.title.endswith(".rq") and r.title != r.name for r in rules.rules)
    assert [r.name for r in rules.rules if r.extension] == ["foreign-investment"]
    store = ox.Store()
    for query in rules.clashes:
        store.query(query.text)  # a syntax error would raise


def test_build_reason_flag(project):
    result = CliRunner().invoke(app, ["build", "--reason", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    assert (project.build_dir / "dataset" / "inferred.nq").stat().st_size > 0


def test_rules_do_not_change_their_input(seed_build):
    proj, result = seed_build
    before = Path(result.nquads).read_bytes()
    dataset = Dataset()
    dataset.parse(result.nquads, format="nquads")
    size = sum(1 for _ in dataset.quads())
    reason_dataset(dataset, rules_dir(proj))
    assert sum(1 for _ in dataset.quads()) == size and Path(result.nquads).read_bytes() == before
