"""The built RDF dataset seen as a network of entities (networkx), for analytics and the explorer.

Entities (regions, governments, partnerships, agreements, programmes, firms, investments,
facilities, events, people, posts, sources …) become nodes keyed by their IRI string. An edge
``s → o`` stands for a triple whose subject and object are both entities; its key and its
``predicate`` attribute are the property IRI, its ``label`` the property's English label from
the ontology graph. Literals are never nodes: they become ``facts``. The helper nodes of the
record format are folded into the entity they describe instead of being drawn: quotes go to
``sources``, stage changes to ``stages``, participations to ``participants``, cooperation
activities to ``activities``, amounts and quantities to ``facts``, mentions to ``mentions``.

Each entity is linked to the sources that state something about it by an edge with the
predicate ``dcterms:source`` (``entity_graph(dataset, sources=False)`` leaves sources out).

The projection reads asserted facts only (never ``graph/inferred``), so it does not depend on
whether ``diplograph reason`` has run. By default (``scope="linked"``) the large reference
gazetteer contributes only the places and bodies that records reach, not its thousands of
unrelated subdivisions; ``scope="all"`` keeps every entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import DCTERMS, PROV

from diplograph.namespaces import (
    DIPLO,
    ID,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SCHEMA,
    VOCAB,
)
from diplograph.records.schema import SECTION_BY_NAME

Scope = Literal["linked", "all"]

# Node types in the order the most specific is picked: a country is also a region, a firm
# also an organisation. ``type`` is the first of these a node has.
NODE_TYPES: tuple[str, ...] = (
    "Country",
    "Region",
    "Government",
    "Firm",
    "Organisation",
    "Person",
    "Post",
    "Partnership",
    "Agreement",
    "DiplomaticRelation",
    "Programme",
    "Investment",
    "Facility",
    "Event",
    "Source",
)
FOLDED_TYPES = frozenset(
    DIPLO[n]
    for n in (
        "Quote",
        "StageChange",
        "Participation",
        "CooperationActivity",
        "MonetaryAmount",
        "Quantity",
        "Mention",
    )
)
LABEL_PROPS = (RDFS.label, SCHEMA.name, DCTERMS.title)
SOURCE_EDGE = DCTERMS.source
COUNTRY_LEVEL = VOCAB["admin-level/country"]
# Properties through which a node's country is found (regions: locatedIn up to a country).
COUNTRY_VIA = (
    DIPLO.locatedIn,
    DIPLO.withinFacility,
    DIPLO.governs,
    DIPLO.headquarteredIn,
    DIPLO.postIn,
    DIPLO.hostRegion,
    DIPLO.heldAt,
    DIPLO.visitDestination,
    DIPLO.hasParty,
    DIPLO.relationBetween,
    DIPLO.programmeCountry,
    DIPLO.agreementParty,
)
# Edges that do not pull a reference entity into the "linked" scope when they point at a
# kept one: otherwise a country would bring all its subdivisions, a dataset all it lists.
NOT_PULLED_BY = frozenset(
    {DIPLO.locatedIn, DIPLO.capitalOf, DIPLO.withinFacility, SOURCE_EDGE, PROV.wasQuotedFrom}
)
# Facts shown first, in this order; the rest follow alphabetically.
FACT_ORDER = (
    "stage",
    "status",
    "date",
    "planned date",
    "reached by",
    "target date",
    "amount",
    "land area",
    "expected jobs",
)
KIND_IDS = {
    cls: kind
    for section in ("partnerships", "agreements", "events", "facilities")
    for kind, cls in (SECTION_BY_NAME[section].field("kind").classes.items())  # type: ignore[union-attr]
}


def short_id(iri: str) -> str:
    """``…/id/region/batang`` → ``region/batang`` (other IRIs unchanged)."""
    return iri[len(str(ID)) :] if iri.startswith(str(ID)) else iri


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/"))[-1]


class _Ontology:
    """Labels, class hierarchy and concept data from the dataset's ontology graph."""

    def __init__(self, graph: Graph) -> None:
        self.labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
        for prop in (RDFS.label, SKOS.prefLabel):
            for s, o in graph.subject_objects(prop):
                if isinstance(o, RdfLiteral):
                    self.labels[s].setdefault(o.language or "", str(o))
        self.parents: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, o in graph.subject_objects(RDFS.subClassOf):
            if isinstance(o, URIRef):
                self.parents[s].add(o)
        self.order = {s: int(o) for s, o in graph.subject_objects(DIPLO.stageOrder)}

    def label(self, iri: URIRef) -> str:
        """The English label, else any, else the local name with words split."""
        found = self.labels.get(iri)
        if found:
            return found.get("en") or found.get("") or next(iter(sorted(found.items())))[1]
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local_name(iri)).lower()

    def closure(self, classes: Iterable[URIRef]) -> set[URIRef]:
        seen: set[URIRef] = set()
        todo = list(classes)
        while todo:
            cls = todo.pop()
            if cls not in seen:
                seen.add(cls)
                todo.extend(self.parents.get(cls, ()))
        return seen


