"""Where a diplograph project keeps its files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT_ENV = "DIPLOGRAPH_ROOT"


@dataclass(frozen=True)
class Project:
    """The folders of one project: ontology, records, reference data, queries, build output."""

    root: Path

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def ontology_file(self) -> Path:
        return self.ontology_dir / "diplo.ttl"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    @property
    def vocabularies_dir(self) -> Path:
        return self.ontology_dir / "vocabularies"

    @property
    def records_dir(self) -> Path:
        return self.root / "graph" / "records"

    @property
    def reference_dir(self) -> Path:
        return self.root / "graph" / "reference"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return self.root / "graph" / "build"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The project in ``$DIPLOGRAPH_ROOT``, else the nearest folder upwards holding
        ``ontology/diplo.ttl``, else the checkout this package was installed from."""
        if os.environ.get(ROOT_ENV):
            return cls(Path(os.environ[ROOT_ENV]).resolve())
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "ontology" / "diplo.ttl").is_file():
                return cls(folder)
        checkout = Path(__file__).resolve().parents[2]
        if (checkout / "ontology" / "diplo.ttl").is_file():
            return cls(checkout)
        raise FileNotFoundError(
            f"no diplograph project here: no ontology/diplo.ttl in {here} or above; "
            f"run inside a project or set {ROOT_ENV}"
        )


def relative_paths(paths: Iterable[Path], root: Path) -> list[str | None]:
    """Each path with links resolved, relative to ``root``; ``None`` for one outside it.

    Many files share a folder: the folder is resolved once, and a file only when it is a
    link itself (``Path.resolve`` checks every part of every path)."""
    root = root.resolve()
    folders: dict[Path, Path] = {}
    found: list[str | None] = []
    for path in paths:
        if path.is_symlink() or path.name in ("", ".", ".."):
            real = path.resolve()
        else:
            folder = folders.get(path.parent)
            if folder is None:
                folder = folders[path.parent] = path.parent.resolve()
            real = folder / path.name
        found.append(str(real.relative_to(root)) if real.is_relative_to(root) else None)
    return found
