"""``diplograph explore``: write the interactive explorer page."""

from __future__ import annotations

from typing import Annotated

import typer

from diplograph.cli.common import OutOption, ProjectOption, err, fail, progress, project_from


def explore_command(
    focus: Annotated[
        str | None,
        typer.Option(
            help="Show only this entity and its neighbourhood: an id such as region/batang "
            "(or just batang when unique), or a full IRI.",
            show_default=False,
        ),
    ] = None,
    depth: Annotated[
        int, typer.Option(help="Hops around --focus to show (relations in either direction).")
    ] = 2,
    types: Annotated[
        list[str] | None,
        typer.Option(
            "--types",
            help="Keep only these node types, e.g. --types region,partnership,firm (repeatable).",
            show_default=False,
        ),
    ] = None,
    out: OutOption = None,
    project: ProjectOption = None,
) -> None:
    """Write the interactive explorer page (default graph/build/explorer.html) from the last
    build: one HTML file that opens from disk with no network. Above 3,000 entities it groups
    them by type and country; use --focus to see a part of the graph entity by entity."""
    from diplograph.explorer import default_output, write_explorer
    from diplograph.explorer.aggregate import TooLarge
    from diplograph.explorer.data import UnknownFocus, View, normalise_types
    from diplograph.export import NotBuilt

    proj = project_from(project)
    if depth < 0:
        fail(f"--depth must be 0 or more, got {depth}")
    try:
        view = View(focus=focus, depth=depth, types=normalise_types(tuple(types or ())))
        with progress("writing the explorer") as step:
            step("reading the build and projecting the graph")
            result = write_explorer(proj, out or default_output(proj), view)
    except (NotBuilt, UnknownFocus, TooLarge, ValueError) as exc:
        fail(str(exc.args[0]) if exc.args else str(exc))
    except OSError as exc:
        fail(f"cannot write the explorer page: {exc}")
    if result.note:
        err.print(result.note, markup=False)
    err.print(
        f"wrote {result.path} ({result.nodes:,} nodes, {result.edges:,} edges of "
        f"{result.entities:,} entities) in {result.seconds:.1f} s; open it in a browser",
        markup=False,
    )


def register(app: typer.Typer) -> None:
    app.command("explore")(explore_command)