class _Index:
    """The asserted data of the dataset, by subject, with the graph of each triple."""

    def __init__(self, dataset: Dataset) -> None:
        self.out: dict[URIRef, dict[URIRef, list[Any]]] = defaultdict(lambda: defaultdict(list))
        self.graphs: dict[URIRef, set[URIRef]] = defaultdict(set)
        self.types: dict[URIRef, set[URIRef]] = defaultdict(set)
        self.graph_sources: dict[URIRef, set[URIRef]] = defaultdict(set)
        skip = {ONTOLOGY_GRAPH, INFERRED_GRAPH}
        for s, p, o, g in dataset.quads((None, None, None, None)):
            graph = getattr(g, "identifier", g)
            if graph in skip or not isinstance(s, URIRef):
                continue
            self.graphs[s].add(graph)
            if p == RDF.type:
                self.types[s].add(o)
                if o == DIPLO.Source and graph != REFERENCE_GRAPH:
                    self.graph_sources[graph].add(s)
            values = self.out[s][p]
            if o not in values:
                values.append(o)

    def values(self, s: URIRef, p: URIRef) -> list[Any]:
        return self.out.get(s, {}).get(p, [])


def entity_graph(
    dataset: Dataset, *, sources: bool = True, scope: Scope = "linked"
) -> nx.MultiDiGraph:
    """The entities of ``dataset`` and the relations between them.

    Node attributes: ``label`` (English, else Indonesian, else any), ``labels`` (language →
    labels; ``und`` for none), ``alt_labels``, ``id`` (``region/batang``), ``type`` (one of
    ``NODE_TYPES``), ``types`` (every diplo class, superclasses included), ``kind`` (the
    record's kind id, e.g. ``sister-city``), ``country`` (the country IRI when there is exactly
    one), ``countries``, ``programmes``, ``stage`` (partnerships: the most advanced stage
    reached, not planned), ``stages`` (stage history), ``fields`` (cooperation field ids),
    ``participants``, ``activities``, ``mentions``, ``facts`` (label → values: dates,
    amounts, status …), ``sources`` (``[{source, title, quotes: [{text, lang, about}]}]``)
    and ``reference`` (True when only reference data states it). Edge attributes:
    ``predicate`` (IRI string) and ``label``.
    """
    ontology = _Ontology(dataset.graph(ONTOLOGY_GRAPH))
    index = _Index(dataset)
    types = {}
    for subject, classes in index.types.items():
        if COUNTRY_LEVEL in index.values(subject, DIPLO.adminLevel):
            classes = classes | {DIPLO.Country}  # a region at country level is a country
        names = {local_name(c) for c in ontology.closure(classes) if str(c).startswith(str(DIPLO))}
        kind = next((t for t in NODE_TYPES if t in names), None)
        if kind and not classes & FOLDED_TYPES and (sources or kind != "Source"):
            types[subject] = (kind, sorted(names))
    if scope == "linked":
        types = {s: types[s] for s in _linked(index, types)}
    folder = _Folder(index, ontology, set(types))
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(
        (str(s), folder.node(s, kind, names)) for s, (kind, names) in sorted(types.items())
    )
    graph.add_edges_from(_edges(index, ontology, types, graph, sources))
    _add_countries_and_programmes(graph, index, types)
    return graph


