"""Any CSV or TSV of city pairs → partnerships, through a column mapping.

The mapping says which column holds what (``city1``, ``country1``, ``city2``, ``country2``,
and optionally ``lat1``/``lng1``/``lat2``/``lng2``, ``date`` (when the partnership was
established), ``wikidata1``/``wikidata2``). Countries are looked up in the gazetteer by ISO code
or by name. A row that cannot be read is reported with its line number and skipped; the others
are imported.
"""

from __future__ import annotations

import csv
import re
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import SKOS, XSD, Literal, URIRef

from diplograph.imports.config import ImportConfigError, ImportSpec
from diplograph.imports.names import name_key, slug
from diplograph.imports.resolve import Region, RegionIndex
from diplograph.imports.result import (
    Ambiguity,
    ImportResult,
    date_literal,
    new_region_triples,
    partnership_triples,
    source_triples,
)
from diplograph.namespaces import DIPLO, ID, SCHEMA, WD

DELIMITERS = ",;\t|"
QID = re.compile(r"^Q[1-9][0-9]*$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")


class RowError(ValueError):
    """One unreadable value of a row: ``field`` names the mapped key."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def parse_pair_date(text: str) -> Literal:
    """``1989``, ``1989-05``, ``1989-05-12``, ``12.5.1989`` or ``12/05/1989`` (day first).

    >>> str(parse_pair_date("12.5.1989")), str(parse_pair_date("1989"))
    ('1989-05-12', '1989')
    """
    text = text.strip()
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    return date_literal(text)


def parse_coordinate(text: str, limit: int) -> Literal:
    """A decimal degree, with a decimal point or a decimal comma, within ±``limit``."""
    try:
        number = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a number of degrees") from None
    if not number.is_finite() or abs(number) > limit:
        raise ValueError(f"{text!r} is not between -{limit} and {limit}")
    return Literal(str(number), datatype=XSD.decimal)


def _open(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportConfigError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ImportConfigError(
            f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from None
    except OSError as exc:
        raise ImportConfigError(f"{path}: cannot read the file: {exc}") from None


def sniff_delimiter(text: str, path: Path) -> str:
    header = text.splitlines()[0] if text else ""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        raise ImportConfigError(f"{path}:1: cannot tell the delimiter; give it (e.g. ';')")
    return best


class PairsImporter:
    """Reads one file row by row; keeps the regions and partnerships it made."""

    def __init__(self, spec: ImportSpec, index: RegionIndex) -> None:
        self.spec, self.index = spec, index
        self.result = ImportResult(spec)
        self.triples = source_triples(self.result, spec.language or "und", "")
        self.path = spec.inputs["file"]
        self.regions: dict[tuple[str, URIRef | None], URIRef] = {}
        self.countries: dict[str, URIRef] = {}
        self.partnerships: dict[frozenset[URIRef], tuple[URIRef, bool]] = {}
        self.seen_regions: set[URIRef] = set()

    def run(self) -> ImportResult:
        started = time.perf_counter()
        text = _open(self.path)
        delimiter = self.spec.delimiter.replace("\\t", "\t") or sniff_delimiter(text, self.path)
        reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
        header = next(reader, None)
        if not header:
            raise ImportConfigError(f"{self.path}:1: the file is empty; a header row is needed")
        columns = self._columns([h.strip() for h in header])
        line = reader.line_num + 1
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            self.result.rows += 1
            if len(row) != len(header):
                self._problem(start, "", f"has {len(row)} fields, the header has {len(header)}")
                continue
            cells = {key: row[i].strip() for key, i in columns.items()}
            try:
                self._row(cells)
            except RowError as exc:
                self._problem(start, exc.field, str(exc))
        self.result.regions = len(self.seen_regions)
        self.result.triples = self.triples
        self.result.seconds = time.perf_counter() - started
        return self.result

    def _columns(self, header: list[str]) -> dict[str, int]:
        folded = {h.casefold(): i for i, h in enumerate(header)}
        columns = {}
        for key, column in self.spec.mapping.items():
            if column.casefold() not in folded:
                raise ImportConfigError(
                    f"{self.path}:1: column {column!r} (mapped to {key}) is not in the header; "
                    f"the columns are: {', '.join(header)}"
                )
            columns[key] = folded[column.casefold()]
        return columns

    def _problem(self, line: int, field: str, message: str) -> None:
        column = f" ({self.spec.mapping[field]})" if field in self.spec.mapping else ""
        where = f"{field}{column}: " if field else ""
        self.result.problems.append(f"{self.path}:{line}: {where}{message}")

    def _row(self, cells: dict[str, str]) -> None:
        ends = []
        for side in ("1", "2"):
            name = cells.get(f"city{side}", "")
            if not name:
                raise RowError(f"city{side}", "is empty")
            country = self._country(cells, side)
            coordinates = self._coordinates(cells, side)
            qid = cells.get(f"wikidata{side}", "")
            if qid and not QID.match(qid):
                raise RowError(f"wikidata{side}", f"{qid!r} is not a Wikidata id such as Q204266")
            ends.append((name, country, coordinates, qid))
        when = None
        if cells.get("date"):
            try:
                when = (DIPLO.date, parse_pair_date(cells["date"]))
            except ValueError as exc:
                raise RowError("date", str(exc)) from None
        a, b = (self._region(*end) for end in ends)
        if a == b:
            raise RowError("city2", f"both ends are the same region ({self.index.display(a)})")
        self.result.statements += 1
        self._partnership(a, b, when)

    def _country(self, cells: dict[str, str], side: str) -> URIRef | None:
        key = f"country{side}"
        if key not in self.spec.mapping:
            return None
        text = cells.get(key, "")
        if not text:
            raise RowError(key, "is empty")
        if text not in self.countries:
            found = self.index.country(text)
            if found.iri is None:
                why = "matches several countries" if found.candidates else "is not in the gazetteer"
                raise RowError(key, f"{text!r} {why}")
            self.countries[text] = found.iri
        return self.countries[text]

    def _coordinates(self, cells: dict[str, str], side: str) -> list[tuple[URIRef, Literal]]:
        found = []
        for key, prop, limit in (("lat", SCHEMA.latitude, 90), ("lng", SCHEMA.longitude, 180)):
            text = cells.get(f"{key}{side}", "")
            if text:
                try:
                    found.append((prop, parse_coordinate(text, limit)))
                except ValueError as exc:
                    raise RowError(f"{key}{side}", str(exc)) from None
        return found

    def _region(self, name: str, country: URIRef | None, coordinates: list, qid: str) -> URIRef:
        memo = (qid or name_key(name), country)
        if memo in self.regions:
            return self.regions[memo]
        iri = self._resolve(name, country, qid) or self._new_region(name, country, coordinates, qid)
        self.regions[memo] = iri
        self.seen_regions.add(iri)
        return iri

    def _resolve(self, name: str, country: URIRef | None, qid: str) -> URIRef | None:
        index, result, where = self.index, self.result, f"{self.path.name}"
        found = index.wikidata(qid) if qid else None
        if found is None or found.iri is None:
            found = index.by_name([name], country)
        if found.iri is not None:
            region = index.regions[found.iri]
            if region.curated:
                result.merged_curated.append((name, str(found.iri), found.how))
            else:
                result.merged_imported += 1
            if name not in region.names:
                self.triples.append((found.iri, SKOS.altLabel, self._label(name)))
            return found.iri
        candidates = tuple(str(c) for c in found.candidates)
        if found.how == "ambiguous":
            result.ambiguous.append(Ambiguity(name, where, candidates))
        elif found.how == "unconfirmed" and any(index.regions[c].curated for c in found.candidates):
            result.unconfirmed.append(Ambiguity(name, where, candidates))
        return None

    def _label(self, name: str) -> Literal:
        return Literal(name, lang=self.spec.language or None)

    def _new_region(self, name: str, country: URIRef | None, coordinates: list, qid: str) -> URIRef:
        if qid:
            base = f"wd-{qid}"
        elif country is not None:
            code = self.index.code_of(country) or str(country).rsplit("/", 1)[-1]
            base = f"{slug(name_key(name) or name)}-{code.lower()}"
        else:
            base = f"{self.spec.id}-{slug(name_key(name) or name)}"
        iri, counter = ID[f"region/{base}"], 1
        while iri in self.index.regions:
            counter += 1
            suffix = self.spec.id if counter == 2 else f"{self.spec.id}-{counter}"
            iri = ID[f"region/{base}-{suffix}"]
        label = self._label(name)
        self.triples += new_region_triples(iri, [label], country)
        self.triples += [(iri, prop, value) for prop, value in coordinates]
        if qid:
            self.triples.append((iri, SKOS.exactMatch, WD[qid]))
        region = Region(iri, "municipality", [name], located_in=country, country=country)
        region.labels.append(label)
        self.index.add(region, wikidata=qid or None)
        self.result.regions_new += 1
        return iri

    def _partnership(self, a: URIRef, b: URIRef, when: tuple | None) -> None:
        key = frozenset((a, b))
        if key in self.partnerships:
            self.result.duplicates += 1
            return
        self.result.pairs += 1
        existing = self.index.partnerships.get(key)
        first, second = sorted((a, b))
        segment = "--".join(str(x).rsplit("/", 1)[-1] for x in (first, second))
        iri = existing or ID[f"partnership/{segment}"]
        label = None if existing else f"{self.index.display(a)} – {self.index.display(b)}"
        stated = when or (DIPLO.reachedBy, date_literal(self.spec.date))
        self.triples += partnership_triples(self.result, iri, (a, b), label, stated, not existing)
        self.triples.append((a, DIPLO.partnerOf, b))
        self.partnerships[key] = (iri, existing is None)
        if existing:
            self.result.partnerships_existing += 1
        else:
            self.result.partnerships_new += 1
            self.index.partnerships[key] = iri


def import_pairs(spec: ImportSpec, index: RegionIndex) -> ImportResult:
    """Import a CSV/TSV of pairs; ``index`` learns the regions and partnerships made."""
    return PairsImporter(spec, index).run()
