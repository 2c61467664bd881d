"""The draft record: YAML in the record format, with review comments and an ``extraction``
report (every value's words, offsets, quote, confidence and flags).

The record sections hold only what the record format allows, so that after review a person
(or :func:`strip_review`) removes the ``extraction`` report and the draft validates.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml

from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.pipeline import Extraction
from diplograph.imports.names import slug

REVIEW_KEY = "extraction"
HEADER = """\
# DRAFT written by `diplograph extract` from {name}: review every value before use.
# Each value below was read from the quoted words; the `extraction` section at the end lists
# them with character offsets, confidence and flags. Check the flagged items, correct what is
# wrong, delete the `extraction` section, then save the file in graph/records/.
"""


def draft_record(x: Extraction, gazetteer: Gazetteer, text_path: str) -> dict[str, Any]:
    """The record (source + sections) and the review report, as one mapping."""
    article = x.article
    event_date = next(
        (e.date for e in x.events if e.status == "actual" and len(e.date) == 10), None
    )
    source_date = x.published.value if x.published else event_date
    title = article.title or Path(text_path).stem
    source: dict[str, Any] = {
        "id": slug(f"{title[:60]} {source_date or ''}") or "draft",
        "kind": "news-article",
        "title": title,
        "date": source_date or "",
        "language": x.language,
        "text": text_path,
    }
    if article.url:
        source["url"] = article.url
    record: dict[str, Any] = {"source": source}
    ids = _Ids(gazetteer)
    regions_used: dict[str, Any] = {}
    for region in x.regions:
        regions_used[region.id] = region
    partnerships = []
    for p in x.partnerships:
        ids.region(p.home)
        ids.region(p.partner)
        item: dict[str, Any] = {
            "id": p.id,
            "label": {
                "en": f"{p.home.name}–{p.partner.name} {p.kind.replace('-', ' ')} partnership"
            },
            "kind": p.kind,
            "parties": [p.home.id, p.partner.id],
        }
        if p.fields:
            item["fields"] = [f.value for f in p.fields]
        stages = []
        for stage in p.stages:
            entry: dict[str, Any] = {"stage": stage.stage}
            if stage.date:
                entry["planned_date" if stage.status == "planned" else "date"] = stage.date
            elif not _undated_stage(entry, stage, event_date or source_date, x):
                continue
            entry["quote"] = stage.evidence.quote
            if stage.note:
                entry["note"] = stage.note
            stages.append(entry)
        if stages:
            item["stages"] = stages
        quotes: dict[str, Any] = {"parties": p.evidence.quote}
        if p.kind_evidence:
            quotes["kind"] = p.kind_evidence.quote
        if p.fields:
            quotes["fields"] = list(dict.fromkeys(f.evidence.quote for f in p.fields))
        item["quotes"] = quotes
        partnerships.append(item)
    events = []
    for n, event in enumerate(x.events):
        item = {
            "id": slug(f"{'-'.join(event.kinds)} {event.date}") + ("" if n == 0 else f"-{n}"),
            "kind": event.kinds if len(event.kinds) > 1 else event.kinds[0],
            "status": event.status,
            ("planned_date" if event.status == "planned" else "date"): event.date,
        }
        if event.mode:
            item["mode"] = event.mode
        related = [
            p.id
            for p in x.partnerships
            if p.partner.name in event.evidence.quote
            or p.home.name.split()[-1] in event.evidence.quote
        ]
        if related:
            item["partnerships"] = related
        if event.participants:
            item["participants"] = [
                {
                    "agent": ids.person(o),
                    **({"post": ids.post(o)} if ids.post(o) else {}),
                    "quote": o.evidence.quote,
                }
                for o in event.participants
            ]
        item["quote"] = event.evidence.quote
        events.append(item)
    agreements = []
    for kind, quantity in x.instruments:
        sentence = article.sentence_at(quantity.evidence.start)
        date = next(
            (
                d
                for d in x.dates
                if sentence and sentence.start <= d.evidence.start < sentence.end and d.value
            ),
            None,
        )
        item = {
            "id": slug(f"{quantity.evidence.text} {date.value if date else ''}"),
            "kind": kind,
            "count": int(quantity.value.get("value", 0)),
            "status": str(date.extra["status"]) if date else "actual",
        }
        if date and date.extra["status"] == "actual":
            item["date"] = date.value
        item["quote"] = quantity.evidence.quote
        agreements.append(item)
    firms = []
    for firm in x.firms:
        item = {"id": slug(firm.name), "label": {"en": firm.name, "id": firm.name}}
        if firm.headquartered_in:
            item["headquartered_in"] = ids.region_id(firm.headquartered_in, regions_used)
        if firm.subsidiary_of:
            item["subsidiary_of"] = slug(firm.subsidiary_of)
        if firm.sector:
            item["sector"] = {"id": firm.sector}
        item["quote"] = list(
            dict.fromkeys([firm.evidence.quote, *(e.quote for e in firm.relations)])
        )
        firms.append(item)
    programmes = [
        {
            "id": slug(p.acronym),
            "label": {"en": p.name, "id": p.name},
            "alt_label": {"en": p.acronym},
            "quote": p.evidence.quote,
        }
        for p in x.programmes
        if p.kind == "programme"
    ]
    for p in x.programmes:
        if p.kind != "programme":
            agreements.append(
                {
                    "id": slug(p.acronym),
                    "label": {"id": p.name},
                    "alt_label": {"en": p.acronym},
                    "kind": p.kind,
                    "quote": p.evidence.quote,
                }
            )
    investments = []
    if x.investment:
        inv = x.investment
        item = {"id": slug(f"{inv.investor.name} investment"), "investor": slug(inv.investor.name)}
        quotes: dict[str, Any] = {"investor": inv.investor.evidence.quote}
        if inv.vehicle:
            item["vehicle"] = slug(inv.vehicle.name)
            quotes["vehicle"] = inv.vehicle.evidence.quote
        if inv.host_region:
            item["host_region"] = ids.region_id(inv.host_region, regions_used)
        if inv.programme:
            item["programme"] = slug(inv.programme.acronym)
        item["amounts"] = [a.value for a in inv.amounts]
        quotes["amounts"] = [a.evidence.quote for a in inv.amounts]
        for key, found in (("land_area", inv.land_area), ("expected_jobs", inv.jobs)):
            if found:
                item[key] = dict(found.value)
                quotes[key] = found.evidence.quote
        if inv.target and inv.target.value:
            item["target_date"] = inv.target.value
            quotes["target_date"] = inv.target.evidence.quote
        item["quotes"] = quotes
        investments.append(item)
    mentions = []
    for conflict in x.conflicts:
        mentions.append(
            {
                "id": slug(f"mention {conflict['mention']}"),
                "text": conflict["mention"],
                "context": conflict["context"],
                "resolves_to": ids.region_id(conflict["resolves_to"], regions_used),
                "confusable_with": [
                    ids.region_id(c, regions_used) for c in conflict["confusable_with"]
                ],
                "quote": conflict["quote"],
                "note": f"{conflict['reason']}; elsewhere the article says {conflict['other']!r}",
            }
        )
    for official in x.officials:
        ids.person(official)
        ids.post(official)
    sections = {
        "partnerships": partnerships,
        "events": events,
        "agreements": agreements,
        "programmes": programmes,
        "firms": firms,
        "investments": investments,
        "people": ids.people,
        "posts": ids.posts,
        "governments": ids.governments,
        "regions": ids.new_regions(regions_used),
        "mentions": mentions,
    }
    record.update({k: v for k, v in sections.items() if v})
    record[REVIEW_KEY] = review_report(x)
    return record


def _undated_stage(
    entry: dict[str, Any], stage: Any, known_date: str | None, x: Extraction
) -> bool:
    """Give a stage the article dates nowhere a date the record format accepts, flagged for
    review: a past step is reached by the event's or publication date, else by the day of
    the draft (true of anything the article reports as done); a planned step takes the year
    of that date, else the latest year the article names. False if there is none."""
    if stage.status == "planned":
        years = sorted(d.value[:4] for d in x.dates if d.value and not d.extra.get("dateline"))
        year = known_date[:4] if known_date else (years[-1] if years else None)
        if year is None:
            stage.note = (
                "planned; the article names no year: left out of the record's stages, add it "
                "on review with its planned date"
            )
            return False
        entry["planned_date"] = int(year)
        stage.note = (
            f"planned; the article gives no date: {year} is the article's year, "
            "correct or remove it on review"
        )
    elif known_date:
        entry["reached_by"] = known_date
        stage.note = f"the article gives no date: reached by {known_date} (check on review)"
    else:
        today = dt.date.today().isoformat()
        entry["reached_by"] = today
        stage.note = (
            f"the article gives no date: reached by {today}, the day of this draft at the "
            "latest (find the real date on review)"
        )
    stage.confidence = min(stage.confidence, 0.4)
    return True


class _Ids:
    """Ids of what the record refers to, adding entities the reference data lacks."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.people: list[dict[str, Any]] = []
        self.posts: list[dict[str, Any]] = []
        self.governments: list[dict[str, Any]] = []
        self.used: dict[str, Any] = {}

    def region(self, region: Any) -> str:
        self.used[region.id] = region
        return region.id

    def region_id(self, region_id: str, regions: dict[str, Any]) -> str:
        if region_id in regions:
            self.used[region_id] = regions[region_id]
        elif region_id in self.gazetteer.places:
            self.used[region_id] = self.gazetteer.places[region_id]
        return region_id

    def person(self, official: Any) -> str:
        person_id = slug(official.name)
        if all(p["id"] != person_id for p in self.people):
            self.people.append(
                {
                    "id": person_id,
                    "name": official.name,
                    "label": {"id": official.name},
                    "quote": official.evidence.quote,
                }
            )
        return person_id

    def government(self, region_id: str) -> str:
        known = self.gazetteer.governments.get(region_id)
        if known:
            return known
        gov_id = f"{region_id}-government"
        if all(g["id"] != gov_id for g in self.governments):
            self.governments.append({"id": gov_id, "governs": region_id})
        return gov_id

    def post(self, official: Any) -> str | None:
        if official.region is None:
            return None
        post_id = f"{official.post}-of-{official.region}"
        if all(p["id"] != post_id for p in self.posts):
            self.region_id(official.region, {})
            self.posts.append(
                {
                    "id": post_id,
                    "label": {"en": f"{'Acting ' if official.acting else ''}{official.post_label}"},
                    "post_in": self.government(official.region),
                    "held_by": [slug(official.name)],
                    "quote": official.evidence.quote,
                }
            )
            self.person(official)
        return post_id

    def new_regions(self, regions: dict[str, Any]) -> list[dict[str, Any]]:
        """Regions the curated reference data does not define, so the draft defines them."""
        result = []
        for region_id in sorted(self.used):
            if region_id in self.gazetteer.known_ids:
                continue
            region = regions.get(region_id) or self.used[region_id]
            place = self.gazetteer.places.get(region_id)
            item: dict[str, Any] = {
                "id": region_id,
                "label": {"id": place.label("id") if place else region.name},
            }
            level = getattr(region, "level", None)
            if level:
                item["level"] = level
            parent = getattr(region, "located_in", None)
            if parent and parent in self.gazetteer.known_ids:
                item["located_in"] = parent
            mentions = getattr(region, "mentions", [])
            if mentions:
                item["note"] = "not in the curated reference data: check the name and level"
            result.append(item)
        return result


