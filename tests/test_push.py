"""``diplograph push``: retries, credentials and count checks against a scripted server, and
the real thing against Virtuoso (marked ``virtuoso``)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner
from virtuoso_server import PASSWORD, Virtuoso, available

from diplograph.cli import app
from diplograph.project import Project
from diplograph.push import (
    ChallengeAuth,
    PushError,
    Target,
    partial_result_warnings,
    push,
    read_graphs,
)
from diplograph.queries_catalog import catalogue
from diplograph.query import run
from diplograph.sparql_text import settle_guards

SECRET = "pa55-word-not-for-logs"


class FakeServer:
    """A Graph Store + query endpoint in memory, failing the first ``failures`` requests."""

    def __init__(self, failures: int = 0, lose: int = 0) -> None:
        self.failures = failures
        self.lose = lose  # triples the server "loses" from each graph
        self.graphs: dict[str, int] = {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.failures:
            self.failures -= 1
            raise httpx.ConnectError("connection refused", request=request)
        if "authorization" not in request.headers:
            return httpx.Response(401, headers={"WWW-Authenticate": 'Basic realm="x"'})
        if request.method in ("PUT", "POST") and request.url.path == "/store":
            graph = request.url.params["graph"]
            lines = [line for line in request.content.decode().splitlines() if line.strip()]
            before = 0 if request.method == "PUT" else self.graphs.get(graph, 0)
            self.graphs[graph] = before + len(lines)
            return httpx.Response(201)
        if request.url.path == "/sparql":
            query = httpx.QueryParams(request.content.decode())["query"]
            graph = query.split("GRAPH <", 1)[1].split(">", 1)[0]
            count = self.graphs.get(graph, 0) - self.lose
            n = {"type": "literal", "value": str(count)}
            return httpx.Response(
                200, json={"head": {"vars": ["n"]}, "results": {"bindings": [{"n": n}]}}
            )
        return httpx.Response(404)


def fake_push(project: Project, server: FakeServer, **kwargs: object) -> list:
    target = Target("http://fake/sparql", "http://fake/store", None, "alice", SECRET)
    auth = ChallengeAuth("alice", SECRET)
    client = httpx.Client(transport=httpx.MockTransport(server), auth=auth)
    return push(project, target, client=client, backoff=0.01, **kwargs)  # type: ignore[arg-type]


def test_push_replaces_each_graph_and_checks_counts(seed_build, caplog) -> None:  # type: ignore[no-untyped-def]
    project, _ = seed_build
    server = FakeServer(failures=2)
    with caplog.at_level(logging.DEBUG):
        pushed = fake_push(project, server, batch_size=300)
    local = read_graphs([project.build_dir / "dataset" / "dataset.nq"])
    assert {p.graph: p.triples for p in pushed} == {g: len(t) for g, t in local.items()}
    assert all(p.on_server == p.triples for p in pushed)
    assert server.graphs == {g: len(t) for g, t in local.items()}
    methods = [r.method for r in server.requests if r.url.path == "/store"]
    assert "POST" in methods  # graphs larger than a batch are sent in several requests
    assert any("retrying" in m for m in caplog.messages)  # the two refused connections
    assert SECRET not in caplog.text


def test_count_mismatch_fails(seed_build) -> None:  # type: ignore[no-untyped-def]
    project, _ = seed_build
    with pytest.raises(PushError, match="holds"):
        fake_push(project, FakeServer(lose=1))


def test_connection_errors_give_up_after_the_retries(seed_build) -> None:  # type: ignore[no-untyped-def]
    project, _ = seed_build
    with pytest.raises(PushError, match="cannot reach"):
        fake_push(project, FakeServer(failures=100), retries=2)


def test_credentials_are_never_in_urls_or_reprs() -> None:
    with pytest.raises(PushError, match="credentials"):
        Target("http://bob:secret@host/sparql")
    target = Target("http://host/sparql", user="bob", password=SECRET)
    assert SECRET not in repr(target)


def test_cli_takes_the_password_from_the_environment_only(seed_build) -> None:  # type: ignore[no-untyped-def]
    project, _ = seed_build
    runner = CliRunner()
    missing = runner.invoke(
        app,
        [
            "push", "--endpoint", "http://127.0.0.1:9/sparql", "--user", "u",
            "--project", str(project.root),
        ],
    )  # fmt: skip
    assert missing.exit_code == 2
    assert "--password-env" in missing.output
    unset = runner.invoke(
        app,
        [
            "push", "--endpoint", "http://127.0.0.1:9/sparql", "--user", "u",
            "--password-env", "DIPLOGRAPH_TEST_UNSET_VAR", "--project", str(project.root),
        ],
    )  # fmt: skip
    assert unset.exit_code == 2
    assert "DIPLOGRAPH_TEST_UNSET_VAR" in unset.output
    assert "--password" not in [p.name for p in _push_params()]


def _push_params() -> list:
    import typer.main

    command = typer.main.get_command(app).commands["push"]  # type: ignore[attr-defined]
    return [p for p in command.params if "--password" in p.opts]


def test_partial_result_headers_are_detected() -> None:
    response = httpx.Response(
        200, headers={"X-SQL-State": "S1TAT", "X-SQL-Message": "timeout", "X-SPARQL-MaxRows": "5"}
    )
    warnings = partial_result_warnings(response)
    assert len(warnings) == 2 and "S1TAT" in warnings[0] and "5 rows" in warnings[1]
    assert partial_result_warnings(httpx.Response(200)) == []


# -- against a real Virtuoso ------------------------------------------------------------------

MAX_ROWS = 1000


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    if not available():
        pytest.skip("virtuoso-t is not installed (Debian package virtuoso-opensource)")
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"), max_rows=MAX_ROWS)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def pushed(virtuoso: Virtuoso, seed_build) -> Project:  # type: ignore[no-untyped-def]
    project, _ = seed_build
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "push", "--endpoint", virtuoso.sparql, "--graph-store", virtuoso.graph_store,
            "--user", "dba", "--password-env", "DIPLOGRAPH_TEST_PASSWORD",
            "--project", str(project.root),
        ],
        env={"DIPLOGRAPH_TEST_PASSWORD": PASSWORD},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "all counts match" in result.output
    assert PASSWORD not in result.output
    return project


def _named_queries() -> list[str]:
    return sorted(catalogue(Path(__file__).resolve().parents[1] / "queries"))


def _comparable(result) -> tuple:  # type: ignore[no-untyped-def]
    """The rows as sorted text, each " | " list sorted: SPARQL leaves GROUP_CONCAT's order to
    the engine."""

    def cell(term) -> str:  # type: ignore[no-untyped-def]
        if term is not None and " | " in term.value:
            return str(term._replace(value=" | ".join(sorted(term.value.split(" | ")))))
        return str(term)

    rows = sorted(str(tuple(cell(t) for t in row)) for row in result.bindings)
    return (result.variables, rows, result.boolean)


def _guarded_queries() -> list[str]:
    """The named queries that come in forms with and without a parameter."""
    queries = catalogue(Path(__file__).resolve().parents[1] / "queries")
    return sorted(n for n, q in queries.items() if settle_guards(q.text, set()) != q.text)


@pytest.mark.virtuoso
@pytest.mark.parametrize(
    ("name", "with_example"),
    [(n, True) for n in _named_queries()] + [(n, False) for n in _guarded_queries()],
)
def test_named_queries_answer_the_same_after_push(
    pushed: Project, virtuoso: Virtuoso, name: str, with_example: bool
) -> None:
    named = catalogue(pushed.queries_dir)[name]
    params = named.example if with_example else {}  # without: the form for the whole graph
    embedded = run(name, params=params, project=pushed)
    remote = run(name, params=params, project=pushed, endpoint=virtuoso.sparql)
    assert _comparable(remote) == _comparable(embedded)


@pytest.mark.virtuoso
def test_push_by_sparql_update_replaces_graphs(pushed: Project, virtuoso: Virtuoso) -> None:
    target = Target(virtuoso.sparql, update_endpoint=virtuoso.update, user="dba", password=PASSWORD)
    first = push(pushed, target, batch_size=500)
    again = push(pushed, target, batch_size=500)  # replaces, does not add
    assert [g.on_server for g in first] == [g.on_server for g in again]
    assert all(g.on_server == g.triples for g in again)


@pytest.mark.virtuoso
def test_anonymous_writes_are_refused_by_virtuoso(pushed: Project, virtuoso: Virtuoso) -> None:
    target = Target(virtuoso.sparql, graph_store=virtuoso.graph_store)
    with pytest.raises(PushError, match="401"):
        push(pushed, target)


@pytest.mark.virtuoso
def test_virtuoso_row_cap_is_detected(pushed: Project, virtuoso: Virtuoso) -> None:
    response = httpx.post(
        virtuoso.sparql,
        data={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS
    warnings = partial_result_warnings(response)
    assert warnings, dict(response.headers)
