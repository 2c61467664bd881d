"""Every named query on the seed and on an independent fixture, on both local engines.

Expected bindings live in ``tests/golden/queries/<dataset>/<query>.srj`` (SPARQL JSON results)
and are compared ignoring row order. ``pytest --regenerate-golden`` rewrites them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.project import Project
from diplograph.queries_catalog import catalogue
from diplograph.query import execute, prepare
from diplograph.results import Result
from diplograph.store import MemoryBackend, OxigraphBackend

HERE = Path(__file__).parent
REPO = HERE.parent
GOLDEN = HERE / "golden" / "queries"
QUERY_NAMES = sorted(catalogue(REPO / "queries"))

# Parameters for the fixture: its own regions and dates, not the seed's examples.
FIXTURE_PARAMS: dict[str, dict[str, str]] = {
    "partners": {"region": "surabaya"},
    "pipeline": {"country": "china"},
    "by-country": {"region": "suwon"},
    "timeline": {"region": "surabaya"},
    "stage-as-of": {"date": "2024-07-01"},
    "field-matrix": {"region": "suwon"},
    "investments": {"firm": "kunshan-precision-group"},
    "people-posts": {"person": "budi-santoso"},
    "provenance": {"entity": "kunshan-precision-surabaya-plant"},
    "regions-within": {"region": "china"},
    "plans": {"today": "2025-09-01"},
    "programmes": {"programme": "smart-city-twinning"},
    "mentions": {"entity": "kunshan"},
}


def _canonical(result: Result) -> dict:
    data = result.to_json()
    rows = data["results"]["bindings"]
    data["results"]["bindings"] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return data


def _run(project: Project, name: str, params: dict[str, str]) -> tuple[Result, Result]:
    results = []
    for backend in (OxigraphBackend.open(project), MemoryBackend.open(project)):
        results.append(execute(prepare(project, backend, name, params=params), backend))
    return results[0], results[1]


def _check(project: Project, dataset: str, name: str, params: dict, regenerate: bool) -> None:
    on_oxigraph, on_memory = _run(project, name, params)
    assert _canonical(on_oxigraph) == _canonical(on_memory), f"{name}: engines disagree"
    golden = GOLDEN / dataset / f"{name}.srj"
    if regenerate:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(
            json.dumps(_canonical(on_oxigraph), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert _canonical(on_oxigraph) == expected


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_seed_golden(name: str, seed_build, regenerate: bool) -> None:
    project, _ = seed_build
    example = catalogue(project.queries_dir)[name].example
    _check(project, "seed", name, example, regenerate)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_fixture_golden(name: str, fixture_project: Project, regenerate: bool) -> None:
    _check(fixture_project, "fixture", name, FIXTURE_PARAMS.get(name, {}), regenerate)


def test_every_query_has_an_example_and_fixture_coverage() -> None:
    for name, named in catalogue(REPO / "queries").items():
        required = [p.name for p in named.params if p.required]
        assert set(required) <= set(named.example), f"{name}: example lacks {required}"
        assert set(required) <= set(FIXTURE_PARAMS.get(name, {})), name


def test_headline_partners_of_batang(seed_build) -> None:
    project, _ = seed_build
    result, _ = _run(project, "partners", {"region": "batang"})
    rows = result.rows()
    assert sorted(r["partner"] for r in rows) == ["Toyama", "Zhijiang"]
    by_partner = {r["partner"]: r for r in rows}
    assert by_partner["Zhijiang"]["country"] == "China"
    assert by_partner["Toyama"]["stage"] == "Exploration"
    assert by_partner["Zhijiang"]["since"] == "2025-06-12"
    assert "Green industry" in by_partner["Zhijiang"]["fields"]


def test_fixture_answers_differ_from_seed(fixture_project: Project) -> None:
    """The fixture exercises what the seed lacks: later stages, overdue plans, conflicts."""
    pipeline, _ = _run(fixture_project, "pipeline", {})
    stages = {r["partnership"].rsplit("/", 1)[-1]: r["stage"] for r in pipeline.rows()}
    assert stages["surabaya-kunshan"] == "Signed MoU or agreement"
    assert stages["surabaya-suwon"] == "Letter of Intent"
    plans, _ = _run(fixture_project, "plans", {"today": "2025-09-01"})
    overdue = {r["what"] for r in plans.rows() if r["state"] == "overdue"}
    assert "Planned visit to Suwon for the official signing" in overdue
    conflicts, _ = _run(fixture_project, "conflicts", {})
    assert [r["property"] for r in conflicts.rows()] == ["plannedDate"]
    hometown, _ = _run(fixture_project, "investor-hometown", {})
    assert [r["partner_region"] for r in hometown.rows()] == ["Kunshan"]
