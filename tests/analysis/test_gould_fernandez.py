"""Gould–Fernandez brokerage: every role by hand, a brute-force reference, sna's moments."""

from __future__ import annotations

import itertools
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk.analysis.gould_fernandez import ROLES, _actor_moments, brokerage_roles
from netzwerk.errors import ConfigError


def brute_force(graph: nx.Graph, by: str = "sector") -> dict:
    """Count roles by walking every two-path a -> b -> c (the definition, literally)."""
    arcs = graph if graph.is_directed() else graph.to_directed()
    group = dict(graph.nodes(data=by))
    counts = {b: dict.fromkeys(ROLES, 0) for b in graph}
    for b in arcs:
        for a in arcs.predecessors(b):
            for c in arcs.successors(b):
                if len({a, b, c}) < 3 or arcs.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if ga == gb == gc:
                    role = "coordinator"
                elif ga == gc:
                    role = "itinerant"
                elif ga == gb:
                    role = "representative"
                elif gb == gc:
                    role = "gatekeeper"
                else:
                    role = "liaison"
                counts[b][role] += 1
    return counts


def counts_of(graph: nx.Graph, by: str = "sector") -> dict:
    return {a.id: a.counts for a in brokerage_roles(graph, by).actors}


def with_groups(graph: nx.Graph, groups: dict) -> nx.Graph:
    nx.set_node_attributes(graph, groups, "sector")
    return graph


# --------------------------------------------------------------------------- by hand


def star_of_groups() -> nx.Graph:
    """Broker b (group x) tied to x1, x2 (x), y1, y2 (y), z1 (z); leaves not tied."""
    graph = nx.star_graph(["b", "x1", "x2", "y1", "y2", "z1"])
    return with_groups(graph, {"b": "x", "x1": "x", "x2": "x", "y1": "y", "y2": "y", "z1": "z"})


def test_undirected_star_has_every_role_counted_both_ways():
    # 5 leaves, 20 ordered pairs: x1x2 both ways (coordinator 2), y1y2 both ways
    # (itinerant 2), x -> other 2*3 (representative 6), other -> x 3*2 (gatekeeper 6),
    # y <-> z 2*1*2 (liaison 4)
    assert counts_of(star_of_groups())["b"] == {
        "coordinator": 2,
        "itinerant": 2,
        "representative": 6,
        "gatekeeper": 6,
        "liaison": 4,
        "total": 20,
    }


def test_ties_among_contacts_close_their_two_paths():
    graph = star_of_groups()
    graph.add_edge("y1", "z1")  # closes a liaison pair in both directions
    graph.add_edge("x1", "y2")  # closes x1 -> y2 (representative) and y2 -> x1 (gatekeeper)
    assert counts_of(graph)["b"] == {
        "coordinator": 2,
        "itinerant": 2,
        "representative": 5,
        "gatekeeper": 5,
        "liaison": 2,
        "total": 16,
    }


def test_undirected_gatekeeper_equals_representative():
    graph = with_groups(nx.gnp_random_graph(40, 0.15, seed=2), {v: "abc"[v % 3] for v in range(40)})
    for actor in brokerage_roles(graph).actors:
        assert actor.counts["gatekeeper"] == actor.counts["representative"]


def test_directed_roles_follow_the_arrows():
    # in: x1 -> b, y1 -> b; out: b -> x2, b -> y2, b -> z1
    graph = with_groups(
        nx.DiGraph([("x1", "b"), ("y1", "b"), ("b", "x2"), ("b", "y2"), ("b", "z1")]),
        {"b": "x", "x1": "x", "x2": "x", "y1": "y", "y2": "y", "z1": "z"},
    )
    assert counts_of(graph)["b"] == {
        "coordinator": 1,  # x1 -> b -> x2
        "itinerant": 1,  # y1 -> b -> y2
        "representative": 2,  # x1 -> b -> y2, x1 -> b -> z1
        "gatekeeper": 1,  # y1 -> b -> x2
        "liaison": 1,  # y1 -> b -> z1
        "total": 6,
    }


def test_directed_only_the_arc_a_to_c_closes_a_two_path():
    graph = with_groups(
        nx.DiGraph([("x1", "b"), ("y1", "b"), ("b", "x2"), ("b", "y2"), ("b", "z1")]),
        {"b": "x", "x1": "x", "x2": "x", "y1": "y", "y2": "y", "z1": "z"},
    )
    graph.add_edge("x2", "x1")  # wrong way round: x1 -> b -> x2 stays open
    graph.add_edge("y1", "z1")  # closes y1 -> b -> z1
    graph.add_edge("b", "x1")  # x1 is now also out-neighbour: y1 -> b -> x1 (gatekeeper)
    assert counts_of(graph)["b"] == {
        "coordinator": 1,
        "itinerant": 1,
        "representative": 2,
        "gatekeeper": 2,
        "liaison": 0,
        "total": 6,
    }


def test_path_roles_in_the_docstring_sense():
    graph = with_groups(nx.path_graph(["a", "b", "c"]), {"a": "x", "b": "y", "c": "x"})
    assert counts_of(graph)["b"]["itinerant"] == 2
    graph = with_groups(nx.path_graph(["a", "b", "c"]), {"a": "x", "b": "y", "c": "z"})
    assert counts_of(graph)["b"]["liaison"] == 2


def test_missing_attribute_is_its_own_group():
    graph = nx.path_graph(["a", "b", "c"])
    graph.nodes["b"]["sector"] = "x"
    result = brokerage_roles(graph)
    assert counts_of(graph)["b"]["itinerant"] == 2  # a and c share the group None
    assert result.group_sizes == {None: 2, "x": 1}


