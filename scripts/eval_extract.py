"""Evaluate `diplograph extract`: precision and recall per field.

    .venv/bin/python scripts/eval_extract.py [--articles DIR]

Gold for the two source articles is the curated records in graph/records/; gold for the
development articles (default: ../shared/articles next to the checkout) is in
tests/data/extract-gold/. Also checks that every extracted value's words are in its quote and
its quote is in the article (no hallucinated value).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from diplograph.extract import Gazetteer, draft_article, strip_review
from diplograph.extract.evaluate import (
    FIELDS,
    Score,
    draft_aliases,
    facts_from_gold,
    facts_from_record,
    score,
)
from diplograph.project import Project

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "tests" / "data" / "extract-gold"


def unsupported(record: dict, text: str) -> list[str]:
    """Values whose words are not at their offsets, not in their quote, or whose quote is not
    in the article."""
    bad = []
    for item in record["extraction"]["values"]:
        start, end = item["offsets"]
        if (
            text[start:end] != item["text"]
            or item["text"] not in item["quote"]
            or item["quote"] not in text
        ):
            bad.append(f"{item['kind']}: {item['text']!r}")
    return bad


def run(project: Project, articles: Path) -> dict[str, dict[str, Score]]:
    gazetteer = Gazetteer.load(project)
    sets: dict[str, dict[str, Score]] = {"source articles": {}, "development articles": {}}
    for scores in sets.values():
        scores.update({name: Score() for name in FIELDS})
    for path in sorted(project.records_dir.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        text_path = (path.parent / gold["source"]["text"]).resolve()
        record, _ = draft_article(
            project, text_path, gazetteer=gazetteer, published=str(gold["source"]["date"])
        )
        _check(record, text_path)
        score(
            sets["source articles"],
            facts_from_record(strip_review(record)),
            facts_from_record(gold),
        )
    for path in sorted(GOLD.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = articles / gold["article"]
        if not article.is_file():
            print(f"skipped {gold['article']}: not found in {articles}", file=sys.stderr)
            continue
        record, _ = draft_article(
            project, article, gazetteer=gazetteer, published=gold.get("published")
        )
        _check(record, article)
        want, canonical = facts_from_gold(gold)
        aliases = draft_aliases(record, record["extraction"], canonical)
        score(sets["development articles"], facts_from_record(strip_review(record), aliases), want)
    return sets


def _check(record: dict, article: Path) -> None:
    bad = unsupported(record, article.read_text(encoding="utf-8"))
    if bad:
        print(f"{article.name}: values without support: {bad}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=REPO.parent / "shared" / "articles")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    sets = run(Project(REPO), args.articles)
    for title, scores in sets.items():
        print(f"\n{title}\n{'field':<12} {'precision':>9} {'recall':>7}  (correct/found/gold)")
        for name, s in scores.items():
            precision = "-" if name == "event_date" else f"{s.precision:.2f}"
            print(f"{name:<12} {precision:>9} {s.recall:>7.2f}  ({s.correct}/{s.found}/{s.gold})")
            if args.verbose and (s.misses or s.extras):
                print(f"   missed: {s.misses}\n   extra:  {s.extras}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
