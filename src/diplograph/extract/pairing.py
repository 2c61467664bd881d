"""Who is partnered with whom: the home region and the pairs of parties an article names.

An article may name several pairs: an Indonesian region and its new partner, and that
partner's own sister cities ("Gold Coast … has eight sister cities namely Beihai and Zhuhai in
China, …"). Each sentence about a partnership pairs the regions it names with its *anchor*: the
home region if the sentence names it, else the region of the sentence the article names most.
A sentence that names one region alone pairs it with the home. Two regions known to be in the
same country are not paired (a sister city joins regions of two countries), and a region is
never paired with the places that contain it.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from diplograph.extract.people import Official
from diplograph.extract.regions import Region
from diplograph.extract.rules import alternation, kind_words, phrase_pattern, rules
from diplograph.extract.text import Article, Sentence
from diplograph.imports.names import name_key

Pairs = dict[frozenset[str], tuple[Region, Region, Sentence]]  # {ids} → (anchor, partner, where)


def body_mentions(region: Region) -> int:
    return len([m for m in region.mentions if not m.caption])


def home_region(article: Article, local: list[Region]) -> Region:
    """The sub-national region the article is most about: the most named of those that are, or
    may be, Indonesian; an Indonesian one on a tie. A foreign council's page about its own
    partners ("Lismore has the following cultural relationships with …") is about that place:
    the one region the article shows holding partners, if it is named more often."""
    home = max(
        local,
        key=lambda r: (
            r.country in ("indonesia", None),
            body_mentions(r),
            r.country == "indonesia",
        ),
    )
    holders = [r for r in local if _holds_partners(article, r)]
    if len(holders) != 1 or home in holders:
        return home
    return holders[0] if body_mentions(holders[0]) > body_mentions(home) else home


@cache
def _holding() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What follows a place shown holding partners: a verb of having, then within the clause a
    kind or relation word ("… has over 20 sister cities", "… memiliki tiga kota kembar"); or a
    possessive and a kind word ("Lismore’s sister city and cultural relationships")."""
    words = rules("partnerships")
    kinds = list(kind_words())
    partners = alternation(kinds + words["relation_words"])
    verbs = alternation(words["holding_verbs"])
    return (
        re.compile(
            rf"\s+(?:\w+\s+){{0,2}}?(?:{verbs})\s[^.;:]{{0,60}}?(?<![\w])(?i:{partners})(?![\w])"
        ),
        re.compile(rf"['’]s\s+(?i:{alternation(kinds)})(?![\w])"),
    )


def _holds_partners(article: Article, region: Region) -> bool:
    return any(
        pattern.match(article.text, max([m.end, *(c.end for c in m.context)]))  # "X, Australia"
        for m in region.mentions
        if not m.caption
        for pattern in _holding()
    )


def may_pair(a: Region, b: Region) -> bool:
    if a.id == b.id or a.id == b.located_in or b.id == a.located_in or _one_name(a, b):
        return False
    return not (a.country and b.country and a.country == b.country)


def _one_name(a: Region, b: Region) -> bool:
    """Whether one name ends inside the other, a short form of one city ("Pematangsiantar",
    "Siantar"); "South Tangerang" and "Tangerang", ending at a space, are two places."""
    short, long = sorted((name_key(a.name), name_key(b.name)), key=len)
    return len(short) >= 4 and long.endswith(short) and long[-len(short) - 1].isalpha()


def _anchor(named: list[Region], home: Region, implied: set[str], sentence: Sentence) -> Region:
    """The subject of a sentence whose other regions, the home among them, all follow "with"
    ("Nanjing signed … with York …, and … with Semarang, as well as … with San Antonio");
    else the home if the sentence names it (or one of its officials); else the region of the
    sentence named most in the article, if it is named more than once and may be paired with
    another of the sentence; else the home ("its partners are X, Y and Z")."""
    subject = sentence_subject(sentence, named)
    if subject is not None and home.id not in implied and len(named) > 2:
        return subject
    if home in named or home.id in implied or len(named) == 1:
        return home
    country = home.country or "indonesia"  # the home is, or may be, Indonesian
    domestic = [r for r in named if r.country == country]
    if len(domestic) == 1 and any(r.country not in (None, country) for r in named):
        return domestic[0]  # "Jakarta menjalin hubungan dengan Los Angeles, Beijing, …"
    best = max(named, key=lambda r: (body_mentions(r), -named.index(r)))
    first = _party_mentions(sentence, named)[0][2]
    if body_mentions(best) > 1 and best is first and any(may_pair(best, r) for r in named):
        return best  # "Gold Coast … has eight sister cities namely Beihai and Zhuhai …"
    return home  # "… dengan kota-kota seperti Liverpool Inggris, serta Saga dan Saporo Jepang"


