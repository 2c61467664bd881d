"""Shared fixtures: a private copy of the project for each test that writes, one seed build and
one build of the independent fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplograph.build import BuildResult, build
from diplograph.project import Project

REPO = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("ontology", "graph/records", "graph/reference", "graph/sources", "queries")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        help="Rewrite the expected files under tests/golden from the current output.",
    )


@pytest.fixture
def regenerate(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regenerate-golden"))


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Project:
    """A copy of the repository's project folders (never the build) under ``target``."""
    for part in parts:
        source = REPO / part
        if source.exists():
            shutil.copytree(source, target / part)
    return Project(target)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A writable copy of the seed project."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, BuildResult]:
    """The seed project, built once for the session (read-only for tests)."""
    proj = copy_project(tmp_path_factory.mktemp("seed"))
    return proj, build(proj)


@pytest.fixture(scope="session")
def fixture_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The independent invented fixture (``tests/data/fixture``), built once for the session with
    the repository's ontology and queries (read-only for tests)."""
    target = tmp_path_factory.mktemp("fixture")
    proj = copy_project(target, ("ontology", "queries"))
    shutil.copytree(REPO / "tests" / "data" / "fixture" / "graph", target / "graph")
    build(proj)
    return proj