def _linked(index: _Index, types: dict[URIRef, Any]) -> set[URIRef]:
    """Entities stated outside the reference graph, and the reference entities they reach."""
    kept = {s for s in types if index.graphs[s] - {REFERENCE_GRAPH}}
    if not kept:
        return set(types)
    incoming: dict[URIRef, list[URIRef]] = defaultdict(list)
    for s in types:
        for p, objects in index.out[s].items():
            if p not in NOT_PULLED_BY:
                for o in objects:
                    if o in types:
                        incoming[o].append(s)
    todo = list(kept)
    while todo:
        node = todo.pop()
        reached = [o for objects in index.out[node].values() for o in objects if o in types]
        for other in reached + incoming.get(node, []):
            if other not in kept:
                kept.add(other)
                todo.append(other)
    return kept


def _edges(
    index: _Index,
    ontology: _Ontology,
    types: dict[URIRef, Any],
    graph: nx.MultiDiGraph,
    sources: bool,
) -> Iterable[tuple[str, str, str, dict[str, str]]]:
    for s in sorted(types):
        seen = set()
        for p, objects in sorted(index.out[s].items()):
            if p == RDF.type:
                continue
            for o in objects:
                if o in types and o != s:
                    seen.add((str(o), str(p)))
                    yield str(s), str(o), str(p), {"predicate": str(p), "label": ontology.label(p)}
        if sources:
            for entry in graph.nodes[str(s)]["sources"]:
                target = entry["source"]
                if target != str(s) and (target, str(SOURCE_EDGE)) not in seen:
                    attrs = {"predicate": str(SOURCE_EDGE), "label": ontology.label(SOURCE_EDGE)}
                    yield str(s), target, str(SOURCE_EDGE), attrs


def _add_countries_and_programmes(
    graph: nx.MultiDiGraph, index: _Index, types: dict[URIRef, Any]
) -> None:
    """Countries through the place properties (locatedIn* for regions); programmes directly."""
    memo: dict[URIRef, frozenset[URIRef]] = {}

    def countries(node: URIRef, visiting: frozenset[URIRef]) -> frozenset[URIRef]:
        if node in memo:
            return memo[node]
        if types.get(node, ("",))[0] == "Country":
            return frozenset({node})
        found: set[URIRef] = set()
        for prop in COUNTRY_VIA:
            for target in index.values(node, prop):
                if isinstance(target, URIRef) and target not in visiting:
                    found |= countries(target, visiting | {node})
            if found and prop in (DIPLO.locatedIn, DIPLO.withinFacility):
                break  # a place's own location decides; other links would only add noise
        memo[node] = frozenset(found)
        return memo[node]

    for s in types:
        attrs = graph.nodes[str(s)]
        found = sorted(str(c) for c in countries(s, frozenset()))
        attrs["countries"] = found
        attrs["country"] = found[0] if len(found) == 1 else None
        programmes = {
            str(o)
            for prop in (DIPLO.partOfProgramme, DIPLO.includesProgramme)
            for o in index.values(s, prop)
            if types.get(o, ("",))[0] == "Programme"
        }
        if attrs["type"] == "Programme":
            programmes.add(str(s))
        attrs["programmes"] = sorted(programmes)


