"""Generate a diplograph project of about N triples, for benchmarks.

python scripts/generate.py --triples 100000 --seed 1 -o /tmp/g100k
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from diplograph.synth import generate

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO.parent / "shared" / "data" / "wikidata-p190-2016" / "relations.tsv"


def size(text: str) -> int:
    """``10k`` → 10000, ``1m`` → 1000000, ``2500`` → 2500."""
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=size, required=True, help="about how many (10k, 1m)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--out", type=Path, default=None, help="default: ./generated-N")
    parser.add_argument("--pairs", type=Path, default=PAIRS, help="Wikidata P190 relations.tsv")
    args = parser.parse_args()
    out = args.out or Path(f"generated-{args.triples}")
    summary = generate(out, args.triples, args.seed, template=REPO, pairs=args.pairs)
    print(json.dumps(asdict(summary), indent=2))


if __name__ == "__main__":
    main()
