"""The RDF → networkx projection of the seed build: nodes, edges, labels, types and details."""

from __future__ import annotations

from decimal import Decimal

import networkx as nx
import pytest

from diplograph.export import load_built_dataset
from diplograph.namespaces import DIPLO, ID
from diplograph.network.built import read_built
from diplograph.network.facts import MemoryFacts
from diplograph.network.folding import SOURCE_EDGE, _human, _human_range
from diplograph.network.networks import investment_network, partnership_network
from diplograph.network.projection import entity_graph

BATANG, ZHIJIANG, TOYAMA = (str(ID[f"region/{r}"]) for r in ("batang", "zhijiang", "toyama"))
INDONESIA, CHINA = str(ID["region/indonesia"]), str(ID["region/china"])
BZ = str(ID["partnership/batang-zhijiang"])
ALLMED = str(ID["firm/allmed-medical"])
INVESTMENT = str(ID["investment/allmed-batang-factory"])
ARTICLE = str(ID["source/batang-zhijiang-2025-06-12"])


@pytest.fixture(scope="module")
def dataset(seed_build) -> MemoryFacts:
    """The facts of the seed build, read from its sorted N-Quads with pyoxigraph."""
    project, _ = seed_build
    return read_built(project)


@pytest.fixture(scope="module")
def graph(dataset) -> nx.MultiDiGraph:
    return entity_graph(dataset)


def test_entities_are_nodes_and_helper_nodes_are_not(graph):
    for iri in (BATANG, ZHIJIANG, TOYAMA, BZ, ALLMED, INVESTMENT, ARTICLE, INDONESIA):
        assert iri in graph, iri
    for node in graph:
        assert "/quote/" not in node and "/stage/" not in node and "/participant/" not in node
        assert not node.endswith(("/amount/usd", "/land-area", "/expected-job"))
    # literals never become nodes: every node is an instance IRI
    assert all(node.startswith(str(ID)) for node in graph)


def test_linked_scope_leaves_out_unrelated_gazetteer_places(dataset, graph):
    france = str(ID["region/france"])
    assert france not in graph
    everything = entity_graph(dataset, scope="all")
    assert france in everything
    assert everything.nodes[france]["type"] == "Country"
    assert everything.number_of_nodes() > 4 * graph.number_of_nodes()


def test_labels_in_every_language_and_best_label(graph):
    zhijiang = graph.nodes[ZHIJIANG]
    assert zhijiang["label"] == "Zhijiang"
    assert zhijiang["labels"]["zh"] == ["枝江市"]
    assert "Kota Zhijiang" in zhijiang["alt_labels"]["id"]
    assert graph.nodes[BZ]["label"] == "Batang–Zhijiang sister-city partnership"
    assert graph.nodes[BZ]["labels"]["id"] == ["Kerja sama Sister City Batang–Zhijiang"]


def test_types_kinds_and_ids(graph):
    assert graph.nodes[INDONESIA]["type"] == "Country"
    assert {"Country", "Region"} <= set(graph.nodes[INDONESIA]["types"])
    assert graph.nodes[BZ]["type"] == "Partnership"
    assert "SisterCityPartnership" in graph.nodes[BZ]["types"]
    assert graph.nodes[BZ]["kind"] == "sister-city"
    assert graph.nodes[ALLMED]["type"] == "Firm"
    assert graph.nodes[ARTICLE]["type"] == "Source"
    assert graph.nodes[BATANG]["id"] == "region/batang"


def test_edges_carry_predicate_and_ontology_label(graph):
    edge = graph.get_edge_data(BZ, BATANG, key=str(DIPLO.hasParty))
    assert edge == {"predicate": str(DIPLO.hasParty), "label": "has party"}
    assert graph.get_edge_data(INVESTMENT, ALLMED, key=str(DIPLO.investor))["label"] == "investor"
    assert graph.has_edge(BATANG, ZHIJIANG, key=str(DIPLO.partnerOf))
    # an entity is linked to the article that states it
    assert graph.has_edge(INVESTMENT, ARTICLE, key=str(SOURCE_EDGE))


def test_countries_follow_located_in_and_other_links(graph):
    assert graph.nodes[BATANG]["country"] == INDONESIA  # batang → central java → indonesia
    assert graph.nodes[ZHIJIANG]["country"] == CHINA
    assert graph.nodes[str(ID["government/pemkab-batang"])]["country"] == INDONESIA
    assert graph.nodes[ALLMED]["country"] == CHINA  # headquartered in Zhijiang
    assert graph.nodes[BZ]["country"] is None  # two countries: see "countries"
    assert graph.nodes[BZ]["countries"] == sorted([CHINA, INDONESIA])


