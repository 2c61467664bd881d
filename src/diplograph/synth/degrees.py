"""Partner degrees drawn from the real Wikidata P190 sister-city pairs, so hubs look real."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from pathlib import Path

from diplograph.synth.p190_degrees import HISTOGRAM

# Where the raw pairs live in a checkout of the shared data, relative to the repository root.
DEFAULT_PAIRS = Path("..") / "shared" / "data" / "wikidata-p190-2016" / "relations.tsv"


def histogram_from_pairs(path: Path) -> dict[int, int]:
    """``{degree: number of places}`` of the undirected pairs in a ``QID<TAB>QID`` file."""
    pairs: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 2 and parts[0] != parts[1]:
                a, b = sorted(parts)
                pairs.add((a, b))
    degree: Counter[str] = Counter()
    for a, b in pairs:
        degree[a] += 1
        degree[b] += 1
    return dict(sorted(Counter(degree.values()).items()))


def load_histogram(path: Path | None) -> tuple[dict[int, int], str]:
    """The histogram from ``path`` when it exists, else the committed summary; and its origin."""
    if path is not None and path.is_file():
        return histogram_from_pairs(path), str(path)
    return dict(HISTOGRAM), "diplograph.synth.p190_degrees (summary of the same file)"


class DegreeSampler:
    """Draws degrees with the empirical probabilities of ``histogram``."""

    def __init__(self, histogram: dict[int, int], rng: random.Random) -> None:
        self.degrees = sorted(histogram)
        self.cumulative = list(accumulate(histogram[d] for d in self.degrees))
        self.rng = rng

    def draw(self) -> int:
        point = self.rng.random() * self.cumulative[-1]
        return self.degrees[bisect_right(self.cumulative, point)]

    @property
    def mean(self) -> float:
        total = self.cumulative[-1]
        counts = [b - a for a, b in zip([0, *self.cumulative], self.cumulative, strict=False)]
        return sum(d * c for d, c in zip(self.degrees, counts, strict=True)) / total
