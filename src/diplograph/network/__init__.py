"""The graph as a network: the RDF → networkx projection and what is computed on it."""

from __future__ import annotations

from diplograph.network.projection import (
    NODE_TYPES,
    entity_graph,
    investment_network,
    partnership_network,
    short_id,
)

__all__ = ["NODE_TYPES", "entity_graph", "investment_network", "partnership_network", "short_id"]
