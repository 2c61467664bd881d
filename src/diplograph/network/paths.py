"""The shortest explained path between two entities.

"Allmed Medical —headquartered in→ Zhijiang —partner of (sister-city, exploration)→ Batang
Regency": each step names the relation and its direction, as stated in the graph. Entities are
found by IRI, by id (``region/batang``), by the last part of the id (``batang``) or by a label
in any language (``Kabupaten Batang``). ``via="partnership-only"`` walks only from region to
region along partnerships.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from diplograph.network.terms import diplo

if TYPE_CHECKING:
    import networkx as nx

Via = Literal["any", "partnership-only"]
VIA_CHOICES: tuple[str, ...] = ("any", "partnership-only")


class PathError(ValueError):
    """An entity cannot be found, is ambiguous, or there is no path."""


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    relation: str
    forward: bool


@dataclass(frozen=True)
class ExplainedPath:
    nodes: list[str]
    labels: list[str]
    steps: list[Step]

    def text(self) -> str:
        parts = [self.labels[0]]
        for step, label in zip(self.steps, self.labels[1:], strict=True):
            arrow = f" —{step.relation}→ " if step.forward else f" ←{step.relation}— "
            parts.append(arrow + label)
        return "".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text(),
            "nodes": self.nodes,
            "labels": self.labels,
            "steps": [step.__dict__ for step in self.steps],
        }


def find_entity(graph: nx.Graph, name: str) -> str:
    """The node ``name`` designates; ``PathError`` when none or several do."""
    if name in graph:
        return name
    wanted = name.strip().casefold()
    exact = [n for n, d in graph.nodes(data=True) if str(d.get("id", "")).casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    tail = [
        n
        for n, d in graph.nodes(data=True)
        if str(d.get("id", "")).rsplit("/", 1)[-1].casefold() == wanted
    ]
    if len(tail) == 1:
        return tail[0]
    labelled = sorted(
        n
        for n, d in graph.nodes(data=True)
        if wanted == str(d.get("label", "")).casefold()
        or any(
            wanted == text.casefold()
            for key in ("labels", "alt_labels")
            for texts in (d.get(key) or {}).values()
            for text in texts
        )
    )
    if len(labelled) == 1:
        return labelled[0]
    candidates = tail or labelled
    if candidates:
        shown = ", ".join(str(graph.nodes[n].get("id") or n) for n in candidates[:6])
        raise PathError(f"{name!r} is ambiguous: it could be {shown}; give the id")
    raise PathError(f"no entity {name!r} in the network (give an id such as region/batang)")


def _relation(entities: nx.MultiDiGraph, partners: nx.Graph, u: str, v: str) -> Step:
    """How ``u`` and ``v`` are related, preferring the direction u → v."""
    for a, b, forward in ((u, v, True), (v, u, False)):
        data = entities.get_edge_data(a, b) if entities.has_edge(a, b) else None
        if data:
            key = sorted(data)[0]
            label = str(data[key].get("label") or key)
            if key == diplo("partnerOf") and partners.has_edge(u, v):
                edge = partners.edges[u, v]
                label = f"{label} ({edge.get('kind')}, {edge.get('stage')})"
            return Step(a if forward else b, b if forward else a, label, forward)
    edge = partners.edges[u, v]
    return Step(u, v, f"partner ({edge.get('kind')}, {edge.get('stage')})", True)


def explained_path(
    entities: nx.MultiDiGraph, start: str, end: str, via: Via = "any"
) -> ExplainedPath:
    """The shortest path from ``start`` to ``end`` with each relation named."""
    import networkx as nx  # here: the command line reads VIA_CHOICES at start-up

    from diplograph.network.analytics import undirected
    from diplograph.network.networks import partnership_network

    if via not in VIA_CHOICES:
        raise PathError(f"unknown --via {via!r}; choose one of {', '.join(VIA_CHOICES)}")
    partners = partnership_network(entities)
    graph = partners if via == "partnership-only" else undirected(entities)
    a, b = find_entity(entities, start), find_entity(entities, end)
    if a not in graph or b not in graph:
        missing = start if a not in graph else end
        raise PathError(f"{missing!r} is not a party of any partnership")
    try:
        nodes = nx.shortest_path(graph, a, b)
    except nx.NetworkXNoPath:
        raise PathError(f"no path between {start!r} and {end!r} ({via})") from None
    labels = [str(entities.nodes[n].get("label") or n) for n in nodes]
    steps = [_relation(entities, partners, u, v) for u, v in itertools.pairwise(nodes)]
    return ExplainedPath(nodes, labels, steps)
