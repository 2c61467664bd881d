"""An N-Triples file as an import (the optional ISO 3166-2 subdivisions, or any other).

The triples go into the import's named graph unchanged; the build then indexes the regions
they describe again, so that the imports listed after this one can match them.
"""

from __future__ import annotations

import time

from rdflib import RDF, Graph

from diplograph.imports.config import ImportConfigError, ImportSpec
from diplograph.imports.resolve import RegionIndex
from diplograph.imports.result import ImportResult
from diplograph.namespaces import DIPLO


def import_ntriples(spec: ImportSpec, index: RegionIndex) -> ImportResult:
    started = time.perf_counter()
    path = spec.inputs["file"]
    if not path.is_file():
        raise ImportConfigError(f"{path}: no such file")
    graph = Graph()
    try:
        graph.parse(path, format="nt")
    except Exception as exc:  # rdflib raises several kinds of parse errors
        raise ImportConfigError(f"{path}: not valid N-Triples: {exc}") from None
    result = ImportResult(spec)
    result.triples = list(graph)
    result.rows = len(graph)
    regions = set(graph.subjects(RDF.type, DIPLO.Region))
    result.regions = len(regions)
    result.regions_new = len(regions - set(index.regions))
    result.seconds = time.perf_counter() - started
    return result
