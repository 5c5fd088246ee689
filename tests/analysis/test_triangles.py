"""The triangle list shared by the broker kernels, and its ties by rank."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis._triangles import PAIRS_PER_CHUNK


def triangle_set(graph: nx.Graph) -> set[frozenset]:
    """Every triangle of the undirected simple graph underneath, by brute force."""
    simple = nx.Graph(graph.to_undirected() if graph.is_directed() else graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    return {
        frozenset((u, v, w))
        for u, v in simple.edges
        for w in set(simple[u]) & set(simple[v])
        if w not in (u, v)
    }


def listed(graph: nx.Graph) -> list[frozenset]:
    arrays = graph_arrays(graph, weight=None, distance=None)
    return [frozenset(arrays.nodes[i] for i in row) for row in arrays.triangles.tolist()]


@pytest.mark.parametrize(
    "graph",
    [
        nx.complete_graph(5),
        nx.karate_club_graph(),
        nx.les_miserables_graph(),
        nx.gnp_random_graph(60, 0.2, seed=3, directed=True),  # mutual and one-way arcs
        nx.disjoint_union(nx.complete_graph(4), nx.star_graph(5)),
        nx.empty_graph(3),
    ],
    ids=["K5", "karate", "les-miserables", "directed", "two-components", "no-ties"],
)
def test_triangles_are_every_triangle_once(graph):
    found = listed(graph)
    assert len(found) == len(set(found))
    assert set(found) == triangle_set(graph)


def test_triangles_found_in_several_chunks_are_all_found():
    graph = nx.gnp_random_graph(400, 0.12, seed=5)
    arrays = graph_arrays(graph, weight=None, distance=None)
    assert len(arrays.triangle_ties) > 1  # more than PAIRS_PER_CHUNK tie pairs
    assert sum(ties.shape[1] for ties in arrays.triangle_ties) > PAIRS_PER_CHUNK // 4
    found = listed(graph)
    assert len(found) == len(set(found)) and set(found) == triangle_set(graph)


def test_triangle_ties_point_at_the_triangles_ties_by_rank():
    graph = nx.gnp_random_graph(80, 0.15, seed=2, directed=True)
    graph.add_edge(7, 7)  # a self-loop is no tie
    arrays = graph_arrays(graph, weight=None, distance=None)
    ranked = arrays.ranked
    corners = ranked.rank[arrays.triangles]  # x < y < z by rank
    assert np.all((corners[:, 0] < corners[:, 1]) & (corners[:, 1] < corners[:, 2]))
    ties = np.concatenate(arrays.triangle_ties, axis=1)
    for k, (r, c) in enumerate([(0, 1), (0, 2), (1, 2)]):
        assert np.array_equal(ranked.rows[ties[k]], corners[:, r])
        assert np.array_equal(ranked.cols[ties[k]], corners[:, c])
    assert np.array_equal(ties[3], corners[:, 0])


def test_ties_by_rank_hold_each_pair_once_with_both_directions_added():
    graph = nx.DiGraph([(0, 1, {"weight": 2.0}), (1, 0, {"weight": 3.0}), (1, 2, {"weight": 1.0})])
    graph.add_edge(2, 2, weight=9.0)
    arrays = graph_arrays(graph, distance=None)
    ranked = arrays.ranked
    assert np.all(ranked.rows < ranked.cols)  # upper triangle: each pair once
    order = ranked.order
    pairs = {
        frozenset((order[r], order[c])): w
        for r, c, w in zip(ranked.rows, ranked.cols, ranked.matrix.data, strict=True)
    }
    assert pairs == {frozenset((0, 1)): 5.0, frozenset((1, 2)): 1.0}
    assert ranked.degree()[ranked.rank].tolist() == [1, 2, 1]
    assert ranked.rank.tolist() == [1, 2, 0]  # by arcs: 2 has one, 0 two, 1 three
