"""``diplograph serve``: a read-only SPARQL 1.1 endpoint, the named queries and the explorer.

>>> from diplograph.server import create_app, Settings        # doctest: +SKIP
>>> app = create_app(Project.find(), Settings(timeout=10))    # any ASGI server can run it

The names are imported on first use: the query worker processes start as
``python -m diplograph.server.worker`` and should not load the web stack.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NotBuilt", "Settings", "create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in ("NotBuilt", "create_app", "serve"):
        from diplograph.server import app

        return getattr(app, name)
    if name == "Settings":
        from diplograph.server.respond import Settings

        return Settings
    raise AttributeError(f"module 'diplograph.server' has no attribute {name!r}")
