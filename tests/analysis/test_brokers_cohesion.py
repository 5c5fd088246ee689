"""Cut-points, bridges, local bridges and fragmentation."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk.analysis.cohesion import (
    bridges,
    cut_points,
    distance_fragmentation,
    fragmentation,
    local_bridges,
)


def test_krackhardt_kite_cut_points_are_heather_and_ike():
    # Krackhardt (1990): the kite's tail hangs on Heather (7) and Ike (8)
    assert cut_points(nx.krackhardt_kite_graph()) == [7, 8]


def test_krackhardt_kite_bridges_are_the_tail():
    assert bridges(nx.krackhardt_kite_graph()) == [(7, 8), (8, 9)]


def test_bridges_are_local_bridges_without_span():
    found = local_bridges(nx.krackhardt_kite_graph())
    assert [(b.u, b.v, b.span) for b in found] == [(7, 8, None), (8, 9, None)]


def test_square_ties_are_local_bridges_of_span_three():
    found = local_bridges(nx.cycle_graph(4))
    assert {(b.u, b.v): b.span for b in found} == {(0, 1): 3, (0, 3): 3, (1, 2): 3, (2, 3): 3}


def test_local_bridges_without_span():
    assert [b.span for b in local_bridges(nx.cycle_graph(5), with_span=False)] == [None] * 5


@pytest.mark.parametrize("seed", range(6))
def test_matches_networkx_on_seeded_graphs(seed):
    graph = nx.gnp_random_graph(120, 0.03, seed=seed)
    assert set(cut_points(graph)) == set(nx.articulation_points(graph))
    assert {frozenset(e) for e in bridges(graph)} == {frozenset(e) for e in nx.bridges(graph)}
    expected = {
        frozenset((u, v)): None if span == math.inf else span
        for u, v, span in nx.local_bridges(graph, with_span=True)
    }
    assert {frozenset((b.u, b.v)): b.span for b in local_bridges(graph)} == expected


@settings(max_examples=100, deadline=None)
@given(
    st.integers(2, 14).flatmap(
        lambda n: st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30
        ).map(lambda edges: (n, edges))
    )
)
def test_local_bridge_spans_match_networkx_on_any_small_graph(case):
    n, edges = case
    graph = nx.empty_graph(n)
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    expected = {
        frozenset((u, v)): None if span == math.inf else span
        for u, v, span in nx.local_bridges(graph, with_span=True)
    }
    assert {frozenset((b.u, b.v)): b.span for b in local_bridges(graph)} == expected
    assert set(cut_points(graph)) == set(nx.articulation_points(graph))


def test_fragmentation_of_a_connected_network_is_zero():
    assert fragmentation(nx.path_graph(5)) == 0.0


def test_fragmentation_of_a_path_cut_in_the_middle():
    # {1, 2} and {4, 5} remain: 1 - (2 + 2) / (4 * 3) = 2/3
    assert fragmentation(nx.path_graph([1, 2, 3, 4, 5]), removed=[3]) == pytest.approx(2 / 3)


def test_fragmentation_of_a_path_cut_near_the_end():
    # {1} and {3, 4, 5}: 1 - 6 / 12 = 1/2
    assert fragmentation(nx.path_graph([1, 2, 3, 4, 5]), removed=[2]) == pytest.approx(0.5)


@pytest.mark.parametrize("leaves", [3, 6])
def test_star_without_its_centre_is_completely_fragmented(leaves):
    star = nx.star_graph(leaves)
    assert fragmentation(star) == 0.0
    assert fragmentation(star, removed=[0]) == 1.0
    assert fragmentation(star, removed=[1]) == 0.0


def test_distance_fragmentation_by_hand():
    # path a - b - c: 1 - 2 (1 + 1 + 1/2) / 6 = 1/6
    assert distance_fragmentation(nx.path_graph("abc")) == pytest.approx(1 / 6)
    # star centre + 3 leaves: 3 pairs at 1, 3 at 2: 1 - 2 (3 + 1.5) / 12 = 1/4
    assert distance_fragmentation(nx.star_graph(3)) == pytest.approx(0.25)
    assert distance_fragmentation(nx.star_graph(3), removed=[0]) == 1.0
    assert distance_fragmentation(nx.complete_graph(4)) == pytest.approx(0.0)


def test_distance_fragmentation_matches_its_formula():
    graph = nx.gnp_random_graph(40, 0.06, seed=1)
    lengths = dict(nx.all_pairs_shortest_path_length(graph))
    total = sum(1 / lengths[i][j] for i in graph for j in lengths[i] if i != j)
    assert distance_fragmentation(graph) == pytest.approx(1 - total / (40 * 39), abs=1e-12)


def test_fewer_than_two_actors_left_is_not_fragmented():
    assert fragmentation(nx.path_graph(2), removed=[0]) == 0.0
    assert distance_fragmentation(nx.path_graph(2), removed=[0]) == 0.0


def test_directed_graphs_are_refused_where_undefined():
    with pytest.raises(nx.NetworkXNotImplemented):
        cut_points(nx.DiGraph([(1, 2)]))
