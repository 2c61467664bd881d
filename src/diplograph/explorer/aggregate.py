"""Too many entities for one page: group them by type and country.

A browser stays responsive with a few thousand drawn nodes; beyond ``AGGREGATE_ABOVE`` the
explorer draws one node per (type, countries) group instead — "Regions in China (1,204)" — with
edges between groups that count the relations they stand for. Entities alone in their group
are drawn as themselves. Each group lists its members so that search still finds them, and the
page says how to see them one by one (``diplograph explore --focus ID``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from diplograph.explorer.data import TYPE_STYLES

AGGREGATE_ABOVE = 3000
MEMBERS_LISTED = 2000  # members named per group (all of them are counted)


class TooLarge(ValueError):
    """Even grouped, the graph is too big for one page."""


def group_key(attrs: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    return attrs["type"], tuple(attrs.get("countries") or ())


def aggregate(graph: nx.MultiDiGraph, limit: int = AGGREGATE_ABOVE) -> nx.MultiDiGraph:
    """Entities grouped by type and countries; raises ``TooLarge`` if still above ``limit``."""
    members: dict[tuple[str, tuple[str, ...]], list[str]] = defaultdict(list)
    for node, attrs in graph.nodes(data=True):
        members[group_key(attrs)].append(node)
    grouped = nx.MultiDiGraph()
    owner: dict[str, str] = {}
    for key, nodes in sorted(members.items()):
        if len(nodes) == 1:
            owner[nodes[0]] = nodes[0]
            grouped.add_node(nodes[0], **graph.nodes[nodes[0]])
            continue
        group = _group_id(key)
        grouped.add_node(group, **_group_attrs(graph, key, sorted(nodes), group))
        for node in nodes:
            owner[node] = group
    if grouped.number_of_nodes() > limit:
        raise TooLarge(
            f"{graph.number_of_nodes():,} entities make {grouped.number_of_nodes():,} groups, "
            f"more than {limit:,} for one page: use --focus ID (with --depth N) or --types"
        )
    counts: dict[tuple[str, str, str], list[Any]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        a, b = owner[u], owner[v]
        if a == b and a != u:
            continue  # a relation inside one group
        entry = counts.setdefault((a, b, key), [attrs.get("label", ""), 0])
        entry[1] += 1
    for (a, b, key), (label, count) in sorted(counts.items()):
        shown = label if count == 1 else f"{label} ×{count:,}"
        grouped.add_edge(a, b, key=key, predicate=key, label=shown, count=count)
    return grouped


def _group_id(key: tuple[str, tuple[str, ...]]) -> str:
    kind, countries = key
    return "group:" + kind + ":" + "|".join(countries)


def _group_attrs(
    graph: nx.MultiDiGraph, key: tuple[str, tuple[str, ...]], nodes: list[str], group: str
) -> dict[str, Any]:
    kind, countries = key
    names = [graph.nodes[c]["label"] if c in graph else c.rsplit("/", 1)[-1] for c in countries]
    where = "–".join(names) if names else "no known country"
    label = f"{TYPE_STYLES[kind][2]} · {where} ({len(nodes):,})"
    listed = [
        {"iri": n, "id": graph.nodes[n]["id"], "label": graph.nodes[n]["label"]}
        for n in sorted(nodes, key=lambda n: graph.nodes[n]["label"])[:MEMBERS_LISTED]
    ]
    member_labels = sorted(
        {text for n in nodes for values in graph.nodes[n]["labels"].values() for text in values}
    )
    return {
        "label": label,
        "labels": {"en": [label]},
        "alt_labels": {"und": member_labels},
        "id": group,
        "type": kind,
        "types": [kind],
        "kind": None,
        "reference": all(graph.nodes[n].get("reference") for n in nodes),
        "countries": list(countries),
        "country": countries[0] if len(countries) == 1 else None,
        "programmes": sorted({p for n in nodes for p in graph.nodes[n].get("programmes") or []}),
        "stage": None,
        "stages": [],
        "fields": [],
        "participants": [],
        "activities": [],
        "mentions": [],
        "facts": {"entities in this group": [f"{len(nodes):,}"]},
        "sources": [],
        "members": listed,
        "member_count": len(nodes),
    }
