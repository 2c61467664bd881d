"""Draft records from news articles, every value tied to the words it came from.

>>> from diplograph.extract.numbers import parse_number
>>> parse_number("1,6", "id")
Decimal('1.6')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from diplograph.extract.dates import Published, parse_published
from diplograph.extract.draft import draft_record, dump_draft, strip_review, text_reference
from diplograph.extract.gazetteer import Gazetteer
from diplograph.extract.pipeline import Extraction, extract
from diplograph.project import Project

__all__ = [
    "Extraction",
    "Gazetteer",
    "Published",
    "draft_article",
    "extract",
    "parse_published",
    "strip_review",
]


def draft_article(
    project: Project,
    article_path: Path,
    *,
    language: str | None = None,
    published: str | None = None,
    source_url: str | None = None,
    draft_dir: Path | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[dict[str, Any], str]:
    """Extract ``article_path`` and return the draft record and its YAML text.

    ``draft_dir`` is where the draft will be saved (default: the project's records folder);
    the source's ``text`` path is written relative to it.
    """
    text = article_path.read_text(encoding="utf-8")
    gazetteer = gazetteer or Gazetteer.load(project)
    x = extract(
        text,
        gazetteer,
        language=language,
        published=parse_published(published) if published else None,
    )
    record = draft_record(
        x, gazetteer, text_reference(article_path, draft_dir or project.records_dir)
    )
    if source_url:
        record["source"]["url"] = source_url
    return record, dump_draft(record, article_path.name)
