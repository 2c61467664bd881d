"""Partnerships: who the parties are, what kind, and which stages the wording shows.

The pairs come from sentences that speak of a partnership (a kind such as "sister city", or a
stage such as "menjajaki", "LoI", "MoU"); see ``pairing`` for who is paired with whom. Places
that only locate another ("…, Provinsi Hubei"), venues ("di Hotel … Jakarta") and countries are
not parties. The stages each partnership has reached are read by ``stages``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from diplograph.extract.model import Evidence, Found
from diplograph.extract.pairing import (
    Pairs,
    cooperation_pairs,
    home_region,
    list_pairs,
    may_pair,
    partner_list,
    sentence_pairs,
    sentence_subject,
)
from diplograph.extract.people import Official
from diplograph.extract.regions import Region
from diplograph.extract.rules import alternation, kind_words, phrase_pattern, rules
from diplograph.extract.stages import Stage, add_stages, has_stage
from diplograph.extract.text import Article, Sentence


@dataclass
class Partnership:
    home: Region
    partner: Region
    kind: str
    kind_evidence: Evidence | None
    evidence: Evidence
    confidence: float
    stages: list[Stage] = field(default_factory=list)
    fields: list[Found] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.home.id}-{self.partner.id}"


def _sentences(article: Article) -> list[Sentence]:
    return [s for s in article.sentences if not article.in_skipped(s.start)]


def _named(sentence: Sentence, regions: list[Region]) -> list[Region]:
    """Regions a sentence names as possible parties (not as context, venue or country)."""
    named = []
    for region in regions:
        if region.level == "country":
            continue
        for m in region.mentions:
            if sentence.start <= m.start < sentence.end and m.context_of is None and not m.venue:
                named.append(region)
                break
    return named


def find_partnerships(
    article: Article,
    regions: list[Region],
    dates: list[Found],
    counted: list[Found],
    officials: list[Official] = (),  # type: ignore[assignment]
) -> list[Partnership]:
    kinds = rules("partnerships")["kinds"]
    kind_patterns = {k: phrase_pattern(words) for k, words in kinds.items()}
    local = [r for r in regions if r.level != "country"]
    if not local:
        return []
    home = home_region(article, local)
    parents = {r.located_in for r in local} | _locators(local, home)
    cue_sentences = []
    for sentence in _sentences(article):
        has_kind = any(p.search(sentence.text) for p in kind_patterns.values())
        if has_kind or has_stage(sentence, has_kind):
            cue_sentences.append(sentence)
    cue_sentences = _with_examples(article, cue_sentences)

    def named_in(sentence: Sentence) -> list[Region]:
        return _named(sentence, local)

    everywhere = _sentences(article)
    pairs = sentence_pairs(cue_sentences, named_in, home, parents, list(officials))
    if not pairs:
        pairs = cooperation_pairs(article, everywhere, named_in, home, parents, foreign_only=False)
    if not pairs:  # "… kunjungan delegasi Kota Nanjing. Pertemuan itu … hubungan sister city …"
        before = _sentences_before(cue_sentences, everywhere, named_in)
        pairs = sentence_pairs(before, named_in, home, parents, list(officials))
    if not pairs:  # "… kerja sama sister city antara Banda Aceh dan salah satu kota di India"
        pairs = _candidates_in_country(cue_sentences, everywhere, named_in, home, parents, regions)
    if not pairs:
        pairs = _most_named_partner(everywhere, named_in, home, parents)
    else:
        more = cooperation_pairs(article, everywhere, named_in, home, parents, foreign_only=True)
        pairs.update({k: v for k, v in more.items() if k not in pairs})
    relation = phrase_pattern(rules("partnerships")["relation_words"])
    listing = []  # sentences listing partners in passing ("International partners include …")
    for sentence in everywhere:  # "ties …, notably A and B, C and D": pairs listed in passing
        if sentence in cue_sentences or not relation.search(sentence.text):
            continue
        for a, b in _passing_pairs(sentence, named_in(sentence), home, parents):
            pairs.setdefault(frozenset({a.id, b.id}), (a, b, sentence))
        if partner_list(sentence, named_in(sentence)):
            listing.append(sentence)
    for a, b, sentence in _other_partners(everywhere, named_in, home, relation):
        pairs.setdefault(frozenset({a.id, b.id}), (a, b, sentence))
    result = []
    for anchor, region, sentence in sorted(pairs.values(), key=lambda v: v[0] is not home):
        kind, kind_evidence = _kind(article, region, cue_sentences, kind_patterns, regions)
        evidence = article.evidence(sentence.start, sentence.end)
        confidence = 0.85 if anchor in named_in(sentence) else 0.7
        result.append(Partnership(anchor, region, kind, kind_evidence, evidence, confidence))
    add_stages(article, result, cue_sentences, named_in, home, regions, dates, counted, listing)
    return result


def _with_examples(article: Article, cues: list[Sentence]) -> list[Sentence]:
    """Each partnership sentence joined to the next one of its paragraph when that one names its
    examples ("… kerja sama sister city dua kota di Tiongkok dengan Kota Padang. Diantaranya
    dengan Kota Ulumuchi … dan Kota Kunming …"): one sentence about those partners."""
    opening = re.compile(
        rf"\W*(?:{alternation(rules('partnerships')['example_words'])})(?![\w])", re.IGNORECASE
    )
    next_of = {s.start: after for s, after in pairwise(article.sentences)}
    result = []
    for sentence in cues:
        following = next_of.get(sentence.start)
        if following and following.line == sentence.line and opening.match(following.text):
            text = article.text[sentence.start : following.end]
            sentence = Sentence(
                sentence.start, following.end, sentence.line, text, sentence.caption
            )
        result.append(sentence)
    return result


def _sentences_before(cues: list[Sentence], sentences: list[Sentence], named_in) -> list[Sentence]:  # type: ignore[no-untyped-def]
    """The sentence just before each partnership sentence that names no region, if it names
    some: the regions a partnership sentence without names speaks of."""
    result = []
    for before, sentence in pairwise(sentences):
        if (
            sentence in cues
            and not named_in(sentence)
            and named_in(before)
            and before not in result
        ):
            result.append(before)
    return result


def _candidates_in_country(cues, sentences, named_in, home, parents, regions) -> Pairs:  # type: ignore[no-untyped-def]
    """For a partnership sentence that pairs the home with a place of a country it does not name
    ("… antara Banda Aceh dan salah satu kota di India"), the candidates the article names: the
    home and each place of that country, and each listed with one ("Banda Aceh cocok dengan
    Chennai atau Gujarat")."""
    sub = phrase_pattern(rules("partnerships")["subnational_words"]).pattern
    in_country = re.compile(rf"(?:{sub})\s+(?:di|in)\s+(?:the\s+)?$", re.IGNORECASE)
    countries = {
        r.id
        for r in regions
        if r.level == "country"
        for s in cues
        if home in named_in(s)
        for m in r.mentions
        if s.start <= m.start < s.end and in_country.search(s.text[: m.start - s.start])
    }
    pairs: Pairs = {}
    for sentence in sentences:
        named = [r for r in named_in(sentence) if r is not home and r.id not in parents]
        if not any(r.country in countries for r in named):
            continue
        lists = {m.in_list for r in named if r.country in countries for m in r.mentions}
        for region in named:
            listed = any(m.in_list in lists for m in region.mentions if m.in_list is not None)
            if (region.country in countries or listed) and may_pair(home, region):
                pairs.setdefault(frozenset({home.id, region.id}), (home, region, sentence))
    return pairs


def _most_named_partner(sentences: list[Sentence], named_in, home: Region, parents) -> Pairs:  # type: ignore[no-untyped-def]
    """For an article that pairs no places in one sentence but speaks of the home's relations
    or partnership ("… tertarik untuk bekerja sama dengan Pemkot Balikpapan. Salah satunya dari
    Kota Yokohama …"), the home and the place it could be paired with that most sentences name,
    if two or more do: the first of them on a tie."""
    words = rules("partnerships")
    kinds = list(kind_words())
    relation = phrase_pattern(words["relation_words"] + kinds)
    if not any(home in named_in(s) and relation.search(s.text) for s in sentences):
        return {}
    counts: dict[str, int] = {}
    first: dict[str, tuple[Region, Sentence]] = {}
    for sentence in sentences:
        for region in named_in(sentence):
            if region is home or region.id in parents or not may_pair(home, region):
                continue
            counts[region.id] = counts.get(region.id, 0) + 1
            first.setdefault(region.id, (region, sentence))
    best = max(counts, key=lambda k: counts[k], default=None)  # the first named on a tie
    if best is None or counts[best] < 2:
        return {}
    region, sentence = first[best]
    return {frozenset({home.id, region.id}): (home, region, sentence)}


def _other_partners(sentences, named_in, home, relation) -> list[tuple[Region, Region, Sentence]]:  # type: ignore[no-untyped-def]
    """ "Batam is the fourth city in ASEAN with which Yokohama cooperates. The three other cities
    are Da Nang of Vietnam, Bangkok of Thailand, and Cebu of the Philippines": the places a
    sentence lists as the others, after one on the relations of the home and one more place,
    are that place's partners too."""
    other = phrase_pattern(rules("partnerships")["other_words"])
    found = []
    for before, sentence in pairwise(sentences):
        listed = partner_list(sentence, named_in(sentence))
        if not listed or not other.search(sentence.text) or not relation.search(before.text):
            continue
        earlier = [r for r in named_in(before) if r not in listed]
        anchors = [r for r in earlier if r is not home]
        if home in earlier and len(anchors) == 1:
            found += [(anchors[0], r, sentence) for r in listed if may_pair(anchors[0], r)]
    return found


def _passing_pairs(sentence, regions, home, parents) -> list[tuple[Region, Region]]:  # type: ignore[no-untyped-def]
    """The pairs a sentence about relations names in passing: a list of pairs; a list of a
    region's partners, the subject's ("Yokohama … is also working on similar projects with A; B;
    and C") or else the home's ("… cooperating with the city are A, B, C, …"); or the partner
    of a subject other than the home, also the province that contains it ("Pemprov Jawa Tengah
    sudah melakukan kerja sama dengan Provinsi Fujian")."""
    named = [r for r in regions if r.id not in parents]
    listed = list_pairs(sentence, named)
    if listed:
        return listed
    subject = sentence_subject(sentence, regions)
    anchor = subject or home
    partners = partner_list(sentence, [r for r in named if r is not anchor])
    if not partners and subject is not None and subject is not home:
        partners = [r for r in named if r is not subject]
    return [(anchor, r) for r in partners if may_pair(anchor, r)]


def _locators(local: list[Region], home: Region) -> set[str]:
    """Foreign provinces and states named only to locate a smaller place of their country or
    of no known country ("Padang dan Fremantle … kota di Australia Barat", "Mossel Bay
    (Provinsi Western Cape)", "Perth, Western Australia"): not parties. Such a province has a
    mention that locates (after "di", "in", or as a place's context) and none in a partnership
    construction."""
    result = set()
    provinces = [
        r
        for r in local
        if r is not home
        and r.level in ("province", "prefecture")
        and r.country not in (None, home.country)
    ]
    for region in provinces:
        locating = any(m.locates or m.context_of is not None for m in region.mentions)
        paired = any(m.partner_at is not None for m in region.mentions)
        smaller = any(
            other is not region
            and other.level in ("city", "regency", "municipality", "county-level-city")
            and other.country in (None, region.country)
            and any(not m.venue and m.context_of is None for m in other.mentions)
            for other in local
        )
        if locating and smaller and not paired:
            result.add(region.id)
    return result


def _kind(article, region, sentences, patterns, regions):  # type: ignore[no-untyped-def]
    best = None
    for sentence in sentences:
        names_partner = region in _named(sentence, regions)
        for kind, pattern in patterns.items():
            match = pattern.search(sentence.text)
            if match:
                rank = (names_partner, kind != "sister-city")
                if best is None or rank > best[0]:
                    start = sentence.start + match.start()
                    best = (rank, kind, article.evidence(start, start + len(match.group())))
    if best is None:
        return "sister-city", None
    return best[1], best[2]
