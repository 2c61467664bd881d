"""Load records and reference data, checking them against the record format.

Every problem is collected with its file, line and field before anything is converted, so a
person sees all of them at once and nothing is written while any remains.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import SKOS, Graph

from diplograph.project import Project
from diplograph.records import values
from diplograph.records.model import Entity, Problem, Record, RecordsInvalid
from diplograph.records.schema import (
    ACTIVITY_KEYS,
    ID_KEY,
    PARTICIPANT_KEYS,
    QUANTITY_KEYS,
    QUOTE_KEYS,
    SECTION_BY_NAME,
    SOURCE_KEYS,
    SOURCE_KINDS,
    SOURCE_REQUIRED,
    STAGE_KEYS,
    Field,
)
from diplograph.records.yamlio import LineDict, LineList, YamlError, read_yaml

LANGUAGE_TAG = values.re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


def record_files(project: Project) -> list[tuple[Path, bool]]:
    """Reference files first, then records; each with ``True`` when it is reference data."""
    reference = sorted(project.reference_dir.glob("*.yaml"))
    records = sorted(project.records_dir.glob("*.yaml"))
    return [(p, True) for p in reference] + [(p, False) for p in records]


def vocabulary_ids(project: Project) -> dict[str, set[str]]:
    """Concept ids (``skos:notation``) of each SKOS scheme in ``ontology/vocabularies``."""
    schemes: dict[str, set[str]] = {}
    for path in sorted(project.vocabularies_dir.glob("*.ttl")):
        graph = Graph().parse(path, format="turtle")
        schemes[path.stem] = {str(n) for n in graph.objects(None, SKOS.notation)}
    return schemes


def load_records(
    project: Project, files: Iterable[tuple[Path, bool]] | None = None
) -> list[Record]:
    """Read and check all record files; raise ``RecordsInvalid`` listing every problem."""
    records, problems = read_records(project, files)
    if problems:
        raise RecordsInvalid(problems)
    return records


def read_records(
    project: Project, files: Iterable[tuple[Path, bool]] | None = None
) -> tuple[list[Record], list[Problem]]:
    """The records that could be read, and every problem found in them."""
    checker = _Checker(vocabulary_ids(project), project.root)
    records = [
        record
        for path, reference in (record_files(project) if files is None else files)
        if (record := checker.read(path, reference)) is not None
    ]
    checker.check_references(records)
    return records, checker.problems


class _Checker:
    def __init__(self, vocabularies: dict[str, set[str]], root: Path) -> None:
        self.vocabularies = vocabularies
        self.root = root
        self.problems: list[Problem] = []
        self.refs: list[tuple[Path, int, str, str, tuple[str, ...]]] = []

    def problem(self, path: Path, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(self._shown(path), line, where, message))

    def _shown(self, path: Path) -> Path:
        try:
            return path.resolve().relative_to(self.root.resolve())
        except ValueError:
            return path

    # -- one file ---------------------------------------------------------------------------

    def read(self, path: Path, reference: bool) -> Record | None:
        try:
            document = read_yaml(path)
        except YamlError as exc:
            self.problem(path, exc.line, "", exc.message)
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(path, 1, "", f"cannot read the file: {exc}")
            return None
        if not isinstance(document, LineDict) or "source" not in document:
            self.problem(path, 1, "", "a record is a mapping with a 'source' and entity lists")
            return None
        if not isinstance(document["source"], LineDict):
            self.problem(path, document.line_of("source"), "source", "must be a mapping")
            return None
        record = Record(path=path, source=document["source"], reference=reference)
        self._check_source(record)
        seen: dict[str, int] = {}
        for key, items in document.items():
            if key == "source":
                continue
            line = document.line_of(key)
            section = SECTION_BY_NAME.get(key)
            if section is None:
                known = ", ".join(["source", *SECTION_BY_NAME])
                self.problem(path, line, key, f"unknown section; the sections are: {known}")
                continue
            if not isinstance(items, LineList):
                self.problem(path, line, key, "must be a list of entities")
                continue
            for index, item in enumerate(items):
                where = f"{key}[{index}]"
                if not isinstance(item, LineDict):
                    self.problem(path, items.line_of(index), where, "must be a mapping")
                    continue
                entity_id = self._check_id(path, item, where)
                if entity_id is None:
                    continue
                where = f"{key}[{entity_id}]"
                if entity_id in seen:
                    self.problem(
                        path,
                        item.line,
                        where,
                        f"duplicate id {entity_id!r} (already on line {seen[entity_id]})",
                    )
                    continue
                seen[entity_id] = item.line
                self._check_entity(record, key, item, where)
                record.entities.append(Entity(key, entity_id, item, record))
        return record

    def _check_source(self, record: Record) -> None:
        source, path = record.source, record.path
        for key in SOURCE_REQUIRED:
            if key not in source or source[key] in (None, ""):
                self.problem(path, source.line, f"source.{key}", "is required")
        for key, value in source.items():
            where, line = f"source.{key}", source.line_of(key)
            kind = SOURCE_KEYS.get(key)
            if kind is None:
                self.problem(path, line, where, f"unknown key; allowed: {', '.join(SOURCE_KEYS)}")
            elif value is None:
                continue
            elif kind == "id" and not values.ID_PATTERN.match(str(value)):
                self.problem(path, line, where, "an id is lower-case letters, digits and '-'")
            elif kind == "source-kind" and value not in SOURCE_KINDS:
                self.problem(path, line, where, f"must be one of {', '.join(SOURCE_KINDS)}")
            elif kind == "date":
                self._parse(path, line, where, values.parse_date, value)
            elif key == "language" and not LANGUAGE_TAG.match(str(value)):
                self.problem(path, line, where, "must be a language tag such as 'id' or 'en'")
            elif kind == "path":
                text_path = path.parent / str(value)
                if not text_path.is_file():
                    self.problem(path, line, where, f"no such file: {value}")
                else:
                    record.source_text = text_path.read_text(encoding="utf-8")
        if source.get("kind") == "news-article" and "text" not in source:
            self.problem(
                path, source.line, "source.text", "a news article record needs its text file"
            )

    def _check_id(self, path: Path, item: LineDict, where: str) -> str | None:
        if ID_KEY not in item:
            self.problem(path, item.line, where, "has no 'id'")
            return None
        entity_id = str(item[ID_KEY])
        if not values.ID_PATTERN.match(entity_id):
            self.problem(
                path,
                item.line_of(ID_KEY),
                f"{where}.id",
                f"{entity_id!r} is not an id: use lower-case letters, digits and '-'",
            )
            return None
        return entity_id

    # -- one entity -------------------------------------------------------------------------

    def _check_entity(self, record: Record, section_name: str, item: LineDict, where: str) -> None:
        section, path = SECTION_BY_NAME[section_name], record.path
        for f in section.fields:
            if f.required and (f.name not in item or item[f.name] in (None, [], "")):
                self.problem(path, item.line, f"{where}.{f.name}", "is required")
        for key, value in item.items():
            line = item.line_of(key)
            if key == ID_KEY:
                continue
            if key in QUOTE_KEYS:
                self._check_quotes(record, item, key, f"{where}.{key}", section_name)
                continue
            f = section.field(key)
            if f is None:
                allowed = ", ".join([ID_KEY, *(x.name for x in section.fields), *QUOTE_KEYS])
                self.problem(path, line, f"{where}.{key}", f"unknown field; allowed: {allowed}")
                continue
            self._check_field(record, f, value, line, f"{where}.{key}")

    def _check_field(self, record: Record, f: Field, value: object, line: int, where: str) -> None:
        path = record.path
        if value is None:
            return
        if f.many and f.kind not in ("labels", "text"):
            if not isinstance(value, LineList):
                value = LineList([value])
                value.line, value.lines = line, [line]
            for index, item in enumerate(value):
                self._check_value(record, f, item, value.line_of(index), f"{where}[{index}]")
        elif f.many and isinstance(value, LineList):
            for index, item in enumerate(value):
                self._check_value(record, f, item, value.line_of(index), f"{where}[{index}]")
        elif isinstance(value, LineList) and f.kind not in ("labels", "text"):
            self.problem(path, line, where, "takes one value, not a list")
        else:
            self._check_value(record, f, value, line, where)

    def _check_value(self, record: Record, f: Field, value: object, line: int, where: str) -> None:
        path, kind = record.path, f.kind
        if kind in ("labels", "text"):
            self._check_language_map(path, value, line, where)
        elif kind == "string":
            if not isinstance(value, str):
                self.problem(path, line, where, "must be text")
        elif kind == "ref":
            self.refs.append((path, line, where, str(value), f.targets))
        elif kind == "concept":
            self._check_concept(path, line, where, f.scheme or "", value)
        elif kind == "kind":
            if value not in f.classes:
                self.problem(path, line, where, f"must be one of {', '.join(f.classes)}")
        elif kind == "date":
            self._parse(path, line, where, values.parse_date, value)
        elif kind == "year":
            parsed = self._parse(path, line, where, values.parse_date, value)
            if parsed and "-" in parsed[0]:
                self.problem(path, line, where, "must be a year (YYYY)")
        elif kind == "integer":
            self._parse(path, line, where, values.parse_integer, value)
        elif kind == "wikidata":
            if not values.WIKIDATA_PATTERN.match(str(value)):
                self.problem(path, line, where, f"{value!r} is not a Wikidata id such as Q204266")
        elif kind == "geonames":
            self._parse(path, line, where, values.parse_integer, value)
        elif kind == "quantity":
            self._check_quantity(path, value, line, where)
        elif kind in ("stages", "activities", "participants"):
            keys = {"stages": STAGE_KEYS, "activities": ACTIVITY_KEYS}.get(kind, PARTICIPANT_KEYS)
            self._check_nested(record, keys, value, line, where)

    def _check_language_map(self, path: Path, value: object, line: int, where: str) -> None:
        if not isinstance(value, LineDict):
            self.problem(path, line, where, "must be a language map such as {en: …, id: …}")
            return
        for lang, text in value.items():
            if not LANGUAGE_TAG.match(lang):
                self.problem(path, value.line_of(lang), f"{where}.{lang}", "not a language tag")
            texts = text if isinstance(text, list) else [text]
            if not texts or not all(isinstance(t, str) and t.strip() for t in texts):
                self.problem(path, value.line_of(lang), f"{where}.{lang}", "must be text")

    def _check_concept(self, path: Path, line: int, where: str, scheme: str, value: object) -> None:
        known = self.vocabularies.get(scheme, set())
        if str(value) not in known:
            self.problem(
                path,
                line,
                where,
                f"{value!r} is not in the {scheme} scheme "
                f"(ontology/vocabularies/{scheme}.ttl): {', '.join(sorted(known))}",
            )

    def _check_quantity(self, path: Path, value: object, line: int, where: str) -> None:
        if not isinstance(value, LineDict):
            self.problem(path, line, where, f"must be a mapping of {', '.join(QUANTITY_KEYS)}")
            return
        for key, item in value.items():
            kind, key_line = QUANTITY_KEYS.get(key), value.line_of(key)
            if kind is None:
                allowed = ", ".join(QUANTITY_KEYS)
                self.problem(path, key_line, f"{where}.{key}", f"unknown key; allowed: {allowed}")
            elif kind == "decimal":
                self._parse(path, key_line, f"{where}.{key}", values.parse_decimal, item)
            elif kind == "boolean":
                self._parse(path, key_line, f"{where}.{key}", values.parse_boolean, item)
            elif key == "currency" and not values.re.match(r"^[A-Z]{3}$", str(item)):
                self.problem(path, key_line, f"{where}.{key}", "an ISO 4217 code such as USD")
        bounds = {"value", "min", "max", "more_than"} & set(value)
        if not bounds:
            self.problem(path, line, where, "needs a value, a min/max range or more_than")
        elif "min" in value and "max" in value:
            try:
                low, high = (values.parse_decimal(value[k]) for k in ("min", "max"))
            except ValueError:
                return
            if low > high:
                self.problem(path, line, where, f"min {low} is greater than max {high}")

    def _check_nested(
        self, record: Record, keys: dict[str, str], value: object, line: int, where: str
    ) -> None:
        path = record.path
        if not isinstance(value, LineDict):
            self.problem(path, line, where, f"must be a mapping of {', '.join(keys)}")
            return
        for key, item in value.items():
            kind, key_line, at = keys.get(key), value.line_of(key), f"{where}.{key}"
            if kind is None:
                self.problem(path, key_line, at, f"unknown key; allowed: {', '.join(keys)}")
            elif kind == "quote":
                for text in item if isinstance(item, list) else [item]:
                    self._check_quote_text(record, text, key_line, at)
            elif kind.startswith("concept:"):
                self._check_concept(path, key_line, at, kind.split(":")[1], item)
            elif kind.startswith("ref:"):
                self.refs.append((path, key_line, at, str(item), tuple(kind[4:].split(","))))
            elif kind == "date":
                self._parse(path, key_line, at, values.parse_date, item)
            elif kind == "labels":
                self._check_language_map(path, item, key_line, at)
            elif kind == "id" and not values.ID_PATTERN.match(str(item)):
                self.problem(path, key_line, at, "an id is lower-case letters, digits and '-'")
        required = {STAGE_KEYS is keys and "stage", ACTIVITY_KEYS is keys and "id"}
        required |= {PARTICIPANT_KEYS is keys and "agent"}
        for key in required - {False} - set(value):
            self.problem(path, line, f"{where}.{key}", "is required")
        if keys is STAGE_KEYS and not {"date", "planned_date", "reached_by"} & set(value):
            self.problem(path, line, where, "a stage change needs date, planned_date or reached_by")

    # -- quotes -----------------------------------------------------------------------------

    def _check_quotes(
        self, record: Record, item: LineDict, key: str, where: str, section: str
    ) -> None:
        value, line = item[key], item.line_of(key)
        if key == "quote":
            quotes = value if isinstance(value, LineList) else [value]
            for quote in quotes:
                self._check_quote_text(record, quote, line, where)
            return
        if not isinstance(value, LineDict):
            self.problem(record.path, line, where, "must map field names to quotes")
            return
        fields = SECTION_BY_NAME[section]
        for name, quote in value.items():
            if fields.field(name) is None:
                self.problem(
                    record.path, value.line_of(name), f"{where}.{name}", "no such field to quote"
                )
            quotes = quote if isinstance(quote, list) else [quote]
            for text in quotes:
                self._check_quote_text(record, text, value.line_of(name), f"{where}.{name}")

    def _check_quote_text(self, record: Record, quote: object, line: int, where: str) -> None:
        if not isinstance(quote, str) or not quote.strip():
            self.problem(record.path, line, where, "a quote must be text")
            return
        if record.source_text is None:
            return
        if not hasattr(record, "_normalised"):
            record._normalised = values.normalise_text(record.source_text)  # type: ignore[attr-defined]
        if not values.quote_found(quote, record._normalised):  # type: ignore[attr-defined]
            self.problem(
                record.path,
                line,
                where,
                f"quote not found in the source text {record.source.get('text')}: {quote[:80]!r}",
            )

    # -- across files -----------------------------------------------------------------------

    def check_references(self, records: list[Record]) -> None:
        sections: dict[str, tuple[str, Path, int]] = {}
        sources: dict[str, Path] = {}
        for record in records:
            if "id" in record.source:
                other = sources.setdefault(record.source_id, record.path)
                if other != record.path:
                    self.problem(
                        record.path,
                        record.source.line_of("id"),
                        "source.id",
                        f"source id {record.source_id!r} is already used by {self._shown(other)}",
                    )
            for entity in record.entities:
                known = sections.setdefault(
                    entity.id, (entity.section, record.path, entity.data.line)
                )
                if known[0] != entity.section:
                    self.problem(
                        record.path,
                        entity.data.line,
                        f"{entity.section}[{entity.id}]",
                        f"id {entity.id!r} is already in {known[0]} "
                        f"({self._shown(known[1])}:{known[2]}); ids are unique across sections",
                    )
        for path, line, where, target, allowed in self.refs:
            found = sections.get(target)
            if found is None:
                self.problem(path, line, where, f"unknown id {target!r}")
            elif allowed and found[0] not in allowed:
                self.problem(
                    path,
                    line,
                    where,
                    f"{target!r} is in {found[0]}, expected one of: {', '.join(allowed)}",
                )

    def _parse(self, path: Path, line: int, where: str, parser, value):  # type: ignore[no-untyped-def]
        try:
            return parser(value)
        except ValueError as exc:
            self.problem(path, line, where, str(exc))
            return None
