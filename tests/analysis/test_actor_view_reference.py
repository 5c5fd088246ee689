"""The actor view against a plain reference: the one-pass build (`views._direct_ties`)
must give exactly what the definition in `actor_view`'s docstring gives, computed here the
slow, obvious way on the part of the store graph valid on the day (`views.as_of`)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from itertools import combinations

import networkx as nx
import pytest

from netzwerk.analysis.views import (
    DEFAULT_SHARED_KINDS,
    DEFAULT_TIE_KINDS,
    PARTICIPATION_KINDS,
    actor_view,
    as_of,
)

KINDS = ("cooperation", "membership", "runs", "participation", "funding", "topic", "place")
DAYS = [None, date(2019, 1, 1), date(2021, 6, 30), date(2023, 12, 31)]


def random_store_graph(seed: int) -> nx.MultiDiGraph:
    """Actors, projects, events and a topic, some ended or not yet begun; ties of every
    kind with periods, several between the same pair, self-ties included."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    nodes = [(f"a{i}", "actor") for i in range(30)]
    nodes += [(f"p{i}", "project") for i in range(4)] + [(f"e{i}", "event") for i in range(4)]
    nodes += [("t0", "topic")]
    for node, kind in nodes:
        graph.add_node(node, kind=kind, since=rng.choice(DAYS), until=rng.choice(DAYS[2:] + [None]))
    names = [node for node, _ in nodes]
    for _ in range(160):
        u = rng.choice(names[:30])
        v = rng.choice(names)
        graph.add_edge(
            u,
            v,
            kind=rng.choice(KINDS),
            weight=rng.choice([None, 0.5, 1.0, 2.0]),
            since=rng.choice(DAYS),
            until=rng.choice(DAYS[2:] + [None]),
        )
    for node in ("a0", "a1", "p0"):  # always there: a pair joined in three ways
        graph.nodes[node].update(since=None, until=None)
    graph.add_edge("a0", "a1", kind="cooperation", weight=1.0)
    graph.add_edge("a1", "a0", kind="membership", weight=1.0)
    graph.add_edge("a0", "p0", kind="participation")
    graph.add_edge("a1", "p0", kind="runs")
    return graph


def reference_view(graph: nx.MultiDiGraph, day: date | None, weighted: bool) -> dict:
    """Per actor pair: weight and sorted kinds, straight from the definition."""
    part = as_of(graph, day)
    weights: dict[frozenset, float] = defaultdict(float)
    kinds: dict[frozenset, set] = defaultdict(set)
    members: dict[str, set] = defaultdict(set)
    for u, v, data in part.edges(data=True):
        if u == v or part.nodes[u]["kind"] != "actor":
            continue
        if part.nodes[v]["kind"] == "actor" and data["kind"] in DEFAULT_TIE_KINDS:
            weights[frozenset((u, v))] += float(data["weight"] or 1.0)
            kinds[frozenset((u, v))].add(data["kind"])
        elif part.nodes[v]["kind"] in DEFAULT_SHARED_KINDS and data["kind"] in PARTICIPATION_KINDS:
            members[v].add(u)
    for activity, actors in members.items():
        for u, v in combinations(sorted(actors), 2):
            weights[frozenset((u, v))] += 1.0 / (len(actors) - 1)
            kinds[frozenset((u, v))].add(part.nodes[activity]["kind"])
    return {
        pair: (weight if weighted else 1.0, sorted(kinds[pair])) for pair, weight in weights.items()
    }


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("weighted", [True, False])
def test_the_view_is_the_definition(seed, day, weighted):
    graph = random_store_graph(seed)
    view = actor_view(graph, as_of_date=day, weighted=weighted)
    expected = reference_view(graph, day, weighted)
    found = {
        frozenset((u, v)): (data["weight"], data["kinds"]) for u, v, data in view.edges(data=True)
    }
    assert found.keys() == expected.keys()
    for pair, (weight, kinds) in expected.items():
        assert found[pair][0] == pytest.approx(weight) and found[pair][1] == kinds, pair
    actors = {n for n, d in as_of(graph, day).nodes(data=True) if d["kind"] == "actor"}
    assert set(view) == actors
    assert any(len(kinds) > 1 for _, kinds in expected.values())  # the set case is exercised
