"""The graph as a network: the RDF → networkx projection and what is computed on it.

- ``projection``: ``entity_graph`` (every entity) and ``Projection`` (also a neighbourhood),
  ``entities`` (which IRIs are nodes), ``folding`` (their details);
  ``built``: the facts of the last build (``read_built``, ``store_facts``);
  ``networks``: the partnership and investment networks;
  ``analytics``, ``paths``, ``export``: statistics, explained paths, GraphML/GEXF.

Nothing is imported here, so that the command line can name ``export.NETWORK_FORMATS`` or
``paths.VIA_CHOICES`` without loading networkx.
"""
