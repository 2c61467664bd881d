"""Money, areas and counts: "USD 100 juta", "Rp1,6–1,7 triliun", "24,8 hektare", "3.500 tenaga
kerja", "empat nota kesepahaman".

Indonesian writes a decimal comma and a thousands dot ("1,6", "3.500"); English the reverse.
A range gives ``min`` and ``max``; "sekitar" makes a value approximate and "lebih dari" a lower
bound (``more_than``).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from diplograph.extract.model import Found
from diplograph.extract.rules import alternation, phrase_pattern, rules
from diplograph.extract.text import Article

NUMBER = r"\d+(?:[.,]\d+)*"


def parse_number(text: str, language: str) -> Decimal | None:
    """``"1,6"`` → 1.6 and ``"3.500"`` → 3500 in Indonesian; ``"3,500"`` → 3500 in English.

    >>> parse_number("3.500", "id"), parse_number("24,8", "id"), parse_number("1.6", "en")
    (Decimal('3500'), Decimal('24.8'), Decimal('1.6'))
    """
    decimal_mark, group_mark = (",", ".") if language == "id" else (".", ",")
    parts = text.split(decimal_mark)
    if len(parts) > 2:
        return None
    whole = parts[0]
    groups = whole.split(group_mark)
    if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
        # "1.6" in an Indonesian text is most likely a decimal written the English way.
        if len(groups) == 2 and len(parts) == 1:
            whole, parts = groups[0], [groups[0], groups[1]]
        else:
            return None
    digits = "".join(whole.split(group_mark))
    if len(parts) == 2:
        digits += "." + parts[1]
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


class _Patterns:
    def __init__(self) -> None:
        config = rules("numbers")
        self.config = config
        self.scales = {k.lower(): Decimal(v) for k, v in config["scales"].items()}
        self.currencies = {k.lower(): v for k, v in config["currencies"].items()}
        self.units = {k.lower(): v for k, v in config["units"].items()}
        self.words = {str(k).lower(): v for k, v in config["number_words"].items()}
        scale = alternation(list(config["scales"]))
        currency = alternation(list(config["currencies"]))
        unit = alternation(list(config["units"]))
        amount = rf"(?P<low>{NUMBER})(?:\s*[-–]\s*(?P<high>{NUMBER}))?\s*(?P<scale>{scale})?"
        lead = rf"(?:(?P<lead>{alternation(config['approximate'] + config['more_than'])})\s+)?"
        self.money_before = re.compile(
            rf"(?<![\w]){lead}(?P<currency>{currency})\s?{amount}(?![\w])", re.IGNORECASE
        )
        self.money_after = re.compile(
            rf"(?<![\w]){lead}{amount}\s+(?P<currency>{currency})(?![\w])", re.IGNORECASE
        )
        self.area = re.compile(
            rf"(?<![\w]){lead}(?P<low>{NUMBER})(?:\s*[-–]\s*(?P<high>{NUMBER}))?\s*(?P<unit>{unit})(?![\w])",
            re.IGNORECASE,
        )
        word = alternation([str(w) for w, v in config["number_words"].items() if v])
        self.count = re.compile(
            rf"(?<![\w.,/]){lead}(?P<number>{NUMBER}|{word})\s+"
            r"(?-i:(?P<noun>[a-z][\w-]*(?:[ ][a-z][\w-]*)?))",
            re.IGNORECASE,
        )
        self.jobs = phrase_pattern(config["jobs"])
        self.not_counts = {w.lower() for w in config["not_counts"]}
        self.more_than = {w.lower() for w in config["more_than"]}
        self.noun_stop = {w.lower() for w in config["noun_stop"]}


def find_quantities(
    article: Article, language: str, dates: list[tuple[int, int]] = ()
) -> list[Found]:
    """Money, areas and counts, each with its evidence; ``dates`` are spans to leave alone."""
    p = _Patterns()
    found: list[Found] = []
    taken: list[tuple[int, int]] = list(dates)

    def free(start: int, end: int) -> bool:
        return not article.in_skipped(start) and not any(a < end and start < b for a, b in taken)

    for pattern in (p.money_before, p.money_after):
        for match in pattern.finditer(article.text):
            if not free(*match.span()):
                continue
            value = _amount(match, p, language)
            if value is None:
                continue
            value["currency"] = p.currencies[re.sub(r"\s+", " ", match["currency"].lower())]
            taken.append(match.span())
            found.append(_found(article, "money", value, match))
    for match in p.area.finditer(article.text):
        if not free(*match.span()):
            continue
        value = _amount(match, p, language)
        if value is None:
            continue
        value["unit"] = p.units[re.sub(r"\s+", " ", match["unit"].lower())]
        taken.append(match.span())
        kind = "area" if "square" in value["unit"] or value["unit"] == "hectare" else "distance"
        found.append(_found(article, kind, value, match))
    for match in p.count.finditer(article.text):
        if not free(*match.span()) or _is_date_part(article.text, match):
            continue
        words = match["noun"].split()
        if words[0] in p.not_counts or words[0] in p.scales or words[0] in p.noun_stop:
            continue
        noun = " ".join(words if len(words) == 1 or words[1] not in p.noun_stop else words[:1])
        raw = match["number"].lower()
        if re.fullmatch(r"(?:19|20)\d\d", raw):
            continue
        number = parse_number(raw, language) if raw[0].isdigit() else p.words.get(raw)
        if number is None:
            continue
        value: dict[str, object] = {"unit": noun}
        key = "more_than" if (match["lead"] or "").lower() in p.more_than else "value"
        value[key] = _plain(Decimal(number))
        if match["lead"] and key == "value":
            value["approximate"] = True
        kind = "jobs" if p.jobs.match(article.text, match.start("noun")) else "count"
        end = match.start("noun") + len(noun)
        taken.append((match.start(), end))
        found.append(_found(article, kind, value, match, end))
    found.sort(key=lambda f: f.evidence.start)
    return found


def _is_date_part(text: str, match: re.Match[str]) -> bool:
    before = text[max(0, match.start() - 1) : match.start()]
    return before in "/-" and before != ""


def _amount(match: re.Match[str], p: _Patterns, language: str) -> dict[str, object] | None:
    low = parse_number(match["low"], language)
    high = parse_number(match["high"], language) if match["high"] else None
    if low is None or (match["high"] and high is None):
        return None
    scale = p.scales.get((match.groupdict().get("scale") or "").lower(), Decimal(1))
    value: dict[str, object] = {}
    if high is not None:
        value["min"], value["max"] = _plain(low * scale), _plain(high * scale)
    else:
        key = "more_than" if (match["lead"] or "").lower() in p.more_than else "value"
        value[key] = _plain(low * scale)
    if match["lead"] and (match["lead"].lower() not in p.more_than or high is not None):
        value["approximate"] = True
    return value


def _found(
    article: Article,
    kind: str,
    value: dict[str, object],
    match: re.Match[str],
    end: int | None = None,
) -> Found:
    evidence = article.evidence(match.start(), match.end() if end is None else end)
    return Found(kind, value, evidence, 0.7 if kind == "count" else 0.9)
