"""Running queries: a named query or SPARQL text, parameters bound, on a chosen backend.

>>> from diplograph import query
>>> rows = query("partners", region="batang")          # doctest: +SKIP
>>> [row["partner"] for row in rows]                    # doctest: +SKIP
['Toyama', 'Zhijiang']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.params import Param, ParameterError, entity_candidates, ntriples, to_term
from diplograph.project import Project
from diplograph.queries_catalog import LIST_SEPARATOR, NamedQuery, catalogue
from diplograph.results import Result, Rows, Term
from diplograph.sparql_text import query_form, settle_guards, tokens, with_constants

if TYPE_CHECKING:  # the backends import pyoxigraph and httpx: loaded when a query runs
    from diplograph.store import Backend, GraphSelection


class UnknownQuery(KeyError):
    """No named query of that name; the message lists the ones there are."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Prepared:
    """A query ready to run: the text to run, the parameters the engine still has to bind,
    the header (if named) and every parameter's term (``params``).

    IRI parameters are written into ``text`` as constants (``with_constants``), so that the
    engine plans the query from them; the others stay in ``bindings``."""

    text: str
    bindings: dict[str, Term]
    named: NamedQuery | None = None
    params: dict[str, Term] = field(default_factory=dict)


def inline(text: str, params: dict[str, Term]) -> Prepared:
    """``text`` with its IRI parameters written in as constants, the others left to bind.

    The IRIs are the layer's own (resolved in the store or built from checked ids) and are
    checked again as they are written out (``ntriples``); when the text uses a parameter where
    a constant cannot stand, every parameter is bound by the engine instead, as before. The
    forms of a query that come with and without a parameter are settled first
    (``settle_guards``)."""
    text = settle_guards(text, set(params))
    constants = {n: ntriples(t) for n, t in params.items() if t.type == "uri"}
    written = with_constants(text, constants) if constants else None
    if written is None:
        return Prepared(text, dict(params), params=dict(params))
    rest = {n: t for n, t in params.items() if n not in constants}
    return Prepared(written, rest, params=dict(params))


def named_query(project: Project, name: str) -> NamedQuery:
    queries = catalogue(project.queries_dir)
    if name not in queries:
        known = ", ".join(queries) or "none"
        raise UnknownQuery(f"unknown query {name!r}; the named queries are: {known}")
    return queries[name]


def _free_params(text: str, given: dict[str, str]) -> tuple[Param, ...]:
    """Parameters of a query without a header: any variable of the query, read as an IRI
    when it is written as one (``<…>``, ``prefix:name``, ``http…``), else as text."""
    variables = {t.text[1:] for t in tokens(text) if t.kind == "var"}
    params = []
    for name, value in given.items():
        if name not in variables:
            known = ", ".join(sorted(variables)) or "none"
            raise ParameterError(f"unknown parameter {name!r}; the query's variables are: {known}")
        looks_iri = value.startswith("<") or ":" in value.split("/")[0]
        params.append(Param(name, "iri" if looks_iri else "text"))
    return tuple(params)


def bind(params: tuple[Param, ...], given: dict[str, str], backend: Backend) -> dict[str, Term]:
    """The RDF term of every given or defaulted parameter; unknown or missing ones raise."""
    by_name = {p.name: p for p in params}
    unknown = [n for n in given if n not in by_name]
    if unknown:
        known = ", ".join(f"{p.name} ({p.kind})" for p in params) or "none"
        raise ParameterError(f"unknown parameter {unknown[0]!r}; the parameters are: {known}")
    bindings: dict[str, Term] = {}
    for param in params:
        value = given.get(param.name, param.default)
        if value is None:
            if param.required:
                raise ParameterError(
                    f"missing parameter {param.name!r} ({param.kind}): give -p {param.name}=…"
                )
            continue
        bindings[param.name] = _resolve(param, value, backend)
    return bindings


def _resolve(param: Param, value: str, backend: Backend) -> Term:
    text = value.strip()
    if param.kind == "entity" and text and "/" not in text and ":" not in text:
        found = backend.present(entity_candidates(text))
        if len(found) == 1:
            return found[0]
        if not found:
            raise ParameterError(f"{param.name}: no entity has the id {text!r}")
        shown = ", ".join(t.value.rsplit("/id/", 1)[-1] for t in found)
        raise ParameterError(f"{param.name}: {text!r} is ambiguous; write one of: {shown}")
    return to_term(param, value)


def prepare(
    project: Project | None,
    backend: Backend,
    name: str | None = None,
    text: str | None = None,
    params: dict[str, str] | None = None,
) -> Prepared:
    """Look up the query (``name``) or take ``text``, and bind ``params``."""
    given = dict(params or {})
    if name is not None:
        if project is None:
            raise ValueError("a named query needs a project")
        named = named_query(project, name)
        prepared = inline(named.text, bind(named.params, given, backend))
        return Prepared(prepared.text, prepared.bindings, named, prepared.params)
    if text is None:
        raise ValueError("give a query name or query text")
    query_form(text)
    return inline(text, bind(_free_params(text, given), given, backend))


def execute(
    prepared: Prepared,
    backend: Backend,
    graphs: GraphSelection | None = None,
    limit: int | None = None,
) -> Result:
    from diplograph.store import ALL_GRAPHS

    result = backend.run(prepared.text, prepared.bindings, graphs or ALL_GRAPHS)
    if prepared.named is not None and prepared.named.lists:
        result.sort_list_cells(prepared.named.lists, LIST_SEPARATOR)
    if limit is not None:
        if limit < 0:
            raise ValueError("--limit must be zero or more")
        result.bindings = result.bindings[:limit]
    return result


def run(
    name: str | None = None,
    *,
    text: str | None = None,
    params: dict[str, str] | None = None,
    project: Project | Path | None = None,
    store: str = "oxigraph",
    endpoint: str | None = None,
    graphs: GraphSelection | None = None,
    limit: int | None = None,
) -> Result:
    """Run a named query (``name``) or SPARQL ``text`` and return the engine-neutral result."""
    from diplograph.store import open_backend

    proj = _project(project, needed=name is not None or endpoint is None)
    backend = open_backend(proj, store=store, endpoint=endpoint)
    prepared = prepare(proj, backend, name, text, params)
    return execute(prepared, backend, graphs, limit)


def query(
    name: str,
    /,
    *,
    project: Project | Path | None = None,
    store: str = "oxigraph",
    endpoint: str | None = None,
    inferred: bool = True,
    **params: str,
) -> Rows:
    """Run the named query ``name`` with keyword parameters; rows as dicts of Python values.

    ``store`` is ``"oxigraph"`` (the built store) or ``"memory"`` (rdflib); ``endpoint`` a
    SPARQL 1.1 endpoint URL instead. ``inferred=False`` leaves out the inferred graph.
    """
    from diplograph.store import GraphSelection

    result = run(
        name,
        params={k: str(v) for k, v in params.items()},
        project=project,
        store=store,
        endpoint=endpoint,
        graphs=GraphSelection(inferred=inferred),
    )
    return result.rows()


def _project(project: Project | Path | None, needed: bool) -> Project | None:
    if isinstance(project, Project):
        return project
    if project is not None:
        return Project(Path(project).resolve())
    try:
        return Project.find()
    except FileNotFoundError:
        if needed:
            raise
        return None
