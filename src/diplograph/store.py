"""Where queries run: the embedded Oxigraph store of the last build, rdflib in memory, or a
remote SPARQL 1.1 endpoint. All three take the same query text and bindings and give the same
``Result``.

- ``oxigraph`` (default) opens ``graph/build/dataset/store`` read-only: nothing is parsed, so
  opening is instant whatever the size of the graph.
- ``memory`` parses ``dataset.nq`` into an rdflib ``Dataset``: slow on large graphs, but it is
  the reference engine the other two are compared with.
- ``endpoint`` sends the query over HTTP and reads SPARQL JSON results.

By default a query sees the union of all named graphs (sources, reference, ontology and, once
``diplograph reason`` ran, the inferred graph). ``GraphSelection`` narrows that: leave out the
inferred graph, or name the graphs to use as the default graph.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import httpx
import pyoxigraph as ox

from diplograph.build import NQUADS, STORE, dataset_dir
from diplograph.namespaces import INFERRED_GRAPH
from diplograph.params import ntriples
from diplograph.project import Project
from diplograph.results import RDF_LANG_STRING, XSD, Result, Term
from diplograph.sparql_text import outside_clauses, query_form, with_values

STORES = ("oxigraph", "memory")
_XSD_STRING = XSD + "string"


class StoreError(RuntimeError):
    """The store cannot be opened or the engine refused the query (with the engine's reason)."""


class NotBuilt(StoreError):
    """There is no build to query yet."""


@dataclass(frozen=True)
class GraphSelection:
    """Which graphs form the default graph of a query.

    ``graphs`` (IRIs) names them explicitly; otherwise all graphs, without the inferred graph
    when ``inferred`` is false.
    """

    graphs: tuple[str, ...] = ()
    inferred: bool = True

    @property
    def is_union(self) -> bool:
        return not self.graphs and self.inferred


ALL_GRAPHS = GraphSelection()


class Backend(Protocol):
    name: str

    def run(self, text: str, bindings: dict[str, Term], graphs: GraphSelection) -> Result: ...

    def present(self, candidates: list[Term]) -> list[Term]:
        """Those of ``candidates`` that are the subject of some triple."""
        ...


def _refuse_outside(text: str, allowed: set[str]) -> None:
    used = outside_clauses(text) - allowed
    if "SERVICE" in used:
        raise StoreError("SERVICE is not allowed: queries here never reach other servers")
    if "FROM" in used:
        raise StoreError("FROM is not supported by this store: choose graphs with --graph")


# -- Oxigraph ----------------------------------------------------------------------------------


def _ox_term(term: Term) -> ox.NamedNode | ox.Literal:
    if term.type == "uri":
        return ox.NamedNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


def _from_ox(term: object) -> Term | None:
    kind = type(term)
    if kind is ox.NamedNode:
        return Term("uri", term.value)  # type: ignore[attr-defined]
    if kind is ox.Literal:
        language = term.language  # type: ignore[attr-defined]
        if language:
            return Term("literal", term.value, None, language)  # type: ignore[attr-defined]
        datatype = term.datatype.value  # type: ignore[attr-defined]
        return Term("literal", term.value, None if datatype == _XSD_STRING else datatype)  # type: ignore[attr-defined]
    if kind is ox.BlankNode:
        return Term("bnode", term.value)  # type: ignore[attr-defined]
    return None if term is None else Term("literal", str(term))


class OxigraphBackend:
    """The persistent store written by ``diplograph build``, opened read-only."""

    name = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def open(cls, project: Project) -> OxigraphBackend:
        path = dataset_dir(project) / STORE
        if not path.is_dir():
            raise NotBuilt(f"no store at {path}: run `diplograph build` first")
        try:
            return cls(ox.Store.read_only(str(path)))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}") from exc

    def _graph_options(self, graphs: GraphSelection) -> dict[str, object]:
        if graphs.graphs:
            return {"default_graph": [ox.NamedNode(g) for g in graphs.graphs]}
        if not graphs.inferred:
            inferred = ox.NamedNode(str(INFERRED_GRAPH))
            chosen = [g for g in self.store.named_graphs() if g != inferred]
            return {"default_graph": [ox.DefaultGraph(), *chosen]}
        return {"use_default_graph_as_union": True}

    def run(self, text: str, bindings: dict[str, Term], graphs: GraphSelection) -> Result:
        _refuse_outside(text, {"FROM"})
        if bindings and query_form(text) != "SELECT":
            # Oxigraph substitutes only variables a SELECT clause projects; other forms get
            # the terms as a VALUES block, as a remote endpoint does.
            text, bindings = with_values(text, {n: ntriples(t) for n, t in bindings.items()}), {}
        substitutions = {ox.Variable(n): _ox_term(t) for n, t in bindings.items()}
        try:
            answer = self.store.query(
                text, substitutions=substitutions or None, **self._graph_options(graphs)
            )
        except SyntaxError as exc:
            raise StoreError(f"the query does not parse: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the store failed: {exc}") from exc
        except RuntimeError as exc:  # e.g. a bound variable missing from the SELECT clause
            raise StoreError(
                f"Oxigraph refused the query: {exc} (a parameter must be selected by the query)"
            ) from exc
        if isinstance(answer, ox.QueryBoolean):
            return Result(boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            turtle = ox.serialize(answer, format=ox.RdfFormat.TURTLE)
            return Result(turtle=(turtle or b"").decode("utf-8"))
        names = [v.value for v in answer.variables]
        width = range(len(names))
        rows = [tuple(_from_ox(solution[i]) for i in width) for solution in answer]
        return Result(names, rows)

    def present(self, candidates: list[Term]) -> list[Term]:
        return [
            c
            for c in candidates
            if next(iter(self.store.quads_for_pattern(ox.NamedNode(c.value), None, None)), None)
        ]


# -- rdflib in memory --------------------------------------------------------------------------


def _rdflib_term(term: Term):  # type: ignore[no-untyped-def]
    from rdflib import Literal, URIRef

    if term.type == "uri":
        return URIRef(term.value)
    if term.lang:
        return Literal(term.value, lang=term.lang)
    return Literal(term.value, datatype=URIRef(term.datatype) if term.datatype else None)


def _from_rdflib(term: object) -> Term | None:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, Literal):
        if term.language:
            return Term("literal", str(term), None, term.language)
        datatype = str(term.datatype) if term.datatype else None
        if datatype in (_XSD_STRING, RDF_LANG_STRING):
            datatype = None
        return Term("literal", str(term), datatype)
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    return Term("literal", str(term))


