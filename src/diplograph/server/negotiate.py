"""Content negotiation: which result format a client asked for.

A SPARQL client says what it wants in the ``Accept`` header (with ``q`` weights and
wildcards) or, as many endpoints allow, with a ``format`` parameter (``json``, ``xml``, ``csv``,
``tsv``, ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``). Solutions (SELECT, ASK) and graphs
(CONSTRUCT, DESCRIBE) have separate lists of formats; the first of each list is the default.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    aliases: tuple[str, ...] = ()  # other media types
    names: tuple[str, ...] = ()  # other names for the format parameter

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml")),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values"),
)
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle"), ("ttl", "n3")),
    Format("ntriples", "application/n-triples", ("text/plain",), ("nt",)),
    Format("jsonld", "application/ld+json", ("application/json",), ("json-ld", "json")),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), ("rdf", "xml")),
)


class NotAcceptable(ValueError):
    """No format of the list satisfies the request; the message lists what there is."""


def parse_accept(header: str) -> list[tuple[str, float]]:
    """``Accept`` as (media range, weight) pairs, best first; malformed weights count as 1."""
    ranges: list[tuple[str, float, int]] = []
    for position, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if not media:
            continue
        weight = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = max(0.0, min(1.0, float(value)))
                except ValueError:
                    weight = 1.0
        ranges.append((media, weight, position))
    # Higher weight first; at equal weight, the more specific range, then header order.
    ranges.sort(key=lambda r: (-r[1], r[0].count("*"), r[2]))
    return [(media, weight) for media, weight, _ in ranges]


def _matches(media_range: str, media_type: str) -> bool:
    if media_range in ("*/*", "*"):
        return True
    major, _, minor = media_range.partition("/")
    if minor == "*":
        return media_type.startswith(major + "/")
    return media_range == media_type


def by_name(formats: tuple[Format, ...], requested: str) -> Format | None:
    wanted = requested.strip().lower()
    for fmt in formats:
        if wanted == fmt.name or wanted in fmt.names or wanted in fmt.media_types:
            return fmt
    return None


def choose(
    formats: tuple[Format, ...], accept: str | None, requested: list[str] | str | None = None
) -> Format:
    """The format to answer in: the first of ``requested`` (format names or media types)
    that is on the list, else the best of ``accept`` (no header, or only wildcards, gives the
    first format of the list).

    Several ``requested`` values are allowed because clients repeat themselves: SPARQLWrapper
    sends ``format=tsv&format=text/tab-separated-values``.
    """
    if isinstance(requested, str):
        requested = [requested]
    if requested:
        for value in requested:
            found = by_name(formats, value)
            if found is not None:
                return found
        names = ", ".join(f.name for f in formats)
        raise NotAcceptable(
            f"format {', '.join(requested)!r} is not available here; choose one of: {names}"
        )
    if not accept or not accept.strip():
        return formats[0]
    ranges = parse_accept(accept)
    refused = {m for m, w in ranges if w <= 0}
    for media_range, weight in ranges:
        if weight <= 0:
            continue
        for fmt in formats:
            if fmt.media_type in refused:
                continue
            # A wildcard picks a format by its own media type, not by an alias.
            candidates = fmt.media_types if "*" not in media_range else (fmt.media_type,)
            if any(_matches(media_range, m) for m in candidates):
                return fmt
    offered = ", ".join(f.media_type for f in formats)
    raise NotAcceptable(
        f"cannot answer in any of the accepted types ({accept}); offered: {offered}"
    )
