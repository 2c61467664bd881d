"""Precision and recall of the extractor against gold: curated records or hand-written gold files.

Both sides are reduced to comparable sets per field: party pairs (by name key), stages (party
pair + stage), dates, amounts (the numbers), officials (person names) and fields (concept ids),
plus whether the main event's date was found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from diplograph.imports.names import fold, name_key

FIELDS = ("parties", "stage", "dates", "amounts", "officials", "fields", "event_date")


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, got: set, want: set) -> None:
        self.found, self.gold = self.found + len(got), self.gold + len(want)
        self.correct += len(got & want)
        self.misses += sorted(map(_show, want - got))
        self.extras += sorted(map(_show, got - want))

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def _show(fact: Any) -> str:
    """A fact as stable text: a party pair as "a + b" (sorted), a stage as "a + b: stage"."""
    if isinstance(fact, frozenset):
        return " + ".join(sorted(fact))
    if isinstance(fact, tuple) and fact and isinstance(fact[0], frozenset):
        return ": ".join([_show(fact[0]), *map(str, fact[1:])])
    return str(fact)


def _dates(record: dict[str, Any]) -> set[str]:
    dates = set()
    for event in record.get("events", []):
        dates |= {str(event[k]) for k in ("date", "planned_date") if k in event}
    for p in record.get("partnerships", []):
        for stage in p.get("stages", []):
            dates |= {str(stage[k]) for k in ("date", "planned_date") if k in stage}
    for inv in record.get("investments", []):
        if "target_date" in inv:
            dates.add(str(inv["target_date"]))
    return dates


def _amounts(record: dict[str, Any]) -> set[tuple]:
    result = set()
    for inv in record.get("investments", []):
        for q in [*inv.get("amounts", []), inv.get("land_area"), inv.get("expected_jobs")]:
            if q:
                result.add(
                    tuple(float(q[k]) for k in ("value", "min", "max", "more_than") if k in q)
                )
    return result


def facts_from_record(
    record: dict[str, Any], aliases: dict[str, set[str]] | None = None
) -> dict[str, set]:
    """Comparable facts of a record (a curated one or a stripped draft)."""
    aliases = aliases or {}

    def party(region_id: str) -> str:
        return min(aliases.get(region_id, {name_key(region_id.replace("-", " "))}))

    pairs, stages = set(), set()
    for p in record.get("partnerships", []):
        pair = frozenset(party(r) for r in p["parties"])
        pairs.add(pair)
        stages |= {(pair, s["stage"]) for s in p.get("stages", [])}
    events = record.get("events", [])
    # the main event is one that took place; an article about an event to come has only that
    main = [str(e["date"]) for e in events if e.get("status") == "actual" and "date" in e] or [
        str(e["planned_date"]) for e in events if "planned_date" in e
    ]
    return {
        "parties": pairs,
        "stage": stages,
        "dates": _dates(record),
        "amounts": _amounts(record),
        "officials": {fold(p["name"]) for p in record.get("people", [])},
        "fields": {f for p in record.get("partnerships", []) for f in p.get("fields", [])},
        "event_date": set(main),
    }


def facts_from_gold(gold: dict[str, Any]) -> tuple[dict[str, set], dict[str, str]]:
    """Facts of a gold file, and each acceptable party name key → the party's canonical key."""
    canonical: dict[str, str] = {}
    pairs, stages = set(), set()
    for p in gold.get("partnerships", []):
        keys = []
        for names in p["parties"]:
            first = name_key(names[0])
            for name in names:
                canonical[name_key(name)] = first
                canonical[name_key(name.replace("-", " "))] = first
            keys.append(first)
        pair = frozenset(keys)
        pairs.add(pair)
        stages |= {(pair, s) for s in p.get("stages", [])}
    return {
        "parties": pairs,
        "stage": stages,
        "dates": {str(d) for d in gold.get("dates", [])},
        "amounts": {tuple(float(v) for v in a) for a in gold.get("amounts", [])},
        "officials": {fold(n) for n in gold.get("officials", [])},
        "fields": set(gold.get("fields", [])),
        "event_date": {str(gold["event_date"])} if gold.get("event_date") else set(),
    }, canonical


def draft_aliases(
    record: dict[str, Any], report: dict[str, Any], canonical: dict[str, str]
) -> dict[str, set[str]]:
    """Each region id of a draft → the gold key it matches (by id, name or mention text)."""
    result: dict[str, set[str]] = {}
    for region in report.get("regions", []):
        keys = {
            name_key(region["id"].replace("-", " ")),
            name_key(region["name"]),
            name_key(region["text"]),
        }
        matched = {canonical[k] for k in keys if k in canonical}
        result[region["id"]] = matched or keys
    return result


def score(scores: dict[str, Score], got: dict[str, set], want: dict[str, set]) -> None:
    for name in FIELDS:
        if name == "event_date":
            if not want[name]:
                continue  # the gold gives no date for the main event: nothing to recall
            hit = bool(want[name] & got[name])
            s = scores[name]
            s.found, s.gold, s.correct = s.found + 1, s.gold + 1, s.correct + hit
            if not hit:
                s.misses += sorted(want[name])
            continue
        scores[name].add(got[name], want[name])
