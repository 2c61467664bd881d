"""What the network says at a glance: sizes, central entities, components, communities.

Computed on the entity graph of ``diplograph.network.projection`` seen as a simple undirected
graph (the direction of a relation does not matter for "who is close to whom"), and on the
region–region partnership network for the most connected regions. Betweenness is exact up to
``EXACT_BETWEENNESS_LIMIT`` nodes and estimated from sampled sources above it: as many as fit in
``BETWEENNESS_WORK`` steps of the search (each source walks every node and edge twice), between
``MIN_BETWEENNESS_SAMPLES`` and ``BETWEENNESS_SAMPLES``, so the time stays about the same as
the graph grows. Sampling and community detection are seeded, so the same graph always gives
the same answer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from diplograph.network.betweenness import sampled_betweenness
from diplograph.network.networks import partnership_network
from diplograph.network.terms import short_id

EXACT_BETWEENNESS_LIMIT = 2000
BETWEENNESS_SAMPLES = 256
MIN_BETWEENNESS_SAMPLES = 16
BETWEENNESS_WORK = 7_000_000  # a few seconds of the search; 256 sources up to ~100k triples
SEED = 42


@dataclass
class Ranked:
    """One entity in a ranking."""

    iri: str
    id: str
    label: str
    type: str
    value: float


@dataclass
class NetworkStats:
    nodes: int
    edges: int
    types: dict[str, int]
    components: int
    largest_components: list[int]
    communities: int
    modularity: float
    betweenness_exact: bool
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    regions: list[Ranked] = field(default_factory=list)
    community_members: list[list[str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected view: one edge between two entities however many relations."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    return simple


def _ranked(graph: nx.Graph, scores: dict[str, float], top: int, types: set[str] | None = None):
    items = [
        (node, score)
        for node, score in scores.items()
        if types is None or graph.nodes[node].get("type") in types
    ]
    items.sort(key=lambda item: (-item[1], item[0]))
    return [
        Ranked(
            node,
            str(graph.nodes[node].get("id") or short_id(node)),
            str(graph.nodes[node].get("label") or node),
            str(graph.nodes[node].get("type") or ""),
            round(float(score), 6),
        )
        for node, score in items[:top]
    ]


def betweenness_samples(graph: nx.Graph) -> int:
    """How many sources the estimate of a large graph is drawn from."""
    steps = graph.number_of_nodes() + 2 * graph.number_of_edges()
    fit = BETWEENNESS_WORK // max(steps, 1)
    return min(BETWEENNESS_SAMPLES, max(MIN_BETWEENNESS_SAMPLES, fit))


def betweenness(graph: nx.Graph, seed: int = SEED) -> tuple[dict[str, float], bool]:
    """Betweenness centrality: exact on small graphs, sampled (seeded) on large ones."""
    k = betweenness_samples(graph)
    if graph.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT or k >= graph.number_of_nodes():
        return nx.betweenness_centrality(graph), True
    return sampled_betweenness(graph, k, seed), False


def network_stats(entities: nx.MultiDiGraph, top: int = 10, seed: int = SEED) -> NetworkStats:
    """Statistics of an entity graph (``entity_graph(dataset, sources=False)``)."""
    graph = undirected(entities)
    types: dict[str, int] = {}
    for _, kind in graph.nodes(data="type"):
        types[str(kind)] = types.get(str(kind), 0) + 1
    components = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    if graph.number_of_edges():
        communities = nx.community.louvain_communities(graph, seed=seed)
        modularity = nx.community.modularity(graph, communities)
    else:
        communities, modularity = [{n} for n in graph.nodes], 0.0
    communities = sorted(communities, key=lambda c: (-len(c), min(c)))
    between, exact = betweenness(graph, seed)
    partners = partnership_network(entities)
    partner_counts = {n: float(partners.degree(n)) for n in partners.nodes}
    return NetworkStats(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        types=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        components=len(components),
        largest_components=components[:5],
        communities=len(communities),
        modularity=round(float(modularity), 6),
        betweenness_exact=exact,
        degree=_ranked(graph, dict(graph.degree()), top),
        betweenness=_ranked(graph, between, top),
        regions=_ranked(partners, partner_counts, top) if partners.number_of_nodes() else [],
        community_members=[
            sorted(str(graph.nodes[n].get("id") or n) for n in c)[:8] for c in communities[:5]
        ],
    )
