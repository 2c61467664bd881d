"""The interactive explorer page: one self-contained HTML file drawn from the entity graph."""

from __future__ import annotations

from diplograph.explorer.explorer import (
    ExplorerResult,
    build_page,
    default_output,
    write_explorer,
)

__all__ = ["ExplorerResult", "build_page", "default_output", "write_explorer"]