class _Folder:
    """Builds one node's attributes, folding in its helper nodes (quotes, stages, amounts …)."""

    def __init__(self, index: _Index, ontology: _Ontology, entities: set[URIRef]) -> None:
        self.index, self.ontology, self.entities = index, ontology, entities
        self.quotes: dict[URIRef, list[URIRef]] = defaultdict(list)
        self.mentions: dict[URIRef, list[URIRef]] = defaultdict(list)
        folded = {s for s, classes in index.types.items() if classes & FOLDED_TYPES}
        owner: dict[URIRef, URIRef] = {}
        for s in entities:
            for objects in index.out[s].values():
                for o in objects:
                    if o in folded:
                        owner[o] = s
        for s in folded:
            classes = index.types[s]
            if DIPLO.Quote in classes:
                for target in index.values(s, DIPLO.supports):
                    self.quotes[owner.get(target, target)].append(s)
            elif DIPLO.Mention in classes:
                for target in index.values(s, DIPLO.resolvesTo):
                    self.mentions[target].append(s)

    def text(self, value: Any) -> str:
        if isinstance(value, RdfLiteral):
            return str(value)
        if value in self.entities or str(value).startswith(str(VOCAB)):
            return self.label_of(value)
        return str(value)

    def label_of(self, iri: URIRef) -> str:
        labels = _labels(self.index, iri)
        best = _best(labels)
        return best if best is not None else self.ontology.label(iri)

    def node(self, s: URIRef, kind: str, names: list[str]) -> dict[str, Any]:
        index = self.index
        labels = _labels(index, s)
        alt = _by_language(index.values(s, SKOS.altLabel))
        attrs: dict[str, Any] = {
            "label": _best(labels) or short_id(str(s)),
            "labels": labels,
            "alt_labels": alt,
            "id": short_id(str(s)),
            "type": kind,
            "types": names,
            "kind": next((KIND_IDS[c] for c in sorted(index.types[s]) if c in KIND_IDS), None),
            "reference": not (index.graphs[s] - {REFERENCE_GRAPH}),
        }
        facts: dict[str, list[str]] = defaultdict(list)
        for p, objects in index.out[s].items():
            if p in (RDF.type, SKOS.altLabel, *LABEL_PROPS) or p in _STRUCTURED:
                continue
            for o in objects:
                if isinstance(o, URIRef) and o in self.entities:
                    continue
                value = self._quantity(o) if _is_quantity(index, o) else self.text(o)
                if value not in facts[self.ontology.label(p)]:
                    facts[self.ontology.label(p)].append(value)
        attrs["fields"] = sorted(local_name(str(o)) for o in index.values(s, DIPLO.coversField))
        attrs["stages"] = self._stages(s)
        reached = [st for st in attrs["stages"] if st["date"] or st["reached_by"]]
        attrs["stage"] = reached[-1]["stage"] if reached else None
        if attrs["stage"]:
            facts["stage"] = [reached[-1]["label"]]
        attrs["participants"] = self._participants(s)
        attrs["activities"] = self._activities(s)
        attrs["mentions"] = self._mentions(s)
        attrs["facts"] = {k: sorted(facts[k]) for k in _fact_order(facts) if facts[k]}
        attrs["sources"] = self._sources(s, kind)
        return attrs

    def _stages(self, s: URIRef) -> list[dict[str, Any]]:
        stages = []
        for node in self.index.values(s, DIPLO.hasStageChange):
            concept = next(iter(self.index.values(node, DIPLO.stage)), None)
            if concept is None:
                continue
            event = next(iter(self.index.values(node, DIPLO.stageEvent)), None)
            stages.append(
                {
                    "stage": local_name(str(concept)),
                    "label": self.ontology.label(concept),
                    "order": self.ontology.order.get(concept, 0),
                    "date": self._first(node, DIPLO.date),
                    "planned_date": self._first(node, DIPLO.plannedDate),
                    "reached_by": self._first(node, DIPLO.reachedBy),
                    "event": str(event) if event in self.entities else None,
                    "event_label": self.label_of(event) if event is not None else None,
                    "note": self._first(node, SKOS.editorialNote),
                }
            )
        return sorted(stages, key=lambda st: (st["order"], st["stage"]))

    def _participants(self, s: URIRef) -> list[dict[str, Any]]:
        found = []
        for node in self.index.values(s, DIPLO.hasParticipation):
            agent = next(iter(self.index.values(node, DIPLO.participant)), None)
            post = next(iter(self.index.values(node, DIPLO.inPost)), None)
            if agent is None:
                continue
            found.append(
                {
                    "agent": str(agent),
                    "agent_label": self.label_of(agent),
                    "post": str(post) if post is not None else None,
                    "post_label": self.label_of(post) if post is not None else None,
                }
            )
        return sorted(found, key=lambda x: x["agent"])

    def _activities(self, s: URIRef) -> list[dict[str, Any]]:
        found = []
        for node in self.index.values(s, DIPLO.hasActivity):
            labels = _labels(self.index, node)
            found.append(
                {
                    "label": _best(labels) or local_name(str(node)),
                    "labels": labels,
                    "field": self._first(node, DIPLO.activityField),
                    "status": self._first(node, DIPLO.eventStatus),
                }
            )
        return sorted(found, key=lambda x: x["label"])

    def _mentions(self, s: URIRef) -> list[dict[str, Any]]:
        found = []
        for node in self.mentions.get(s, []):
            source = next(iter(self.index.values(node, DIPLO.mentionIn)), None)
            found.append(
                {
                    "text": self._first(node, DIPLO.mentionText),
                    "context": self._first(node, DIPLO.mentionContext),
                    "source": str(source) if source is not None else None,
                    "confusable_with": [
                        self.label_of(o) for o in self.index.values(node, DIPLO.confusableWith)
                    ],
                    "note": self._first(node, SKOS.editorialNote),
                }
            )
        return sorted(found, key=lambda x: x["text"] or "")

    def _sources(self, s: URIRef, kind: str) -> list[dict[str, Any]]:
        index = self.index
        quotes: dict[URIRef, list[dict[str, Any]]] = defaultdict(list)
        for graph in index.graphs[s] - {REFERENCE_GRAPH}:
            for source in index.graph_sources.get(graph, ()):
                quotes.setdefault(source, [])
        for source in index.values(s, SOURCE_EDGE):
            quotes.setdefault(source, [])
        for quote in sorted(self.quotes.get(s, [])):
            text = next(iter(index.values(quote, DIPLO.quoteText)), None)
            about = next(iter(index.values(quote, DIPLO.supportsProperty)), None)
            supported = next(iter(index.values(quote, DIPLO.supports)), s)
            for source in index.values(quote, PROV.wasQuotedFrom):
                entry = {
                    "text": str(text) if text is not None else "",
                    "lang": getattr(text, "language", None) or "",
                    "about": self.ontology.label(about)
                    if about is not None
                    else (None if supported == s else self.label_of(supported)),
                }
                if entry not in quotes[source]:
                    quotes[source].append(entry)
        if kind == "Source":
            quotes.pop(s, None)
        return [
            {"source": str(src), "title": self.label_of(src), "quotes": quotes[src]}
            for src in sorted(quotes)
            if src in self.entities or src in index.types
        ]

    def _first(self, s: URIRef, p: URIRef) -> str | None:
        value = next(iter(self.index.values(s, p)), None)
        return None if value is None else self.text(value)

    def _quantity(self, node: URIRef) -> str:
        index = self.index

        def number(prop: URIRef) -> Decimal | None:
            value = next(iter(index.values(node, prop)), None)
            try:
                return None if value is None else Decimal(str(value))
            except InvalidOperation:
                return None

        low, high, exact = number(SCHEMA.minValue), number(SCHEMA.maxValue), number(SCHEMA.value)
        if exact is not None:
            text = _human(exact)
        elif low is not None and high is not None:
            text = _human_range(low, high)
        elif low is not None:
            more = bool(index.values(node, DIPLO.lowerBoundExclusive))
            text = f"{'more than' if more else 'at least'} {_human(low)}"
        elif high is not None:
            text = f"up to {_human(high)}"
        else:
            text = "?"
        currency = self._first(node, SCHEMA.currency)
        unit = self._first(node, SCHEMA.unitText)
        if currency:
            text = f"{currency} {text}"
        if unit:
            text = f"{text} {unit}"
        if index.values(node, DIPLO.isApproximate):
            text = f"about {text}"
        return text


