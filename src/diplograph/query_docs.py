"""``docs/queries.md``: the named queries documented from their headers, each with the output
of its example run on the current build.
"""

from __future__ import annotations

from diplograph.project import Project
from diplograph.queries_catalog import NamedQuery, catalogue
from diplograph.results import Result, display_cells

EXAMPLE_ROWS = 8
CELL_WIDTH = 60

INTRO = """\
# Named queries

The questions the graph answers out of the box. Each is a SPARQL file in `queries/`; its header
(the comment lines at the top) gives the title, the description, the parameters and an example,
and this page is generated from those headers (`diplograph queries --markdown -o docs/queries.md`).

Run one with `diplograph query NAME -p name=value …`, or from Python with
`diplograph.query("NAME", name="value")`. Parameters that name things take an id (`batang`), a
prefixed name (`id:region/batang`) or a full IRI; dates are written `YYYY`, `YYYY-MM` or
`YYYY-MM-DD` (or `today`). A value never becomes query text as typed: it is first resolved to
an RDF term. IRIs (those of ids resolved in the store, or checked full IRIs) are then written
into the query as constants where the query uses the parameter's variable, and in a `VALUES`
block for its `SELECT` clause, so that the engine plans the query from them; other values
(dates, text) are bound by the engine. Output formats: `--format table` (the default), `csv`,
`tsv` and `json` (SPARQL 1.1 JSON results). Queries see the union of all graphs;
`--no-inferred` leaves out what `diplograph reason` inferred, and `--graph` names the graphs to
query (`reference`, `source/<source-id>`, `inferred`, …).

Engines: `--store oxigraph` (the default) queries the store written by `diplograph build`
without re-reading any file; `--store memory` loads the dataset into rdflib, the slower reference
engine; `--endpoint URL` sends the same query to any SPARQL 1.1 endpoint (parameters that are not
written in travel as a `VALUES` block of escaped RDF terms). The tests check that every query
gives the same answer on both local engines, on these records and on an independent set of test
records.

To add a query, put a `.rq` file in `queries/` with a header like the ones below. A parameter is
a variable the query selects (`SELECT ?region …`) and uses in its main `WHERE` group or in
sub-queries that select it too (a sub-query that does not select it has a variable of its own
of that name); it must not be the target of `AS` or listed in `VALUES`, nor used inside
`MINUS` (the parameter is then bound by the engine, not written in). An optional parameter is
tested with `COALESCE(STR(?region), "") = ""` (true when it was not given) rather than `BOUND`,
which not every engine applies to bound parameters.
Data checks go in `queries/qc/NAME-violation.rq`: every row they return (offending node first,
then an optional `?message`) fails `diplograph build` and `diplograph validate`.

The example outputs below are from the records in this repository, shown in the short form of
the table output: instance IRIs as `segment/id`, vocabulary concepts as `vocab:scheme/id`.
"""


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def example_table(result: Result) -> str:
    """The first rows of ``result`` as aligned text, long cells shortened."""
    header = list(result.variables)
    cells = [[_cell(c) for c in row] for row in display_cells(result)[:EXAMPLE_ROWS]]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    total = len(result.bindings)
    more = f", first {EXAMPLE_ROWS} shown" if total > EXAMPLE_ROWS else ""
    lines.append(f"({total} row{'s' if total != 1 else ''}{more})")
    return "\n".join(lines)


def _params_table(named: NamedQuery) -> list[str]:
    if not named.params:
        return ["Parameters: none.", ""]
    lines = ["| parameter | kind | meaning | when not given |", "|---|---|---|---|"]
    for p in named.params:
        absent = f"`{p.default}`" if p.default else ("all" if p.optional else "required")
        lines.append(f"| `{p.name}` | {p.kind} | {p.description} | {absent} |")
    return [*lines, ""]


def render(queries: dict[str, NamedQuery], examples: dict[str, Result]) -> str:
    """The Markdown page; ``examples`` maps a query name to the result of its example."""
    parts = [INTRO, "| query | question |", "|---|---|"]
    parts += [f"| [`{n}`](#{n}) | {q.title} |" for n, q in queries.items()]
    for name, named in queries.items():
        command = " ".join(
            ["diplograph query", name, *(f"-p {k}={v}" for k, v in named.example.items())]
        )
        parts += ["", f"## {name}", "", f"**{named.title}.** {named.description}", ""]
        parts += _params_table(named)
        parts += ["Example:", "", "```console", f"$ {command}"]
        if name in examples:
            parts.append(example_table(examples[name]))
        parts.append("```")
    return "\n".join(parts) + "\n"


def queries_markdown(project: Project, store: str = "oxigraph") -> str:
    """The page for ``project``'s queries, examples run on its build."""
    from diplograph.query import execute, prepare
    from diplograph.store import open_backend

    backend = open_backend(project, store=store)
    queries = catalogue(project.queries_dir)
    examples = {
        name: execute(prepare(project, backend, name, params=named.example), backend)
        for name, named in queries.items()
    }
    return render(queries, examples)
