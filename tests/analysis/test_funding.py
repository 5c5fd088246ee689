"""Funding dependency: what the network loses when a funder's projects end."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk.analysis.funding import ending_projects, funding_dependency
from netzwerk.analysis.network_view import NetworkView
from netzwerk.errors import ConfigError, NotFound

TODAY = NetworkView(as_of=date(2026, 1, 1))
END_2027 = date(2027, 12, 31)
SECTORS = {
    "stadt": "administration",
    "land": "administration",
    "a": "social",
    "b": "social",
    "c": "culture",
    "d": "culture",
    "e": "education",
    "f": "sport",
}


def district() -> nx.MultiDiGraph:
    """Three projects and three cooperations:

    - p1 Sprachcafé: stadt funds until 30.06.2027; a and c take part;
    - p2 Garten: stadt funds until 31.12.2027, land until 31.12.2029; b and e take part;
    - p3 Fest: land funds until 31.12.2027; d, e and f take part (f nowhere else);
    - cooperations a–b, a–c, c–d (strength 1).
    """
    graph = nx.MultiDiGraph()
    for actor, sector in SECTORS.items():
        graph.add_node(actor, kind="actor", name=actor.upper(), sector=sector)
    projects = {
        "p1": ("Sprachcafé", {"stadt": date(2027, 6, 30)}, ["a", "c"]),
        "p2": ("Garten", {"stadt": END_2027, "land": date(2029, 12, 31)}, ["b", "e"]),
        "p3": ("Fest", {"land": END_2027}, ["d", "e", "f"]),
    }
    for pid, (name, funders, members) in projects.items():
        graph.add_node(f"project:{pid}", kind="project", name=name)
        for funder, until in funders.items():
            graph.add_edge(funder, f"project:{pid}", kind="funding", until=until, weight=1.0)
        for member in members:
            graph.add_edge(member, f"project:{pid}", kind="participation", weight=1.0)
    for u, v in [("a", "b"), ("a", "c"), ("c", "d")]:
        graph.add_edge(u, v, kind="cooperation", weight=1.0)
    return graph


def test_the_city_ends_only_the_project_nobody_else_funds():
    """Stadt's funding ends by 31.12.2027: p1 ends (only stadt, until 30.06.2027); p2 goes on
    (land funds it until 2029). p1 joined stadt–a, stadt–c and a–c (½ each, 3 members);
    a–c also cooperate, so only stadt–a and stadt–c are lost and a–c is weakened (1.5 → 1).
    Everyone stays connected (stadt through p2): 8 actors, 28 pairs before and after."""
    result = funding_dependency(district(), ["stadt"], ends_by=END_2027, view=TODAY)
    assert [p["id"] for p in result["projects"]] == ["p1"]
    assert result["projects"][0]["funded_until"] == date(2027, 6, 30)
    assert [(t["source"], t["target"]) for t in result["ties_lost"]] == [
        ("a", "stadt"),
        ("c", "stadt"),
    ]
    assert result["ties_weakened"] == 1
    assert result["connected_pairs_before"] == result["connected_pairs_after"] == 28
    assert result["cut_off"] == [] and result["group_pairs_lost"] == []


def test_both_funders_ending_cut_off_the_actor_only_the_festival_reached():
    """Stadt and land end by 31.12.2027: p1 and p3 end, p2 goes on (land until 2029). p3
    (land, d, e, f: ⅓ each) was f's only link: f is cut off. Pairs: 28 before; after 7
    actors connected (21) and f alone: 7 pairs lost, F = 1 − 21/28 = 0.25. Lost ties: p1's
    stadt–a, stadt–c; p3's d–e, d–f, e–f, land–d, land–f (land–e stays through p2, ½ + ⅓ →
    ½: weakened, as a–c). f's sector (sport) loses its path to every other sector."""
    result = funding_dependency(district(), ["stadt", "land"], ends_by=END_2027, view=TODAY)
    assert [p["id"] for p in result["projects"]] == ["p3", "p1"]  # by name: Fest, Sprachcafé
    lost = {(t["source"], t["target"]) for t in result["ties_lost"]}
    assert lost == {
        ("a", "stadt"),
        ("c", "stadt"),
        ("d", "e"),
        ("d", "f"),
        ("e", "f"),
        ("d", "land"),
        ("f", "land"),
    }
    assert result["ties_weakened"] == 2
    assert (result["connected_pairs_before"], result["connected_pairs_after"]) == (28, 21)
    assert result["connected_pairs_lost"] == 7
    assert result["fragmentation_before"] == 0.0
    assert result["fragmentation_after"] == pytest.approx(0.25)
    assert (result["components_before"], result["components_after"]) == (1, 2)
    assert result["cut_off"] == ["f"]
    assert result["group_pairs_lost"] == [
        ["administration", "sport"],
        ["culture", "sport"],
        ["education", "sport"],
        ["social", "sport"],
    ]


