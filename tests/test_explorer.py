"""The explorer page without a browser: escaping, self-containment, views, aggregation, the CLI."""

from __future__ import annotations

import base64
import copy
import hashlib
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.explorer import build_page, write_explorer
from diplograph.explorer.aggregate import TooLarge, aggregate
from diplograph.explorer.data import (
    UnknownFocus,
    View,
    normalise_types,
    page_data,
    resolve_focus,
    view_graph,
)
from diplograph.explorer.page import render_page, safe_json
from diplograph.namespaces import ID
from diplograph.network.built import read_built
from diplograph.network.projection import entity_graph

BATANG = str(ID["region/batang"])
EVIL = ["<img src=x onerror=alert(1)>", "x</script><script>alert(2)</script>", "a\u2028b & c"]
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="diplograph-data">(.*?)</script>', re.DOTALL
)


@pytest.fixture(scope="module")
def graph(seed_build) -> nx.MultiDiGraph:
    return entity_graph(read_built(seed_build[0]))


def embedded(page: str) -> dict:
    (block,) = DATA_BLOCK.findall(page)
    return json.loads(block)


def test_safe_json_escapes_what_could_end_a_script():
    text = safe_json({"label": EVIL})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text) == {"label": EVIL}


def test_malicious_labels_stay_inside_the_json(graph):
    evil = copy.deepcopy(graph)
    evil.nodes[BATANG]["label"] = EVIL[0]
    evil.nodes[BATANG]["labels"]["en"] = EVIL
    evil.nodes[BATANG]["facts"]["note"] = [EVIL[1]]
    page, _, _ = build_page(evil, View(focus="batang", depth=1))
    for text in EVIL:
        assert text not in page  # never raw: escaped in the title, \u-escaped in the JSON
    assert page.count("</script>") == 3  # only the data, vis-network and explorer blocks end
    data = embedded(page)
    node = next(n for n in data["nodes"] if n["iri"] == BATANG)
    assert node["labels"]["en"] == EVIL  # the text survives, as text
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert html.unescape(title).endswith(f"{EVIL[0]} and 1 hops around it")


def test_page_is_self_contained_and_scripts_are_pinned_by_hash(graph):
    page, _, _ = build_page(graph)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "@font-face" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 2  # vis-network and the explorer
    for code in scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "vis-network" in scripts[0][:400]


def test_page_data_matches_the_projection(graph):
    data = embedded(build_page(graph)[0])
    assert {n["iri"] for n in data["nodes"]} == set(graph)
    assert len(data["edges"]) == graph.number_of_edges()
    counts = {t["type"]: t["count"] for t in data["overview"]["by_type"]}
    assert counts["Partnership"] == 2 and sum(counts.values()) == graph.number_of_nodes()
    assert data["overview"]["partnerships_by_stage"] == [
        {"stage": "exploration", "label": "Exploration", "count": 2}
    ]
    assert {c["label"] for c in data["countries"]} >= {"Indonesia", "China", "Japan"}
    assert any(p["id"] == str(ID["programme/tctp"]) for p in data["programmes"])
    zhijiang = next(n for n in data["nodes"] if n["id"] == "region/zhijiang")
    assert "枝江市" in zhijiang["search"] and "kota zhijiang" in zhijiang["search"]


def test_focus_depth_and_types(graph):
    assert resolve_focus(graph, "region/batang") == BATANG
    assert resolve_focus(graph, "batang") == BATANG
    assert resolve_focus(graph, BATANG) == BATANG
    with pytest.raises(UnknownFocus):
        resolve_focus(graph, "atlantis")
    one = view_graph(graph, View(focus="batang", depth=1))
    assert set(one) == {BATANG} | set(nx.all_neighbors(graph, BATANG))
    two = view_graph(graph, View(focus="batang", depth=2))
    assert set(one) < set(two) < set(graph)
    regions = view_graph(graph, View(types=normalise_types(("region,country",))))
    assert {a["type"] for _, a in regions.nodes(data=True)} == {"Region", "Country"}
    with pytest.raises(ValueError, match="not a node type"):
        normalise_types(("dragons",))


def test_aggregation_groups_by_type_and_country(graph):
    grouped = aggregate(graph, limit=40)
    assert grouped.number_of_nodes() < graph.number_of_nodes()
    group = next(n for n, a in grouped.nodes(data=True) if a.get("members"))
    attrs = grouped.nodes[group]
    assert attrs["member_count"] == len(attrs["members"]) > 1
    assert all(m["iri"] in graph for m in attrs["members"])
    page_data(grouped, title="t")  # the page can draw it
    with pytest.raises(TooLarge, match="--focus"):
        aggregate(graph, limit=3)


def test_write_explorer_aggregates_above_the_limit(seed_build, tmp_path):
    project, _ = seed_build
    result = write_explorer(project, tmp_path / "small.html", limit=30)
    assert result.aggregated and "--focus" in result.note
    assert result.nodes < result.entities
    data = embedded((tmp_path / "small.html").read_text(encoding="utf-8"))
    assert data["note"] == result.note
    assert list(tmp_path.iterdir()) == [tmp_path / "small.html"]  # no lib/, no leftovers


def test_render_page_puts_nothing_into_placeholders_twice():
    page = render_page(page_data(nx.MultiDiGraph(), title="{{DATA}} {{APP_JS}}"))
    assert "{{DATA}} {{APP_JS}}" in page  # the title's text is not expanded


runner = CliRunner()


def test_cli_explore_writes_the_default_page(project, tmp_path, monkeypatch):
    assert runner.invoke(app, ["build", "--project", str(project.root)]).exit_code == 0
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    result = runner.invoke(app, ["explore", "--project", str(project.root)])
    assert result.exit_code == 0, result.output
    page = project.build_dir / "explorer.html"
    assert page.is_file() and f"wrote {page}" in result.output.replace("\n", "")
    assert list(cwd.iterdir()) == []  # nothing written into the working directory
    out = tmp_path / "focus.html"
    args = ["explore", "--project", str(project.root), "--focus", "zhijiang", "--depth", "1"]
    result = runner.invoke(app, [*args, "--types", "region,partnership", "-o", str(out)])
    assert result.exit_code == 0, result.output
    kinds = {n["type"] for n in embedded(out.read_text(encoding="utf-8"))["nodes"]}
    assert kinds == {"Region", "Partnership"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "atlantis"], "no entity with that id"),
        (["--types", "dragons"], "not a node type"),
        (["--depth", "-1"], "--depth"),
    ],
)
def test_cli_explore_bad_input(seed_build, tmp_path, args, message):
    project, _ = seed_build
    out = tmp_path / "x.html"
    result = runner.invoke(app, ["explore", "--project", str(project.root), "-o", str(out), *args])
    assert result.exit_code == 2
    assert message in result.output.replace("\n", " ")
    assert not out.exists()


def test_cli_explore_needs_a_build(project):
    result = runner.invoke(app, ["explore", "--project", str(project.root)])
    assert result.exit_code == 2
    assert "diplograph build" in result.output


def test_installed_command(seed_build, tmp_path):
    project, _ = seed_build
    out = tmp_path / "page.html"
    command = [sys.executable, "-m", "diplograph", "explore", "--project", str(project.root)]
    done = subprocess.run(
        [*command, "-o", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 400_000  # vis-network is inlined
    assert Path(tmp_path / "lib").exists() is False
