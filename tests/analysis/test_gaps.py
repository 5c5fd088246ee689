"""Periphery, silent groups and the combined gap report."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import store_graph
from netzwerk.analysis._graph_arrays import edge_arrays
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.periphery import coreness, periphery, silent_groups
from netzwerk.analysis.views import actor_view


@pytest.fixture
def district() -> nx.Graph:
    """The QM with a triangle of partners, two spokes, a chain off the triangle, an isolate."""
    view = nx.Graph(
        [
            ("qm", "school"),
            ("school", "church"),
            ("qm", "church"),
            ("qm", "shop"),
            ("qm", "cafe"),
            ("church", "choir"),
            ("choir", "youth"),
        ]
    )
    view.add_node("kiosk")
    view.nodes["qm"]["coordinator"] = True
    return view


def test_periphery_lists_isolates_spokes_and_the_outer_shell(district):
    result = periphery(district)
    assert result["isolates"] == ["kiosk"]
    assert result["coordinator_only"] == [
        {"actor": "cafe", "coordinators": ["qm"]},
        {"actor": "shop", "coordinators": ["qm"]},
    ]
    assert result["peripheral"] == [
        {"actor": "choir", "degree": 2, "partners": ["church", "youth"]},
        {"actor": "youth", "degree": 1, "partners": ["choir"]},
    ]
    assert result["core_sizes"] == {0: 1, 1: 4, 2: 3}


def test_spoke_with_several_coordinators_is_still_coordinator_only():
    view = nx.Graph([("qm1", "x"), ("qm2", "x"), ("qm1", "qm2")])
    for qm in ("qm1", "qm2"):
        view.nodes[qm]["coordinator"] = True
    assert periphery(view)["coordinator_only"] == [{"actor": "x", "coordinators": ["qm1", "qm2"]}]
    assert periphery(view)["peripheral"] == []


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 30), st.integers(0, 60), st.integers(0, 1000))
def test_core_numbers_match_networkx(n, m, seed):
    graph = nx.gnm_random_graph(n, min(m, n * (n - 1) // 2), seed=seed)
    arrays = edge_arrays(graph, None)
    ours = dict(zip(arrays.nodes, coreness(arrays).tolist(), strict=True))
    assert ours == nx.core_number(graph)


def test_silent_topics_have_actors_but_no_tie_among_them():
    view = nx.Graph([("a", "b"), ("c", "d")])
    view.add_node("e")
    nx.set_node_attributes(
        view,
        {
            "a": ["jugend", "sprache"],
            "b": ["jugend"],
            "c": ["sprache"],
            "d": ["gruen"],
            "e": ["gruen"],
        },
        "topics",
    )
    # sprache: a and c, not tied; gruen: d and e, not tied; jugend: a–b tied
    assert silent_groups(view) == [
        {"group": "gruen", "actors": 2},
        {"group": "sprache", "actors": 2},
    ]
    assert silent_groups(view, min_actors=3) == []


def test_gaps_report_has_every_documented_key_and_consistent_parts():
    view = actor_view(store_graph(300, 900, seed=3))
    report = gaps_report(view, permutations=99, seed=1)
    for key in (
        "groups",
        "observed",
        "expected",
        "ratio",
        "ei_index",
        "ei_p_value",
        "assortativity",
        "missing_pairs",
        "communities",
        "community_holes",
        "isolates",
        "peripheral",
        "coordinator_only",
        "permutations",
        "options",
    ):
        assert key in report
    assert report["permutations"] == report["ei_test"]["permutations"] == 99
    groups = [g["group"] for g in report["groups"]]
    assert groups == list(report["observed"]) == list(report["ratio"])
    observed = report["observed"]  # each tie counted once: on and above the diagonal, m
    assert sum(observed[g][h] for i, g in enumerate(groups) for h in groups[i:]) == (
        view.number_of_edges()
    )
    members = sorted(m for c in report["communities"] for m in c["members"])
    assert members == sorted(view)
    assert report["community_method"] == "leiden"
    assert gaps_report(view, permutations=99, seed=1) == report  # deterministic


def test_gaps_report_by_topics_uses_topic_groups():
    view = actor_view(store_graph(200, 600, seed=5))
    report = gaps_report(view, by="topics", permutations=10)
    assert report["by"] == "topics"
    assert "integration" in report["observed"]


def test_timings_are_recorded_when_asked(district):
    nx.set_node_attributes(district, "social", "sector")
    timings: dict = {}
    gaps_report(district, permutations=10, timings=timings)
    assert {"mixing", "ei_index", "communities", "periphery"} <= set(timings)
    assert all(wall >= 0 and cpu >= 0 for wall, cpu in timings.values())
