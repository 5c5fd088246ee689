"""Burt's structural holes: hand-computed cases, networkx, and a plain reference."""

from __future__ import annotations

import math

import igraph
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis.structural_holes import structural_holes

# --------------------------------------------------------------------------- reference


def reference(graph: nx.Graph, weight: str | None, model: str) -> dict:
    """Burt's formulas written out node by node (undirected graphs), both models."""
    return {i: reference_for(graph, i, weight, model) for i in graph}


def reference_for(graph: nx.Graph, i, weight: str | None, model: str) -> tuple:
    """(constraint, effective size, efficiency, hierarchy) of ego i."""

    def a(u, v) -> float:
        if not graph.has_edge(u, v):
            return 0.0
        return graph[u][v].get(weight, 1.0) if weight else 1.0

    contacts = [j for j in graph[i] if j != i]
    if not contacts:
        return (None, None, None, None)
    ego = set(contacts) | {i}

    def scope(q):  # whose ties count for q's proportions
        return [k for k in graph[q] if k != q and (model == "whole" or k in ego)]

    def p(x, y):
        return a(x, y) / sum(a(x, k) for k in scope(x))

    def m(x, y):
        return a(x, y) / max(a(x, k) for k in scope(x))

    terms = {
        j: (p(i, j) + sum(p(i, q) * p(q, j) for q in contacts if q != j)) ** 2 for j in contacts
    }
    constraint = sum(terms.values())
    effective = sum(1 - sum(p(i, q) * m(j, q) for q in contacts if q != j) for j in contacts)
    n = len(contacts)
    hierarchy = None
    if n > 1:
        ratios = [terms[j] / (constraint / n) for j in contacts]
        hierarchy = sum(r * math.log(r) for r in ratios) / (n * math.log(n))
    return (constraint, effective, effective / n, hierarchy)


def assert_matches(ours: dict, expected: dict) -> None:
    for node, values in expected.items():
        got = ours[node]
        for value, want in zip(
            (got.constraint, got.effective_size, got.efficiency, got.hierarchy),
            values,
            strict=True,
        ):
            if want is None:
                assert value is None
            else:
                assert value == pytest.approx(want, abs=1e-9)


# --------------------------------------------------------------------------- hand-checked


def test_triangle_constraint_is_1_125():
    result = structural_holes(nx.complete_graph(3), weight=None)
    assert all(r.constraint == pytest.approx(1.125) for r in result.values())


@pytest.mark.parametrize("leaves", [2, 3, 5, 10])
def test_star_centre_constraint_is_one_over_k(leaves):
    centre = structural_holes(nx.star_graph(leaves), weight=None)[0]
    assert centre.constraint == pytest.approx(1 / leaves)
    assert centre.effective_size == leaves and centre.efficiency == 1.0
    assert centre.hierarchy == pytest.approx(0.0)


@pytest.mark.parametrize("model, expected", [("whole", 1.007), ("ego", 1.125)])
def test_whole_and_ego_model_differ_as_in_measures_md(model, expected):
    graph = nx.Graph([(0, 1), (0, 2), (1, 2), (1, 3)])
    # whole: p_12 = 1/3 (node 1 also ties to 3): (1/2 + 1/4)^2 + (1/2 + 1/6)^2 = 1.0069
    # ego:   p_12 = 1/2 inside {0, 1, 2}:         2 * (1/2 + 1/4)^2 = 1.125
    value = structural_holes(graph, weight=None, model=model)[0].constraint
    assert value == pytest.approx(expected, abs=5e-4)


def test_whole_model_is_the_default():
    graph = nx.Graph([(0, 1), (0, 2), (1, 2), (1, 3)])
    assert structural_holes(graph)[0].constraint == pytest.approx(1.0069444, abs=1e-6)


@pytest.mark.parametrize(
    "alters, ties, expected",
    [
        (4, [], 4.0),  # no redundancy: ES = n
        (4, [(1, 2), (3, 4)], 3.0),  # 4 - 2*2/4
        (3, [(1, 2), (2, 3), (1, 3)], 1.0),  # a clique of alters: 3 - 2*3/3
        (5, [(1, 2), (1, 3), (1, 4)], 3.8),  # 5 - 2*3/5
    ],
)
def test_effective_size_is_borgattis_n_minus_2t_over_n(alters, ties, expected):
    graph = nx.star_graph(alters)
    graph.add_edges_from(ties)
    ego = structural_holes(graph, weight=None)[0]
    assert ego.effective_size == pytest.approx(expected)
    assert ego.efficiency == pytest.approx(expected / alters)


