"""Dates as Indonesian and English news write them, resolved to ``YYYY[-MM[-DD]]``.

"Kamis (12/6/2025)" is day/month/year; "Jumat (18/10)" has no year and takes it from the
publication date, checked against the weekday; "Mei 2025", "24-26 November", "pada tahun 2023".
Each date is *planned* when the words before it say so ("ditargetkan", "akan", "menantikan")
or when it lies after the publication date, else *actual*.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

from diplograph.extract.model import Found
from diplograph.extract.rules import alternation, phrase_pattern, rules
from diplograph.extract.text import Article

PLANNED_LOOKBACK = 120


@dataclass(frozen=True)
class Published:
    """The publication date as given: its text and the most precise date it names."""

    value: str  # YYYY, YYYY-MM or YYYY-MM-DD

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.value) if len(self.value) == 10 else None


def _names(table: dict[int, list[str]]) -> dict[str, int]:
    return {str(name).lower(): int(number) for number, names in table.items() for name in names}


def _patterns() -> dict[str, re.Pattern[str]]:
    config = rules("dates")
    months = alternation([str(m) for names in config["months"].values() for m in names])
    days = alternation([str(d) for names in config["weekdays"].values() for d in names])
    weekday = rf"(?:(?P<weekday>{days})\s*,?\s*)?"
    until = rf"(?:\s*(?:{alternation(config['range_words'])})\s*(?P<until>\d{{1,2}}))?"
    return {
        "numeric": re.compile(
            rf"(?<![\w/]){weekday}(?P<open>\(\s*)?(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})"
            rf"(?:/(?P<year>\d{{4}}|\d{{2}}))?(?(open)\s*\))(?![\w/])",
            re.IGNORECASE,
        ),
        "day_month": re.compile(
            rf"(?<![\w]){weekday}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?{until}\s+(?:of\s+)?"
            rf"(?P<month>{months})\.?(?:,?\s+(?P<year>\d{{4}}))?(?![\w])",
            re.IGNORECASE,
        ),
        "month_day": re.compile(
            rf"(?<![\w]){weekday}(?P<open>\(\s*)?(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?![\d:]){until}(?:,?\s+(?P<year>\d{{4}}))?(?(open)\s*\))(?![\w])",
            re.IGNORECASE,
        ),
        "month_year": re.compile(
            rf"(?<![\w])(?P<month>{months})\.?\s+(?P<year>\d{{4}})(?![\w])", re.IGNORECASE
        ),
        "year": re.compile(
            rf"(?<![\w])(?:{alternation(config['year_markers'])})\s+(?P<year>(?:19|20)\d\d)(?![\w])(?!-an)",
            re.IGNORECASE,
        ),
        # a year in brackets after a name, alone or after one word ("Chengdu (2002)", "(LoI 2011)")
        "bracket_year": re.compile(r"(?<=\w\s)\((?:[A-Za-z]{2,12}\s+)?(?P<year>(?:19|20)\d\d)\)"),
    }


def parse_published(text: str) -> Published:
    """The ``--published`` option: ``2025``, ``2025-08``, ``2025-08-30`` or words dateparser
    reads ("30 Agustus 2025", "Sabtu, 30/8/2025"), day before month."""
    text = text.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        if len(text) == 10:
            dt.date.fromisoformat(text)
        return Published(text)
    parsed = dateparser.parse(
        text,
        languages=["id", "en"],
        settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False},
    )
    if parsed is None:
        raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD)")
    return Published(parsed.date().isoformat())


def find_dates(article: Article, language: str, published: Published | None) -> list[Found]:
    """Every date in the article, in text order, with its resolution and status."""
    config = rules("dates")
    months, weekdays = _names(config["months"]), _names(config["weekdays"])
    planned_words = phrase_pattern(config["planned_markers"].get(language, []))
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    years = _years_named(article) if published is None else set()
    last_year = re.compile(rf"\s*,?\s*(?:{alternation(config['last_year_after'])})(?![\w])", re.I)
    for name, pattern in _patterns().items():
        for match in pattern.finditer(article.text):
            start, end = match.span()
            if article.in_skipped(start) or any(a < end and start < b for a, b in taken):
                continue
            if name == "numeric" and not (match["weekday"] or match["open"] or match["year"]):
                continue
            if name == "month_day" and not (match["year"] or match["month"][0].isupper()):
                continue  # "may 5" is not a date; "May 5", "Feb 7" are
            item = _resolve(name, match.groupdict(), months, weekdays, published, years)
            if name == "numeric" and language == "en" and not match["year"]:
                item = _month_first(item, match, months, weekdays, published, years)
            if item is None:
                continue
            value, confidence, flags, extra = item
            written_year = match.groupdict().get("year")
            if value and published and not written_year and last_year.match(article.text, end):
                value = f"{published.year - 1:04d}{value[4:]}"  # "April 22 of last year"
                flags = [f"year {published.year - 1}: the year before the publication"]
            taken.append((start, end))
            evidence = article.evidence(start, end)
            status = _status(article, start, end, value, planned_words, published)
            extra["status"] = status
            if _is_dateline(article.text, start, end):
                extra["dateline"] = True
            found.append(Found("date", value, evidence, confidence, flags, extra))
    if published is not None:
        found += _relative_months(article, published, taken, months)
    if published is not None and published.date is not None:
        days = {str(k).lower(): int(v) for k, v in config["relative_days"].items()}
        for match in phrase_pattern(list(days)).finditer(article.text):
            if article.in_skipped(match.start()):
                continue
            value = published.date + dt.timedelta(days=days[match.group().lower()])
            flags = [f"relative to the publication date {published.value}"]
            found.append(
                Found(
                    "date",
                    value.isoformat(),
                    article.evidence(*match.span()),
                    0.7,
                    flags,
                    {"form": "relative", "status": "actual"},
                )
            )
    found.sort(key=lambda f: f.evidence.start)
    _years_of_sentences(article, found, planned_words, published)
    return found


def _relative_months(
    article: Article, published: Published, taken: list[tuple[int, int]], months: dict[str, int]
) -> list[Found]:
    """Months without a year that a word places against the publication date ("pada bulan
    November yang akan datang", "awal Agustus lalu", "next March")."""
    config = rules("dates")["month_relative"]
    names = f"(?i:{alternation(list(months))})"
    found = []
    for direction, words in config.items():
        pattern = re.compile(
            rf"(?<![\w])(?:(?i:{alternation(words['before'])})\s+(?P<a>{names})"
            rf"|(?P<b>{names})\s+(?i:{alternation(words['after'])}))(?![\w])"
        )
        for match in pattern.finditer(article.text):
            start, end = match.span()
            written = match["a"] or match["b"]
            if (
                not written[0].isupper()
                or article.in_skipped(start)
                or any(a < end and start < b for a, b in taken)
            ):
                continue  # "it may last": a verb, not May
            month = months[written.lower()]
            year = _year_of_month(month, direction, published)
            taken.append((start, end))
            flags = [f"year {year} from the publication date {published.value} ({direction})"]
            status = {"next": "planned", "last": "actual"}.get(direction) or (
                "planned" if f"{year:04d}-{month:02d}" > published.value[:7] else "actual"
            )
            found.append(
                Found(
                    "date",
                    f"{year:04d}-{month:02d}",
                    article.evidence(start, end),
                    0.7,
                    flags,
                    {"form": "relative-month", "status": status},
                )
            )
    return found


def _year_of_month(month: int, direction: str, published: Published) -> int:
    """The year of the next, last or this year's such month, seen from the publication."""
    if direction == "this" or len(published.value) < 7:
        return published.year
    now = int(published.value[5:7])
    if direction == "next":
        return published.year if month > now else published.year + 1
    return published.year if month <= now else published.year - 1


def _years_of_sentences(article, found, planned_words, published) -> None:  # type: ignore[no-untyped-def]
    """A day written without a year takes the year of the day a range ends with ("from July 17
    to July 24 2007") or else a year its sentence names before it ("In 1992, … signed a
    Memorandum of Understanding on September 29")."""
    years = [f for f in found if f.extra.get("form") == "year"]
    until = re.compile(rf"\s*(?:{alternation(rules('dates')['range_words'])})\s*")
    for date, following in zip(found, [*found[1:], None], strict=False):
        day_month = date.extra.get("day_month")
        if not day_month or date.extra.get("form") == "year":
            continue
        sentence = article.sentence_at(date.evidence.start)
        before = [
            y.value
            for y in years
            if sentence and sentence.start <= y.evidence.start < date.evidence.start
        ]
        gap = article.text[date.evidence.end : following.evidence.start] if following else ""
        if following and following.value and not following.flags and until.fullmatch(gap):
            before.append(following.value[:4])  # a written year ends the range
        if not before:
            continue
        year = before[-1]
        try:
            value = dt.date.fromisoformat(f"{year}{str(day_month)[1:]}").isoformat()
        except ValueError:
            continue
        date.value = value
        date.flags[:] = [f"year {year} from its sentence"]
        date.extra["status"] = _status(
            article, date.evidence.start, date.evidence.end, value, planned_words, published
        )


def _resolve(
    name: str,
    groups: dict[str, str | None],
    months: dict[str, int],
    weekdays: dict[str, int],
    published: Published | None,
    years: set[int] = frozenset(),  # type: ignore[assignment]
) -> tuple[str | None, float, list[str], dict[str, object]] | None:
    flags: list[str] = []
    extra: dict[str, object] = {"form": name}
    if name in ("year", "bracket_year"):
        return groups["year"], 0.7, flags, extra
    month_text = groups["month"]
    month = int(month_text) if month_text.isdigit() else months.get(month_text.lower().rstrip("."))
    if month is None or not 1 <= month <= 12:
        return None
    year_text = groups.get("year")
    year = None
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    if name == "month_year":
        return f"{year:04d}-{month:02d}", 0.9, flags, extra
    day = int(groups["day"])
    weekday = weekdays.get((groups.get("weekday") or "").lower())
    if groups.get("until"):
        extra["until_day"] = int(groups["until"])
    if year is None:
        if weekday is None:
            extra["day_month"] = f"--{month:02d}-{day:02d}"  # its sentence's year may date it
        year, confidence, note = _guess_year(day, month, weekday, published)
        if year is None and published is None and weekday is not None:
            year, confidence, note = _year_from_article(day, month, weekday, years, note)
        if note:
            flags.append(note)
        if year is None:
            extra["day_month"] = f"--{month:02d}-{day:02d}"
            return None if weekday is None and name == "numeric" else (None, 0.0, flags, extra)
    else:
        confidence = 0.95
    try:
        date = dt.date(year, month, day)
    except ValueError:
        flags.append(f"{day}/{month}/{year} is not a date")
        return None, 0.0, flags, extra
    if weekday is not None and date.isoweekday() != weekday:
        flags.append(f"the weekday written does not match {date.isoformat()}")
        confidence = min(confidence, 0.5)
    return date.isoformat(), confidence, flags, extra


def _month_first(item, match, months, weekdays, published, years):  # type: ignore[no-untyped-def]
    """English text may write a day without a year month first ("today (8/2)" for 2 August,
    "(2/13)"): read it so when the day-first reading is no date, or when the month-first one
    fits the weekday written or lies nearer the publication date. The choice is flagged."""
    groups = match.groupdict()
    day, month = int(groups["day"]), int(groups["month"])
    if day > 12 and month <= 12 and item is not None and item[0] is not None:
        return item  # "27/11": only day-first is a date

    swapped = {**groups, "day": groups["month"], "month": groups["day"]}
    other = _resolve("numeric", swapped, months, weekdays, published, years)
    if other is None or other[0] is None:
        return item
    if item is None or item[0] is None:
        better = True
    elif groups.get("weekday") and "weekday written" in " ".join(item[2]):
        better = "weekday written" not in " ".join(other[2])
    elif published is not None and published.date is not None:
        distance = [abs((dt.date.fromisoformat(v[0]) - published.date).days) for v in (item, other)]
        better = distance[1] < distance[0]
    else:
        better = False
    if not better:
        return item
    value, confidence, flags, extra = other
    flags = [*flags, f"read month first ({groups['day']}/{groups['month']} as month/day, English)"]
    return value, min(confidence, 0.7), flags, extra


def _guess_year(
    day: int, month: int, weekday: int | None, published: Published | None
) -> tuple[int | None, float, str]:
    if published is None:
        return None, 0.0, "no year given and no publication date to take it from (--published)"
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if weekday is not None:
        fitting = [d for d in candidates if d.isoweekday() == weekday]
        if len(fitting) == 1:
            return fitting[0].year, 0.9, f"year {fitting[0].year} from the weekday"
        if not fitting:
            return _close_before(candidates, published)
        candidates = fitting
    reference = published.date
    if reference is None:
        return published.year, 0.75, f"year {published.year} taken from the publication date"
    best = min(candidates, key=lambda d: (abs((d - reference).days), d > reference))
    return best.year, 0.8, f"year {best.year} taken from the publication date"


def _close_before(candidates: list[dt.date], published: Published) -> tuple[int | None, float, str]:
    """When the weekday written fits no year, the day in the month before the publication, if
    there is one ("Rabu (31/5)" published 1 June 2011: a Tuesday, a slip of the weekday)."""
    reference = published.date
    close = [d for d in candidates if reference and 0 <= (reference - d).days <= 31]
    if not close:
        return None, 0.0, "no year near the publication date fits the weekday written"
    note = f"year {close[0].year} from the publication date; the weekday written does not match"
    return close[0].year, 0.5, note


def _years_named(article: Article) -> set[int]:
    """The years an article writes anywhere ("Festival Remo & Yosakoi 2023")."""
    return {
        int(m.group())
        for m in re.finditer(r"(?<![\w/.,-])(?:19|20)\d\d(?![\w/.,-])", article.text)
        if not article.in_skipped(m.start())
    }


def _year_from_article(
    day: int, month: int, weekday: int, years: set[int], note: str
) -> tuple[int | None, float, str]:
    """Without a publication date, the one year the article names in which the day falls on
    the weekday written ("Minggu (16/7)" and "2023" elsewhere: 16 July 2023 was a Sunday)."""
    fitting = []
    for year in sorted(years):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                fitting.append(year)
        except ValueError:
            continue
    if len(fitting) != 1:
        return None, 0.0, note
    return fitting[0], 0.6, f"year {fitting[0]} from a year the article names, fits the weekday"


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A bracketed date after a place in capitals, before ":" or a dash ("SIBU (Feb 18):",
    "GENERAL SANTOS CITY (MindaNews / 17 Feb) –")."""
    after = alternation(rules("dates")["dateline_after"])
    line_start = text.rfind("\n", 0, start) + 1
    opening = text.rfind("(", line_start, start + 1)
    closing = text.find(")", end - 1)
    if opening < 0 or ")" in text[opening:start] or closing < 0 or "\n" in text[end:closing]:
        return False
    return (
        re.search(
            r"(?:^|\s)[A-Z][A-Z'’\-]{2,}(?:\s+[A-Z][A-Z'’\-]+)*\s*$", text[line_start:opening]
        )
        is not None
        and re.match(rf"\)?\s*(?:{after})", text[closing:]) is not None
    )


def _status(
    article: Article,
    start: int,
    end: int,
    value: str | None,
    planned_words: re.Pattern[str],
    published: Published | None,
) -> str:
    past = alternation(rules("dates")["past_markers"])
    if re.match(rf"\s+(?:{past})(?![\w])", article.text[end:], re.IGNORECASE):
        return "actual"
    if (
        value
        and published is not None
        and value[: len(published.value)] < published.value[: len(value)]
    ):
        return "actual"  # before the publication: "… will sign a re-affirmation of the agreement
        # originally signed on 21 August 1990"
    sentence = article.sentence_at(start)
    low = max(sentence.start if sentence else 0, start - PLANNED_LOOKBACK)
    if planned_words.search(article.text, low, start):
        return "planned"
    if value and published is not None and published.value < value[: len(published.value)]:
        return "planned"
    return "actual"


def dateline(article: Article, dates: list[Found]) -> Found | None:
    """A full date standing alone on a line ("Jum'at, 27 November 2015 - 21:15 WIB")."""
    for found in dates:
        sentence = article.sentence_at(found.evidence.start)
        if sentence is None or found.value is None or len(found.value) != 10:
            continue
        rest = sentence.text.replace(found.evidence.text, "")
        if not re.search(r"[a-z]{4,}", re.sub(r"\b(?:WIB|WITA|WIT|GMT|UTC)\b", "", rest)):
            return found
    return None


_ADDRESS_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?P<month>0?[1-9]|1[0-2])(?:/(?P<day>0?[1-9]|[12]\d|3[01]))?(?=/)"
    r"|[/\-_](?P<compact>(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?=[/\-_.])"
)


def address_date(url: str | None) -> Published | None:
    """The date a news page's address holds ("…/read/2016/11/04/…", "…/2023/09/…",
    "…-20240426-…"), as precise as it is written."""
    match = _ADDRESS_DATE.search(url or "")
    if match is None:
        return None
    if match["compact"]:
        digits = match["compact"]
        year, month, day = digits[:4], digits[4:6], digits[6:]
    else:
        year, month, day = match["year"], match["month"], match["day"]
    try:
        if day:
            return Published(dt.date(int(year), int(month), int(day)).isoformat())
    except ValueError:
        return None
    return Published(f"{year}-{int(month):02d}")
