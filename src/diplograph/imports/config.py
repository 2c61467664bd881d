"""``graph/imports.yaml``: the outside datasets that ``diplograph build`` imports.

Each entry names an import (its id is also its named graph, ``graph/import/<id>``), its format
and its input files (paths relative to the project folder, or absolute), and says what the
dataset is (title, date, licence). Errors name the file, the line and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diplograph.project import Project
from diplograph.records import values
from diplograph.records.yamlio import LineDict, LineList, YamlError, load_yaml

CONFIG_FILE = "imports.yaml"
FORMATS = {
    "wikidata-p190": ("relations", "names"),
    "pairs": ("file",),
    "ntriples": ("file",),
}
MAP_KEYS = (
    "city1",
    "country1",
    "city2",
    "country2",
    "lat1",
    "lng1",
    "lat2",
    "lng2",
    "date",
    "wikidata1",
    "wikidata2",
)
REQUIRED_MAP_KEYS = ("city1", "city2")
OPTIONAL_KEYS = ("title", "license", "url", "note", "language", "delimiter", "kind", "map")
KINDS = ("sister-city", "sister-province", "friendship-city")


class ImportConfigError(ValueError):
    """A problem in an imports config or an import's input, located by file and line."""


@dataclass(frozen=True)
class ImportSpec:
    """One configured import."""

    id: str
    format: str
    inputs: dict[str, Path]
    date: str
    title: str = ""
    license: str = ""
    url: str = ""
    note: str = ""
    language: str = ""
    delimiter: str = ""
    kind: str = ""
    mapping: dict[str, str] = field(default_factory=dict)

    @property
    def paths(self) -> list[Path]:
        return [self.inputs[name] for name in FORMATS[self.format]]


def config_path(project: Project) -> Path:
    return project.root / "graph" / CONFIG_FILE


def parse_mapping(text: str) -> dict[str, str]:
    """``city1=Stadt,country1=Land`` → a mapping; checked by :func:`check_mapping`.

    >>> parse_mapping("city1=A, city2 = B")
    {'city1': 'A', 'city2': 'B'}
    """
    mapping: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        key, sep, column = part.partition("=")
        if not sep or not column.strip():
            raise ImportConfigError(f"--map: {part.strip()!r} is not KEY=COLUMN")
        mapping[key.strip()] = column.strip()
    return mapping


def check_mapping(mapping: dict[str, str], where: str) -> None:
    unknown = sorted(set(mapping) - set(MAP_KEYS))
    if unknown:
        raise ImportConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(MAP_KEYS)}"
        )
    missing = [k for k in REQUIRED_MAP_KEYS if not mapping.get(k)]
    if missing:
        raise ImportConfigError(f"{where}: {', '.join(missing)} must be mapped to a column")


def load_config(project: Project, path: Path | None = None) -> list[ImportSpec]:
    """The imports of ``graph/imports.yaml`` (none when the file does not exist)."""
    path = path or config_path(project)
    if not path.is_file():
        return []
    try:
        document = load_yaml(path)
    except YamlError as exc:
        raise ImportConfigError(str(exc)) from None
    if document is None:
        return []
    if not isinstance(document, LineDict) or set(document) - {"imports"}:
        raise ImportConfigError(f"{path}:1: the file is a mapping with one key, 'imports'")
    items = document.get("imports")
    if items is None:
        return []
    if not isinstance(items, LineList):
        raise ImportConfigError(f"{path}:{document.line_of('imports')}: imports: must be a list")
    specs: list[ImportSpec] = []
    for index, item in enumerate(items):
        spec = _spec(path, project, item, items.line_of(index), index)
        if spec.id in {s.id for s in specs}:
            raise ImportConfigError(f"{path}:{item.line}: imports[{index}].id: duplicate id")
        specs.append(spec)
    return specs


def _spec(path: Path, project: Project, item: object, line: int, index: int) -> ImportSpec:
    def error(key: str, message: str) -> ImportConfigError:
        at = item.line_of(key) if isinstance(item, LineDict) else line
        return ImportConfigError(f"{path}:{at}: imports[{index}].{key}: {message}")

    if not isinstance(item, LineDict):
        raise ImportConfigError(f"{path}:{line}: imports[{index}]: must be a mapping")
    for key in ("id", "format", "date"):
        if item.get(key) in (None, ""):
            raise error(key, "is required")
    import_id, fmt = str(item["id"]), str(item["format"])
    if not values.ID_PATTERN.match(import_id):
        raise error("id", "an id is lower-case letters, digits and '-'")
    if fmt not in FORMATS:
        raise error("format", f"must be one of {', '.join(FORMATS)}")
    try:
        values.parse_date(item["date"])
    except ValueError as exc:
        raise error("date", str(exc)) from None
    allowed = {"id", "format", "date", *FORMATS[fmt], *OPTIONAL_KEYS}
    for key in item:
        if key not in allowed:
            raise error(key, f"unknown key; allowed: {', '.join(sorted(allowed))}")
    inputs: dict[str, Path] = {}
    for key in FORMATS[fmt]:
        if item.get(key) in (None, ""):
            raise error(key, "is required (a path relative to the project folder)")
        inputs[key] = resolve_input(project, str(item[key]))
    mapping: dict[str, str] = {}
    if fmt == "pairs":
        raw = item.get("map")
        if not isinstance(raw, LineDict):
            raise error("map", "is required: a mapping such as {city1: COLUMN, city2: COLUMN}")
        mapping = {str(k): str(v) for k, v in raw.items()}
        try:
            check_mapping(mapping, "map")
        except ImportConfigError as exc:
            raise error("map", str(exc).removeprefix("map: ")) from None
    kind = str(item.get("kind") or "")
    if kind and kind not in KINDS:
        raise error("kind", f"must be one of {', '.join(KINDS)}")
    return ImportSpec(
        id=import_id,
        format=fmt,
        inputs=inputs,
        date=str(item["date"]),
        title=str(item.get("title") or ""),
        license=str(item.get("license") or ""),
        url=str(item.get("url") or ""),
        note=str(item.get("note") or ""),
        language=str(item.get("language") or ""),
        delimiter=str(item.get("delimiter") or ""),
        kind=kind,
        mapping=mapping,
    )


def resolve_input(project: Project, text: str) -> Path:
    path = Path(text).expanduser()
    return path if path.is_absolute() else (project.root / path)
