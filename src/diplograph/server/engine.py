"""What runs inside a query worker process: the store, read-only, and the jobs it answers.

A ``Job`` says what to run (SPARQL text, a named query, or a graph to fetch) and in which
formats to answer; the ``Engine`` answers with an ``Outcome``: an HTTP status, a body and the
row count, with ``truncated`` set when the row limit cut the answer short. Everything here runs
in the worker process, so that a query that runs too long can be stopped by ending the process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from diplograph.build import MANIFEST, STORE, dataset_dir
from diplograph.params import PREFIXES, ParameterError
from diplograph.project import Project
from diplograph.results import XSD, Result, Term
from diplograph.server.guard import Refused, dataset_clause, inspect
from diplograph.server.negotiate import GRAPH_FORMATS, RESULT_FORMATS
from diplograph.server.serialize import write_results

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
MEDIA_TYPES = {f.name: f.media_type for f in (*RESULT_FORMATS, *GRAPH_FORMATS)}
TEXT = "text/plain; charset=utf-8"
GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
UNION_QUERY = "CONSTRUCT WHERE { ?s ?p ?o }"


@dataclass(frozen=True)
class Job:
    """One request for the engine.

    ``kind`` is ``sparql`` (``text`` is the query), ``named`` (``text`` is the name of a
    query in ``queries/``, ``params`` its parameters), ``graph`` (``text`` is a graph IRI,
    empty for the default graph, which is the union of all graphs) or ``graphs`` (the list of
    named graphs with their sizes).
    """

    kind: str
    text: str
    params: tuple[tuple[str, str], ...] = ()
    results_format: str | None = "json"
    graph_format: str | None = "turtle"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    row_limit: int = 10_000


@dataclass
class Outcome:
    """The answer to a job, ready to send over HTTP."""

    status: int
    body: bytes = b""
    media_type: str = TEXT
    rows: int | None = None
    truncated: bool = False
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str) -> Outcome:
        return cls(status, (message.strip() + "\n").encode("utf-8"))


class JobError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def ox_to_term(term: object) -> Term | None:
    """A pyoxigraph term as the engine-neutral ``Term`` (quoted triples become literals)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Term("literal", term.value, None, term.language)
        datatype = term.datatype.value
        return Term("literal", term.value, None if datatype == XSD + "string" else datatype)
    return Term("literal", str(term))


