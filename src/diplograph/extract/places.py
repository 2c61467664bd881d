"""Places named in an article, resolved against the gazetteer.

A mention is found by an administrative word before or after a name ("Kabupaten Batang",
"Pemkot Tangerang", "Toyama City"), by a title of office ("Wali Kota Pengzhou"), by the
gazetteer's own names ("Hubei", "Jateng"), or by a following country ("Suwon in South Korea").
Places that follow a mention ("Kota Zhijiang, Provinsi Hubei, China") are its context and narrow
its resolution. Each mention ends *resolved* (one gazetteer entry fits), *ambiguous* (several
fit) or *unresolved* (none: a small foreign city, say), the last two listed for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from diplograph.extract.gazetteer import Gazetteer, Place
from diplograph.extract.rules import (
    alternation,
    headline_verbs,
    kind_words,
    name_first_words,
    never_names,
    never_places,
    rules,
    titles_before_place,
)
from diplograph.extract.text import Article
from diplograph.imports.names import name_key, slug

WORD = r"(?:St\.[ ]?)?[A-Z][\w'’\-]*"  # also "St. Louis", "St.Louis"
NAME = rf"{WORD}(?:[ ]{WORD}){{0,3}}"
HYPHEN_PART = r"[A-Z](?:[\w'’]|-(?![A-Z]))*"  # a word, or each side of "Australia-East"
LEVEL_GROUPS = (
    frozenset({"city", "county-level-city", "prefecture-level-city", "municipality"}),
    frozenset({"regency"}),
    frozenset({"province", "prefecture"}),
    frozenset({"country"}),
)


@dataclass
class Mention:
    """One place name in the text."""

    name: str
    start: int
    end: int
    level: str | None = None
    how: str = "gazetteer"
    government: bool = False
    caption: bool = False
    venue: bool = False
    context: list[Mention] = field(default_factory=list)
    context_of: Mention | None = None
    candidates: list[Place] = field(default_factory=list)
    resolved: str | None = None
    status: str = "unresolved"
    flags: list[str] = field(default_factory=list)
    lookup_name: str | None = None
    aliases: list[str] = field(default_factory=list)
    listed_with: list[Mention] = field(default_factory=list)
    in_list: int | None = None  # the start of the list the mention is a member of
    partner_at: int | None = None  # the other party's name in a construction ("X–Y")
    country: str | None = None  # known without the gazetteer (an Indonesian city)
    located_in: str | None = None
    locates: bool = False  # named as where something is ("kota di Australia Barat")

    @property
    def key(self) -> str:
        return name_key(self.lookup_name or self.name)


def indonesian_cities() -> dict[str, str]:
    """Names of Indonesian cities the reference data lacks → their province id."""
    return {
        name: province for province, names in rules("indonesia")["cities"].items() for name in names
    }


@cache
def place_aliases() -> dict[str, str]:
    """Other names → a name the gazetteer or the city list knows: `aliases` of
    ``rules/places.yaml`` and the English names of the Indonesian cities named with a direction
    ("South Tangerang" → "Tangerang Selatan")."""
    directions = rules("places")["english_directions"]
    result = {}
    for name in indonesian_cities():
        *rest, last = name.split()
        if rest and last in directions:
            result[f"{directions[last]} {' '.join(rest)}"] = name
    return {**result, **rules("places")["aliases"]}


def level_group(level: str | None) -> frozenset[str] | None:
    for group in LEVEL_GROUPS:
        if level in group:
            return group
    return None


def find_mentions(article: Article, gazetteer: Gazetteer) -> list[Mention]:
    config = rules("places")
    stop = set(config["stopwords"])
    lone = set(config["lone_words"])
    missions = {w for w in rules("partnerships")["mission_words"] if " " not in w}
    aliases = place_aliases()
    mentions: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return not article.in_skipped(start) and not any(
            m.start < end and start < m.end for m in mentions
        )

    second = set(config["name_second_words"])
    directions = set(config["name_directions"])
    not_regions = set(config["not_regions"])
    never = {w.lower() for w in never_places()}
    titles = {w for t in rules("posts")["titles"] for words in t["words"] for w in words.split()}
    text = article.text
    english_posts = [w for t in titles_before_place() for w in t["words"]]
    post_after = re.compile(rf",[ \t]+(?:the[ \t]+)?(?i:{alternation(english_posts)})[ \t]+of\s")
    media = re.compile(
        rf"[ ]+(?:{alternation(config['media_words'])})(?![\w])"
        rf"|(?i:{alternation(config['site_endings'])})(?![\w])"
    )

    provinces = [w for g in config["prefixes"] if g["level"] == "province" for w in g["words"]]
    province_after = re.compile(rf",\s*(?:{alternation(provinces)})\s+[A-Z]")

    def add(name: str, start: int, end: int, **kw: object) -> Mention | None:
        dateline = re.match(r"[A-Z]{2,}[-–](?=[A-Z][a-z])", name)
        if dateline and not text[text.rfind("\n", 0, start) + 1 : start].strip():
            name, start = name[dateline.end() :], start + dateline.end()  # "BANDUNG-West Java"
        words = name.split()
        for k, word in enumerate(words):  # "Pemkot DenpasarWalikota Denpasar": a caption joined on
            joined = re.fullmatch(r"([A-Z][a-z]+)([A-Z][a-z]+)", word)
            if joined and joined[2] in titles:
                words = [*words[:k], joined[1]]
                break
        if kw.get("how") == "list" and words[0] in titles:
            return None  # "by Governor Surjadi Soedirdja and New South Wales Premier": a person
        if kw.get("how") != "gazetteer":  # "Walikota Gindar City" names Gindar
            while len(words) > 1 and words[0] in titles:
                if kw.get("how") == "suffix" and words[0] in name_first_words():
                    break  # "General Santos City"
                words = words[1:]
        while len(words) > 1 and words[0] in missions:  # "KJRI Cape Town": the seat
            words = words[1:]
        words = _name_words(words, stop)
        if kw.get("how") == "prefix" and "-" in words[-1]:  # "Kota Kinabalu-Manado": a pair
            head, _dash, tail = words[-1].partition("-")
            if head and _known(tail, gazetteer, aliases):
                words = [*words[:-1], head]
        named = _before_verb(words)
        if len(named) < len(words) and kw.get("how") == "suffix":
            return None  # "Nanjing RRC Jadi Sister City": the suffix ends no name
        words = named
        if (
            len(words) > 1
            and _is_country(words[-1], gazetteer, aliases)
            and words[-2] not in stop
            and not _known(" ".join(words), gazetteer, aliases)
        ):
            words = words[:-1]  # "kota Zundert Belanda", not "South Australia", "American Samoa"
        known = kw.get("how") == "gazetteer" or (
            dateline and (name in aliases or gazetteer.lookup(name))
        )
        direction = len(words) > 1 and words[0] in directions  # "South Cotabato"
        if not words or (words[0] in stop and not known and not direction):
            return None
        if name in not_regions or any(w.lower() in never for w in words):
            return None
        if len(words) == 1 and words[0] in lone:  # "Executive", "Provincial": not places
            return None
        if kw.get("how") == "suffix" and (words[-1] in stop or POSSESSIVE.search(name)):
            return None  # "AUSTRALIA'S City" is a country's city, not a place "Australia"
        if kw.get("how") == "suffix" and len(words) == 1 and words[0] in name_first_words():
            return None  # "Cape Town": the suffix word is the name's own
        if media.match(text, end):  # "Riau Pos", "Sonora.ID": a newspaper, a news site
            return None
        if kw.get("how") != "gazetteer" and post_after.match(text, end):
            return None  # "an agreement with Yang Luyu, the mayor of Jinan": a person
        if kw.get("how") == "prefix" and not (len(words) <= 3 and province_after.match(text, end)):
            words = _trim_name(words, gazetteer, second, text, aliases)  # not "Toba Samosir, Prov…"
        elif kw.get("how") == "country":
            words = _trim_run(words, gazetteer, second, text, stop | titles, aliases)
        name = " ".join(words)
        if kw.get("how") != "prefix" and article.text.find(name, start, end) > start:
            start = article.text.find(name, start, end)  # words dropped before the name
        mention = Mention(name, start, start + (end - start), **kw)  # type: ignore[arg-type]
        mention.end = mention.start + len(article.text[start:end].split(name)[0]) + len(name)
        if kw.get("how") == "suffix":  # the mention takes its administrative word ("X City")
            mention.end = end
        sentence = article.sentence_at(start)
        mention.caption = bool(sentence and sentence.caption)
        mentions.append(mention)
        return mention

    _long_aliases(article, aliases, add, free)
    not_prefix = [p.lower() for p in config["not_prefixes"]]
    governments = set(config["government_prefixes"])
    for group in config["prefixes"]:
        pattern = re.compile(
            rf"(?<![\w])(?P<prefix>(?i:{alternation(group['words'])}))\s+(?P<name>{NAME})"
        )
        for match in pattern.finditer(article.text):
            before = article.text[max(0, match.start() - 12) : match.end("prefix")].lower()
            if any(before.endswith(p) for p in not_prefix) or not free(*match.span()):
                continue
            if match["prefix"].endswith(("City of", "Province of", "Prefecture of")) and re.search(
                r"[A-Z][\w'’\-]*[ \t]+$", article.text[max(0, match.start() - 30) : match.start()]
            ):
                continue  # "Weihai City of Shandong Province": "Weihai City", then its province
            prefix = re.sub(r"\s+", " ", match["prefix"])
            mention = add(
                match["name"],
                match.start(),
                match.end(),
                level=group["level"],
                how="prefix",
                government=prefix in governments,
            )
            if mention:
                _alias_in_brackets(article.text, mention)
    suffixes = [(w, g["level"]) for g in config["suffixes"] for w in g["words"]]
    particle = rf"(?:(?:{alternation(config['name_particles'])})[ ])?"  # "Cagayan de Oro City"
    for word, level in sorted(suffixes, key=lambda s: -len(s[0])):  # "Metropolitan City" first
        pattern = re.compile(
            rf"(?<![\w])(?P<name>{WORD}(?:[ ]{particle}{WORD}){{0,2}})\s+{re.escape(word)}(?![\w])"
        )
        for match in pattern.finditer(article.text):
            if free(*match.span()):
                add(match["name"], match.start(), match.end(), level=level, how="suffix")
    for group in config["hyphen_suffixes"]:
        pattern = re.compile(
            rf"(?<![\w\-])(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"
            rf"-(?i:{alternation(group['words'])}))(?![\w\-])"
        )
        for match in pattern.finditer(article.text):
            if free(*match.span()):
                add(match["name"], match.start(), match.end(), level=group["level"], how="hyphen")
    _title_places(article, gazetteer, mentions, add, free)
    # a name found whole ("Gold Coast Mayor") is not read in parts elsewhere ("Coast")
    _repeats(article, [m for m in mentions if " " in m.name], add, free)
    _gazetteer_names(article, gazetteer, aliases, stop, add, free)
    _constructions(article, mentions, add, free)
    _possessors_of_partners(article, add, free)
    _before_country(article, gazetteer, mentions, aliases, not_regions, add, free)
    countries = {m.end: m.start for m in mentions if _is_country(m.name, gazetteer, aliases)}
    _list_members(article, mentions, countries, add, free)
    _repeats(article, mentions, add, free)
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        _resolve(mention, gazetteer, aliases)
    _link_context(article, mentions, gazetteer)
    for mention in mentions:
        if mention.context:
            _resolve(mention, gazetteer, aliases)
    _corefer(mentions, gazetteer)
    return mentions


@cache
def _prefix_words() -> frozenset[str]:
    """The words that open a place's prefix ("Provinsi", "Kabupaten", "Kota")."""
    groups = rules("places")["prefixes"]
    return frozenset(w.split()[0] for g in groups for w in g["words"] if w[0].isupper())


