"""Who is missing at the table: a committee's seats, single seats and candidates."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk.analysis.committee import committee_members, committee_seats
from netzwerk.analysis.network_view import NetworkView
from netzwerk.errors import ConfigError, NotFound

DAY = date(2025, 6, 30)
VIEW = NetworkView(as_of=DAY)


def district() -> nx.MultiDiGraph:
    """The Lenkungskreis (lk) is run by the QM; school, club and church are members; the
    old member 'verein' left in 2023; a café (economy), a shop (economy, person with
    consent) and a landlord (housing, person without consent) have no seat. Ties: café –
    school, café – club, café – shop, shop – club, landlord – café, school – club. The shop's
    owner attended the meeting of 01.03.2025 (an event run by lk); an older meeting
    (2023) had the landlord."""
    graph = nx.MultiDiGraph()
    actors = {
        "lk": ("district_management", "committee", False, []),
        "qm": ("district_management", "association", False, ["verstetigung"]),
        "school": ("education", "institution", False, ["bildung"]),
        "club": ("social", "association", False, ["jugend"]),
        "church": ("religion", "association", False, []),
        "verein": ("neighbourhood", "association", False, []),
        "cafe": ("economy", "company", False, ["leerstand"]),
        "shop": ("economy", "person", True, ["leerstand"]),
        "landlord": ("housing", "person", False, ["eigentuemer"]),
    }
    for actor, (sector, kind, consent, topics) in actors.items():
        graph.add_node(
            actor,
            kind="actor",
            name=actor.title(),
            sector=sector,
            type=kind,
            consent=consent,
            topics=topics,
        )
    graph.add_edge("qm", "lk", kind="runs", weight=1.0)
    for member in ("school", "club", "church"):
        graph.add_edge(member, "lk", kind="membership", weight=1.0)
    graph.add_edge("verein", "lk", kind="membership", weight=1.0, until=date(2023, 12, 31))
    for u, v in [
        ("cafe", "school"),
        ("cafe", "club"),
        ("cafe", "shop"),
        ("shop", "club"),
        ("landlord", "cafe"),
        ("school", "club"),
    ]:
        graph.add_edge(u, v, kind="cooperation", weight=1.0)
    for event, day, guest in [
        ("m2025", date(2025, 3, 1), "shop"),
        ("m2023", date(2023, 3, 1), "landlord"),
    ]:
        graph.add_node(f"event:{event}", kind="event", name=event, since=day, until=day)
        graph.add_edge("lk", f"event:{event}", kind="runs", weight=1.0)
        graph.add_edge(guest, f"event:{event}", kind="participation", weight=1.0)
    return graph


def test_members_are_memberships_the_traeger_and_recent_attendance():
    """On 30.06.2025: school, club, church (memberships), qm (runs lk) and shop (meeting
    of 01.03.2025, within a year); not verein (left 2023), not landlord (meeting 2023)."""
    graph = district()
    assert committee_members(graph, "lk", DAY) == ["church", "club", "qm", "school", "shop"]
    assert committee_members(graph, "lk", DAY, attendance=False) == [
        "church",
        "club",
        "qm",
        "school",
    ]


def test_missing_groups_single_seats_and_topics_by_hand():
    """Without attendance: seated education, social, religion, district_management (qm);
    missing economy (café 4 ties + shop 3 = 7 ends: the shop also met lk at the meeting it
    attended; 2 actors) before housing (landlord: the café and lk, met at the 2023 meeting —
    an event stays part of the network once held) and neighbourhood (verein, no ties). Single seats: every seated
    group has one member; reach = ties to its own group: 0 for all (school – club are two
    groups). Topics of members: verstetigung, bildung, jugend; missing: leerstand (2
    actors), eigentuemer (1)."""
    seats = committee_seats(district(), "lk", view=VIEW, attendance=False)
    assert [(s["group"], s["actors"], s["tie_ends"]) for s in seats["missing"]] == [
        ("economy", 2, 7),
        ("housing", 1, 2),
        ("neighbourhood", 1, 0),
    ]
    assert {s["id"] for s in seats["single_seats"]} == {"church", "club", "qm", "school"}
    assert all(s["reach"] == 0 for s in seats["single_seats"])
    assert seats["topics_covered"] == {"bildung": 1, "jugend": 1, "verstetigung": 1}
    assert seats["topics_missing"] == {"leerstand": 2, "eigentuemer": 1}


def test_candidates_are_ranked_by_brokerage_toward_the_members():
    """Without attendance. Café: own group {shop}, members tied {school, club}; pairs
    (shop, school) counts (no tie), (shop, club) does not (they are tied): score 1. Shop
    (consented): own {café}, members tied {club}; (café, club) are tied: score 0. Landlord
    has no consent and is never proposed; verein has no ties: score 0, reach 0."""
    seats = committee_seats(district(), "lk", view=VIEW, attendance=False)
    rows = [
        (c["id"], c["committee_score"], c["members_tied"], c["reach"]) for c in seats["candidates"]
    ]
    assert rows == [("cafe", 1, 2, 1), ("shop", 0, 1, 1), ("verein", 0, 0, 0)]


def test_attendance_gives_a_seat_and_the_group_is_no_longer_missing():
    seats = committee_seats(district(), "lk", view=VIEW)
    assert "shop" in seats["members"]
    assert "economy" not in [s["group"] for s in seats["missing"]]
    assert [c["id"] for c in seats["candidates"]] == ["verein"]


def test_unknown_committee_or_none_without_members_are_clear_errors():
    with pytest.raises(NotFound, match="unbekanntes Gremium"):
        committee_seats(district(), "beirat", view=VIEW)
    with pytest.raises(ConfigError, match="keine Mitglieder"):
        committee_seats(district(), "cafe", view=VIEW)


@st.composite
def committees(draw: st.DrawFn) -> nx.MultiDiGraph:
    n = draw(st.integers(3, 10))
    graph = nx.MultiDiGraph()
    graph.add_node("c", kind="actor", name="C", sector="district_management", type="committee")
    actors = [f"x{i}" for i in range(n)]
    for actor in actors:
        graph.add_node(
            actor,
            kind="actor",
            name=actor,
            sector=draw(st.sampled_from("ABCD")),
            type=draw(st.sampled_from(["person", "association"])),
            consent=draw(st.booleans()),
        )
    for member in draw(st.lists(st.sampled_from(actors), min_size=1, unique=True)):
        graph.add_edge(member, "c", kind="membership", weight=1.0)
    pairs = [(u, v) for i, u in enumerate(actors) for v in actors[i + 1 :]]
    for u, v in draw(st.lists(st.sampled_from(pairs), max_size=12, unique=True)):
        graph.add_edge(u, v, kind="cooperation", weight=1.0)
    return graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(committees())
def test_seats_add_up_and_candidates_come_from_missing_groups_with_consent(graph):
    seats = committee_seats(graph, "c", view=NetworkView(as_of=None))
    assert sum(s["members"] for s in seats["sectors"]) == len(seats["members"])
    missing = {s["group"] for s in seats["missing"]}
    for candidate in seats["candidates"]:
        data = graph.nodes[candidate["id"]]
        assert data["sector"] in missing and candidate["id"] not in seats["members"]
        assert data["type"] != "person" or data["consent"]
        assert candidate["committee_score"] <= candidate["reach"] * candidate["members_tied"]
