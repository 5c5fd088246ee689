"""Coordinator dependency: what is lost without the QM, and who steps in."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from netzwerk.analysis.dependency import coordinator_connectivity, coordinator_dependency
from netzwerk.errors import ConfigError, NotFound


def district() -> nx.Graph:
    """The QM ties two circles: {a, b, c} (a-b, b-c) and {d, e} (d-e), plus f alone with
    the QM. c also reaches d over x (a long detour); x has no other tie."""
    graph = nx.Graph(
        [
            ("qm", "a"),
            ("qm", "d"),
            ("qm", "f"),
            ("a", "b"),
            ("b", "c"),
            ("d", "e"),
            ("c", "x"),
            ("x", "y"),
            ("y", "d"),
        ]
    )
    sectors = {
        "qm": "district_management",
        "a": "social",
        "b": "social",
        "c": "culture",
        "d": "education",
        "e": "education",
        "f": "religion",
        "x": "economy",
        "y": "economy",
    }
    nx.set_node_attributes(graph, sectors, "sector")
    nx.set_node_attributes(graph, {node: node.upper() for node in graph}, "name")
    graph.nodes["qm"]["coordinator"] = True
    return graph


def test_pairs_and_fragmentation_by_hand():
    result = coordinator_dependency(district(), weighted=False)
    # others: a b c d e f x y (8): all connected before (28 pairs); after, f is alone
    # and the rest hang together over c - x - y - d: 7 * 6 / 2 = 21
    assert result["coordinators"] == ["qm"]
    assert result["actors"] == 8
    assert (
        result["connected_pairs_before"],
        result["connected_pairs_after"],
        result["connected_pairs_lost"],
    ) == (28, 21, 7)
    assert result["fragmentation_before"] == 0.0
    assert result["fragmentation_after"] == pytest.approx(1 - 21 / 28)


def test_sector_pairs_that_lose_every_path():
    result = coordinator_dependency(district(), weighted=False)
    # only f (religion) is cut off: every pair religion - other sector is lost
    assert result["group_pairs_lost"] == [
        ["culture", "religion"],
        ["economy", "religion"],
        ["education", "religion"],
        ["religion", "social"],
    ]
    assert result["by"] == "sector"


def test_betweenness_share_of_the_coordinator():
    graph = district()
    result = coordinator_dependency(graph, weighted=False)
    raw = nx.betweenness_centrality(graph, normalized=False)
    assert result["betweenness_share"] == pytest.approx(raw["qm"] / sum(raw.values()))
    assert result["betweenness_share_by_coordinator"] == {"qm": result["betweenness_share"]}


def test_successors_are_the_actors_whose_brokering_grows_most():
    graph = district()
    result = coordinator_dependency(graph, weighted=False)
    others = [n for n in graph if n != "qm"]
    before = nx.betweenness_centrality_subset(graph, others, others, normalized=False)
    after = nx.betweenness_centrality(graph.subgraph(others), normalized=False)

    def share(raw, node):
        return raw[node] / ((len(others) - 1) * (len(others) - 2) / 2)

    gains = {n: share(after, n) - share(before, n) for n in others}
    expected = sorted((n for n in others if gains[n] > 0), key=lambda n: (-gains[n], n))
    assert [s["id"] for s in result["successors"]] == expected
    top = result["successors"][0]
    assert top["gain"] == pytest.approx(gains[top["id"]])
    assert top["name"] == top["id"].upper() and top["group"] == graph.nodes[top["id"]]["sector"]
    # x and y carry the a/b/c - d/e paths once the QM is gone
    assert {"x", "y"} <= set(expected[:4])


def test_successor_list_is_cut_to_top():
    assert len(coordinator_dependency(district(), top=1)["successors"]) == 1


def test_coordinators_can_be_given():
    result = coordinator_dependency(district(), ["b"], weighted=False)
    assert result["coordinators"] == ["b"]
    # without b, a still reaches the rest over the QM and c over x: nothing is lost
    assert result["connected_pairs_lost"] == 0


def test_coordinators_given_as_a_one_pass_iterator_are_used():
    """A generator is read once: it used to be emptied by the emptiness check, so the flagged
    coordinator (the QM) was analysed instead of the one asked for."""
    from_list = coordinator_dependency(district(), ["b"], weighted=False)
    from_generator = coordinator_dependency(district(), (n for n in ["b"]), weighted=False)
    assert from_generator["coordinators"] == ["b"]
    assert from_generator == from_list


def test_several_coordinators_are_removed_together():
    result = coordinator_dependency(district(), ["qm", "x"], weighted=False)
    others = 7
    assert result["actors"] == others
    # left: {a, b, c}, {d, e, y}, {f}: 3 + 3 + 0 pairs
    assert result["connected_pairs_after"] == 6
    shares = result["betweenness_share_by_coordinator"]
    assert set(shares) == {"qm", "x"}
    assert result["betweenness_share"] == pytest.approx(sum(shares.values()))


def test_weighted_and_sampled_options_are_reported():
    graph = district()
    for u, v in graph.edges:
        graph[u][v]["weight"] = 1.0
        graph[u][v]["distance"] = 1.0
    result = coordinator_dependency(graph, k_sample=4, seed=1)
    assert result["betweenness"]["betweenness"] == "sampled"
    assert result["betweenness"]["betweenness_sources"] == 4


def test_unknown_coordinator_is_not_found():
    with pytest.raises(NotFound, match='unbekannter Akteur "nobody"'):
        coordinator_dependency(district(), ["nobody"])


def test_no_coordinator_flagged_is_a_config_error():
    graph = district()
    graph.nodes["qm"]["coordinator"] = False
    with pytest.raises(ConfigError, match="keine Koordination markiert") as raised:
        coordinator_dependency(graph)
    # the error names the option as data; the CLI spells it --coordinator
    assert raised.value.option == "coordinator"
    assert raised.value.lines(lambda option: f"--{option}")[0].endswith("--coordinator ID angeben")


def test_lost_pairs_match_brute_force_on_random_graphs():
    for seed in range(4):
        graph = nx.gnp_random_graph(40, 0.06, seed=seed)
        nx.set_node_attributes(graph, {n: "abc"[n % 3] for n in graph}, "sector")
        removed = [0, 1]
        result = coordinator_dependency(graph, removed, weighted=False)
        others = [n for n in graph if n not in removed]
        without = graph.subgraph(others)
        pairs_after = sum(nx.has_path(without, u, v) for u, v in itertools.combinations(others, 2))
        pairs_before = sum(nx.has_path(graph, u, v) for u, v in itertools.combinations(others, 2))
        assert (result["connected_pairs_before"], result["connected_pairs_after"]) == (
            pairs_before,
            pairs_after,
        )


def reference_cut_off(graph: nx.Graph, removed: list) -> list:
    """Plain networkx: actors of the largest part who are outside the largest part without
    ``removed`` (the drawing helper's former implementation)."""
    if not removed or graph.number_of_nodes() == 0:
        return []
    main_before = max(nx.connected_components(graph), key=len)
    rest = graph.subgraph([n for n in graph if n not in set(removed)])
    if rest.number_of_nodes() == 0:
        return []
    main_after = max(nx.connected_components(rest), key=len)
    return sorted((n for n in main_before if n not in removed and n not in main_after), key=str)


def test_cut_off_actors_and_parts_by_hand():
    result = coordinator_dependency(district(), weighted=False)
    # without the QM only f loses the main part; the network falls into {f} and the rest
    assert result["cut_off"] == ["f"]
    assert (result["components_before"], result["components_after"]) == (1, 2)
    # all 9 actors hang together before: 9 * 8 / 2
    assert result["connected_pairs_including_coordinators"] == 36


def test_connectivity_fields_match_networkx_on_random_graphs():
    for seed in range(6):
        graph = nx.gnp_random_graph(40, 0.05, seed=seed)
        nx.set_node_attributes(graph, {n: "abc"[n % 3] for n in graph}, "sector")
        removed = [0, 1]
        result = coordinator_dependency(graph, removed, weighted=False)
        rest = graph.subgraph([n for n in graph if n not in removed])
        assert result["cut_off"] == reference_cut_off(graph, removed)
        assert result["components_before"] == nx.number_connected_components(graph)
        assert result["components_after"] == nx.number_connected_components(rest)
        assert result["connected_pairs_including_coordinators"] == sum(
            len(c) * (len(c) - 1) // 2 for c in nx.connected_components(graph)
        )
        structural = coordinator_connectivity(graph, removed)
        assert structural == {key: result[key] for key in structural}


def test_connectivity_without_anyone_removed_loses_nothing():
    graph = district()
    result = coordinator_connectivity(graph, [])
    assert result["cut_off"] == [] and result["connected_pairs_lost"] == 0
    assert result["components_before"] == result["components_after"] == 1
    assert coordinator_connectivity(nx.Graph(), ["qm"])["cut_off"] == []
