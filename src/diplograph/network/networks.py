"""Networks derived from the entity graph: regions linked by partnerships, firms by investments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

import networkx as nx

from diplograph.network.projection import entity_graph
from diplograph.network.terms import diplo

if TYPE_CHECKING:
    from rdflib import Dataset

    from diplograph.network.facts import MemoryFacts

# An entity graph already computed, or what ``entity_graph`` projects one from.
Data: TypeAlias = "nx.MultiDiGraph | MemoryFacts | Dataset"


def _entities(data: Data) -> nx.MultiDiGraph:
    return data if isinstance(data, nx.MultiDiGraph) else entity_graph(data, sources=False)


def partnership_network(data: Data) -> nx.Graph:
    """Regions linked by their partnerships (undirected).

    Nodes are region IRIs with ``label``, ``type``, ``country``. Edge attributes: ``kind``
    (``sister-city`` …), ``stage``, ``fields``, ``partnership`` (IRI) and ``partnerships``
    (all IRIs, for the rare pair with more than one). Accepts an ``entity_graph`` already
    computed, or the facts (or rdflib ``Dataset``) to project one from.
    """
    entities = _entities(data)
    network = nx.Graph()
    has_party = diplo("hasParty")
    for node, attrs in sorted(entities.nodes(data=True)):
        if attrs["type"] != "Partnership":
            continue
        parties = sorted(
            {v for _, v, key in entities.out_edges(node, keys=True) if key == has_party}
        )
        for i, a in enumerate(parties):
            for b in parties[i + 1 :]:
                for region in (a, b):
                    network.add_node(region, **_summary(entities.nodes[region]))
                if network.has_edge(a, b):
                    network.edges[a, b]["partnerships"].append(node)
                    continue
                network.add_edge(
                    a,
                    b,
                    kind=attrs["kind"],
                    stage=attrs["stage"],
                    fields=list(attrs["fields"]),
                    partnership=node,
                    partnerships=[node],
                    label=attrs["label"],
                )
    return network


def investment_network(data: Data) -> nx.Graph:
    """Bipartite firms–regions: a firm is linked to each region it invests in.

    Firms have ``bipartite=0``, regions ``bipartite=1``. Edge attributes: ``investments``
    (IRIs), ``roles`` (``investor`` and/or ``vehicle``), ``amounts`` and ``programmes``.
    """
    entities = _entities(data)
    network = nx.Graph()
    roles = {diplo("investor"): "investor", diplo("vehicle"): "vehicle"}
    host_region = diplo("hostRegion")
    for node, attrs in sorted(entities.nodes(data=True)):
        if attrs["type"] != "Investment":
            continue
        out = sorted(entities.out_edges(node, keys=True))
        hosts = [v for _, v, key in out if key == host_region]
        firms = [(v, roles[key]) for _, v, key in out if key in roles]
        for firm, role in firms:
            network.add_node(firm, bipartite=0, **_summary(entities.nodes[firm]))
            for region in hosts:
                network.add_node(region, bipartite=1, **_summary(entities.nodes[region]))
                if not network.has_edge(firm, region):
                    network.add_edge(firm, region, investments=[], roles=[], amounts=[])
                    network.edges[firm, region]["programmes"] = []
                edge = network.edges[firm, region]
                for key, values in (
                    ("investments", [node]),
                    ("roles", [role]),
                    ("amounts", attrs["facts"].get("amount", [])),
                    ("programmes", attrs["programmes"]),
                ):
                    edge[key].extend(v for v in values if v not in edge[key])
    return network


def _summary(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: attrs[k] for k in ("label", "type", "country", "countries")}
