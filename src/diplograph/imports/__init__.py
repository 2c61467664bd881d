"""Outside data in the graph: the reference gazetteer, Wikidata P190 pairs, CSV/TSV pairs.

See ``docs/imports.md``.
"""

from __future__ import annotations

from diplograph.imports.config import ImportConfigError, ImportSpec, load_config
from diplograph.imports.pipeline import add_imports, add_reference_files, run_import
from diplograph.imports.resolve import Match, RegionIndex
from diplograph.imports.result import ImportResult

__all__ = [
    "ImportConfigError",
    "ImportResult",
    "ImportSpec",
    "Match",
    "RegionIndex",
    "add_imports",
    "add_reference_files",
    "load_config",
    "run_import",
]
