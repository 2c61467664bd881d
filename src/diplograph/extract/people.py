"""Officials and their posts: "Bupati Batang M. Faiz Kurniawan", "Penjabat (Pj) Walikota
Tangerang Nurdin", "Perdana Menteri China, Li Qiang", "the Mayor of Bandung, … Ridwan Kamil"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.model import Evidence
from diplograph.extract.regions import Region
from diplograph.extract.rules import alternation, never_names, rules, titles_before_place
from diplograph.extract.text import Article
from diplograph.imports.names import fold


def _name_word() -> str:
    """One word of a person's name: an initial, a capitalised word, a word in capitals before
    another name word, or a particle of Balinese names ("I Ketut")."""
    particles = alternation(rules("posts")["name_particles"])
    return (
        rf"(?:[A-Z]\.|[A-Z][a-z][\w'’\-]*|[A-Z]{{1,}}(?=\s+[A-Z][a-z])"
        rf"|(?:{particles})(?=\s+[A-Z][a-z]))"
    )


NICKNAME = r"(?:[ \t]+[\"“‘][A-Z][\w'’]*[\"”’])"  # 'Moh. Ramdhan "Danny" Pomanto'
OFFICE_WORD = r"(?:[A-Z][\w.]*|dan|and|of|&)"
# The name of an office up to a comma ("Menteri Lingkungan Hidup dan Kehutanan, X") or up to
# its bracketed abbreviation ("Kepala Dinas Pekerjaan Umum (PUPR) Pekanbaru X", also twice:
# "Kepala Bagian Humas (Kabag Humas) Sekretariat Kota (Setko) Pekanbaru X").
OFFICE_COMMA = rf"{OFFICE_WORD}(?:[ \t]+{OFFICE_WORD}){{0,6}}[ \t]*,[ \t]*(?=[A-Z])"
OFFICE_BRACKETS = (
    rf"(?:{OFFICE_WORD}(?:[ \t]+{OFFICE_WORD}){{0,7}}[ \t]*\([^)]{{1,30}}\)[ \t]*){{1,3}}(?=[A-Z])"
)


@dataclass
class Official:
    name: str
    post: str
    post_label: str
    acting: bool
    region: str | None
    evidence: Evidence
    confidence: float


def find_officials(article: Article, regions: list[Region]) -> list[Official]:
    config = rules("posts")
    stop = set(never_names()) | set(rules("partnerships")["venue_words"])  # not "Jalan Sudirman"
    surnames = set(config["surname_stopwords"])
    name_stop = stop - surnames  # what ends a name
    acting = alternation(config["acting"])
    prefixes = alternation(config["name_prefixes"])
    honorifics = alternation(config["honorifics"])
    fillers = alternation(config["seat_fillers"])
    degrees = set(config["degrees"])
    private = set(config["private_bodies"])
    legislature = re.compile(
        rf"(?:(?:{alternation(config['committees'])})\s+[A-Z0-9]+\s+)?"
        rf"(?:{alternation(config['legislatures'])})(?![\w])(?:\s+RI)?\s+(?=[A-Z])"
    )
    missions = alternation(rules("partnerships")["mission_words"])
    mission = re.compile(
        rf"(?:[A-Z][a-z]+\s+(?:dan\s+|and\s+)?){{0,3}}(?:{missions})"
        rf"(?:\s+(?:{fillers}|\([A-Z]+\)))*\s+(?=[A-Z])"
    )
    when = alternation(config["time_fillers"])
    nouns = alternation(config["office_nouns"])
    place_words = alternation([w for g in rules("places")["prefixes"] for w in g["words"]])
    name_word = _name_word()
    title_starts = {w.split()[0] for t in config["titles"] for w in t["words"]}
    span_region = {span: r for r in regions for span in r.spans()}
    found: dict[str, Official] = {}
    titles = sorted(config["titles"], key=lambda t: -max(len(w) for w in t["words"]))
    taken: list[tuple[int, int]] = []
    for title in titles:
        comma = ",?" if title.get("place") == "before" else ""  # "its mayor, Drs H Sumastro"
        if title.get("comma") == "required":  # "Dept. Head, Catur Laswanto"
            comma = ","
        pattern = re.compile(
            rf"(?<![\w])(?P<acting>(?:{acting})\s+)?(?P<title>{alternation(title['words'])})"
            rf"{comma}\s+(?:\([^)]{{1,20}}\)\s+)?(?:(?:of|in)\s+)?(?P<rest>)(?=[A-Z])"
        )
        for match in pattern.finditer(article.text):
            if article.in_skipped(match.start()) or any(
                a <= match.start("title") < b for a, b in taken
            ):
                continue
            position = match.start("rest")
            if re.search(r"\sin\s+$", match.group()) and not any(
                start == position for start, _end in span_region
            ):
                seat = re.match(
                    r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}\s*,\s*", article.text[position:]
                )
                if seat is None:
                    continue  # "Consul General in Sydney and …": no name follows the seat
                position += seat.end()
            if title.get("legislature"):  # "Anggota Komisi X DPR RI Robert Kardinal"
                body = legislature.match(article.text, position)
                if body is None:
                    continue
                position = body.end()
            elif title.get("mission"):  # "Counselor Politik KBRI Seoul Sigit Aris Prasetyo"
                body = mission.match(article.text, position)
                if body is None:
                    continue
                position = body.end()
                if not any(start == position for start, _end in span_region):
                    seat = re.match(
                        r"[A-Z][a-z]+\s+(?=[A-Z][a-z]+\s+[A-Z])", article.text[position:]
                    )
                    position += seat.end() if seat else 0  # the seat, unknown as a place
            elif title.get("office_nouns"):  # "Head of Transportation Department Dedi Taufik"
                end = _office_end(article.text, position, nouns)
                if end is None:
                    continue
                position = end
            elif title.get("portfolio"):  # "Menteri Lingkungan Hidup dan Kehutanan, Dr. X"
                office = re.match(OFFICE_COMMA, article.text[position:]) or re.match(
                    OFFICE_BRACKETS, article.text[position:]
                )
                if office is None and title.get("needs_office"):
                    continue  # "Kepala Dinas Pariwisata Budi": where the office ends is unclear
                position += office.end() if office else 0
                if office and re.search(rf"(?:{missions})\W*$", office.group()):
                    seat = re.match(
                        r"[A-Z][a-z]+\s+(?=[A-Z][a-z]+\s+[A-Z])", article.text[position:]
                    )
                    position += seat.end() if seat else 0  # "… (KBRI) Tokyo Gina Anggraini"
            bracketed = re.match(
                rf"(?:{place_words})\s+\([^)]{{1,20}}\)\s+", article.text[position:]
            )
            if bracketed:  # "Gubernur Prefektur (Provinsi) Kumamoto, X"
                position += bracketed.end()
            seat = re.match(rf"(?:(?:{fillers})\s+)+(?=[A-Z])", article.text[position:])
            if title["level"] == "country" and seat:
                position += seat.end()
            region = None
            for (start, end), candidate in sorted(span_region.items()):
                if start == position:
                    region, position = candidate, end
                    break
            while True:  # places that follow ("Mataram NTB", "China,", "Australia untuk Indonesia")
                gap = re.match(rf"[\s,]*(?:(?:{fillers})\s+)*", article.text[position:])
                nxt = position + (gap.end() if gap else 0)
                follow = [(s, e) for (s, e) in span_region if s == nxt]
                if not follow:
                    if title["level"] == "country":
                        position = nxt  # "Duta Besar Jepang untuk Indonesia X": the seat words
                    break
                position = follow[0][1]
                if region is None:
                    region = span_region[follow[0]]
            if region is None and title.get("place") == "before":
                region = _region_before(article.text, match.start(), span_region)
            gap = re.match(  # "Yogyakarta (DIY), Sri Sultan …": an abbreviation, honorifics
                rf"\s*(?:\([A-Z][A-Za-z]{{1,7}}\))?\s*,?\s*(?:(?:{when})\s*,?\s+)?"
                rf"(?:(?:{honorifics})\.?\s+)*",
                article.text[position:],
            )
            position += gap.end() if gap else 0
            name_match = re.match(
                rf"(?:(?:{prefixes})\s+)?{name_word}(?:{NICKNAME}?[ \t]+{name_word}){{0,4}}"
                r"(?:[ \t]+[IVX]{1,4}(?![\w-]))?",  # "Hamengku Buwono X"
                article.text[position:],
            )
            if not name_match:
                continue
            words = name_match.group().split()
            if any(w in private for w in words):
                continue  # the head of an association or a firm
            if any(w in title_starts for w in words):
                continue  # another title follows ("Secretary Governance Assistant, X"): its
                # own match reads the name
            if region is not None and words and fold(words[0]) == fold(region.name.split()[-1]):
                words = words[1:]
            for k, word in enumerate(words):
                if k and word in name_stop:  # "Antonius Ginting Instruksikan ASN": a headline
                    words = words[:k]
                    break
                if re.search(r"['’]s$", word):  # "Bill Clinton's home state"
                    words = [*words[:k], word[:-2]]
                    break
            while words and (words[-1] in name_stop or words[-1] in degrees):
                words.pop()
            if not words or len(" ".join(words)) < 3:
                continue
            if words[0] in stop and not (words[0] in surnames and len(words) > 1):
                continue  # "Yang Xiong", not "Yang"
            if any(w for w in words if span_region.get((position, position + len(w))) is not None):
                continue
            if span_region.get((position, position + len(" ".join(words)))) is not None:
                continue  # "Konjen RI Los Angeles": the seat, no name
            name = " ".join(words)
            words = [w for w in words if not re.fullmatch(r'["“‘].*["”’]', w)]  # a nickname
            at = re.compile(f"{NICKNAME}?\\s+".join(map(re.escape, words))).search(
                article.text, position
            )
            if at is None:
                continue
            name, end = " ".join(words), at.end()
            taken.append((match.start(), end))
            names = [(name, end)]
            if title.get("plural"):  # "Governors, X and DR Y": each name listed
                names += _more_names(article.text, end, honorifics, prefixes, name_word, stop)
            for name, end in names:
                key = fold(name)
                shorter = [k for k in found if key.startswith(k) and key != k]
                for k in shorter:  # "Kabashim" (a cut caption), then "Kabashima Ikuo"
                    del found[k]
                if key in found or any(key in k or k in key for k in found):
                    continue
                evidence = article.evidence(match.start(), end)
                found[key] = Official(
                    name,
                    title["post"],
                    title["label_en"],
                    bool(match["acting"]),
                    region.id if region else None,
                    evidence,
                    0.85 if region else 0.7,
                )
    for official in _posts_after_names(article, span_region, stop, name_word):
        key = fold(official.name)
        if not any(key in k or k in key for k in found):
            found[key] = official
    return sorted(found.values(), key=lambda o: o.evidence.start)


def _posts_after_names(article, span_region, stop, name_word) -> list[Official]:  # type: ignore[no-untyped-def]
    """English names with their post after them ("Gong Xianqun, vice-mayor of Jinan", "Yang
    Luyu, the mayor of Jinan"): the post's place, if any, follows "of"."""
    after = [t for t in titles_before_place() if not t.get("plural")]
    by_word = {w.lower(): t for t in after for w in t["words"]}
    pattern = re.compile(
        rf"(?<![\w.])(?P<name>{name_word}(?:[ \t]+{name_word}){{1,3}}),[ \t]+(?P<the>the[ \t]+)?"
        rf"(?P<title>(?i:{alternation(list(by_word))}))[ \t]+of[ \t]+(?:the[ \t]+)?",
    )
    result = []
    for match in pattern.finditer(article.text):
        words = match["name"].split()
        if any(w in stop for w in words) or (match.start(), match.end("name")) in span_region:
            continue
        if any(start == match.start() for start, _end in span_region):
            continue  # "Jinan, the …": a place
        if match["title"][0].isupper() and not match["the"]:
            continue  # "his wife, Netty Heryawan, Head of … Nelson": the next person's post
        title = by_word[re.sub(r"-\s+", "-", re.sub(r"\s+", " ", match["title"])).lower()]
        region = next((r for (a, _b), r in span_region.items() if a == match.end()), None)
        result.append(
            Official(
                match["name"],
                title["post"],
                title["label_en"],
                False,
                region.id if region else None,
                article.evidence(match.start(), match.end()),
                0.8 if region else 0.65,
            )
        )
    return result


def _office_end(text: str, position: int, nouns: str) -> int | None:
    """Where an English office's name ends ("Head of Cooperation Facilitation Center Ministry of
    Internal Affairs Nelson …"): after the first office word that a name follows, a name being
    capitalised words without "of", "and" or another office word among its first three."""
    run = re.match(rf"(?:{OFFICE_WORD},?[ \t]+){{0,12}}", text[position:])
    if run is None:
        return None
    window = text[position : position + run.end()]
    for noun in re.finditer(rf"(?<![\w])(?:{nouns})(?:[ \t]*,)?[ \t]+", window):
        after = text[position + noun.end() :]
        name = re.match(r"[A-Z][a-z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*", after)
        if name is None:
            continue
        words = name.group().split()
        if any(w == "Ministry" or re.fullmatch(nouns, w) for w in words[:3]):
            continue
        if re.match(r"\s+(?:of|and|&)\s+[A-Z]", after[name.end() :]) and len(words) < 2:
            continue
        if re.match(r"\s+of\s+", after[name.end() :]):
            continue
        return position + noun.end()
    return None


def _more_names(text, end, honorifics, prefixes, name_word, stop) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """The further names of a list after a plural title's first name ("Governors, Lolo
    Matalasi Moliga and DR SH Sarundajang"), without their honorifics."""
    result = []
    while True:
        joint = re.match(
            rf"\s*(?:,\s*(?:and\s+|dan\s+)?|\s+(?:and|dan)\s+)(?:(?:{honorifics})\.?\s+)*",
            text[end:],
        )
        if joint is None:
            return result
        start = end + joint.end()
        match = re.match(
            rf"(?:(?:{prefixes})\s+)?{name_word}(?:[ \t]+{name_word}){{0,3}}", text[start:]
        )
        if match is None:
            return result
        words = match.group().split()
        while words and words[-1] in stop:
            words.pop()
        if not words or words[0] in stop:
            return result
        name = " ".join(words)
        end = start + len(name)
        result.append((name, end))


def _region_before(
    text: str, title_start: int, span_region: dict[tuple[int, int], Region]
) -> Region | None:
    """The place named just before an English title ("Jakarta Governor", "the Pontianak mayor")."""
    for (_start, end), region in span_region.items():
        if end <= title_start and not text[end:title_start].strip():
            return region
    return None