def test_hierarchy_by_hand():
    # ego 0, contacts 1, 2, 3; 1 and 2 are tied. p_0j = 1/3; p_12 = p_21 = 1/2.
    # c_01 = c_02 = (1/3 + 1/3 * 1/2)^2 = 1/4, c_03 = 1/9, C = 11/18, C/N = 11/54
    # r = 27/22, 27/22, 12/22;  H = sum r ln r / (3 ln 3)
    graph = nx.Graph([(0, 1), (0, 2), (0, 3), (1, 2)])
    r1, r3 = 27 / 22, 12 / 22
    expected = (2 * r1 * math.log(r1) + r3 * math.log(r3)) / (3 * math.log(3))
    ego = structural_holes(graph, weight=None)[0]
    assert ego.constraint == pytest.approx(11 / 18)
    assert ego.hierarchy == pytest.approx(expected, abs=1e-12)
    assert expected == pytest.approx(0.0522, abs=1e-4)


def test_isolates_and_single_contacts():
    graph = nx.Graph([(1, 2)])
    graph.add_node(3)
    result = structural_holes(graph)
    assert result[3].as_dict() == {
        "constraint": None,
        "effective_size": None,
        "efficiency": None,
        "hierarchy": None,
    }
    assert (result[1].constraint, result[1].effective_size, result[1].hierarchy) == (1.0, 1.0, None)


def test_self_loops_are_ignored():
    graph = nx.complete_graph(3)
    graph.add_edge(0, 0)
    assert structural_holes(graph, weight=None)[0].constraint == pytest.approx(1.125)


def test_weighted_constraint_uses_strengths():
    # ego 0 ties 3 to 1 and 1 to 2; 1-2 tied: p_01 = 3/4, p_02 = 1/4, p_12 = 1/4, p_21 = 1/2
    graph = nx.Graph([(0, 1, {"weight": 3.0}), (0, 2, {"weight": 1.0}), (1, 2, {"weight": 1.0})])
    expected = (3 / 4 + 1 / 4 * 1 / 2) ** 2 + (1 / 4 + 3 / 4 * 1 / 4) ** 2
    assert structural_holes(graph)[0].constraint == pytest.approx(expected)
    assert structural_holes(graph, weight=None)[0].constraint == pytest.approx(1.125)


# --------------------------------------------------------------------------- references


def weighted_gnp(n: int, p: float, seed: int, directed: bool = False) -> nx.Graph:
    graph = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    rng = np.random.default_rng(seed)
    for _, _, data in graph.edges(data=True):
        data["weight"] = float(rng.integers(1, 5))
    graph.add_node("isolate")
    return graph


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("weight", ["weight", None])
def test_whole_model_matches_networkx(seed, weight):
    graph = weighted_gnp(150, 0.05, seed)
    ours = structural_holes(graph, weight=weight)
    constraint = nx.constraint(graph, weight=weight)
    # nodes= forces networkx's per-node path: its vectorised path divides by the wrong
    # axis for weighted graphs (networkx PR #8906)
    effective = nx.effective_size(graph, nodes=list(graph), weight=weight)
    for node in graph:
        if graph.degree(node) == 0:
            assert ours[node].constraint is None and math.isnan(constraint[node])
            continue
        assert ours[node].constraint == pytest.approx(constraint[node], abs=1e-9)
        assert ours[node].effective_size == pytest.approx(effective[node], abs=1e-9)


def test_directed_graphs_use_mutual_weights_like_networkx():
    graph = weighted_gnp(80, 0.06, 4, directed=True)
    ours = structural_holes(graph)
    constraint = nx.constraint(graph, weight="weight")
    effective = nx.effective_size(graph, nodes=list(graph), weight="weight")
    for node in graph:
        if graph.degree(node):
            assert ours[node].constraint == pytest.approx(constraint[node], abs=1e-9)
            assert ours[node].effective_size == pytest.approx(effective[node], abs=1e-9)


@pytest.mark.parametrize("model", ["whole", "ego"])
@pytest.mark.parametrize("weight", ["weight", None])
def test_matches_plain_reference_on_seeded_graphs(model, weight):
    graph = weighted_gnp(60, 0.12, 11)
    assert_matches(
        structural_holes(graph, weight=weight, model=model), reference(graph, weight, model)
    )


@st.composite
def small_graphs(draw) -> nx.Graph:
    n = draw(st.integers(1, 9))
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    graph = nx.empty_graph(n)
    for u, v in chosen:
        graph.add_edge(u, v, weight=draw(st.sampled_from([0.5, 1.0, 2.0, 3.0])))
    return graph


