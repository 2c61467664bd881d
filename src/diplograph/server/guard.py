"""What the endpoint refuses before a query reaches the engine: updates and ``SERVICE``.

Oxigraph (the embedded engine) evaluates ``SERVICE <url>`` by sending the query to that URL,
and pyoxigraph has no switch to turn this off; ``FROM <url>`` does not fetch anything there
(it only selects graphs of the store). So the endpoint looks at the query's structure:

1. The query text is split into tokens by ``diplograph.sparql_text`` (which skips comments,
   strings and IRIs). ``SERVICE`` as a keyword cannot be hidden from it: the word is only ever
   the keyword in SPARQL, it may not be escaped (``\\u0053ERVICE`` is a syntax error for
   Oxigraph) and it must be followed by a ``{`` group, which no IRI or string can swallow.
   Any ``SERVICE`` keyword, whatever follows it, makes the query refused.
2. If the query has ``FROM``/``FROM NAMED``, rdflib's SPARQL parser reads the dataset clause
   (in the worker process, under the query timeout: it takes a quarter of a second on a
   60-line query, so it is not run on queries that have no ``FROM``) and every IRI must name a
   graph of this dataset.
3. The worker processes that run queries are, where the system allows it, put in a network
   namespace of their own with no interfaces but loopback of their own, so even a query that
   got through could not reach another host or a listener on this machine's loopback.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyparsing import ParseResults

from diplograph.sparql_text import QueryTextError, query_form, tokens


class Refused(Exception):
    """The request is refused; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Inspection:
    """What the endpoint needs to know about a query before running it."""

    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    has_from: bool


def inspect(text: str) -> Inspection:
    """The form of ``text``; raises ``Refused`` (403) for updates and ``SERVICE``, (400) for
    text that is not a query."""
    try:
        found = tokens(text)
        form = query_form(text)
    except QueryTextError as exc:
        message = str(exc)
        if message.startswith("updates are not allowed"):
            raise Refused(403, "SPARQL Update is not allowed: this endpoint is read-only") from None
        raise Refused(400, f"malformed query: {message}") from None
    words = {t.text.upper() for t in found if t.kind == "word" and ":" not in t.text}
    if "SERVICE" in words:
        raise Refused(
            403,
            "SERVICE is not allowed: this endpoint never sends requests to other servers",
        )
    return Inspection(form, "FROM" in words)


def dataset_clause(text: str) -> tuple[list[str], list[str]] | None:
    """The IRIs of ``FROM`` and ``FROM NAMED`` read by rdflib's parser, prefixes expanded;
    ``None`` when rdflib cannot parse the query (the engine's parser then has the last word)."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = translateQuery(parseQuery(text)).algebra
    except Exception:  # pyparsing and the algebra raise many types; the engine will report
        return None
    default: list[str] = []
    named: list[str] = []
    # CompValue.get returns the key itself for a missing key: test membership instead.
    clauses = algebra["datasetClause"] if "datasetClause" in algebra else []  # noqa: SIM401
    if not isinstance(clauses, list | ParseResults):
        clauses = [clauses]
    for clause in clauses:
        if isinstance(clause, CompValue):
            if "default" in clause:
                default.append(str(clause["default"]))
            if "named" in clause:
                named.append(str(clause["named"]))
    return default, named
