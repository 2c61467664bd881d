"""The README quickstart works: `make demo` builds, answers the headline query, writes the page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, copy_project

README = REPO / "README.md"


def _quickstart_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", section, re.S)
    assert block, "the quickstart has a code block"
    return [line.strip() for line in block.group(1).splitlines() if line.strip()]


def test_quickstart_is_two_commands():
    assert _quickstart_commands() == ["make demo", "make test"]


@pytest.mark.slow
def test_make_demo_runs_in_a_fresh_copy(tmp_path: Path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    project = copy_project(tmp_path).root
    shutil.copy(REPO / "Makefile", project / "Makefile")
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        ["make", "demo", f"VENV={venv}", "SKIP_INSTALL=1"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Zhijiang" in done.stdout and "Toyama" in done.stdout
    assert (project / "graph/build/dataset/dataset.trig").is_file()
    assert (project / "graph/build/explorer.html").is_file()
