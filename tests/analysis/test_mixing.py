"""Mixing matrix, E-I index and assortativity: hand-checked graphs, published values, invariants."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk.analysis.mixing import assortativity, ei_index, mixing
from netzwerk.errors import ConfigError

SECTORS = ["education", "economy", "religion", "integration"]


# ----------------------------------------------------------------- plain reference versions


def reference_mixing(view: nx.Graph, by: str) -> tuple[dict, dict]:
    """O_gh and E_gh with plain loops over ties and pairs of actors, each tie counted once:
    O_gg the ties inside g, O_gh (g ≠ h) the ties from g to h (an actor in both counts from
    each end); E the same sums over all unordered pairs of distinct actors of
    k_i k_j / 2m (configuration model without self-pairs)."""
    groups = {n: _groups(d.get(by)) for n, d in view.nodes(data=True)}

    def cells(u, v, amount, table):
        for g in groups[u]:
            for h in groups[v]:
                if g == h:
                    table[g, g] = table.get((g, g), 0) + amount
                else:
                    table[g, h] = table.get((g, h), 0) + amount
                    table[h, g] = table.get((h, g), 0) + amount

    observed: dict = {}
    for u, v in view.edges():
        cells(u, v, 1, observed)
    two_m = 2 * view.number_of_edges()
    expected: dict = {}
    nodes = list(view)
    for i, u in enumerate(nodes):
        for v in nodes[i + 1 :]:
            if two_m:
                cells(u, v, view.degree(u) * view.degree(v) / two_m, expected)
    return observed, expected


def reference_ei(view: nx.Graph, by: str) -> float | None:
    groups = {n: set(_groups(d.get(by))) for n, d in view.nodes(data=True)}
    internal = external = 0
    for u, v in view.edges():
        if not groups[u] or not groups[v]:
            continue
        if groups[u] & groups[v]:
            internal += 1
        else:
            external += 1
    total = internal + external
    return (external - internal) / total if total else None


def _groups(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple | set):
        return sorted(set(value))
    return [value]


# ----------------------------------------------------------------- hand-checked


@pytest.fixture
def small() -> nx.Graph:
    """Two schools and a shop in a triangle, a church tied to the shop only.

    Degrees: schools 2 + 2, shop 3, church 1; 2m = 8. D_education = 4, D_economy = 3,
    D_religion = 1.
    """
    view = nx.Graph(
        [("school1", "school2"), ("school1", "shop"), ("school2", "shop"), ("shop", "church")]
    )
    nx.set_node_attributes(
        view,
        {"school1": "education", "school2": "education", "shop": "economy", "church": "religion"},
        "sector",
    )
    return view


def test_expected_mixing_matches_hand_computation(small):
    result = mixing(small)
    expected = result["expected"]
    # inside education: only the pair school1–school2, 2·2 / 8
    assert expected["education"]["education"] == pytest.approx((4**2 - 2**2 - 2**2) / 16)
    assert expected["education"]["economy"] == pytest.approx(12 / 8)
    assert expected["education"]["religion"] == pytest.approx(4 / 8)
    assert expected["economy"]["religion"] == pytest.approx(3 / 8)


def test_a_group_of_one_actor_expects_no_tie_within_itself(small):
    result = mixing(small)
    assert result["expected"]["religion"]["religion"] == 0
    assert result["expected"]["economy"]["economy"] == 0
    assert result["ratio"]["religion"]["religion"] is None


def test_observed_counts_every_tie_once(small):
    observed = mixing(small)["observed"]
    assert observed["education"]["education"] == 1  # the one tie school1–school2
    assert observed["education"]["economy"] == observed["economy"]["education"] == 2
    assert observed["economy"]["religion"] == 1
    assert observed["education"]["religion"] == 0


def test_ratio_and_missing_pairs(small):
    result = mixing(small)
    assert result["ratio"]["education"]["economy"] == pytest.approx(2 / 1.5)
    assert result["ratio"]["education"]["religion"] == 0
    assert result["missing_pairs"] == [{"groups": ["education", "religion"], "expected": 0.5}]
    assert result["groups"] == ["education", "economy", "religion"]  # vocabulary order
    assert result["actors"] == {"education": 2, "economy": 1, "religion": 1}
    assert result["tie_ends"] == {"education": 4, "economy": 3, "religion": 1}


def test_list_attribute_counts_actor_in_each_group():
    view = nx.Graph([("a", "b"), ("b", "c")])
    nx.set_node_attributes(view, {"a": ["jugend", "sprache"], "b": ["jugend"], "c": []}, "topics")
    result = mixing(view, by="topics")
    # a–b: jugend–jugend (inside) and sprache–jugend; b–c: c has no topic
    assert result["observed"]["jugend"]["jugend"] == 1
    assert result["observed"]["sprache"]["jugend"] == 1
    # D_jugend = deg(a) + deg(b) = 3, D_sprache = 1, 2m = 4; a is in both: minus deg(a)²
    assert result["expected"]["jugend"]["sprache"] == pytest.approx((3 - 1) / 4)
    assert result["actors"] == {"jugend": 2, "sprache": 1}


def test_weighted_mixing_sums_strengths():
    view = nx.Graph()
    view.add_edge("a", "b", weight=2.5)
    view.add_edge("b", "c", weight=0.5)
    nx.set_node_attributes(view, {"a": "x", "b": "y", "c": "y"}, "sector")
    result = mixing(view, weight="weight")
    assert result["observed"]["x"]["y"] == pytest.approx(2.5)
    assert result["ties"] == pytest.approx(3.0)


def test_unknown_attribute_is_a_config_error_naming_the_choices(small):
    with pytest.raises(ConfigError, match='unbekanntes Merkmal "branche".*sector'):
        mixing(small, by="branche")


# ----------------------------------------------------------------- published values


def test_karate_club_ei_index_is_minus_0_718():
    result = ei_index(nx.karate_club_graph(), by="club", permutations=1000, seed=42)
    assert result["network"] == pytest.approx(-0.718, abs=5e-4)
    assert (result["external"], result["internal"]) == (11, 67)
    # the split is far more inward-looking than any shuffle of the labels
    assert result["p_value"] == pytest.approx(1 / 1001)


def test_karate_club_assortativity_matches_networkx():
    karate = nx.karate_club_graph()
    assert assortativity(karate, "club") == pytest.approx(
        nx.attribute_assortativity_coefficient(karate, "club")
    )


def test_ei_group_and_actor_levels_on_karate_club():
    karate = nx.karate_club_graph()
    result = ei_index(karate, by="club", permutations=0)
    for club, counts in result["groups"].items():
        members = {n for n, c in karate.nodes(data="club") if c == club}
        inside = sum(1 for u, v in karate.edges() if u in members and v in members)
        across = sum(1 for u, v in karate.edges() if (u in members) != (v in members))
        assert (counts["internal"], counts["external"]) == (inside, across)
        assert counts["ei"] == pytest.approx((across - inside) / (across + inside))
    club = nx.get_node_attributes(karate, "club")
    for node in karate:
        partners = list(karate[node])
        same = sum(club[p] == club[node] for p in partners)
        assert result["actors"][node] == pytest.approx((len(partners) - 2 * same) / len(partners))


# ----------------------------------------------------------------- permutation test


def test_permutation_p_values_are_stable_under_a_fixed_seed():
    graph = nx.gnm_random_graph(60, 150, seed=3)
    rng = random.Random(1)
    nx.set_node_attributes(graph, {n: rng.choice(SECTORS) for n in graph}, "sector")
    first = ei_index(graph, permutations=500, seed=7)
    again = ei_index(graph, permutations=500, seed=7)
    assert (first["p_value"], first["p_greater"], first["expected"]) == (
        again["p_value"],
        again["p_greater"],
        again["expected"],
    )
    assert first["permutations"] == 500 and first["seed"] == 7


def test_permutation_mean_matches_the_analytical_expectation():
    """Under shuffled labels P(tie inside) = Σ n_g(n_g − 1) / (N(N − 1))."""
    graph = nx.gnm_random_graph(80, 240, seed=5)
    rng = random.Random(2)
    labels = {n: rng.choice(SECTORS) for n in graph}
    nx.set_node_attributes(graph, labels, "sector")
    sizes = [list(labels.values()).count(s) for s in SECTORS]
    n = len(graph)
    p_inside = sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    result = ei_index(graph, permutations=2000, seed=1)
    assert result["expected"] == pytest.approx(1 - 2 * p_inside, abs=4 * result["sd"] / 40)


def test_multi_membership_ei_matches_reference():
    graph = nx.gnm_random_graph(40, 90, seed=11)
    rng = random.Random(4)
    topics = ["jugend", "senioren", "sprache", "gruen"]
    nx.set_node_attributes(
        graph, {n: rng.sample(topics, rng.randint(0, 2)) for n in graph}, "topics"
    )
    result = ei_index(graph, by="topics", permutations=200, seed=3)
    assert result["network"] == pytest.approx(reference_ei(graph, "topics"))
    assert 0 < result["p_value"] <= 1


# ----------------------------------------------------------------- invariants


@st.composite
def labelled_graphs(draw, multi: bool = False):
    n = draw(st.integers(2, 25))
    possible = n * (n - 1) // 2
    m = draw(st.integers(0, min(possible, 60)))
    graph = nx.gnm_random_graph(n, m, seed=draw(st.integers(0, 10_000)))
    if multi:
        values = draw(
            st.lists(st.lists(st.sampled_from(SECTORS), max_size=3), min_size=n, max_size=n)
        )
        nx.set_node_attributes(graph, dict(enumerate(values)), "topics")
    else:
        values = draw(st.lists(st.sampled_from(SECTORS), min_size=n, max_size=n))
        nx.set_node_attributes(graph, dict(enumerate(values)), "sector")
    return graph


@settings(max_examples=60, deadline=None)
@given(labelled_graphs())
def test_observed_cells_on_and_above_the_diagonal_sum_to_the_tie_count(graph):
    result = mixing(graph)
    observed, groups = result["observed"], result["groups"]
    total = sum(observed[g][h] for i, g in enumerate(groups) for h in groups[i:])
    assert total == graph.number_of_edges()
    expected = result["expected"]
    assert sum(expected[g][h] for i, g in enumerate(groups) for h in groups[i:]) <= (
        graph.number_of_edges() + 1e-9
    )


@settings(max_examples=60, deadline=None)
@given(labelled_graphs(multi=True))
def test_mixing_matches_plain_reference(graph):
    if not any(graph.nodes[n]["topics"] for n in graph):
        return
    result = mixing(graph, by="topics")
    observed, expected = reference_mixing(graph, "topics")
    for g in result["groups"]:
        for h in result["groups"]:
            assert result["observed"][g][h] == observed.get((g, h), 0)
            assert result["expected"][g][h] == pytest.approx(expected.get((g, h), 0))


@settings(max_examples=60, deadline=None)
@given(labelled_graphs(), st.booleans())
def test_ei_index_lies_between_minus_one_and_one(graph, multi):
    by = "sector"
    if multi:
        nx.set_node_attributes(
            graph, {n: [graph.nodes[n]["sector"], "gruen"][: 1 + n % 2] for n in graph}, "topics"
        )
        by = "topics"
    result = ei_index(graph, by=by, permutations=20, seed=1)
    values = [
        result["network"],
        *(g["ei"] for g in result["groups"].values()),
        *result["actors"].values(),
    ]
    for value in values:
        assert value is None or -1 <= value <= 1
    assert result["network"] == (
        None if reference_ei(graph, by) is None else pytest.approx(reference_ei(graph, by))
    )
    if result["p_value"] is not None:
        assert 0 < result["p_value"] <= 1 and 0 < result["p_greater"] <= 1


@settings(max_examples=40, deadline=None)
@given(labelled_graphs())
def test_assortativity_matches_networkx(graph):
    ours = assortativity(graph)
    if graph.number_of_edges() == 0:
        assert ours is None
        return
    with pytest.warns(RuntimeWarning) if _degenerate(graph) else _nothing():
        theirs = nx.attribute_assortativity_coefficient(graph, "sector")
    if ours is None:
        assert math.isnan(theirs) or _degenerate(graph)
    else:
        assert ours == pytest.approx(theirs)


def _degenerate(graph: nx.Graph) -> bool:
    """Every tie's ends fall in one group: networkx divides 0 by 0."""
    ends = {graph.nodes[x]["sector"] for edge in graph.edges() for x in edge}
    return len(ends) == 1


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
