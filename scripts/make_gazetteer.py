"""Write the gazetteer: ISO 3166-1 countries and first-level ISO 3166-2 subdivisions.

    .venv/bin/python scripts/make_gazetteer.py [--project DIR] [--check]

graph/reference/gazetteer.nt (countries, always built) and
graph/reference/optional/iso-3166-2-subdivisions.nt (built when graph/imports.yaml lists it)
are generated from pycountry and the curated records (places they already describe
keep their IRIs); rerun this after upgrading pycountry or adding a country or province to
graph/reference/. With --check, exit 1 when a file is not current and write nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from diplograph.imports.gazetteer import make_gazetteer
from diplograph.project import Project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="project folder (default: this checkout)")
    parser.add_argument("--check", action="store_true", help="only check that the file is current")
    args = parser.parse_args(argv)
    project = Project(args.project.resolve()) if args.project else Project.find(Path(__file__))
    texts, report = make_gazetteer(project)
    if args.check:
        stale = [p for p, text in texts.items() if not p.is_file() or p.read_text("utf-8") != text]
        for path in stale:
            print(f"{path}: out of date: run scripts/make_gazetteer.py")
        return 1 if stale else 0
    for target, text in texts.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    merged = ", ".join(f"{code}={iri.rsplit('/', 1)[-1]}" for code, iri in report.merged)
    print(
        f"wrote {', '.join(str(p) for p in texts)}: {report.countries} countries, "
        f"{report.subdivisions} subdivisions, "
        f"{report.triples} triples; merged with curated regions: {merged}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
