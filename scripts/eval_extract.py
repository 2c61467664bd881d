"""Evaluate `diplograph extract`: precision and recall per field.

    .venv/bin/python scripts/eval_extract.py [--articles DIR] [--gold DIR] [--verbose]

Gold for the two source articles is the curated records in graph/records/; gold for the
development articles (default: ../shared/articles next to the checkout) is in
tests/data/extract-gold/. With --gold DIR, only the hand-written gold files in DIR are
evaluated, against the articles in --articles DIR (for example the held-out set,
tests/data/extract-heldout/). Also checks that every extracted value's words are in its quote
and its quote is in the article (no hallucinated value); the exit status is 1 if one is not.
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


def run(
    project: Project,
    articles: Path,
    gold: Path | None = None,
    problems: list[str] | None = None,
) -> dict[str, dict[str, Score]]:
    """Scores per set and field. Without `gold`: the source articles and the development gold;
    with it: only the gold files in that folder. Values without support go to `problems`."""
    gazetteer = Gazetteer.load(project)
    problems = [] if problems is None else problems
    if gold is not None:
        scores = _new_scores()
        count = _score_gold(project, gazetteer, gold, articles, scores, problems)
        return {f"gold in {gold} ({count} articles)": scores}
    sets = {"source articles": _new_scores(), "development articles": _new_scores()}
    for path in sorted(project.records_dir.glob("*.yaml")):
        record_gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        text_path = (path.parent / record_gold["source"]["text"]).resolve()
        record, _ = draft_article(
            project, text_path, gazetteer=gazetteer, published=str(record_gold["source"]["date"])
        )
        _check(record, text_path, problems)
        _merge(
            sets["source articles"],
            facts_from_record(strip_review(record)),
            facts_from_record(record_gold),
            path.stem,
        )
    _score_gold(project, gazetteer, GOLD, articles, sets["development articles"], problems)
    return sets


def _new_scores() -> dict[str, Score]:
    return {name: Score() for name in FIELDS}


def _score_gold(
    project: Project,
    gazetteer: Gazetteer,
    gold_dir: Path,
    articles: Path,
    scores: dict[str, Score],
    problems: list[str],
) -> int:
    """Score the drafts of the articles named by the gold files in `gold_dir`; the number of
    articles scored."""
    count = 0
    for path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = articles / gold["article"]
        if not article.is_file():
            print(f"skipped {gold['article']}: not found in {articles}", file=sys.stderr)
            continue
        published = gold.get("published")
        record, _ = draft_article(
            project,
            article,
            gazetteer=gazetteer,
            published=None if published is None else str(published),
        )
        _check(record, article, problems)
        want, canonical = facts_from_gold(gold)
        aliases = draft_aliases(record, record["extraction"], canonical)
        _merge(scores, facts_from_record(strip_review(record), aliases), want, path.stem)
        count += 1
    return count


def _merge(scores: dict[str, Score], got: dict, want: dict, label: str) -> None:
    """Score one article into `scores`, its misses and extras marked with `label`."""
    one = _new_scores()
    score(one, got, want)
    for name, s in one.items():
        total = scores[name]
        total.found, total.gold, total.correct = (
            total.found + s.found,
            total.gold + s.gold,
            total.correct + s.correct,
        )
        total.misses += [f"{label}: {m}" for m in s.misses]
        total.extras += [f"{label}: {e}" for e in s.extras]


def _check(record: dict, article: Path, problems: list[str]) -> None:
    bad = unsupported(record, article.read_text(encoding="utf-8"))
    if bad:
        problems.append(f"{article.name}: values without support: {bad}")
        print(problems[-1], file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=REPO.parent / "shared" / "articles")
    parser.add_argument(
        "--gold",
        type=Path,
        default=None,
        help="evaluate only the hand-written gold files in this folder (e.g. the held-out set)",
    )
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    if args.gold is not None and not any(args.gold.glob("*.yaml")):
        parser.error(f"no gold files (*.yaml) in {args.gold}")
    problems: list[str] = []
    sets = run(Project(REPO), args.articles, args.gold, problems)
    for title, scores in sets.items():
        print(f"\n{title}\n{'field':<12} {'precision':>9} {'recall':>7}  (correct/found/gold)")
        for name, s in scores.items():
            precision = "-" if name == "event_date" else f"{s.precision:.2f}"
            print(f"{name:<12} {precision:>9} {s.recall:>7.2f}  ({s.correct}/{s.found}/{s.gold})")
            if args.verbose and (s.misses or s.extras):
                for kind, items in (("missed", s.misses), ("extra", s.extras)):
                    for item in items:
                        print(f"   {kind + ':':<7} {item}")
    print(f"\nvalues without support (quote or offsets wrong): {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
