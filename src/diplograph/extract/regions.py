"""Mentions grouped into the regions an article talks about, and conflicts between them.

Two near-identical names in one article ("Kota Zhejiang" in a caption, "Kota Zhijiang, Provinsi
Hubei" in the body) are a *conflict* when one of them does not fit what the text says about it
(the gazetteer's entry has another level, or lies in another province). The better-supported
name wins: more mentions, outside captions, consistent with the gazetteer. The other is kept as
a mention that resolves to it, with the entry it could be confused with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.places import Mention, mention_id
from diplograph.extract.text import Article
from diplograph.imports.names import name_key

SIMILAR = 0.75


@dataclass
class Region:
    """One place the article names, with all its mentions."""

    id: str
    name: str
    level: str | None
    status: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    located_in: str | None = None
    candidates: list[str] = field(default_factory=list)

    @property
    def government(self) -> bool:
        return any(m.government for m in self.mentions)

    @property
    def support(self) -> tuple[int, int, int]:
        body = [m for m in self.mentions if not m.caption]
        fits = sum(1 for m in self.mentions if not m.flags or m.status == "resolved")
        return (len(body), fits, len(self.mentions))

    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]


def group_regions(
    article: Article, mentions: list[Mention], gazetteer: Gazetteer
) -> tuple[list[Region], list[dict[str, Any]]]:
    """Regions by id (gazetteer id, else a slug of the name), and the conflicts found."""
    by_id: dict[str, Region] = {}
    alias_of: dict[str, str] = {}
    for mention in mentions:
        for alias in mention.aliases:
            alias_of[name_key(alias)] = mention_id(mention)
    for mention in mentions:
        region_id = alias_of.get(mention.key, mention_id(mention))
        region = by_id.get(region_id)
        if region is None:
            region = by_id[region_id] = Region(
                region_id,
                mention.name,
                mention.level,
                mention.status,
                candidates=[p.id for p in mention.candidates],
            )
        region.mentions.append(mention)
        if region.level is None and mention.level:
            region.level = mention.level
    for region in by_id.values():
        _place_region(region, gazetteer)
    conflicts = _conflicts(article, by_id, gazetteer)
    return sorted(by_id.values(), key=lambda r: r.mentions[0].start), conflicts


def _place_region(region: Region, gazetteer: Gazetteer) -> None:
    if region.status == "resolved":
        place = gazetteer.places[region.id]
        region.country = gazetteer.country_of(region.id)
        region.located_in = place.located_in
        region.name = place.label("id") if place.level != "country" else region.name
        return
    for m in region.mentions:  # an Indonesian city the reference data lacks
        region.country = region.country or m.country
        region.located_in = region.located_in or m.located_in
    order = {"country": 2, "province": 1, "prefecture": 1}
    contexts = [c for m in region.mentions for c in m.context if c.resolved]
    for context in sorted(contexts, key=lambda c: order.get(c.level or "", 0)):
        region.located_in = region.located_in or context.resolved
        region.country = region.country or gazetteer.country_of(context.resolved)
    # a name listed with places of one country ("Guangxi Zhuang, Chongqing, Sichuan") is in it
    # but "Jakarta and Riverton" is more often a pair of partners than two Indonesian places
    listed = {
        gazetteer.country_of(c.resolved)
        for m in region.mentions
        for sibling in m.listed_with
        for c in [sibling, *sibling.context]
        if c.resolved
        and not (len(m.listed_with) == 1 and gazetteer.country_of(c.resolved) == "indonesia")
    }
    if region.country is None and len(listed) == 1:
        region.country = listed.pop()


def _conflicts(
    article: Article, by_id: dict[str, Region], gazetteer: Gazetteer
) -> list[dict[str, Any]]:
    conflicts: list[dict[str, Any]] = []
    regions = [r for r in by_id.values() if r.level != "country"]
    for a in regions:
        for b in regions:
            if a.id >= b.id or a.id not in by_id or b.id not in by_id:
                continue
            ka, kb = name_key(a.name), name_key(b.name)
            if min(len(ka), len(kb)) < 5 or SequenceMatcher(None, ka, kb).ratio() < SIMILAR:
                continue
            if a.country and b.country and a.country != b.country:
                continue  # "Makasan" in Thailand and "Makassar": two places, no misspelling
            strong, weak = (a, b) if a.support >= b.support else (b, a)
            if not any(m.flags for m in weak.mentions) and weak.support == strong.support:
                continue
            mention = weak.mentions[0]
            evidence = article.evidence(mention.start, mention.end, wide=True)
            other = max(strong.mentions, key=lambda m: (len(m.context), -m.start))
            other_end = max([other.end, *(c.end for c in other.context)])
            conflicts.append(
                {
                    "mention": article.text[_name_start(article, mention) : mention.end],
                    "offsets": [_name_start(article, mention), mention.end],
                    "quote": evidence.quote,
                    "context": "photo caption" if mention.caption else "body",
                    "other": article.text[other.start : other_end],
                    "other_offsets": [other.start, other_end],
                    "resolves_to": strong.id,
                    "confusable_with": weak.candidates or [weak.id],
                    "reason": "; ".join(
                        [*dict.fromkeys(f for m in weak.mentions for f in m.flags)]
                        or ["near-identical names of different places"]
                    ),
                    "confidence": 0.6,
                }
            )
            strong.mentions.extend(weak.mentions)
            strong.mentions.sort(key=lambda m: m.start)
            del by_id[weak.id]
    return conflicts


def _name_start(article: Article, mention: Mention) -> int:
    """Where the mention's last administrative word starts ("pemerintah Kota X" → "Kota X")."""
    words = list(re.finditer(r"\S+", article.text[mention.start : mention.end]))
    name_words = len(mention.name.split())
    keep = words[-(name_words + 1)] if len(words) > name_words else words[0]
    return mention.start + keep.start()
