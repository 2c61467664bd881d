"""The benchmark: generated projects of several sizes, measured step by step (build, reopen,
named queries against raw pyoxigraph and rdflib, explorer, reasoning, network statistics),
written as a Markdown table and JSON. ``scripts/bench.py`` is its command line."""
