"""``diplograph query`` and ``diplograph queries``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import (
    EndpointOption,
    OutOption,
    ProjectOption,
    fail,
    out,
    project_from,
    write_output,
)
from diplograph.params import Param, ParameterError, to_term
from diplograph.queries_catalog import QueryHeaderError, catalogue
from diplograph.query import UnknownQuery, execute, prepare
from diplograph.results import FORMATS, format_result, rich_table
from diplograph.sparql_text import QueryTextError

_GRAPH = Param("graph", "graph")


def _parse_params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            fail(f"-p takes name=value, got {item!r}")
        params[name.strip()] = value
    return params


def query_command(
    name: Annotated[
        str | None,
        typer.Argument(help="A named query (see `diplograph queries`).", show_default=False),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", help="A parameter as name=value (repeatable).", show_default=False
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Run the SPARQL query in this file.", show_default=False),
    ] = None,
    sparql: Annotated[
        str | None, typer.Option("--sparql", help="Run this SPARQL query text.", show_default=False)
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")
    ] = "table",
    limit: Annotated[
        int | None, typer.Option("--limit", help="Show at most this many rows.", show_default=False)
    ] = None,
    store: Annotated[
        str, typer.Option("--store", help="oxigraph (the built store) or memory (rdflib).")
    ] = "oxigraph",
    endpoint: EndpointOption = None,
    graph: Annotated[
        list[str] | None,
        typer.Option(
            "--graph",
            help="Query only this graph (repeatable): reference, ontology, inferred, "
            "source/<source-id>, or a full IRI.",
            show_default=False,
        ),
    ] = None,
    inferred: Annotated[
        bool, typer.Option("--inferred/--no-inferred", help="Include the inferred graph.")
    ] = True,
    out_path: OutOption = None,
    project: ProjectOption = None,
) -> None:
    """Run a named query, a query file or SPARQL text and print the result.

    SELECT results print as a table (csv, tsv or SPARQL JSON with --format); CONSTRUCT and
    DESCRIBE print Turtle. Exit codes: 0 ok, 2 error.
    """
    from diplograph.store import GraphSelection, StoreError, open_backend

    if sum(x is not None for x in (name, file, sparql)) != 1:
        fail("give exactly one of: a query NAME, --file Q.rq or --sparql TEXT")
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    params = _parse_params(param or [])
    text = sparql
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"cannot read {file}: {exc}")
    proj = project_from(project) if (name is not None or endpoint is None) else None
    try:
        graphs = GraphSelection(tuple(to_term(_GRAPH, g).value for g in graph or ()), inferred)
        backend = open_backend(proj, store=store, endpoint=endpoint)
        prepared = prepare(proj, backend, name, text, params)
        result = execute(prepared, backend, graphs, limit)
    except (UnknownQuery, ParameterError, QueryHeaderError, QueryTextError, StoreError) as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc))
    if fmt == "table" and out_path is None and sys.stdout.isatty() and result.kind == "solutions":
        title = prepared.named.title if prepared.named else None
        out.print(rich_table(result, title))
        return
    write_output(format_result(result, fmt), out_path)


def queries_command(
    markdown: Annotated[
        bool,
        typer.Option(
            "--markdown",
            help="Write the Markdown reference (docs/queries.md), with each example run on "
            "the current build.",
        ),
    ] = False,
    out_path: OutOption = None,
    project: ProjectOption = None,
) -> None:
    """List the named queries with their titles and parameters."""
    proj = project_from(project)
    try:
        if markdown:
            from diplograph.query_docs import queries_markdown
            from diplograph.store import StoreError

            try:
                write_output(queries_markdown(proj), out_path)
            except (StoreError, ParameterError) as exc:
                fail(str(exc))
            return
        queries = catalogue(proj.queries_dir)
    except QueryHeaderError as exc:
        fail(str(exc))
    lines = []
    for name, named in queries.items():
        lines.append(f"{name}: {named.title}")
        for p in named.params:
            absent = (
                f"default {p.default}" if p.default else ("optional" if p.optional else "required")
            )
            lines.append(f"    -p {p.name}=<{p.kind}>  {p.description} ({absent})")
    write_output("\n".join(lines) + "\n", out_path)


def register(app: typer.Typer) -> None:
    app.command("query")(query_command)
    app.command("queries")(queries_command)
