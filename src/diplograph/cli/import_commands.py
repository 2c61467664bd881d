"""``diplograph import wikidata-p190 | pairs | report``: bring outside data into the graph."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from diplograph.cli.common import ProjectOption, err, fail, progress, project_from
from diplograph.project import Project

if TYPE_CHECKING:  # the importers load rdflib and the records: imported when a command runs
    from collections.abc import Callable

    from rdflib import Dataset

    from diplograph.imports.config import ImportSpec
    from diplograph.imports.resolve import RegionIndex
    from diplograph.imports.result import ImportResult

group = typer.Typer(help="Bring outside data in: Wikidata P190 pairs, any CSV/TSV of pairs.")

DateOption = Annotated[
    str, typer.Option("--date", help="Date of the dataset or snapshot (YYYY, YYYY-MM, YYYY-MM-DD).")
]
IdOption = Annotated[str | None, typer.Option("--id", help="Import id (its named graph).")]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Only report; do not add it to graph/imports.yaml.")
]


def _show(result: ImportResult, limit: int = 20) -> None:
    err.print(result.summary(), markup=False)
    for name, iri, how in result.merged_curated[:limit]:
        err.print(f"  merged: {name} → {iri} (by {how})", markup=False)
    for title, items in (("ambiguous", result.ambiguous), ("unconfirmed", result.unconfirmed)):
        for item in items[:limit]:
            err.print(f"  {title}: {item}", markup=False)
        if len(items) > limit:
            err.print(f"  … and {len(items) - limit} more {title}", markup=False)
    for problem in result.problems[:limit]:
        err.print(f"  unreadable: {problem}", markup=False)
    if len(result.problems) > limit:
        err.print(f"  … and {len(result.problems) - limit} more unreadable rows", markup=False)


def _with_imports(
    project: Project, step: Callable[[str], None] = lambda _: None
) -> tuple[Dataset, list[ImportResult]]:
    """The records, the gazetteer and the imports of graph/imports.yaml, as one dataset."""
    from diplograph.convert import records_to_dataset
    from diplograph.imports.pipeline import add_imports, add_reference_files
    from diplograph.records.load import load_records

    dataset = records_to_dataset(load_records(project), project)
    add_reference_files(dataset, project)
    return dataset, add_imports(dataset, project, progress=step)


def _index(project: Project) -> RegionIndex:
    from diplograph.imports.resolve import RegionIndex

    return RegionIndex.from_dataset(_with_imports(project)[0])


def _relative(project: Project, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.root.resolve()))
    except ValueError:
        return str(path.resolve())


def append_to_config(project: Project, entry: dict) -> Path:
    """Add an entry to ``graph/imports.yaml``, keeping the file's comments; written atomically."""
    import yaml

    from diplograph.imports.config import ImportConfigError, config_path, load_config

    path = config_path(project)
    if entry["id"] in {spec.id for spec in load_config(project)}:
        raise ImportConfigError(f"{path}: an import with id {entry['id']!r} is already listed")
    text = path.read_text(encoding="utf-8") if path.is_file() else "imports:\n"
    if not text.endswith("\n"):
        text += "\n"
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True)
    new_text = text + "".join(f"  {line}\n" for line in block.splitlines())
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(new_text, encoding="utf-8")
    try:
        if entry["id"] not in {s.id for s in load_config(project, partial)}:
            raise ImportConfigError(f"{path}: cannot append; add this entry by hand:\n{block}")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _run(project: Project, spec: ImportSpec, entry: dict, dry_run: bool) -> None:
    from diplograph.imports.config import ImportConfigError
    from diplograph.imports.pipeline import run_import
    from diplograph.records.model import RecordsInvalid

    try:
        with progress(f"importing {spec.id}") as step:
            step("resolving against the curated records and earlier imports")
            result = run_import(spec, _index(project))
        _show(result)
        if not dry_run:
            path = append_to_config(project, entry)
            err.print(f"added {spec.id} to {path}; run `diplograph build` to rebuild the graph")
    except (ImportConfigError, RecordsInvalid) as exc:
        fail(str(exc))


