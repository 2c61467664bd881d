"""IRI parameters written into the query text as constants (``with_constants``): the rewrite
itself, and the same rows as binding the parameters (the engine's ``substitutions`` /
``initBindings``) for every named query, with and without its parameters, on both local
engines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplograph.project import Project
from diplograph.queries_catalog import catalogue
from diplograph.query import Prepared, bind, execute, prepare
from diplograph.results import Result
from diplograph.sparql_text import with_constants
from diplograph.store import MemoryBackend, OxigraphBackend

HERE = Path(__file__).parent
REPO = HERE.parent
QUERY_NAMES = sorted(catalogue(REPO / "queries"))
IRI = "<http://ex.org/a>"

# Parameters on the fixture: its own regions and entities, and each optional IRI parameter.
FIXTURE_PARAMS: dict[str, list[dict[str, str]]] = {
    "by-country": [{"region": "suwon"}, {"region": "surabaya"}],
    "conflicts": [{"entity": "surabaya-suwon"}],
    "field-matrix": [{"region": "suwon"}],
    "investments": [{"firm": "kunshan-precision-group"}, {"region": "surabaya"}],
    "investor-hometown": [{"region": "surabaya"}],
    "mentions": [{"entity": "kunshan"}],
    "national-context": [{"region": "surabaya"}],
    "partners": [{"region": "surabaya"}, {"region": "kunshan"}],
    "people-posts": [{"person": "budi-santoso"}],
    "pipeline": [{"country": "china"}, {"country": "indonesia"}],
    "plans": [{"today": "2025-09-01"}],
    "programmes": [{"programme": "smart-city-twinning"}],
    "provenance": [{"entity": "kunshan-precision-surabaya-plant"}],
    "regions-within": [{"region": "china"}],
    "shared-fields": [{"field": "education"}],
    "stage-as-of": [{"date": "2024-07-01"}],
    "timeline": [
        {"region": "surabaya"},
        {"partnership": "surabaya-kunshan"},
        {"region": "surabaya", "partnership": "surabaya-kunshan"},
    ],
}


def _canonical(result: Result) -> tuple:
    rows = sorted(json.dumps(r, sort_keys=True) for r in result.to_json()["results"]["bindings"])
    return result.variables, rows, result.boolean


def _cases(project: Project, name: str, extra: list[dict[str, str]]) -> list[dict[str, str]]:
    named = catalogue(project.queries_dir)[name]
    cases = [*extra] if extra else [named.example]
    if not any(p.required for p in named.params):
        cases.append({})
    return [dict(c) for i, c in enumerate(cases) if c not in cases[:i]]


def _compare(project: Project, name: str, params: dict[str, str]) -> None:
    named = catalogue(project.queries_dir)[name]
    for backend in (OxigraphBackend.open(project), MemoryBackend.open(project)):
        prepared = prepare(project, backend, name, params=params)
        iris = {n for n, t in prepared.params.items() if t.type == "uri"}
        assert not iris & set(prepared.bindings), f"{name}: {iris} still bound, not written in"
        if iris:
            assert prepared.text != named.text
        # the path before: the header's text, every parameter bound by the engine
        bound = bind(named.params, params, backend)
        before = execute(Prepared(named.text, bound, named, bound), backend)
        after = execute(prepared, backend)
        assert _canonical(after) == _canonical(before), f"{name} {params} on {backend.name}"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_constants_give_the_rows_of_bound_parameters_on_the_fixture(
    name: str, fixture_project: Project
) -> None:
    for params in _cases(fixture_project, name, FIXTURE_PARAMS.get(name, [])):
        _compare(fixture_project, name, params)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_constants_give_the_rows_of_bound_parameters_on_the_seed(name: str, seed_build) -> None:
    project, _ = seed_build
    for params in _cases(project, name, []):
        _compare(project, name, params)


def test_every_iri_parameter_of_a_named_query_is_written_in() -> None:
    for name, named in catalogue(REPO / "queries").items():
        constants = {p.name: IRI for p in named.params if p.kind not in ("date", "text", "integer")}
        if constants:
            assert with_constants(named.text, constants) is not None, name


def test_constants_follow_the_scope_of_the_variable() -> None:
    text = (
        "SELECT ?r ?x WHERE {\n"
        "  { SELECT ?r ?x WHERE { ?x <http://ex.org/p> ?r } GROUP BY ?r ?x }\n"
        "  { SELECT ?x WHERE { ?x <http://ex.org/q> ?r } }\n"
        '  FILTER (!BOUND(?r) || ?r != <http://ex.org/b> || "?r" = STR(?x))  # ?r here\n'
        "  OPTIONAL { ?x <http://ex.org/s> ?r } FILTER EXISTS { ?r ?p ?o }\n"
        "}\nGROUP BY ?r ?x ORDER BY ?r"
    )
    out = with_constants(text, {"r": IRI})
    assert out is not None
    # the sub-query that projects ?r: bound there too, its pattern from the constant
    assert "GROUP BY ?r ?x }" in out and f"?x <http://ex.org/p> {IRI} }}" in out
    assert out.count(f"VALUES (?r) {{ ({IRI}) }}") == 2
    # the sub-query that does not project it has another ?r
    assert "{ SELECT ?x WHERE { ?x <http://ex.org/q> ?r } }" in out
    assert f'FILTER (!true || {IRI} != <http://ex.org/b> || "?r" = STR(?x))  # ?r here' in out
    assert f"OPTIONAL {{ ?x <http://ex.org/s> {IRI} }} FILTER EXISTS {{ {IRI} ?p ?o }}" in out
    assert out.startswith("SELECT ?r ?x WHERE {") and out.endswith("GROUP BY ?r ?x ORDER BY ?r")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?r WHERE { ?s ?p ?o BIND (?o AS ?r) }",
        "SELECT ?r WHERE { VALUES ?r { <http://ex.org/b> } ?r ?p ?o }",
        "SELECT ?s WHERE { VALUES (?s ?r) { (<http://ex.org/b> <http://ex.org/c>) } ?s ?p ?r }",
        "SELECT ?s WHERE { ?s ?p ?o MINUS { ?s ?p ?r } }",
    ],
)
def test_constants_are_not_written_where_they_would_change_the_query(text: str) -> None:
    assert with_constants(text, {"r": IRI}) is None


def test_constants_in_construct_keep_the_template() -> None:
    text = "CONSTRUCT { ?x a ?c } WHERE { ?x a ?c FILTER (?x = ?p) }"
    out = with_constants(text, {"p": IRI})
    assert out == (
        f"CONSTRUCT {{ ?x a ?c }} WHERE {{\n  VALUES (?p) {{ ({IRI}) }}\n"
        f" ?x a ?c FILTER (?x = {IRI}) }}"
    )


def test_form_guards_are_settled_by_which_parameters_are_given() -> None:
    from diplograph.sparql_text import settle_guards

    text = (
        "SELECT ?x WHERE {\n"
        '  # { FILTER (COALESCE(STR(?region), "") = "") } in a comment stays\n'
        '  { { FILTER (COALESCE(STR(?region), "") = "") } ?x a <urn:All> }\n'
        "  UNION\n"
        '  { { FILTER (COALESCE(STR(?region), "") != "") } ?x <urn:in> ?region }\n'
        "}\n"
    )
    without = settle_guards(text, set())
    assert "{  ?x a <urn:All> }" in without and "<urn:in>" not in without
    assert "in a comment stays" in without and "COALESCE" not in without.split("stays")[1]
    given = settle_guards(text, {"region"})
    assert "{  ?x <urn:in> ?region }" in given and "<urn:All>" not in given
    assert settle_guards(text, {"other"}) == without
