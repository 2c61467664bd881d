"""The entity graph as GraphML or GEXF, for Gephi, yEd or Cytoscape.

Both formats take only plain values as attributes, so lists become ``"; "``-joined text and
nested details (quotes, stage histories) are left out; what remains is what a network tool
colours and filters by: short id (``region/batang``), label, type, every type, kind, country,
stage, fields, programmes; on edges the relation's IRI and label. (networkx is imported when
used: the command line reads ``NETWORK_FORMATS`` at start-up.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

    from diplograph.project import Project

NETWORK_FORMATS = ("graphml", "gexf")
# "id" is written as "short_id": GEXF readers take a node attribute "id" for the node id.
NODE_ATTRIBUTES = ("label", "type", "types", "kind", "country", "stage", "fields", "programmes")
EDGE_ATTRIBUTES = ("predicate", "label")


def _plain(value: object) -> str | bool | int | float:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def flat_graph(entities: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only plain attributes (missing ones as empty text, so columns are typed)."""
    import networkx as nx

    flat = nx.MultiDiGraph()
    for node, data in entities.nodes(data=True):
        attrs = {k: _plain(data.get(k)) for k in NODE_ATTRIBUTES}
        flat.add_node(node, short_id=_plain(data.get("id")), **attrs)
    for u, v, key, data in entities.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _plain(data.get(k)) for k in EDGE_ATTRIBUTES})
    return flat


def export_network(entities: nx.MultiDiGraph, fmt: str) -> str:
    """``entities`` as GraphML or GEXF text."""
    if fmt not in NETWORK_FORMATS:
        raise ValueError(
            f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}"
        )
    import networkx as nx

    flat = flat_graph(entities)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(flat)) + "\n"
    return "\n".join(nx.generate_gexf(flat)) + "\n"


def export_built_network(project: Project, fmt: str) -> str:
    """The entity network of the last build of ``project`` as GraphML or GEXF."""
    from diplograph.network.built import read_built
    from diplograph.network.projection import entity_graph

    return export_network(entity_graph(read_built(project), sources=False), fmt)
