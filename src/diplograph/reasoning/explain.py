"""Contradictions in plain words: which individual, which classes or axiom, which statements
in which file put it there.

A clash says, for instance, that ``person/faiz-kurniawan`` is both an Agent and a Region. That
is not yet useful: the reader needs to know *why* it is a Region — because a record says it
is a party of ``partnership/batang-zhijiang`` and the parties of a partnership are regions —
and which file to open. The evidence is looked up among the asserted statements (the named
graphs of the work store): a type stated outright, or a property whose domain or range gives
the class, following subclasses and subproperties.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import yaml
from rdflib import Graph
from rdflib.util import from_n3

from diplograph.namespaces import BASE, DIPLO, ONTOLOGY_GRAPH, REFERENCE_GRAPH, source_graph
from diplograph.project import Project
from diplograph.reasoning.model import Clash, Evidence

_EVIDENCE = (
    """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?g ?s ?p ?o ?via ?x ?class WHERE {
  {
    GRAPH ?g { ?x a ?via } BIND (?x AS ?s) BIND (rdf:type AS ?p) BIND (?via AS ?o)
    ?via rdfs:subClassOf* ?class .
  } UNION {
    GRAPH ?g { ?x ?p ?o } ?p rdfs:subPropertyOf* ?q . ?q rdfs:domain ?via .
    ?via rdfs:subClassOf* ?class . BIND (?x AS ?s)
  } UNION {
    GRAPH ?g { ?s ?p ?x } ?p rdfs:subPropertyOf* ?q . ?q rdfs:range ?via .
    ?via rdfs:subClassOf* ?class . BIND (?x AS ?o)
  }
  FILTER (?g != <%s>)
}
ORDER BY ?g ?s ?p ?o
LIMIT 6
""".replace("rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")
    % ONTOLOGY_GRAPH
)


@dataclass
class Provenance:
    """Which files each named graph was built from, to name them in explanations."""

    files: dict[str, list[Path]] = field(default_factory=dict)
    root: Path | None = None

    @classmethod
    def of_project(cls, project: Project) -> Provenance:
        from diplograph.imports.config import load_config
        from diplograph.imports.gazetteer import reference_files
        from diplograph.records.load import record_files

        files: dict[str, list[Path]] = {}
        for path, reference in record_files(project):
            graph = str(REFERENCE_GRAPH) if reference else _record_graph(path)
            if graph:
                files.setdefault(graph, []).append(path)
        files.setdefault(str(REFERENCE_GRAPH), []).extend(reference_files(project.reference_dir))
        try:
            for spec in load_config(project):
                files[f"{BASE}graph/import/{spec.id}"] = list(spec.inputs.values())
        except (OSError, ValueError):  # a broken imports file is the build's business
            pass
        return cls(files, project.root)

    def shown(self, path: Path) -> str:
        if self.root is not None:
            try:
                return str(path.resolve().relative_to(self.root.resolve()))
            except ValueError:
                pass
        return str(path)

    def file_for(self, graph: str, statement: tuple[str, str, str]) -> str | None:
        """The file of ``graph`` that states ``statement`` (N-Triples terms), if it is known."""
        candidates = self.files.get(graph, [])
        if len(candidates) == 1:
            return self.shown(candidates[0])
        triple = tuple(from_n3(term) for term in statement)
        for path in candidates:
            if path.suffix in (".nt", ".ttl") and triple in _rdf_file(path):
                return self.shown(path)
        local = str(triple[0]).rsplit("/", 1)[-1]
        for path in candidates:
            if path.suffix in (".yaml", ".yml") and f"id: {local}" in _text(path):
                return self.shown(path)
        return " or ".join(self.shown(p) for p in candidates) or None


@cache
def _rdf_file(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="nt" if path.suffix == ".nt" else "turtle")
    return graph


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _record_graph(path: Path) -> str | None:
    """The named graph of a record file: that of its source id (read without validation)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return str(source_graph(str(data["source"]["id"])))
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return None