def _trim_name(
    words: list[str], gazetteer: Gazetteer, second: set[str], text: str, aliases: dict[str, str]
) -> list[str]:
    """The words of a run that make the place name: what the gazetteer knows, a name with a
    first word that never stands alone ("Port Blair") or a geographic second word ("Sumatera
    Barat"), a run written so elsewhere, else one word; never
    past another place's prefix ("Distrik Jinning Provinsi Yunnan") or a country joined by a
    hyphen ("Kota Sumgait-Azerbaijan")."""
    prefixes = _prefix_words()
    cut = next((k for k, w in enumerate(words) if k and w in prefixes), len(words))
    words = words[:cut]
    for k, word in enumerate(words):  # "Kota Sumgait-Azerbaijan": the country is no part
        head, _, tail = word.rpartition("-")
        if head and any(p.level == "country" for p in gazetteer.lookup(aliases.get(tail, tail))):
            words = [*words[:k], head]
            break
    for n in range(len(words), 1, -1):
        candidate = " ".join(words[:n])
        if gazetteer.lookup(aliases.get(candidate, candidate)) or candidate in indonesian_cities():
            return words[:n]
    if len(words) > 1 and words[0] in name_first_words():
        return words[:2]  # "Port Blair"
    if len(words) > 1 and words[1] in second:  # "Timor Tengah Utara"
        n = 2
        while n < len(words) and words[n] in second:
            n += 1
        return words[:n]
    for n in range(len(words), 1, -1):
        if len(words[n - 1]) == 1:
            continue  # "Kota Denpasar I Made Toya", "… I Gusti …": a Balinese name follows
        candidate = " ".join(words[:n])
        if len(re.findall(re.escape(candidate), text, re.IGNORECASE)) > 1:
            return words[:n]
    return words[:1]


