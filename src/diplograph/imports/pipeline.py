"""The import step of the build: reference files, then the configured imports, in order.

Each import resolves its regions against the curated records, the gazetteer and the imports
listed before it, and goes into its own named graph ``graph/import/<id>``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset

from diplograph.imports.config import ImportSpec, config_path, load_config
from diplograph.imports.gazetteer import load_reference_files, reference_files
from diplograph.imports.ntriples import import_ntriples
from diplograph.imports.pairs import import_pairs
from diplograph.imports.resolve import RegionIndex
from diplograph.imports.result import ImportResult
from diplograph.imports.wikidata_p190 import import_wikidata_p190
from diplograph.namespaces import REFERENCE_GRAPH
from diplograph.project import Project

IMPORTERS: dict[str, Callable[[ImportSpec, RegionIndex], ImportResult]] = {
    "wikidata-p190": import_wikidata_p190,
    "pairs": import_pairs,
    "ntriples": import_ntriples,
}


def add_reference_files(dataset: Dataset, project: Project) -> int:
    """Add ``graph/reference/*.nt`` (the gazetteer) to the reference graph; the triple count."""
    graph = load_reference_files(project)
    dataset.graph(REFERENCE_GRAPH).addN(
        (s, p, o, dataset.graph(REFERENCE_GRAPH)) for s, p, o in graph
    )
    return len(graph)


def run_import(spec: ImportSpec, index: RegionIndex) -> ImportResult:
    return IMPORTERS[spec.format](spec, index)


def add_import(dataset: Dataset, result: ImportResult) -> None:
    graph = dataset.graph(result.graph)
    graph.addN((s, p, o, graph) for s, p, o in result.triples)


def add_imports(
    dataset: Dataset,
    project: Project,
    specs: list[ImportSpec] | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> list[ImportResult]:
    """Run ``specs`` (default: ``graph/imports.yaml``) and add each to its named graph."""
    specs = load_config(project) if specs is None else specs
    if not specs:
        return []
    index = RegionIndex.from_dataset(dataset)
    results = []
    for spec in specs:
        progress(f"importing {spec.id} ({spec.format})")
        result = run_import(spec, index)
        add_import(dataset, result)
        if spec.format == "ntriples":
            index = RegionIndex.from_dataset(dataset)
        progress(result.summary())
        results.append(result)
    return results


def input_files(project: Project) -> list[Path]:
    """Files the imports read (for the build manifest): reference files, config, inputs."""
    paths = reference_files(project.reference_dir)
    config = config_path(project)
    if config.is_file():
        paths.append(config)
        paths += [p for spec in load_config(project) for p in spec.paths if p.is_file()]
    return paths
