"""Partnerships: who the parties are, what kind, and which stages the wording shows.

The *home* region is the sub-national region the article is most about (preferring an
Indonesian one); its partners are the other sub-national regions named in sentences that speak
of a partnership (a kind such as "sister city", or a stage such as "menjajaki", "LoI", "MoU").
Places that only locate another ("…, Provinsi Hubei"), venues ("di Hotel … Jakarta") and
countries are not parties. A stage cue counts for a partnership when its sentence names the
partner, or names no other region and the article has one partnership; a counted instrument
("empat nota kesepahaman") is a national agreement, not a stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.model import Evidence, Found
from diplograph.extract.regions import Region
from diplograph.extract.rules import phrase_pattern, rules
from diplograph.extract.text import Article, Sentence

STAGE_ORDER = tuple(rules("stages")["stages"])  # the stage scheme's order


@dataclass
class Stage:
    stage: str
    status: str
    date: str | None
    evidence: Evidence
    confidence: float
    signing: bool = False


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
    article: Article, regions: list[Region], dates: list[Found], counted: list[Found]
) -> list[Partnership]:
    kinds = rules("partnerships")["kinds"]
    stage_rules = rules("stages")
    kind_patterns = {k: phrase_pattern(words) for k, words in kinds.items()}
    stage_patterns = {s: phrase_pattern(words) for s, words in stage_rules["stages"].items()}
    official = phrase_pattern(stage_rules["official_signing"])
    signing = phrase_pattern(stage_rules["signing"])
    planned = phrase_pattern(
        [w for words in rules("dates")["planned_markers"].values() for w in words]
    )
    local = [r for r in regions if r.level != "country"]
    if not local:
        return []
    home = max(
        local,
        key=lambda r: (
            r.country == "indonesia",
            r.country is None,
            len([m for m in r.mentions if not m.caption]),
        ),
    )
    excluded = {home.id, home.located_in}
    cue_sentences = []
    for sentence in _sentences(article):
        text = sentence.text
        has_kind = any(p.search(text) for p in kind_patterns.values())
        has_stage = any(p.search(text) for p in stage_patterns.values()) or official.search(text)
        if has_kind or has_stage:
            cue_sentences.append(sentence)
    partners: dict[str, tuple[Region, Sentence]] = {}
    for sentence in cue_sentences:
        for region in _named(sentence, local):
            if region.id not in excluded and region.id not in partners:
                if region.id in {r.located_in for r in local}:
                    continue
                partners[region.id] = (region, sentence)
    if not partners:
        partners = _cooperating(article, home, local, excluded)
    result = []
    for region, sentence in partners.values():
        kind, kind_evidence = _kind(article, region, cue_sentences, kind_patterns, regions)
        evidence = article.evidence(sentence.start, sentence.end)
        confidence = 0.85 if home.id in {r.id for r in _named(sentence, local)} else 0.7
        result.append(Partnership(home, region, kind, kind_evidence, evidence, confidence))
    counted_spans = [(c.evidence.start, c.evidence.end) for c in counted]
    for sentence in cue_sentences:
        named = {r.id for r in _named(sentence, local)}
        targets = [p for p in result if p.partner.id in named]
        if not targets and len(result) == 1 and named <= {home.id}:
            national = not named and any(
                sentence.start <= m.start < sentence.end
                for r in regions
                if r.level == "country"
                for m in r.mentions
            )
            targets = [] if national else result
        patterns = [*stage_patterns.items(), ("signed", official)]
        cues = [sentence.start + m.start() for _s, p in patterns for m in p.finditer(sentence.text)]
        for stage, pattern in patterns:
            for match in pattern.finditer(sentence.text):
                start = sentence.start + match.start()
                if any(a <= start < b for a, b in counted_spans):
                    continue
                before = sentence.text[: match.start()]
                date = _date_in(sentence, dates, start, cues)
                status = "planned" if planned.search(before) else "actual"
                if date is not None and date.extra.get("status") == "planned":
                    status = "planned"
                item = Stage(
                    stage,
                    status,
                    date.value if date else None,
                    article.evidence(start, start + len(match.group())),
                    0.8 if date else 0.65,
                    signing=bool(signing.search(sentence.text)) or pattern is official,
                )
                for partnership in targets:
                    _add_stage(partnership, item)
    return result


def _cooperating(
    article: Article, home: Region, local: list[Region], excluded: set[str | None]
) -> dict[str, tuple[Region, Sentence]]:
    """Partners when no partnership sentence names one: the regions named with the home in a
    sentence about cooperation ("kerja sama … antara Kabupaten X dan Kota Y")."""
    words = phrase_pattern(rules("partnerships")["cooperation_words"])
    located = {r.located_in for r in local}
    partners: dict[str, tuple[Region, Sentence]] = {}
    for sentence in _sentences(article):
        named = _named(sentence, local)
        if home not in named or not words.search(sentence.text):
            continue
        for region in named:
            if region.id not in excluded and region.id not in located:
                partners.setdefault(region.id, (region, sentence))
    return partners


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


def _date_in(sentence: Sentence, dates: list[Found], cue: int, cues: list[int]) -> Found | None:
    """The date of the sentence nearest to the stage cue at `cue`, if no other cue of the
    sentence (at `cues`) is nearer to it; datelines and dates a precursor word separates from
    the cue ("LoI … diawali dari kunjungan … April 2016") are not a stage's date."""
    precursor = phrase_pattern(rules("partnerships")["precursor_words"])

    def earlier(date: Found) -> bool:  # a precursor word between the cue and the date
        low, high = sorted((cue, date.evidence.start))
        return bool(precursor.search(sentence.text, low - sentence.start, high - sentence.start))

    inside = [
        d
        for d in dates
        if sentence.start <= d.evidence.start < sentence.end
        and d.value
        and not d.extra.get("dateline")
        and not earlier(d)
    ]

    def distance(date: Found, at: int) -> int:
        return abs(date.evidence.start - at)

    mine = [d for d in inside if all(distance(d, cue) <= distance(d, c) for c in cues)]
    return min(mine, key=lambda d: distance(d, cue)) if mine else None


def _add_stage(partnership: Partnership, stage: Stage) -> None:
    for i, known in enumerate(partnership.stages):
        if known.stage == stage.stage and known.status == stage.status:
            if known.date is None and stage.date is not None:
                partnership.stages[i] = stage
            return
    partnership.stages.append(stage)
    partnership.stages.sort(key=lambda s: (STAGE_ORDER.index(s.stage), s.status))


def stage_word_pattern() -> re.Pattern[str]:
    words = [w for ws in rules("stages")["stages"].values() for w in ws]
    return phrase_pattern(words)