def test_brokering_lost_and_gained_is_networkx_betweenness_before_and_after():
    """Loss and gain against networkx (weighted on distance, normalised) on the two views:
    the rows are exactly the actors with a positive change, largest first."""
    graph = district()
    result = funding_dependency(graph, ["stadt", "land"], ends_by=END_2027, view=TODAY)
    before = TODAY.actor_graph(graph)
    scenario = graph.copy()
    scenario.remove_nodes_from(["project:p1", "project:p3"])
    after = TODAY.actor_graph(scenario)
    nx_before = nx.betweenness_centrality(before, weight="distance")
    nx_after = nx.betweenness_centrality(after, weight="distance")
    change = {a: nx_after[a] - nx_before[a] for a in before}
    losing = sorted((a for a in change if change[a] < -1e-12), key=lambda a: (change[a], a))
    gaining = sorted((a for a in change if change[a] > 1e-12), key=lambda a: (-change[a], a))
    assert [r["id"] for r in result["brokers_losing"]] == losing and losing
    assert [r["id"] for r in result["successors"]] == gaining and gaining
    for row in result["brokers_losing"]:
        assert row["loss"] == pytest.approx(-change[row["id"]], abs=1e-12)
        assert row["betweenness_before"] == pytest.approx(nx_before[row["id"]], abs=1e-12)
    for row in result["successors"]:
        assert row["gain"] == pytest.approx(change[row["id"]], abs=1e-12)


def test_sampled_betweenness_uses_the_same_sources_before_and_after():
    """Sampled (4 of 8 sources), loss and gain come from one source sample: the rows equal
    the sampled runs on both views with the intact run's batches of sources."""
    from netzwerk.analysis._graph_arrays import graph_arrays
    from netzwerk.analysis.betweenness import betweenness_kernel

    graph = district()
    result = funding_dependency(
        graph, ["stadt", "land"], ends_by=END_2027, view=TODAY, seed=3, k_sample=4
    )
    assert result["betweenness"]["betweenness"] == "sampled"
    scenario = graph.copy()
    scenario.remove_nodes_from(["project:p1", "project:p3"])
    arrays = graph_arrays(TODAY.actor_graph(graph), weight="weight", distance="distance")
    after = graph_arrays(TODAY.actor_graph(scenario), weight="weight", distance="distance")
    intact = betweenness_kernel(arrays, k_sample=4, seed=3)
    assert intact.batches is not None
    changed = betweenness_kernel(after, parts=intact.batches.parts, seed=3)
    rows = result["brokers_losing"] + result["successors"]
    assert rows
    for row in rows:
        change = changed.values[row["id"]] - intact.values[row["id"]]
        assert row["betweenness_after"] - row["betweenness_before"] == pytest.approx(change)


def test_without_an_end_date_all_of_a_funders_money_ends_now():
    """No --bis: all of a funder's money ends now. Stadt: p1 ends, p2 goes on (land funds
    it too). Land: p3 ends, p2 goes on (stadt funds it too). Both: all three end."""
    assert [p["id"] for p in ending_projects(district(), ["stadt"], on=TODAY.as_of)] == ["p1"]
    assert [p["id"] for p in ending_projects(district(), ["land"], on=TODAY.as_of)] == ["p3"]
    both = ending_projects(district(), ["stadt", "land"], on=TODAY.as_of)
    assert [p["id"] for p in both] == ["p3", "p2", "p1"]


