"""Bad records are refused with file, line and field, and the previous build stays intact."""

from __future__ import annotations

import re

import pytest

from diplograph.build import build, dataset_dir
from diplograph.project import Project
from diplograph.records.load import load_records
from diplograph.records.model import RecordsInvalid

ZHIJIANG = "graph/records/2025-06-12-batang-zhijiang-sister-city.yaml"


def _edit(project: Project, old: str, new: str, path: str = ZHIJIANG) -> int:
    """Replace ``old`` (which must occur once) and return the 1-based line it is on."""
    file = project.root / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    line = text[: text.index(old)].count("\n") + 1
    file.write_text(text.replace(old, new), encoding="utf-8")
    return line


def _problems(project: Project) -> list[str]:
    with pytest.raises(RecordsInvalid) as caught:
        load_records(project)
    return [str(p) for p in caught.value.problems]


BAD_INPUTS = [
    # (name, old text, new text, field named in the message, words in the message)
    (
        "unknown field",
        "    kind: sister-city\n",
        "    kind: sister-city\n    colour: red\n",
        "partnerships[batang-zhijiang].colour",
        "unknown field",
    ),
    (
        "unknown reference",
        "parties: [batang, zhijiang]",
        "parties: [batang, zhijing]",
        "partnerships[batang-zhijiang].parties[1]",
        "unknown id 'zhijing'",
    ),
    (
        "reference of the wrong kind",
        "    investor: allmed-medical",
        "    investor: batang",
        "investments[allmed-batang-factory].investor",
        "expected one of: firms",
    ),
    (
        "bad date",
        "    date: 2025-06-12\n    mode: online",
        "    date: 2025-06-31\n    mode: online",
        "events[batang-zhijiang-online-meeting-2025-06-12].date",
        "has 30 days",
    ),
    (
        "bad number",
        "land_area: {value: 24.8,",
        "land_area: {value: '24,8 ha',",
        "investments[allmed-batang-factory].land_area.value",
        "is not a number",
    ),
    (
        "range upside down",
        "{min: 1.6e12, max: 1.7e12",
        "{min: 1.8e12, max: 1.7e12",
        "investments[allmed-batang-factory].amounts[1]",
        "greater than max",
    ),
    (
        "unknown concept",
        "      - green-industry\n",
        "      - greeen-industry\n",
        "partnerships[batang-zhijiang].fields[0]",
        "not in the field scheme",
    ),
    (
        "missing required field",
        "    investor: allmed-medical\n",
        "",
        "investments[allmed-batang-factory].investor",
        "is required",
    ),
    (
        "quote not in the source",
        "quote: perusahaan alat kesehatan asal Zhijiang, Allmed Medical",
        "quote: perusahaan alat kesehatan asal Zhejiang, Allmed Medical",
        "firms[allmed-medical].quote",
        "quote not found",
    ),
    (
        "stage change without a date",
        "        reached_by: 2025-06-12\n",
        "",
        "partnerships[batang-zhijiang].stages[0]",
        "needs date, planned_date or reached_by",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_names_file_line_and_field(project, old, new, field, words):
    _edit(project, old, new)
    problems = _problems(project)
    assert len(problems) == 1, problems
    match = re.match(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<field>[^:]+): (?P<msg>.*)$", problems[0])
    assert match, problems[0]
    assert match["file"] == ZHIJIANG
    assert match["field"] == field
    assert words in match["msg"]
    lines = (project.root / ZHIJIANG).read_text(encoding="utf-8").splitlines()
    shown = lines[int(match["line"]) - 1]
    assert field.rsplit(".", 1)[-1].split("[")[0] in shown or "- " in shown or "id:" in shown


def test_duplicate_id_in_one_file(project):
    line = _edit(
        project,
        "  - id: huang-fangshuai\n",
        "  - id: huang-fangshuai\n    name: X\n  - id: huang-fangshuai\n",
    )
    problems = _problems(project)
    assert problems == [
        f"{ZHIJIANG}:{line + 2}: people[huang-fangshuai]: duplicate id 'huang-fangshuai' "
        f"(already on line {line})"
    ]


def test_same_id_in_two_sections(project):
    toyama = "graph/records/2025-08-30-batang-toyama-sister-city.yaml"
    _edit(project, "  - id: pltu-batang\n", "  - id: tctp\n", path=toyama)
    assert any("ids are unique across sections" in p for p in _problems(project))


def test_invalid_yaml_names_the_line(project):
    line = _edit(project, "    kind: sister-city\n", "    kind: [sister-city\n")
    problems = _problems(project)
    assert len(problems) == 1
    assert problems[0].startswith(f"{ZHIJIANG}:")
    assert "not valid YAML" in problems[0]
    assert int(problems[0].split(":")[1]) >= line


def test_yaml_is_read_safely(project):
    _edit(project, "    kind: sister-city\n", "    kind: !!python/object/apply:os.system [echo]\n")
    assert any("not valid YAML" in p for p in _problems(project))


def test_failed_build_leaves_previous_build_intact(project):
    first = build(project)
    before = {p: p.read_bytes() for p in first.directory.rglob("*") if p.is_file()}
    _edit(project, "parties: [batang, zhijiang]", "parties: [batang, nowhere]")
    with pytest.raises(RecordsInvalid):
        build(project)
    after = {p: p.read_bytes() for p in dataset_dir(project).rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.build_dir.glob(".staging-*"))


def test_all_problems_are_reported_at_once(project):
    _edit(project, "parties: [batang, zhijiang]", "parties: [batang, nowhere]")
    _edit(
        project, "    date: 2025-06-12\n    mode: online", "    date: 12/6/2025\n    mode: online"
    )
    assert len(_problems(project)) == 2


def test_reference_first_then_records_in_name_order(project):
    records = load_records(project)
    names = [r.path.name for r in records]
    assert names[0] == "places.yaml"
    assert names[1:] == sorted(p.name for p in project.records_dir.glob("*.yaml"))


YAML_CASES = [
    "a: &x {b: 1}\nc: *x\nd: {<<: *x, e: 2}\n",
    "a: [1, 2.5, null, true, ~, 0x1F, 1_000, .inf, 'text', 2025-06-12]\n",
    "a: [yes, No, off, 1e3, 0o17, -.inf, .NaN, 12:30, '', ~, Null, =, <<]\nb:\n",
    "x: !!set {a, b}\ny: !!omap [a: 1]\nz: !!binary aGVsbG8=\n",
    "x: !!str 12\ny: !!int '7'\n",
    "&a [*a]\n",
    "a: 1\na: 2\n",
    "- &z [1, {k: v}]\n- *z\n",
    "",
]


@pytest.mark.parametrize("text", YAML_CASES)
def test_fast_yaml_reading_builds_what_the_loader_builds(tmp_path, text):
    from diplograph.records.yamlio import load_yaml, read_yaml

    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        expected = load_yaml(path)
    except Exception as exc:  # the fast path must fail the same way
        with pytest.raises(type(exc)):
            read_yaml(path)
        return
    _assert_same(read_yaml(path), expected)


def test_fast_yaml_reading_keeps_every_line(project):
    from diplograph.records.yamlio import load_yaml, read_yaml

    for path in sorted(project.root.glob("graph/*/*.yaml")):
        _assert_same(read_yaml(path), load_yaml(path))


def _assert_same(actual: object, expected: object) -> None:
    assert type(actual) is type(expected)
    if isinstance(expected, dict):
        assert list(actual) == list(expected)  # type: ignore[arg-type]
        assert (actual.line, actual.lines) == (expected.line, expected.lines)  # type: ignore[attr-defined]
        for key in expected:
            _assert_same(actual[key], expected[key])  # type: ignore[index]
    elif isinstance(expected, list) and hasattr(expected, "lines"):
        assert (actual.line, actual.lines) == (expected.line, expected.lines)  # type: ignore[attr-defined]
        assert len(actual) == len(expected)  # type: ignore[arg-type]
        for a, e in zip(actual, expected, strict=True):  # type: ignore[call-overload]
            _assert_same(a, e)
    else:
        assert actual == expected or (actual != actual and expected != expected)
