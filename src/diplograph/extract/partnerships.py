"""Partnerships: who the parties are, what kind, and which stages the wording shows.

The pairs come from sentences that speak of a partnership (a kind such as "sister city", or a
stage such as "menjajaki", "LoI", "MoU"); see ``pairing`` for who is paired with whom. Places
that only locate another ("…, Provinsi Hubei"), venues ("di Hotel … Jakarta") and countries are
not parties. A stage wording counts for the partnerships whose parties its sentence names, else
as ``_stage_targets`` says; a counted instrument ("empat nota kesepahaman") is a national
agreement, not a stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.model import Evidence, Found
from diplograph.extract.pairing import (
    WITH,
    cooperation_pairs,
    home_region,
    list_pairs,
    sentence_pairs,
)
from diplograph.extract.people import Official
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
    note: str | None = None  # why the draft's date of it needs review
    weak: bool = False  # read from talks ("membahas kerja sama"): dropped once an LoI is done


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
    stage_rules = rules("stages")
    kind_patterns = {k: phrase_pattern(words) for k, words in kinds.items()}
    stage_patterns = {s: phrase_pattern(words) for s, words in stage_rules["stages"].items()}
    official = phrase_pattern(stage_rules["official_signing"])
    discussion = phrase_pattern(stage_rules["discussion"])
    local = [r for r in regions if r.level != "country"]
    if not local:
        return []
    home = home_region(local)
    parents = {r.located_in for r in local} | _locators(local, home)
    cue_sentences = []
    for sentence in _sentences(article):
        text = sentence.text
        has_kind = any(p.search(text) for p in kind_patterns.values())
        has_stage = any(p.search(text) for p in stage_patterns.values()) or official.search(text)
        has_stage = has_stage or bool(discussion.search(text) and has_kind)
        if has_kind or has_stage:
            cue_sentences.append(sentence)

    def named_in(sentence: Sentence) -> list[Region]:
        return _named(sentence, local)

    everywhere = _sentences(article)
    pairs = sentence_pairs(cue_sentences, named_in, home, parents, list(officials))
    if not pairs:
        pairs = cooperation_pairs(article, everywhere, named_in, home, parents, foreign_only=False)
    else:
        more = cooperation_pairs(article, everywhere, named_in, home, parents, foreign_only=True)
        pairs.update({k: v for k, v in more.items() if k not in pairs})
    relation = phrase_pattern(rules("partnerships")["relation_words"])
    for sentence in everywhere:  # "ties …, notably A and B, C and D": pairs listed in passing
        if sentence in cue_sentences or not relation.search(sentence.text):
            continue
        named = [r for r in named_in(sentence) if r.id not in parents]
        for a, b in list_pairs(sentence, named):
            pairs.setdefault(frozenset({a.id, b.id}), (a, b, sentence))
    result = []
    for anchor, region, sentence in sorted(pairs.values(), key=lambda v: v[0] is not home):
        kind, kind_evidence = _kind(article, region, cue_sentences, kind_patterns, regions)
        evidence = article.evidence(sentence.start, sentence.end)
        confidence = 0.85 if anchor in named_in(sentence) else 0.7
        result.append(Partnership(anchor, region, kind, kind_evidence, evidence, confidence))
    _add_stages(article, result, cue_sentences, named_in, home, regions, dates, counted)
    return result


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


def _add_stages(  # type: ignore[no-untyped-def]
    article, result, cue_sentences, named_in, home, regions, dates, counted
) -> None:
    stage_rules = rules("stages")
    stage_patterns = {s: phrase_pattern(words) for s, words in stage_rules["stages"].items()}
    official = phrase_pattern(stage_rules["official_signing"])
    signing = phrase_pattern(stage_rules["signing"])
    planned = phrase_pattern(
        [w for words in rules("dates")["planned_markers"].values() for w in words]
    )
    counted_spans = [(c.evidence.start, c.evidence.end) for c in counted]
    kind_words = phrase_pattern([w for ws in rules("partnerships")["kinds"].values() for w in ws])
    needs_kind = phrase_pattern(stage_rules["needs_kind"])
    signed_verbs = phrase_pattern(stage_rules["signed_verbs"])
    discussion = phrase_pattern(stage_rules["discussion"])
    approval = phrase_pattern(stage_rules["approval_words"])
    council = phrase_pattern(stage_rules["council_words"])
    generic = phrase_pattern(stage_rules["generic_words"])
    ended = phrase_pattern(stage_rules["ended_words"])
    conversion = phrase_pattern(stage_rules["conversion_words"])
    marked = phrase_pattern(stage_rules["marked_words"])
    existing = phrase_pattern(stage_rules["existing_words"])
    further = re.compile(rf"\s+(?:{phrase_pattern(stage_rules['further_words']).pattern})", re.I)
    done = _shortly_before(stage_rules["done_words"], 3)
    since = _shortly_before(stage_rules["since_words"], 3)
    reference = _shortly_before(stage_rules["reference_words"], 3)
    conditional = _shortly_before(stage_rules["conditional_words"], 4)
    planned_after = re.compile(
        rf"\W*(?:\([^)]*\)\W*)?(?:{phrase_pattern(stage_rules['planned_after']).pattern})",
        re.IGNORECASE,
    )
    for sentence in cue_sentences:
        targets = _stage_targets(article, sentence, result, named_in, home, regions)
        patterns = [*stage_patterns.items(), ("signed", official)]
        has_kind = bool(kind_words.search(sentence.text))
        has_loi = bool(stage_patterns["letter-of-intent"].search(sentence.text))
        if has_kind:  # talks about a kind of partnership
            patterns.append(("exploration", discussion))
        if council.search(sentence.text):  # "DPRD Kota Denpasar menyetujui kerja sama …"
            patterns.append(("dprd-approval", approval))

        # "their sister province relationship, first signed in 1985", not "the LoI was signed"
        found = [
            (s, p, m)
            for s, p in patterns
            for m in p.finditer(sentence.text)
            if (has_kind or not needs_kind.fullmatch(m.group()))
            and not (signed_verbs.fullmatch(m.group()) and (not has_kind or has_loi))
        ]
        cues = [sentence.start + m.start() for _s, _p, m in found]
        staged = sorted((m.start(), s) for s, _p, m in found)
        if _generic(article, sentence, generic, named_in):
            continue  # "kerja sama … diatur …, diawali LoI": how partnerships are made
        ended_spans = []  # "MoU … yang berakhir … pada tahun 2019": 2019 is when it ended
        for at, stage in staged:
            later = [a for a, s in staged if a > at and s != stage]
            stop = later[0] if later else len(sentence.text)
            hit = ended.search(sentence.text, at, stop)
            if hit:
                ended_spans.append((sentence.start + at, sentence.start + stop))
        usable = [d for d in dates if not any(a <= d.evidence.start < b for a, b in ended_spans)]
        for stage, pattern, match in found:
            start = sentence.start + match.start()
            if any(a <= start < b for a, b in counted_spans):
                continue
            later = [a for a, s in staged if a > match.start() and s != stage]
            window = sentence.text[match.end() : later[0] if later else len(sentence.text)]
            if ended.search(window):
                continue  # "MoU … yang berakhir masa berlakunya pada tahun 2019"
            if later and conversion.search(window) and planned.search(sentence.text):
                continue  # "We will continue this LoI to become a MoU": the MoU is planned
            if stage == "exploration" and later and marked.search(window):
                continue  # "memulai kerja sama … ditandai dengan penandatanganan MoU"
            if pattern is discussion and existing.search(sentence.text):
                continue  # "discussing the progress … of the Sister City Cooperation"
            before = sentence.text[: match.start()]
            if reference.search(before):
                continue  # "Under the sister city agreement, both cities will …"
            if conditional.search(before):
                continue  # "Jika sudah terjalin sister city, …": a condition
            date = _date_in(sentence, usable, start, cues)
            if date is None and stage in ("letter-of-intent", "signed"):
                date = _signing_after(article, sentence, usable, signing, cue_sentences)
            status = "planned" if planned.search(before) else "actual"
            if planned_after.match(sentence.text, match.end()):  # "MoU yang akan diselesaikan"
                status = "planned"
            if done.search(before) or since.search(before):  # "after he signed the MoU"
                status = "actual"
            if signed_verbs.fullmatch(match.group()):  # "… will sign …, originally signed in 1990"
                status = "actual"
            if date is not None and date.extra.get("status") == "planned":
                status = "planned"
            elif date is not None and status == "planned":
                date = None  # "set to sign an LoI next month, said X on Tuesday (5/3)"
            item = Stage(
                stage,
                status,
                date.value if date else None,
                article.evidence(start, start + len(match.group())),
                0.8 if date else 0.65,
                signing=bool(signing.search(sentence.text)) or pattern is official,
                weak=pattern is discussion
                or (stage == "exploration" and bool(further.match(sentence.text, match.end()))),
            )
            for partnership in _nearest(targets, sentence, match, staged):
                _add_stage(partnership, item)
    for partnership in result:  # talks about a partnership whose LoI or MoU is done
        reached = {s.stage for s in partnership.stages if s.status == "actual"}
        if reached & {"letter-of-intent", "signed"}:
            partnership.stages = [s for s in partnership.stages if not s.weak]


def _shortly_before(words: list[str], gap: int) -> re.Pattern[str]:
    """Text that ends in one of `words` and at most `gap` more words ("after he signed the")."""
    return re.compile(rf"{phrase_pattern(words).pattern}\W+(?:[\w-]+\W+){{0,{gap}}}$", re.I)


def _nearest(targets, sentence, match, staged):  # type: ignore[no-untyped-def]
    """Of several partnerships a sentence names, those a stage wording is about: those whose
    own party is named on the side of it, after or before, where the nearest one is, between
    the wordings before and after it ("… Agreement with York, and … a letter of intent …
    with Semarang"; "Canberra-Nusantara MOU …; Bandung-Melbourne MOU"; "five have been
    formed by Sister Province cooperation with A, B, C and D"); all when none is named there."""
    if len(targets) < 2:
        return targets
    starts = [a for a, _s in staged]
    later = [a for a in starts if a > match.start()]
    earlier = [a for a in starts if a < match.start()]
    before = (sentence.start + (earlier[-1] if earlier else 0), sentence.start + match.start())
    after = (
        sentence.start + match.end(),
        sentence.start + (later[0] if later else len(sentence.text)),
    )
    common = set.intersection(*({p.home.id, p.partner.id} for p in targets))

    def spots(p: Partnership, side: tuple[int, int]) -> list[tuple[int, int]]:  # its own party
        return [
            (m.start, m.end)
            for r in (p.home, p.partner)
            if r.id not in common
            for m in r.mentions
            if side[0] <= m.start < side[1]
        ]

    gap_after = min((a - after[0] for p in targets for a, _b in spots(p, after)), default=None)
    gap_before = min(
        (max(before[1] - b, 0) for p in targets for _a, b in spots(p, before)), default=None
    )
    if gap_after is None and gap_before is None:
        return targets
    nearer = gap_before is None or (gap_after is not None and gap_after <= gap_before)
    # the instrument's object: "a letter of intent … with Semarang", "LoI dengan Kota X"
    objects = gap_after is not None and WITH.search(
        sentence.text, after[0] - sentence.start, after[0] - sentence.start + gap_after
    )
    side = after if nearer or objects else before
    return [p for p in targets if spots(p, side)]


def _generic(article, sentence, generic, named_in) -> bool:  # type: ignore[no-untyped-def]
    """Whether a sentence speaks of how partnerships are made in general ("biasanya diawali
    LoI"): it has a generic word, or it names no region and follows one of its paragraph that
    has ("… diatur dalam undang-undang. Dimana … diawali LoI")."""
    if generic.search(sentence.text):
        return True
    if named_in(sentence):
        return False
    earlier = [s for s in article.sentences if s.line == sentence.line and s.end <= sentence.start]
    return bool(earlier) and bool(generic.search(earlier[-1].text))


def _stage_targets(  # type: ignore[no-untyped-def]
    article, sentence, result, named_in, home, regions
) -> list[Partnership]:
    """The partnerships a stage wording in `sentence` is about: those whose parties it names;
    else, when it names no partner, those in the country it names with a sub-national word
    ("MoU dengan keempat provinsi di Tiongkok"), those a previous sentence of its paragraph
    names ("… with Kochi. The MoU …"), or the home's only partnership. A sentence that names a
    country and no region is about national relations."""
    named = {r.id for r in named_in(sentence)}
    both = [p for p in result if {p.home.id, p.partner.id} <= named]
    if both:
        return both
    partner_named = [p for p in result if p.partner.id in named]
    if partner_named or named - {home.id}:
        return partner_named
    countries = {
        r.id
        for r in regions
        if r.level == "country"
        for m in r.mentions
        if sentence.start <= m.start < sentence.end
    }
    if countries:
        if phrase_pattern(rules("partnerships")["subnational_words"]).search(sentence.text):
            inside = [p for p in result if p.partner.country in countries]
            if inside:
                return inside
        if not named:
            return []
    both = phrase_pattern(rules("partnerships")["both_words"]).search(sentence.text)
    paragraph = [
        s
        for s in article.sentences
        if (both or s.line == sentence.line) and s.end <= sentence.start
    ]  # "the two cities" may name the pair of an earlier paragraph
    for earlier in reversed(paragraph):
        before = {r.id for r in named_in(earlier)}
        mentioned = [p for p in result if p.partner.id in before]
        if mentioned:
            return mentioned if not both or len(mentioned) == 1 else []
    own = [p for p in result if p.home is home]
    return own if len(own) == 1 else []


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
    speech = phrase_pattern(rules("partnerships")["speech_words"]).pattern
    said = re.compile(rf"{speech}[^.;:\n]{{0,70}}$", re.IGNORECASE)

    def earlier(date: Found) -> bool:  # a precursor word between the cue and the date
        low, high = sorted((cue, date.evidence.start))
        return bool(precursor.search(sentence.text, low - sentence.start, high - sentence.start))

    def spoken(date: Found) -> bool:  # "…, said X on Tuesday (5/3)": the day it was said
        start = date.evidence.start - sentence.start
        return cue < date.evidence.start and bool(
            said.search(sentence.text, max(0, start - 80), start)
        )

    inside = [
        d
        for d in dates
        if sentence.start <= d.evidence.start < sentence.end
        and d.value
        and not d.extra.get("dateline")
        and not earlier(d)
        and not spoken(d)
    ]

    def distance(date: Found, at: int) -> int:
        return abs(date.evidence.start - at)

    mine = [d for d in inside if all(distance(d, cue) <= distance(d, c) for c in cues)]
    return min(mine, key=lambda d: distance(d, cue)) if mine else None


def _signing_after(article, sentence, dates, signing, cue_sentences) -> Found | None:  # type: ignore[no-untyped-def]
    """The date of a signing told in the next sentence without a stage wording of its own
    ("… signed a Memorandum of Understanding … . The signing took place in Ambon on 12
    September 2019.")."""
    following = [s for s in article.sentences if s.start >= sentence.end]
    if not following or following[0] in cue_sentences or not signing.search(following[0].text):
        return None
    nxt = following[0]
    inside = [
        d
        for d in dates
        if nxt.start <= d.evidence.start < nxt.end and d.value and not d.extra.get("dateline")
    ]
    return inside[0] if len(inside) == 1 else None


def _add_stage(partnership: Partnership, stage: Stage) -> None:
    """Add a stage, once: a second dated signing ("sejak 2003", then its renewal "Selasa
    (16/4/2024)") is kept, an undated mention of a known step is not."""
    for i, known in enumerate(partnership.stages):
        if known.stage == stage.stage and known.status == stage.status:
            if known.date and stage.date and known.date != stage.date:
                continue
            if known.date is None and stage.date is not None:
                partnership.stages[i] = stage
            return
    partnership.stages.append(stage)
    partnership.stages.sort(key=lambda s: (STAGE_ORDER.index(s.stage), s.status))


def stage_word_pattern() -> re.Pattern[str]:
    words = [w for ws in rules("stages")["stages"].values() for w in ws]
    return phrase_pattern(words)
