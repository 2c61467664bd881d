"""The focused projection read from the store is the neighbourhood of the whole projection.

``explore --focus`` reads only the neighbourhood from the Oxigraph store (and the sorted
N-Quads); these tests check it against ``view_graph`` on the whole ``entity_graph``, for every
entity of the seed and of the independent fixture, and check the pieces it is built from.
"""

from __future__ import annotations

import json

import networkx as nx
import pytest

from diplograph import build as build_module
from diplograph.explorer import build_page, write_explorer
from diplograph.explorer.data import UnknownFocus, View, view_graph
from diplograph.explorer.focus import find_focus
from diplograph.namespaces import ID
from diplograph.network import sorted_nquads
from diplograph.network.betweenness import sampled_betweenness
from diplograph.network.built import nquads_path, read_built, store_facts, store_path
from diplograph.network.facts import MemoryFacts
from diplograph.network.projection import Projection, entity_graph
from diplograph.network.sorted_nquads import SortedNQuads
from diplograph.network.terms import RDF_TYPE, diplo

BATANG = str(ID["region/batang"])


def canonical(graph: nx.MultiDiGraph) -> tuple[list, list]:
    nodes = sorted((n, json.dumps(a, sort_keys=True)) for n, a in graph.nodes(data=True))
    edges = graph.edges(keys=True, data=True)
    return nodes, sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in edges)


@pytest.mark.parametrize("which", ["seed", "fixture"])
@pytest.mark.parametrize("sources", [True, False])
def test_every_focus_from_the_store_equals_the_focus_on_the_whole_graph(
    which, sources, seed_build, fixture_project
):
    project = seed_build[0] if which == "seed" else fixture_project
    memory = read_built(project)
    whole = entity_graph(memory, sources=sources)
    stored = store_facts(project)
    for focus in sorted(whole):
        for depth in (0, 1, 2):
            want = canonical(view_graph(whole, View(focus=focus, depth=depth)))
            for facts in (stored, memory):  # memory: the same lazy path on other facts
                projection = Projection(facts, sources=sources)
                got = projection.graph(projection.neighbourhood(focus, depth))
                assert canonical(got) == want, (focus, depth, type(facts).__name__)
                assert list(got) == sorted(got)


def test_the_focused_page_is_the_page_of_the_whole_graph(seed_build, tmp_path):
    project, _ = seed_build
    view = View(focus="batang", depth=2)
    whole, _, _ = build_page(entity_graph(read_built(project)), view)
    result = write_explorer(project, tmp_path / "focus.html", view)

    def data(page: str) -> dict:
        start = page.index('id="diplograph-data">') + len('id="diplograph-data">')
        found = json.loads(page[start : page.index("</script>", start)])
        found["nodes"] = sorted(found["nodes"], key=lambda n: n["iri"])
        found["edges"] = sorted(found["edges"], key=lambda e: (e["from"], e["to"], e["predicate"]))
        return found

    assert data(result.path.read_text(encoding="utf-8")) == data(whole)
    assert result.entities == result.nodes  # the neighbourhood is all that was projected


def test_find_focus_like_resolve_focus(seed_build):
    projection = Projection(store_facts(seed_build[0]))
    for wanted in ("batang", "region/batang", BATANG):
        assert find_focus(projection, wanted) == BATANG
    with pytest.raises(UnknownFocus, match="no entity with that id"):
        find_focus(projection, "atlantis")


def test_find_focus_refuses_an_ambiguous_id():
    source = "https://w3id.org/diplograph/graph/source/s"
    quads = [
        (str(ID[f"{kind}/x"]), RDF_TYPE, diplo(cls), source)
        for kind, cls in (("region", "Region"), ("firm", "Firm"))
    ]
    projection = Projection(MemoryFacts(quads))
    with pytest.raises(UnknownFocus, match="ambiguous: one of firm/x, region/x"):
        find_focus(projection, "x")
    assert find_focus(projection, "firm/x") == str(ID["firm/x"])


@pytest.mark.parametrize(("block", "read", "scan"), [(1 << 14, 1 << 12, 1 << 20), (97, 10, 300)])
def test_sorted_nquads_finds_every_subject(seed_build, monkeypatch, block, read, scan):
    monkeypatch.setattr(sorted_nquads, "BLOCK", block)
    monkeypatch.setattr(sorted_nquads, "READ", read)
    monkeypatch.setattr(sorted_nquads, "SCAN", scan)
    path = nquads_path(seed_build[0])
    lines: dict[str, list[bytes]] = {}
    for line in path.read_bytes().splitlines(keepends=True):
        if line.startswith(b"<"):  # not a blank node
            lines.setdefault(line[1 : line.index(b"> ")].decode(), []).append(line)
    index = SortedNQuads(path)
    for subject, expected in lines.items():
        assert index.lines(subject) == b"".join(expected)
        assert index.lines(subject + "x") == b""
    assert index.subjects_ending("/batang") == {BATANG}


def test_sorted_nquads_at_the_edges_of_a_file(tmp_path):
    last = '<http://a/z> <http://a/p> "no newline at the end" <http://a/g> .'
    path = tmp_path / "d.nq"
    path.write_text("<http://a/b> <http://a/p> <http://a/o> <http://a/g> .\n" + last)
    index = SortedNQuads(path)
    assert index.lines("http://a/z") == last.encode()
    assert index.quads("http://a/b") == [("http://a/p", "http://a/o", "http://a/g")]
    assert index.lines("http://a/a") == index.lines("http://a/zz") == b""
    (tmp_path / "empty.nq").write_bytes(b"")
    assert SortedNQuads(tmp_path / "empty.nq").lines("http://a/b") == b""


def test_build_paths_are_the_builds(seed_build):
    project, result = seed_build
    assert store_path(project) == result.store
    assert nquads_path(project) == result.nquads
    assert nquads_path(project).parent == build_module.dataset_dir(project)


def test_sampled_betweenness_is_networkx_estimate(seed_build):
    graph = nx.Graph(entity_graph(read_built(seed_build[0]), sources=False).to_undirected())
    graph.remove_edges_from(nx.selfloop_edges(graph))
    expected = nx.betweenness_centrality(graph, k=12, seed=7)
    found = sampled_betweenness(graph, 12, 7)
    assert found.keys() == expected.keys()
    assert all(found[n] == pytest.approx(expected[n], abs=1e-12) for n in graph)
    assert any(found.values())