# Where a later member of a list starts: after a comma, "and" or "dan" (fixed-width look-behinds)
LIST_AFTER = "|".join(rf"(?<=[\w]{gap}[ ])" for gap in (",", ", and", ", dan", " and", " dan"))
CONSTRUCTION_FLAG = "a bare name read from a partnership construction: check that it is a place"
POSSESSIVE = re.compile(r"['’][sS]$")
# An Indonesian passive verb as a headline writes it ("Diharapkan", "Diapresiasi", "Ditandatangani")
PASSIVE_VERB = re.compile(r"Di[a-z]{2,}(?:kan|i|an)")
LEADING = {"The", "the"}


def _name_words(words: list[str], stop: set[str]) -> list[str]:
    """The words of a run without what cannot belong to a place name: a leading article or a
    possessive before the name ("The Solo City", "China's Xi'an City"), a trailing possessive
    ("Gold Coast's website")."""
    while len(words) > 1 and (words[0] in LEADING or POSSESSIVE.search(words[0])):
        words = words[1:]
    if words and POSSESSIVE.search(words[-1]) and len(words[-1]) > 3:
        words = [*words[:-1], POSSESSIVE.sub("", words[-1])]
    return words


def _before_verb(words: list[str]) -> list[str]:
    """The words of a name before a headline's verb ("Samarkand Diharapkan Jadi", "Darwin
    Sepakat Jadi")."""
    for k, word in enumerate(words[1:], 1):
        if PASSIVE_VERB.fullmatch(word) or word in headline_verbs():
            return words[:k]
    return words


def _trim_run(
    words: list[str],
    gazetteer: Gazetteer,
    second: set[str],
    text: str,
    stop: set[str],
    aliases: dict[str, str],
) -> list[str]:
    """The place name in a run written just before a country ("Fort Lauderdale in USA"): the
    whole run after any sentence word or title ("Previously", "Mayor"), unless the gazetteer,
    a geographic second word or a repeat shows a shorter name."""
    while len(words) > 1 and words[0] in stop:
        words = words[1:]
    trimmed = _trim_name(words, gazetteer, second, text, aliases)
    return trimmed if len(trimmed) > 1 or len(words) > 3 else words


def _alias_in_brackets(text: str, mention: Mention) -> None:
    match = re.match(rf"\s*\((?P<alias>{WORD})\)", text[mention.end :])
    if match:
        mention.aliases.append(match["alias"])


def _long_aliases(article, aliases, add, free) -> None:  # type: ignore[no-untyped-def]
    """Other names of three words or more, or that begin with a prefix, before their words are
    read as a prefix or a suffix and a name ("Daerah Khusus Ibukota Jakarta", "Special Capital
    City", "Kota Pahlawan")."""
    prefixes = _prefix_words()
    long = [n for n in aliases if len(n.split()) >= 3 or (" " in n and n.split()[0] in prefixes)]
    if not long:
        return
    for match in re.finditer(rf"(?<![\w])(?:{alternation(long)})(?![\w])", article.text):
        if free(*match.span()):
            name = re.sub(r"\s+", " ", match.group())
            mention = add(match.group(), *match.span(), how="gazetteer")
            if mention:
                mention.lookup_name = aliases[name]


