"""The network view: built once, default today, the same graph for every analysis."""

from __future__ import annotations

import json
from datetime import date, timedelta

import networkx as nx
import pytest
from click.testing import CliRunner

from netzwerk.analysis import NetworkView, network_view_of
from netzwerk.cli import cli
from netzwerk.model import Actor, Changeset, NodeRef, Tie
from netzwerk.store import open_store

YESTERDAY = date.today() - timedelta(days=1)


def store_graph() -> nx.MultiDiGraph:
    """QM, a school and an association that left yesterday; the school's tie to the QM
    ended yesterday, its tie to the association runs on."""
    graph = nx.MultiDiGraph()
    graph.add_node("qm", kind="actor", sector="district_management", coordinator=True)
    graph.add_node("schule", kind="actor", sector="education")
    graph.add_node("verein", kind="actor", sector="social", until=YESTERDAY)
    graph.add_node("laden", kind="actor", sector="economy")
    graph.add_edge("qm", "schule", kind="cooperation", weight=2.0, until=YESTERDAY)
    graph.add_edge("qm", "laden", kind="cooperation", weight=1.0)
    graph.add_edge("schule", "verein", kind="membership", weight=1.0)
    return graph


def test_default_view_is_today_and_leaves_out_what_ended():
    view = NetworkView()
    assert view.as_of == date.today()
    graph = view.actor_graph(store_graph())
    assert sorted(graph) == ["laden", "qm", "schule"]
    assert sorted(graph.edges()) == [("qm", "laden")]


def test_all_periods_keep_what_ended():
    graph = NetworkView(as_of=None).actor_graph(store_graph())
    assert sorted(graph) == ["laden", "qm", "schule", "verein"]
    assert graph["qm"]["schule"]["weight"] == 2.0


def test_chosen_coordinators_replace_the_flags_of_the_data():
    view = NetworkView(coordinators=("laden",))
    graph = view.actor_graph(store_graph())
    assert view.coordinator_ids(graph) == ["laden"]
    assert not graph.nodes["qm"]["coordinator"]
    assert NetworkView().coordinator_ids(NetworkView().actor_graph(store_graph())) == ["qm"]


def test_the_graph_remembers_its_view():
    view = NetworkView(as_of=date(2024, 6, 30), weighted=False, by="type")
    graph = view.actor_graph(store_graph())
    assert network_view_of(graph) == view
    assert graph.graph["view"]["by"] == "type" and graph.graph["view"]["weighted"] is False
    assert view.metadata(graph) == {
        "as_of": "2024-06-30",
        "tie_kinds": ["cooperation", "membership", "runs"],
        "shared": ["project", "event"],
        "weighted": False,
        "by": "type",
        "coordinators": ["qm"],
    }


@pytest.fixture
def store_path(tmp_path):
    def actor(actor_id: str, sector: str, **fields) -> Actor:
        return Actor(
            id=actor_id, name=actor_id.title(), type="institution", sector=sector, **fields
        )

    def cooperation(a: str, b: str, **fields) -> Tie:
        return Tie("cooperation", NodeRef("actor", a), NodeRef("actor", b), **fields)

    changeset = Changeset(
        actors=[
            actor("qm", "district_management", coordinator=True),
            actor("schule", "education"),
            actor("laden", "economy"),
        ],
        ties=[cooperation("qm", "schule", until=YESTERDAY), cooperation("qm", "laden")],
    )
    path = tmp_path / "s.sqlite"
    with open_store(str(path)) as store:
        store.init()
        store.apply(changeset)
    return str(path)


def test_as_of_and_all_periods_exclude_each_other(store_path):
    result = CliRunner().invoke(
        cli, ["--store", store_path, "brokers", "--as-of", "2024-06-30", "--alle-zeitraeume"]
    )
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line.startswith("Fehler: ") and "--alle-zeitraeume" in line


@pytest.mark.parametrize("flag", ["--alle-zeitraeume", "--all-periods"])
def test_all_periods_flag_and_its_english_alias_count_ended_ties(store_path, flag):
    def ties(*args: str) -> int:
        result = CliRunner().invoke(
            cli, ["--store", store_path, "gaps", "--permutations", "0", "--format", "json", *args]
        )
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["ties"]

    assert ties() == 1  # today: the school's tie ended yesterday
    assert ties(flag) == 2
