"""``diplograph build``, ``validate`` and ``export``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from diplograph.cli.common import (
    EXIT_ERROR,
    EXIT_VIOLATIONS,
    OutOption,
    ProjectOption,
    err,
    fail,
    progress,
    project_from,
    write_output,
)
from diplograph.network.export import NETWORK_FORMATS

if TYPE_CHECKING:  # the build, its checks and the RDF export load rdflib: imported when they run
    from diplograph.check import ChecksFailed
    from diplograph.records.model import RecordsInvalid

# The keys of ``diplograph.export.RDF_FORMATS``, for the help text (tests check they match).
RDF_FORMAT_NAMES = ("turtle", "ntriples", "jsonld", "trig", "nquads")


def _report(exc: RecordsInvalid | ChecksFailed) -> None:
    from diplograph.records.model import RecordsInvalid

    items = exc.problems if isinstance(exc, RecordsInvalid) else exc.violations
    for item in items:
        err.print(str(item), markup=False)
    kind = "record problem" if isinstance(exc, RecordsInvalid) else "check violation"
    err.print(f"[bold red]error:[/] {len(items)} {kind}(s); nothing was written", markup=True)


def build_command(
    project: ProjectOption = None,
    reason: Annotated[
        bool, typer.Option("--reason", help="Then run `diplograph reason` (rules engine).")
    ] = False,
) -> None:
    """Build the graph: records → validated, checked dataset → graph/build/dataset (+ store)."""
    from diplograph.build import build
    from diplograph.check import ChecksFailed
    from diplograph.records.model import RecordsInvalid

    proj = project_from(project)
    try:
        with progress("building") as step:
            result = build(proj, progress=step)
    except (RecordsInvalid, ChecksFailed) as exc:
        _report(exc)
        raise typer.Exit(EXIT_VIOLATIONS) from None
    except (OSError, ValueError, SyntaxError) as exc:
        fail(str(exc))
    err.print(
        f"built {result.quads} quads in {result.graphs} graphs from {result.records} files "
        f"in {result.seconds:.1f} s → {result.directory}"
    )
    if reason:
        from diplograph.cli.reason_commands import run_reasoning

        run_reasoning(proj, "rules", 120.0, fallback=True)


def validate_command(project: ProjectOption = None) -> None:
    """Check records, shapes and data checks without writing anything.

    Exit codes: 0 conformant, 1 problems or violations found, 2 error.
    """
    from diplograph.build import compile_dataset
    from diplograph.check import ChecksFailed
    from diplograph.records.model import RecordsInvalid

    proj = project_from(project)
    try:
        with progress("validating") as step:
            records, _graphs, nquads = compile_dataset(proj, progress=step)
    except (RecordsInvalid, ChecksFailed) as exc:
        _report(exc)
        raise typer.Exit(EXIT_VIOLATIONS) from None
    except (OSError, ValueError, SyntaxError) as exc:
        fail(str(exc))
    err.print(f"ok: {len(records)} files, {nquads.count(chr(10))} quads, no violations")


def export_command(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help=f"One of: {', '.join([*RDF_FORMAT_NAMES, *NETWORK_FORMATS])}."
        ),
    ] = "trig",
    out: OutOption = None,
    project: ProjectOption = None,
) -> None:
    """Write the last build in an RDF format (standard output without --out)."""
    from diplograph.export import NotBuilt, export_rdf
    from diplograph.network.export import export_built_network

    proj = project_from(project)
    try:
        network = fmt in NETWORK_FORMATS  # the entity network, for Gephi and the like
        text = export_built_network(proj, fmt) if network else export_rdf(proj, fmt)
    except NotBuilt as exc:
        fail(str(exc))
    except ValueError as exc:
        fail(str(exc), EXIT_ERROR)
    write_output(text, out)


def register(app: typer.Typer) -> None:
    app.command("build")(build_command)
    app.command("validate")(validate_command)
    app.command("export")(export_command)