def _title_places(article, gazetteer, mentions, add, free) -> None:  # type: ignore[no-untyped-def]
    titles = [
        t for t in rules("posts")["titles"] if t["level"] != "country" and t.get("places", True)
    ]
    known = {m.key for m in mentions}
    cities = indonesian_cities()
    for title in titles:
        words_ = alternation(title["words"])
        before = title.get("place") == "before"  # "Jakarta Governor X", "Mayor of Bandung"
        after = r"of\s+" if before else r"(?:of\s+)?"
        pattern = re.compile(rf"(?<![\w])(?:{words_})\s+{after}(?P<name>{NAME})")
        if before:
            _places_before_title(article, gazetteer, words_, title["level"], known, add, free)
        for match in pattern.finditer(article.text):
            words = match["name"].split()
            length = 1
            for n in range(min(3, len(words)), 0, -1):
                candidate = " ".join(words[:n])
                if (
                    name_key(candidate) in known
                    or gazetteer.lookup(candidate)
                    or candidate in cities
                ):
                    length = n  # "Walikota Banda Aceh Illiza …"
                    break
            name = " ".join(words[:length])
            start = match.start("name")
            known_name = name_key(name) in known or gazetteer.lookup(name) or name in cities
            if not before and not known_name and not _name_follows(article.text, words, match):
                continue  # "Wali Kota Eri Cahyadi": a person's name, not a place
            if not known_name and _title_has_place(article.text, pattern, name, known, match):
                continue  # "Bupati Fahmi Muhammad Hanif", "Bupati Purbalingga": Fahmi is the regent
            if free(start, start + len(name)):
                mention = add(name, start, start + len(name), level=title["level"], how="title")
                if mention:
                    known.add(mention.key)


def _title_has_place(text, pattern, name, known, match) -> bool:  # type: ignore[no-untyped-def]
    """Whether the title is written elsewhere before a place already known ("Kabupaten
    Purbalingga", "Bupati Purbalingga") while `name` is never written but after the title: then
    `name` begins the official's name."""
    titled = list(pattern.finditer(text))
    others = [m for m in titled if m.start() != match.start() and m["name"] != name]
    if not any(name_key(m["name"].split()[0]) in known for m in others):
        return False
    after_title = {m.start("name") for m in titled}
    return all(
        m.start() in after_title for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text)
    )


def _name_follows(text: str, words: list[str], match: re.Match[str]) -> bool:
    """Whether a person's name follows the first word after a title: two more name words
    ("Bupati Klaten Hamenang Wajar"), or a comma and a name ("Wali Kota Fremantle, Bradd"); not
    when the second word is an initial without a stop ("Bupati Jabes E Gaghana"), nor
    when the words are a name written after an honorific elsewhere ("Wali Kota Benhur Tomi
    Mano", "… Dr. Drs. Benhur Tomi Mano") or a headline goes on ("Gubernur Mahyeldi Minta LOI")."""
    honorifics = alternation(rules("posts")["honorifics"])
    person = re.escape(" ".join(words[:2])).replace(r"\ ", r"\s+")
    if re.search(rf"(?<![\w])(?:{honorifics})\.?\s+{person}(?![\w])", text):
        return False
    if len(words) >= 3 and len(words[1]) == 1 and words[1] not in rules("posts")["name_particles"]:
        return False  # "Bupati Jabes E Gaghana": a middle initial (not Balinese "I Made …")
    if len(words) >= 3:  # not a headline's verb or an acronym ("Gubernur Mahyeldi Minta LOI")
        return not any(w in never_names() or (len(w) > 1 and w.isupper()) for w in words[1:3])
    return len(words) == 1 and bool(re.match(r"\s*,\s*[A-Z]", text[match.end("name") :]))


