"""OWL 2 RL rules as SPARQL updates (``ontology/rules/*.rq``), run to a fixpoint on Oxigraph.

Each rule file is one or more ``INSERT { … } WHERE { … }`` updates that read the axioms from
the data (the ontology graph is part of it), so a new transitive property or subclass needs
no new rule. The rules run in file-name order, over and over, until a full round adds nothing.
Files with the header ``# profile: extension`` state rules of this ontology that OWL cannot
(an investment is foreign when two countries differ); they also run after the other engines.
Files named ``*-clash.rq`` are ``SELECT`` queries, not rules: each row is a contradiction
(an individual in two disjoint classes, a region that is its own partner), run after the
fixpoint. This is the reasoner that scales: it works on the store, in Rust, with no Java.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from diplograph.reasoning.model import Clash, Inference, ReasoningError
from diplograph.reasoning.workspace import asserted_store, merged_size, new_triples

CLASH_SUFFIX = "-clash.rq"
MAX_ROUNDS = 100

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RuleFile:
    path: Path
    text: str

    @property
    def name(self) -> str:
        return self.path.name.removesuffix(".rq")

    @property
    def extension(self) -> bool:
        """A rule of this ontology that OWL cannot state (``# profile: extension``)."""
        return any(line.replace(" ", "") == "#profile:extension" for line in self.text.splitlines())

    @property
    def title(self) -> str:
        for line in self.text.splitlines():
            if line.startswith("# title:"):
                return line.removeprefix("# title:").strip()
        return self.name


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[RuleFile, ...]
    clashes: tuple[RuleFile, ...]

    @classmethod
    def load(cls, folder: Path) -> RuleSet:
        """The rules and clash queries of ``folder``; a bad file raises ``ReasoningError``."""
        if not folder.is_dir():
            raise ReasoningError(f"{folder}: no rules folder")
        rules, clashes = [], []
        for path in sorted(folder.glob("*.rq")):
            text = path.read_text(encoding="utf-8")
            (clashes if path.name.endswith(CLASH_SUFFIX) else rules).append(RuleFile(path, text))
        if not rules:
            raise ReasoningError(f"{folder}: no rule files (*.rq)")
        return cls(tuple(rules), tuple(clashes))

    def extension(self) -> RuleSet:
        """Only the extension rules: what runs after HermiT, Pellet or owlrl."""
        return RuleSet(tuple(r for r in self.rules if r.extension), self.clashes)

    def owl2rl(self) -> RuleSet:
        """Only the OWL 2 RL rules."""
        return RuleSet(tuple(r for r in self.rules if not r.extension), self.clashes)


def materialise(store: ox.Store, rules: RuleSet, progress: Progress = lambda _: None) -> int:
    """Apply every rule until nothing changes; the number of rounds it took."""
    size = merged_size(store)
    for round_number in range(1, MAX_ROUNDS + 1):
        for rule in rules.rules:
            try:
                store.update(rule.text)
            except SyntaxError as exc:
                raise ReasoningError(f"{rule.path}: {exc}") from None
        new_size = merged_size(store)
        progress(f"rules round {round_number}: {new_size - size} new triples")
        if new_size == size:
            return round_number
        size = new_size
    raise ReasoningError(f"the rules did not reach a fixpoint in {MAX_ROUNDS} rounds")


def find_clashes(store: ox.Store, rules: RuleSet) -> list[Clash]:
    """Every contradiction the clash queries find in the materialised store."""
    found: set[Clash] = set()
    for query in rules.clashes:
        try:
            results = store.query(query.text)
        except SyntaxError as exc:
            raise ReasoningError(f"{query.path}: {exc}") from None
        names = [v.value for v in results.variables]
        for row in results:
            values = {n: row[n].value for n in names if row[n] is not None}
            terms = tuple(values[k] for k in ("class", "other", "property") if k in values)
            found.add(
                Clash(
                    individual=values["individual"],
                    kind=values.get("axiom", query.name),
                    terms=terms,
                    other=values.get("other") if "property" in values else None,
                )
            )
    return sorted(found, key=lambda c: (c.individual, c.kind, c.terms))


def run_rules(
    nquads: bytes | Path, rules: RuleSet, progress: Progress = lambda _: None
) -> tuple[Inference, list[Clash], ox.Store]:
    """Materialise ``nquads`` with ``rules``: the inference, the clashes and the work store."""
    started = time.perf_counter()
    progress("loading the asserted data into memory")
    store = asserted_store(nquads)
    rounds = materialise(store, rules, progress)
    clashes = find_clashes(store, rules)
    triples = new_triples(store)
    inference = Inference("rules", triples, time.perf_counter() - started, iterations=rounds)
    return inference, clashes, store
