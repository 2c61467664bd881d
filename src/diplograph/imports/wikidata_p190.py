"""Wikidata P190 ("twinned administrative body") statements → partnerships.

Input: ``relations.tsv`` (``QID<TAB>QID``, one directed statement per line: the first item
lists the second as a twin) and ``names.tsv`` (``QID<TAB>label``). Wikidata stores a twinning
on each side, so a pair is usually stated twice; each unordered pair becomes one partnership,
and a pair stated from one side only is kept and flagged (one ``diplo:partnerOf`` triple, the
direction that was stated, and an editorial note). Every region keeps its Wikidata IRI as
``skos:exactMatch``; a region a curated record already links to that item is reused.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

from rdflib import SKOS, Literal, URIRef

from diplograph.imports.config import ImportConfigError, ImportSpec
from diplograph.imports.resolve import Region, RegionIndex
from diplograph.imports.result import (
    Ambiguity,
    ImportResult,
    date_literal,
    new_region_triples,
    partnership_triples,
    source_triples,
)
from diplograph.namespaces import DIPLO, ID, WD

QID = re.compile(r"^Q[1-9][0-9]*$")
NOTE = (
    "Directed Wikidata P190 statements, one undirected partnership per pair; the stage "
    "'established' is dated by the snapshot (reachedBy). Labels are Wikidata labels in mixed "
    "languages (German preferred, then English, French, Italian, Spanish) and carry no "
    "language tag."
)


def _number(qid: str) -> int:
    return int(qid[1:])


def _rows(path: Path, result: ImportResult) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportConfigError(f"{path}: cannot read the file: {exc}") from None
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.split("\t")))
    return rows


def read_names(path: Path, result: ImportResult) -> dict[str, str]:
    names: dict[str, str] = {}
    for number, cells in _rows(path, result):
        if len(cells) != 2 or not QID.match(cells[0].strip()) or not cells[1].strip():
            result.problems.append(f"{path}:{number}: expected QID<TAB>label, got {cells!r}")
            continue
        names.setdefault(cells[0].strip(), cells[1].strip())
    return names


def read_relations(path: Path, result: ImportResult) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """Unordered pairs (by item number) → the directed statements that state them."""
    pairs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    for number, cells in _rows(path, result):
        result.rows += 1
        cells = [c.strip() for c in cells]
        if len(cells) != 2 or not all(QID.match(c) for c in cells):
            result.problems.append(f"{path}:{number}: expected QID<TAB>QID, got {cells!r}")
            continue
        first, second = cells
        if first == second:
            result.problems.append(f"{path}:{number}: {first} is twinned with itself")
            continue
        if (first, second) in seen:
            result.duplicates += 1
            continue
        seen.add((first, second))
        result.statements += 1
        key = (first, second) if _number(first) < _number(second) else (second, first)
        pairs[key].add((first, second))
    return pairs


def import_wikidata_p190(spec: ImportSpec, index: RegionIndex) -> ImportResult:
    """Read the two files, resolve the items against ``index`` and make the triples.

    ``index`` is updated with the regions and partnerships made, for the imports after this one.
    """
    started = time.perf_counter()
    result = ImportResult(spec)
    names = read_names(spec.inputs["names"], result)
    pairs = read_relations(spec.inputs["relations"], result)
    triples = source_triples(result, "mul", NOTE)
    items = sorted({q for pair in pairs for q in pair}, key=_number)
    iris = {qid: _region(qid, names.get(qid), index, result, triples) for qid in items}
    result.regions = len(items)
    reached = (DIPLO.reachedBy, date_literal(spec.date))
    for first, second in sorted(pairs, key=lambda p: (_number(p[0]), _number(p[1]))):
        a, b = iris[first], iris[second]
        if a == b:
            result.problems.append(f"{first} and {second} are the same region {a}")
            continue
        result.pairs += 1
        existing = index.partnerships.get(frozenset((a, b)))
        iri = existing or ID[f"partnership/wd-{first}-{second}"]
        label = None if existing else f"{index.display(a)} – {index.display(b)}"
        triples += partnership_triples(result, iri, (a, b), label, reached, existing is None)
        for lister, listed in sorted(pairs[(first, second)]):
            triples.append((iris[lister], DIPLO.partnerOf, iris[listed]))
        if len(pairs[(first, second)]) == 1:
            ((lister, listed),) = pairs[(first, second)]
            result.one_sided += 1
            note = (
                f"One-sided in {spec.id}: only {index.display(iris[lister])} ({lister}) lists "
                f"{index.display(iris[listed])} ({listed}) as a twin."
            )
            triples.append((iri, SKOS.editorialNote, Literal(note)))
        if existing:
            result.partnerships_existing += 1
        else:
            result.partnerships_new += 1
            index.partnerships[frozenset((a, b))] = iri
    result.triples = triples
    result.seconds = time.perf_counter() - started
    return result


def _region(
    qid: str, name: str | None, index: RegionIndex, result: ImportResult, triples: list
) -> URIRef:
    found = index.wikidata(qid)
    if found.iri is not None:
        region = index.regions[found.iri]
        if region.curated:
            result.merged_curated.append(
                (f"{qid} {name or ''}".strip(), str(found.iri), "wikidata")
            )
        else:
            result.merged_imported += 1
        if name and name not in region.names:
            triples.append((found.iri, SKOS.altLabel, Literal(name)))
        return found.iri
    if found.how == "ambiguous":
        result.ambiguous.append(
            Ambiguity(name or qid, qid, tuple(str(c) for c in found.candidates))
        )
    iri = ID[f"region/wd-{qid}"]
    if name is None:
        result.unnamed += 1
    label = Literal(name or qid)
    triples += new_region_triples(iri, [label])
    triples.append((iri, SKOS.exactMatch, WD[qid]))
    if name:
        same_name = index.by_name([name], None)
        curated = tuple(str(c) for c in same_name.candidates if index.regions[c].curated)
        if curated:
            result.unconfirmed.append(Ambiguity(name, qid, curated))
    index.add(Region(iri, "municipality", [str(label)], labels=[label]), wikidata=qid)
    result.regions_new += 1
    return iri
