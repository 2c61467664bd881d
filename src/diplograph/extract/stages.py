"""Stages: which stage wordings a sentence holds, whether each is done or planned, its date, and
which of the article's partnerships it is about.

A stage wording ("menjajaki", "LoI", "MoU", "penandatanganan … resmi") counts for the
partnerships whose parties its sentence names, else as ``_stage_targets`` says. A wording is not
a step when it refers to an instrument already reported ("Under the sister city agreement, …"),
is a condition ("Jika sudah terjalin sister city, …"), speaks of how partnerships are made in
general, or is a counted national agreement ("empat nota kesepahaman").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from diplograph.extract.model import Evidence, Found
from diplograph.extract.pairing import WITH
from diplograph.extract.rules import alternation, kind_words, phrase_pattern, rules
from diplograph.extract.text import Article, Sentence

if TYPE_CHECKING:
    from diplograph.extract.partnerships import Partnership

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


@dataclass(frozen=True)
class StageWords:
    """The stage rules (rules/stages.yaml) as patterns, compiled once."""

    stages: dict[str, re.Pattern[str]]
    official: re.Pattern[str]  # "penandatanganan … resmi": a signing
    signing: re.Pattern[str]
    planned: re.Pattern[str]
    kinds: re.Pattern[str]
    needs_kind: re.Pattern[str]
    needs_party: re.Pattern[str]
    refer_back: re.Pattern[str]  # "the two cities", "the partnership"
    pronoun: re.Pattern[str]  # "It has been established …"
    opening_refer: re.Pattern[str]  # "From this collaboration, …"
    activity: re.Pattern[str]
    underway_before: re.Pattern[str]
    underway_after: re.Pattern[str]
    signed_verbs: re.Pattern[str]
    discussion: re.Pattern[str]
    wish: re.Pattern[str]
    approval: re.Pattern[str]
    approved: re.Pattern[str]  # "The council approved a [sister city agreement]"
    council: re.Pattern[str]
    generic: re.Pattern[str]
    ended: re.Pattern[str]
    conversion: re.Pattern[str]
    marked: re.Pattern[str]
    existing: re.Pattern[str]
    further: re.Pattern[str]
    done: re.Pattern[str]
    since: re.Pattern[str]
    since_instrument: re.Pattern[str]  # "… terjalin sejak penandatanganan [LoI]"
    reference: re.Pattern[str]
    conditional: re.Pattern[str]
    plan_before: re.Pattern[str]  # "rencana menjadikan …"
    negated: re.Pattern[str]  # "was not renewed"
    planned_after: re.Pattern[str]
    towards: re.Pattern[str]  # "… to build sister city relationship"
    outcome: re.Pattern[str]  # "… is part of collaboration of Sister City"
    membership: re.Pattern[str]  # "proud to be [part of Sister City]"
    kind_since: re.Pattern[str]  # "… have been sister cities since 1997"
    not_since_before: re.Pattern[str]  # "program sister city sejak 2010": the programs run since
    framed: re.Pattern[str]  # "Under the sister city program, …"
    deed: re.Pattern[str]  # "… visited Kyoto"
    cooperation: re.Pattern[str]  # "kerja sama", "cooperation"
    deed_done: re.Pattern[str]  # "Wewak has already sent 16 young people …"
    relation_after: re.Pattern[str]  # "[telah membangun] hubungan"


@cache
def stage_words() -> StageWords:
    r = rules("stages")
    planned = [w for words in rules("dates")["planned_markers"].values() for w in words]
    kinds = list(kind_words())
    wordings = {s: list(words) for s, words in r["stages"].items()}
    wordings["implementation"] += r["activity_words"]
    # the patterns that test a wording found must allow its clitic too
    clitics = tuple(r["clitics"])
    return StageWords(
        stages={s: phrase_pattern(words, suffixes=clitics) for s, words in wordings.items()},
        official=phrase_pattern(r["official_signing"]),
        signing=phrase_pattern(r["signing"]),
        planned=phrase_pattern(planned),
        kinds=phrase_pattern(kinds),
        needs_kind=phrase_pattern(r["needs_kind"], suffixes=clitics),
        needs_party=phrase_pattern(r["needs_party"], suffixes=clitics),
        refer_back=phrase_pattern(r["refer_back_words"] + rules("partnerships")["both_words"]),
        pronoun=re.compile(rf"(?:{alternation(r['pronouns'])})(?![\w])"),
        opening_refer=re.compile(
            rf"\W*(?:[\w-]+\W+){{0,3}}?{phrase_pattern(r['opening_refer_words']).pattern}"
            # "Kerja sama “sister city” tersebut dilakukan atas dasar “letter of intent” …"
            rf"|\W*{phrase_pattern(rules('partnerships')['cooperation_words']).pattern}\W+"
            rf"{phrase_pattern(kinds).pattern}\W+{phrase_pattern(r['determiners']).pattern}",
            re.I,
        ),
        activity=phrase_pattern(r["activity_words"], suffixes=clitics),
        underway_before=_shortly_before(r["underway_before"], 3),
        underway_after=re.compile(
            rf"\W+(?:[\w-]+\W+){{0,3}}(?:{phrase_pattern(r['underway_after']).pattern})", re.I
        ),
        signed_verbs=phrase_pattern(r["signed_verbs"], suffixes=clitics),
        discussion=phrase_pattern(r["discussion"]),
        cooperation=phrase_pattern(rules("partnerships")["cooperation_words"]),
        wish=phrase_pattern(r["wish_words"], suffixes=clitics),
        approval=phrase_pattern(r["approval_words"]),
        approved=_shortly_before(r["approval_words"], 3),
        council=phrase_pattern(r["council_words"]),
        generic=phrase_pattern(r["generic_words"]),
        ended=phrase_pattern(r["ended_words"]),
        conversion=phrase_pattern(r["conversion_words"]),
        marked=phrase_pattern(r["marked_words"]),
        existing=phrase_pattern(r["existing_words"]),
        further=re.compile(rf"\s+(?:{phrase_pattern(r['further_words']).pattern})", re.I),
        done=_shortly_before(r["done_words"], 3),
        since=_shortly_before(r["since_words"], 3),
        since_instrument=re.compile(
            rf"{phrase_pattern(r['since_words']).pattern}\W+(?:[\w-]+\W+){{0,2}}$", re.I
        ),
        reference=_shortly_before(r["reference_words"], 3),
        conditional=_shortly_before(r["conditional_words"], 4),
        plan_before=_shortly_before(r["plan_words"], 0),
        negated=_shortly_before(r["negation_words"], 2),
        towards=re.compile(
            rf"\s+(?:{phrase_pattern(r['towards_words']).pattern})\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?P<kind>{phrase_pattern(kinds).pattern})",
            re.I,
        ),
        not_since_before=_shortly_before(r["since_not_between"], 0),
        framed=_before_kind(r["frame_words"], kinds),
        deed=phrase_pattern(r["deed_words"]),
        relation_after=re.compile(
            rf"\s+(?:[\w-]+\s+)?{phrase_pattern(rules('partnerships')['relation_words']).pattern}",
            re.I,
        ),
        deed_done=re.compile(
            rf"(?<![\w])(?:{alternation(r['deed_done_words'])})\s+(?:already\s+)?"
            rf"(?:{phrase_pattern(r['deed_words']).pattern})",
            re.I,
        ),
        kind_since=re.compile(
            rf"(?:{phrase_pattern(kinds).pattern})\W+"
            rf"(?:(?!{phrase_pattern(r['since_not_between']).pattern})[\w'’-]+\W+){{0,6}}?"
            # "since 1997", "sejak tahun 2004", "sejak 4 Maret 2019"
            rf"(?:{phrase_pattern(r['since_year_words']).pattern})\s+(?:(?:tahun|the year)\s+)?"
            r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?,?\s+)?(?:1[89]|20)\d\d(?!\d)",
            re.I,
        ),
        membership=_shortly_before(r["membership_words"], 0),
        outcome=_before_kind(r["outcome_words"], kinds, r["outcome_not_between"]),
        planned_after=re.compile(
            rf"\W*(?:\([^)]*\)\W*)?(?:{phrase_pattern(r['planned_after']).pattern})", re.I
        ),
    )


QUOTED_GAP = r"[\s\"“”‘’']+"  # spaces, and quotes around a term ("pelaksanaan “sister city”")


def _before_kind(
    words: list[str], kinds: list[str], not_between: list[str] | tuple[str, ...] = ()
) -> re.Pattern[str]:
    """One of `words`, at most three words (none of `not_between`), then a kind of partnership
    ("part of collaboration of Sister City", "Under the sister city program")."""
    gap = rf"(?!{phrase_pattern(not_between).pattern})" if not_between else ""
    return re.compile(
        rf"{phrase_pattern(words).pattern}{QUOTED_GAP}(?:{gap}[\w-]+{QUOTED_GAP}){{0,3}}?"
        rf"(?:{phrase_pattern(kinds).pattern})",
        re.I,
    )


def _shortly_before(words: list[str], gap: int) -> re.Pattern[str]:
    """Text that ends in one of `words` and at most `gap` more words ("after he signed the")."""
    return re.compile(rf"{phrase_pattern(words).pattern}\W+(?:[\w-]+\W+){{0,{gap}}}$", re.I)


def has_stage(sentence: Sentence, has_kind: bool) -> bool:
    """Whether a sentence holds a stage wording (talks count beside a kind of partnership or
    cooperation)."""
    w = stage_words()
    text = sentence.text
    talks = has_kind or w.cooperation.search(text)  # talks about a partnership, cooperation
    if w.official.search(text) or (talks and w.discussion.search(text)):
        return True
    # a wording that counts only beside a kind ("keinginan") makes no cue without one, or
    # without a word for the one the sentence before names ("It has been established since …")
    beside_kind = has_kind or bool(w.pronoun.match(text) or w.refer_back.search(text))
    return any(
        beside_kind or not w.needs_kind.fullmatch(m.group())
        for p in w.stages.values()
        for m in p.finditer(text)
    )


def add_stages(  # type: ignore[no-untyped-def]
    article, result, cue_sentences, named_in, home, regions, dates, counted, listing=()
) -> None:
    """Add to each partnership of `result` the stages the cue sentences report of it, and the
    signings the sentences `listing` partners tell by their years ("International partners
    include Bitung …, North Sulawesi in 1993; Tacoma … in 1994; …")."""
    w = stage_words()
    counted_spans = [(c.evidence.start, c.evidence.end) for c in counted]
    for sentence in sorted([*cue_sentences, *listing], key=lambda s: s.start):
        if generic_sentence(article, sentence, w.generic, named_in):
            continue  # "kerja sama … diatur …, diawali LoI": how partnerships are made
        targets = _stage_targets(article, sentence, result, named_in, home, regions)
        has_kind = sentence in listing or _speaks_of_kind(article, sentence, w)
        found = _stage_matches(sentence, has_kind, _mentions_party(sentence, result), w)
        cues = [sentence.start + m.start() for _s, _p, m in found]
        staged = sorted((m.start(), s) for s, _p, m in found)
        usable = _dates_not_ended(sentence, dates, staged, w)
        notes = _list_notes(sentence, targets, usable)
        told: list[tuple[Stage, tuple[int, int] | None]] = []  # each stage, the note it is in
        for stage, pattern, match in found:
            start = sentence.start + match.start()
            if any(a <= start < b for a, b in counted_spans):
                continue
            if not _is_step(sentence, stage, pattern, match, staged, w):
                continue
            date = _date_in(sentence, usable, start, cues)
            if date is None and stage in ("letter-of-intent", "signed"):
                date = _signing_after(article, sentence, usable, w.signing, cue_sentences)
            item = _stage_item(article, sentence, stage, pattern, match, date, w)
            note = next((span for span in notes.values() if span[0] <= start < span[1]), None)
            told.append((item, note))
            aim = (
                w.towards.match(sentence.text, match.end()) if stage == "letter-of-intent" else None
            )
            if note is None:
                for partnership in _nearest(targets, sentence, match, staged):
                    if partnership.id not in notes:
                        _add_stage(partnership, item)
                        if aim:  # the LoI's aim, the partnership itself, is a planned signing
                            _add_stage(partnership, _aim(article, sentence, aim))
        for partnership in targets:
            if partnership.id in notes:
                _add_noted(partnership, notes[partnership.id], told, usable, has_kind)
    _add_deeds(article, result, cue_sentences, named_in, dates, w)
    for partnership in result:  # talks about a partnership whose LoI or MoU is done
        reached = {s.stage for s in partnership.stages if s.status == "actual"}
        if reached & {"letter-of-intent", "signed"}:
            partnership.stages = [s for s in partnership.stages if not s.weak]


def _add_deeds(article, result, cue_sentences, named_in, dates, w) -> None:  # type: ignore[no-untyped-def]
    """A deed a partner is told to have done for the other, in a sentence that names it and no
    other place but the home and countries ("Wewak has already sent 16 young people for
    technical courses in Indonesia"): the partnership's implementation."""
    for sentence in article.sentences:
        if sentence in cue_sentences or sentence.caption or article.in_skipped(sentence.start):
            continue
        match = w.deed_done.search(sentence.text)
        if match is None or w.planned.search(sentence.text, 0, match.start()):
            continue
        if w.relation_after.match(sentence.text, match.end()):
            continue  # "telah membangun hubungan antar kota": the relationship, no deed for it
        named = {r.id for r in named_in(sentence)}
        for p in result:
            if p.partner.id in named and named <= {p.home.id, p.partner.id}:
                date = _date_in(sentence, dates, sentence.start + match.start(), [])
                _add_stage(
                    p, _stage_item(article, sentence, "implementation", w.deed_done, match, date, w)
                )


def _stage_item(article, sentence, stage, pattern, match, date, w) -> Stage:  # type: ignore[no-untyped-def]
    """The stage a wording reports: done or planned, with its date if it has one."""
    # "sister city sejak tahun 2016": reached in a year it names, whatever else is planned
    status = "actual" if pattern is w.kind_since else _status(sentence, match, w)
    if pattern in (w.framed, w.outcome) and w.planned.search(sentence.text):
        status = "planned"  # "Melalui kerja sama sister city, Kyoto akan melatih …"
    if date is not None and date.extra.get("status") == "planned":
        status = "planned"
    elif date is not None and status == "planned":
        date = None  # "set to sign an LoI next month, said X on Tuesday (5/3)"
    start = sentence.start + match.start()
    return Stage(
        stage,
        status,
        date.value if date else None,
        article.evidence(start, start + len(match.group())),
        0.8 if date else 0.65,
        signing=bool(w.signing.search(sentence.text)) or pattern is w.official,
        weak=pattern in (w.discussion, w.wish)
        or (stage == "exploration" and bool(w.further.match(sentence.text, match.end()))),
    )


def _list_notes(sentence: Sentence, targets, dates) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The short stretch after each partner of a list, up to the next partner, when it holds a
    date ("Kota Chengdu Cina (2002), …, Kota Burgas Bulgaria (LoI 2011)"; "Gyeongsangbuk-do
    yang telah dimulai sejak tahun 2005 dan provinsi Gangwon sejak tahun 2010"), by
    partnership, when two partners or more have one: each tells that partner's own stage and
    year."""
    common = set.intersection(*({p.home.id, p.partner.id} for p in targets)) if targets else set()
    spots = sorted(
        (m.start, max([m.end, *(c.end for c in m.context)]), p.id)
        for p in targets
        for region in (p.home, p.partner)
        if region.id not in common
        for m in region.mentions
        if sentence.start <= m.start < sentence.end
    )
    notes = {}
    for k, (_start, end, pid) in reversed(list(enumerate(spots))):
        stop = spots[k + 1][0] if k + 1 < len(spots) else sentence.end
        near = [d for d in dates if end <= d.evidence.start < min(stop, end + 60)]
        if near:  # "Queensland in Australia (May 4, 1988), the Primorsky area of Russia (…)"
            notes[pid] = (end, stop if stop - end <= 60 else near[0].evidence.end)
        elif (
            k + 1 < len(spots)
            and spots[k + 1][2] in notes
            and JOINED.search(sentence.text[: stop - sentence.start])
        ):
            notes[pid] = notes[spots[k + 1][2]]  # "Bitung, Indonesia, and Manado in 1993"
    return notes if len(notes) >= 2 else {}


JOINED = re.compile(r"[\s,]+(?:and|dan|serta)\s+$")


def _add_noted(partnership, note, told, dates, has_kind) -> None:  # type: ignore[no-untyped-def]
    """A listed partner's stages: those its stretch names ("(LoI 2011)"), else the sentence's
    own, each dated by the stretch's first date; with no stage wording in a sentence about a
    kind of partnership, that year is the signing's ("telah menjalin hubungan sister city
    dengan … Kota Chengdu Cina (2002)")."""
    inside = [item for item, where in told if where == note]
    year = min(
        (d for d in dates if note[0] <= d.evidence.start < note[1]), key=lambda d: d.evidence.start
    )
    items = inside or [item for item, where in told if where is None]
    if not items and has_kind:
        items = [Stage("signed", "actual", None, year.evidence, 0.7)]
    for item in items:
        _add_stage(partnership, replace(item, date=year.value, confidence=0.8))


def _speaks_of_kind(article: Article, sentence: Sentence, w: StageWords) -> bool:
    """Whether a sentence names a kind of partnership, or opens with a word for the one the
    sentence before it in its paragraph names ("… cooperating with sister city with 21 cities.
    It has been established since 1979")."""
    if w.kinds.search(sentence.text):
        return True
    if not w.pronoun.match(sentence.text):
        return False
    before = [s for s in article.sentences if s.line == sentence.line and s.end <= sentence.start]
    return bool(before) and bool(w.kinds.search(before[-1].text))


def _stage_matches(
    sentence: Sentence, has_kind: bool, names_party: bool, w: StageWords
) -> list[tuple[str, re.Pattern[str], re.Match[str]]]:
    """The stage wordings of a sentence: (stage, the pattern that found it, the match)."""
    text = sentence.text
    patterns = [
        *w.stages.items(),
        ("signed", w.official),
        ("implementation", w.outcome),
        ("signed", w.kind_since),
    ]
    has_loi = bool(w.stages["letter-of-intent"].search(text))
    if has_kind or (names_party and w.cooperation.search(text)):
        patterns.append(("exploration", w.discussion))  # talks about a partnership, cooperation
    if w.council.search(text):  # "DPRD Kota Denpasar menyetujui kerja sama …"
        patterns.append(("dprd-approval", w.approval))
    refers = has_kind or names_party or bool(w.refer_back.search(text))
    if refers:  # "berharap menjalin kerja sama dalam bentuk Sister City"
        patterns.append(("exploration", w.wish))
    if w.deed.search(text):  # "Under the sister city program, ten students … visited …"
        patterns.append(("implementation", w.framed))

    def counts(m: re.Match[str], has_kind: bool = has_kind) -> bool:
        word = m.group()
        if w.needs_kind.fullmatch(word):
            return has_kind
        if w.needs_party.fullmatch(word):
            return refers
        if w.activity.fullmatch(word):
            under_way = w.underway_before.search(text[: m.start()]) or w.underway_after.match(
                text, m.end()
            )
            return refers and bool(under_way)
        if m.re is w.kind_since and w.not_since_before.search(text[: m.start()]):
            return False  # "berbagai program sister city sejak 2010": the programs run since
        # "their sister province relationship, first signed in 1985", not "the LoI was signed"
        return not (w.signed_verbs.fullmatch(word) and (not has_kind or has_loi))

    found = [(s, p, m) for s, p in patterns for m in p.finditer(text)]
    if not has_kind and w.pronoun.match(text):
        # "Ini masih dalam penjajakan yang nantinya penandatanganan kerja sama …": a sentence
        # about the steps of the partnership just spoken of speaks of its kind
        has_kind = any(counts(m) and not w.needs_kind.fullmatch(m.group()) for _s, _p, m in found)
    return [(s, p, m) for s, p, m in found if counts(m, has_kind)]


def _aim(article: Article, sentence: Sentence, aim: re.Match[str]) -> Stage:
    """The planned signing of the partnership a letter of intent is "to build"."""
    start, end = sentence.start + aim.start("kind"), sentence.start + aim.end("kind")
    return Stage("signed", "planned", None, article.evidence(start, end), 0.6)


def _mentions_party(sentence: Sentence, result: list[Partnership]) -> bool:
    """Whether a sentence mentions a party of a partnership, also as a place ("partners in X")."""
    return any(
        sentence.start <= m.start < sentence.end
        for p in result
        for region in (p.home, p.partner)
        for m in region.mentions
    )


def _window(sentence: Sentence, stage: str, match: re.Match[str], staged) -> tuple[str, bool]:  # type: ignore[no-untyped-def]
    """The text after a wording up to the next wording of another stage, and whether one follows."""
    later = [a for a, s in staged if a > match.start() and s != stage]
    return sentence.text[match.end() : later[0] if later else len(sentence.text)], bool(later)


def _dates_not_ended(sentence, dates, staged, w) -> list[Found]:  # type: ignore[no-untyped-def]
    """The dates, less those telling when an instrument of the sentence ended ("MoU … yang
    berakhir … pada tahun 2019": 2019 is when it ended)."""
    ended_spans = []
    for at, stage in staged:
        later = [a for a, s in staged if a > at and s != stage]
        stop = later[0] if later else len(sentence.text)
        if w.ended.search(sentence.text, at, stop):
            ended_spans.append((sentence.start + at, sentence.start + stop))
    return [d for d in dates if not any(a <= d.evidence.start < b for a, b in ended_spans)]


def _is_step(sentence, stage, pattern, match, staged, w) -> bool:  # type: ignore[no-untyped-def]
    """Whether a stage wording reports a step of the partnership, done or planned."""
    window, followed = _window(sentence, stage, match, staged)
    before = sentence.text[: match.start()]
    not_a_step = (
        w.ended.search(window)  # "MoU … yang berakhir masa berlakunya pada tahun 2019"
        # "We will continue this LoI to become a MoU": the MoU is planned, the LoI done
        or (followed and w.conversion.search(window) and w.planned.search(sentence.text))
        # "memulai kerja sama … ditandai dengan penandatanganan MoU": the MoU is the start
        or (stage == "exploration" and followed and w.marked.search(window))
        # "discussing the progress … of the Sister City Cooperation"
        or (pattern is w.discussion and w.existing.search(sentence.text))
        or w.reference.search(before)  # "Under the sister city agreement, both cities will …"
        or w.conditional.search(before)  # "Jika sudah terjalin sister city, …"
        or w.negated.search(before)  # "… expired in 2020 and was not renewed"
        or (pattern is w.outcome and w.membership.search(before))  # "to be part of Sister City"
        # "diwujudkan melalui penandatanganan LoI": realised by the next step, no implementation
        or (pattern is w.stages["implementation"] and followed and 0 < len(window.split()) <= 2)
        # "The council approved a sister city agreement": approved, not signed by it
        or (stage == "signed" and w.approved.search(before))
        # "hubungan sister city yang terjalin sejak penandatanganan LoI": the LoI is the step
        or (stage == "signed" and followed and _since_instrument(match, window, w))
    )
    return not not_a_step


def _since_instrument(match: re.Match[str], window: str, w: StageWords) -> bool:
    """Whether a wording is followed at once by "since" and the next wording ("terjalin sejak
    penandatanganan Letter of Intent"), "since" being its own last word or the next one."""
    since = w.since_instrument.search(match.group() + window)
    return since is not None and since.start() <= len(match.group()) + 1


def _status(sentence: Sentence, match: re.Match[str], w: StageWords) -> str:
    """ "planned" or "actual", from the words before and just after a stage wording."""
    before = sentence.text[: match.start()]
    if w.done.search(before) or w.since.search(before):  # "after he signed the MoU"
        return "actual"
    if w.signed_verbs.fullmatch(match.group()):  # "… will sign …, originally signed in 1990"
        return "actual"
    if w.planned.search(before) or w.planned_after.match(sentence.text, match.end()):
        return "planned"  # "akan menandatangani MoU", "MoU yang akan diselesaikan"
    if w.plan_before.search(before):
        return "planned"  # "rencana menjadikan … sebagai sister city"
    return "actual"


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


def generic_sentence(article, sentence, generic, named_in) -> bool:  # type: ignore[no-untyped-def]
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
    if not partner_named:  # "… Provinsi Zhejiang … menjajaki kerja sama … dengan Pemkot Bandung"
        partner_named = [p for p in result if p.partner.located_in in named - {home.id}]
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
    if not paragraph and stage_words().opening_refer.match(sentence.text):
        # "From this collaboration, …" opening a paragraph: the one the paragraph before names
        paragraph = [s for s in article.sentences if s.end <= sentence.start][-1:]
    for earlier in reversed(paragraph):
        before = {r.id for r in named_in(earlier)}
        mentioned = [p for p in result if p.partner.id in before]
        if mentioned:
            return mentioned if not both or len(mentioned) == 1 else []
    own = [p for p in result if p.home is home]
    return own if len(own) == 1 else []


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
    (16/4/2024)") is kept, an undated mention of a known step is not, and a step dated by its
    year only is the one dated by a day of that year ("tahun 1988", "20 Juni 1988")."""
    for i, known in enumerate(partnership.stages):
        if known.stage == stage.stage and known.status == stage.status:
            old, new = known.date or "", stage.date or ""
            if old and new and not (old.startswith(new) or new.startswith(old)):
                continue
            if len(new) > len(old) or (known.weak and not stage.weak):
                partnership.stages[i] = stage  # a date, or a wording that is no mere talk
            return
    partnership.stages.append(stage)
    partnership.stages.sort(key=lambda s: (STAGE_ORDER.index(s.stage), s.status))
