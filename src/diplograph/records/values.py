"""Parsing the scalar values records are written with: dates, numbers, ids, quotes."""

from __future__ import annotations

import calendar
import re
from decimal import Decimal, InvalidOperation

from rdflib import XSD, URIRef

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
WIKIDATA_PATTERN = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: object) -> tuple[str, URIRef]:
    """``2025``, ``"2025-06"`` or ``"2025-06-12"`` → lexical form and XSD datatype.

    >>> parse_date("2025-06-12")[1] == XSD.date
    True
    >>> parse_date(2025)
    ('2025', rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYear'))
    """
    text = str(value).strip()
    match = _DATE.match(text)
    if not match or isinstance(value, bool):
        raise ValueError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r} is not a date: month {month} does not exist")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{value!r} is not a date: {year}-{month:02d} has {last} days")
        return text, XSD.date
    return (text, XSD.gYearMonth) if month is not None else (text, XSD.gYear)


def parse_decimal(value: object) -> Decimal:
    """A number written in YAML (``24.8``, ``1.6e12``, ``"1600000000000"``).

    Numbers in records use the international form: Indonesian "24,8" is written 24.8.
    """
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    try:
        number = Decimal(str(value).replace("_", ""))
    except InvalidOperation:
        raise ValueError(
            f"{value!r} is not a number (write 24.8, 3500 or 1.6e12; no thousands separators)"
        ) from None
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


def parse_integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a whole number")
    return value


def parse_boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{value!r} is not true or false")
    return value


def decimal_lexical(number: Decimal) -> str:
    """A canonical xsd:decimal lexical form: no exponent, no trailing zeros."""
    text = format(number.normalize(), "f")
    return text if "." in text else text + ".0"


_SPACE = re.compile(r"\s+")
_TYPOGRAPHIC = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")


def normalise_text(text: str) -> str:
    """Whitespace collapsed and typographic quotes and dashes made plain, for quote matching."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC)).strip()


def quote_found(quote: str, normalised_source: str) -> bool:
    """True when every part of ``quote`` (split at ``…``) occurs in the source, in order."""
    position = 0
    for part in ELLIPSIS.split(normalise_text(quote)):
        if not part:
            continue
        found = normalised_source.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