def short(iri: str) -> str:
    """A readable name: ``region/batang``, ``Region``, ``org:Post``, ``owl:Nothing``."""
    iri = iri.strip("<>")
    for prefix, name in (
        (str(DIPLO), ""),
        (f"{BASE}id/", ""),
        (f"{BASE}graph/", "graph/"),
        ("http://www.w3.org/2002/07/owl#", "owl:"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
        ("https://schema.org/", "schema:"),
        ("http://www.w3.org/ns/org#", "org:"),
        ("http://www.w3.org/ns/prov#", "prov:"),
    ):
        if iri.startswith(prefix):
            return name + iri[len(prefix) :]
    return iri


def _evidence(store: ox.Store, individual: str, cls: str, provenance: Provenance) -> list[Evidence]:
    rows = store.query(
        _EVIDENCE,
        substitutions={
            ox.Variable("x"): ox.NamedNode(individual),
            ox.Variable("class"): ox.NamedNode(cls),
        },
    )
    found = []
    for row in rows:
        s, p, o = (str(row[name]) for name in ("s", "p", "o"))
        graph = row["g"].value
        via = short(row["via"].value)
        statement = f"{short(s)} {short(p)} {short(o)}"
        if row["p"].value.endswith("#type"):
            statement += f" ({_a(via)} is {_a(short(cls))})" if via != short(cls) else ""
        else:
            what = _a(via) + (f", which is {_a(short(cls))}" if via != short(cls) else "")
            statement += f" (so {short(individual)} is {what})"
        found.append(Evidence(statement, short(graph), provenance.file_for(graph, (s, p, o))))
    # Stated types first: they are what a curator most likely got wrong.
    found.sort(key=lambda e: " rdf:type " not in e.statement)
    return found[:3]


def _stated_in(
    store: ox.Store, triple: tuple[str, str, str], provenance: Provenance
) -> list[Evidence]:
    s, p, o = (ox.NamedNode(t) for t in triple)
    graphs = sorted(
        {
            q.graph_name.value
            for q in store.quads_for_pattern(s, p, o)
            if isinstance(q.graph_name, ox.NamedNode)
        }
    )
    return [
        Evidence(
            f"{short(triple[0])} {short(triple[1])} {short(triple[2])}",
            short(g),
            provenance.file_for(g, tuple(f"<{t}>" for t in triple)),
        )
        for g in graphs
    ]


def _a(name: str) -> str:
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def _where(evidence: Iterable[Evidence]) -> str:
    parts = []
    for item in evidence:
        where = item.file or item.graph
        parts.append(f"{item.statement} [{where}]")
    return "; ".join(parts) if parts else "no asserted statement found (it follows from others)"


def explain(
    clashes: list[Clash], store: ox.Store, provenance: Provenance | None = None
) -> list[Clash]:
    """The clashes with their evidence and a plain-words ``text``."""
    provenance = provenance or Provenance()
    explained = []
    for clash in clashes:
        who = short(clash.individual)
        if clash.kind in ("owl:AllDisjointClasses", "owl:disjointWith") and len(clash.terms) == 2:
            first, second = clash.terms
            one = _evidence(store, clash.individual, first, provenance)
            two = _evidence(store, clash.individual, second, provenance)
            text = (
                f"{who} cannot be both {_a(short(first))} and {_a(short(second))} "
                f"({clash.kind} in the ontology). It is {_a(short(first))} because: "
                f"{_where(one)}. It is {_a(short(second))} because: {_where(two)}."
            )
            evidence = tuple(one + two)
        elif clash.kind == "owl:IrreflexiveProperty":
            prop = clash.terms[0]
            evidence = tuple(
                _stated_in(store, (clash.individual, prop, clash.individual), provenance)
            )
            text = (
                f"{who} is {short(prop)} itself, but {short(prop)} is irreflexive "
                f"(owl:IrreflexiveProperty): {_where(evidence)}."
            )
        elif clash.kind == "owl:AsymmetricProperty" and clash.other:
            prop = clash.terms[0]
            evidence = tuple(
                _stated_in(store, (clash.individual, prop, clash.other), provenance)
                + _stated_in(store, (clash.other, prop, clash.individual), provenance)
            )
            text = (
                f"{who} and {short(clash.other)} are {short(prop)} each other, but "
                f"{short(prop)} is asymmetric: {_where(evidence)}."
            )
        else:
            evidence = ()
            terms = ", ".join(short(t) for t in clash.terms)
            text = f"{who} contradicts {clash.kind} ({terms})."
        explained.append(replace(clash, evidence=evidence, text=text))
    return explained
