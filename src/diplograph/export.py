"""Serialising the built dataset in the RDF formats users ask for."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

from diplograph.build import NQUADS, dataset_dir
from diplograph.project import Project

# format name → (rdflib serializer, keeps named graphs)
RDF_FORMATS = {
    "turtle": ("longturtle", False),
    "ntriples": ("nt", False),
    "jsonld": ("json-ld", True),
    "trig": ("trig", True),
    "nquads": ("nquads", True),
}


class NotBuilt(FileNotFoundError):
    """There is no build to read yet."""


def built_nquads(project: Project) -> Path:
    path = dataset_dir(project) / NQUADS
    if not path.is_file():
        raise NotBuilt(f"no built dataset at {path}: run `diplograph build` first")
    return path


def load_built_dataset(project: Project) -> Dataset:
    """The last build as an rdflib ``Dataset`` (in memory)."""
    dataset = Dataset()
    dataset.parse(built_nquads(project), format="nquads")
    return dataset


def export_rdf(project: Project, fmt: str) -> str:
    """The last build in ``fmt``; triple formats get the union of all graphs."""
    if fmt not in RDF_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    if fmt == "nquads":
        return built_nquads(project).read_text(encoding="utf-8")
    serializer, keeps_graphs = RDF_FORMATS[fmt]
    dataset = load_built_dataset(project)
    if keeps_graphs:
        return dataset.serialize(format=serializer)
    union = Graph()
    for prefix, namespace in dataset.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _g in dataset.quads():
        union.add((s, p, o))
    return union.serialize(format=serializer)