def _constructions(article, mentions, add, free) -> None:  # type: ignore[no-untyped-def]
    """Bare names in the constructions of a partnership sentence that name its parties
    ("antara Kupang dan Palmerston", "between X and Y", "X–Y sister city", "X and Y sign",
    "sister city dengan X"), also when neither an administrative word nor the gazetteer
    shows them to be places. They are flagged for review."""
    config = rules("places")
    spec = config["constructions"]
    cue_words = [
        *kind_words(),
        *(w for ws in rules("stages")["stages"].values() for w in ws),
        *rules("partnerships")["cooperation_words"],
    ]
    cue_alt = alternation(cue_words)
    cue = re.compile(rf"(?<![\w])(?:{cue_alt})(?![\w])", re.IGNORECASE)
    kinds = alternation(list(kind_words()))
    prefix_words = alternation([w for g in config["prefixes"] for w in g["words"]])
    lead = rf"(?:the\s+)?(?:(?i:{prefix_words})\s+)?"
    name = rf"{WORD}(?:[ ]{WORD}){{0,2}}"
    joiner = alternation(spec["joiners"])
    dash = r"(?:\s+[–—-]\s+|\s*[–—]\s*|-\s+(?=[A-Z])|-(?=[A-Z][a-z]{2}))"
    patterns = [
        re.compile(
            rf"(?<![\w])(?i:{alternation(spec['between'])})\s+{lead}(?P<a>{name})"
            rf"\s+(?i:{joiner})\s+{lead}(?P<b>{name})"
        ),
        # a dash pair next to a cue word ("Jakarta-Moscow Sister City", "MoU Klaten - Nanjing")
        re.compile(
            rf"(?<![\w\-])(?P<a>{name}){dash}(?P<b>{name})(?=\s+(?:[A-Z]\w*\s+)?(?i:{cue_alt})(?![\w]))"
        ),
        re.compile(
            rf"(?i:{cue_alt})\s+(?:\w+\s+){{0,2}}(?<![\w\-])(?P<a>{name}){dash}(?P<b>{name})"
        ),
        # more dash pairs of such a list ("Sister City NTT- Jiangxi, Kupang-Nanchang, Belu-…")
        re.compile(
            rf"(?:{LIST_AFTER})(?P<a>{name}){dash}(?P<b>{name})(?=\s*(?:,|\s(?:dan|and)\s|$|\s+[A-Z]|[.;]))"
        ),
        re.compile(
            rf"(?:^|(?<![\w])(?i:that|bahwa)\s+)(?:{lead})(?P<a>{name})\s+(?i:dan|and)\s+{lead}(?P<b>{name})"
            rf"\s+(?i:{alternation(spec['pair_verbs'])})(?![\w])"
        ),
        re.compile(
            rf"(?i:{kinds})(?:\s+(?i:cooperation|ties|relations?|relationship|agreement))?"
            rf"\s+(?i:{alternation(spec['partner_after'])})\s+{lead}(?P<b>{name})"
        ),
    ]
    stop = set(never_names())
    stop |= {w for t in rules("posts")["titles"] for words in t["words"] for w in words.split()}
    aliases = config["aliases"]  # "NTT- Jiangxi": an abbreviation in capitals is a place
    bodies = set(rules("posts")["private_bodies"])
    institutions = set(config["institution_words"])
    for sentence in article.sentences:
        if article.in_skipped(sentence.start) or not cue.search(sentence.text):
            continue
        for pattern in patterns:
            for match in pattern.finditer(sentence.text):
                if _reduplicated(match):
                    continue  # "Undang-Undang Otonomi Daerah": one word said twice, no pair
                sides: dict[str, Mention] = {}
                new: dict[str, tuple[str, int]] = {}  # sides to read as places, if both may be
                rejected = False
                for group in ("a", "b"):
                    if group not in pattern.groupindex or match[group] is None:
                        continue
                    words = match[group].split()
                    start = sentence.start + match.start(group)
                    while words and words[0] in stop:  # "Sign Jakarta-Moscow …"
                        start += len(words.pop(0)) + 1
                    cut = next((i for i, w in enumerate(words) if i and w in stop), None)
                    institution = cut is not None and words[cut] in institutions
                    words = words[:cut]  # "Belu- Jinggangshan Dengan Tiongkok"
                    known = [m for m in mentions if m.start <= start < m.end]
                    text = " ".join(words)
                    if match[group].split()[0] in bodies or institution:
                        rejected = True  # "Persatuan Wartawan Malaysia", "Mater Hospital"
                    elif known:  # also a known name in capitals ("NTT- Jiangxi")
                        sides[group] = known[0]
                    elif (
                        not words
                        or any(w in stop or (w.isupper() and w not in aliases) for w in words)
                        or article.text[start : start + len(text)] != text
                        or any(  # "antara Siak-Melaka dan Siak-Trengganu": pairs, no names
                            start < m.start < start + len(text) and article.text[m.start - 1] == "-"
                            for m in mentions
                        )
                    ):
                        rejected = True  # "Note of Working Together-PKS": no pair of places
                    else:
                        new[group] = (text, start)
                for group, (text, start) in new.items() if not rejected else ():
                    mention = add(text, start, start + len(text), how="construction")
                    if mention:
                        mention.flags.append(CONSTRUCTION_FLAG)
                        sides[group] = mention
                if "a" in sides and "b" in sides and sides["a"] is not sides["b"]:
                    sides["a"].partner_at, sides["b"].partner_at = (
                        sides["b"].start,
                        sides["a"].start,
                    )


def _places_before_title(article, gazetteer, words, level, known, add, free) -> None:  # type: ignore[no-untyped-def]
    """The place before an English title: "Kuala Lumpur Mayor", "the Pontianak mayor"."""
    aliases = place_aliases()
    cities = indonesian_cities()
    directions = set(rules("places")["name_directions"])
    stop = set(rules("places")["stopwords"]) | {"The", "A", "An", "Its", "His", "Her"}
    for match in re.finditer(rf"(?P<name>{NAME})\s+(?:{words})(?![\w])", article.text):
        text, end = match["name"], match.end("name")
        if text.endswith(("'s", "’s")):  # "West Nusa Tenggara’s Governor"
            text, end = text[:-2], end - 2
        run = text.split()
        name = run[-1]
        lookup = None
        for n in range(min(3, len(run)), 0, -1):
            candidate = " ".join(run[-n:])
            alias = aliases.get(candidate, candidate)
            if name_key(candidate) in known or gazetteer.lookup(alias) or alias in cities:
                name, lookup = candidate, alias
                break
        pair = " ".join(run[-2:])
        if lookup is None and len(run) > 1 and run[-2] in directions:
            name = pair  # "South Cotabato Gov."
        elif lookup is None and len(run) > 1 and article.text.count(pair) > 1:
            name = pair  # "Forth Worth's Mayor", with "Forth Worth" named elsewhere
        if name in stop or name.isupper():
            continue
        start = end - len(name)
        if free(start, start + len(name)):
            mention = add(name, start, start + len(name), level=level, how="title")
            if mention and lookup and lookup != name:  # "South Tangerang Mayor"
                mention.lookup_name = lookup
            if mention:
                known.add(mention.key)


