"""Key players (KPP-Neg): hand-made graphs and exhaustive search on small ones."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis.cohesion import (
    components_kernel,
    distance_fragmentation,
    distance_fragmentation_kernel,
    fragmentation,
    fragmentation_kernel,
)
from netzwerk.analysis.keyplayers import key_players, member_contributions


def two_clusters_and_a_chain() -> nx.Graph:
    """Two triangles {a1, a2, a3}, {b1, b2, b3} joined by a chain a1 - m - b1, plus a
    pendant p on a2. Removing m splits the clusters; removing a2 only drops p."""
    graph = nx.Graph(
        [
            ("a1", "a2"),
            ("a2", "a3"),
            ("a1", "a3"),
            ("b1", "b2"),
            ("b2", "b3"),
            ("b1", "b3"),
            ("a1", "m"),
            ("m", "b1"),
            ("a2", "p"),
        ]
    )
    return graph


def test_single_key_player_is_the_bridge_between_the_clusters():
    result = key_players(two_clusters_and_a_chain(), 1)
    assert result["players"] in (["a1"], ["m"], ["b1"])
    # a1 out: {a2, a3, p} and {m, b1, b2, b3}: 1 - (6 + 12) / 42 = 4/7
    # m out: {a1, a2, a3, p} and {b1, b2, b3}: 1 - (12 + 6) / 42 = 4/7; b1 out: 1 - 20/42
    assert result["players"] in (["a1"], ["m"])
    assert result["after"] == pytest.approx(4 / 7)
    assert result["before"] == 0.0


def test_two_key_players_by_hand():
    # a1 and b1 out: {a2, a3, p}, {m}, {b2, b3}: 1 - (6 + 0 + 2) / 30 = 11/15, the best pair
    result = key_players(two_clusters_and_a_chain(), 2)
    assert sorted(result["players"]) == ["a1", "b1"]
    assert result["after"] == pytest.approx(11 / 15)


def test_star_centre_is_the_key_player():
    result = key_players(nx.star_graph(6), 1)
    assert result["players"] == [0] and result["after"] == 1.0


def test_path_middle_is_the_key_player():
    result = key_players(nx.path_graph(7), 1)
    assert result["players"] == [3]
    assert result["after"] == pytest.approx(1 - (6 + 6) / 30)


def test_distance_measure_on_a_path():
    result = key_players(nx.path_graph(5), 1, measure="DF")
    assert result["players"] == [2] and result["measure"] == "DF"
    assert result["after"] == pytest.approx(distance_fragmentation(nx.path_graph(5), [2]))


@pytest.mark.parametrize(
    "measure, objective", [("F", fragmentation_kernel), ("DF", distance_fragmentation_kernel)]
)
def test_finds_the_best_set_of_small_graphs_nearly_always(measure, objective):
    """A heuristic: compare with exhaustive search over 12 graphs and k = 2, 3."""
    found_best, ratios = 0, []
    cases = [(seed, k) for seed in range(6) for k in (2, 3)]
    for seed, k in cases:
        graph = nx.gnp_random_graph(22, 0.12, seed=seed)
        arrays = graph_arrays(graph)

        def value(removed, arrays=arrays):
            alive = np.ones(arrays.n, dtype=bool)
            alive[list(removed)] = False
            return objective(arrays, alive)

        result = key_players(graph, k, measure=measure)
        assert value(result["players"]) == pytest.approx(result["after"])
        best = max(value(s) for s in itertools.combinations(graph, k))
        found_best += result["after"] >= best - 1e-12
        ratios.append(result["after"] / best)
    assert found_best >= len(cases) - 1
    assert min(ratios) > 0.9


def test_result_is_a_local_optimum():
    graph = nx.gnp_random_graph(30, 0.1, seed=9)
    result = key_players(graph, 3)
    players = set(result["players"])
    for out, into in itertools.product(players, set(graph) - players):
        swapped = (players - {out}) | {into}
        assert fragmentation(graph, removed=swapped) <= result["after"] + 1e-12


def test_same_seed_same_players():
    graph = nx.gnp_random_graph(40, 0.08, seed=3)
    assert key_players(graph, 3, seed=5) == key_players(graph, 3, seed=5)


def test_invalid_requests_are_refused():
    with pytest.raises(ValueError, match="k must be"):
        key_players(nx.path_graph(3), 3)
    with pytest.raises(ValueError, match="measure"):
        key_players(nx.path_graph(3), 1, measure="X")


# ---------------------------------------------------------------------- each member's part


def test_each_member_of_the_best_pair_has_its_own_contribution():
    """Set {a1, b1}: F = 11/15 (see above). Only a1 lost: {a2, a3, p}, {m, b1, b2, b3}:
    1 - (6 + 12)/42 = 4/7. Only b1 lost: {a1, a2, a3, p, m}, {b2, b3}: 1 - (20 + 2)/42 =
    10/21. Share of a1 = 11/15 - F({b1}) = 11/15 - 10/21 = 9/35; of b1 = 11/15 - 4/7 = 17/105."""
    result = key_players(two_clusters_and_a_chain(), 2)
    own = dict(zip(result["players"], result["contributions"], strict=True))
    assert own["a1"]["alone"] == pytest.approx(4 / 7)
    assert own["b1"]["alone"] == pytest.approx(10 / 21)
    assert own["a1"]["share"] == pytest.approx(9 / 35)
    assert own["b1"]["share"] == pytest.approx(17 / 105)


def test_member_contributions_agree_with_the_plain_objective():
    graph = nx.gnp_random_graph(25, 0.12, seed=3)
    players = key_players(graph, 3, measure="DF")["players"]
    found = member_contributions(graph, players, "DF")
    for player, own in zip(players, found, strict=True):
        rest = [p for p in players if p != player]
        assert own["alone"] == pytest.approx(distance_fragmentation(graph, [player]))
        assert own["share"] == pytest.approx(
            distance_fragmentation(graph, players) - distance_fragmentation(graph, rest)
        )


@pytest.mark.parametrize("seed", range(12))
def test_fragmentation_without_each_node_matches_removing_it(seed):
    """The block-cut tree shortcut (all nodes in O(n + m)) against a component search per
    node, on sparse random graphs with cut-points, some nodes already removed."""
    from netzwerk.analysis.keyplayers import _fragmentation_without_each

    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 60))
    graph = nx.gnm_random_graph(n, int(rng.integers(n // 2, 2 * n)), seed=seed)
    arrays = graph_arrays(graph, weight=None, distance=None)
    alive = rng.random(n) > 0.15
    scores = _fragmentation_without_each(arrays, alive.copy())
    for node in range(n):
        if not alive[node]:
            assert scores[node] == -np.inf
            continue
        without = alive.copy()
        without[node] = False
        if without.sum() < 2:
            continue
        assert scores[node] == pytest.approx(fragmentation_kernel(arrays, without), abs=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_component_labels_of_a_part_follow_networkx(seed):
    """`components_kernel` on the living nodes: networkx's components of the induced
    subgraph, numbered in the order of each component's first node; dead nodes -1."""
    graph = nx.gnm_random_graph(60, 55, seed=seed)
    arrays = graph_arrays(graph)
    alive = np.random.default_rng(seed).random(60) < 0.7
    labels = components_kernel(arrays, alive)
    living = [node for node in graph if alive[node]]
    expected = sorted(nx.connected_components(graph.subgraph(living)), key=min)
    assert [set(np.flatnonzero(labels == k).tolist()) for k in range(len(expected))] == expected
    assert labels[~alive].tolist() == [-1] * int((~alive).sum())
    whole = components_kernel(arrays, np.ones(60, dtype=bool))
    assert whole.max() + 1 == nx.number_connected_components(graph)
