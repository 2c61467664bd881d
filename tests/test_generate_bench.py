"""Smoke tests of the data generator and the benchmark at a tiny size (no timing checks)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.bench.report import BEGIN, END, query_table, ratios
from diplograph.project import Project
from diplograph.records.load import load_records
from diplograph.synth import generate
from diplograph.synth.degrees import DegreeSampler, histogram_from_pairs
from diplograph.synth.emit import to_yaml

REPO = Path(__file__).resolve().parents[1]


def test_generated_project_validates_and_is_deterministic(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", triples=4000, seed=3, template=REPO)
    second = generate(tmp_path / "b", triples=4000, seed=3, template=REPO)
    assert first == second
    names = sorted(p.name for p in (tmp_path / "a/graph/records").glob("*.yaml"))
    assert names == sorted(p.name for p in (tmp_path / "b/graph/records").glob("*.yaml"))
    for name in names:
        a = (tmp_path / "a/graph/records" / name).read_text(encoding="utf-8")
        assert a == (tmp_path / "b/graph/records" / name).read_text(encoding="utf-8")
    records = load_records(Project(tmp_path / "a"))  # raises on any problem
    assert len(records) == first.record_files + 3  # and the template's three files
    assert first.partnerships > 0 and first.hub == "batang"


def test_degrees_follow_the_pairs_file(tmp_path: Path) -> None:
    pairs = tmp_path / "relations.tsv"
    pairs.write_text("Q1\tQ2\nQ2\tQ1\nQ1\tQ3\nQ4\tQ4\n", encoding="utf-8")
    assert histogram_from_pairs(pairs) == {1: 2, 2: 1}
    import random

    sampler = DegreeSampler({1: 3, 5: 1}, random.Random(0))
    assert {sampler.draw() for _ in range(200)} == {1, 5}
    assert sampler.mean == 2.0


def test_yaml_quotes_what_needs_it() -> None:
    import yaml

    record = {"source": {"id": "x", "title": "a: b # c", "date": "2025-01-02", "n": 3}}
    assert yaml.safe_load(to_yaml(record))["source"]["title"] == "a: b # c"


def test_bench_writes_table_and_json(tmp_path: Path) -> None:
    doc, data = tmp_path / "benchmarks.md", tmp_path / "benchmarks.json"
    doc.write_text(f"# B\n\nanalysis before\n\n{BEGIN}\nOLD-TABLE\n{END}\n\nanalysis after\n")
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench.py"), "--sizes", "2k", "--repeat", "1",
         "--timeout", "2", "--workdir", str(tmp_path / "work"), "--doc", str(doc),
         "--json", str(data)],
        check=True, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    results = json.loads(data.read_text())
    row = results["sizes"][0]
    assert row["build"]["status"] == "ok" and row["build"]["quads"] > 2000
    assert row["queries"] and "reopen_seconds" in row
    assert ratios(row)["overhead_vs_raw"]
    text = doc.read_text()
    assert "analysis before" in text and "analysis after" in text and "OLD-TABLE" not in text
    assert "| size (target) |" in text and results["machine"]["cores"]


def test_ratios_count_rdflib_timeouts_as_a_lower_bound() -> None:
    def timed(median: float) -> dict:
        return {"median": median, "cold": median, "p95": median, "rows": 1}

    row = {
        "queries": {
            "both": {"diplograph": timed(0.1), "raw": timed(0.1), "rdflib": timed(1.0)},
            "slow-on-rdflib": {
                "diplograph": timed(0.2), "raw": timed(0.1), "rdflib": {"timeout": 20},
            },
            "slow-on-both": {"timeout": 20, "rdflib": {"timeout": 20}},
        }
    }  # fmt: skip
    found = ratios(row)
    assert found["speedup_vs_rdflib"] == pytest.approx(10.0)
    assert found["speedup_lower_bound"] == pytest.approx((10.0 * 100.0) ** 0.5)
    assert found["rdflib_timeouts"] == 1
    assert found["overhead_vs_raw"] == pytest.approx(2.0**0.5)
    assert "slow-on-both | – | timeout (> 20 s)" in query_table({"size": 1, **row})
