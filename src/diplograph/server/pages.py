"""The routes for people: the explorer at ``/``, the query page, and the named queries.

``/queries`` lists the named queries of ``queries/*.rq`` with their parameters (JSON);
``/queries/NAME?param=value`` runs one with its parameters bound by the query layer, never
spliced into the query text, and answers in the negotiated format like ``/sparql``.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from diplograph.project import Project
from diplograph.queries_catalog import QueryHeaderError, catalogue
from diplograph.server import query_page
from diplograph.server.engine import Job
from diplograph.server.guard import Refused
from diplograph.server.protocol import negotiated
from diplograph.server.respond import error, run_job, settings
from diplograph.sparql_text import QueryTextError, query_form

EXPLORER_FILE = "explorer.html"
# The explorer page is one self-contained file with inline scripts and styles: it may run them
# and load its own data: images, but not reach any other host.
EXPLORER_CSP = (
    "default-src 'self' 'unsafe-inline' data: blob:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'"
)
RESERVED = {"format"}


def _project(request: Request) -> Project:
    return request.app.state.project


def explorer_file(project: Project) -> Path:
    """Where ``diplograph explore`` writes the explorer page."""
    return project.build_dir / EXPLORER_FILE


async def explorer(request: Request) -> Response:
    """``/``: the explorer page of the last ``diplograph explore`` run, read anew each time."""
    path = explorer_file(_project(request))
    try:
        page = path.read_bytes()
    except FileNotFoundError:
        return HTMLResponse(
            "<!DOCTYPE html><html lang='en'><meta charset='utf-8'><title>diplograph</title>"
            "<p>There is no explorer page yet: run <code>diplograph explore</code>, then reload."
            " Meanwhile the <a href='query'>query page</a> and the SPARQL endpoint at "
            "<code>/sparql</code> work.</p></html>",
            404,
        )
    return Response(
        page,
        media_type="text/html; charset=utf-8",
        headers={"Content-Security-Policy": EXPLORER_CSP},
    )


async def query_form_page(request: Request) -> Response:
    """``/query``: the offline query page."""
    try:
        queries = catalogue(_project(request).queries_dir)
    except (QueryHeaderError, OSError) as exc:
        return error(500, f"cannot read the named queries: {exc}")
    nonce = query_page.new_nonce()
    return HTMLResponse(
        query_page.render(queries, nonce),
        headers={"Content-Security-Policy": query_page.csp(nonce)},
    )


async def list_queries(request: Request) -> Response:
    """``/queries``: the named queries, their parameters and example values."""
    try:
        queries = catalogue(_project(request).queries_dir)
    except (QueryHeaderError, OSError) as exc:
        return error(500, f"cannot read the named queries: {exc}")
    listing = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "description": p.description,
                    "default": p.default,
                    "required": p.required,
                }
                for p in q.params
            ],
            "example": q.example,
            "url": f"/queries/{q.name}",
            "text": q.text,
        }
        for q in queries.values()
    ]
    return JSONResponse({"queries": listing})


async def run_named(request: Request) -> Response:
    """``/queries/NAME?param=value&format=…``: run a named query."""
    name = request.path_params["name"]
    queries_dir = _project(request).queries_dir
    try:
        queries = catalogue(queries_dir)
    except (QueryHeaderError, OSError) as exc:
        return error(500, f"cannot read the named queries: {exc}")
    if name not in queries:
        known = ", ".join(queries) or "none"
        return error(404, f"unknown query {name!r}; the named queries are: {known}")
    items = list(request.query_params.multi_items())
    params = [(k, v) for k, v in items if k not in RESERVED]
    names = [k for k, _ in params]
    if len(set(names)) != len(names):
        return error(400, "give each parameter once")
    try:
        form = query_form(queries[name].text)
        results, graph = negotiated(request, items, form)
    except QueryTextError as exc:
        return error(500, f"the named query {name!r} cannot run: {exc}")
    except Refused as exc:
        return error(exc.status, exc.message)
    job = Job(
        "named",
        name,
        params=tuple(params),
        results_format=results,
        graph_format=graph,
        row_limit=settings(request).row_limit,
    )
    return await run_job(request, job)
