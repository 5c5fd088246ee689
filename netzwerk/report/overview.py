"""What is in the store: counts by kind, actor type and sector, ties by kind, time span."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from netzwerk.model import ACTOR_TYPES, NODE_KINDS, SECTORS, TIE_KINDS, Vocabulary
from netzwerk.store.census import Census, census_of_graph


def summarise(source: nx.MultiDiGraph | Census, lang: str = "de") -> dict:
    """Counts of a store (its `Census`, or a store graph), labelled in ``lang``; plain data
    for tables and reports. Types, sectors and tie kinds: most frequent first, equal counts
    in vocabulary order.

    >>> from datetime import date
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="actor", type="person", sector="culture", since=date(2019, 1, 1))
    >>> G.add_node("b", kind="actor", type="business", sector="economy", until=date(2024, 1, 1))
    >>> _ = G.add_edge("a", "b", kind="cooperation")
    >>> s = summarise(G)
    >>> s["nodes"]["Akteur"], s["ties"]["Kooperation"], s["first_date"], s["last_date"]
    (2, 1, '2019-01-01', '2024-01-01')
    """
    census = source if isinstance(source, Census) else census_of_graph(source)
    return {
        "nodes": {NODE_KINDS.label(k, lang): census.nodes.get(k, 0) for k in NODE_KINDS.keys()},
        "actor_types": _labelled(census.actor_types, ACTOR_TYPES, lang),
        "sectors": _labelled(census.sectors, SECTORS, lang),
        "ties": _labelled(census.ties, TIE_KINDS, lang),
        "persons": census.persons,
        "persons_with_consent": census.persons_with_consent,
        "coordinators": census.coordinators,
        "first_date": census.first_day.isoformat() if census.first_day else None,
        "last_date": census.last_day.isoformat() if census.last_day else None,
    }


def _labelled(counts: Mapping[str, int], vocabulary: Vocabulary, lang: str) -> dict[str, int]:
    order = {key: i for i, key in enumerate(vocabulary.keys())}
    keys = sorted(counts, key=lambda key: (-counts[key], order.get(key, len(order)), str(key)))
    return {vocabulary.label(key, lang): counts[key] for key in keys}
