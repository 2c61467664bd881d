"""What reasoning returns: the inferred triples, or the clashes that make the data inconsistent."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph

from diplograph.namespaces import INFERRED_GRAPH

ENGINES = ("hermit", "pellet", "rules", "owlrl")
"""The reasoners ``diplograph reason --engine`` offers."""


@dataclass
class Inference:
    """Inferred triples (sorted N-Triples lines, each ending in `` .``), never asserted ones."""

    engine: str
    triples: list[str]
    seconds: float
    notes: list[str] = field(default_factory=list)
    iterations: int = 0

    def __len__(self) -> int:
        return len(self.triples)

    def graph(self) -> Graph:
        """The inferred triples as an rdflib graph (for tests and small data)."""
        graph = Graph()
        graph.parse(data="\n".join(self.triples) + "\n", format="nt")
        return graph

    def nquads(self, graph_iri: str = str(INFERRED_GRAPH)) -> str:
        """The triples as N-Quads in the inferred named graph."""
        return "".join(f"{line[:-2]} <{graph_iri}> .\n" for line in self.triples)


@dataclass(frozen=True, order=True)
class Evidence:
    """An asserted statement that puts an individual into a class, and where it was stated."""

    statement: str
    graph: str
    file: str | None = None


@dataclass(frozen=True)
class Clash:
    """One contradiction between the data and an axiom of the ontology.

    ``kind`` is the axiom (``owl:AllDisjointClasses``, ``owl:disjointWith``,
    ``owl:IrreflexiveProperty``, …); ``terms`` the classes or the property involved;
    ``evidence`` the asserted statements that lead to it, with their graph and file.
    """

    individual: str
    kind: str
    terms: tuple[str, ...]
    other: str | None = None
    evidence: tuple[Evidence, ...] = ()
    text: str = ""


class ReasoningError(Exception):
    """Reasoning could not run (a bad rule file, a Java failure); exit code 2."""


class ReasonerTimeout(ReasoningError):
    """The Java reasoner did not finish within the time limit."""


class Inconsistent(Exception):
    """The data contradicts the ontology; ``clashes`` say where, in plain words (exit code 1)."""

    def __init__(self, engine: str, clashes: list[Clash], summary: str = "") -> None:
        self.engine = engine
        self.clashes = clashes
        self.summary = summary or f"the data contradicts the ontology ({engine})"
        super().__init__(self.message())

    def message(self) -> str:
        lines = [f"{self.summary}:" if self.clashes else self.summary]
        lines += [f"- {clash.text}" for clash in self.clashes]
        return "\n".join(lines)
