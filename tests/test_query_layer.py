"""The query layer: parameter binding and its safety, backends, the CLI, the API and the docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from typer.testing import CliRunner

import diplograph
from diplograph.check import run_qc_queries
from diplograph.cli import app
from diplograph.params import Param, ParameterError, ntriples, to_term
from diplograph.query import UnknownQuery, execute, prepare, run
from diplograph.query_docs import queries_markdown
from diplograph.results import Term
from diplograph.sparql_text import QueryTextError, query_form, with_values
from diplograph.store import EndpointBackend, GraphSelection, MemoryBackend, OxigraphBackend

HERE = Path(__file__).parent
REPO = HERE.parent
INJECTIONS = ['x" || true || "', "} ; DROP ALL ; {"]
runner = CliRunner()


def _backends(project):  # type: ignore[no-untyped-def]
    return [OxigraphBackend.open(project), MemoryBackend.open(project)]


@pytest.mark.parametrize("text", INJECTIONS)
def test_injection_strings_match_nothing_and_break_nothing(seed_build, text: str) -> None:
    project, result = seed_build
    before = result.nquads.read_bytes()
    for backend in _backends(project):
        for name, param in (("partners", "region"), ("mentions", "entity"), ("plans", "today")):
            try:
                prepared = prepare(project, backend, name, params={param: text})
            except ParameterError:
                continue  # refused as not an id/date: nothing ran
            assert execute(prepared, backend).bindings == []
        free = "SELECT ?needle ?s WHERE { ?s ?p ?label FILTER (STR(?label) = STR(?needle)) }"
        prepared = prepare(project, backend, text=free, params={"needle": text})
        assert execute(prepared, backend).bindings == []
    assert result.nquads.read_bytes() == before
    assert (
        len(
            execute(
                prepare(project, _backends(project)[0], "partners"), _backends(project)[0]
            ).bindings
        )
        == 4
    )


def test_injection_id_becomes_an_escaped_iri() -> None:
    term = to_term(Param("region", "region"), INJECTIONS[1])
    assert term.type == "uri" and " " not in term.value and "{" not in term.value
    text = ntriples(to_term(Param("t", "text"), INJECTIONS[0]))
    assert text == '"x\\" || true || \\""'


def test_parameter_forms_name_the_same_term() -> None:
    param = Param("region", "region")
    full = "https://w3id.org/diplograph/id/region/batang"
    assert {to_term(param, v).value for v in ("batang", "id:region/batang", full, f"<{full}>")} == {
        full
    }
    assert to_term(Param("d", "date"), "2025-07").datatype.endswith("gYearMonth")
    with pytest.raises(ParameterError):
        to_term(Param("d", "date"), "July 2025")
    with pytest.raises(ParameterError):
        to_term(param, "http://example.org/a b")


def test_unknown_query_and_parameter_list_the_valid_ones(seed_build) -> None:
    project, _ = seed_build
    backend = OxigraphBackend.open(project)
    with pytest.raises(UnknownQuery, match="partners"):
        prepare(project, backend, "no-such-query")
    with pytest.raises(ParameterError, match=r"region \(region\)"):
        prepare(project, backend, "partners", params={"regoin": "batang"})
    with pytest.raises(ParameterError, match="missing parameter 'entity'"):
        prepare(project, backend, "provenance")


def test_entity_ids_resolve_to_their_segment(seed_build) -> None:
    project, _ = seed_build
    prepared = prepare(
        project, OxigraphBackend.open(project), "provenance", params={"entity": "tctp"}
    )
    assert prepared.params["entity"].value.endswith("/id/programme/tctp")


def test_with_values_opens_the_where_group_whatever_the_braces() -> None:
    text = (
        "PREFIX ex: <http://ex.org/{x}#>\n# a comment { with braces }\n"
        'CONSTRUCT { ?s ex:p "}" } WHERE { ?s ?p ?o }'
    )
    out = with_values(text, {"s": "<http://ex.org/a>"})
    assert out.endswith("WHERE {\n  VALUES (?s) { (<http://ex.org/a>) }\n ?s ?p ?o }")
    assert query_form("ASK { }") == "ASK"
    with pytest.raises(QueryTextError):
        query_form("DROP ALL")
    with pytest.raises(QueryTextError):
        with_values("SELECT * WHERE { ?s ?p ?o }", {"bad name": "<x:y>"})


def test_endpoint_backend_binds_with_values(seed_build) -> None:
    """A remote endpoint answering from the built store: same rows as the local engine."""
    project, _ = seed_build
    local = OxigraphBackend.open(project)
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["accept"] == "application/sparql-results+json"
        text = parse_qs(request.content.decode())["query"][0]
        seen.append(text)
        return httpx.Response(200, json=local.run(text, {}, GraphSelection()).to_json())

    remote = EndpointBackend(
        "http://127.0.0.1:9/sparql", client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    for name, params in (("partners", {"region": "batang"}), ("plans", {"today": "2025-09-01"})):
        expected = execute(prepare(project, local, name, params=params), local)
        got = execute(prepare(project, remote, name, params=params), remote)
        assert sorted(map(repr, got.bindings)) == sorted(map(repr, expected.bindings))
    assert "VALUES (?region) { (<https://w3id.org/diplograph/id/region/batang>) }" in seen[0]


def test_graph_selection_keeps_sources_apart(seed_build) -> None:
    project, _ = seed_build
    text = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/diplograph/ontology#Partnership> }"
    )
    for backend in _backends(project):
        everything = execute(prepare(project, backend, text=text), backend).rows()[0]["n"]
        reference = GraphSelection(("https://w3id.org/diplograph/graph/reference",))
        only_reference = backend.run(text, {}, reference).rows()[0]["n"]
        asserted = backend.run(text, {}, GraphSelection(inferred=False)).rows()[0]["n"]
        assert (everything, only_reference, asserted) == (2, 0, 2)


def test_api_returns_python_rows(seed_build) -> None:
    project, _ = seed_build
    rows = diplograph.query("partners", project=project, region="batang")
    assert rows.variables[0] == "region"
    assert {r["partner"] for r in rows} == {"Toyama", "Zhijiang"}
    rows = diplograph.query("plans", project=project, store="memory", today="2025-09-01")
    assert [r["state"] for r in rows] == ["overdue", "overdue", "upcoming"]
    pandas = pytest.importorskip("pandas")
    assert isinstance(rows.to_dataframe(), pandas.DataFrame)


def test_outside_clauses_are_refused(seed_build) -> None:
    project, _ = seed_build
    for store in ("oxigraph", "memory"):
        with pytest.raises(Exception, match="SERVICE"):
            run(
                text="SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                project=project,
                store=store,
            )


def test_cli_partners_table_and_formats(seed_build) -> None:
    project, _ = seed_build
    base = ["query", "partners", "-p", "region=batang", "--project", str(project.root)]
    table = runner.invoke(app, base)
    assert table.exit_code == 0, table.output
    assert "Zhijiang" in table.output and "Toyama" in table.output and "(2 rows)" in table.output
    data = json.loads(runner.invoke(app, [*base, "--format", "json", "--store", "memory"]).output)
    assert {b["partner"]["value"] for b in data["results"]["bindings"]} == {"Toyama", "Zhijiang"}
    csv = runner.invoke(app, [*base, "--format", "csv", "--limit", "1"]).output.splitlines()
    assert csv[0].startswith("region,partner,country") and len(csv) == 2


def test_cli_errors_exit_2(seed_build) -> None:
    project, _ = seed_build
    where = ["--project", str(project.root)]
    unknown = runner.invoke(app, ["query", "nope", *where])
    assert unknown.exit_code == 2 and "partners" in unknown.output
    bad = runner.invoke(app, ["query", "partners", "-p", "regoin=batang", *where])
    assert bad.exit_code == 2 and "region" in bad.output
    syntax = runner.invoke(app, ["query", "--sparql", "SELECT WHERE {", *where])
    assert syntax.exit_code == 2


def test_cli_construct_gives_turtle_and_queries_lists(seed_build) -> None:
    project, _ = seed_build
    where = ["--project", str(project.root)]
    sparql = "CONSTRUCT { ?p a ?c } WHERE { ?p a ?c . FILTER (?p = ?x) }"
    out = runner.invoke(
        app, ["query", "--sparql", sparql, "-p", "x=id:partnership/batang-toyama", *where]
    )
    assert out.exit_code == 0 and "partnership/batang-toyama" in out.output
    listing = runner.invoke(app, ["queries", *where])
    assert "partners: Partners of a region" in listing.output


def test_installed_command_runs_the_headline_query(seed_build) -> None:
    project, _ = seed_build
    command = Path(sys.executable).parent / "diplograph"
    done = subprocess.run(
        [str(command), "query", "partners", "-p", "region=batang", "--project", str(project.root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Zhijiang" in done.stdout and "Toyama" in done.stdout


def test_qc_checks_catch_bad_data(seed_build) -> None:
    project, result = seed_build
    assert run_qc_queries(result.nquads.read_text(encoding="utf-8"), project) == []
    d, g = "https://w3id.org/diplograph/ontology#", "<https://w3id.org/diplograph/graph/source/x>"
    bad = "\n".join(
        f"<{s}> <{p}> {o} {g} ."
        for s, p, o in [
            ("http://x/p", d + "hasStageChange", "<http://x/p/stage/signed>"),
            ("http://x/p", d + "hasStageChange", "<http://x/p/stage/exploration>"),
            (
                "http://x/p/stage/signed",
                d + "stage",
                "<https://w3id.org/diplograph/vocab/stage/signed>",
            ),
            ("http://x/p/stage/signed", d + "date", '"2024-01-01"'),
            (
                "http://x/p/stage/exploration",
                d + "stage",
                "<https://w3id.org/diplograph/vocab/stage/exploration>",
            ),
            ("http://x/p/stage/exploration", d + "date", '"2024-05-01"'),
            ("http://x/i", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", f"<{d}Investment>"),
        ]
    )
    ontology = "\n".join(
        line
        for line in result.nquads.read_text(encoding="utf-8").splitlines()
        if "stageOrder" in line
    )
    found = {check for check, _, _ in run_qc_queries(bad + "\n" + ontology + "\n", project)}
    assert {"check stage-sequence", "check investment-investor"} <= found


def test_docs_are_current(seed_build) -> None:
    project, _ = seed_build
    assert (REPO / "docs" / "queries.md").read_text(encoding="utf-8") == queries_markdown(
        project
    ), "docs/queries.md is out of date: run `diplograph queries --markdown -o docs/queries.md`"


def test_term_python_values() -> None:
    assert Term("literal", "3", "http://www.w3.org/2001/XMLSchema#integer").python() == 3
    assert (
        str(Term("literal", "2025-06-12", "http://www.w3.org/2001/XMLSchema#date").python())
        == "2025-06-12"
    )
    assert Term("uri", "https://w3id.org/diplograph/id/region/batang").display() == "region/batang"


def test_constants_written_out_for_a_fast_start_match_their_sources() -> None:
    """The command line and the query layer spell out a few constants instead of importing the
    modules that define them (which load rdflib or owlready2); they must stay the same."""
    from diplograph.cli import build_commands, network_commands, reason_commands
    from diplograph.export import RDF_FORMATS
    from diplograph.namespaces import BASE
    from diplograph.network.paths import VIA_CHOICES
    from diplograph.reasoning.owl import DEFAULT_TIMEOUT
    from diplograph.results import BASE as RESULTS_BASE

    assert RESULTS_BASE == BASE
    assert tuple(RDF_FORMATS) == build_commands.RDF_FORMAT_NAMES
    assert network_commands.VIA_CHOICES == VIA_CHOICES
    assert reason_commands.DEFAULT_TIMEOUT == DEFAULT_TIMEOUT


def test_importing_the_command_line_loads_no_rdf_or_owl_library() -> None:
    code = (
        "import sys, diplograph, diplograph.cli; "
        "print(sorted(m for m in ('rdflib', 'owlready2', 'pyoxigraph', 'networkx') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