def _gazetteer_names(article, gazetteer, aliases, stop, add, free) -> None:  # type: ignore[no-untyped-def]
    cities = indonesian_cities()
    fillers = [*rules("posts")["seat_fillers"], *rules("places")["locatives"]]
    fillers += [w for t in rules("posts")["titles"] for w in t["words"]]
    seat_before = re.compile(rf"(?<![\w])(?:{alternation(fillers)})\s+$")
    for match in re.finditer(rf"{NAME}", article.text):
        words = list(re.finditer(HYPHEN_PART, match.group()))  # "Western Australia-East Java"
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                start = match.start() + words[i].start()
                end = match.start() + words[i + n - 1].end()
                if POSSESSIVE.search(article.text[start:end]):
                    end -= 2  # "Bandung's sister city"
                name = article.text[start:end]
                lookup = aliases.get(name, name)
                short = len(name) < 3 and name not in aliases
                if (n == 1 and name in stop) or short or not free(start, end):
                    continue
                known = gazetteer.lookup(lookup) or lookup in cities
                if (
                    known
                    and n == 1
                    and name not in cities
                    and not any(p.level == "country" for p in gazetteer.lookup(lookup))
                    and not seat_before.search(article.text[max(0, start - 30) : start])
                    and (
                        _first_name(article.text, end, gazetteer, aliases, stop)
                        or _name_before(article.text, start, gazetteer, aliases, stop)
                    )
                ):
                    continue  # "Mary Ann", "Nelson Simanjuntak": a person's first name
                if known and (n > 1 or name not in stop):
                    mention = add(name, start, end, how="gazetteer")
                    if mention and lookup != name:
                        mention.lookup_name = lookup
                    i += n - 1
                    break
            i += 1


def _first_name(text, end, gazetteer, aliases, stop) -> bool:  # type: ignore[no-untyped-def]
    """Whether a one-word name at `end` is followed by another name word that is neither a
    place, an administrative or title word, nor an abbreviation: a person's name follows."""
    match = re.match(rf"[ ]({WORD})", text[end:])
    if match is None:
        return False
    word = match.group(1)
    config = rules("places")
    allowed = set(stop) | set(never_places()) | set(config["name_second_words"])
    allowed |= set(config["place_followers"])
    allowed |= {w for g in config["suffixes"] for words in g["words"] for w in words.split()}
    allowed |= {w for t in rules("posts")["titles"] for words in t["words"] for w in words.split()}
    if word in allowed or word.isupper() or re.search(r"['’]s$", word):
        return False
    return not gazetteer.lookup(aliases.get(word, word))


def _name_before(text, start, gazetteer, aliases, stop) -> bool:  # type: ignore[no-untyped-def]
    """Whether a one-word name at `start` ends a longer unknown name ("Mossel Bay"): the word
    before it is capitalised, is no place, title, administrative or sentence word, and the two
    are written together more than once."""
    match = re.search(rf"(?<![\w'’\-])({WORD})[ ]$", text[max(0, start - 40) : start])
    if match is None:
        return False
    word = match.group(1)
    config = rules("places")
    allowed = set(stop) | set(never_places()) | set(config["lone_words"])
    allowed |= {w for g in config["prefixes"] for words in g["words"] for w in words.split()}
    allowed |= {w for t in rules("posts")["titles"] for words in t["words"] for w in words.split()}
    allowed |= set(rules("partnerships")["mission_words"])
    if word in allowed or word.isupper() or word.endswith(("'s", "’s")):
        return False
    name = re.match(rf"{WORD}", text[start:])
    whole = f"{word} {name.group() if name else ''}"
    if len(re.findall(rf"(?<![\w]){re.escape(whole)}(?![\w])", text)) < 2:
        return False  # written so once: the word before may be a title ("Kerajaan Selangor")
    return not gazetteer.lookup(aliases.get(word, word)) and word not in indonesian_cities()


OFFICE_BEFORE = re.compile(
    r"(?:Ministry|Minister|Department|Secretary|Kementerian|Menteri)\s+(?:of\s+)?(?:the\s+)?$"
)


def _before_country(article, gazetteer, mentions, aliases, not_regions, add, free) -> None:  # type: ignore[no-untyped-def]
    """ "Suwon in South Korea"; past an island ("Pontianak, Kalimantan in Indonesia") or a
    province ("Seremban, Negeri Sembilan, Malaysia")."""
    countries = [m for m in mentions if _is_country(m.name, gazetteer, aliases)]
    provinces = {
        (m.start, m.end)
        for m in mentions
        if any(p.level in ("province", "prefecture") for p in gazetteer.lookup(m.name))
    }
    province_starts = {start for start, _end in provinces}  # also "Washington State"
    for country in countries:
        end = country.start
        while True:
            before = article.text[max(0, end - 60) : end]
            match = re.search(
                rf"(?P<name>{NAME})(?:,\s*(?:the\s+)?|\s+in\s+(?:the\s+)?|\s+di\s+"
                rf"|(?P<of>\s+of\s+(?:the\s+)?))$",
                before,
            )
            if not match:
                break
            at = end - len(before) + match.start("name")
            listed = LIST_SPOT.search(article.text[max(0, at - 12) : at])
            if match["of"] and (end != country.start or not listed):
                match = None  # "X of Japan" only as a list's member ("…, Bangkok of Thailand")
                break
            if match["name"] not in not_regions and at not in province_starts:
                break
            end = end - len(before) + match.start("name")
        if not match:
            continue
        start = end - len(before) + match.start("name")
        name = match["name"]
        if OFFICE_BEFORE.search(article.text, max(0, start - 30), start):
            continue  # "the Ministry of the Environment in Japan": an office, no place
        if free(start, start + len(name)):
            add(name, start, start + len(name), how="country")
    _before_province(article, [m for m in mentions if (m.start, m.end) in provinces], add, free)


# Where a list's members stand ("are Da Nang of Vietnam, Bangkok of Thailand, and Cebu …")
LIST_SPOT = re.compile(r"(?:[,:]|\b(?:are|and|including|namely))\s+$")


