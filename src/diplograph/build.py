"""``diplograph build``: records → checked RDF dataset → files and an embedded store.

The outputs are written to a staging folder and swapped in only when everything succeeded, so
a failed build leaves the previous one as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import Dataset

from diplograph.check import ChecksFailed, check_dataset
from diplograph.convert import nquads_to_trig, records_to_dataset
from diplograph.imports.pipeline import add_imports, add_reference_files, input_files
from diplograph.project import Project
from diplograph.records.load import load_records, record_files
from diplograph.records.model import Record

DATASET_DIR = "dataset"
NQUADS = "dataset.nq"
TRIG = "dataset.trig"
STORE = "store"
MANIFEST = "manifest.json"

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildResult:
    directory: Path
    quads: int
    graphs: int
    records: int
    seconds: float

    @property
    def nquads(self) -> Path:
        return self.directory / NQUADS

    @property
    def store(self) -> Path:
        return self.directory / STORE


def dataset_dir(project: Project) -> Path:
    return project.build_dir / DATASET_DIR


def canonical_nquads(dataset: Dataset) -> str:
    """Sorted N-Quads of every named graph: the byte-stable form of the dataset."""
    text = dataset.serialize(format="nquads")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n"


def compile_dataset(
    project: Project, progress: Progress = lambda _: None
) -> tuple[list[Record], Dataset, str]:
    """Load, check and convert the records; raise on any problem. Writes nothing."""
    progress("reading records")
    records = load_records(project)
    progress(f"converting {len(records)} record files to RDF")
    dataset = records_to_dataset(records, project)
    progress("adding the reference gazetteer and the imports of graph/imports.yaml")
    add_reference_files(dataset, project)
    add_imports(dataset, project, progress=progress)
    nquads = canonical_nquads(dataset)
    progress("checking shapes and data checks")
    violations = check_dataset(dataset, nquads, project, records)
    if violations:
        raise ChecksFailed(violations)
    return records, dataset, nquads


def build(project: Project, progress: Progress = lambda _: None) -> BuildResult:
    """Build the dataset and its store under ``graph/build/dataset``; atomic on failure."""
    started = time.perf_counter()
    records, dataset, nquads = compile_dataset(project, progress)
    progress("writing outputs")
    project.build_dir.mkdir(parents=True, exist_ok=True)
    staging = project.build_dir / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        _write_outputs(staging, dataset, nquads, records, project)
        _swap_in(staging, dataset_dir(project))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    graphs = sum(1 for g in dataset.graphs() if len(g))
    return BuildResult(
        dataset_dir(project),
        nquads.count("\n"),
        graphs,
        len(records),
        time.perf_counter() - started,
    )


def _write_outputs(
    folder: Path, dataset: Dataset, nquads: str, records: list[Record], project: Project
) -> None:
    (folder / NQUADS).write_text(nquads, encoding="utf-8")
    (folder / TRIG).write_text(nquads_to_trig(nquads), encoding="utf-8")
    store = pyoxigraph.Store(str(folder / STORE))
    store.bulk_load(nquads.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    del store
    manifest = {
        "quads": nquads.count("\n"),
        "graphs": sorted(str(g.identifier) for g in dataset.graphs() if len(g)),
        "inputs": _input_digests(project),
        "nquads_sha256": hashlib.sha256(nquads.encode("utf-8")).hexdigest(),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _input_digests(project: Project) -> dict[str, str]:
    paths = [p for p, _ in record_files(project)]
    paths += [project.ontology_file, project.shapes_file]
    paths += sorted(project.vocabularies_dir.glob("*.ttl"))
    paths += input_files(project)
    return {_shown(p, project): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _shown(path: Path, project: Project) -> str:
    """A path relative to the project; imports may read files outside it (kept absolute)."""
    try:
        return str(path.resolve().relative_to(project.root.resolve()))
    except ValueError:
        return str(path.resolve())


def _swap_in(staging: Path, target: Path) -> None:
    """Replace ``target`` by ``staging`` with two renames; the old one is removed last."""
    old = target.with_name(f".old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
