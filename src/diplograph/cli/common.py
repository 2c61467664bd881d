"""What every command shares: the project option, output options, errors and progress."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from diplograph.project import Project

EXIT_OK, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2

err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

ProjectOption = Annotated[
    Path | None,
    typer.Option(
        "--project",
        help="Project folder (default: $DIPLOGRAPH_ROOT, or the nearest folder upwards "
        "holding ontology/diplo.ttl).",
        show_default=False,
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out", "-o", help="Write to this file instead of standard output.", show_default=False
    ),
]
EndpointOption = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        help="URL of a SPARQL 1.1 endpoint to use instead of the local store.",
        show_default=False,
    ),
]


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    """Print a one-line reason to standard error and exit."""
    err.print(f"[bold red]error:[/] {message}", markup=True)
    raise typer.Exit(code)


def project_from(option: Path | None) -> Project:
    try:
        return Project(option.resolve()) if option else Project.find()
    except FileNotFoundError as exc:
        fail(str(exc))


@contextmanager
def progress(description: str) -> Iterator[callable]:
    """A spinner with a changing message on a terminal; silent when output is piped."""
    if not sys.stderr.isatty():
        yield lambda _message: None
        return
    with err.status(description) as status:
        yield lambda message: status.update(f"{description}: {message}")


def write_output(text: str, path: Path | None) -> None:
    if path is None:
        sys.stdout.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    err.print(f"wrote {path}")