@functools.lru_cache(maxsize=4)
def _load_dataset(path: str, _mtime_ns: int, _size: int, graphs: tuple[str, ...] | None):  # type: ignore[no-untyped-def]
    """The dataset of ``path`` (all graphs, or only ``graphs``); cached while the file is
    unchanged."""
    from rdflib import Dataset, URIRef

    full = Dataset(default_union=True)
    full.parse(path, format="nquads")
    if graphs is None:
        return full
    chosen = Dataset(default_union=True)
    for name in graphs:
        target = chosen.graph(URIRef(name))
        for triple in full.graph(URIRef(name)):
            target.add(triple)
    return chosen


@functools.lru_cache(maxsize=256)
def _prepare(text: str):  # type: ignore[no-untyped-def]
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


class MemoryBackend:
    """rdflib's in-memory engine over ``dataset.nq``: the reference for the other engines."""

    name = "memory"

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def open(cls, project: Project) -> MemoryBackend:
        path = dataset_dir(project) / NQUADS
        if not path.is_file():
            raise NotBuilt(f"no built dataset at {path}: run `diplograph build` first")
        return cls(path)

    def dataset(self, graphs: GraphSelection = ALL_GRAPHS):  # type: ignore[no-untyped-def]
        stat = self.path.stat()
        key = (str(self.path), stat.st_mtime_ns, stat.st_size)
        if graphs.is_union:
            return _load_dataset(*key, None)
        chosen = graphs.graphs
        if not chosen:
            names = {str(g.identifier) for g in _load_dataset(*key, None).graphs()}
            chosen = tuple(sorted(names - {str(INFERRED_GRAPH)}))
        return _load_dataset(*key, tuple(chosen))

    def run(self, text: str, bindings: dict[str, Term], graphs: GraphSelection) -> Result:
        _refuse_outside(text, set())
        query_form(text)  # refuses updates with a clear message
        try:
            prepared = _prepare(text)
        except Exception as exc:  # pyparsing raises its own exception types
            raise StoreError(f"the query does not parse: {exc}") from exc
        init = {n: _rdflib_term(t) for n, t in bindings.items()}
        answer = self.dataset(graphs).query(prepared, initBindings=init)
        if answer.type == "ASK":
            return Result(boolean=bool(answer.askAnswer))
        if answer.type in ("CONSTRUCT", "DESCRIBE"):
            return Result(turtle=answer.graph.serialize(format="turtle"))
        names = [str(v) for v in answer.vars or []]
        rows = [tuple(_from_rdflib(cell) for cell in row) for row in answer]
        return Result(names, rows)

    def present(self, candidates: list[Term]) -> list[Term]:
        from rdflib import URIRef

        dataset = self.dataset()
        return [c for c in candidates if (URIRef(c.value), None, None) in dataset]