def test_funding_that_ends_later_or_never_keeps_a_project():
    """By 31.12.2026 nothing of stadt's runs out (its ends are in 2027); funding without an
    end date never runs out by a date."""
    graph = district()
    assert ending_projects(graph, ["stadt"], date(2026, 12, 31), TODAY.as_of) == []
    graph.add_node("project:p4", kind="project", name="Offen")
    graph.add_edge("stadt", "project:p4", kind="funding", until=None)
    assert [p["id"] for p in ending_projects(graph, ["stadt"], END_2027, TODAY.as_of)] == ["p1"]


def test_unknown_or_missing_funders_are_clear_errors():
    with pytest.raises(NotFound, match="unbekannter Fördergeber"):
        funding_dependency(district(), ["stiftung"], view=TODAY)
    with pytest.raises(NotFound):
        funding_dependency(district(), ["project:p1"], view=TODAY)
    with pytest.raises(ConfigError, match="kein Fördergeber"):
        funding_dependency(district(), [], view=TODAY)


@st.composite
def store_graphs(draw: st.DrawFn) -> nx.MultiDiGraph:
    """Up to 9 actors, random cooperations, up to 4 projects with random funders (ends
    from a small set, some open) and members."""
    n = draw(st.integers(3, 9))
    actors = [f"x{i}" for i in range(n)]
    graph = nx.MultiDiGraph()
    for actor in actors:
        graph.add_node(actor, kind="actor", name=actor, sector=draw(st.sampled_from("AB")))
    pairs = [(u, v) for i, u in enumerate(actors) for v in actors[i + 1 :]]
    for u, v in draw(st.lists(st.sampled_from(pairs), max_size=8, unique=True)):
        graph.add_edge(u, v, kind="cooperation", weight=1.0)
    ends = st.sampled_from([None, date(2026, 6, 30), END_2027, date(2028, 12, 31)])
    for p in range(draw(st.integers(0, 4))):
        key = f"project:p{p}"
        graph.add_node(key, kind="project", name=f"P{p}")
        for funder in draw(st.lists(st.sampled_from(actors), max_size=2, unique=True)):
            graph.add_edge(funder, key, kind="funding", until=draw(ends), weight=1.0)
        for member in draw(st.lists(st.sampled_from(actors), max_size=4, unique=True)):
            graph.add_edge(member, key, kind="participation", weight=1.0)
    return graph


SCENARIO = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SCENARIO
@given(store_graphs(), st.sampled_from([None, END_2027]), st.data())
def test_a_lost_tie_had_no_source_outside_the_ended_projects(graph, ends_by, data):
    """Every lost pair has no direct tie and shares no project that goes on."""
    actors = [n for n, d in graph.nodes(data=True) if d["kind"] == "actor"]
    funders = data.draw(st.lists(st.sampled_from(actors), min_size=1, max_size=2, unique=True))
    result = funding_dependency(graph, funders, ends_by=ends_by, view=TODAY)
    ended = {f"project:{p['id']}" for p in result["projects"]}
    for tie in result["ties_lost"]:
        u, v = tie["source"], tie["target"]
        assert not graph.has_edge(u, v) and not graph.has_edge(v, u)
        shared = set(graph.successors(u)) & set(graph.successors(v))
        assert {p for p in shared if p.startswith("project:")} <= ended
    assert result["connected_pairs_after"] <= result["connected_pairs_before"]


@SCENARIO
@given(store_graphs())
def test_a_funder_of_nothing_changes_nothing(graph):
    """A scenario that ends no project removes no tie: every figure stays."""
    graph.add_node("nobody", kind="actor", name="N", sector="A")
    result = funding_dependency(graph, ["nobody"], view=TODAY)
    assert result["projects"] == [] and result["ties_lost"] == []
    assert result["ties_weakened"] == 0 and result["connected_pairs_lost"] == 0
    assert result["cut_off"] == [] and result["group_pairs_lost"] == []
    assert result["brokers_losing"] == [] and result["successors"] == []
