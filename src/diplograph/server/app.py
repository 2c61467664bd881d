"""The web application: routes, middleware, and the query workers' lifetime.

``create_app(project, settings)`` gives a Starlette application; ``serve(...)`` runs it with
uvicorn. Bound to 127.0.0.1 unless told otherwise; on a loopback address the ``Host`` header
must name loopback too, so a web page on another site cannot reach the endpoint through a
DNS name it controls (DNS rebinding).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Route

from diplograph.build import STORE, dataset_dir
from diplograph.project import Project
from diplograph.server import pages, protocol
from diplograph.server.respond import Settings
from diplograph.server.worker import Pool

log = logging.getLogger("diplograph.server")

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
WRITE_METHODS = ["PUT", "POST", "DELETE", "PATCH"]


class NotBuilt(FileNotFoundError):
    """There is no store to serve."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(
    project: Project, settings: Settings | None = None, host: str = "127.0.0.1"
) -> Starlette:
    """The application serving ``project``'s last build; workers start with the app."""
    store = dataset_dir(project) / STORE
    if not store.is_dir():
        raise NotBuilt(f"no built store at {store}: run `diplograph build` first")
    settings = settings or Settings()
    pool = Pool(project, settings.workers, settings.isolate)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await asyncio.to_thread(pool.start)
        log.info(
            "%d query workers ready (network isolation: %s)",
            pool.size,
            "on" if pool.isolated else "off",
        )
        try:
            yield
        finally:
            await asyncio.to_thread(pool.close)

    middleware = []
    if is_loopback(host):
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_HOSTS))
    if settings.cors:
        middleware.append(
            Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"])
        )
    routes = [
        Route("/", pages.explorer, methods=["GET", "HEAD"]),
        Route("/query", pages.query_form_page, methods=["GET", "HEAD"]),
        Route("/queries", pages.list_queries, methods=["GET", "HEAD"]),
        Route("/queries/{name}", pages.run_named, methods=["GET", "HEAD"]),
        Route("/sparql", protocol.sparql, methods=["GET", "HEAD", "POST"]),
        Route("/graph-store", protocol.graph_store, methods=["GET", "HEAD", *WRITE_METHODS]),
        Route("/graphs", protocol.graphs, methods=["GET", "HEAD"]),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.project = project
    app.state.settings = settings
    app.state.pool = pool
    return app


def serve(
    project: Project,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: Settings | None = None,
    log_level: str = "info",
) -> None:
    """Run the server until interrupted (Ctrl-C)."""
    app = create_app(project, settings, host)
    if not is_loopback(host):
        log.warning(
            "serving on %s: anyone who can reach this address can read the whole graph", host
        )
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