def _before_province(article, provinces, add, free) -> None:  # type: ignore[no-untyped-def]
    """ "a conference in Seattle, Washington": a name after a locative and before a province is
    a place the province locates."""
    for province in provinces:
        before = article.text[max(0, province.start - 60) : province.start]
        match = re.search(rf"(?<![\w])(?:in|di)\s+(?P<name>{NAME}),\s*$", before)
        if match:
            start = province.start - len(before) + match.start("name")
            if free(start, start + len(match["name"])):
                add(match["name"], start, start + len(match["name"]), how="country")


def _list_members(article, mentions, countries, add, free) -> None:  # type: ignore[no-untyped-def]
    """The other names of a list whose members include a place ("Guangxi Zhuang, Chongqing,
    Sichuan, dan Heilongjiang", "Beihai and Zhuhai in China"): places too, of the same level.
    A list needs a conjunction, so a comma alone ("Bupati Batang, M. Faiz") is not one."""
    conjunctions = alternation(rules("places")["list_conjunctions"])
    item = rf"{WORD}(?:[ ]{WORD}){{0,2}}"
    aside = r"(?:\s*\([^)\n]{1,40}\))?"  # "Paris (sebagai kota rekan)"
    pattern = re.compile(
        rf"(?<![\w]){item}(?:{aside}\s*,\s*{item})*(?:{aside}\s*,?\s+(?:{conjunctions})\s+{item})+(?![\w])"
        rf"|(?<![\w]){item}(?:{aside}\s*,\s*{item}){{4,}}(?![\w])"  # five or more, no "and"
    )
    places = {(m.end - len(m.name), m.end): m for m in mentions}
    locatives = alternation(rules("places")["locatives"])
    locative = re.compile(rf"(?<![\w])(?:{locatives})\s+$")
    located_member = re.compile(rf",\s*{item}\s+(?:{locatives})\s+$")
    for match in pattern.finditer(article.text):
        before = article.text[max(0, match.start() - 60) : match.start()]
        if locative.search(before[-12:]) and not located_member.search(before):
            continue  # "Gold Coast in Queensland and Makassar …": not a list of places
        spans = [
            (match.start() + m.start(), match.start() + m.end())
            for m in re.finditer(item, match.group())
        ]
        located = [(a, b) for a, b in spans if countries.get(b, a) > a]  # "Liverpool Inggris"
        spans = [(a, countries[b] - 1) if (a, b) in located else (a, b) for a, b in spans]
        known = [places[span] for span in spans if span in places]
        known = [m for m in known if m.level != "country" and m.how != "list"]
        share = 3 if len(spans) >= 5 else 2  # a long list: a third of it known is enough
        if not known or (len(known) + len(located)) * share < len(spans):
            continue
        levels = {m.level for m in known if m.level}
        level = levels.pop() if len(levels) == 1 else None
        for start, end in spans:
            if (start, end) in places:
                places[start, end].in_list = match.start()
                continue
            if not free(start, end):
                continue
            mention = add(article.text[start:end], start, end, level=level, how="list")
            if mention:
                mention.listed_with, mention.in_list = known, match.start()


