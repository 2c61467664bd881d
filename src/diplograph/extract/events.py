"""Events (meetings, signings, visits, interviews) from the dates and the words around them,
and the investment that amounts, a firm and a target date describe together."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.model import Evidence, Found
from diplograph.extract.orgs import Firm, Programme
from diplograph.extract.people import Official
from diplograph.extract.regions import Region
from diplograph.extract.rules import alternation, phrase_pattern, rules
from diplograph.extract.text import Article


@dataclass
class Event:
    kinds: list[str]
    status: str
    date: str
    evidence: Evidence
    confidence: float
    mode: str | None = None
    participants: list[Official] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


def find_events(
    article: Article, dates: list[Found], officials: list[Official], skip: Found | None
) -> list[Event]:
    config = rules("orgs")
    patterns = {kind: phrase_pattern(words) for kind, words in config["events"].items()}
    online = phrase_pattern(config["online"])
    statement = re.compile(
        rf"(?<![\w])(?:{alternation(config['statement_words'])})\W{{1,6}}(?:\w+\W{{1,4}})?$",
        re.IGNORECASE,
    )
    events: list[Event] = []
    body_first = sorted(
        dates, key=lambda d: bool(getattr(article.sentence_at(d.evidence.start), "caption", False))
    )
    for date in body_first:
        if date is skip or not date.value or date.extra.get("form") == "year":
            continue
        if date.extra.get("dateline"):
            continue
        if any(_range_end(article, d, date) for d in dates):
            continue  # "Senin (13/1) hingga Jumat (17/1)": the visit starts on the 13th
        sentence = article.sentence_at(date.evidence.start)
        if sentence is None or sentence.caption:
            continue  # a photo caption's date is the photo's, not an event's
        if statement.search(
            article.text[max(sentence.start, date.evidence.start - 40) : date.evidence.start]
        ):
            continue  # "dalam siaran persnya, Sabtu, 26 November 2016": a statement's day
        said = _quoted(article, sentence, date)
        kinds = [k for k, p in patterns.items() if p.search(said)]
        if not kinds:
            continue
        if any(e.date == date.value and e.kinds == kinds for e in events):
            continue
        people = [
            o
            for o in officials
            if sentence.start <= o.evidence.start < sentence.end
            or o.name.split()[-1] in sentence.text
        ]
        events.append(
            Event(
                kinds,
                str(date.extra["status"]),
                date.value,
                article.evidence(date.evidence.start, date.evidence.end, wide=True),
                min(0.85, date.confidence),
                "online" if online.search(sentence.text) else None,
                people,
                list(date.flags),
            )
        )
    return sorted(events, key=lambda e: e.evidence.start)


def _quoted(article: Article, sentence, date: Found) -> str:  # type: ignore[no-untyped-def]
    """The words a date is said with: its sentence, and the whole quote before it when the
    sentence ends one ("“… ditandatanganinya LoI … . Kota Baalbek …,” kata X, Sabtu (25/10)")."""
    text = article.text
    closing = max(text.rfind("”", sentence.start, date.evidence.start), 0)
    if closing <= sentence.start:
        return sentence.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    opening = text.rfind("“", line_start, closing)
    return text[opening if opening >= 0 else sentence.start : sentence.end]


def signing_events(article: Article, partnerships, dates: list[Found], events: list[Event]):  # type: ignore[no-untyped-def]
    """A letter of intent or an MoU dated to the day is a signing that day, also when its
    sentence has no event wording ("nota kesepahaman … dilakukan …, Selasa (9/7/2019)")."""
    known = {e.date for e in events}
    result = list(events)
    for partnership in partnerships:
        for stage in partnership.stages:
            if stage.stage not in ("letter-of-intent", "signed") or stage.status != "actual":
                continue
            if not stage.date or len(stage.date) != 10 or stage.date in known:
                continue
            sentence = article.sentence_at(stage.evidence.start)
            date = next(
                (
                    d
                    for d in dates
                    if d.value == stage.date
                    and sentence is not None
                    and sentence.start <= d.evidence.start < sentence.end
                ),
                None,
            )
            if date is None:
                continue
            known.add(stage.date)
            evidence = article.evidence(date.evidence.start, date.evidence.end, wide=True)
            result.append(
                Event(["signing"], "actual", stage.date, evidence, min(0.7, date.confidence))
            )
    return sorted(result, key=lambda e: e.evidence.start)


def _range_end(article: Article, first: Found, date: Found) -> bool:
    """Whether `date` ends a range that `first` opens ("13/1 hingga 17/1", "9 to 11 May")."""
    between = article.text[first.evidence.end : date.evidence.start]
    words = alternation(rules("dates")["range_words"])
    return first is not date and bool(re.fullmatch(rf"\s*(?:{words})\s*", between, re.IGNORECASE))


@dataclass
class Investment:
    investor: Firm
    vehicle: Firm | None
    amounts: list[Found]
    land_area: Found | None
    jobs: Found | None
    target: Found | None
    host_region: str | None
    programme: Programme | None


def find_investment(
    article: Article,
    firms: list[Firm],
    quantities: list[Found],
    dates: list[Found],
    home: Region | None,
    programmes: list[Programme],
) -> Investment | None:
    amounts = [q for q in quantities if q.kind == "money"]
    if not amounts or not firms:
        return None
    by_key = {f.name.casefold(): f for f in firms}
    vehicle = next((f for f in firms if f.subsidiary_of), None)
    investor = by_key.get(vehicle.subsidiary_of, firms[0]) if vehicle else firms[0]
    if investor is vehicle:
        vehicle = None
    target = next(
        (
            d
            for d in dates
            if d.value and d.extra.get("status") == "planned" and _near(article, d, amounts[0])
        ),
        None,
    )
    area = next((q for q in quantities if q.kind == "area"), None)
    jobs = next((q for q in quantities if q.kind == "jobs"), None)
    programme = None
    for p in programmes:
        sentence = article.sentence_at(investor.evidence.start)
        if sentence and p.acronym in sentence.text:
            programme = p
    host = (
        home.id
        if home and any(abs(m.start - amounts[0].evidence.start) < 400 for m in home.mentions)
        else None
    )
    return Investment(investor, vehicle, amounts, area, jobs, target, host, programme)


def _near(article: Article, a: Found, b: Found) -> bool:
    first = article.sentence_at(a.evidence.start)
    second = article.sentence_at(b.evidence.start)
    return first is not None and second is not None and abs(first.line - second.line) <= 1
