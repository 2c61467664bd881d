"""The command line, in-process (typer's runner) and once as the installed command."""

from __future__ import annotations

import shutil
import subprocess
import sys

from typer.testing import CliRunner

from diplograph.cli import app

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_every_command_has_help():
    result = _run("--help")
    assert result.exit_code == 0
    commands = [c.name for c in app.registered_commands]
    assert {"build", "validate", "export"} <= set(commands)
    for name in commands:
        sub = _run(name, "--help")
        assert sub.exit_code == 0, name
        assert "Usage" in sub.output


def test_validate_exit_codes(project):
    assert _run("validate", "--project", str(project.root)).exit_code == 0
    record = project.records_dir / "2025-06-12-batang-zhijiang-sister-city.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("parties: [batang, zhijiang]", "parties: [batang, nowhere]"))
    result = _run("validate", "--project", str(project.root))
    assert result.exit_code == 1
    assert "unknown id 'nowhere'" in result.output
    missing = _run("validate", "--project", str(project.root / "nowhere"))
    assert missing.exit_code == 2


def test_build_then_export_every_format(project):
    assert _run("build", "--project", str(project.root)).exit_code == 0
    for fmt in ("turtle", "trig", "nquads", "ntriples", "jsonld"):
        out = project.root / f"out.{fmt}"
        result = _run("export", "--format", fmt, "-o", str(out), "--project", str(project.root))
        assert result.exit_code == 0, result.output
        assert "Zhijiang" in out.read_text(encoding="utf-8")


def test_export_before_build_says_so(project):
    result = _run("export", "--project", str(project.root))
    assert result.exit_code == 2
    assert "run `diplograph build` first" in result.output


def test_export_unknown_format(project):
    _run("build", "--project", str(project.root))
    result = _run("export", "--format", "xml", "--project", str(project.root))
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_installed_command_and_module_run(project):
    command = shutil.which("diplograph") or str(
        __import__("pathlib").Path(sys.executable).with_name("diplograph")
    )
    done = subprocess.run(
        [command, "validate", "--project", str(project.root)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    module = subprocess.run(
        [sys.executable, "-m", "diplograph", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert module.returncode == 0
    assert "build" in module.stdout
