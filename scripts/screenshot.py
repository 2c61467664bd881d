"""Regenerate docs/images/explorer.png: the explorer page of the seed graph in headless Chromium.

python scripts/screenshot.py            # needs `diplograph build` first
python scripts/screenshot.py --select region/batang --out docs/images/explorer.png
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from diplograph.chromium import launch
from diplograph.explorer import write_explorer
from diplograph.project import Project

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="region/batang", help="entity to show in details")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "images" / "explorer.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page_path = write_explorer(Project(REPO), Path(folder) / "explorer.html").path
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-state=ready]", timeout=90_000)
            iri = page.evaluate(
                "id => (window.diplograph.data.nodes.find(n => n.id === id) || {}).iri", args.select
            )
            if not iri:
                raise SystemExit(f"no entity {args.select!r} in the explorer page")
            page.fill(
                "#search",
                page.evaluate(
                    "iri => window.diplograph.data.nodes.find(n => n.iri === iri).label", iri
                ),
            )
            page.evaluate("iri => window.diplograph.select(iri)", iri)
            page.evaluate("() => window.diplograph.network.fit({animation: false})")
            page.wait_for_timeout(300)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
            browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
