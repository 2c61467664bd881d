"""Benchmark diplograph on generated projects of several sizes.

    python scripts/bench.py --sizes 10k,100k,1m --repeat 5

For each size: generate → build (time, peak RSS) → reopen the store → every named query
(diplograph's layer, raw pyoxigraph, rdflib in memory) → explorer with focus → network stats
→ reasoning. Writes docs/benchmarks.md (tables between markers) and docs/benchmarks.json.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from diplograph.bench.report import markdown, write
from diplograph.bench.run import run

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from generate import size  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k,100k,1m")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per query")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline-max", type=size, default=size("1m"),
                        help="largest size to run the rdflib baseline on")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=120, help="seconds per query run or step")
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    parser.add_argument("--doc", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--json", type=Path, default=REPO / "docs" / "benchmarks.json")
    args = parser.parse_args()
    sizes = [size(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = run(
            sizes, workdir, args.seed, args.repeat, args.timeout, args.baseline_max,
            log=lambda m: print(m, file=sys.stderr, flush=True),
        )  # fmt: skip
    write(results, args.doc, args.json)
    print(markdown(results))


if __name__ == "__main__":
    main()
