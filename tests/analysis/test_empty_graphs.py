"""Measures on a network with no actors, or with actors but no ties: empty or all-zero
results, never a numpy or scipy error."""

from __future__ import annotations

import networkx as nx
import pytest

from netzwerk.analysis.brokers import broker_table
from netzwerk.analysis.dependency import coordinator_dependency
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.gould_fernandez import brokerage_roles
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.keyplayers import key_players


def actors_without_ties() -> nx.Graph:
    view = nx.Graph()
    view.add_node("qm", sector="administration", coordinator=True)
    view.add_node("school", sector="education")
    view.add_node("club", sector="social")
    return view


def test_broker_table_of_an_empty_network_is_empty():
    assert broker_table(nx.Graph()) == []


def test_brokerage_roles_of_an_empty_network_count_nothing():
    roles = brokerage_roles(nx.Graph())
    assert roles.nodes == [] and roles.counts.shape == (0, 6)


def test_broker_table_without_ties_is_all_zero():
    rows = broker_table(actors_without_ties())
    assert [row["id"] for row in rows] == ["club", "qm", "school"]
    assert all(row["betweenness"] == 0 and row["brokerage_total"] == 0 for row in rows)
    assert not any(row["cut_point"] for row in rows)


@pytest.mark.parametrize("view", [nx.Graph(), actors_without_ties()])
def test_gaps_and_introductions_of_networks_without_ties_are_empty(view):
    report = gaps_report(view, permutations=10)
    assert report["ties"] == 0 and report["ei_index"] is None
    assert suggest_introductions(view) == []


def test_introductions_when_nobody_has_a_group():
    view = nx.Graph([("school", "club"), ("shop", "club")])
    nx.set_node_attributes(view, "", "sector")
    [best] = suggest_introductions(view, top=1)
    assert {best["a"], best["b"]} == {"school", "shop"} and best["gap"] is None


def test_dependency_and_key_players_without_ties():
    view = actors_without_ties()
    dependency = coordinator_dependency(view)
    assert dependency["connected_pairs_before"] == 0 == dependency["connected_pairs_lost"]
    assert key_players(view, 1)["after"] == 1.0