# Properties whose values are shown in their own sections, not among the facts.
_STRUCTURED = frozenset(
    {
        DIPLO.hasStageChange,
        DIPLO.hasParticipation,
        DIPLO.hasActivity,
        DIPLO.coversField,
        SOURCE_EDGE,
    }
)


def _is_quantity(index: _Index, node: Any) -> bool:
    return isinstance(node, URIRef) and bool(
        index.types.get(node, set()) & {DIPLO.MonetaryAmount, DIPLO.Quantity}
    )


def _labels(index: _Index, s: URIRef) -> dict[str, list[str]]:
    return _by_language(v for p in LABEL_PROPS for v in index.values(s, p))


def _by_language(values: Iterable[Any]) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = defaultdict(list)
    for value in values:
        if isinstance(value, RdfLiteral):
            lang = value.language or "und"
            if str(value) not in labels[lang]:
                labels[lang].append(str(value))
    return {lang: sorted(texts) for lang, texts in sorted(labels.items())}


def _best(labels: dict[str, list[str]]) -> str | None:
    """English, else Indonesian, else untagged, else the first language alphabetically."""
    for lang in ("en", "id", "und", *sorted(labels)):
        if labels.get(lang):
            return labels[lang][0]
    return None


def _fact_order(facts: dict[str, list[str]]) -> list[str]:
    first = [k for k in FACT_ORDER if k in facts]
    return first + sorted(k for k in facts if k not in FACT_ORDER)


