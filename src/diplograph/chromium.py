"""How diplograph's tools start Debian's headless Chromium through Playwright, offline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# No background requests of Chromium's own, so that a page's requests are all the page's.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class ChromiumMissing(RuntimeError):
    pass


def launch(playwright: Any) -> Any:
    """Start Chromium with a Playwright instance (`sync_playwright()`'s); returns the browser."""
    if not CHROMIUM.exists():
        raise ChromiumMissing(f"{CHROMIUM} is missing: install Debian's chromium package")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
