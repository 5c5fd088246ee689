"""Ties falling asleep: last contacts, the reasons a tie matters, who should call."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk.analysis.contacts import dormant_ties, last_contacts
from netzwerk.analysis.network_view import NetworkView
from netzwerk.errors import ConfigError

DAY = date(2026, 6, 30)
VIEW = NetworkView(as_of=DAY)


def district() -> nx.MultiDiGraph:
    """The QM (coordinator) cooperates with a school since 2019 and with a club since
    2025 (last contact noted 01.02.2024 for the school); school and club meet at the
    festival of 06.09.2025; a shop (economy) cooperates with the club since 2018 and is in
    the project 'Garten' with the church, which ended on 31.12.2024; the church and the
    club also run the running project 'Tafel' (so: contact today)."""
    graph = nx.MultiDiGraph()
    sectors = {
        "qm": "district_management",
        "school": "education",
        "club": "social",
        "shop": "economy",
        "church": "religion",
    }
    for actor, sector in sectors.items():
        graph.add_node(actor, kind="actor", name=actor, sector=sector, coordinator=actor == "qm")
    graph.add_edge(
        "qm",
        "school",
        kind="cooperation",
        weight=2.0,
        since=date(2019, 1, 1),
        last_contact=date(2024, 2, 1),
    )
    graph.add_edge("qm", "club", kind="cooperation", weight=1.0, since=date(2025, 1, 1))
    graph.add_edge("shop", "club", kind="cooperation", weight=1.0, since=date(2018, 5, 1))
    graph.add_node("event:fest", kind="event", name="Fest", since=date(2025, 9, 6))
    graph.add_node(
        "project:garten",
        kind="project",
        name="Garten",
        since=date(2022, 1, 1),
        until=date(2024, 12, 31),
    )
    graph.add_node("project:tafel", kind="project", name="Tafel", since=date(2023, 1, 1))
    for actor, activity in [
        ("school", "event:fest"),
        ("club", "event:fest"),
        ("shop", "project:garten"),
        ("church", "project:garten"),
        ("church", "project:tafel"),
        ("club", "project:tafel"),
    ]:
        graph.add_edge(actor, activity, kind="participation", weight=1.0)
    return graph


def test_last_contact_is_the_latest_of_note_start_event_and_project():
    """qm–school: noted 01.02.2024 (after its start 2019); qm–club: start 01.01.2025;
    school–club: the festival 06.09.2025; shop–club: start 01.05.2018; the Garten project
    (shop, church) is not in today's view (ended), so shop–church has no tie; church–club:
    the running Tafel, contact today."""
    graph = district()
    contacts = last_contacts(graph, VIEW.actor_graph(graph), DAY)
    assert contacts == {
        ("qm", "school"): (date(2024, 2, 1), "contact"),
        ("club", "qm"): (date(2025, 1, 1), "since"),
        ("club", "school"): (date(2025, 9, 6), "event"),
        ("club", "shop"): (date(2018, 5, 1), "since"),
        ("church", "club"): (DAY, "project"),
    }


def test_dormant_ties_by_hand():
    """Threshold 30.06.2025 (12 months): shop–club (05/2018), qm–club (01/2025) and
    qm–school (02/2024) sleep; school–club (festival 09/2025) and church–club (Tafel runs)
    are recent. The club lies between everyone and the shop and church: it is the cut-point
    and the top broker. shop–club is a bridge (the shop's only tie) and the only economy–
    social tie: first. qm–club and qm–school are each the only tie of their two sectors;
    qm–club touches the club (cut-point, broker) and comes before qm–school (no other
    reason). Callers: the QM at its own ties; for shop–club the QM, who knows the club."""
    found = dormant_ties(district(), view=VIEW)
    rows = [(t["source"], t["target"], t["reasons"], t["caller"]) for t in found["ties"]]
    assert rows == [
        ("club", "shop", ["bridge", "only_link", "cut_point", "broker"], "qm"),
        ("club", "qm", ["only_link", "cut_point", "broker"], "qm"),
        ("qm", "school", ["only_link"], "qm"),
    ]
    assert (found["dormant"], found["recent"], found["without_date"]) == (3, 2, 0)
    assert found["threshold"] == date(2025, 6, 30)
    assert [t["months_ago"] for t in found["ties"]] == [97, 17, 28]


def test_more_months_fewer_dormant_ties_and_top_cuts_the_list():
    assert dormant_ties(district(), view=VIEW, months=24)["dormant"] == 2  # not qm–club
    assert dormant_ties(district(), view=VIEW, months=36)["dormant"] == 1  # shop–club
    assert len(dormant_ties(district(), view=VIEW, top=1)["ties"]) == 1


def test_all_periods_has_no_day_and_is_a_clear_error():
    with pytest.raises(ConfigError, match="Stichtag"):
        dormant_ties(district(), view=NetworkView(as_of=None))


@st.composite
def networks(draw: st.DrawFn) -> nx.MultiDiGraph:
    n = draw(st.integers(2, 8))
    graph = nx.MultiDiGraph()
    actors = [f"x{i}" for i in range(n)]
    for actor in actors:
        graph.add_node(actor, kind="actor", name=actor, sector=draw(st.sampled_from("AB")))
    days = st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2026, 12, 31)))
    pairs = [(u, v) for i, u in enumerate(actors) for v in actors[i + 1 :]]
    for u, v in draw(st.lists(st.sampled_from(pairs), max_size=10, unique=True)):
        graph.add_edge(
            u, v, kind="cooperation", weight=1.0, since=draw(days), last_contact=draw(days)
        )
    return graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(networks(), st.integers(1, 60))
def test_every_tie_is_counted_once_and_listed_contacts_are_old(graph, months):
    found = dormant_ties(graph, view=VIEW, months=months)
    assert found["dormant"] + found["recent"] + found["without_date"] == found["ties_total"]
    for tie in found["ties"]:
        assert tie["last_contact"] < found["threshold"] <= DAY
        assert tie["months_ago"] >= months - 1
    assert sum(found["by_reason"].values()) <= found["dormant"]  # ties without a reason
    with_reason = [t for t in found["ties"] if t["reasons"]]
    assert sum(found["by_reason"].values()) == len(with_reason)
    for reason, count in found["by_reason"].items():
        assert count == sum(1 for t in with_reason if t["reasons"][0] == reason)
    head = dormant_ties(graph, view=VIEW, months=months, top=2)
    assert head["ties"] == found["ties"][:2]
    assert head["dormant"] == found["dormant"] and head["by_reason"] == found["by_reason"]


def test_a_tie_an_introduction_would_run_through_carries_the_introducer_reason():
    """Suggested: the club introduces the shop to the school. Its tie to the shop (asleep)
    carries the introduction; the QM's ties do not."""
    suggestion = {"a": "school", "b": "shop", "introducer": "club"}
    found = dormant_ties(district(), view=VIEW, introductions=[suggestion])
    reasons = {(t["source"], t["target"]): t["reasons"] for t in found["ties"]}
    assert reasons[("club", "shop")] == ["bridge", "only_link", "introducer", "cut_point", "broker"]
    assert "introducer" not in reasons[("qm", "school")]
