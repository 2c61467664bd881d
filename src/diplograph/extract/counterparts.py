"""Partnership wording whose counterpart is a country ("Pemkot Kupang menawarkan kerja sama
sister city dengan pemerintah Jepang"): not a partnership of two regions, so none is drafted;
the words are listed for review instead.
"""

from __future__ import annotations

import re

from diplograph.extract.model import Found
from diplograph.extract.partnerships import Partnership, _sentences
from diplograph.extract.regions import Region
from diplograph.extract.rules import alternation, kind_words, phrase_pattern, rules
from diplograph.extract.text import Article


def country_counterparts(
    article: Article, regions: list[Region], partnerships: list[Partnership]
) -> list[Found]:
    """Countries named as the other side ("dengan pemerintah Jepang", "with Japan") in a
    sentence with a kind of partnership that names no partner of a partnership found."""
    config = rules("partnerships")
    kinds = phrase_pattern(list(kind_words()))
    before = re.compile(rf"(?<![\w])(?i:{alternation(config['counterpart_words'])})\s+$")
    partners = {p.partner.id for p in partnerships} | {p.home.id for p in partnerships}
    found: list[Found] = []
    seen: set[str] = set()
    for sentence in _sentences(article):
        if not kinds.search(sentence.text):
            continue
        local = {
            r.id
            for r in regions
            if r.level != "country"
            for m in r.mentions
            if sentence.start <= m.start < sentence.end and not m.venue and m.context_of is None
        }
        if local & partners - {p.home.id for p in partnerships}:
            continue
        for region in regions:
            if region.level != "country" or region.id in seen:
                continue
            for m in region.mentions:
                inside = sentence.start <= m.start < sentence.end
                if inside and before.search(article.text[max(0, m.start - 40) : m.start]):
                    seen.add(region.id)
                    flag = "a country as the counterpart: not a partnership of two regions"
                    found.append(
                        Found(
                            "country-counterpart",
                            region.id,
                            article.evidence(m.start, m.end),
                            0.6,
                            [flag],
                        )
                    )
                    break
    return found
