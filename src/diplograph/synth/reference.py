"""Reference and register records of the generated world: countries and their relations,
each country's provinces, cities, governments, mayors and estates, firm registers, and
programmes with their framework agreements."""

from __future__ import annotations

import random

from diplograph.synth.articles import Sink
from diplograph.synth.names import SECTORS
from diplograph.synth.world import Country, World

DATASET_DATE = "2025-11-01"


def _source(ident: str, title: str) -> dict:
    return {
        "id": ident,
        "kind": "dataset",
        "title": title,
        "author": "diplograph generator",
        "date": DATASET_DATE,
        "language": "en",
        "license": "CC0-1.0",
        "note": "Synthetic data for benchmarks: the places, people and firms are made up.",
    }


def write_reference(world: World, rng: random.Random, reference: Sink, records: Sink) -> None:
    _countries(world, rng, reference)
    for country in world.countries:
        _country(world, country, reference)
    by_country: dict[str, list] = {}
    for city_firms in world.firms.values():
        for firm in city_firms:
            by_country.setdefault(firm.home.country.id, []).append(firm)
    for country_id, firms in sorted(by_country.items()):
        records(f"register-{country_id}.yaml", _register(country_id, firms), None)
    for programme in world.programmes.values():
        first, second = programme.countries
        record = {
            "source": _source(f"programme-{programme.id}", f"{programme.name} (programme sheet)"),
            "programmes": [
                {"id": programme.id, "label": {"en": programme.name},
                 "countries": [first.id, second.id], "framework": programme.framework}
            ],
            "agreements": [
                {"id": programme.framework,
                 "label": {"en": f"{first.name}–{second.name} Economic Partnership Agreement"},
                 "kind": "economic-partnership-agreement", "parties": [first.id, second.id],
                 "status": "actual", "date": str(rng.randint(1995, 2020))}
            ],
        }  # fmt: skip
        records(f"programme-{programme.id}.yaml", record, None)


def _countries(world: World, rng: random.Random, sink: Sink) -> None:
    regions = [
        {"id": c.id, "label": {"en": c.name, "id": c.name}, "level": "country"}
        for c in world.countries
        if not c.seed
    ]
    pairs = sorted({tuple(sorted((a.country.id, b.country.id))) for a, b in world.pairs})
    names = {c.id: c.name for c in world.countries}
    relations = []
    for first, second in pairs:
        ident = world.names.unique(f"{first} {second} diplomatic relations")[1]
        relations.append(
            {"id": ident,
             "label": {"en": f"{names[first]}–{names[second]} diplomatic relations"},
             "between": [first, second], "start_year": rng.randint(1945, 2000)}
        )  # fmt: skip
    record = {"source": _source("generated-countries", "Countries and diplomatic relations")}
    if regions:
        record["regions"] = regions
    record["relations"] = relations
    sink("generated-countries.yaml", record, None)


def _country(world: World, country: Country, sink: Sink) -> None:
    regions: list[dict] = [
        {"id": p.id, "label": {"en": p.name, "id": p.name}, "level": country.province_level,
         "located_in": country.id}
        for p in country.provinces
        if not p.seed
    ]  # fmt: skip
    cities = [c for c in world.cities if c.country is country and not c.seed]
    if not regions and not cities:
        return
    governments, posts, people, facilities = [], [], [], []
    for city in cities:
        regions.append(
            {"id": city.id, "label": {"en": city.name, "id": f"Kota {city.name}"},
             "level": country.city_level, "located_in": city.province.id}
        )  # fmt: skip
        governments.append(
            {"id": city.government, "label": {"en": f"{city.name} City Government"},
             "governs": city.id}
        )  # fmt: skip
        if city.person and city.post:
            person_id, person_name = city.person
            posts.append(
                {"id": city.post, "label": {"en": f"Mayor of {city.name}"},
                 "post_in": city.government, "held_by": [person_id]}
            )  # fmt: skip
            people.append({"id": person_id, "name": person_name, "label": {"en": person_name}})
        for ident, name in city.facilities:
            facilities.append(
                {"id": ident, "label": {"en": name}, "kind": "industrial-estate",
                 "located_in": city.id}
            )  # fmt: skip
    record: dict = {"source": _source(f"generated-{country.id}", f"Places of {country.name}")}
    for key, items in (
        ("regions", regions),
        ("governments", governments),
        ("people", people),
        ("posts", posts),
        ("facilities", facilities),
    ):
        if items:
            record[key] = items
    sink(f"generated-{country.id}.yaml", record, None)


def _register(country_id: str, firms: list) -> dict:
    return {
        "source": _source(f"register-{country_id}", f"Company register extract ({country_id})"),
        "firms": [
            {"id": f.id, "label": {"en": f.name}, "headquartered_in": f.home.id,
             "sector": {"en": SECTORS[f.kind][0], "id": SECTORS[f.kind][1]}}
            for f in sorted(firms, key=lambda f: f.id)
        ],
    }  # fmt: skip
