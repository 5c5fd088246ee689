"""What is in the store: counts by kind, actor type and sector, ties by kind, time span."""

from __future__ import annotations

from collections import Counter
from datetime import date

import networkx as nx

from netzwerk.model import ACTOR_TYPES, NODE_KINDS, SECTORS, TIE_KINDS


def summarise(graph: nx.MultiDiGraph, lang: str = "de") -> dict:
    """Counts of a store graph, labelled in ``lang``; plain data for tables and reports.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="actor", type="person", sector="culture", since=date(2019, 1, 1))
    >>> G.add_node("b", kind="actor", type="business", sector="economy", until=date(2024, 1, 1))
    >>> _ = G.add_edge("a", "b", kind="cooperation")
    >>> s = summarise(G)
    >>> s["nodes"]["Akteur"], s["ties"]["Kooperation"], s["first_date"], s["last_date"]
    (2, 1, '2019-01-01', '2024-01-01')
    """
    nodes = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    actors = [d for _, d in graph.nodes(data=True) if d.get("kind") == "actor"]
    types = Counter(d.get("type") for d in actors)
    sectors = Counter(d.get("sector") for d in actors)
    ties = Counter(d.get("kind") for _, _, d in graph.edges(data=True))
    days: list[date] = [
        value
        for _, data in [*graph.nodes(data=True), *((None, d) for *_, d in graph.edges(data=True))]
        for value in (data.get("since"), data.get("until"))
        if isinstance(value, date)
    ]
    return {
        "nodes": {NODE_KINDS.label(k, lang): nodes.get(k, 0) for k in NODE_KINDS.keys()},
        "actor_types": {ACTOR_TYPES.label(k, lang): n for k, n in types.most_common()},
        "sectors": {SECTORS.label(k, lang): n for k, n in sectors.most_common()},
        "ties": {TIE_KINDS.label(k, lang): n for k, n in ties.most_common()},
        "persons": sum(1 for d in actors if d.get("natural_person")),
        "persons_with_consent": sum(
            1 for d in actors if d.get("natural_person") and d.get("consent")
        ),
        "coordinators": sum(1 for d in actors if d.get("coordinator")),
        "first_date": min(days).isoformat() if days else None,
        "last_date": max(days).isoformat() if days else None,
    }
