"""What ``diplograph serve`` must never do: write, fetch, hang, or cut results silently."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
import urllib.error
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_runner import Listener, running_server
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from diplograph.build import build
from diplograph.server import Settings

TIMEOUT = 2.0
SETTINGS = Settings(timeout=TIMEOUT, row_limit=100, body_limit=4096, workers=1)
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("safety"))
    build(project)
    with running_server(project, SETTINGS) as url:
        yield url


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}",
        "PREFIX r: <{url}/> SELECT * {{ ?x ?y ?z OPTIONAL {{ SERVICE r:q {{ ?s ?p ?o }} }} }}",
        "ASK {{ FILTER EXISTS {{ SERVICE <{url}/a> {{ ?s ?p ?o }} }} }}",
        "SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}/b> {{ ?s ?p ?o }} }} }} }}",
        "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/c> {{ ?s ?p ?o }} }}",
        "SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
        "SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    ],
)
def test_service_and_from_never_reach_a_listener(
    base: str, listener: Listener, template: str
) -> None:
    query = template.format(url=listener.url)
    response = httpx.post(base + "/sparql", data={"query": query}, timeout=30)
    assert response.status_code == 403, response.text
    assert "never" in response.text
    time.sleep(0.3)
    assert listener.received == []


def test_protocol_graph_outside_the_dataset_is_refused(base: str, listener: Listener) -> None:
    response = httpx.get(
        base + "/sparql",
        params={"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": listener.url + "/g"},
    )
    assert response.status_code == 403
    assert listener.received == []


def test_service_inside_a_string_or_comment_is_not_a_service(base: str) -> None:
    query = 'SELECT ?x WHERE { BIND("SERVICE <http://example.org/>" AS ?x) } # SERVICE'
    response = httpx.get(base + "/sparql", params={"query": query})
    assert response.status_code == 200
    assert "SERVICE" in response.json()["results"]["bindings"][0]["x"]["value"]


def test_escaped_keyword_is_a_syntax_error(base: str, listener: Listener) -> None:
    query = f"SELECT * WHERE {{ \\u0053ERVICE <{listener.url}/e> {{ ?s ?p ?o }} }}"
    response = httpx.get(base + "/sparql", params={"query": query})
    assert response.status_code == 400
    assert listener.received == []


def test_worker_network_isolation_stops_the_engine_itself(listener: Listener) -> None:
    """Below the query checks: an isolated worker process cannot connect even if the engine
    evaluates SERVICE (here called directly, with no checks in the way)."""
    script = textwrap.dedent(
        f"""
        import pyoxigraph, sys
        from diplograph.server.worker import isolate_network
        if not isolate_network():
            sys.exit(3)
        try:
            query = "SELECT * WHERE {{ SERVICE <{listener.url}/x> {{ ?s ?p ?o }} }}"
            list(pyoxigraph.Store().query(query))
        except Exception as exc:
            print(type(exc).__name__, exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    if done.returncode == 3:
        pytest.skip("this system does not allow unprivileged network namespaces")
    assert done.returncode == 0, done.stderr
    time.sleep(0.3)
    assert listener.received == []


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("POST", {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}),
        (
            "POST",
            {
                "content": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                "headers": {"Content-Type": "application/sparql-update"},
            },
        ),
        ("GET", {"params": {"update": "CLEAR ALL"}}),
        ("GET", {"params": {"query": "DROP ALL"}}),
    ],
)
def test_updates_are_403(base: str, method: str, kwargs: dict) -> None:
    response = httpx.request(method, base + "/sparql", **kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
def test_graph_store_writes_are_403(base: str, method: str) -> None:
    response = httpx.request(
        method,
        base + "/graph-store",
        params={"graph": "https://w3id.org/diplograph/graph/reference"},
        content=b"<urn:a> <urn:b> <urn:c> .",
        headers={"Content-Type": "application/n-triples"},
    )
    assert response.status_code == 403


def test_sparqlwrapper_update_is_refused(base: str) -> None:
    sparql = SPARQLWrapper(base + "/sparql")
    sparql.setMethod(POST)
    sparql.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403
    count = SPARQLWrapper(base + "/sparql", returnFormat=JSON)
    count.setQuery("ASK { <urn:a> <urn:b> <urn:c> }")
    assert count.query().convert()["boolean"] is False


def test_slow_query_times_out_with_503_and_the_server_recovers(base: str) -> None:
    started = time.monotonic()
    response = httpx.get(base + "/sparql", params={"query": SLOW}, timeout=60)
    assert response.status_code == 503
    assert "time limit" in response.text and f"{TIMEOUT:g} s" in response.text
    assert time.monotonic() - started < 30  # stopped, not run to the end (hours)
    after = httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    assert after.status_code == 200 and after.json()["boolean"] is True


def test_body_limit_is_413(base: str) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5000
    response = httpx.post(
        base + "/sparql", content=big, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    form = httpx.post(base + "/sparql", data={"query": big})
    assert form.status_code == 413


def test_unsupported_content_type_is_415(base: str) -> None:
    response = httpx.post(
        base + "/sparql", content=b"{}", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 415


def test_foreign_host_header_is_refused(base: str) -> None:
    response = httpx.get(
        base + "/sparql", params={"query": "ASK {}"}, headers={"Host": "attacker.example"}
    )
    assert response.status_code == 400


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cli_serve_runs_and_stops_cleanly(tmp_path: Path) -> None:
    """The installed command, as a user runs it: listens on loopback, answers, and leaves no
    worker process behind when interrupted."""
    from conftest import copy_project
    from server_runner import free_port

    project = copy_project(tmp_path / "project")
    build(project)
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("diplograph")),
        "serve",
        "--project",
        str(project.root),
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                response = httpx.get(
                    f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s ?p ?o }"}
                )
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("diplograph serve did not start")
                time.sleep(0.2)
        assert response.json()["boolean"] is True
        children = _children(process.pid)
        assert children, "the query worker should be a child process"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    for child in children:
        assert not Path(f"/proc/{child}").exists() or _is_zombie(child)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(t) for t in text]
    return found


def _is_zombie(pid: int) -> bool:
    try:
        return " Z " in Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
