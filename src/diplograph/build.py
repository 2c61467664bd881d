"""``diplograph build``: records → checked RDF dataset → files and an embedded store.

The records become N-Quads lines directly (no rdflib graph of the data). The outputs are
written to a staging folder, the SHACL shapes (as SPARQL, see ``shapes_sparql``) and the data
checks run on an in-memory Oxigraph store of its N-Quads, and the folder is swapped in only
when everything succeeded, so a failed build leaves the previous one as it was.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph

from diplograph.check import ChecksFailed, Violation, check_store, graph_files
from diplograph.convert import (
    CanonicalQuads,
    Quads,
    ontology_quads,
    quads_to_dataset,
    rdflib_quads,
    record_quads,
    write_trig,
)
from diplograph.imports.config import load_config
from diplograph.imports.gazetteer import load_reference_files
from diplograph.imports.pipeline import add_imports, input_files
from diplograph.namespaces import REFERENCE_GRAPH
from diplograph.project import Project, relative_paths
from diplograph.records.load import load_records, record_files
from diplograph.records.model import Record

DATASET_DIR = "dataset"
NQUADS = "dataset.nq"
TRIG = "dataset.trig"
STORE = "store"
MANIFEST = "manifest.json"
CACHE = "cache"  # work kept between builds (the ontology's canonical N-Quads)
# N-Quads lines per call to Oxigraph's loaders: the bulk loader (which writes the store on
# disk) holds about 1 kB a line until its call returns.
SLICE = 100_000

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


def dataset_quads(
    records: list[Record],
    project: Project,
    progress: Progress = lambda _: None,
    consume: bool = False,
) -> CanonicalQuads:
    """The ontology, the records, the gazetteer and the imports, as canonical N-Quads;
    ``consume`` empties ``records`` on the way, so that the lines reuse their memory."""
    progress(f"converting {len(records)} record files to RDF")
    quads = Quads()
    ontology_quads(project, quads, cache=project.build_dir / CACHE)
    record_quads(records, quads, consume=consume)
    progress("adding the reference gazetteer and the imports of graph/imports.yaml")
    rdflib_quads(REFERENCE_GRAPH, load_reference_files(project), quads)
    specs = load_config(project)
    if specs:  # the importers resolve names against an rdflib graph of everything so far
        dataset = quads_to_dataset(quads, project)
        for result in add_imports(dataset, project, specs, progress=progress):
            rdflib_quads(result.graph, result.triples, quads)
    return CanonicalQuads.of(quads)


def load_lines(
    store: pyoxigraph.Store,
    lines: Iterable[str] | Iterable[bytes],
    bulk: bool,
    lenient: bool = False,
) -> None:
    """Load N-Quads lines into ``store``, a slice at a time to bound the loader's memory;
    ``lenient`` skips validating IRIs and language tags."""
    lines = iter(lines)
    while chunk := list(islice(lines, SLICE)):
        data = b"".join(chunk) if isinstance(chunk[0], bytes) else "".join(chunk).encode("utf-8")
        if bulk:
            store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS, lenient=lenient)
        else:
            store.load(data, format=pyoxigraph.RdfFormat.N_QUADS, lenient=lenient)


def violations(
    lines: Iterable[str] | Iterable[bytes],
    project: Project,
    files: dict[str, set[str]],
    lenient: bool = False,
) -> list[Violation]:
    """The shape and data-check violations of the dataset ``lines``."""
    # on an in-memory store: queries on the on-disk one take several times longer
    store = pyoxigraph.Store()
    load_lines(store, lines, bulk=False, lenient=lenient)
    return check_store(store, project, files)


def compile_dataset(
    project: Project, progress: Progress = lambda _: None
) -> tuple[list[Record], list[str], str]:
    """Load, check and convert the records; raise on any problem. Writes no outputs (only
    the ontology's cache, see ``ontology_quads``).

    Returns the records, the IRIs of the dataset's graphs and its canonical N-Quads."""
    with _garbage_collector_paused():
        progress("reading records")
        records = load_records(project)
        quads = dataset_quads(records, project, progress)
    progress("checking shapes and data checks")
    found = violations(quads.lines(), project, graph_files(records, project))
    if found:
        raise ChecksFailed(found)
    return records, quads.graph_names(), quads.text()


def build(project: Project, progress: Progress = lambda _: None) -> BuildResult:
    """Build the dataset and its store under ``graph/build/dataset``; atomic on failure.

    The files are written to a staging folder, the checks run on its N-Quads, and the folder
    replaces the last build only if they pass."""
    started = time.perf_counter()
    with _garbage_collector_paused():
        progress("reading records")
        records = load_records(project)
        files, count = graph_files(records, project), len(records)
        quads = dataset_quads(records, project, progress, consume=True)
    progress("writing outputs")
    project.build_dir.mkdir(parents=True, exist_ok=True)
    staging = project.build_dir / f".staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        digest = _write_nquads(staging / NQUADS, quads)
        # Oxigraph's loader releases the GIL: the store is written while Python works on.
        store_writer = _Background(_write_store, staging / STORE, staging / NQUADS)
        try:
            write_trig(quads, staging / TRIG)
            size, graphs = len(quads), _fresh(quads.graph_names())
            del quads  # the lines make room for the stores
            progress("checking shapes and data checks")
            with (staging / NQUADS).open("rb") as lines:
                # lenient: the store being written reads the same lines strictly
                found = violations(lines, project, files, lenient=True)
        finally:
            store_writer.join()
        store_writer.reraise()
        if found:
            raise ChecksFailed(found)
        manifest = {
            "quads": size,
            "graphs": graphs,
            "inputs": _input_digests(project),
            "nquads_sha256": digest,
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        _swap_in(staging, dataset_dir(project))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(
        dataset_dir(project), size, len(graphs), count, time.perf_counter() - started
    )


@contextmanager
def _garbage_collector_paused() -> Iterator[None]:
    # Reading makes millions of containers and no cycles: without pausing it, the cyclic
    # garbage collector would walk the growing records over and over (a third of the time).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _fresh(texts: list[str]) -> list[str]:
    # Copies, made now: strings made among the lines would keep the memory of the freed lines
    # from going back to the system (small objects are kept in shared blocks).
    return [text.encode("utf-8").decode("utf-8") for text in texts]


def _write_nquads(path: Path, quads: CanonicalQuads) -> str:
    """Write the sorted lines; their SHA-256."""
    digest = hashlib.sha256()
    lines = iter(quads.lines())
    with path.open("wb") as out:
        while chunk := list(islice(lines, SLICE)):
            data = "".join(chunk).encode("utf-8")
            out.write(data)
            digest.update(data)
    return digest.hexdigest()


def _write_store(path: Path, nquads: Path) -> None:
    store = pyoxigraph.Store(str(path))
    with nquads.open("rb") as lines:
        load_lines(store, lines, bulk=True)
    store.flush()
    # The bulk loader leaves its files as it wrote them, slice by slice; compacting them once
    # makes every later query up to 2-3x faster, for a few seconds per million triples.
    store.optimize()
    del store  # closes the database before its folder is renamed


class _Background(threading.Thread):
    """``work(*args)`` in a thread; ``reraise`` raises what it raised."""

    def __init__(self, work: Callable[..., None], *args: object) -> None:
        super().__init__(daemon=True)
        self.work, self.args = work, args
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.work(*self.args)
        except BaseException as exc:
            self.error = exc

    def reraise(self) -> None:
        if self.error is not None:
            raise self.error


def _input_digests(project: Project) -> dict[str, str]:
    paths = [p for p, _ in record_files(project)]
    paths += [project.ontology_file, project.shapes_file]
    paths += sorted(project.vocabularies_dir.glob("*.ttl"))
    paths += input_files(project)
    # a path relative to the project; imports may read files outside it (kept absolute)
    shown = relative_paths(paths, project.root)
    return {
        name or str(path.resolve()): hashlib.sha256(path.read_bytes()).hexdigest()
        for name, path in zip(shown, paths, strict=True)
    }


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
