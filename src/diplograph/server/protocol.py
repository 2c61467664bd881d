"""The SPARQL 1.1 Protocol at ``/sparql`` and a read-only Graph Store at ``/graph-store``.

Queries come as ``GET ?query=…``, as a form (``POST``, ``application/x-www-form-urlencoded``)
or as the body of a ``POST`` with ``Content-Type: application/sparql-query``. Updates, in any
of their forms, and every Graph Store write answer 403: the endpoint is read-only.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from diplograph.server.engine import RDF_FORMATS, Job, media_type
from diplograph.server.guard import Refused, inspect
from diplograph.server.negotiate import GRAPH_FORMATS, RESULT_FORMATS, NotAcceptable, choose
from diplograph.server.respond import error, run_job, settings

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update and Graph Store writes are not allowed"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to be larger than ``limit``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(413, f"the request body is larger than the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"the request body is larger than the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "the request body is not UTF-8 text") from None


def _one(values: list[str], name: str) -> str | None:
    if len(values) > 1:
        raise Refused(400, f"give the {name} parameter once, not {len(values)} times")
    return values[0] if values else None


async def _read_request(request: Request) -> tuple[str | None, list[tuple[str, str]]]:
    """The query text (``None`` if there is none) and the protocol parameters."""
    params = list(request.query_params.multi_items())
    if request.method == "GET":
        if any(k == "update" for k, _ in params):
            raise Refused(403, READ_ONLY)
        return _one([v for k, v in params if k == "query"], "query"), params
    body = await read_body(request, settings(request).body_limit)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == SPARQL_UPDATE:
        raise Refused(403, READ_ONLY)
    if media == FORM:
        form = parse_qsl(_text(body), keep_blank_values=True)
        if any(k == "update" for k, _ in form):
            raise Refused(403, READ_ONLY)
        params += form
        return _one([v for k, v in params if k == "query"], "query"), params
    if media == SPARQL_QUERY:
        return _text(body), params
    raise Refused(
        415,
        f"unsupported Content-Type {media or '(none)'!r}: send {SPARQL_QUERY} or a form ({FORM})",
    )


def _format(formats: tuple, request: Request, requested: list[str]) -> str | None:
    try:
        return choose(formats, request.headers.get("accept"), requested).name
    except NotAcceptable:
        return None


def negotiated(
    request: Request, params: list[tuple[str, str]], form: str
) -> tuple[str | None, str | None]:
    """The results and graph formats for a query of ``form``; 406 if its kind has none."""
    requested = [v for k, v in params if k == "format"]
    results = _format(RESULT_FORMATS, request, requested)
    graph = _format(GRAPH_FORMATS, request, requested)
    wanted, formats = (
        (graph, GRAPH_FORMATS) if form in ("CONSTRUCT", "DESCRIBE") else (results, RESULT_FORMATS)
    )
    if wanted is None:
        try:
            choose(formats, request.headers.get("accept"), requested)
        except NotAcceptable as exc:
            raise Refused(406, str(exc)) from None
    return results, graph


async def sparql(request: Request) -> Response:
    """``/sparql``: the SPARQL 1.1 Protocol, read-only."""
    try:
        text, params = await _read_request(request)
        if text is None:
            return _no_query(request)
        form = inspect(text).form
        results, graph = negotiated(request, params, form)
    except Refused as exc:
        return error(exc.status, exc.message)
    job = Job(
        "sparql",
        text,
        results_format=results,
        graph_format=graph,
        default_graphs=tuple(v for k, v in params if k == "default-graph-uri"),
        named_graphs=tuple(v for k, v in params if k == "named-graph-uri"),
        row_limit=settings(request).row_limit,
    )
    return await run_job(request, job)


def _no_query(request: Request) -> Response:
    """A browser is sent to the query page; a client gets the service description."""
    accept = request.headers.get("accept", "")
    if request.method == "GET" and "text/html" in accept:
        return RedirectResponse("/query", status_code=303)
    if request.method != "GET":
        return error(400, "no query: give it as the query parameter or the request body")
    return service_description(request)


def service_description(request: Request) -> Response:
    """What the endpoint offers, in the SPARQL 1.1 Service Description vocabulary."""
    endpoint = ox.NamedNode(str(request.url.replace(query="")))
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD + name)

    triples = [
        ox.Triple(endpoint, kind, sd("Service")),
        ox.Triple(endpoint, sd("endpoint"), endpoint),
        ox.Triple(endpoint, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(endpoint, sd("feature"), sd("UnionDefaultGraph")),
    ]
    for name in (
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "JSON-LD",
        "RDF_XML",
    ):
        triples.append(ox.Triple(endpoint, sd("resultFormat"), ox.NamedNode(FORMATS_NS + name)))
    try:
        fmt = choose(GRAPH_FORMATS, request.headers.get("accept"))
    except NotAcceptable as exc:
        return error(406, str(exc))
    body = ox.serialize(triples, format=RDF_FORMATS[fmt.name], prefixes={"sd": SD}) or b""
    return Response(body, media_type=media_type(fmt.name))


async def graph_store(request: Request) -> Response:
    """``/graph-store?graph=IRI`` or ``?default``: read a graph (the Graph Store Protocol's
    indirect identification); writes answer 403."""
    if request.method not in ("GET", "HEAD"):
        return error(403, READ_ONLY)
    params = request.query_params
    iri = params.get("graph")
    if iri is None and "default" not in params:
        return error(400, "name the graph: ?graph=IRI, or ?default for the union of all graphs")
    try:
        fmt = choose(GRAPH_FORMATS, request.headers.get("accept"), params.getlist("format")).name
    except NotAcceptable as exc:
        return error(406, str(exc))
    job = Job(
        "graph",
        iri or "",
        results_format=None,
        graph_format=fmt,
        row_limit=settings(request).row_limit,
    )
    return await run_job(request, job)


async def graphs(request: Request) -> Response:
    """``/graphs``: the named graphs of the dataset and their sizes (JSON)."""
    return await run_job(request, Job("graphs", ""))
