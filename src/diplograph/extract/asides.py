"""Places named aside: in a sentence about a partnership, but not as one of its parties.

A *venue* follows a preposition ("di Hotel Shangri-La Jakarta"); a *dateline* opens a line
before brackets, a dash or a colon ("Beijing (ANTARA News) -", "JABAR NEWS | BANDUNG –"); a
*mission seat* follows a diplomatic mission or a national post ("KBRI Tokyo", "Konsul Jenderal
RI untuk Shanghai"); a place of an organisation follows its name ("Kadin NTT"). The words
are in ``rules/partnerships.yaml`` and ``rules/posts.yaml``.
"""

from __future__ import annotations

import re

from diplograph.extract.places import WORD, Mention
from diplograph.extract.rules import alternation, rules
from diplograph.extract.text import Article


def mark_asides(article: Article, mentions: list[Mention]) -> None:
    """Set ``venue`` (and a flag saying why) on mentions that cannot be parties."""
    config = rules("partnerships")
    venue = re.compile(
        rf"(?<![\w])(?:{alternation(config['venue_prepositions'])})\s+"
        rf"(?:(?i:{alternation(config['directions'])})\s+)?(?:{WORD}['’]s\s+)?"
        rf"(?:(?:{alternation(config['region_nouns'])})\s+)?(?:{WORD}\s+)*$"
    )
    # "in Papandayan Room, Gedung Sate, Jl. Diponegoro No. 22, Bandung": an address
    piece = rf"(?:{WORD}|\d+)"
    address = re.compile(
        rf"(?<![\w])(?:{alternation(config['venue_prepositions'])})\s+(?:{piece}[\s,.]+)*"
        rf"(?:{alternation(config['venue_words'])})[\s,.]+(?:{piece}[\s,.]+)*$"
    )
    national = [w for t in rules("posts")["titles"] if t["level"] == "country" for w in t["words"]]
    fillers = alternation(rules("posts")["seat_fillers"])
    seat = re.compile(
        rf"(?<![\w])(?:{alternation([*config['mission_words'], *national])})"
        rf"\s+(?:(?:{fillers})\s+)*$"
    )
    place_words = alternation([w for g in rules("places")["prefixes"] for w in g["words"]])
    body = re.compile(
        rf"(?<![\w])(?:{alternation(config['organisation_words'])})\s+(?:\([^)]*\)\s+)?"
        rf"(?:(?i:{place_words})\s+)?$"
    )
    after = alternation(config["dateline_after"])
    dateline_after = re.compile(
        rf"\s*(?:\([^)\n]*\))?\s*(?:,\s*[A-Z][\w.]+\s*,?\s*)?(?:{after})"
    )  # "Beijing (ANTARA) -", "MALANG, KOMPAS.com -", "Beijing, NTTPedia.id,-"
    for mention in mentions:
        if mention.context_of is not None:
            continue
        sentence = article.sentence_at(mention.start)
        low = sentence.start if sentence else 0
        before = article.text[max(low, mention.start - 40) : mention.start]
        wider = article.text[max(low, mention.start - 90) : mention.start]
        line_start = article.text.rfind("\n", 0, mention.start) + 1
        opening = article.text[line_start : mention.start]
        possessive = re.match(r"['’]s\b", article.text[mention.end : mention.end + 3])
        if (
            venue.search(before) or address.search(wider)
        ) and not possessive:  # "in Gold Coast's website" names an owner
            mention.venue = mention.locates = True
        elif seat.search(article.text[max(0, mention.start - 60) : mention.start]):
            mention.venue = True
            mention.flags.append("the seat of a diplomatic mission or post, not a party")
        elif body.search(article.text[max(0, mention.start - 60) : mention.start]):
            mention.venue = True
            mention.flags.append("the place of a chamber, university or bank, not a party")
        elif re.fullmatch(r"[^a-z]*", opening) and dateline_after.match(article.text, mention.end):
            mention.venue = True
            mention.flags.append("a dateline, not a party")
