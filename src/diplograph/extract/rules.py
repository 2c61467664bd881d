"""The extractor's rules and vocabularies, read from the YAML files in ``extract/rules``."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def rules(name: str) -> dict[str, Any]:
    """The rules file ``rules/NAME.yaml`` as a mapping (read once, never modified)."""
    text = resources.files("diplograph.extract").joinpath(f"rules/{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"rules/{name}.yaml must be a mapping")
    return data


@cache
def titles_before_place() -> tuple[dict[str, Any], ...]:
    """The English titles written after their place ("Jakarta Governor", "the mayor of X"),
    which also follow a name they are the post of ("Yang Luyu, the mayor of Jinan")."""
    return tuple(t for t in rules("posts")["titles"] if t.get("place") == "before")


@cache
def kind_words() -> tuple[str, ...]:
    """The wordings of every kind of partnership ("sister city", "kota kembar", …)."""
    return tuple(w for words in rules("partnerships")["kinds"].values() for w in words)


@cache
def headline_verbs() -> frozenset[str]:
    """Verbs as headlines write them ("Sepakat", "Tingkatkan"): a place name ends before one."""
    return frozenset(rules("places")["headline_verbs"])


@cache
def name_first_words() -> frozenset[str]:
    """First words of a place name that never stand alone ("Port Blair", "General Santos")."""
    return frozenset(rules("places")["name_first_words"])


@cache
def never_places() -> frozenset[str]:
    """Words never part of a place name: the never-places and the headlines' verbs."""
    return frozenset(rules("places")["never_places"]) | headline_verbs()


@cache
def never_names() -> frozenset[str]:
    """Words never read as a name: the places' stopwords and never-places, and the weekdays
    and months capitalised as they stand at the start of a name."""
    places, calendar = rules("places"), rules("dates")
    calendar_words = {
        str(word).capitalize()
        for table in ("weekdays", "months")
        for names in calendar[table].values()
        for word in names
    }
    return frozenset(places["stopwords"]) | never_places() | calendar_words


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace and
    hyphens also hyphens broken at a line end ("sister- province")."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"-[ \t]?") for w in ordered)


def phrase_pattern(
    words: list[str] | tuple[str, ...], flags: int = re.IGNORECASE, suffixes: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """A pattern that finds any of the phrases as whole words, optionally with a suffix."""
    suffix = f"(?:{alternation(suffixes)})?" if suffixes else ""
    return re.compile(rf"(?<![\w])(?:{alternation(words)}){suffix}(?![\w])", flags)