WITH = re.compile(r"(?<![\w])(?:with|dengan|bersama)(?![\w])", re.IGNORECASE)


def sentence_subject(sentence: Sentence, named: list[Region]) -> Region | None:
    """The one region named before the sentence's first "with", if every other follows it."""
    first = WITH.search(sentence.text)
    if first is None:
        return None
    cut = sentence.start + first.start()

    def spots(region: Region) -> list[int]:
        return [
            m.start
            for m in region.mentions
            if sentence.start <= m.start < sentence.end and m.context_of is None and not m.venue
        ]

    before = [r for r in named if any(at < cut for at in spots(r))]
    if len(before) != 1:
        return None
    after = [r for r in named if r is not before[0]]
    return before[0] if all(all(at > cut for at in spots(r)) for r in after) else None


def sentence_pairs(
    sentences: list[Sentence],
    named_in,  # type: ignore[no-untyped-def]
    home: Region,
    parents: set[str | None],
    officials: list[Official],
) -> Pairs:
    """The pairs the partnership sentences name; `named_in(sentence)` gives its regions. A
    sentence that names an official of the home speaks for the home ("Kuala Lumpur is the
    third sister city under Pramono's tenure, after Chungcheongnam-do and Heidelberg")."""
    pairs: Pairs = {}

    def home_partners(a: Region, b: Region) -> bool:  # "Kyoto dan New York memiliki …"
        return {frozenset({home.id, a.id}), frozenset({home.id, b.id})} <= pairs.keys()

    for sentence in sentences:
        named = [
            r for r in named_in(sentence) if r.id not in parents or _paired_in(r, sentence)
        ]  # a province that contains a city named is no party, unless paired ("NTT- Jiangxi")
        if not named:
            continue
        explicit = _construction_pairs(sentence, named)
        listed = list_pairs(sentence, named) or _listed_after_pair(sentence, named, explicit)
        explicit += [p for p in listed if p not in explicit]
        explicit += [p for p in between_pairs(sentence, named) if p not in explicit]
        joint = [
            (b, a) if b is home else (a, b)
            for a, b in joint_subject_pairs(sentence, named)
            if not home_partners(a, b)
        ]
        explicit += [p for p in joint if p not in explicit and p[::-1] not in explicit]
        for a, b in explicit:
            pairs.setdefault(frozenset({a.id, b.id}), (a, b, sentence))
        paired = {r.id for pair in explicit for r in pair}
        anchor = _anchor(named, home, _officials_named(sentence, officials), sentence)
        for region in named:
            if region.id in paired:
                continue  # "the Amberton-Colville MoU": paired with each other, not the home
            if anchor.id in paired:
                continue  # "antara Kota X dan Kabupaten Y, Kintamani Bali": the pair is named
            if (
                region is not anchor
                and may_pair(anchor, region)
                and not home_partners(anchor, region)
            ):
                pairs.setdefault(frozenset({anchor.id, region.id}), (anchor, region, sentence))
    return pairs


def _paired_in(region: Region, sentence: Sentence) -> bool:
    return any(
        sentence.start <= m.start < sentence.end and m.partner_at is not None
        for m in region.mentions
    )


def _construction_pairs(sentence: Sentence, named: list[Region]) -> list[tuple[Region, Region]]:
    """The pairs a construction of the sentence names explicitly ("antara X dan Y", "X–Y")."""
    at = {m.start: r for r in named for m in r.mentions}
    result = []
    for region in named:
        for m in region.mentions:
            if not sentence.start <= m.start < sentence.end or m.partner_at is None:
                continue
            other = at.get(m.partner_at)
            if other is None or not may_pair(region, other):
                continue
            if (other, region) not in result and (region, other) not in result:
                result.append((region, other))
    return result