def review_report(x: Extraction) -> dict[str, Any]:
    """Every value with its words, offsets, quote, confidence and flags; what needs a look."""
    values: list[dict[str, Any]] = []
    for found in [*x.dates, *x.quantities, *x.fields, *x.counterparts]:
        if found.value is not None:
            values.append(found.report())
    for official in x.officials:
        values.append(
            {
                "kind": "official",
                "value": {
                    "name": official.name,
                    "post": official.post,
                    "acting": official.acting,
                    "region": official.region,
                },
                **official.evidence.as_dict(),
                "confidence": official.confidence,
            }
        )
    for p in x.partnerships:
        values.append(
            {
                "kind": "partnership",
                "value": {"parties": [p.home.id, p.partner.id], "kind": p.kind},
                **p.evidence.as_dict(),
                "confidence": p.confidence,
            }
        )
        for stage in p.stages:
            values.append(
                {
                    "kind": "stage",
                    "value": {
                        "partnership": p.id,
                        "stage": stage.stage,
                        "status": stage.status,
                        "date": stage.date,
                    },
                    **stage.evidence.as_dict(),
                    "confidence": stage.confidence,
                    **({"flags": [stage.note]} if stage.note else {}),
                }
            )
    regions = []
    for region in x.regions:
        first = region.mentions[0]
        regions.append(
            {
                "id": region.id,
                "name": region.name,
                "level": region.level,
                "status": region.status,
                "country": region.country,
                "located_in": region.located_in,
                "mentions": len(region.mentions),
                "text": x.article.text[first.start : first.end],
                "offsets": [first.start, first.end],
                "confidence": 0.9 if region.status == "resolved" else 0.5,
            }
        )
    unresolved = [r for r in regions if r["status"] != "resolved"]
    undated = [f.report() for f in x.dates if f.value is None]
    report: dict[str, Any] = {
        "language": x.language,
        "published": x.published.value if x.published else None,
        "published_from": x.published_from,
        "regions": regions,
        "unresolved": unresolved,
        "conflicts": x.conflicts,
        "unresolved_dates": undated,
        "values": values,
    }
    if x.notes:
        report["notes"] = x.notes
    return report


def text_reference(article_path: Path, draft_dir: Path) -> str:
    """``source.text`` as the loader reads it: relative to the folder the draft will be in."""
    return Path(os.path.relpath(article_path.resolve(), draft_dir.resolve())).as_posix()


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_draft(record: dict[str, Any], name: str) -> str:
    body = yaml.dump(record, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100_000)
    return HEADER.format(name=name) + body


def strip_review(record: dict[str, Any]) -> dict[str, Any]:
    """The draft without its review-only parts: what a person saves after reviewing it."""
    return {k: v for k, v in record.items() if k != REVIEW_KEY}
