"""``diplograph network stats`` and ``diplograph network path A B``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from diplograph.cli.common import ProjectOption, err, fail, out, progress, project_from
from diplograph.project import Project

# ``diplograph.network.paths.VIA_CHOICES`` (tests check they match), written out: the network
# modules import rdflib, which starting the command line should not.
VIA_CHOICES: tuple[str, ...] = ("any", "partnership-only")

if TYPE_CHECKING:
    from diplograph.network.analytics import Ranked

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="table (for people) or json (for programs).")
]

network_app = typer.Typer(
    help="Analyse the graph as a network: statistics and explained paths.",
    no_args_is_help=True,
)


def _entities(project: Project):  # type: ignore[no-untyped-def]
    from diplograph.export import NotBuilt
    from diplograph.network.built import read_built
    from diplograph.network.projection import entity_graph

    try:
        with progress("projecting the graph to a network") as step:
            step("reading the build")
            dataset = read_built(project)
            step("building the entity network")
            return entity_graph(dataset, sources=False)
    except NotBuilt as exc:
        fail(str(exc))


def _ranking(title: str, items: list[Ranked], value: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "label", "type", value):
        table.add_column(column, justify="right" if column == value else "left")
    for item in items:
        shown = f"{item.value:g}" if item.value == int(item.value) else f"{item.value:.4f}"
        table.add_row(item.id, item.label, item.type, shown)
    return table


@network_app.command("stats")
def stats_command(
    top: Annotated[int, typer.Option("--top", help="How many entities per ranking.", min=1)] = 10,
    fmt: FormatOption = "table",
    project: ProjectOption = None,
) -> None:
    """Counts by type, degree and betweenness centrality, components, communities and the
    regions with most partners."""
    from diplograph.network.analytics import network_stats

    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; choose table or json")
    entities = _entities(project_from(project))
    with progress("computing statistics"):
        stats = network_stats(entities, top=top)
    if fmt == "json":
        out.print(json.dumps(stats.to_dict(), indent=2, ensure_ascii=False), markup=False)
        return
    out.print(
        f"{stats.nodes} entities, {stats.edges} links; {stats.components} connected component(s) "
        f"(largest: {', '.join(map(str, stats.largest_components))}); {stats.communities} "
        f"communities (Louvain, modularity {stats.modularity:.3f})",
        markup=False,
    )
    types = Table(title="Entities by type", title_justify="left")
    types.add_column("type")
    types.add_column("count", justify="right")
    for kind, count in stats.types.items():
        types.add_row(kind, str(count))
    out.print(types)
    out.print(_ranking("Most connected (degree)", stats.degree, "degree"))
    note = "" if stats.betweenness_exact else " (estimated from a seeded sample)"
    out.print(_ranking(f"Brokers (betweenness centrality){note}", stats.betweenness, "betweenness"))
    if stats.regions:
        out.print(_ranking("Regions with most partners", stats.regions, "partners"))


@network_app.command("path")
def path_command(
    start: Annotated[str, typer.Argument(help="An entity: id (region/batang), short id or label.")],
    end: Annotated[str, typer.Argument(help="Another entity.")],
    via: Annotated[
        str, typer.Option("--via", help=f"Which links to follow: {', '.join(VIA_CHOICES)}.")
    ] = "any",
    fmt: FormatOption = "table",
    project: ProjectOption = None,
) -> None:
    """The shortest path between two entities, each step named by its relation.

    Exit codes: 0 found, 1 no path, 2 error (unknown or ambiguous entity, no build).
    """
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; choose table or json")
    if via not in VIA_CHOICES:
        fail(f"unknown --via {via!r}; choose one of {', '.join(VIA_CHOICES)}")
    entities = _entities(project_from(project))
    from diplograph.network.paths import PathError, explained_path

    try:
        path = explained_path(entities, start, end, via)  # type: ignore[arg-type]
    except PathError as exc:
        fail(str(exc), 1 if str(exc).startswith("no path") else 2)
    if fmt == "json":
        out.print(json.dumps(path.to_dict(), indent=2, ensure_ascii=False), markup=False)
    else:
        out.print(path.text(), markup=False)
        err.print(f"{len(path.steps)} step(s)")


def register(app: typer.Typer) -> None:
    app.add_typer(network_app, name="network")
