"""What the explorer page shows, as plain data: the entity graph cut to the requested view.

``view_graph`` applies ``--focus``/``--depth``/``--types``; ``page_data`` turns the graph into the
lists the page draws (nodes, edges, filter options, overview), built in one pass each rather than
through pyvis's ``add_node``/``add_edge`` (which check for duplicates one edge at a time).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

import networkx as nx

from diplograph.network.folding import SOURCE_EDGE
from diplograph.network.projection import NODE_TYPES
from diplograph.network.terms import short_id

# Colour and vis-network shape of each node type; the page's legend is drawn from this table.
TYPE_STYLES: dict[str, tuple[str, str, str]] = {
    "Country": ("#1b3a5c", "hexagon", "Countries"),
    "Region": ("#2e86c1", "dot", "Regions"),
    "Government": ("#5dade2", "square", "Governments"),
    "Organisation": ("#76a5af", "square", "Organisations"),
    "Firm": ("#d35400", "diamond", "Firms"),
    "Person": ("#8e44ad", "dot", "People"),
    "Post": ("#bb8fce", "triangleDown", "Posts"),
    "Partnership": ("#27ae60", "star", "Partnerships"),
    "Agreement": ("#138d75", "square", "Agreements"),
    "DiplomaticRelation": ("#7f8c8d", "diamond", "Diplomatic relations"),
    "Programme": ("#d4ac0d", "hexagon", "Programmes"),
    "Investment": ("#e67e22", "triangle", "Investments"),
    "Facility": ("#a04000", "square", "Facilities"),
    "Event": ("#c0392b", "dot", "Events"),
    "Source": ("#566573", "square", "Sources"),
}
# Partnerships are coloured by the stage they reached (Permendagri 25/2020 order).
STAGE_COLOURS = {
    "initiative": "#d5f5e3",
    "exploration": "#abebc6",
    "letter-of-intent": "#82e0aa",
    "cooperation-plan": "#58d68d",
    "dprd-approval": "#2ecc71",
    "central-verification": "#28b463",
    "draft-text": "#239b56",
    "signed": "#1d8348",
    "implementation": "#186a3b",
    "ended": "#909497",
    "established": "#145a32",
}
NO_STAGE = "none"
SOURCE_IRI = str(SOURCE_EDGE)
DRAWN_LABEL_LENGTH = 38


class UnknownFocus(LookupError):
    """``--focus`` names no entity of the graph."""


@dataclass(frozen=True)
class View:
    """The part of the graph to show."""

    focus: str | None = None
    depth: int = 2
    types: tuple[str, ...] = ()


def resolve_focus(graph: nx.MultiDiGraph, wanted: str) -> str:
    """A node from a full IRI, a short id (``region/batang``) or a bare id (``batang``)."""
    if wanted in graph:
        return wanted
    by_short = {attrs["id"]: node for node, attrs in graph.nodes(data=True)}
    if wanted in by_short:
        return by_short[wanted]
    tails = [node for short, node in by_short.items() if short.rsplit("/", 1)[-1] == wanted]
    if len(tails) == 1:
        return tails[0]
    if tails:
        choices = ", ".join(sorted(graph.nodes[n]["id"] for n in tails))
        raise UnknownFocus(f"--focus {wanted!r} is ambiguous: one of {choices}")
    raise UnknownFocus(f"--focus {wanted!r}: no entity with that id (try e.g. region/batang)")


def normalise_types(types: tuple[str, ...]) -> tuple[str, ...]:
    """``("region", "partnerships")`` → ``("Region", "Partnership")``; unknown names raise."""
    known = {t.lower(): t for t in NODE_TYPES}
    known |= {label.lower(): t for t, (_c, _s, label) in TYPE_STYLES.items()}
    known |= {"people": "Person", "facilities": "Facility", "countries": "Country"}
    found = []
    for raw in (part.strip() for item in types for part in item.split(",")):
        if not raw:
            continue
        key = raw.lower()
        name = known.get(key) or known.get(key.rstrip("s"))
        if name is None:
            raise ValueError(
                f"--types {raw!r}: not a node type; choose from {', '.join(NODE_TYPES)}"
            )
        if name not in found:
            found.append(name)
    return tuple(found)


def view_graph(graph: nx.MultiDiGraph, view: View) -> nx.MultiDiGraph:
    """The neighbourhood of ``view.focus`` (undirected, ``view.depth`` hops), then the types."""
    keep: set[str] = set(graph)
    focus = resolve_focus(graph, view.focus) if view.focus else None
    if focus is not None:
        around = nx.single_source_shortest_path_length(
            graph.to_undirected(as_view=True), focus, cutoff=view.depth
        )
        keep = set(around)
    if view.types:
        keep = {n for n in keep if graph.nodes[n]["type"] in view.types or n == focus}
    return graph.subgraph(keep).copy() if keep != set(graph) else graph


def search_text(attrs: dict[str, Any]) -> str:
    """Every label and alternative label in every language, lower-cased, accents removed."""
    texts = [attrs.get("label", ""), attrs.get("id", "")]
    for key in ("labels", "alt_labels"):
        for values in (attrs.get(key) or {}).values():
            texts.extend(values)
    return fold("\n".join(texts))


def fold(text: str) -> str:
    """Case- and accent-insensitive form (the page's search folds the query the same way)."""
    if text.isascii():
        return text.casefold()  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def drawn_label(label: str) -> str:
    return label if len(label) <= DRAWN_LABEL_LENGTH else label[: DRAWN_LABEL_LENGTH - 1] + "…"


def page_data(graph: nx.MultiDiGraph, *, title: str, note: str = "") -> dict[str, Any]:
    """The JSON document the page is drawn from."""
    # Size by degree counts relations only: every entity has an edge to its sources, which
    # would otherwise make each article the largest node on the page.
    relations = nx.Graph()
    relations.add_nodes_from(graph)
    relations.add_edges_from((u, v) for u, v, key in graph.edges(keys=True) if key != SOURCE_IRI)
    degrees = dict(relations.degree())
    nodes = []
    for node, attrs in graph.nodes(data=True):
        nodes.append(
            {
                **{k: v for k, v in attrs.items() if k not in ("types",)},
                "iri": node,
                "short": drawn_label(attrs["label"]),
                "degree": degrees.get(node, 0),
                "search": search_text(attrs),
                "planned": _only_planned(attrs),
            }
        )
    edges = [
        {"from": u, "to": v, "label": attrs.get("label", ""), "predicate": key}
        for u, v, key, attrs in graph.edges(keys=True, data=True)
    ]
    return {
        "title": title,
        "note": note,
        "nodes": nodes,
        "edges": edges,
        "types": _type_legend(graph),
        "stages": _stages(graph),
        "countries": _options(graph, "countries"),
        "programmes": _options(graph, "programmes"),
        "overview": overview(graph),
    }


def overview(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts by type and partnerships by stage, for the summary at the top of the page."""
    by_type = Counter(attrs["type"] for _, attrs in graph.nodes(data=True))
    stages = Counter(
        attrs.get("stage") or NO_STAGE
        for _, attrs in graph.nodes(data=True)
        if attrs["type"] == "Partnership"
    )
    labels = _stage_labels(graph)
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "by_type": [
            {"type": t, "label": TYPE_STYLES[t][2], "count": by_type[t]}
            for t in NODE_TYPES
            if by_type[t]
        ],
        "partnerships_by_stage": [
            {"stage": s, "label": labels.get(s, "no stage recorded"), "count": stages[s]}
            for s in [*STAGE_COLOURS, NO_STAGE]
            if stages[s]
        ],
    }


def _only_planned(attrs: dict[str, Any]) -> bool:
    """A partnership whose every stage is still a plan (drawn with a dashed border)."""
    stages = attrs.get("stages") or []
    return bool(stages) and not any(s["date"] or s["reached_by"] for s in stages)


def _type_legend(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts = Counter(attrs["type"] for _, attrs in graph.nodes(data=True))
    return [
        {"type": t, "color": c, "shape": s, "label": label, "count": counts[t]}
        for t, (c, s, label) in TYPE_STYLES.items()
        if counts[t]
    ]


def _stage_labels(graph: nx.MultiDiGraph) -> dict[str, str]:
    return {
        stage["stage"]: stage["label"]
        for _, attrs in graph.nodes(data=True)
        for stage in attrs.get("stages") or []
    }


def _stages(graph: nx.MultiDiGraph) -> list[dict[str, str]]:
    present = {
        attrs.get("stage") or NO_STAGE
        for _, attrs in graph.nodes(data=True)
        if attrs["type"] == "Partnership"
    }
    labels = _stage_labels(graph)
    return [
        {"id": s, "label": labels.get(s, "no stage recorded"), "color": STAGE_COLOURS.get(s, "")}
        for s in [*STAGE_COLOURS, NO_STAGE]
        if s in present
    ]


def _options(graph: nx.MultiDiGraph, key: str) -> list[dict[str, str]]:
    """The countries (or programmes) the nodes refer to, labelled, sorted by label."""
    iris = {iri for _, attrs in graph.nodes(data=True) for iri in attrs.get(key) or []}
    options = [
        {"id": iri, "label": graph.nodes[iri]["label"] if iri in graph else short_id(iri)}
        for iri in iris
    ]
    return sorted(options, key=lambda o: (fold(o["label"]), o["id"]))
