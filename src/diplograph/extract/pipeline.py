"""One article in, everything the extractor finds out: the steps in order."""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.extract.asides import mark_asides
from diplograph.extract.counterparts import country_counterparts
from diplograph.extract.dates import Published, address_date, dateline, find_dates
from diplograph.extract.events import (
    Event,
    Investment,
    find_events,
    find_investment,
    signing_events,
)
from diplograph.extract.fields import find_fields
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.model import Found
from diplograph.extract.numbers import find_quantities
from diplograph.extract.orgs import (
    Firm,
    Programme,
    counted_instruments,
    find_firms,
    find_programmes,
)
from diplograph.extract.partnerships import Partnership, find_partnerships
from diplograph.extract.people import Official, find_officials
from diplograph.extract.places import find_mentions
from diplograph.extract.regions import Region, group_regions
from diplograph.extract.text import Article, detect_language, read_article


@dataclass
class Extraction:
    """Everything found in one article, before it is written as a draft record."""

    article: Article
    language: str
    published: Published | None
    published_from: str
    regions: list[Region]
    conflicts: list[dict]
    dates: list[Found]
    quantities: list[Found]
    officials: list[Official]
    firms: list[Firm]
    programmes: list[Programme]
    instruments: list[tuple[str, Found]]
    partnerships: list[Partnership]
    counterparts: list[Found]
    fields: list[Found]
    events: list[Event]
    investment: Investment | None
    notes: list[str] = field(default_factory=list)

    @property
    def home(self) -> Region | None:
        return self.partnerships[0].home if self.partnerships else None


def extract(
    text: str,
    gazetteer: Gazetteer,
    *,
    language: str | None = None,
    published: Published | None = None,
) -> Extraction:
    """Read ``text`` (a news article) and find what a record needs, each value with evidence."""
    article = read_article(text)
    language = language or detect_language(text)
    notes: list[str] = []
    published_from = "option" if published else "unknown"
    dates = find_dates(article, language, published)
    line = dateline(article, dates)
    if published is None and line is not None:
        published, published_from = Published(line.value), "dateline"
        dates = find_dates(article, language, published)
        line = dateline(article, dates)
    if published is None and (from_address := address_date(article.url)) is not None:
        published, published_from = from_address, "address"
        dates = find_dates(article, language, published)
        line = dateline(article, dates)
    mentions = find_mentions(article, gazetteer)
    mark_asides(article, mentions)
    regions, conflicts = group_regions(article, mentions, gazetteer)
    date_spans = [(d.evidence.start, d.evidence.end) for d in dates]
    quantities = find_quantities(article, language, date_spans)
    officials = find_officials(article, regions)
    firms = find_firms(article, regions)
    programmes = find_programmes(article)
    instruments = counted_instruments(quantities)
    partnerships = find_partnerships(
        article, regions, dates, [q for _k, q in instruments], officials
    )
    counterparts = country_counterparts(article, regions, partnerships)
    fields = find_fields(article, language, partnerships, regions)
    events = find_events(article, dates, officials, line)
    events = signing_events(article, partnerships, dates, events)
    home = partnerships[0].home if partnerships else None
    investment = find_investment(article, firms, quantities, dates, home, programmes)
    if not partnerships:
        notes.append("no partnership found: no two sub-national regions in a partnership sentence")
    for c in counterparts:
        notes.append(
            f"{c.evidence.text!r} is a country as counterpart: not drafted as a partnership"
        )
    return Extraction(
        article,
        language,
        published,
        published_from,
        regions,
        conflicts,
        dates,
        quantities,
        officials,
        firms,
        programmes,
        instruments,
        partnerships,
        counterparts,
        fields,
        events,
        investment,
        notes,
    )
