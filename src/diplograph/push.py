"""``diplograph push``: load the built dataset into a SPARQL 1.1 server, graph by graph.

Each named graph of the build replaces the graph of the same name on the server, either with
the Graph Store Protocol (``PUT`` of the first batch, ``POST`` of the others) or, without a
graph store URL, with SPARQL Update (``DROP SILENT GRAPH`` then ``INSERT DATA`` batches).
Connection errors and 502/503/504 answers are retried with exponential backoff. When a graph
is loaded, its triples are counted on the server and compared with the build.

The password comes from an environment variable and is handed to httpx only: it is never
printed, logged or put in a URL. Servers that ask for Digest authentication (Virtuoso) and
those that ask for Basic (Fuseki, GraphDB) are both answered, whichever the server challenges.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from diplograph.build import NQUADS, dataset_dir
from diplograph.project import Project
from diplograph.results import Result

log = logging.getLogger("diplograph.push")

RETRIED_STATUS = {502, 503, 504}
RETRIED_ERRORS = (httpx.TransportError,)
Progress = Callable[[str, int, int], None]  # graph, triples sent so far, triples in the graph


class PushError(RuntimeError):
    """The push failed; the message says which graph and why."""


@dataclass(frozen=True)
class Target:
    """Where to push: ``endpoint`` answers queries (the count check); ``graph_store`` takes
    Graph Store Protocol writes; without it, ``update_endpoint`` (default: ``endpoint``)
    takes SPARQL Update."""

    endpoint: str
    graph_store: str | None = None
    update_endpoint: str | None = None
    user: str | None = None
    password: str | None = None

    def __post_init__(self) -> None:
        for url in (self.endpoint, self.graph_store, self.update_endpoint):
            if url is None:
                continue
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise PushError(f"{url!r} is not an http(s) URL")
            if parts.username or parts.password:
                raise PushError("do not put credentials in the URL: give --user and --password-env")
        if (self.user is None) != (self.password is None):
            raise PushError("give both a user and a password (from --password-env), or neither")

    def __repr__(self) -> str:  # never shows the password
        return (
            f"Target(endpoint={self.endpoint!r}, graph_store={self.graph_store!r}, "
            f"update_endpoint={self.update_endpoint!r}, user={self.user!r})"
        )


@dataclass(frozen=True)
class PushedGraph:
    graph: str
    triples: int
    on_server: int
    requests: int
    seconds: float


class ChallengeAuth(httpx.Auth):
    """Answer the server's challenge with Digest or Basic authentication, as it asks."""

    def __init__(self, user: str, password: str) -> None:
        self._digest = httpx.DigestAuth(user, password)
        self._basic = httpx.BasicAuth(user, password)
        self._scheme: str | None = None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._scheme == "basic":
            yield from self._basic.auth_flow(request)
            return
        if self._scheme == "digest":
            yield from self._digest.auth_flow(request)
            return
        response = yield request
        if response.status_code != 401:
            return
        challenge = response.headers.get("www-authenticate", "").strip().lower()
        if challenge.startswith("digest"):
            self._scheme = "digest"
            yield from self._digest.auth_flow(request)
        elif challenge.startswith("basic"):
            self._scheme = "basic"
            yield from self._basic.auth_flow(request)


def dataset_files(project: Project) -> list[Path]:
    """The N-Quads files of the build: ``dataset.nq`` and any other ``*.nq`` beside it (such
    as an inferred graph)."""
    folder = dataset_dir(project)
    main = folder / NQUADS
    if not main.is_file():
        raise PushError(f"no built dataset at {main}: run `diplograph build` first")
    return [main, *sorted(p for p in folder.glob("*.nq") if p.name != NQUADS)]


def read_graphs(files: Iterable[Path]) -> dict[str | None, list[ox.Triple]]:
    """The triples of each graph (``None`` for the default graph), sorted and de-duplicated."""
    graphs: dict[str | None, set[ox.Triple]] = defaultdict(set)
    for path in files:
        try:
            for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
                name = quad.graph_name
                key = name.value if isinstance(name, ox.NamedNode) else None
                graphs[key].add(quad.triple)
        except SyntaxError as exc:
            raise PushError(f"{path}: {exc}") from None
    return {g: sorted(triples, key=str) for g, triples in sorted(graphs.items(), key=_graph_key)}


def _graph_key(item: tuple[str | None, object]) -> str:
    return item[0] or ""


def _has_blank_nodes(triples: list[ox.Triple]) -> bool:
    return any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples
    )


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


