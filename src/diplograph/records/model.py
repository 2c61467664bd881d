"""Records as loaded: a source, the entities it states things about, and problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diplograph.records.yamlio import LineDict


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong in a record, located by file, line and field."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass
class Entity:
    """What one record states about one entity (the same id may appear in several records)."""

    section: str
    id: str
    data: LineDict
    record: Record


@dataclass
class Record:
    """One YAML file: the source it transcribes and the entities it describes."""

    path: Path
    source: LineDict
    entities: list[Entity] = field(default_factory=list)
    reference: bool = False
    source_text: str | None = None

    @property
    def source_id(self) -> str:
        return str(self.source["id"])


class RecordsInvalid(Exception):
    """Records that cannot be built; ``problems`` lists every one found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        shown = "\n".join(str(p) for p in self.problems[:50])
        more = len(self.problems) - 50
        tail = f"\n… and {more} more" if more > 0 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the records:\n{shown}{tail}")
