"""The owlrl package's OWL 2 RL closure: pure Python, no Java, slow on large graphs.

It expands a copy of the asserted graph (the input is left alone) and returns what was
added, as N-Triples lines; the engine module keeps only the statements about individuals.
"""

from __future__ import annotations

import owlrl
from rdflib import Graph


def owlrl_closure(asserted: Graph) -> list[str]:
    """What owlrl's OWL 2 RL semantics adds to ``asserted`` (blank nodes left out)."""
    work = Graph()
    for triple in asserted:
        work.add(triple)
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False
    ).expand(work)
    lines = []
    for s, p, o in work:
        if (s, p, o) in asserted or s.n3().startswith("_:") or o.n3().startswith("_:"):
            continue
        if not hasattr(s, "n3") or s.__class__.__name__ == "Literal":
            continue
        lines.append(f"{s.n3()} {p.n3()} {o.n3()} .")
    return sorted(lines)