class Pusher:
    """One push: an HTTP client with retries, and the graphs to send."""

    def __init__(
        self,
        target: Target,
        batch_size: int = 10_000,
        retries: int = 4,
        backoff: float = 0.5,
        timeout: float = 120.0,
        client: httpx.Client | None = None,
    ) -> None:
        if batch_size < 1:
            raise PushError("the batch size must be at least 1")
        self.target = target
        self.batch_size = batch_size
        self.retries = max(0, retries)
        self.backoff = backoff
        auth = (
            ChallengeAuth(target.user, target.password) if target.user and target.password else None
        )
        self.client = client or httpx.Client(timeout=timeout, auth=auth)
        self.requests = 0

    def _send(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        """``method url`` with retries on connection errors and 502/503/504."""
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                response = self.client.request(method, url, **kwargs)  # type: ignore[arg-type]
            except RETRIED_ERRORS as exc:
                if attempt == self.retries:
                    raise PushError(f"cannot reach {url}: {exc}") from None
                reason = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code not in RETRIED_STATUS or attempt == self.retries:
                    return self._checked(response, method, url)
                reason = f"HTTP {response.status_code}"
            delay = self.backoff * 2**attempt
            log.warning("%s %s failed (%s); retrying in %.1f s", method, url, reason, delay)
            time.sleep(delay)
        raise AssertionError("unreachable")

    @staticmethod
    def _checked(response: httpx.Response, method: str, url: str) -> httpx.Response:
        if response.status_code == 401:
            raise PushError(
                f"{method} {url}: HTTP 401, the server wants credentials (--user and "
                "--password-env) or refused the ones given"
            )
        if response.status_code >= 400:
            first = (response.text.strip().splitlines() or [""])[0][:300]
            raise PushError(f"{method} {url}: HTTP {response.status_code} {first}".rstrip())
        return response

    # -- writing ----------------------------------------------------------------------------

    def _batches(self, triples: list[ox.Triple]) -> list[list[ox.Triple]]:
        if _has_blank_nodes(triples):
            # Blank nodes are local to one request: a graph that has them goes in one piece.
            return [triples]
        size = self.batch_size
        return [triples[i : i + size] for i in range(0, len(triples), size)] or [[]]

    def _graph_store(self, graph: str | None, triples: list[ox.Triple], progress: Progress) -> None:
        url = self.target.graph_store
        assert url is not None
        params = {"graph": graph} if graph else {"default": ""}
        headers = {"Content-Type": "application/n-triples"}
        sent = 0
        for number, batch in enumerate(self._batches(triples)):
            method = "PUT" if number == 0 else "POST"
            self._send(method, url, params=params, content=_ntriples(batch), headers=headers)
            sent += len(batch)
            progress(graph or "(default graph)", sent, len(triples))

    def _update(self, graph: str | None, triples: list[ox.Triple], progress: Progress) -> None:
        url = self.target.update_endpoint or self.target.endpoint
        name = str(ox.NamedNode(graph)) if graph else "DEFAULT"
        sent = 0
        for number, batch in enumerate(self._batches(triples)):
            operations = [f"DROP SILENT GRAPH {name}"] if number == 0 else []
            if batch:
                body = _ntriples(batch).decode("utf-8")
                data = f"GRAPH {name} {{\n{body}}}" if graph else body
                if _has_blank_nodes(batch):
                    # INSERT DATA may hold blank nodes in SPARQL 1.1, but Virtuoso refuses
                    # them there ("not allowed in a constant clause"); a template does not.
                    operations.append(f"INSERT {{\n{data}}}\nWHERE {{}}")
                else:
                    operations.append(f"INSERT DATA {{\n{data}}}")
            self._send("POST", url, data={"update": " ;\n".join(operations)})
            sent += len(batch)
            progress(graph or "(default graph)", sent, len(triples))

    # -- checking ---------------------------------------------------------------------------

    def count(self, graph: str | None) -> int:
        """The number of triples of ``graph`` on the server."""
        pattern = f"GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"
        response = self._send(
            "POST",
            self.target.endpoint,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
        )
        for warning in partial_result_warnings(response):
            log.warning("%s", warning)
        try:
            result = Result.from_json(response.json())
            return int(result.bindings[0][0].value)  # type: ignore[union-attr]
        except (ValueError, IndexError, AttributeError, TypeError) as exc:
            raise PushError(
                f"cannot read the triple count from {self.target.endpoint}: {exc}"
            ) from None

    def push_graph(
        self, graph: str | None, triples: list[ox.Triple], progress: Progress
    ) -> PushedGraph:
        started, before = time.perf_counter(), self.requests
        if self.target.graph_store:
            self._graph_store(graph, triples, progress)
        else:
            self._update(graph, triples, progress)
        on_server = self.count(graph)
        if on_server != len(triples):
            raise PushError(
                f"graph <{graph}>: the server holds {on_server} triples after the push, "
                f"the build has {len(triples)}"
            )
        return PushedGraph(
            graph or "",
            len(triples),
            on_server,
            self.requests - before,
            time.perf_counter() - started,
        )


def partial_result_warnings(response: httpx.Response) -> list[str]:
    """What a server says, in headers only, about cutting its answer short (Virtuoso sends
    ``X-SQL-State``, ``X-SQL-Message`` and ``X-SPARQL-MaxRows``)."""
    warnings = []
    state = response.headers.get("x-sql-state")
    if state:
        message = response.headers.get("x-sql-message", "")
        warnings.append(
            f"the server reports a partial result (SQL state {state}) {message}".strip()
        )
    max_rows = response.headers.get("x-sparql-maxrows")
    if max_rows:
        warnings.append(f"the server cut the result at its row limit of {max_rows} rows")
    return warnings


def push(
    project: Project,
    target: Target,
    *,
    files: list[Path] | None = None,
    batch_size: int = 10_000,
    retries: int = 4,
    backoff: float = 0.5,
    progress: Progress = lambda _graph, _done, _total: None,
    client: httpx.Client | None = None,
) -> list[PushedGraph]:
    """Push the build (``files``, default: ``dataset_files(project)``) to ``target``."""
    graphs = read_graphs(files or dataset_files(project))
    pusher = Pusher(target, batch_size, retries, backoff, client=client)
    try:
        return [pusher.push_graph(g, triples, progress) for g, triples in graphs.items()]
    finally:
        if client is None:
            pusher.client.close()
