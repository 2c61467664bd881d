"""``diplograph serve`` and ``diplograph push``."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from diplograph.cli.common import ProjectOption, err, fail, project_from


def serve_command(
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. The default answers this machine only; "
            "0.0.0.0 answers everyone who can reach it."
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    timeout: Annotated[
        float, typer.Option(help="Seconds a query may run before it is stopped (answer: 503).")
    ] = 30.0,
    row_limit: Annotated[
        int,
        typer.Option(help="Most rows (or triples) in one answer; a cut answer says so."),
    ] = 10_000,
    body_limit: Annotated[
        int, typer.Option(help="Largest request body in bytes (larger: 413).")
    ] = 1_000_000,
    workers: Annotated[int, typer.Option(help="Queries that can run at the same time.")] = 2,
    cors: Annotated[
        bool,
        typer.Option(help="Let web pages from any site query the endpoint (CORS)."),
    ] = False,
    project: ProjectOption = None,
) -> None:
    """Serve the last build: a read-only SPARQL 1.1 endpoint at /sparql, the named queries at
    /queries/NAME, a query page at /query and the explorer at /. Stop with Ctrl-C."""
    from diplograph.server import NotBuilt, Settings, serve

    proj = project_from(project)
    try:
        settings = Settings(
            timeout=timeout,
            row_limit=row_limit,
            body_limit=body_limit,
            workers=workers,
            cors=cors,
        )
    except ValueError as exc:
        fail(str(exc))
    if not 0 < port < 65536:
        fail(f"--port must be between 1 and 65535, got {port}")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:  %(message)s")
    err.print(f"serving {proj.root} at http://{_url_host(host)}:{port}/ (query page: /query)")
    try:
        serve(proj, host=host, port=port, settings=settings)
    except NotBuilt as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot serve on {host}:{port}: {exc}")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def push_command(
    endpoint: Annotated[
        str,
        typer.Option(
            help="The server's SPARQL query endpoint (used to check the counts, and for "
            "updates when no --graph-store or --update-endpoint is given).",
            show_default=False,
        ),
    ],
    graph_store: Annotated[
        str | None,
        typer.Option(
            help="The server's Graph Store Protocol URL: each graph is replaced with PUT.",
            show_default=False,
        ),
    ] = None,
    update_endpoint: Annotated[
        str | None,
        typer.Option(
            help="The server's SPARQL Update endpoint, if not --endpoint.", show_default=False
        ),
    ] = None,
    user: Annotated[str | None, typer.Option(help="User name for the server.")] = None,
    password_env: Annotated[
        str | None,
        typer.Option(
            help="Name of the environment variable holding the password (it is never taken "
            "on the command line).",
            show_default=False,
        ),
    ] = None,
    batch_size: Annotated[int, typer.Option(help="Triples per request.")] = 10_000,
    retries: Annotated[int, typer.Option(help="Retries of a request on connection errors.")] = 4,
    project: ProjectOption = None,
) -> None:
    """Load the last build into a SPARQL 1.1 server, replacing each named graph, and check
    the triple count of each graph on the server."""
    from diplograph.push import PushError, Target, push

    proj = project_from(project)
    password = None
    if password_env:
        password = os.environ.get(password_env)
        if password is None:
            fail(f"the environment variable {password_env} is not set")
    if user and not password_env:
        fail("give --password-env VAR with --user (the password is read from VAR)")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s:  %(message)s")
    try:
        target = Target(endpoint, graph_store, update_endpoint, user, password)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar:
            tasks: dict[str, int] = {}

            def step(graph: str, done: int, total: int) -> None:
                if graph not in tasks:
                    tasks[graph] = bar.add_task(graph, total=total)
                bar.update(tasks[graph], completed=done)

            pushed = push(proj, target, batch_size=batch_size, retries=retries, progress=step)
    except PushError as exc:
        fail(str(exc))
    for graph in pushed:
        err.print(
            f"{graph.graph or '(default graph)'}: {graph.triples} triples, "
            f"{graph.on_server} on the server ({graph.requests} requests, {graph.seconds:.1f} s)",
            markup=False,
        )
    total = sum(g.triples for g in pushed)
    err.print(f"pushed {len(pushed)} graphs, {total} triples, all counts match", markup=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
    app.command("push")(push_command)