class Engine:
    """The last build's store, reopened when a new build replaces it."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.path = dataset_dir(project) / STORE
        self.manifest = dataset_dir(project) / MANIFEST
        self._store: ox.Store | None = None
        self._stamp: tuple[int, int] | None = None

    def _manifest_stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.manifest.stat()
        except OSError:
            return None
        return stat.st_ino, stat.st_mtime_ns

    def store(self) -> ox.Store:
        """The store; reopened when the build's manifest changed (a rebuild swaps the
        whole folder in, so the old files stay readable until then)."""
        stamp = self._manifest_stamp()
        if self._store is None or stamp != self._stamp:
            if not self.path.is_dir():
                raise JobError(503, f"no built store at {self.path}: run `diplograph build`")
            self._store = ox.Store.read_only(str(self.path))
            self._stamp = stamp
        return self._store

    def graph_names(self) -> set[str]:
        return {g.value for g in self.store().named_graphs() if isinstance(g, ox.NamedNode)}

    def run(self, job: Job) -> Outcome:
        try:
            if job.kind == "sparql":
                return self._sparql(job)
            if job.kind == "named":
                return self._named(job)
            if job.kind == "graph":
                return self._graph(job)
            if job.kind == "graphs":
                return self._graphs_listing()
            raise JobError(500, f"unknown job kind {job.kind!r}")
        except JobError as exc:
            return Outcome.error(exc.status, str(exc))

    # -- SPARQL ---------------------------------------------------------------------------

    def _dataset_options(self, job: Job, has_from: bool) -> dict[str, object]:
        """The dataset: the request's graphs, else the query's FROM, else the union."""
        if job.default_graphs or job.named_graphs:
            self._require_local([*job.default_graphs, *job.named_graphs], "the request")
            return {
                "default_graph": [ox.NamedNode(g) for g in job.default_graphs],
                "named_graphs": [ox.NamedNode(g) for g in job.named_graphs],
            }
        if has_from:
            clause = dataset_clause(job.text)
            if clause is not None:
                self._require_local([*clause[0], *clause[1]], "FROM")
            return {}  # the query's own dataset clause applies
        return {"use_default_graph_as_union": True}

    def _require_local(self, iris: list[str], where: str) -> None:
        known = self.graph_names()
        for iri in iris:
            if iri not in known:
                raise JobError(
                    403,
                    f"{where} names <{iri}>, which is not a graph of this dataset; this "
                    f"endpoint never fetches data from elsewhere (its graphs are listed at "
                    f"/graphs)",
                )

    def _sparql(self, job: Job) -> Outcome:
        try:  # checked here again, so that no job can skip the checks
            has_from = inspect(job.text).has_from
        except Refused as exc:
            raise JobError(exc.status, exc.message) from None
        options = self._dataset_options(job, has_from)
        try:
            answer = self.store().query(job.text, **options)  # type: ignore[arg-type]
        except SyntaxError as exc:
            raise JobError(400, f"malformed query: {exc}") from None
        except (RuntimeError, ValueError) as exc:
            raise JobError(400, f"the query failed: {exc}") from None
        return self._answer(answer, job)

    def _answer(self, answer: object, job: Job) -> Outcome:
        if isinstance(answer, ox.QueryBoolean):
            return self._results(Result(boolean=bool(answer)), job, False)
        if isinstance(answer, ox.QueryTriples):
            triples = list(islice(answer, job.row_limit + 1))
            truncated = len(triples) > job.row_limit
            return self._triples(triples[: job.row_limit], job, truncated)
        names = [v.value for v in answer.variables]  # type: ignore[attr-defined]
        rows: list[tuple[Term | None, ...]] = []
        truncated = False
        for solution in answer:  # type: ignore[attr-defined]
            if len(rows) == job.row_limit:
                truncated = True
                break
            rows.append(tuple(ox_to_term(solution[i]) for i in range(len(names))))
        return self._results(Result(names, rows), job, truncated)

    def _results(self, result: Result, job: Job, truncated: bool) -> Outcome:
        if job.results_format is None:
            raise JobError(406, _not_acceptable("solutions", RESULT_FORMATS))
        rows = None if result.boolean is not None else len(result.bindings)
        body = write_results(result, job.results_format)
        return Outcome(200, body, media_type(job.results_format), rows, truncated)

    def _triples(self, triples: list[ox.Triple], job: Job, truncated: bool) -> Outcome:
        if job.graph_format is None:
            raise JobError(406, _not_acceptable("a graph", GRAPH_FORMATS))
        fmt = RDF_FORMATS[job.graph_format]
        prefixes = PREFIXES if job.graph_format in ("turtle", "rdfxml") else None
        body = ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
        return Outcome(200, body, media_type(job.graph_format), len(triples), truncated)

    # -- named queries and graphs -----------------------------------------------------------

    def _named(self, job: Job) -> Outcome:
        from diplograph.queries_catalog import QueryHeaderError
        from diplograph.query import UnknownQuery, execute, prepare
        from diplograph.store import OxigraphBackend, StoreError

        backend = OxigraphBackend(self.store())
        try:
            prepared = prepare(self.project, backend, name=job.text, params=dict(job.params))
            result = execute(prepared, backend)
        except UnknownQuery as exc:
            raise JobError(404, str(exc)) from None
        except ParameterError as exc:
            raise JobError(400, str(exc)) from None
        except (QueryHeaderError, StoreError) as exc:
            raise JobError(500, f"the named query {job.text!r} cannot run: {exc}") from None
        if result.turtle is not None:
            triples = [q.triple for q in ox.parse(result.turtle.encode(), ox.RdfFormat.TURTLE)]
            truncated = len(triples) > job.row_limit
            return self._triples(triples[: job.row_limit], job, truncated)
        truncated = len(result.bindings) > job.row_limit
        result.bindings = result.bindings[: job.row_limit]
        return self._results(result, job, truncated)

    def _graph(self, job: Job) -> Outcome:
        store = self.store()
        if job.text:
            if job.text not in self.graph_names():
                raise JobError(404, f"no graph <{job.text}> in this dataset")
            answer = store.query(
                GRAPH_QUERY, substitutions={ox.Variable("g"): ox.NamedNode(job.text)}
            )
        else:
            answer = store.query(UNION_QUERY, use_default_graph_as_union=True)
        return self._answer(answer, job)

    def _graphs_listing(self) -> Outcome:
        """The named graphs and their sizes, as JSON."""
        store = self.store()
        listing = []
        for name in sorted(self.graph_names()):
            size = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
            listing.append({"graph": name, "triples": size})
        body = json.dumps({"graphs": listing}, indent=2).encode("utf-8")
        return Outcome(200, body, "application/json", len(listing))


def media_type(name: str) -> str:
    media = MEDIA_TYPES[name]
    return f"{media}; charset=utf-8" if media.startswith("text/") else media


def _not_acceptable(kind: str, formats: tuple) -> str:
    offered = ", ".join(f.media_type for f in formats)
    return f"this query answers with {kind}; the Accept header allows none of: {offered}"
