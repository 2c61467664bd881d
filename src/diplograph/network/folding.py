"""One entity's node attributes, with its helper nodes folded in (quotes, stages, amounts …).

Helper nodes of the record format are never drawn: stage changes become ``stages``,
participations ``participants``, cooperation activities ``activities``, amounts and
quantities ``facts``, mentions ``mentions``, and quotes go to ``sources`` with the source they
were quoted from. A quote that supports a helper node is shown on every entity the helper
belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from diplograph.network.facts import Facts
from diplograph.network.terms import (
    DCTERMS_SOURCE,
    DCTERMS_TITLE,
    PROV_QUOTED_FROM,
    RDF_TYPE,
    RDFS_LABEL,
    REFERENCE,
    SKOS_ALT,
    SKOS_NOTE,
    VOCAB_BASE,
    Term,
    diplo,
    local_name,
    schema,
    short_id,
)
from diplograph.records.schema import SECTION_BY_NAME

FOLDED_TYPES = frozenset(
    diplo(n)
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
QUANTITY_TYPES = frozenset({diplo("MonetaryAmount"), diplo("Quantity")})
LABEL_PROPS = (RDFS_LABEL, schema("name"), DCTERMS_TITLE)
SOURCE_EDGE = DCTERMS_SOURCE
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
    str(cls): kind
    for section in ("partnerships", "agreements", "events", "facilities")
    for kind, cls in (SECTION_BY_NAME[section].field("kind").classes.items())  # type: ignore[union-attr]
}
# Properties whose values are shown in their own sections, not among the facts.
_STRUCTURED = frozenset(
    {
        diplo("hasStageChange"),
        diplo("hasParticipation"),
        diplo("hasActivity"),
        diplo("coversField"),
        SOURCE_EDGE,
    }
)
_NOT_FACTS = _STRUCTURED | {RDF_TYPE, SKOS_ALT, *LABEL_PROPS}
QUOTE, MENTION = diplo("Quote"), diplo("Mention")
SUPPORTS, RESOLVES_TO = diplo("supports"), diplo("resolvesTo")


class Folder:
    """Builds node attributes from ``facts``; ``is_entity`` tells which IRIs are drawn nodes."""

    def __init__(self, facts: Facts, is_entity: Callable[[str], bool]) -> None:
        self.facts, self.is_entity, self.ontology = facts, is_entity, facts.ontology
        self._label_of: dict[Term, str] = {}  # sources and places are named on many nodes

    def values(self, s: str, p: str) -> list[Term]:
        return self.facts.subject(s).values(p)

    def first(self, s: str, p: str) -> Term | None:
        values = self.facts.subject(s).values(p)
        return values[0] if values else None

    def text(self, value: Term) -> str:
        if isinstance(value, ox.Literal):
            return value.value
        if type(value) is str and (value.startswith(VOCAB_BASE) or self.is_entity(value)):
            return self.label_of(value)
        return str(value)

    def label_of(self, iri: Term) -> str:
        found = self._label_of.get(iri)
        if found is None:
            best = _best(self.labels(iri)) if type(iri) is str else None
            found = best if best is not None else self.ontology.label(str(iri))
            self._label_of[iri] = found
        return found

    def labels(self, s: str) -> dict[str, list[str]]:
        entry = self.facts.subject(s)
        return _by_language(v for p in LABEL_PROPS for v in entry.values(p))

    def node(self, s: str, kind: str, names: list[str]) -> dict[str, Any]:
        entry = self.facts.subject(s)
        labels = self.labels(s)
        attrs: dict[str, Any] = {
            "label": _best(labels) or short_id(s),
            "labels": labels,
            "alt_labels": _by_language(entry.values(SKOS_ALT)),
            "id": short_id(s),
            "type": kind,
            "types": names,
            "kind": next((KIND_IDS[c] for c in sorted(entry.types) if c in KIND_IDS), None),
            "reference": not (entry.graphs - {REFERENCE}),
        }
        facts: dict[str, list[str]] = defaultdict(list)
        for p, objects in entry.out.items():
            if p in _NOT_FACTS:
                continue
            label = self.ontology.label(p)
            for o in objects:
                if type(o) is str and self.is_entity(o):
                    continue
                value = self._quantity(o) if self._is_quantity(o) else self.text(o)
                if value not in facts[label]:
                    facts[label].append(value)
        attrs["fields"] = sorted(local_name(str(o)) for o in entry.values(diplo("coversField")))
        attrs["stages"] = self._stages(s)
        reached = [st for st in attrs["stages"] if st["date"] or st["reached_by"]]
        attrs["stage"] = reached[-1]["stage"] if reached else None
        if attrs["stage"]:
            facts["stage"] = [reached[-1]["label"]]
        attrs["participants"] = self._participants(s)
        attrs["activities"] = self._activities(s)
        attrs["mentions"] = self._mentions(s)
        attrs["facts"] = {k: sorted(facts[k]) for k in _fact_order(facts) if facts[k]}
        attrs["sources"] = self.sources(s, kind)
        return attrs

    def _stages(self, s: str) -> list[dict[str, Any]]:
        stages = []
        for node in self.values(s, diplo("hasStageChange")):
            concept = self.first(str(node), diplo("stage"))
            if concept is None:
                continue
            event = self.first(str(node), diplo("stageEvent"))
            stages.append(
                {
                    "stage": local_name(str(concept)),
                    "label": self.ontology.label(str(concept)),
                    "order": self.ontology.order.get(str(concept), 0),
                    "date": self._first_text(node, diplo("date")),
                    "planned_date": self._first_text(node, diplo("plannedDate")),
                    "reached_by": self._first_text(node, diplo("reachedBy")),
                    "event": event if type(event) is str and self.is_entity(event) else None,
                    "event_label": self.label_of(event) if event is not None else None,
                    "note": self._first_text(node, SKOS_NOTE),
                }
            )
        return sorted(stages, key=lambda st: (st["order"], st["stage"]))

    def _participants(self, s: str) -> list[dict[str, Any]]:
        found = []
        for node in self.values(s, diplo("hasParticipation")):
            agent = self.first(str(node), diplo("participant"))
            post = self.first(str(node), diplo("inPost"))
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

    def _activities(self, s: str) -> list[dict[str, Any]]:
        found = []
        for node in self.values(s, diplo("hasActivity")):
            labels = self.labels(str(node))
            found.append(
                {
                    "label": _best(labels) or local_name(str(node)),
                    "labels": labels,
                    "field": self._first_text(node, diplo("activityField")),
                    "status": self._first_text(node, diplo("eventStatus")),
                }
            )
        return sorted(found, key=lambda x: x["label"])

    def _mentions(self, s: str) -> list[dict[str, Any]]:
        found = []
        for node in self._pointing(s, RESOLVES_TO, MENTION):
            source = self.first(node, diplo("mentionIn"))
            found.append(
                {
                    "text": self._first_text(node, diplo("mentionText")),
                    "context": self._first_text(node, diplo("mentionContext")),
                    "source": str(source) if source is not None else None,
                    "confusable_with": [
                        self.label_of(o) for o in self.values(node, diplo("confusableWith"))
                    ],
                    "note": self._first_text(node, SKOS_NOTE),
                }
            )
        return sorted(found, key=lambda x: x["text"] or "")

    def quotes(self, s: str) -> list[str]:
        """The quotes supporting ``s`` or one of its helper nodes."""
        found = set(self._pointing(s, SUPPORTS, QUOTE))
        for objects in self.facts.subject(s).out.values():
            for o in objects:
                if type(o) is str and self.facts.subject(o).types & FOLDED_TYPES:
                    found.update(self._pointing(o, SUPPORTS, QUOTE))
        return sorted(found)

    def sources(self, s: str, kind: str) -> list[dict[str, Any]]:
        facts = self.facts
        entry = facts.subject(s)
        quotes: dict[str, list[dict[str, Any]]] = {}
        for graph in entry.graphs - {REFERENCE}:
            for source in facts.graph_sources(graph):
                quotes.setdefault(source, [])
        for source in entry.values(SOURCE_EDGE):
            if type(source) is str:
                quotes.setdefault(source, [])
        for quote in self.quotes(s):
            text = self.first(quote, diplo("quoteText"))
            about = self.first(quote, diplo("supportsProperty"))
            supported = self.first(quote, SUPPORTS) or s
            for source in self.values(quote, PROV_QUOTED_FROM):
                if type(source) is not str:
                    continue
                entry_ = {
                    "text": text.value if isinstance(text, ox.Literal) else str(text or ""),
                    "lang": (text.language if isinstance(text, ox.Literal) else None) or "",
                    "about": self.ontology.label(str(about))
                    if about is not None
                    else (None if supported == s else self.label_of(supported)),
                }
                listed = quotes.setdefault(source, [])
                if entry_ not in listed:
                    listed.append(entry_)
        if kind == "Source":
            quotes.pop(s, None)
        return [
            {"source": src, "title": self.label_of(src), "quotes": quotes[src]}
            for src in sorted(quotes)
            if self.is_entity(src) or facts.subject(src).types
        ]

    def _pointing(self, target: str, predicate: str, cls: str) -> list[str]:
        """The subjects of class ``cls`` with ``predicate`` pointing at ``target``."""
        return [
            s for s in self.facts.pointing(target, predicate) if cls in self.facts.subject(s).types
        ]

    def _first_text(self, s: Term, p: str) -> str | None:
        value = self.first(str(s), p)
        return None if value is None else self.text(value)

    def _is_quantity(self, node: Term) -> bool:
        return type(node) is str and bool(self.facts.subject(node).types & QUANTITY_TYPES)

    def _quantity(self, node: Term) -> str:
        entry = self.facts.subject(str(node))

        def number(prop: str) -> Decimal | None:
            values = entry.values(prop)
            try:
                return Decimal(str(values[0].value)) if values else None  # type: ignore[union-attr]
            except (InvalidOperation, AttributeError):
                return None

        low, high = number(schema("minValue")), number(schema("maxValue"))
        exact = number(schema("value"))
        if exact is not None:
            text = _human(exact)
        elif low is not None and high is not None:
            text = _human_range(low, high)
        elif low is not None:
            more = bool(entry.values(diplo("lowerBoundExclusive")))
            text = f"{'more than' if more else 'at least'} {_human(low)}"
        elif high is not None:
            text = f"up to {_human(high)}"
        else:
            text = "?"
        currency = self._first_text(node, schema("currency"))
        unit = self._first_text(node, schema("unitText"))
        if currency:
            text = f"{currency} {text}"
        if unit:
            text = f"{text} {unit}"
        if entry.values(diplo("isApproximate")):
            text = f"about {text}"
        return text


def _by_language(values: Iterable[Term]) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for value in values:
        if isinstance(value, ox.Literal):
            lang, text = value.language or "und", value.value
            texts = labels.get(lang)
            if texts is None:
                labels[lang] = [text]
            elif text not in texts:
                texts.append(text)
    return {lang: sorted(labels[lang]) for lang in sorted(labels)}


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
