"""diplograph: a knowledge graph of diplomatic and sub-national cooperation.

``diplograph.query("partners", region="batang")`` runs a named query on the last build and
returns its rows (see ``diplograph.query.query``).
"""

from __future__ import annotations

# Imported by name so that the function, not the module of the same name, is
# ``diplograph.query``; the query engines themselves load only when a query runs.
from diplograph.query import query

__all__ = ["query"]
