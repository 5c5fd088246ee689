"""Synthetic district networks for benchmarks: power-law actor graphs with sectors and topics.

`store_graph(n_actors, n_ties)` returns a networkx.MultiDiGraph shaped like `Store.graph()`
(see `netzwerk.model.GRAPH_SCHEMA`), so benchmarks exercise the same code paths as real data.
"""

from __future__ import annotations

import random
from datetime import date

import networkx as nx

from netzwerk.model import ACTOR_TYPES, SECTORS

TOPICS = [
    "integration",
    "bildung",
    "kultur",
    "leerstand",
    "fassaden",
    "sauberkeit",
    "senioren",
    "jugend",
    "gruen",
    "sicherheit",
    "sprache",
    "nachbarschaft",
]


def store_graph(
    n_actors: int, n_ties: int, *, n_events: int | None = None, seed: int = 7
) -> nx.MultiDiGraph:
    """A store-shaped graph: Barabási–Albert-like cooperation ties, events with participants.

    About 85 % of ``n_ties`` are direct actor–actor ties (cooperation/membership/runs); the
    rest are participation ties to ``n_events`` events (default: about 10 participants each).
    Actor 'a0' is the coordinator (the QM).
    """
    rng = random.Random(seed)
    sectors = SECTORS.keys()
    types = ACTOR_TYPES.keys()
    graph = nx.MultiDiGraph()
    for i in range(n_actors):
        kind_of_actor = rng.choice(types)
        graph.add_node(
            f"a{i}",
            kind="actor",
            id=f"a{i}",
            name=f"Akteur {i}",
            type=kind_of_actor,
            sector=rng.choice(sectors),
            topics=rng.sample(TOPICS, rng.randint(0, 3)),
            street=f"Straße {rng.randint(1, max(2, n_actors // 40))}",
            natural_person=kind_of_actor == "person",
            consent=rng.random() < 0.5,
            coordinator=i == 0,
            note="",
            since=date(2018 + rng.randint(0, 6), 1, 1),
            until=None,
        )
    for topic in TOPICS:
        graph.add_node(f"topic:{topic}", kind="topic", id=topic, name=topic, since=None, until=None)
    if n_events is None:
        n_events = max(1, (n_ties - int(n_ties * 0.85)) // 10)
    for e in range(n_events):
        graph.add_node(
            f"event:e{e}",
            kind="event",
            id=f"e{e}",
            name=f"Fest {e}",
            since=date(2019 + e % 6, 6, 1),
            until=None,
        )

    direct = int(n_ties * 0.85) if n_events else n_ties
    # preferential attachment by sampling endpoints from a growing list of ends
    ends = ["a0", "a1"]
    edges: set[tuple[str, str]] = set()
    attempts = 0
    while len(edges) < direct and attempts < direct * 20:
        attempts += 1
        u = f"a{rng.randrange(n_actors)}"
        v = rng.choice(ends) if rng.random() < 0.7 else f"a{rng.randrange(n_actors)}"
        if u == v or (u, v) in edges or (v, u) in edges:
            continue
        edges.add((u, v))
        ends.extend((u, v))
    kinds = ["cooperation"] * 8 + ["membership", "runs"]
    for u, v in sorted(edges):  # sets iterate in hash order: sort for the same weights
        kind = rng.choice(kinds)
        graph.add_edge(
            u,
            v,
            key=f"{kind}|{u}|{v}||",
            kind=kind,
            weight=float(rng.randint(1, 3)),
            topic="",
            role="",
            since=None,
            until=None,
            note="",
        )
    for t in range(n_ties - len(edges)) if n_events else ():
        u = f"a{rng.randrange(n_actors)}"
        e = f"event:e{rng.randrange(n_events)}"
        graph.add_edge(
            u,
            e,
            key=f"participation|{u}|{e}|{t}",
            kind="participation",
            weight=1.0,
            topic="",
            role="",
            since=None,
            until=None,
            note="",
        )
    return graph
