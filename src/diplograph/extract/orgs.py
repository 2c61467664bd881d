"""Firms ("PT …", "perusahaan … asal Zhijiang, Allmed Medical", "melalui anak perusahaannya"),
programmes ("program Two Countries Twin Parks (TCTP)") and counted instruments ("empat nota
kesepahaman")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diplograph.extract.model import Evidence, Found
from diplograph.extract.regions import Region
from diplograph.extract.rules import alternation, phrase_pattern, rules
from diplograph.extract.text import Article
from diplograph.imports.names import fold

CAP = r"(?:[A-Z][\w&'’\-]*|[A-Z]{2,})"
FIRM_NAME = rf"{CAP}(?:\s+{CAP}){{0,5}}"


@dataclass
class Firm:
    name: str
    evidence: Evidence
    confidence: float
    sector: str | None = None
    headquartered_in: str | None = None
    subsidiary_of: str | None = None
    relations: list[Evidence] = field(default_factory=list)


def find_firms(article: Article, regions: list[Region]) -> list[Firm]:
    config = rules("orgs")
    firms: dict[str, Firm] = {}
    text = article.text
    prefix = alternation(config["firm_prefixes"])

    def firm(name: str, start: int, confidence: float) -> Firm:
        key = fold(name)
        if key not in firms:
            firms[key] = Firm(name, article.evidence(start, start + len(name)), confidence)
        return firms[key]

    for match in re.finditer(rf"(?<![\w])(?:{prefix})\s+{FIRM_NAME}", text):
        if not article.in_skipped(match.start()):
            firm(match.group(), match.start(), 0.85)
    words = alternation(config["firm_words"])
    pattern = re.compile(
        rf"(?<![\w])(?:{words})\s+(?P<sector>[a-z][a-z ]{{2,40}}?)\s+(?:asal|dari|from)\s+"
        rf"(?P<place>{CAP}(?:\s+{CAP})?),\s+(?P<name>{FIRM_NAME})"
    )
    for match in pattern.finditer(text):
        found = firm(match["name"], match.start("name"), 0.8)
        found.sector = match["sector"].strip()
        place = fold(match["place"])
        for region in regions:
            if any(fold(m.name) == place for m in region.mentions):
                found.headquartered_in = region.id
        found.relations.append(article.evidence(match.start(), match.end()))
    subsidiary = alternation(config["subsidiary_words"])
    parent_first = re.compile(
        rf"(?P<parent>{FIRM_NAME}),?\s+melalui\s+(?:{subsidiary})\s+(?P<child>(?:{prefix})?\s*{FIRM_NAME})"
    )
    child_first = re.compile(
        rf"(?P<child>{FIRM_NAME})\s+(?:sebagai\s+)?(?:salah\s+satu\s+)?(?:{subsidiary})"
        rf"\s+(?:of\s+)?(?P<parent>(?:{prefix})?\s*{FIRM_NAME})"
    )
    for pattern in (parent_first, child_first):
        for match in pattern.finditer(text):
            parent = firm(match["parent"], match.start("parent"), 0.75)
            child = firm(match["child"].strip(), match.start("child"), 0.8)
            child.subsidiary_of = fold(parent.name)
            child.relations.append(article.evidence(match.start(), match.end()))
    return sorted(firms.values(), key=lambda f: f.evidence.start)


@dataclass
class Programme:
    name: str
    acronym: str
    kind: str  # "programme" or "economic-partnership-agreement"
    evidence: Evidence


def find_programmes(article: Article) -> list[Programme]:
    config = rules("orgs")
    skip = set(config["not_programmes"])
    found: dict[str, Programme] = {}
    words = alternation(config["programme_words"])
    forms = (
        (
            "programme",
            rf"(?<![\w])(?:{words})\s+(?P<name>{CAP}(?:\s+{CAP}){{0,6}})\s*\((?P<acr>[A-Z][A-Za-z]{{1,8}})\)",
        ),
        (
            "economic-partnership-agreement",
            r"(?P<name>(?:Perjanjian Kemitraan Ekonomi|Economic Partnership Agreement)"
            r"[^()\n]{0,40}?)"
            r"\s*\((?P<acr>[A-Z]{2,8})\)",
        ),
    )
    for kind, pattern in forms:
        for match in re.finditer(pattern, article.text):
            if match["acr"] in skip or match["acr"] in found:
                continue
            found[match["acr"]] = Programme(
                match["name"].strip(),
                match["acr"],
                kind,
                article.evidence(match.start("name"), match.end()),
            )
    return sorted(found.values(), key=lambda p: p.evidence.start)


def counted_instruments(quantities: list[Found]) -> list[tuple[str, Found]]:
    """Counts of instruments ("empat nota kesepahaman") with the kind of agreement they count."""
    kinds = rules("stages")["instruments"]
    result = []
    for quantity in quantities:
        if quantity.kind != "count":
            continue
        noun = quantity.evidence.text
        for kind, words in kinds.items():
            if phrase_pattern(words).search(noun):
                result.append((kind, quantity))
                break
    return result
