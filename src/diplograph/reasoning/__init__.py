"""Reasoning: the inferred graph, and contradictions between the data and the ontology.

``reason_project(project, engine=…)`` reasons over the last build and writes the named graph
``…/graph/inferred``; ``reason_dataset`` and ``reason_nquads`` work on data in hand and write
nothing. Engines: ``rules`` (OWL 2 RL as SPARQL updates on Oxigraph, the default and the one
that scales), ``hermit`` and ``pellet`` (OWL 2 DL, Java, through owlready2) and ``owlrl``.
"""

from __future__ import annotations

from diplograph.reasoning.engine import reason_dataset, reason_nquads
from diplograph.reasoning.explain import Provenance
from diplograph.reasoning.model import (
    ENGINES,
    Clash,
    Inconsistent,
    Inference,
    ReasonerTimeout,
    ReasoningError,
)
from diplograph.reasoning.output import inferred_path, reason_project, rules_dir, write_inferred

__all__ = [
    "ENGINES",
    "Clash",
    "Inconsistent",
    "Inference",
    "Provenance",
    "ReasonerTimeout",
    "ReasoningError",
    "inferred_path",
    "reason_dataset",
    "reason_nquads",
    "reason_project",
    "rules_dir",
    "write_inferred",
]
