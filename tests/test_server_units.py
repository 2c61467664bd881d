"""The server's parts on their own: negotiation, result writers, query checks, the page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rdflib.query import Result as RdflibResult

from diplograph.queries_catalog import NamedQuery
from diplograph.results import XSD, Result, Term
from diplograph.server import query_page
from diplograph.server.guard import Refused, dataset_clause, inspect
from diplograph.server.negotiate import GRAPH_FORMATS, RESULT_FORMATS, NotAcceptable, choose
from diplograph.server.serialize import write_results

TRICKY = Result(
    ["s", "text", "n"],
    [
        (
            Term("uri", "https://w3id.org/diplograph/id/region/batang"),
            Term("literal", 'tab\there "quoted" <b>&amp;</b>\nline', None, "id"),
            Term("literal", "24.8", XSD + "decimal"),
        ),
        (Term("bnode", "b0"), None, Term("literal", "3500", XSD + "integer")),
    ],
)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("*/*", "json"),
        ("text/csv", "csv"),
        ("application/sparql-results+json;q=0.1, application/sparql-results+xml", "xml"),
        ("text/*", "csv"),
        ("application/json", "json"),
        ("text/tab-separated-values;q=0.9, text/csv;q=0", "tsv"),
    ],
)
def test_choose_results_format(accept: str | None, expected: str) -> None:
    assert choose(RESULT_FORMATS, accept).name == expected


def test_format_parameter_wins_and_tolerates_repeats() -> None:
    assert choose(GRAPH_FORMATS, "text/turtle", ["xml", "application/rdf+xml"]).name == "rdfxml"
    assert choose(RESULT_FORMATS, None, ["tsv", "text/tab-separated-values"]).name == "tsv"
    with pytest.raises(NotAcceptable):
        choose(RESULT_FORMATS, None, "turtle")
    with pytest.raises(NotAcceptable):
        choose(GRAPH_FORMATS, "image/png")


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_result_writers_round_trip_through_rdflib(fmt: str) -> None:
    body = write_results(TRICKY, fmt)
    if fmt == "json":
        assert Result.from_json(json.loads(body)) == TRICKY
        return
    parsed = list(RdflibResult.parse(io.BytesIO(body), format=fmt))
    assert len(parsed) == 2
    first = [str(v) for v in parsed[0]]
    assert first[0] == "https://w3id.org/diplograph/id/region/batang"
    assert first[1] == 'tab\there "quoted" <b>&amp;</b>\nline'
    if fmt in ("xml", "tsv"):  # these keep datatypes and languages
        assert parsed[0][1].language == "id"
        assert str(parsed[1][2].datatype) == XSD + "integer"


def test_boolean_results() -> None:
    for fmt in ("json", "xml", "csv", "tsv"):
        assert b"true" in write_results(Result(boolean=True), fmt)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", 403),
        ("PREFIX x: <urn:x> DELETE WHERE { ?s ?p ?o }", 403),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", 403),
        ("select * where { optional { service ?x { ?s ?p ?o } } }", 403),
        ("SELECT * WHERE { ?s ?p ?o", 400),
        ("hello", 400),
    ],
)
def test_inspect_refuses(query: str, status: int) -> None:
    with pytest.raises(Refused) as caught:
        inspect(query)
    assert caught.value.status == status


def test_inspect_accepts_the_word_in_strings_iris_and_names() -> None:
    query = (
        "PREFIX ex: <http://example.org/SERVICE/> SELECT ?service WHERE { "
        '?service ex:SERVICE "SERVICE" } # SERVICE'
    )
    assert inspect(query).form == "SELECT"
    assert not inspect(query).has_from


def test_dataset_clause_expands_prefixes() -> None:
    query = (
        "PREFIX g: <https://w3id.org/diplograph/graph/> "
        "SELECT * FROM g:reference FROM NAMED <urn:n> { ?s ?p ?o }"
    )
    assert dataset_clause(query) == (
        ["https://w3id.org/diplograph/graph/reference"],
        ["urn:n"],
    )
    assert dataset_clause("SELECT * WHERE { ?s ?p ?o }") == ([], [])


def test_query_page_escapes_project_text() -> None:
    evil = NamedQuery(
        name="x",
        path=Path("x.rq"),
        text='SELECT * { ?s ?p "</script><script>alert(1)</script>" }',
        title="<img src=x onerror=alert(1)>",
    )
    page = query_page.render({"x": evil}, "NONCE")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "</script><script>alert(1)" not in page
    assert page.count("<script") == 2 and 'nonce="NONCE"' in page
    assert "'nonce-NONCE'" in query_page.csp("NONCE")
