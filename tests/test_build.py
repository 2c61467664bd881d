"""The seed build: conformant, deterministic, equal to its golden file, and complete."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from diplograph.build import NQUADS, TRIG, build
from diplograph.namespaces import DIPLO, ID, ONTOLOGY_GRAPH, SCHEMA, VOCAB, source_graph

GOLDEN = Path(__file__).parent / "golden" / "seed.nq"
ZHIJIANG_SOURCE = source_graph("batang-zhijiang-2025-06-12")
TOYAMA_SOURCE = source_graph("batang-toyama-2025-08-30")


def _dataset(result) -> Dataset:
    dataset = Dataset()
    dataset.parse(result.nquads, format="nquads")
    return dataset


def test_seed_build_matches_golden(seed_build, regenerate):
    _project, result = seed_build
    if regenerate:
        GOLDEN.write_bytes(result.nquads.read_bytes())
    expected, actual = Dataset(), _dataset(result)
    expected.parse(GOLDEN, format="nquads")
    for graph in {g.identifier for g in expected.graphs()} | {
        g.identifier for g in actual.graphs()
    }:
        if graph == ONTOLOGY_GRAPH:
            continue
        assert isomorphic(expected.graph(graph), actual.graph(graph)), f"graph {graph} differs"


def test_two_builds_are_byte_identical(project):
    first = build(project)
    nquads, trig = (first.directory / NQUADS).read_bytes(), (first.directory / TRIG).read_bytes()
    second = build(project)
    assert (second.directory / NQUADS).read_bytes() == nquads
    assert (second.directory / TRIG).read_bytes() == trig


def test_no_blank_nodes_and_one_graph_per_source(seed_build):
    _project, result = seed_build
    data_lines = [
        line
        for line in result.nquads.read_text(encoding="utf-8").splitlines()
        if not line.endswith(f"<{ONTOLOGY_GRAPH}> .")
    ]
    assert data_lines
    assert not [line for line in data_lines if "_:" in line]
    graphs = {g.identifier for g in _dataset(result).graphs() if len(g)}
    assert {ZHIJIANG_SOURCE, TOYAMA_SOURCE, ONTOLOGY_GRAPH} <= graphs


def _in(graph, s, p, o) -> bool:
    return (s, p, o) in graph


def test_investment_figures_are_exact(seed_build):
    graph = _dataset(seed_build[1]).graph(ZHIJIANG_SOURCE)
    investment = ID["investment/allmed-batang-factory"]
    usd = URIRef(f"{investment}/amount/usd")
    idr = URIRef(f"{investment}/amount/idr")
    assert _in(graph, investment, DIPLO.amount, usd)
    assert _in(graph, usd, SCHEMA.value, Literal("100000000.0", datatype=XSD.decimal))
    assert _in(graph, usd, SCHEMA.currency, Literal("USD"))
    assert _in(graph, idr, SCHEMA.minValue, Literal("1600000000000.0", datatype=XSD.decimal))
    assert _in(graph, idr, SCHEMA.maxValue, Literal("1700000000000.0", datatype=XSD.decimal))
    assert _in(graph, idr, DIPLO.isApproximate, Literal(True))
    area = URIRef(f"{investment}/land_area")
    assert _in(graph, area, SCHEMA.value, Literal("24.8", datatype=XSD.decimal))
    jobs = URIRef(f"{investment}/expected_job")
    assert _in(graph, jobs, SCHEMA.minValue, Literal("3500.0", datatype=XSD.decimal))
    assert _in(graph, jobs, DIPLO.lowerBoundExclusive, Literal(True))
    assert _in(graph, investment, DIPLO.targetDate, Literal("2026-04", datatype=XSD.gYearMonth))
    assert _in(graph, investment, DIPLO.vehicle, ID["firm/pt-ace-medical-products-indonesia"])
    assert _in(
        graph,
        ID["firm/pt-ace-medical-products-indonesia"],
        DIPLO.subsidiaryOf,
        ID["firm/allmed-medical"],
    )


def test_planned_and_actual_are_kept_apart(seed_build):
    graph = _dataset(seed_build[1]).graph(ZHIJIANG_SOURCE)
    meeting = ID["event/batang-zhijiang-online-meeting-2025-06-12"]
    visit = ID["event/zhijiang-visit-to-batang-2025-07"]
    assert _in(graph, meeting, DIPLO.eventStatus, VOCAB["status/actual"])
    assert _in(graph, meeting, DIPLO.date, Literal("2025-06-12", datatype=XSD.date))
    assert _in(graph, visit, DIPLO.eventStatus, VOCAB["status/planned"])
    assert _in(graph, visit, DIPLO.plannedDate, Literal("2025-07", datatype=XSD.gYearMonth))
    assert graph.value(visit, DIPLO.date) is None


def test_both_partnerships_are_at_exploration(seed_build):
    dataset = _dataset(seed_build[1])
    for source, partnership in (
        (ZHIJIANG_SOURCE, "batang-zhijiang"),
        (TOYAMA_SOURCE, "batang-toyama"),
    ):
        graph = dataset.graph(source)
        change = URIRef(f"{ID['partnership/' + partnership]}/stage/exploration")
        assert _in(graph, change, DIPLO.stage, VOCAB["stage/exploration"])
        assert graph.value(change, DIPLO.reachedBy) is not None
        signed = [
            c
            for c in graph.objects(ID["partnership/" + partnership], DIPLO.hasStageChange)
            if graph.value(c, DIPLO.date) is not None
        ]
        assert signed == [], "nothing has been signed in either article"


def test_caption_mention_is_kept_and_resolved(seed_build):
    graph = _dataset(seed_build[1]).graph(ZHIJIANG_SOURCE)
    mention = ID["mention/caption-kota-zhejiang"]
    assert _in(graph, mention, DIPLO.mentionText, Literal("Kota Zhejiang"))
    assert _in(graph, mention, DIPLO.resolvesTo, ID["region/zhijiang"])
    assert _in(graph, mention, DIPLO.confusableWith, ID["region/zhejiang"])


def test_every_quote_points_to_its_source(seed_build):
    from rdflib.namespace import PROV

    dataset = _dataset(seed_build[1])
    for source_graph_iri in (ZHIJIANG_SOURCE, TOYAMA_SOURCE):
        graph = dataset.graph(source_graph_iri)
        quotes = set(graph.subjects(DIPLO.quoteText, None))
        assert len(quotes) > 20
        for quote in quotes:
            assert graph.value(quote, PROV.wasQuotedFrom) is not None
            assert graph.value(quote, DIPLO.supports) is not None


def test_lines_are_written_as_rdflib_writes_them():
    from decimal import Decimal

    from rdflib.plugins.serializers.nt import _quoteLiteral

    from diplograph.convert import literal
    from diplograph.records import values

    texts = ["plain", 'quote " and \\ back', "line\nbreak\r\ttab", "Zhèjiāng 浙江", "\ud800 lone"]
    cases = [(Literal(t), literal(t)) for t in texts]
    cases += [(Literal(t, lang="zh-Hans"), literal(t, lang="zh-Hans")) for t in texts]
    for text in ("2025", "2025-06", "2025-06-12", "0000", "0000-06-12", "0999-01-31"):
        lexical, datatype = values.parse_date(text)
        cases.append((Literal(lexical, datatype=datatype), literal(lexical, str(datatype))))
    for number in ("24.8", "1.6e12", "1E-7", "-0", "3500", "12.50", "1_000", "1e30"):
        lexical = values.decimal_lexical(values.parse_decimal(number))
        cases.append((Literal(lexical, datatype=XSD.decimal), literal(lexical, str(XSD.decimal))))
    for integer in (0, -5, 10**30):
        cases.append(
            (Literal(integer, datatype=XSD.integer), literal(str(integer), str(XSD.integer)))
        )
    cases.append((Literal(True), literal("true", str(XSD.boolean))))
    cases.append(
        (Literal("http://a b", datatype=XSD.anyURI), literal("http://a b", str(XSD.anyURI)))
    )
    cases.append((Literal(Decimal("1.0")), literal("1.0", str(XSD.decimal))))
    for expected, written in cases:
        assert written == _quoteLiteral(expected).encode("utf-8", "replace").decode("utf-8")


def test_a_line_separator_in_a_text_is_refused(project):
    from diplograph.convert import LineBreakInText

    path = project.root / "graph/records/2025-06-12-batang-zhijiang-sister-city.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("kind: sister-city\n", 'kind: sister-city\n    note: "a\\Lb"\n', 1)
    )
    with pytest.raises(LineBreakInText):
        build(project)


def test_language_tags_differing_in_case_are_one_term(project):
    from diplograph.build import dataset_quads
    from diplograph.records.load import load_records

    path = project.root / "graph/reference/places.yaml"
    text = path.read_text(encoding="utf-8")
    label = "    label: {"
    assert label in text
    path.write_text(text.replace(label, "    label: {zh-Hans: 巴塘, zh-hans: 巴塘, ", 1))
    lines = dataset_quads(load_records(project), project).lines()
    assert sum('"巴塘"@zh-' in line for line in lines) == 1


def test_a_failed_check_names_the_node_and_file_and_keeps_the_last_build(project):
    from diplograph.build import dataset_dir
    from diplograph.check import ChecksFailed

    first = build(project)
    before = {p: p.read_bytes() for p in first.directory.rglob("*") if p.is_file()}
    path = project.root / "graph/records/2025-06-12-batang-zhijiang-sister-city.yaml"
    text = path.read_text(encoding="utf-8")
    old = "    status: actual\n    date: 2025-06-12\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, "    status: actual\n    date: 2025-06-20\n"))
    with pytest.raises(ChecksFailed) as caught:
        build(project)
    [violation] = caught.value.violations
    assert violation.check == "check actual-after-source"
    assert violation.focus == str(ID["event/batang-zhijiang-online-meeting-2025-06-12"])
    assert violation.files == ("graph/records/2025-06-12-batang-zhijiang-sister-city.yaml",)
    after = {p: p.read_bytes() for p in dataset_dir(project).rglob("*") if p.is_file()}
    assert after == before
    assert not list(project.build_dir.glob(".staging-*"))


def test_the_ontology_cache_follows_the_ontology(project):
    build(project)
    extra = f'\n<{DIPLO.Region}> <http://www.w3.org/2000/01/rdf-schema#comment> "cached?"@en .\n'
    with project.ontology_file.open("a", encoding="utf-8") as ontology:
        ontology.write(extra)
    result = build(project)
    assert '"cached?"@en' in result.nquads.read_text(encoding="utf-8")
    assert len(list((project.build_dir / "cache").glob("ontology-*.nq"))) == 1