@settings(max_examples=150, deadline=None)
@given(
    graph=small_graphs(),
    model=st.sampled_from(["whole", "ego"]),
    weight=st.sampled_from(["weight", None]),
)
def test_matches_plain_reference_on_any_small_graph(graph, model, weight):
    assert_matches(
        structural_holes(graph, weight=weight, model=model), reference(graph, weight, model)
    )


def test_unknown_model_is_refused():
    with pytest.raises(ValueError, match="model"):
        structural_holes(nx.path_graph(3), model="burt")


@pytest.mark.parametrize(
    "graph",
    [nx.les_miserables_graph(), nx.karate_club_graph(), nx.florentine_families_graph()],
    ids=["les-miserables", "karate", "florentine"],
)
def test_published_networks_match_networkx(graph):
    """Weighted (Les Misérables co-appearances, karate club interactions) and binary."""
    ours = structural_holes(graph)
    constraint = nx.constraint(graph, weight="weight")
    effective = nx.effective_size(graph, nodes=list(graph), weight="weight")
    for node in graph:
        assert ours[node].constraint == pytest.approx(constraint[node], abs=1e-9)
        assert ours[node].effective_size == pytest.approx(effective[node], abs=1e-9)


def test_triangles_summed_in_several_chunks_match_igraph_and_networkx():
    """Enough tie pairs that the triangles come in several chunks (see test_triangles)."""
    graph = weighted_gnp(400, 0.12, 8)
    assert len(graph_arrays(graph).triangle_ties) > 1
    ours = structural_holes(graph)
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = list(graph.edges(data="weight"))
    twin = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v, _ in edges])
    constraint = twin.constraint(weights=[w for _, _, w in edges])  # networkx: minutes
    for node in nodes:
        if graph.degree(node):
            assert ours[node].constraint == pytest.approx(constraint[index[node]], abs=1e-9)
    few = [node for node in nodes[::50] if graph.degree(node)]
    effective = nx.effective_size(graph, nodes=few, weight="weight")
    for node in few:
        assert ours[node].effective_size == pytest.approx(effective[node], abs=1e-9)


def test_components_pendants_isolates_and_weighted_self_loops_match_the_reference():
    graph = nx.disjoint_union(nx.complete_graph(5), nx.star_graph(6))  # clique and star
    graph.add_edges_from([(5, 20), (20, 21), (0, 6)])  # a pendant chain, a bridge
    graph.add_node("isolate")
    for u, v, data in graph.edges(data=True):
        data["weight"] = 1.0 + (u * 7 + v * 3) % 4
    graph.add_edge(2, 2, weight=50.0)  # a heavy self-loop: ignored
    graph.add_edge(5, 5, weight=9.0)
    for model in ("whole", "ego"):
        assert_matches(structural_holes(graph, model=model), reference(graph, "weight", model))


def test_hierarchy_of_a_nearly_even_hub_is_burts():
    """Hierarchy is summed as (N/C) Σ c ln c + N ln(N/C): the two parts nearly cancel for
    a hub whose 300 unconnected contacts weigh about the same (c_j = p_j², by hand)."""
    graph = nx.star_graph(300)
    weights = {v: 1.0 + 1e-6 * (v % 5) for v in range(1, 301)}
    nx.set_edge_attributes(graph, {(0, v): w for v, w in weights.items()}, "weight")
    total = sum(weights.values())
    terms = [(w / total) ** 2 for w in weights.values()]
    ratios = [c / (sum(terms) / 300) for c in terms]
    expected = sum(r * math.log(r) for r in ratios) / (300 * math.log(300))
    hub = structural_holes(graph)[0]
    assert hub.constraint == pytest.approx(sum(terms), rel=1e-12)
    assert hub.hierarchy == pytest.approx(expected, abs=1e-12)
    assert 0 < expected < 1e-10  # nearly even: tiny, and not rounded to 0 or below


def test_hierarchy_of_a_hub_with_ties_among_contacts_matches_the_reference():
    graph = nx.star_graph(60)
    graph.add_edges_from((k, k + 1) for k in range(1, 60, 3))
    for u, v, data in graph.edges(data=True):
        data["weight"] = 1.0 + 1e-6 * ((u + v) % 5)
    ours = structural_holes(graph)
    for node in (0, 1, 2, 3):
        assert_matches({node: ours[node]}, {node: reference_for(graph, node, "weight", "whole")})