def _listed_after_pair(
    sentence: Sentence, named: list[Region], pairs: list[tuple[Region, Region]]
) -> list[tuple[Region, Region]]:
    """ "between Davao City and Iligan City, the Municipality of Kalibo, General Santos City,
    and Cagayan de Oro City": the places listed after a pair's second side are partners of its
    first too; not those paired in a construction of their own ("NTT- Jiangxi, Kupang-Nanchang")."""
    found = []
    for a, b in pairs:
        listed = partner_list(sentence, [r for r in named if r is not a])
        if listed[:1] == [b]:
            found += [(a, r) for r in listed[1:] if may_pair(a, r) and not _paired_in(r, sentence)]
    return found


def _party_mentions(sentence: Sentence, named: list[Region]) -> list[tuple[int, int, Region]]:
    """The mentions of `named` in the sentence, in order, one per place in the text."""
    items = sorted(
        (m.start, m.end, r)
        for r in named
        for m in r.mentions
        if sentence.start <= m.start < sentence.end and m.context_of is None and not m.venue
    )
    result: list[tuple[int, int, Region]] = []
    for item in items:
        if result and item[0] < result[-1][1]:
            continue
        result.append(item)
    return result


GAP_WITH = re.compile(r"\s+(?:with|dengan)\s+(?:both\s+|kedua\s+)?")
GAP_AND = re.compile(r"\s+(?:and|dan|serta)\s+(?:both\s+)?")
GAP_SEP = re.compile(r"\s*,\s*(?:and\s+|dan\s+)?")


def list_pairs(sentence: Sentence, named: list[Region]) -> list[tuple[Region, Region]]:
    """Pairs listed in passing: "A and B, C and D, and E and F" (two pairs or more, commas
    between them) and "A with B and C with both D and E"; each pair joins regions that may be
    partners."""
    items = _party_mentions(sentence, named)
    if len(items) < 2:
        return []
    gaps = []
    for (_s, end, _r), (start, _e, _r2) in pairwise(items):
        gap = sentence.text[end - sentence.start : start - sentence.start]
        if GAP_WITH.fullmatch(gap):
            gaps.append("w")
        elif GAP_AND.fullmatch(gap):
            gaps.append("a")
        elif GAP_SEP.fullmatch(gap):
            gaps.append("s")
        else:
            gaps.append("x")
    regions = [r for _s, _e, r in items]
    found: list[tuple[Region, Region]] = []

    def add(a: Region, b: Region) -> None:
        if may_pair(a, b) and (a, b) not in found and (b, a) not in found:
            found.append((a, b))

    code = "".join(gaps)
    for match in re.finditer(r"[aw](?:s[aw])+", code):  # "A and B, C and D, and E and F"
        for k in range(match.start(), match.end(), 2):
            add(regions[k], regions[k + 1])
    for match in re.finditer(r"w(?:a(?!w))*", code):  # "A with B and C", "D with both E and F"
        first = match.start()
        for k in range(first, match.end()):
            add(regions[first], regions[k + 1])
    return found


_BRACKET = r"(?:\([^()]{0,40}\)\s*)?"  # "(Germany)"
_OF_COUNTRY = (
    r"(?:\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"  # " of Vietnam"
)
_SINCE_YEAR = r"(?:\s+in\s+\d{4})?"  # "Manado, North Sulawesi in 1993; Tacoma …"
LIST_GAP = re.compile(  # ", ", " (Germany), ", ", Texas (USA), and ", " of Thailand, and "
    rf"\s*{_BRACKET}{_OF_COUNTRY}(?:,\s*(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}}\s*{_BRACKET})?"
    rf"{_SINCE_YEAR}[,;:]?\s*"
    r"(?:(?:and|dan|serta|or|atau|until|hingga|sampai)\s+)?"
)


