"""The named queries: ``queries/*.rq`` files and what their headers say about them.

A header is the block of comment lines at the top of the file::

    # title: Partners of a region
    # description: Every partnership of the region, with the partner's country, …
    #   (a description may continue on indented comment lines)
    # param: ?region region — the region whose partners to list (optional)
    # param: ?date date — the day to look at (default: today)
    # lists: ?fields ?sources
    # example: region=batang

``param`` gives the variable, its kind (see ``diplograph.params.kinds()``), a description, and
either ``(default: …)``, ``(optional)`` (left unbound when not given) or nothing (required).
``lists`` names columns built with ``GROUP_CONCAT(…; separator=" | ")`` whose items are sorted
so that every engine prints them alike. ``example`` gives the parameters of the documented
example run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.params import Param, kinds

LIST_SEPARATOR = " | "
HEADER_KEYS = ("title", "description", "param", "lists", "example")

_PARAM = re.compile(
    r"^\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<kind>[a-z-]+)\s*(?:—|--|-)\s*(?P<text>.*)$"
)
_DEFAULT = re.compile(r"\s*\((?:default:\s*(?P<default>[^)]*)|(?P<optional>optional[^)]*))\)\s*$")


class QueryHeaderError(ValueError):
    """A named query whose header cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str = ""
    params: tuple[Param, ...] = ()
    lists: tuple[str, ...] = ()
    example: dict[str, str] = field(default_factory=dict)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse_header(text: str, path: Path) -> dict[str, object]:
    """The header fields of a query file; raises ``QueryHeaderError`` with file:line."""
    fields: dict[str, object] = {"params": [], "lists": [], "example": {}}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped[1:]
        match = re.match(r"^\s?([a-z]+):\s*(.*)$", body)
        if match and match.group(1) in HEADER_KEYS:
            key, value = match.group(1), match.group(2).strip()
            last = key
            where = f"{path}:{number}"
            if key == "param":
                fields["params"].append(_parse_param(value, where))  # type: ignore[attr-defined]
            elif key == "lists":
                fields["lists"] += [v.lstrip("?") for v in value.split()]  # type: ignore[operator]
            elif key == "example":
                fields["example"] = _parse_example(value, where)
            else:
                fields[key] = value
        elif body.startswith(("  ", "\t")) and last in ("title", "description"):
            fields[last] = f"{fields[last]} {body.strip()}"
        else:
            last = None
    if not fields.get("title"):
        raise QueryHeaderError(f"{path}:1: the header has no '# title:' line")
    names = [p.name for p in fields["params"]]  # type: ignore[attr-defined]
    if len(set(names)) != len(names):
        raise QueryHeaderError(f"{path}: a parameter is declared twice")
    return fields


def _parse_param(value: str, where: str) -> Param:
    match = _PARAM.match(value)
    if not match:
        raise QueryHeaderError(
            f"{where}: param: write '?name kind — description (default: value)', got {value!r}"
        )
    kind = match.group("kind")
    if kind not in kinds():
        raise QueryHeaderError(
            f"{where}: param: unknown kind {kind!r}; kinds: {', '.join(kinds())}"
        )
    text = match.group("text").strip()
    default, optional = None, False
    found = _DEFAULT.search(text)
    if found:
        default = found.group("default").strip() if found.group("default") is not None else None
        optional = found.group("optional") is not None
        text = text[: found.start()].strip()
    return Param(match.group("name"), kind, text, default, optional)


def _parse_example(value: str, where: str) -> dict[str, str]:
    example = {}
    for item in value.split():
        name, sep, val = item.partition("=")
        if not sep:
            raise QueryHeaderError(f"{where}: example: write name=value pairs, got {item!r}")
        example[name] = val
    return example


def read_query(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, path)
    query = NamedQuery(
        name=path.stem,
        path=path,
        text=text,
        title=str(header["title"]),
        description=str(header.get("description", "")),
        params=tuple(header["params"]),  # type: ignore[arg-type]
        lists=tuple(header["lists"]),  # type: ignore[arg-type]
        example=dict(header["example"]),  # type: ignore[arg-type]
    )
    for name in query.example:
        if query.param(name) is None:
            raise QueryHeaderError(f"{path}: example: {name!r} is not a parameter of the query")
    return query


def catalogue(queries_dir: Path) -> dict[str, NamedQuery]:
    """Every named query of ``queries_dir`` (not the ``qc/`` checks), by name."""
    return {path.stem: read_query(path) for path in sorted(queries_dir.glob("*.rq"))}