def _reduplicated(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    a, b = groups.get("a"), groups.get("b")
    return bool(a and b) and a.split()[-1] == b.split()[0]


def _possessors_of_partners(article, add, free) -> None:  # type: ignore[no-untyped-def]
    """ "Braunschweig’s twin city", "Bandung's sister cities": the name whose partner a kind of
    partnership is, a place even when no administrative word or the gazetteer shows it;
    flagged for review."""
    kinds = alternation(list(kind_words()))
    word = r"[A-Z][\w\-]*"  # no apostrophe: the possessive ends the name
    pattern = re.compile(
        rf"(?<![\w'’])(?P<name>{word}(?:[ ]{word}){{0,2}})['’]s\s+(?i:{kinds})(?![\w])"
    )
    for match in pattern.finditer(article.text):
        if free(*match.span("name")):
            mention = add(match["name"], match.start(), match.end("name"), how="construction")
            if mention:
                mention.flags.append(CONSTRUCTION_FLAG)


def _repeats(article, mentions, add, free) -> None:  # type: ignore[no-untyped-def]
    """Later bare mentions of a name first found with a prefix or a country ("Petaling Jaya")."""
    kinds = ("prefix", "suffix", "country", "title", "list", "construction", "hyphen")
    names = {m.name for m in mentions if m.how in kinds}
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(
            rf"(?<![\w]){re.escape(name)}(?![\w])", article.text, re.IGNORECASE
        ):
            if free(*match.span()) and (match.group()[0].isupper()):
                mention = add(match.group(), match.start(), match.end(), how="repeat")
                if mention:
                    mention.lookup_name = name


def _known(name: str, gazetteer: Gazetteer, aliases: dict[str, str]) -> bool:
    return bool(gazetteer.lookup(aliases.get(name, name))) or name in indonesian_cities()


def _is_country(name: str, gazetteer: Gazetteer, aliases: dict[str, str]) -> bool:
    return any(p.level == "country" for p in gazetteer.lookup(aliases.get(name, name)))


def _link_context(article: Article, mentions: list[Mention], gazetteer: Gazetteer) -> None:
    words = alternation(rules("places")["apposition_words"])
    suffixes = alternation([w for group in rules("places")["suffixes"] for w in group["words"]])
    apposition = re.compile(  # "Yangshuo, Guilin, Guangxi": past one name unknown as a place
        rf"\s*(?:(?:{suffixes})\b)?\s*(?:,\s*[A-Z][a-z]+\s*(?=,))?"
        rf"(?:,|\(|\bdari\b|\bfrom\b|\bin\b|\bdi\b|\bof\b)?\s*(?:the\s+)?"
        rf"(?:(?i:{words})\s+)?$"
    )
    conjunctions = alternation(rules("places")["list_conjunctions"])
    list_joint = re.compile(rf"\s*(?:,\s*(?:(?:{conjunctions})\s+)?|(?:{conjunctions})\s+)$")
    for current, following, after in zip(
        mentions, mentions[1:], [*mentions[2:], None], strict=False
    ):
        between = article.text[current.end : following.start]
        if "\n" in between or not apposition.match(between):
            continue
        # "Forth Worth, Texas (USA)", "Seattle ( Washington , the USA )": a country in brackets
        # closes one member's description, and a place in brackets locates the one before
        closed = (
            after is not None
            and after.level == "country"
            and (article.text[following.end : after.start].strip() == "(")
        ) or between.strip() == "("
        if current.in_list is not None and current.in_list == following.in_list and not closed:
            continue  # members of one list ("Chongqing, Sichuan") do not locate each other
        if (
            after is not None
            and level_group(after.level) == level_group(following.level)
            and list_joint.match(article.text[following.end : after.start])
        ):
            continue  # "A City, B Autonomous Region, C Province and …": a list goes on
        owner = current.context_of or current
        countries = {_country(m, gazetteer) for m in (owner, following)}
        bracketed = following.level == "country" and between.strip() == "("
        if None not in countries and len(countries) == 2 and not bracketed:
            continue  # "Surabaya, Busan discuss …": places of two countries; not "Bari (Italy)"
        higher = level_group(following.level) or _locating_group(following)
        if higher is not None and higher == level_group(owner.level):
            continue  # "New South Wales, East Java and …": a province does not locate a province
        if higher is None or higher.isdisjoint({"province", "prefecture", "country"}):
            continue
        if any(c.level == "country" for c in owner.context) or owner.level == "country":
            continue
        owner.context.append(following)
        following.context_of = owner


def _locating_group(mention: Mention) -> frozenset[str] | None:
    """The levels of a name ambiguous between a province and a country ("Kota Hsinchu,
    Taiwan"): either way it locates the place before it."""
    groups = {level_group(p.level) for p in mention.candidates}
    if not groups or None in groups:
        return None
    union = frozenset().union(*groups)  # type: ignore[arg-type]
    return union if union <= {"province", "prefecture", "country"} else None


def _country(mention: Mention, gazetteer: Gazetteer) -> str | None:
    if mention.resolved:
        return gazetteer.country_of(mention.resolved)
    return mention.country


def _corefer(mentions: list[Mention], gazetteer: Gazetteer) -> None:
    """A bare name ("Toyama") or its initials ("NSW") take the resolution of the same name
    resolved elsewhere."""
    resolved: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.resolved:
            resolved.setdefault(mention.key, set()).add(mention.resolved)
    initials = {  # "NSW" for "New South Wales"
        "".join(w[0] for w in m.name.split()): m
        for m in mentions
        if m.resolved and len(m.name.split()) >= 2
    }
    for mention in mentions:
        whole = initials.get(mention.name)
        if not mention.resolved and mention.name.isupper() and whole is not None:
            mention.resolved, mention.status = whole.resolved, "resolved"
            mention.level = whole.level
            continue
        ids = resolved.get(mention.key, set())
        # "Busan Metropolitan City …, Busan Deputy Mayor": a title's level does not part them
        if mention.status in ("ambiguous", "unresolved") and len(ids) == 1:
            (place_id,) = ids
            if place_id in {p.id for p in mention.candidates}:
                mention.resolved, mention.status = place_id, "resolved"
                mention.level = gazetteer.places[place_id].level


def _resolve(mention: Mention, gazetteer: Gazetteer, aliases: dict[str, str]) -> None:
    name = mention.lookup_name or mention.name
    name = aliases.get(name, name)
    candidates = gazetteer.lookup(name)
    mention.candidates = candidates
    group = level_group(mention.level)
    fitting = [p for p in candidates if group is None or p.level in group or p.level is None]
    if candidates and not fitting and all(p.level == "country" for p in candidates):
        fitting, mention.level = candidates, "country"  # "salah satu kota Negeri Sakura"
    if candidates and not fitting:
        levels = ", ".join(sorted({p.level or "?" for p in candidates}))
        mention.flags.append(
            f"the text says {mention.level} but the gazetteer's {name!r} is a {levels}"
        )
    context_ids = [c.resolved for c in mention.context if c.resolved]
    if context_ids and fitting:
        inside = [p for p in fitting if set(context_ids) & set(gazetteer.ancestors(p.id))]
        if not inside:
            mention.flags.append("the places around it do not contain the gazetteer's entry")
        fitting = inside
    if len(fitting) > 1:
        curated = [p for p in fitting if p.curated]
        if len(curated) == 1:
            fitting = curated
    if len(fitting) == 1:
        mention.resolved, mention.status = fitting[0].id, "resolved"
        mention.level = (
            mention.level if mention.level and fitting[0].level is None else fitting[0].level
        )
    else:  # "Bari (Italy)": a context rules out the entry the name alone resolved to
        if mention.resolved and mention.how == "gazetteer":
            mention.level = None  # the level was the entry's
        mention.resolved = None
        mention.status = "ambiguous" if fitting else "unresolved"
    cities = indonesian_cities()
    if mention.status == "unresolved" and name in cities and not mention.context:
        mention.country, mention.located_in = "indonesia", cities[name]
        if mention.level is None and name not in rules("indonesia")["also_regency"]:
            mention.level = "city"


def mention_id(mention: Mention) -> str:
    if mention.resolved:
        return mention.resolved
    name = mention.lookup_name or mention.name
    return slug(rules("places")["aliases"].get(name, name))