def _human(value: Decimal) -> str:
    """``100000000`` → ``100 million``; ``24.8`` → ``24.8``; ``3500`` → ``3,500``."""
    for size, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(value) >= size:
            scaled = (value / size).normalize()
            return f"{scaled:f} {word}"
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"


def _human_range(low: Decimal, high: Decimal) -> str:
    """``1.6e12, 1.7e12`` → ``1.6–1.7 trillion``; different scales keep both words."""
    a, b = _human(low), _human(high)
    a_num, _, a_word = a.partition(" ")
    b_word = b.partition(" ")[2]
    return f"{a_num}–{b}" if a_word and a_word == b_word else f"{a}–{b}"


def partnership_network(data: Dataset | nx.MultiDiGraph) -> nx.Graph:
    """Regions linked by their partnerships (undirected).

    Nodes are region IRIs with ``label``, ``type``, ``country``. Edge attributes: ``kind``
    (``sister-city`` …), ``stage``, ``fields``, ``partnership`` (IRI) and ``partnerships``
    (all IRIs, for the rare pair with more than one). Accepts a dataset or an
    ``entity_graph`` already computed.
    """
    entities = data if isinstance(data, nx.MultiDiGraph) else entity_graph(data, sources=False)
    network = nx.Graph()
    has_party = str(DIPLO.hasParty)
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


def investment_network(data: Dataset | nx.MultiDiGraph) -> nx.Graph:
    """Bipartite firms–regions: a firm is linked to each region it invests in.

    Firms have ``bipartite=0``, regions ``bipartite=1``. Edge attributes: ``investments``
    (IRIs), ``roles`` (``investor`` and/or ``vehicle``), ``amounts`` and ``programmes``.
    """
    entities = data if isinstance(data, nx.MultiDiGraph) else entity_graph(data, sources=False)
    network = nx.Graph()
    roles = {str(DIPLO.investor): "investor", str(DIPLO.vehicle): "vehicle"}
    host_region = str(DIPLO.hostRegion)
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


__all__ = [
    "NODE_TYPES",
    "entity_graph",
    "investment_network",
    "partnership_network",
    "short_id",
]
