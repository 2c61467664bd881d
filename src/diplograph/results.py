"""Query results, independent of the engine that produced them, and their output formats.

Every backend turns its answers into the same small ``Term`` (the shape of a term in SPARQL 1.1
JSON results), so the output of the embedded store, the in-memory engine and a remote endpoint
can be printed, compared and converted alike.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

# The same as ``diplograph.namespaces.BASE``, written out: that module imports rdflib, which
# the query layer (and so ``import diplograph``) does not need.
BASE = "https://w3id.org/diplograph/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# Short forms used when IRIs are shown to people (never when they are written as data).
DISPLAY_PREFIXES = (
    (BASE + "id/", ""),
    (BASE + "vocab/", "vocab:"),
    (BASE + "graph/", "graph:"),
    (BASE + "ontology#", "diplo:"),
)


class Term(NamedTuple):
    """An RDF term as SPARQL JSON results write it: ``type`` is uri, literal or bnode."""

    type: str
    value: str
    datatype: str | None = None
    lang: str | None = None

    def to_json(self) -> dict[str, str]:
        out = {"type": self.type, "value": self.value}
        if self.lang:
            out["xml:lang"] = self.lang
        elif self.datatype and self.datatype != XSD + "string":
            out["datatype"] = self.datatype
        return out

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Term:
        kind = data["type"]
        if kind == "typed-literal":  # the SPARQL XML-era spelling some servers still send
            kind = "literal"
        datatype = data.get("datatype")
        if datatype == XSD + "string":
            datatype = None
        return cls(kind, data["value"], datatype, data.get("xml:lang"))

    def python(self) -> Any:
        """The value as Python: IRIs and most literals as ``str``, numbers, booleans, dates."""
        if self.type != "literal" or not self.datatype:
            return self.value
        return _CONVERT.get(self.datatype, str)(self.value)

    def display(self) -> str:
        """A short, readable form for tables: ``region/batang``, ``vocab:stage/exploration``."""
        if self.type == "uri":
            for namespace, prefix in DISPLAY_PREFIXES:
                if self.value.startswith(namespace):
                    return prefix + self.value[len(namespace) :]
            return self.value
        if self.type == "bnode":
            return "_:" + self.value
        return self.value


def _boolean(text: str) -> bool | str:
    return {"true": True, "1": True, "false": False, "0": False}.get(text.strip(), text)


def _number(kind: type) -> Any:
    def convert(text: str) -> Any:
        try:
            return kind(text)
        except (ValueError, InvalidOperation):
            return text

    return convert


def _date(text: str) -> datetime.date | str:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def _datetime(text: str) -> datetime.datetime | str:
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text


_CONVERT: dict[str, Any] = {
    XSD + "integer": _number(int),
    XSD + "int": _number(int),
    XSD + "long": _number(int),
    XSD + "nonNegativeInteger": _number(int),
    XSD + "positiveInteger": _number(int),
    XSD + "decimal": _number(Decimal),
    XSD + "double": _number(float),
    XSD + "float": _number(float),
    XSD + "boolean": _boolean,
    XSD + "date": _date,
    XSD + "dateTime": _datetime,
}


class Rows(list):
    """Result rows as dicts of Python values (``None`` for unbound), in the query's order.

    ``variables`` names the columns; ``to_dataframe()`` gives a pandas DataFrame.
    """

    variables: list[str]

    def __init__(self, rows: Iterable[dict[str, Any]], variables: Sequence[str]) -> None:
        super().__init__(rows)
        self.variables = list(variables)

    def to_dataframe(self) -> Any:
        try:
            import pandas
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_dataframe() needs pandas: pip install pandas") from exc
        return pandas.DataFrame(list(self), columns=self.variables)


@dataclass
class Result:
    """What a query answered: solutions (SELECT), a boolean (ASK) or Turtle (CONSTRUCT)."""

    variables: list[str] = field(default_factory=list)
    bindings: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    turtle: str | None = None

    @property
    def kind(self) -> str:
        if self.turtle is not None:
            return "graph"
        return "boolean" if self.boolean is not None else "solutions"

    def rows(self) -> Rows:
        names = self.variables
        return Rows(
            (
                {
                    n: (t.python() if t is not None else None)
                    for n, t in zip(names, row, strict=True)
                }
                for row in self.bindings
            ),
            names,
        )

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        return {
            "head": {"vars": list(self.variables)},
            "results": {
                "bindings": [
                    {n: t.to_json() for n, t in zip(self.variables, row, strict=True) if t}
                    for row in self.bindings
                ]
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Result:
        if "boolean" in data:
            return cls(boolean=bool(data["boolean"]))
        names = list(data.get("head", {}).get("vars", []))
        rows = [
            tuple(Term.from_json(b[n]) if n in b else None for n in names)
            for b in data.get("results", {}).get("bindings", [])
        ]
        return cls(names, rows)

    def sort_list_cells(self, columns: Iterable[str], separator: str) -> None:
        """Sort and de-duplicate the items of concatenated columns.

        ``GROUP_CONCAT`` leaves the order of items to the engine; sorting makes the output the
        same on every engine and from one run to the next.
        """
        indexes = [self.variables.index(c) for c in columns if c in self.variables]
        if not indexes:
            return
        for number, row in enumerate(self.bindings):
            cells = list(row)
            for i in indexes:
                term = cells[i]
                if term is not None and term.type == "literal" and separator in term.value:
                    items = sorted({item for item in term.value.split(separator) if item})
                    cells[i] = term._replace(value=separator.join(items))
            self.bindings[number] = tuple(cells)


# -- formats ---------------------------------------------------------------------------------

FORMATS = ("table", "csv", "tsv", "json")


def to_csv(result: Result, delimiter: str = ",") -> str:
    """CSV (or TSV) with one header line; cells are the readable values, IRIs in full."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.bindings:
        cells = ["" if t is None else t.value for t in row]
        if delimiter == "\t":
            cells = [c.replace("\t", " ").replace("\n", " ") for c in cells]
        writer.writerow(cells)
    return buffer.getvalue()


def to_json_text(result: Result) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n"


def display_cells(result: Result) -> list[list[str]]:
    return [["" if t is None else t.display() for t in row] for row in result.bindings]


def to_plain_table(result: Result) -> str:
    """Columns aligned with spaces, for output that is piped or read by a program."""
    if result.boolean is not None:
        return ("yes" if result.boolean else "no") + "\n"
    header = list(result.variables)
    cells = display_cells(result)
    widths = [len(h) for h in header]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def rich_table(result: Result, title: str | None = None) -> Any:
    """A rich ``Table`` for a terminal; cell text is never read as markup."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, show_lines=False, caption=f"{len(result.bindings)} rows")
    for name in result.variables:
        table.add_column(name, overflow="fold")
    for row in display_cells(result):
        table.add_row(*(Text(cell) for cell in row))
    return table


def format_result(result: Result, fmt: str) -> str:
    """The result as text in ``fmt`` (table is the plain aligned form); graphs are Turtle."""
    if result.turtle is not None:
        return result.turtle
    if fmt == "json":
        return to_json_text(result)
    if result.boolean is not None:
        return to_plain_table(result)
    if fmt == "csv":
        return to_csv(result)
    if fmt == "tsv":
        return to_csv(result, "\t")
    if fmt == "table":
        return to_plain_table(result)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
