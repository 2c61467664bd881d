"""Network statistics, explained paths and GraphML/GEXF export, on the seed and on other data."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from diplograph.build import build
from diplograph.cli import app
from diplograph.network import analytics
from diplograph.network.analytics import network_stats
from diplograph.network.built import read_built
from diplograph.network.export import export_network
from diplograph.network.paths import PathError, explained_path
from diplograph.network.projection import entity_graph
from diplograph.project import Project

ALLMED = "https://w3id.org/diplograph/id/firm/allmed-medical"


@pytest.fixture(scope="module")
def seed_entities(seed_build) -> nx.MultiDiGraph:
    proj, _ = seed_build
    return entity_graph(read_built(proj), sources=False)


def test_stats_on_the_seed(seed_entities):
    stats = network_stats(seed_entities, top=5)
    assert stats.nodes == seed_entities.number_of_nodes()
    assert stats.types["Partnership"] == 2 and stats.types["Firm"] == 2
    assert stats.regions[0].id == "region/batang" and stats.regions[0].value == 2
    assert {r.id for r in stats.regions} == {"region/batang", "region/zhijiang", "region/toyama"}
    assert stats.degree[0].id == "region/batang"
    assert stats.betweenness_exact and stats.components >= 1
    assert stats.communities > 1 and 0 < stats.modularity < 1
    assert network_stats(seed_entities, top=5) == stats  # seeded: the same every time


def test_betweenness_is_sampled_above_the_limit(seed_entities, monkeypatch):
    exact = network_stats(seed_entities).betweenness
    monkeypatch.setattr(analytics, "EXACT_BETWEENNESS_LIMIT", 10)
    monkeypatch.setattr(analytics, "BETWEENNESS_SAMPLES", 20)
    sampled = network_stats(seed_entities)
    assert not sampled.betweenness_exact
    assert sampled.betweenness[0].value > 0
    assert [r.value for r in sampled.betweenness] != [r.value for r in exact]


def test_explained_path_names_each_relation(seed_entities):
    path = explained_path(seed_entities, "Allmed Medical", "region/batang")
    assert path.labels[0] == "Allmed Medical" and path.labels[-1] == "Batang Regency"
    assert path.text() == (
        "Allmed Medical ←investor— Allmed Medical factory investment in Batang "
        "—host region→ Batang Regency"
    )
    assert path.nodes[0] == ALLMED


def test_partnership_only_path_goes_through_partnerships(seed_entities):
    path = explained_path(seed_entities, "zhijiang", "toyama", via="partnership-only")
    assert [step.relation for step in path.steps] == [
        "partner of (sister-city, exploration)",
        "partner of (sister-city, exploration)",
    ]
    assert path.labels == ["Zhijiang", "Batang Regency", "Toyama"]
    with pytest.raises(PathError, match="not a party of any partnership"):
        explained_path(seed_entities, "allmed-medical", "toyama", via="partnership-only")


def test_unknown_and_ambiguous_entities(seed_entities):
    with pytest.raises(PathError, match="no entity"):
        explained_path(seed_entities, "atlantis", "batang")
    graph = nx.MultiDiGraph()
    graph.add_node("a/x", id="region/x", label="X", type="Region")
    graph.add_node("b/x", id="firm/x", label="X", type="Firm")
    with pytest.raises(PathError, match="ambiguous"):
        explained_path(graph, "x", "x")


def test_graphml_and_gexf_keep_types_labels_and_stages(seed_entities):
    graphml = nx.read_graphml(io.BytesIO(export_network(seed_entities, "graphml").encode()))
    node = graphml.nodes["https://w3id.org/diplograph/id/partnership/batang-zhijiang"]
    assert node["type"] == "Partnership" and node["stage"] == "exploration"
    assert "trade" in node["fields"].split("; ")
    assert graphml.number_of_edges() == seed_entities.number_of_edges()
    gexf = nx.read_gexf(io.BytesIO(export_network(seed_entities, "gexf").encode()))
    assert gexf.nodes[ALLMED]["type"] == "Firm"
    assert gexf.nodes[ALLMED]["short_id"] == "firm/allmed-medical"
    assert gexf.number_of_nodes() == seed_entities.number_of_nodes()
    with pytest.raises(ValueError):
        export_network(seed_entities, "dot")


def test_cli_stats_path_and_export(seed_build):
    proj, _ = seed_build
    runner = CliRunner()
    stats = runner.invoke(app, ["network", "stats", "-f", "json", "--project", str(proj.root)])
    assert stats.exit_code == 0, stats.output
    assert json.loads(stats.output)["regions"][0]["id"] == "region/batang"
    table = runner.invoke(app, ["network", "stats", "--project", str(proj.root)])
    assert table.exit_code == 0 and "Regions with most partners" in table.output
    path = runner.invoke(
        app, ["network", "path", "zhijiang", "toyama", "--via", "partnership-only",
              "--project", str(proj.root)],
    )  # fmt: skip
    assert path.exit_code == 0 and "Zhijiang ←partner of" in path.output
    unknown = runner.invoke(
        app, ["network", "path", "atlantis", "batang", "--project", str(proj.root)]
    )
    assert unknown.exit_code == 2 and "no entity 'atlantis'" in unknown.output
    graphml = runner.invoke(app, ["export", "-f", "graphml", "--project", str(proj.root)])
    assert graphml.exit_code == 0 and graphml.output.startswith("<graphml")


def test_network_on_the_independent_fixture(fixture_project):
    entities = entity_graph(read_built(fixture_project), sources=False)
    stats = network_stats(entities)
    regions = {r.id for r in stats.regions}
    assert {"region/surabaya", "region/suwon", "region/kunshan"} <= regions
    path = explained_path(entities, "surabaya", "kunshan", via="partnership-only")
    assert len(path.steps) == 1 and "partner" in path.steps[0].relation
    # Penang–Suwon and Surabaya–Suwon: Penang reaches Surabaya through Suwon.
    assert (
        explained_path(entities, "george-town", "surabaya", via="partnership-only").labels[1]
        == (entities.nodes["https://w3id.org/diplograph/id/region/suwon"]["label"])
    )


@pytest.mark.slow
def test_network_and_reasoning_on_generated_data(tmp_path):
    """A generated project of about 15,000 triples: both commands answer."""
    from diplograph.reasoning import reason_project
    from diplograph.synth import generate

    generate(tmp_path / "g", triples=15_000, seed=3)
    proj = Project(tmp_path / "g")
    build(proj)
    inference = reason_project(proj)
    assert len(inference) > 1000
    entities = entity_graph(read_built(proj), sources=False)
    stats = network_stats(entities)
    assert stats.regions and stats.regions[0].value >= stats.regions[-1].value
    a, b = stats.regions[0].iri, stats.regions[-1].iri
    assert explained_path(entities, a, b).steps
