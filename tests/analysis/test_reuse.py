"""`arrays_reused`: inside the block one array form per graph and options, equal to a fresh
build, read-only; outside it every call builds anew."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from netzwerk.analysis._graph_arrays import edge_arrays, graph_arrays
from netzwerk.analysis.brokers import broker_table
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.reuse import arrays_reused


def _karate() -> nx.Graph:
    graph = nx.karate_club_graph()
    for u, v, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"] if (u + v) % 3 else None
    del graph[0][1]["weight"]
    return graph


def _same(one, other) -> bool:
    return one.nodes == other.nodes and all(
        np.array_equal(getattr(one, f), getattr(other, f), equal_nan=True)
        for f in ("tail", "head", "weight", "distance")
    )


@pytest.mark.parametrize(
    "first", [("weight", "distance"), ("weight", None), (None, None), (None, "distance")]
)
def test_every_form_equals_a_fresh_build_whichever_came_first(first):
    graph = _karate()
    forms = [("weight", "distance"), ("weight", None), (None, None), (None, "distance")]
    with arrays_reused(graph):
        graph_arrays(graph, *first)
        for weight, distance in forms:
            reused = graph_arrays(graph, weight, distance)
            assert reused is graph_arrays(graph, weight, distance)
            assert _same(reused, graph_arrays(graph.copy(), weight, distance))
            with pytest.raises(ValueError, match="read-only"):
                reused.tail[0] = 5


def test_outside_the_block_each_call_builds_anew():
    graph = _karate()
    with arrays_reused(graph):
        inside = graph_arrays(graph)
        with arrays_reused(graph):  # nested: the outer forms stay
            assert graph_arrays(graph) is inside
        assert graph_arrays(graph) is inside
    outside = graph_arrays(graph)
    assert outside is not inside and outside is not graph_arrays(graph)
    outside.tail[0] = outside.tail[0]  # writable again


def test_the_broker_table_is_the_same_with_shared_arrays():
    graph = _karate()
    nx.set_node_attributes(graph, {n: "a" if n % 2 else "b" for n in graph}, "sector")
    alone = broker_table(graph)
    with arrays_reused(graph):
        shared = broker_table(graph)
        again = broker_table(graph)
    assert shared == alone == again


@pytest.mark.parametrize("weight", ["weight", None])
def test_the_edge_list_inside_the_block_equals_a_fresh_one(weight):
    graph = _karate()
    graph.add_edge(5, 5, weight=2.0)  # a self-loop: dropped by both
    fresh = edge_arrays(graph.copy(), weight)
    with arrays_reused(graph):
        graph_arrays(graph)  # the broker form first, as in the report
        shared = edge_arrays(graph, weight)
        assert shared.source is graph_arrays(graph, weight, None).tail
    assert shared.nodes == fresh.nodes and shared.index == fresh.index
    for field in ("source", "target", "weight"):
        assert np.array_equal(getattr(shared, field), getattr(fresh, field))
    with pytest.raises(ValueError, match="read-only"):
        shared.weight[0] = 0.0


def test_a_strength_the_broker_arrays_refuse_still_gives_an_edge_list():
    graph = nx.Graph([(0, 1, {"weight": 0.0}), (1, 2, {"weight": 1.0})])
    with arrays_reused(graph):
        assert edge_arrays(graph).weight.tolist() == [0.0, 1.0]


def test_gaps_and_introductions_are_the_same_with_shared_arrays():
    graph = _karate()
    nx.set_node_attributes(graph, {n: "abc"[n % 3] for n in graph}, "sector")
    alone = (gaps_report(graph, permutations=50), suggest_introductions(graph, top=5))
    with arrays_reused(graph):
        broker_table(graph)
        shared = (gaps_report(graph, permutations=50), suggest_introductions(graph, top=5))
    assert shared == alone