def test_other_attributes_can_define_the_groups():
    graph = star_of_groups()
    nx.set_node_attributes(graph, "same", "type")
    assert counts_of(graph, "type")["b"]["coordinator"] == 20


def test_unknown_attribute_says_what_exists():
    with pytest.raises(ConfigError, match='unbekanntes Merkmal "colour".*sector'):
        brokerage_roles(star_of_groups(), "colour")


def test_list_attribute_cannot_group():
    graph = star_of_groups()
    nx.set_node_attributes(graph, ["a", "b"], "topics")
    with pytest.raises(ConfigError, match="topics"):
        brokerage_roles(graph, "topics")


# --------------------------------------------------------------------------- reference


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(4))
def test_matches_brute_force_on_seeded_graphs(directed, seed):
    graph = nx.gnp_random_graph(60, 0.1, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    with_groups(graph, {v: str(rng.choice(list("abcd"))) for v in graph})
    reference = brute_force(graph)
    for node, counts in counts_of(graph).items():
        assert {r: counts[r] for r in ROLES} == reference[node]
        assert counts["total"] == sum(reference[node].values())


@st.composite
def grouped_graphs(draw) -> nx.Graph:
    directed = draw(st.booleans())
    n = draw(st.integers(1, 8))
    pairs = [(u, v) for u in range(n) for v in range(n) if u != v and (directed or u < v)]
    arcs = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    graph = (nx.DiGraph if directed else nx.Graph)()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(arcs)
    groups = draw(st.lists(st.sampled_from(["a", "b", "c"]), min_size=n, max_size=n))
    return with_groups(graph, dict(enumerate(groups)))


@settings(max_examples=200, deadline=None)
@given(graph=grouped_graphs())
def test_matches_brute_force_on_any_small_graph(graph):
    reference = brute_force(graph)
    for node, counts in counts_of(graph).items():
        assert {r: counts[r] for r in ROLES} == reference[node]


# --------------------------------------------------------------------------- moments


def test_expected_coordinator_count_by_hand():
    # star of groups: 6 actors, 5 ties = 10 arcs, d = 10/30 = 1/3; b's group x has 3
    # members: E[coordinator] = d^2 (1-d) (3-1)(3-2) = 1/9 * 2/3 * 2 = 4/27
    result = brokerage_roles(star_of_groups())
    b = result.actors[0]
    assert result.density == pytest.approx(1 / 3)
    assert b.expected["coordinator"] == pytest.approx(float(Fraction(4, 27)))
    # total: d^2 (1-d) (N-1)(N-2) = 1/9 * 2/3 * 20
    assert b.expected["total"] == pytest.approx(float(Fraction(40, 27)))
    # representative: d^2 (1-d) (N - n_x)(n_x - 1) = 2/27 * 3 * 2
    assert b.expected["representative"] == b.expected["gatekeeper"] == pytest.approx(12 / 27)


def test_z_is_none_where_the_variance_is_zero():
    z1 = brokerage_roles(star_of_groups()).actors[5]
    assert z1.id == "z1" and z1.expected["coordinator"] == 0.0
    assert z1.z["coordinator"] is None


def test_z_score_is_count_minus_expected_over_sd():
    result = brokerage_roles(star_of_groups())
    b = result.actors[0]
    expected, variance = _actor_moments(np.array([3.0, 2.0, 1.0]), 6.0, 1 / 3)
    z = (20 - expected[0, 5]) / np.sqrt(variance[0, 5])
    assert b.z["total"] == pytest.approx(z)


def test_actor_moments_are_exact_for_random_graphs():
    """E and Var of every role under the null model (each arc present with probability d),
    by enumerating all 4,096 directed graphs on four actors (groups a, a, b, c)."""
    groups = {0: "a", 1: "a", 2: "b", 3: "c"}
    pairs = [(u, v) for u in range(4) for v in range(4) if u != v]
    d = 0.3
    mean = np.zeros((4, 5))
    square = np.zeros((4, 5))
    for present in itertools.product([False, True], repeat=len(pairs)):
        graph = nx.DiGraph()
        graph.add_nodes_from(range(4))
        graph.add_edges_from(p for p, keep in zip(pairs, present, strict=True) if keep)
        with_groups(graph, groups)
        probability = d ** sum(present) * (1 - d) ** (len(pairs) - sum(present))
        counts = brute_force(graph)
        values = np.array([[counts[v][r] for r in ROLES] for v in range(4)], dtype=float)
        mean += probability * values
        square += probability * values**2
    expected, variance = _actor_moments(np.array([2.0, 1.0, 1.0]), 4.0, d)
    for actor, group in ((0, 0), (2, 1), (3, 2)):
        assert mean[actor] == pytest.approx(expected[group, :5], abs=1e-12)
        assert square[actor] - mean[actor] ** 2 == pytest.approx(variance[group, :5], abs=1e-12)


def test_network_totals_and_their_expectation():
    result = brokerage_roles(star_of_groups())
    assert result.network["count"]["total"] == sum(a.counts["total"] for a in result.actors)
    expected_total = sum(a.expected["total"] for a in result.actors)
    assert result.network["expected"]["total"] == pytest.approx(expected_total)
    assert set(result.network["z"]) == {*ROLES, "total"}


def test_records_carry_counts_expected_and_z():
    record = brokerage_roles(star_of_groups()).actors[0].as_dict()
    assert record["id"] == "b" and record["group"] == "x" and record["liaison"] == 4
    assert {"expected_liaison", "z_liaison", "expected_total", "z_total"} <= record.keys()
