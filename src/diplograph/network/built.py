"""The last build's data, opened without loading the build pipeline (SHACL and all).

``read_built`` reads every quad of the sorted ``dataset.nq`` with pyoxigraph's parser (for the
whole projection); ``store_facts`` opens the Oxigraph store read-only and reads it lazily (for a
neighbourhood).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from diplograph.network.facts import MemoryFacts, read_nquads
from diplograph.network.sorted_nquads import SortedNQuads
from diplograph.network.store_facts import StoreFacts

if TYPE_CHECKING:
    from diplograph.project import Project

# As in diplograph.build, which is not imported: it loads the whole build pipeline.
DATASET_DIR, NQUADS, STORE = "dataset", "dataset.nq", "store"


def _not_built(path: Path) -> FileNotFoundError:
    from diplograph.export import NotBuilt

    return NotBuilt(f"no built dataset at {path}: run `diplograph build` first")


def nquads_path(project: Project) -> Path:
    return project.build_dir / DATASET_DIR / NQUADS


def store_path(project: Project) -> Path:
    return project.build_dir / DATASET_DIR / STORE


def read_built(project: Project) -> MemoryFacts:
    """Every asserted fact of the last build, in memory; ``NotBuilt`` without a build."""
    path = nquads_path(project)
    if not path.is_file():
        raise _not_built(path)
    return read_nquads(path)


def store_facts(project: Project) -> StoreFacts:
    """The facts of the last build's store, read lazily (subjects from its sorted N-Quads);
    ``NotBuilt`` without a build."""
    path, nquads = store_path(project), nquads_path(project)
    if not path.is_dir() or not nquads.is_file():
        raise _not_built(path if not path.is_dir() else nquads)
    return StoreFacts(ox.Store.read_only(str(path)), SortedNQuads(nquads))
