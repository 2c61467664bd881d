"""``diplograph explore``: the built dataset → the entity graph → one HTML page.

>>> from diplograph.explorer.data import View
>>> View(focus="region/batang", depth=1).depth
1
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from diplograph.explorer.aggregate import AGGREGATE_ABOVE, aggregate
from diplograph.explorer.data import View, page_data, resolve_focus, view_graph
from diplograph.explorer.focus import focus_on_build
from diplograph.explorer.page import render_page
from diplograph.network.built import read_built
from diplograph.network.projection import entity_graph
from diplograph.project import Project

EXPLORER_FILE = "explorer.html"
TITLE = "diplograph explorer"
WHOLE_GRAPH = View()


@dataclass(frozen=True)
class ExplorerResult:
    """What was written: the drawn node and edge counts, and whether entities were grouped."""

    path: Path
    nodes: int
    edges: int
    entities: int
    aggregated: bool
    note: str
    seconds: float


def default_output(project: Project) -> Path:
    return project.build_dir / EXPLORER_FILE


def build_page(
    graph: nx.MultiDiGraph, view: View = WHOLE_GRAPH, *, limit: int = AGGREGATE_ABOVE
) -> tuple[str, nx.MultiDiGraph, str]:
    """The page for ``view`` of ``graph``: (HTML, the graph drawn, a note on what was done).

    Above ``limit`` entities the drawn graph groups them by type and country (see
    ``explorer.aggregate``); ``TooLarge`` is raised when even that is too much.
    """
    shown = view_graph(graph, view)
    title = TITLE
    if view.focus:
        focus = resolve_focus(graph, view.focus)
        title = f"{TITLE}: {graph.nodes[focus]['label']} and {view.depth} hops around it"
    note = ""
    if shown.number_of_nodes() > limit:
        entities = shown.number_of_nodes()
        shown = aggregate(shown, limit)
        note = (
            f"{entities:,} entities are more than {limit:,} for one page, so they are grouped "
            f"by type and country ({shown.number_of_nodes():,} nodes). To see entities one by "
            "one, run: diplograph explore --focus ID --depth N (or --types …)."
        )
    return render_page(page_data(shown, title=title, note=note)), shown, note


def write_explorer(
    project: Project,
    out: Path | None = None,
    view: View = WHOLE_GRAPH,
    *,
    limit: int = AGGREGATE_ABOVE,
) -> ExplorerResult:
    """Write the explorer page of the last build to ``out`` (default graph/build/explorer.html).

    With a focus, only its neighbourhood is read (from the store) and projected, and
    ``entities`` counts that neighbourhood. The file is written next to its target and renamed
    into place, so a reader never sees half a page. Nothing else is written (pyvis is never
    asked to write its ``lib/`` folder).
    """
    started = time.perf_counter()
    if view.focus:
        graph, focus = focus_on_build(project, view.focus, view.depth)
        view = replace(view, focus=focus)
    else:
        graph = entity_graph(read_built(project))
    text, shown, note = build_page(graph, view, limit=limit)
    path = out or default_output(project)
    _write_atomically(path, text)
    return ExplorerResult(
        path=path,
        nodes=shown.number_of_nodes(),
        edges=shown.number_of_edges(),
        entities=graph.number_of_nodes(),
        aggregated=bool(note),
        note=note,
        seconds=time.perf_counter() - started,
    )


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the page is meant to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
