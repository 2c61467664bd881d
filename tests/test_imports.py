"""Importers, entity resolution and the gazetteer, on trimmed snippets of real data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, SKOS, Dataset, Literal
from typer.testing import CliRunner

from diplograph.build import NQUADS, build
from diplograph.cli import app
from diplograph.imports.config import ImportConfigError, load_config
from diplograph.imports.gazetteer import make_gazetteer
from diplograph.imports.names import name_key
from diplograph.namespaces import DIPLO, ID, VOCAB, WD, import_graph

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
FULL = REPO.parent / "shared" / "data" / "wikidata-p190-2016"
CONFIG = """imports:
  - id: wd-sample
    format: wikidata-p190
    relations: {data}/wikidata-p190-sample/relations.tsv
    names: {data}/wikidata-p190-sample/names.tsv
    date: 2016-09
    license: CC0-1.0
  - id: de-list
    format: pairs
    file: {data}/pairs/partnerstaedte.csv
    date: 2025-01
    map: {{city1: Stadt A, country1: Land A, city2: Stadt B, country2: Land B,
           lat2: Breite B, lng2: Länge B, date: Seit}}
"""


def _built(project, text: str) -> Dataset:
    (project.root / "graph" / "imports.yaml").write_text(text, encoding="utf-8")
    result = build(project)
    dataset = Dataset()
    dataset.parse(result.directory / NQUADS, format="nquads")
    return dataset


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("imports") / "project")
    return project, _built(project, CONFIG.format(data=DATA))


def test_names_normalise_prefixes_suffixes_and_accents():
    assert name_key("Kabupaten Batang") == name_key("Batang Regency") == "batang"
    assert name_key("Toyama-shi") == name_key("TOYAMA") == "toyama"
    assert name_key("富山市") == name_key("富山県") == "富山"
    assert name_key("Đà Nẵng") == "da nang"
    assert name_key("Kota Zhijiang") != name_key("Zhejiang")


def test_wikidata_items_merge_with_curated_regions(imported):
    _project, dataset = imported
    graph = dataset.graph(import_graph("wd-sample"))
    toyama, yichang = ID["region/toyama"], ID["region/yichang"]
    # Toyama–Durham uses the curated IRI of Toyama, and no wd-Q204266 region is made.
    durham = ID["region/wd-Q49229"]
    partnership = ID["partnership/wd-Q49229-Q204266"]
    assert (partnership, DIPLO.hasParty, toyama) in graph
    assert (partnership, DIPLO.hasParty, durham) in graph
    assert (durham, SKOS.exactMatch, WD["Q49229"]) in graph
    assert not list(dataset.quads((ID["region/wd-Q204266"], None, None, None)))
    assert (ID["partnership/wd-Q22690-Q71266"], DIPLO.hasParty, yichang) in graph
    stage = ID["partnership/wd-Q49229-Q204266"] + "/stage/established"
    assert (stage, DIPLO.stage, VOCAB["stage/established"]) in graph
    assert (durham, RDFS.label, Literal("Durham")) in graph  # mixed languages: no tag


def test_one_sided_pairs_are_flagged_with_the_stated_direction(imported):
    _project, dataset = imported
    graph = dataset.graph(import_graph("wd-sample"))
    yichang, metz = ID["region/yichang"], ID["region/wd-Q22690"]
    assert (yichang, DIPLO.partnerOf, metz) in graph
    assert (metz, DIPLO.partnerOf, yichang) not in graph
    notes = list(graph.objects(ID["partnership/wd-Q22690-Q71266"], SKOS.editorialNote))
    assert notes and "One-sided" in str(notes[0])
    toyama, durham = ID["region/toyama"], ID["region/wd-Q49229"]
    assert (toyama, DIPLO.partnerOf, durham) in graph and (durham, DIPLO.partnerOf, toyama) in graph
    assert not list(graph.objects(ID["partnership/wd-Q49229-Q204266"], SKOS.editorialNote))


def test_csv_pairs_resolve_names_countries_and_reuse_curated_partnerships(imported):
    _project, dataset = imported
    graph = dataset.graph(import_graph("de-list"))
    # "Kabupaten Batang" / "Toyama-shi" are the curated regions; their partnership is reused.
    assert (ID["partnership/batang-toyama"], DIPLO.hasParty, ID["region/batang"]) in graph
    assert (ID["region/batang"], DIPLO.partnerOf, ID["region/toyama"]) in graph
    brisbane = ID["region/brisbane-au"]
    assert (brisbane, DIPLO.locatedIn, ID["region/australia"]) in graph
    assert list(graph.objects(brisbane, DIPLO.adminLevel)) == [VOCAB["admin-level/municipality"]]
    semarang = [s for s in graph.subjects(RDFS.label, Literal("Kota Semarang"))]
    assert semarang == [ID["region/semarang-id"]]
    # 宜昌市 is curated Yichang; the day-first date 1.4.1986 is read.
    assert (ID["partnership/durham-gb--toyama"] + "/stage/established", DIPLO.date, None) in graph
    dates = {str(o) for o in graph.objects(None, DIPLO.date)}
    assert "1986-04-01" in dates


def test_unreadable_rows_are_reported_with_lines(project):
    from diplograph.convert import records_to_dataset
    from diplograph.imports.config import ImportSpec
    from diplograph.imports.pipeline import add_reference_files, run_import
    from diplograph.imports.resolve import RegionIndex
    from diplograph.records.load import load_records

    dataset = records_to_dataset(load_records(project), project)
    add_reference_files(dataset, project)
    spec = load_config(project, _write(project, CONFIG.format(data=DATA)))[1]
    result = run_import(spec, RegionIndex.from_dataset(dataset))
    lines = sorted(int(p.split(":")[1]) for p in result.problems)
    assert lines == [6, 8, 9]
    assert result.rows == 8 and result.pairs == 4 and result.duplicates == 1
    assert isinstance(spec, ImportSpec)


def _write(project, text: str) -> Path:
    path = project.root / "graph" / "imports.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_errors_name_file_line_and_field(project):
    path = _write(project, "imports:\n  - id: x\n    format: pairs\n    file: a.csv\n")
    with pytest.raises(ImportConfigError, match=r"imports.yaml:2: imports\[0\].date: is required"):
        load_config(project, path)
    path = _write(project, "imports:\n  - id: x\n    format: csv\n    date: 2020\n")
    with pytest.raises(ImportConfigError, match=r":3: imports\[0\].format"):
        load_config(project, path)


def test_missing_input_fails_the_build_and_keeps_the_previous_one(project):
    first = build(project)
    before = (first.directory / NQUADS).read_bytes()
    _write(project, CONFIG.format(data=DATA).replace("names.tsv", "missing.tsv"))
    with pytest.raises(ImportConfigError, match=r"missing\.tsv: no such file"):
        build(project)
    assert (first.directory / NQUADS).read_bytes() == before


def test_gazetteer_is_current_and_merges_seed_regions(project):
    texts, report = make_gazetteer(project)
    for path, text in texts.items():
        assert path.read_text(encoding="utf-8") == text, f"{path}: run scripts/make_gazetteer.py"
    merged = dict(report.merged)
    assert merged["ID"] == str(ID["region/indonesia"])
    assert merged["JP-16"] == str(ID["region/toyama-prefecture"])
    assert merged["ID-JT"] == str(ID["region/central-java"])
    assert report.countries == 249 and report.subdivisions > 3000


def test_cli_pairs_dry_run_and_add(project):
    runner = CliRunner()
    args = [
        "import",
        "pairs",
        str(DATA / "pairs" / "partnerstaedte.csv"),
        "--date",
        "2025-01",
        "--map-file",
        str(DATA / "pairs" / "mapping.yaml"),
        "--project",
        str(project.root),
    ]
    result = runner.invoke(app, [*args, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "unreadable" in result.output and ":6:" in result.output
    assert not (project.root / "graph" / "imports.yaml").exists()
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert [s.id for s in load_config(project)] == ["partnerstaedte"]
    assert runner.invoke(app, args).exit_code == 2  # already listed


@pytest.mark.slow
@pytest.mark.skipif(not FULL.is_dir(), reason="the full Wikidata P190 data is not present")
def test_full_wikidata_import(tmp_path):
    from conftest import copy_project

    from diplograph.convert import records_to_dataset
    from diplograph.imports.pipeline import add_imports, add_reference_files
    from diplograph.records.load import load_records

    project = copy_project(tmp_path / "project")
    _write(
        project,
        CONFIG.split("  - id: de-list")[0].replace("{data}/wikidata-p190-sample", str(FULL)),
    )
    dataset = records_to_dataset(load_records(project), project)
    add_reference_files(dataset, project)
    (result,) = add_imports(dataset, project)
    assert result.rows == 34182 and result.pairs == 17401 and result.one_sided == 624
    assert result.regions == 10055 and not result.problems
    merged = {iri for _name, iri, _how in result.merged_curated}
    assert {str(ID["region/toyama"]), str(ID["region/yichang"])} <= merged
