"""The ``diplograph`` command: a thin layer over the library, one module per group of commands."""

from __future__ import annotations

import typer

from diplograph.cli import (
    build_commands,
    explore_commands,
    extract_commands,
    import_commands,
    network_commands,
    query_commands,
    reason_commands,
    serve_commands,
)

app = typer.Typer(
    name="diplograph",
    help="A knowledge graph of diplomatic and sub-national cooperation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (
    build_commands,
    query_commands,
    serve_commands,
    extract_commands,
    explore_commands,
    reason_commands,
    network_commands,
    import_commands,
):
    module.register(app)


def main() -> None:
    app()
