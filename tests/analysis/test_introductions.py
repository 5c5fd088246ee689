"""Introductions: the obvious pair first, never an existing tie, reasons, introducers."""

from __future__ import annotations

from datetime import date

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.introductions.candidates import Buckets, window_pairs
from netzwerk.analysis.views import actor_view
from netzwerk.errors import ConfigError, NotFound
from netzwerk.present.introductions import introduction_texts

DAY = date(2024, 9, 1)


class StoreGraph:
    """A hand-made graph shaped like `Store.graph()` (see model.GRAPH_SCHEMA)."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()

    def actor(
        self,
        key: str,
        sector: str,
        *,
        topics: tuple[str, ...] = (),
        street: str = "",
        person: bool = False,
        consent: bool = False,
        coordinator: bool = False,
        until: date | None = None,
    ) -> StoreGraph:
        self.graph.add_node(
            key,
            kind="actor",
            id=key,
            name=key.title(),
            sector=sector,
            type="person" if person else "institution",
            topics=list(topics),
            street=street,
            natural_person=person,
            consent=consent,
            coordinator=coordinator,
            since=None,
            until=until,
            note="",
        )
        for topic in topics:
            self.graph.add_node(
                f"topic:{topic}", kind="topic", id=topic, name=topic.title(), since=None, until=None
            )
        return self

    def tie(self, u: str, v: str, weight: float = 1.0, kind: str = "cooperation") -> StoreGraph:
        self.graph.add_edge(u, v, key=f"{kind}|{u}|{v}", kind=kind, weight=weight)
        return self

    def event(self, key: str, name: str, *actors: str, kind: str = "event") -> StoreGraph:
        node = f"{kind}:{key}"
        self.graph.add_node(
            node, kind=kind, id=key, name=name, since=date(2024, 6, 1), until=date(2024, 6, 1)
        )
        for actor in actors:
            self.graph.add_edge(
                actor, node, key=f"participation|{actor}|{node}", kind="participation", weight=1.0
            )
        return self


@pytest.fixture
def district() -> StoreGraph:
    """A church and an integration initiative on Lange Straße, both working on integration,
    both partners of Caritas (strongly) and the youth club, both at Stadtteilfest 2024 — and
    religion and integration, both well connected, have no tie yet: the biggest gap. Around
    them: the QM and actors that must never be suggested."""
    s = StoreGraph()
    s.actor("qm", "district_management", coordinator=True)
    s.actor("church", "religion", topics=("integration",), street="Lange Straße")
    s.actor("init", "integration", topics=("integration",), street="Lange Straße")
    s.actor("caritas", "social").actor("club", "social")
    s.actor("choir", "religion").actor("mosque", "religion")
    s.actor("school", "education", topics=("bildung",))
    s.actor("shop", "economy", topics=("bildung",))
    for partner, weight in (("caritas", 2.0), ("club", 1.0)):
        s.tie(partner, "church", weight).tie(partner, "init", weight)
    s.actor("welcome", "integration").actor("language", "integration")
    s.tie("church", "choir").tie("church", "mosque").tie("init", "welcome").tie("init", "language")
    s.tie("qm", "caritas").tie("qm", "club").tie("qm", "school").tie("qm", "shop")
    s.tie("club", "school")
    s.event("fest", "Stadtteilfest 2024", "church", "init", "school")
    # never to be suggested: left, no consent, already tied in the store (funding)
    s.actor("oldshop", "economy", topics=("integration",), until=date(2020, 12, 31))
    s.actor("anna", "neighbourhood", topics=("integration",), person=True)
    s.actor("bakery", "economy", topics=("integration",), street="Lange Straße")
    for partner in ("caritas", "club"):
        s.tie(partner, "oldshop").tie(partner, "anna").tie(partner, "bakery")
    s.tie("bakery", "church", kind="funding")
    return s


def direct_view(store: StoreGraph) -> nx.Graph:
    return actor_view(store.graph, shared=())


def test_the_obvious_pair_comes_first_with_reason_and_introducer(district):
    best = suggest_introductions(direct_view(district), district.graph, top=3, as_of=DAY)[0]
    best = introduction_texts(best, "de")
    assert {best["a"], best["b"]} == {"church", "init"}
    assert best["introducer"] == "caritas" and best["introducer_via"] == "shared_partner"
    assert best["shared_partners"] == ["caritas", "club"]
    assert best["shared_activities"] == ["Stadtteilfest 2024"]
    # RA: caritas has 6 partners, club 7; topic, event, street
    assert best["score"] == pytest.approx(1 / 6 + 1 / 7 + 0.5 + 0.5 + 0.25)
    assert best["reasons"] == (
        "Beide arbeiten zu Integration, waren bei „Stadtteilfest 2024“, "
        "haben 2 gemeinsame Partner und sind in derselben Straße "
        "(Lange Straße)"
    )
    assert best["gap"]["observed"] == 0 and best["gap"]["ratio"] == 0
    assert best["gap_text"].startswith("Religion – Integration: bisher keine Verbindung")


def test_reasons_in_english(district):
    best = suggest_introductions(
        direct_view(district),
        district.graph,
        top=1,
        between=("religion", "integration"),
        as_of=DAY,
    )[0]
    best = introduction_texts(best, "en")
    assert (best["a"], best["b"]) == ("church", "init")
    assert best["reasons"] == (
        "Both work on Integration, were at Stadtteilfest 2024, have 2 "
        "partners in common and are on the same street (Lange Straße)"
    )
    assert best["gap_text"].startswith("religion – integration: no tie yet")


def test_never_suggests_ties_leavers_persons_without_consent_or_the_qm(district):
    view = direct_view(district)
    suggestions = suggest_introductions(view, district.graph, top=50, as_of=DAY, max_per_actor=50)
    assert suggestions
    pairs = {frozenset((s["a"], s["b"])) for s in suggestions}
    assert frozenset(("bakery", "church")) not in pairs  # funding tie in the store
    named = {x for pair in pairs for x in pair}
    assert not named & {"oldshop", "anna", "qm"}
    for s in suggestions:
        assert not view.has_edge(s["a"], s["b"])


def test_leavers_count_from_today_without_as_of(district):
    suggestions = suggest_introductions(direct_view(district), district.graph, top=50)
    assert all("oldshop" not in (s["a"], s["b"]) for s in suggestions)


def test_persons_who_consented_may_be_suggested(district):
    district.actor("bob", "neighbourhood", topics=("integration",), person=True, consent=True)
    district.tie("caritas", "bob")
    suggestions = suggest_introductions(
        direct_view(district), district.graph, top=50, for_actor="bob", as_of=DAY
    )
    assert {s["b"] for s in suggestions} >= {"church", "init"}


def test_introducer_falls_back_to_the_qm_then_to_nobody(district):
    view = direct_view(district)
    pair = suggest_introductions(view, district.graph, between=("education", "economy"), as_of=DAY)
    assert ("school", "shop", "qm", "coordinator") in [
        (p["a"], p["b"], p["introducer"], p["introducer_via"]) for p in pair
    ]
    district.actor("lonely", "culture", topics=("integration",))
    alone = suggest_introductions(
        direct_view(district), district.graph, for_actor="lonely", as_of=DAY
    )
    assert ("lonely", "church", None, None) in [
        (p["a"], p["b"], p["introducer"], p["introducer_via"]) for p in alone
    ]


def test_shared_events_are_ties_in_the_default_view(district):
    """In the default view the festival already links its visitors: not suggested again."""
    view = actor_view(district.graph)
    pairs = {
        frozenset((s["a"], s["b"]))
        for s in suggest_introductions(view, district.graph, top=50, as_of=DAY)
    }
    assert frozenset(("church", "init")) not in pairs


def test_for_actor_and_between_filter_the_pairs(district):
    view = direct_view(district)
    for record in suggest_introductions(view, district.graph, for_actor="init", top=20, as_of=DAY):
        assert record["a"] == "init"
    between = suggest_introductions(
        view, district.graph, between=("integration", "religion"), top=20, as_of=DAY
    )
    assert between and all(
        (s["groups"][0], s["groups"][1]) == (["integration"], ["religion"]) for s in between
    )


def test_each_actor_appears_at_most_max_per_actor_times(district):
    suggestions = suggest_introductions(
        direct_view(district), district.graph, top=50, max_per_actor=1, as_of=DAY
    )
    named = [x for s in suggestions for x in (s["a"], s["b"])]
    assert len(named) == len(set(named))


def test_unknown_actor_group_or_language_are_one_line_errors(district):
    view = direct_view(district)
    with pytest.raises(NotFound, match='unbekannter Akteur "nobody"'):
        suggest_introductions(view, for_actor="nobody")
    with pytest.raises(ConfigError, match='unbekannte Gruppe "kirche".*religion'):
        suggest_introductions(view, between=("kirche", "integration"))
    with pytest.raises(ConfigError, match="unbekannte Sprache"):
        introduction_texts(suggest_introductions(view, top=1)[0], "fr")


def test_an_actor_who_may_not_be_suggested_gets_no_suggestions(district):
    assert (
        suggest_introductions(direct_view(district), district.graph, for_actor="anna", as_of=DAY)
        == []
    )


def test_without_store_graph_only_the_view_is_used(district):
    view = direct_view(district)
    best = introduction_texts(suggest_introductions(view, top=1, as_of=DAY)[0], "de")
    assert {best["a"], best["b"]} == {"church", "init"}
    assert best["shared_activities"] == []
    assert "Stadtteilfest" not in best["reasons"]


# ----------------------------------------------------------------- bounded candidates


def test_window_pairs_small_buckets_completely_large_ones_boundedly():
    members = np.arange(50)
    star = Buckets(bucket=np.zeros(50, dtype=np.int64), member=members, weight=np.array([1.0]))
    keys, _ = window_pairs(star, 50, per_bucket=25, seed=1, max_pairs=10**6)
    assert len(keys) == 50 * 49 // 2  # 2·25 + 1 > 50: every pair
    keys, scores = window_pairs(star, 50, per_bucket=2, seed=1, max_pairs=10**6)
    assert len(keys) == 50 * 2  # each member with the next two, cyclically
    assert np.all(scores == 1.0)
    keys, _ = window_pairs(star, 50, per_bucket=25, seed=1, max_pairs=120)
    assert len(keys) <= 120  # the window shrinks to the budget


# ----------------------------------------------------------------- invariants


@st.composite
def store_graphs(draw):
    s = StoreGraph()
    n = draw(st.integers(2, 14))
    sectors = ["education", "economy", "religion", "integration"]
    for i in range(n):
        s.actor(
            f"a{i}",
            draw(st.sampled_from(sectors)),
            topics=tuple(
                draw(st.lists(st.sampled_from(["jugend", "sprache"]), max_size=2, unique=True))
            ),
            street=draw(st.sampled_from(["", "Lange Straße", "Bachstraße"])),
            person=draw(st.booleans()),
            consent=draw(st.booleans()),
            coordinator=i == 0,
            until=draw(st.sampled_from([None, date(2020, 1, 1), date(2030, 1, 1)])),
        )
    pairs = st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
    for u, v in draw(st.lists(pairs, max_size=3 * n)):
        if u != v:
            s.tie(
                f"a{u}",
                f"a{v}",
                draw(st.sampled_from([1.0, 2.0])),
                kind=draw(st.sampled_from(["cooperation", "cooperation", "funding"])),
            )
    for e in range(draw(st.integers(0, 3))):
        people = draw(st.lists(st.integers(0, n - 1), max_size=n, unique=True))
        s.event(f"e{e}", f"Fest {e}", *(f"a{i}" for i in people))
    return s


@settings(max_examples=80, deadline=None)
@given(store_graphs(), st.booleans())
def test_no_suggestion_is_ever_an_existing_tie_or_a_forbidden_actor(store, direct):
    view = actor_view(store.graph, shared=()) if direct else actor_view(store.graph)
    stored = {
        frozenset((u, v))
        for u, v, k in store.graph.edges(data="kind")
        if store.graph.nodes[v].get("kind") == "actor"
    }
    for s in suggest_introductions(view, store.graph, top=30, as_of=DAY, max_per_actor=30):
        a, b = s["a"], s["b"]
        assert a != b
        assert not view.has_edge(a, b) and frozenset((a, b)) not in stored
        for actor in (a, b):
            data = view.nodes[actor]
            assert not data["coordinator"]
            assert data["until"] is None or data["until"] >= DAY
            assert not data["natural_person"] or data["consent"]
        topics = set(view.nodes[a]["topics"]) & set(view.nodes[b]["topics"])
        [(_, _, ra)] = nx.resource_allocation_index(view, [(a, b)])
        street = view.nodes[a]["street"] and view.nodes[a]["street"] == view.nodes[b]["street"]
        expected = ra + 0.5 * len(topics) + 0.5 * len(s["shared_activities"]) + 0.25 * bool(street)
        assert s["score"] == pytest.approx(expected, abs=1e-6)
        assert introduction_texts(s, "de")["reasons"].startswith("Beide ")
