"""A deterministic generator of diplograph projects of a chosen size, for benchmarks.

The output is a project folder in the same record format people write (records, reference
data, article texts for the quotes), plus the ontology, queries and seed records of a
template project, so that the whole pipeline runs on it. Partner degrees follow the real
Wikidata P190 sister-city data, so hubs look like real ones.

>>> from pathlib import Path
>>> summary = generate(Path(tmp) / "g", triples=3000, seed=1)  # doctest: +SKIP
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

from diplograph.synth.articles import ArticleWriter
from diplograph.synth.degrees import DegreeSampler, load_histogram
from diplograph.synth.emit import record_triples, to_yaml
from diplograph.synth.reference import write_reference
from diplograph.synth.world import World, country_count, make_world

TEMPLATE_PARTS = ("ontology", "queries", "graph/records", "graph/sources")
TEMPLATE_REFERENCE = ("places.yaml",)
SUMMARY = "generated.json"


@dataclass(frozen=True)
class Summary:
    """What was generated: sizes, the estimate of triples, and where degrees came from."""

    target_triples: int
    estimated_triples: int
    seed: int
    countries: int
    cities: int
    partnerships: int
    record_files: int
    hub: str
    hub_degree: int
    degrees_from: str


def generate(
    out: Path,
    triples: int,
    seed: int = 1,
    template: Path | None = None,
    pairs: Path | None = None,
) -> Summary:
    """Write a project of about ``triples`` triples to ``out`` (which must not hold one)."""
    template = template or Path(__file__).resolve().parents[3]
    histogram, origin = load_histogram(pairs)
    fixed = _template_triples(template)
    budget = max(triples - fixed, 500)
    countries = country_count(triples)
    # Generate once without writing to learn triples per city, then at the calibrated size.
    cities = max(12, budget // 60)
    best = (float("inf"), cities)
    for _ in range(4):
        estimate = _run(cities, countries, seed, histogram, template, None)
        best = min(best, (abs(estimate - budget), cities))
        if best[0] < budget * 0.02:
            break
        cities = max(12, round(cities * budget / max(estimate, 1)))
    cities = best[1]
    _copy_template(template, out)
    counter = _Writer(out)
    estimate = _run(cities, countries, seed, histogram, template, counter)
    world = counter.world
    hub = max(world.cities, key=lambda c: (c.degree, c.id))
    summary = Summary(
        triples, estimate + fixed, seed, len(world.countries), len(world.cities),
        len(world.pairs), counter.files, hub.id, hub.degree, origin,
    )  # fmt: skip
    (out / SUMMARY).write_text(json.dumps(asdict(summary), indent=2) + "\n", encoding="utf-8")
    return summary


class _Writer:
    """Counts triples and, when given a folder, writes the records and article texts."""

    def __init__(self, out: Path | None) -> None:
        self.out = out
        self.triples = 0
        self.files = 0
        self.world: World
        if out is not None:
            for part in ("graph/records", "graph/reference", "graph/sources"):
                (out / part).mkdir(parents=True, exist_ok=True)

    def sink(self, folder: str):  # type: ignore[no-untyped-def]
        def write(name: str, record: dict, text: str | None) -> None:
            self.triples += record_triples(record)
            self.files += 1
            if self.out is None:
                return
            (self.out / "graph" / folder / name).write_text(to_yaml(record), encoding="utf-8")
            if text is not None:
                source = self.out / "graph" / "sources" / f"{record['source']['id']}.txt"
                source.write_text(text, encoding="utf-8")

        return write


def _run(
    cities: int,
    countries: int,
    seed: int,
    histogram: dict[int, int],
    template: Path,
    writer: _Writer | None,
) -> int:
    rng = random.Random(seed)
    world = make_world(
        cities, countries, DegreeSampler(histogram, rng), rng, _template_ids(template)
    )
    writer = writer or _Writer(None)
    writer.world = world
    write_reference(world, rng, writer.sink("reference"), writer.sink("records"))
    ArticleWriter(world, rng, writer.sink("records")).write_all()
    return writer.triples


def _copy_template(template: Path, out: Path) -> None:
    if (out / "graph" / "records").exists():
        raise FileExistsError(f"{out} already holds records; choose an empty folder")
    for part in TEMPLATE_PARTS:
        if (template / part).is_dir():
            shutil.copytree(template / part, out / part, dirs_exist_ok=True)
    (out / "graph" / "reference").mkdir(parents=True, exist_ok=True)
    for name in TEMPLATE_REFERENCE:
        if (template / "graph" / "reference" / name).is_file():
            shutil.copy2(template / "graph" / "reference" / name, out / "graph" / "reference")


def _template_yaml(template: Path) -> list[dict]:
    paths = sorted((template / "graph" / "records").glob("*.yaml"))
    paths += [template / "graph" / "reference" / n for n in TEMPLATE_REFERENCE]
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths if p.is_file()]


def _template_ids(template: Path) -> set[str]:
    ids: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                ids.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for document in _template_yaml(template):
        walk(document)
    return ids


def _template_triples(template: Path) -> int:
    """Triples the template brings: its records and about 1,400 of ontology and schemes."""
    return 1400 + sum(record_triples(d) for d in _template_yaml(template) if "source" in d)
