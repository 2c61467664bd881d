"""The generated world: countries with provinces and cities, their governments and mayors,
firms, programmes, and the sister-city network whose degrees follow the real P190 data."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from diplograph.synth.degrees import DegreeSampler
from diplograph.synth.names import NameMaker

# Countries, provinces and cities of the seed records: generated data attaches to them.
SEED_COUNTRIES = {"indonesia": "Indonesia", "china": "China", "japan": "Japan"}
SEED_PROVINCES = {
    "central-java": ("Central Java", "indonesia"),
    "hubei": ("Hubei", "china"),
    "toyama-prefecture": ("Toyama Prefecture", "japan"),
}
SEED_PAIRS = {("batang", "zhijiang"), ("batang", "toyama")}
SUBDIVISIONS = (("province", "city"), ("prefecture", "city"), ("province", "regency"))
CURRENCIES = ("EUR", "JPY", "CNY", "KRW", "BRL", "INR", "TRY", "MXN", "ZAR", "THB", "VND", "PLN")


@dataclass
class Country:
    id: str
    name: str
    seed: bool = False
    currency: str = "USD"
    city_level: str = "city"
    province_level: str = "province"
    provinces: list[Province] = field(default_factory=list)


@dataclass
class Province:
    id: str
    name: str
    country: Country
    seed: bool = False


@dataclass
class City:
    id: str
    name: str
    province: Province
    degree: int
    seed: bool = False
    government: str = ""
    post: str | None = None
    person: tuple[str, str] | None = None  # (id, name)
    facilities: list[tuple[str, str]] = field(default_factory=list)  # (id, name)

    @property
    def country(self) -> Country:
        return self.province.country


@dataclass
class Firm:
    id: str
    name: str
    kind: str
    home: City
    subsidiaries: dict[str, tuple[str, str]] = field(default_factory=dict)  # country → (id, name)


@dataclass
class Programme:
    id: str
    name: str
    countries: tuple[Country, Country]
    framework: str  # the id of its framework agreement


@dataclass
class World:
    countries: list[Country]
    cities: list[City]
    pairs: list[tuple[City, City]]
    firms: dict[str, list[Firm]]  # city id → firms headquartered there
    programmes: dict[tuple[str, str], Programme]  # sorted country ids → programme
    names: NameMaker


def country_count(triples: int) -> int:
    """About 200 countries at a million triples and more; fewer on small graphs."""
    return max(6, min(200, triples // 5000))


def make_world(
    cities: int, countries: int, sampler: DegreeSampler, rng: random.Random, taken: set[str]
) -> World:
    names = NameMaker(rng, taken)
    nations = _countries(countries, names, rng)
    # Country sizes are skewed: a few countries hold most of the partner cities.
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(nations))]
    placed = _seed_cities(nations, sampler)
    while len(placed) < cities:
        country = rng.choices(nations, weights)[0]
        province = _province(country, names, rng)
        name, ident = names.place()
        placed.append(City(ident, name, province, sampler.draw()))
    # The seed's Batang is the biggest hub of this world (so its queries touch a hub).
    top = max(placed[3:] or placed, key=lambda c: c.degree)
    placed[0].degree, top.degree = top.degree, placed[0].degree
    for city in placed:
        _staff(city, names, rng)
    pairs = _pair(placed, rng)
    firms: dict[str, list[Firm]] = {}
    for city in placed:
        if city.degree >= 3 or rng.random() < 0.15:
            for _ in range(1 + city.degree // 12):
                name, ident, kind = names.firm()
                firms.setdefault(city.id, []).append(Firm(ident, name, kind, city))
    return World(nations, placed, pairs, firms, _programmes(nations, pairs, names), names)


def _countries(count: int, names: NameMaker, rng: random.Random) -> list[Country]:
    nations = [Country(i, n, seed=True) for i, n in SEED_COUNTRIES.items()]
    nations[0].currency, nations[1].currency, nations[2].currency = "IDR", "CNY", "JPY"
    nations[0].city_level = "regency"
    for ident, (name, country) in SEED_PROVINCES.items():
        owner = next(c for c in nations if c.id == country)
        owner.provinces.append(Province(ident, name, owner, seed=True))
    while len(nations) < count:
        name, ident = names.place()
        province_level, city_level = rng.choice(SUBDIVISIONS)
        currency = rng.choice(CURRENCIES)
        nations.append(Country(ident, name, False, currency, city_level, province_level))
    # Indonesia first (the seed's home), then the others in a fixed random order.
    rest = nations[1:]
    rng.shuffle(rest)
    return [nations[0], *rest]


def _province(country: Country, names: NameMaker, rng: random.Random) -> Province:
    """An existing province, or a new one while the country has few."""
    wanted = 3 + len(country.id) % 10
    if len(country.provinces) < wanted and (not country.provinces or rng.random() < 0.3):
        name, ident = names.place()
        country.provinces.append(Province(ident, name, country))
    return rng.choice(country.provinces)


def _seed_cities(nations: list[Country], sampler: DegreeSampler) -> list[City]:
    provinces = {p.id: p for c in nations for p in c.provinces}
    return [
        City("batang", "Batang", provinces["central-java"], sampler.draw(), True, "pemkab-batang",
             "regent-of-batang", ("faiz-kurniawan", "M. Faiz Kurniawan")),
        City("zhijiang", "Zhijiang", provinces["hubei"], sampler.draw(), True,
             "zhijiang-government", "mayor-of-zhijiang", ("huang-fangshuai", "Huang Fangshuai")),
        City("toyama", "Toyama", provinces["toyama-prefecture"], sampler.draw(), True,
             "toyama-government"),
    ]  # fmt: skip


def _staff(city: City, names: NameMaker, rng: random.Random) -> None:
    if city.seed:
        return
    city.government = names.unique(f"{city.name} government")[1]
    city.post = names.unique(f"mayor of {city.name}")[1]
    city.person = tuple(reversed(names.person()))  # type: ignore[assignment]
    if city.degree >= 5 or rng.random() < 0.1:
        name, ident = names.unique(f"{city.name} Industrial Estate")
        city.facilities.append((ident, name))


def _pair(cities: list[City], rng: random.Random) -> list[tuple[City, City]]:
    """The configuration model: every city gets its degree's worth of partners, chosen at
    random among the other cities' open slots; pairs within one country, repeated pairs and
    self-pairs are re-drawn a few times, then dropped (as in the real data, a few are lost)."""
    stubs = [city for city in cities for _ in range(city.degree)]
    rng.shuffle(stubs)
    seen: set[tuple[str, str]] = set(SEED_PAIRS)
    pairs: list[tuple[City, City]] = []
    pending = stubs
    for _ in range(4):
        leftover: list[City] = []
        for i in range(0, len(pending) - 1, 2):
            a, b = pending[i], pending[i + 1]
            key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            if a.country is b.country or key in seen:
                leftover += [a, b]
                continue
            seen.add(key)
            pairs.append((a, b) if a.id < b.id else (b, a))
        rng.shuffle(leftover)
        pending = leftover
    return pairs


def _programmes(
    nations: list[Country], pairs: list[tuple[City, City]], names: NameMaker
) -> dict[tuple[str, str], Programme]:
    """A twin-parks style programme for each of the country pairs with the most partnerships."""
    counts: dict[tuple[str, str], int] = {}
    for a, b in pairs:
        key = tuple(sorted((a.country.id, b.country.id)))
        counts[key] = counts.get(key, 0) + 1  # type: ignore[index]
    by_id = {c.id: c for c in nations}
    top = sorted(counts, key=lambda k: (-counts[k], k))[: max(2, len(nations) // 4)]
    programmes = {}
    for key in top:
        first, second = by_id[key[0]], by_id[key[1]]
        name, ident = names.unique(f"{first.name}–{second.name} Twin Parks")
        framework = names.unique(f"{first.name}–{second.name} economic partnership agreement")[1]
        programmes[key] = Programme(ident, name, (first, second), framework)
    return programmes
