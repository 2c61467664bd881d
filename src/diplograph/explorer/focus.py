"""``--focus`` on the built store: find the entity, then project only its neighbourhood.

The store is opened read-only and asked only about the entities within ``--depth`` hops and
what their details need, so the page for one entity costs the same in a small graph and in a
large one. The nodes, their details and the edges are those of the whole projection.
"""

from __future__ import annotations

import networkx as nx

from diplograph.explorer.data import UnknownFocus
from diplograph.network.built import store_facts
from diplograph.network.projection import Projection
from diplograph.network.terms import ID_BASE, short_id
from diplograph.project import Project


def find_focus(projection: Projection, wanted: str) -> str:
    """The entity ``wanted`` names, as ``explorer.data.resolve_focus`` finds it in a graph:
    a full IRI, a short id (``region/batang``) or a bare id (``batang``) when unique."""
    for iri in (wanted, ID_BASE + wanted):
        if projection.is_entity(iri):
            return iri
    tails = []
    if wanted and "/" not in wanted:
        found = projection.facts.subjects_ending("/" + wanted)
        tails = sorted({s for s in found if projection.is_entity(s)})
    if len(tails) == 1:
        return tails[0]
    if tails:
        choices = ", ".join(sorted(short_id(n) for n in tails))
        raise UnknownFocus(f"--focus {wanted!r} is ambiguous: one of {choices}")
    raise UnknownFocus(f"--focus {wanted!r}: no entity with that id (try e.g. region/batang)")


def focus_on_build(project: Project, wanted: str, depth: int) -> tuple[nx.MultiDiGraph, str]:
    """The neighbourhood graph of ``wanted`` in the last build, and the focus's IRI."""
    projection = Projection(store_facts(project))
    focus = find_focus(projection, wanted)
    return projection.graph(projection.neighbourhood(focus, depth)), focus