def partner_list(sentence: Sentence, named: list[Region]) -> list[Region]:
    """The regions of the longest run of three or more a sentence lists with only commas, "and"
    and the places' countries or states between them ("21 cities which have been cooperating
    with the city are Jeddah, Seoul, Islamabad, …"; "Bandung's sisters: Braunschweig (Germany),
    Forth Worth, Texas (USA), …"): the partners of one region."""
    items = _party_mentions(sentence, named)
    best: list[Region] = []
    run: list[Region] = []
    for k, (_s, _e, region) in enumerate(items):
        if k and not LIST_GAP.fullmatch(
            sentence.text[items[k - 1][1] - sentence.start : items[k][0] - sentence.start]
        ):
            run = []
        run.append(region)
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= 3 else []


def between_pairs(sentence: Sentence, named: list[Region]) -> list[tuple[Region, Region]]:
    """ "between A and B, and between C and D": the first two places after each "between"
    ("antara") are a pair, whatever words describe them, and pairs are never crossed."""
    words = rules("places")["constructions"]["between"]
    marks = [
        sentence.start + m.start()
        for m in re.finditer(
            rf"(?<![\w])(?i:{'|'.join(map(re.escape, words))})(?![\w])", sentence.text
        )
    ]
    if len(marks) < 2:
        return []
    items = _party_mentions(sentence, named)
    found = []
    for k, mark in enumerate(marks):
        stop = marks[k + 1] if k + 1 < len(marks) else sentence.end
        inside = [r for s, _e, r in items if mark < s < stop]
        if len(inside) >= 2 and may_pair(inside[0], inside[1]):
            found.append((inside[0], inside[1]))
    return found


def joint_subject_pairs(sentence: Sentence, named: list[Region]) -> list[tuple[Region, Region]]:
    """ "the city of Zamboanga in the Southern Philippines and the city of Sandakan in Malaysia
    also signed a sisterhood agreement": two places joined by "and" with no "with" are each
    other's partners, whatever words describe them."""
    items = _party_mentions(sentence, named)
    if len(items) != 2 or WITH.search(sentence.text):
        return []
    (_s, end, a), (start, _e, b) = items
    gap = sentence.text[end - sentence.start : start - sentence.start]
    joined = re.search(r"(?<![\w])(?:and|dan)(?![\w])", gap) and "," not in gap
    return [(a, b)] if joined and may_pair(a, b) else []


def _officials_named(sentence: Sentence, officials: list[Official]) -> set[str]:
    """The regions whose officials a sentence names by one of their names ("Pramono's")."""
    regions = set()
    for official in officials:
        words = [w for w in official.name.split() if len(w) >= 4]
        if official.region and any(re.search(rf"\b{re.escape(w)}\b", sentence.text) for w in words):
            regions.add(official.region)
    return regions


def cooperation_pairs(
    article: Article,
    sentences: list[Sentence],
    named_in,  # type: ignore[no-untyped-def]
    home: Region,
    parents: set[str | None],
    *,
    foreign_only: bool,
) -> Pairs:
    """Pairs from sentences about cooperation that name the home ("kerja sama … antara
    Kabupaten X dan Kota Y", "kerja sama Pemprov Jabar bersama Australia Selatan"). With
    `foreign_only`, only partners known to be in another country than the home."""
    words = phrase_pattern(rules("partnerships")["cooperation_words"])
    pairs: Pairs = {}
    for sentence in sentences:
        named = named_in(sentence)
        if home not in named or not words.search(sentence.text):
            continue
        if foreign_only and sentence.caption:
            continue
        subject = sentence_subject(sentence, named)
        for region in named:
            if region.id in parents or not may_pair(home, region):
                continue
            if subject not in (None, home, region):
                continue  # "Nanjing signed … with York, … with Semarang": Nanjing's partners
            if _paired_in(region, sentence) and not _paired_in(home, sentence):
                continue  # "Pemprov Riau menjajaki … antara Kabupaten Kampar dengan Kota Melaka"
            if foreign_only and region.country in (None, "indonesia", home.country):
                continue
            pairs.setdefault(frozenset({home.id, region.id}), (home, region, sentence))
    return pairs