# -- remote endpoint ---------------------------------------------------------------------------

RESULTS_JSON = "application/sparql-results+json"


class EndpointBackend:
    """Any SPARQL 1.1 endpoint. Parameters travel as a ``VALUES`` block of escaped terms."""

    name = "endpoint"

    def __init__(self, url: str, timeout: float = 60.0, client: httpx.Client | None = None) -> None:
        if not url.startswith(("http://", "https://")):
            raise StoreError(f"{url!r} is not an http(s) URL of a SPARQL endpoint")
        self.url = url
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=True)

    def _post(self, text: str, accept: str, graphs: tuple[str, ...]) -> httpx.Response:
        params = [("default-graph-uri", g) for g in graphs]
        try:
            response = self.client.post(
                self.url, params=params, data={"query": text}, headers={"Accept": accept}
            )
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach {self.url}: {exc}") from exc
        if response.status_code >= 400:
            reason = response.text.strip().splitlines()[:1]
            detail = f": {reason[0][:200]}" if reason else ""
            raise StoreError(f"{self.url} answered HTTP {response.status_code}{detail}")
        return response

    def _graphs(self, graphs: GraphSelection) -> tuple[str, ...]:
        if graphs.graphs or graphs.inferred:
            return graphs.graphs
        listing = self.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", {}, ALL_GRAPHS)
        names = {row[0].value for row in listing.bindings if row[0] is not None}
        return tuple(sorted(names - {str(INFERRED_GRAPH)}))

    def run(self, text: str, bindings: dict[str, Term], graphs: GraphSelection) -> Result:
        form = query_form(text)
        _refuse_outside(text, {"FROM"})
        text = with_values(text, {n: ntriples(t) for n, t in bindings.items()})
        chosen = self._graphs(graphs)
        if form in ("CONSTRUCT", "DESCRIBE"):
            return Result(turtle=self._post(text, "text/turtle", chosen).text)
        response = self._post(text, RESULTS_JSON, chosen)
        try:
            data = response.json()
        except ValueError as exc:
            kind = response.headers.get("content-type", "unknown")
            raise StoreError(f"{self.url} did not send SPARQL JSON results ({kind})") from exc
        return Result.from_json(data)

    def present(self, candidates: list[Term]) -> list[Term]:
        if not candidates:
            return []
        listed = " ".join(ntriples(c) for c in candidates)
        text = f"SELECT DISTINCT ?s WHERE {{ VALUES ?s {{ {listed} }} ?s ?p ?o }}"
        found = {row[0].value for row in self.run(text, {}, ALL_GRAPHS).bindings if row[0]}
        return [c for c in candidates if c.value in found]


def open_backend(
    project: Project | None, store: str = "oxigraph", endpoint: str | None = None
) -> Backend:
    """The backend to query: ``endpoint`` if given, else the ``store`` of the project's build."""
    if endpoint:
        return EndpointBackend(endpoint)
    if project is None:
        raise StoreError("a local store needs a project")
    if store == "oxigraph":
        return OxigraphBackend.open(project)
    if store == "memory":
        return MemoryBackend.open(project)
    raise StoreError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
