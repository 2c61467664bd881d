"""Betweenness centrality estimated from sampled sources, for graphs too large for the exact one.

The same estimate as ``networkx.betweenness_centrality(graph, k=k, seed=seed)`` (the same
sources, drawn the same way, and the same scaling), computed on integer-indexed adjacency
lists: several times faster than networkx's dictionaries, so that more sources fit in the time.
"""

from __future__ import annotations

import random
from collections.abc import Hashable

import networkx as nx


def sampled_betweenness(graph: nx.Graph, k: int, seed: int) -> dict[Hashable, float]:
    """Normalised betweenness of an undirected graph from ``k`` seeded sources (Brandes)."""
    nodes = list(graph)
    n = len(nodes)
    sources = random.Random(seed).sample(nodes, k)
    index = {node: i for i, node in enumerate(nodes)}
    neighbours = [[index[w] for w in graph[v]] for v in nodes]
    total = [0.0] * n
    for source in sources:
        s = index[source]
        sigma, dist, delta = [0.0] * n, [-1] * n, [0.0] * n
        sigma[s], dist[s] = 1.0, 0
        order = [s]
        for v in order:  # breadth first: the list grows while it is walked
            d, paths = dist[v] + 1, sigma[v]
            for w in neighbours[v]:
                if dist[w] < 0:
                    dist[w] = d
                    order.append(w)
                if dist[w] == d:
                    sigma[w] += paths
        for w in reversed(order):  # farthest first: each node's share goes to its parents
            d, share = dist[w] - 1, (1.0 + delta[w]) / sigma[w]
            for v in neighbours[w]:
                if dist[v] == d:
                    delta[v] += sigma[v] * share
            if w != s:
                total[w] += delta[w]
    return dict(zip(nodes, _rescaled(total, [index[x] for x in sources]), strict=True))


def _rescaled(total: list[float], sources: list[int]) -> list[float]:
    """networkx's scaling for a normalised, sampled estimate without endpoints: a source
    cannot lie on its own paths, so it is averaged over one source fewer."""
    k, pairs = len(sources), len(total) - 2  # (n - 1) targets, one of them the node itself
    if len(total) < 3:
        return [0.0] * len(total)
    on_source = 1 / ((k - 1) * pairs) if k > 1 else float("nan")
    elsewhere = 1 / (k * pairs)
    scale = [elsewhere] * len(total)
    for s in sources:
        scale[s] = on_source
    return [value * factor for value, factor in zip(total, scale, strict=True)]
