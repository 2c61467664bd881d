"""``diplograph serve``: the SPARQL 1.1 Protocol over HTTP, checked with plain httpx and with
SPARQLWrapper (a client written by others), every result format parsed back."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.query import Result as RdflibResult
from server_runner import running_server
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from diplograph.build import build
from diplograph.project import Project
from diplograph.query import run
from diplograph.results import Result
from diplograph.server import Settings

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
REGIONS = """PREFIX diplo: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?region ?label WHERE { ?region a diplo:Region ; rdfs:label ?label }
ORDER BY ?region ?label"""
CONSTRUCT = """PREFIX diplo: <https://w3id.org/diplograph/ontology#>
CONSTRUCT { ?a diplo:locatedIn ?b } WHERE { ?a diplo:locatedIn ?b }"""
SETTINGS = Settings(timeout=20, row_limit=2000, body_limit=8192, workers=2)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, str]]:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("served"))
    build(project)
    with running_server(project, SETTINGS) as base:
        yield project, base


@pytest.fixture
def client(served: tuple[Project, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=served[1], timeout=30) as http:
        yield http


def wrapper(base: str, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(base + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def test_count_matches_the_build(served: tuple[Project, str], client: httpx.Client) -> None:
    project, _ = served
    data = client.get("/sparql", params={"query": COUNT}).json()
    quads = json.loads((project.build_dir / "dataset" / "manifest.json").read_text())["quads"]
    assert int(data["results"]["bindings"][0]["n"]["value"]) == quads


def test_results_equal_the_query_layer(served: tuple[Project, str], client: httpx.Client) -> None:
    project, _ = served
    over_http = Result.from_json(client.post("/sparql", data={"query": REGIONS}).json())
    embedded = run(text=REGIONS, project=project)
    assert over_http.variables == embedded.variables == ["region", "label"]
    assert over_http.bindings == embedded.bindings
    assert 10 < len(embedded.bindings) < SETTINGS.row_limit


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_select_formats_parse(
    served: tuple[Project, str], fmt: str, method: str
) -> None:
    project, base = served
    expected = run(text=REGIONS, project=project)
    answer = wrapper(base, REGIONS, fmt, method).query()
    body = answer.response.read()
    if fmt == JSON:
        rows = [
            (b["region"]["value"], b["label"]["value"])
            for b in json.loads(body)["results"]["bindings"]
        ]
    elif fmt == CSV:
        reader = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        assert reader[0] == ["region", "label"]
        rows = [tuple(r) for r in reader[1:]]
    else:  # XML and TSV are read by rdflib's parsers for those formats
        parsed = RdflibResult.parse(io.BytesIO(body), format="xml" if fmt == XML else "tsv")
        rows = [(str(r[0]), str(r[1])) for r in parsed]
    assert sorted(rows) == sorted((r[0].value, r[1].value) for r in expected.bindings)


def test_sparqlwrapper_ask_and_convert(served: tuple[Project, str]) -> None:
    _, base = served
    ask = wrapper(base, "ASK { ?s a <https://w3id.org/diplograph/ontology#Partnership> }", JSON)
    assert ask.query().convert() == {"head": {}, "boolean": True}
    converted = wrapper(base, REGIONS, JSON, "POST").query().convert()
    assert converted["head"]["vars"] == ["region", "label"]


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, XML, N3])
def test_sparqlwrapper_construct_formats_parse(served: tuple[Project, str], fmt: str) -> None:
    _, base = served
    reference = Graph()
    nt = httpx.get(
        base + "/sparql", params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"}
    )
    assert nt.headers["content-type"].startswith("application/n-triples")
    reference.parse(data=nt.text, format="nt")
    assert len(reference) > 5
    answer = wrapper(base, CONSTRUCT, fmt).query()
    converted = answer.convert()
    graph = converted if isinstance(converted, Graph) else None
    if graph is None:
        text = converted.decode("utf-8") if isinstance(converted, bytes) else converted
        graph = Graph().parse(data=text, format="turtle")
    assert isomorphic(graph, reference)


@pytest.mark.parametrize(
    ("accept", "media", "rdflib_format"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_describe_in_each_graph_format(
    client: httpx.Client, accept: str, media: str, rdflib_format: str
) -> None:
    query = "DESCRIBE <https://w3id.org/diplograph/id/region/batang>"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    graph = Graph().parse(data=response.text, format=rdflib_format)
    assert len(graph) > 5


def test_format_parameter_and_q_values(client: httpx.Client) -> None:
    by_param = client.get("/sparql", params={"query": COUNT, "format": "tsv"})
    assert by_param.headers["content-type"].startswith("text/tab-separated-values")
    weighted = client.get(
        "/sparql",
        params={"query": COUNT},
        headers={"Accept": "application/sparql-results+json;q=0.5, text/csv"},
    )
    assert weighted.headers["content-type"].startswith("text/csv")


def test_unacceptable_format_is_406(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


def test_direct_post_and_protocol_dataset(client: httpx.Client) -> None:
    reference = "https://w3id.org/diplograph/graph/reference"
    response = client.post(
        "/sparql",
        params={"default-graph-uri": reference},
        content=COUNT,
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 200
    only_reference = int(response.json()["results"]["bindings"][0]["n"]["value"])
    listing = client.get("/graphs").json()["graphs"]
    sizes = {g["graph"]: g["triples"] for g in listing}
    assert only_reference == sizes[reference]


def test_from_a_graph_of_the_dataset_is_allowed(client: httpx.Client) -> None:
    query = (
        "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/diplograph/graph/reference> "
        "WHERE { ?s ?p ?o }"
    )
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    sizes = {g["graph"]: g["triples"] for g in client.get("/graphs").json()["graphs"]}
    count = int(response.json()["results"]["bindings"][0]["n"]["value"])
    assert count == sizes["https://w3id.org/diplograph/graph/reference"]


def test_malformed_query_is_400_with_the_parser_message(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "error at 1:" in response.text
    sparql = wrapper(str(client.base_url), "SELECT ?x WHERE { ?x ?y }", JSON)
    with pytest.raises(QueryBadFormed, match="error at 1:"):
        sparql.query()


def test_row_limit_is_signalled(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 200
    assert response.headers["X-Result-Truncated"] == "true"
    assert response.headers["X-Result-Limit"] == str(SETTINGS.row_limit)
    assert "truncated" in response.headers["Warning"]
    assert len(response.json()["results"]["bindings"]) == SETTINGS.row_limit
    small = client.get("/sparql", params={"query": REGIONS})
    assert "X-Result-Truncated" not in small.headers


def test_graph_store_reads_a_graph(client: httpx.Client) -> None:
    reference = "https://w3id.org/diplograph/graph/reference"
    response = client.get(
        "/graph-store", params={"graph": reference}, headers={"Accept": "application/n-triples"}
    )
    assert response.status_code == 200
    assert (
        client.get("/graph-store", params={"graph": "http://example.org/none"}).status_code == 404
    )


def test_named_queries_listing_and_run(served: tuple[Project, str], client: httpx.Client) -> None:
    project, _ = served
    listing = client.get("/queries").json()["queries"]
    names = {q["name"] for q in listing}
    assert "partners" in names
    response = client.get("/queries/partners", params={"region": "batang"})
    assert response.status_code == 200
    over_http = Result.from_json(response.json())
    embedded = run("partners", params={"region": "batang"}, project=project)
    assert sorted(map(str, over_http.bindings)) == sorted(map(str, embedded.bindings))
    as_csv = client.get("/queries/partners", params={"region": "batang", "format": "csv"})
    assert as_csv.text.splitlines()[0].startswith("region,partner")


def test_named_query_errors(client: httpx.Client) -> None:
    unknown = client.get("/queries/no-such-query")
    assert unknown.status_code == 404
    assert "partners" in unknown.text
    bad = client.get("/queries/partners", params={"no_such_param": "x"})
    assert bad.status_code == 400
    assert "no_such_param" in bad.text


def test_query_page_is_offline_and_lists_the_named_queries(client: httpx.Client) -> None:
    response = client.get("/query")
    assert response.status_code == 200
    page = response.text
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    # Nothing is loaded from elsewhere: no outside script, style sheet, image or link.
    assert not re.findall(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert "Partners of a region" in page
    browser = client.get("/sparql", headers={"Accept": "text/html"})
    assert browser.status_code == 303 and browser.headers["location"] == "/query"


def test_service_description_without_a_query(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(str(o) == sd + "UnionDefaultGraph" for o in graph.objects())


def test_explorer_page(served: tuple[Project, str], client: httpx.Client) -> None:
    project, _ = served
    page = project.build_dir / "explorer.html"
    page.unlink(missing_ok=True)
    missing = client.get("/")
    assert missing.status_code == 404
    assert "diplograph explore" in missing.text
    page.write_text("<!DOCTYPE html><title>explorer</title><p>graph</p>", encoding="utf-8")
    try:
        shown = client.get("/")
        assert shown.status_code == 200
        assert "<p>graph</p>" in shown.text
        assert "default-src 'self'" in shown.headers["Content-Security-Policy"]
    finally:
        page.unlink()


def test_a_rebuild_is_served_without_restart(
    served: tuple[Project, str], client: httpx.Client
) -> None:
    project, _ = served
    before = client.get("/sparql", params={"query": COUNT}).json()
    build(project)  # swaps a new store in; the workers reopen it
    after = client.get("/sparql", params={"query": COUNT}).json()
    assert before == after


def test_docs_exist() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    text = (docs / "server.md").read_text(encoding="utf-8")
    assert "diplograph serve" in text and "curl" in text and "SPARQLWrapper" in text
