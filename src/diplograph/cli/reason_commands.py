"""``diplograph reason``: add the inferred graph to the build, or explain a contradiction.

Exit codes: 0 done, 1 the data contradicts the ontology, 2 error (no build, reasoner failed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from diplograph.cli.common import (
    EXIT_VIOLATIONS,
    ProjectOption,
    err,
    fail,
    progress,
    project_from,
)

if TYPE_CHECKING:  # the reasoners load rdflib and owlready2: imported when reasoning runs
    from diplograph.project import Project
    from diplograph.reasoning import Inference

# ``diplograph.reasoning.owl.DEFAULT_TIMEOUT`` (tests check they match), written out so that the
# command line starts without importing owlready2.
DEFAULT_TIMEOUT = 120.0

EngineOption = Annotated[
    str,
    typer.Option(
        "--engine",
        "-e",
        help="rules (OWL 2 RL on the store; fast), hermit or pellet (OWL 2 DL, Java), "
        "or owlrl (OWL 2 RL in Python).",
    ),
]
TimeoutOption = Annotated[
    float,
    typer.Option("--timeout", help="Seconds a Java reasoner may take.", min=1.0),
]
FallbackOption = Annotated[
    bool,
    typer.Option(
        "--fallback/--no-fallback",
        help="When a Java reasoner runs out of time, use the rules instead of failing.",
    ),
]


def run_reasoning(proj: Project, engine: str, timeout: float, fallback: bool) -> Inference:
    """Reason and report like ``diplograph reason`` does (shared with ``build --reason``)."""
    from diplograph.export import NotBuilt
    from diplograph.reasoning import (
        ENGINES,
        Inconsistent,
        ReasonerTimeout,
        ReasoningError,
        inferred_path,
        reason_project,
    )

    if engine not in ENGINES:
        fail(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    try:
        with progress(f"reasoning ({engine})") as step:
            inference = reason_project(
                proj, engine=engine, timeout=timeout, fallback=fallback, progress=step
            )
    except Inconsistent as exc:
        err.print(f"[bold red]inconsistent:[/] {exc.summary}", markup=True)
        for clash in exc.clashes:
            err.print(f"- {clash.text}", markup=False, soft_wrap=True)
        err.print("nothing was written; fix the records named above and build again")
        raise typer.Exit(EXIT_VIOLATIONS) from None
    except ReasonerTimeout as exc:
        fail(f"{exc}; raise --timeout, or allow --fallback to the rules")
    except (NotBuilt, ReasoningError, OSError) as exc:
        fail(str(exc))
    for note in inference.notes:
        err.print(f"[yellow]note:[/] {note}", markup=True)
    err.print(
        f"inferred {len(inference)} triples with {inference.engine} in "
        f"{inference.seconds:.2f} s → {inferred_path(proj)} and the store's graph/inferred"
    )
    return inference


def reason_command(
    engine: EngineOption = "rules",
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    fallback: FallbackOption = True,
    project: ProjectOption = None,
) -> None:
    """Infer what the ontology implies into the named graph graph/inferred of the build.

    Exit codes: 0 done, 1 the data contradicts the ontology (explained, with the record
    file), 2 error.
    """
    run_reasoning(project_from(project), engine, timeout, fallback)


def register(app: typer.Typer) -> None:
    app.command("reason")(reason_command)