def wikidata_command(
    relations: Annotated[Path, typer.Argument(help="relations.tsv: QID<TAB>QID per line.")],
    names: Annotated[Path, typer.Argument(help="names.tsv: QID<TAB>label per line.")],
    date: DateOption,
    import_id: IdOption = None,
    license_: Annotated[str, typer.Option("--license", help="Licence of the data.")] = "CC0-1.0",
    title: Annotated[str, typer.Option("--title", help="Title of the dataset.")] = "",
    dry_run: DryRun = False,
    project: ProjectOption = None,
) -> None:
    """Import Wikidata P190 twinning statements: one partnership per pair of items."""
    from diplograph.imports.config import ImportSpec

    proj = project_from(project)
    import_id = import_id or "wikidata-p190"
    entry = {"id": import_id, "format": "wikidata-p190"}
    entry |= {"relations": _relative(proj, relations), "names": _relative(proj, names)}
    entry |= {"date": date, "license": license_} | ({"title": title} if title else {})
    spec = ImportSpec(
        import_id,
        "wikidata-p190",
        {"relations": relations, "names": names},
        date,
        title=title or "Wikidata P190 (twinned administrative body) statements",
        license=license_,
    )
    _run(proj, spec, entry, dry_run)


def pairs_command(
    file: Annotated[Path, typer.Argument(help="A CSV or TSV file with a header row.")],
    date: DateOption,
    mapping: Annotated[
        str | None,
        typer.Option(
            "--map",
            help="KEY=COLUMN,… with keys city1, city2 (required), country1, "
            "country2, lat1, lng1, lat2, lng2, date, wikidata1, wikidata2.",
        ),
    ] = None,
    map_file: Annotated[
        Path | None, typer.Option("--map-file", help="A YAML file mapping keys to columns.")
    ] = None,
    import_id: IdOption = None,
    delimiter: Annotated[str, typer.Option("--delimiter", help="Default: guessed.")] = "",
    language: Annotated[str, typer.Option("--language", help="Language of the names.")] = "",
    kind: Annotated[str, typer.Option("--kind", help="sister-city, sister-province, …")] = "",
    license_: Annotated[str, typer.Option("--license", help="Licence of the data.")] = "",
    title: Annotated[str, typer.Option("--title", help="Title of the dataset.")] = "",
    dry_run: DryRun = False,
    project: ProjectOption = None,
) -> None:
    """Import any CSV/TSV of city pairs through a column mapping."""
    import yaml

    from diplograph.imports.config import (
        ImportConfigError,
        ImportSpec,
        check_mapping,
        parse_mapping,
    )
    from diplograph.imports.names import slug

    proj = project_from(project)
    try:
        if (mapping is None) == (map_file is None):
            raise ImportConfigError("give the column mapping with --map or --map-file (one)")
        if map_file is not None:
            loaded = yaml.safe_load(map_file.read_text(encoding="utf-8"))
            if not isinstance(loaded, dict):
                raise ImportConfigError(f"{map_file}: a mapping such as 'city1: COLUMN' per line")
            columns = {str(k): str(v) for k, v in loaded.items()}
        else:
            columns = parse_mapping(mapping or "")
        check_mapping(columns, "--map")
    except (ImportConfigError, OSError, yaml.YAMLError) as exc:
        fail(str(exc))
    import_id = import_id or slug(file.stem)
    options = {
        "delimiter": delimiter,
        "language": language,
        "kind": kind,
        "license": license_,
        "title": title,
    }
    entry = {"id": import_id, "format": "pairs", "file": _relative(proj, file), "date": date}
    entry |= {k: v for k, v in options.items() if v} | {"map": columns}
    spec = ImportSpec(
        import_id,
        "pairs",
        {"file": file},
        date,
        mapping=columns,
        **{k: v for k, v in options.items()},
    )
    _run(proj, spec, entry, dry_run)


def report_command(project: ProjectOption = None) -> None:
    """Run the imports of graph/imports.yaml (writing nothing) and report on each."""
    from diplograph.imports.config import ImportConfigError, config_path
    from diplograph.records.model import RecordsInvalid

    proj = project_from(project)
    try:
        with progress("importing") as step:
            _, results = _with_imports(proj, step)
    except (ImportConfigError, RecordsInvalid) as exc:
        fail(str(exc))
    if not results:
        err.print(f"no imports are listed in {config_path(proj)}")
    for result in results:
        _show(result)


def register(app: typer.Typer) -> None:
    group.command("wikidata-p190")(wikidata_command)
    group.command("pairs")(pairs_command)
    group.command("report")(report_command)
    app.add_typer(group, name="import")
