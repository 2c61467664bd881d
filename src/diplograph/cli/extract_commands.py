"""``diplograph extract``: draft a record from a news article, for a person to review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from diplograph.cli.common import OutOption, ProjectOption, fail, project_from, write_output


def extract_command(
    article: Annotated[Path, typer.Argument(help="The article as a UTF-8 text file.")],
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of the article: id or en (default: detected)."),
    ] = None,
    source_url: Annotated[
        str | None, typer.Option("--source-url", help="Address of the article.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY); "
            "dates without a year take it from here.",
        ),
    ] = None,
    out: OutOption = None,
    project: ProjectOption = None,
) -> None:
    """Draft a record from a news article: every value with its quote, offsets and confidence.

    The draft goes to standard output or to --out; it is never written into graph/records/.
    """
    from diplograph.extract import draft_article

    proj = project_from(project)
    if lang not in (None, "id", "en"):
        fail(f"--lang must be id or en, not {lang!r}")
    if not article.is_file():
        fail(f"no such file: {article}")
    if out is not None and out.resolve().parent == proj.records_dir.resolve():
        fail("the draft must be reviewed first: write it outside graph/records/")
    try:
        _record, text = draft_article(
            proj,
            article,
            language=lang,
            published=published,
            source_url=source_url,
            draft_dir=out.parent if out else None,
        )
    except (UnicodeDecodeError, ValueError) as exc:
        fail(f"{article}: {exc}")
    write_output(text, out)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)