def test_stage_history_keeps_plans_apart(graph):
    partnership = graph.nodes[BZ]
    assert partnership["stage"] == "exploration"
    stages = {s["stage"]: s for s in partnership["stages"]}
    assert stages["exploration"]["reached_by"] == "2025-06-12"
    assert stages["signed"]["planned_date"] == "2025-07"
    assert stages["signed"]["date"] is None
    assert partnership["facts"]["stage"] == ["Exploration"]
    assert "culture" in partnership["fields"]


def test_amounts_and_quotes_are_folded_into_details(graph):
    investment = graph.nodes[INVESTMENT]
    assert investment["facts"]["amount"] == ["USD 100 million", "about IDR 1.6–1.7 trillion"]
    assert investment["facts"]["land area"] == ["24.8 hectare"]
    assert investment["programmes"] == [str(ID["programme/tctp"])]
    (source,) = investment["sources"]
    assert source["source"] == ARTICLE
    assert source["title"] == "Batang dan Zhijiang China Jajaki Kerja Sama Sister City"
    quotes = {q["about"]: q["text"] for q in source["quotes"]}
    assert "USD 100 juta" in quotes["amount"]
    assert all(q["lang"] == "id" for q in source["quotes"])


def test_quotes_on_stage_changes_and_participants_reach_their_owner(graph):
    quotes = [q for s in graph.nodes[BZ]["sources"] for q in s["quotes"]]
    assert any("penandatanganan resmi" in q["text"] for q in quotes)
    meeting = graph.nodes[str(ID["event/batang-zhijiang-online-meeting-2025-06-12"])]
    agents = {p["agent"]: p["post_label"] for p in meeting["participants"]}
    assert (
        agents[str(ID["person/faiz-kurniawan"])]
        == graph.nodes[str(ID["post/regent-of-batang"])]["label"]
    )


def test_mentions_are_kept_on_the_entity_they_resolve_to(graph):
    (mention,) = graph.nodes[ZHIJIANG]["mentions"]
    assert mention["text"] == "Kota Zhejiang"
    assert mention["source"] == ARTICLE


def test_without_sources(dataset):
    graph = entity_graph(dataset, sources=False)
    assert ARTICLE not in graph
    assert not any(k == str(SOURCE_EDGE) for _, _, k in graph.edges(keys=True))
    assert graph.nodes[INVESTMENT]["sources"]  # the details keep them


def test_projection_is_deterministic(dataset, graph):
    again = entity_graph(dataset)
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_an_rdflib_dataset_gives_the_same_graph(seed_build, graph):
    """Callers holding an rdflib Dataset still get the same projection."""
    again = entity_graph(load_built_dataset(seed_build[0]))
    assert list(again.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))


def test_partnership_network(dataset, graph):
    network = partnership_network(dataset)
    assert set(map(frozenset, network.edges())) == {
        frozenset({BATANG, ZHIJIANG}),
        frozenset({BATANG, TOYAMA}),
    }
    edge = network.edges[BATANG, ZHIJIANG]
    assert edge["kind"] == "sister-city"
    assert edge["stage"] == "exploration"
    assert edge["partnership"] == BZ
    assert "green-industry" in edge["fields"]
    assert network.nodes[ZHIJIANG]["country"] == CHINA
    assert nx.utils.graphs_equal(partnership_network(graph), network)


def test_investment_network_is_bipartite_firms_regions(dataset):
    network = investment_network(dataset)
    assert nx.is_bipartite(network)
    edge = network.edges[ALLMED, BATANG]
    assert edge["investments"] == [INVESTMENT]
    assert edge["roles"] == ["investor"]
    assert network.nodes[ALLMED]["bipartite"] == 0
    assert network.nodes[BATANG]["bipartite"] == 1
    vehicle = str(ID["firm/pt-ace-medical-products-indonesia"])
    assert network.edges[vehicle, BATANG]["roles"] == ["vehicle"]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("100000000", "100 million"),
        ("1600000000000", "1.6 trillion"),
        ("3500", "3,500"),
        ("24.8", "24.8"),
        ("2500000000", "2.5 billion"),
    ],
)
def test_human_numbers(value, text):
    assert _human(Decimal(value)) == text


def test_human_ranges():
    assert _human_range(Decimal("1.6e12"), Decimal("1.7e12")) == "1.6–1.7 trillion"
    assert _human_range(Decimal("900"), Decimal("2e6")) == "900–2 million"
