"""Pronounceable made-up place, person and firm names, unique within one generated world."""

from __future__ import annotations

import random
import re

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "y",
    "z",
    "br",
    "dr",
    "kr",
    "pl",
    "st",
    "tr",
    "ch",
    "sh",
]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ia", "ei", "ou"]
_CODAS = ["", "", "", "n", "r", "l", "s", "ng", "m", "t"]
_GIVEN = [
    "Adi",
    "Budi",
    "Citra",
    "Dewi",
    "Eko",
    "Fajar",
    "Gita",
    "Hana",
    "Irfan",
    "Joko",
    "Kenji",
    "Lin",
    "Mei",
    "Nur",
    "Omar",
    "Putri",
    "Rina",
    "Sari",
    "Taro",
    "Umar",
    "Wei",
    "Yuki",
    "Zhang",
    "Ana",
    "Boris",
    "Chloe",
    "Diego",
    "Elena",
    "Farid",
    "Goran",
    "Hiro",
    "Ines",
    "Jonas",
]
_FIRM_WORDS = [
    "Medical",
    "Textiles",
    "Energy",
    "Motors",
    "Foods",
    "Logistics",
    "Ceramics",
    "Steel",
    "Solar",
    "Pharma",
    "Electronics",
    "Agro",
    "Marine",
    "Cement",
    "Paper",
    "Glass",
    "Robotics",
    "Chemicals",
    "Furniture",
    "Tools",
]
SECTORS = {
    "Medical": ("medical devices", "alat kesehatan"),
    "Textiles": ("textiles", "tekstil"),
    "Energy": ("energy", "energi"),
    "Motors": ("motor vehicles", "kendaraan bermotor"),
    "Foods": ("food processing", "pengolahan makanan"),
    "Logistics": ("logistics", "logistik"),
    "Ceramics": ("ceramics", "keramik"),
    "Steel": ("steel", "baja"),
    "Solar": ("solar panels", "panel surya"),
    "Pharma": ("pharmaceuticals", "farmasi"),
    "Electronics": ("electronics", "elektronik"),
    "Agro": ("agribusiness", "agribisnis"),
    "Marine": ("shipbuilding", "perkapalan"),
    "Cement": ("cement", "semen"),
    "Paper": ("pulp and paper", "pulp dan kertas"),
    "Glass": ("glass", "kaca"),
    "Robotics": ("industrial robots", "robot industri"),
    "Chemicals": ("chemicals", "kimia"),
    "Furniture": ("furniture", "mebel"),
    "Tools": ("machine tools", "perkakas mesin"),
}


def slug(text: str) -> str:
    """``"Kota Baru Tengah"`` → ``"kota-baru-tengah"`` (a record id)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class NameMaker:
    """Names whose slugs never repeat (a repeat gets a number: ``velora-2``)."""

    def __init__(self, rng: random.Random, taken: set[str] | None = None) -> None:
        self.rng = rng
        self.taken: set[str] = set(taken or ())

    def unique(self, name: str) -> tuple[str, str]:
        base = slug(name)
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return (name if n == 1 else f"{name} {n}"), candidate

    def word(self, syllables: int | None = None) -> str:
        count = syllables or self.rng.choice((2, 2, 3, 3, 4))
        parts = [
            self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) + self.rng.choice(_CODAS)
            for _ in range(count)
        ]
        return "".join(parts).capitalize()

    def place(self) -> tuple[str, str]:
        return self.unique(self.word())

    def person(self) -> tuple[str, str]:
        return self.unique(f"{self.rng.choice(_GIVEN)} {self.word(self.rng.choice((2, 3)))}")

    def firm(self) -> tuple[str, str, str]:
        kind = self.rng.choice(_FIRM_WORDS)
        name, ident = self.unique(f"{self.word(2)} {kind}")
        return name, ident, kind
