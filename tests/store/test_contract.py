"""The store contract: every store passes these, against a real SQLite file and a real Neo4j."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import networkx as nx
import pytest

from netzwerk.errors import NotFound


def test_init_twice_is_a_no_op(store, small_changeset):
    store.apply(small_changeset)
    store.init()
    assert store.counts()["actors"] == 4


def test_apply_creates_every_record(store, small_changeset):
    result = store.apply(small_changeset)
    assert result.created == {
        "actors": 4,
        "topics": 1,
        "projects": 0,
        "events": 1,
        "places": 0,
        "ties": 5,
    }
    assert store.counts() == {
        "actors": 4,
        "topics": 1,
        "projects": 0,
        "events": 1,
        "places": 0,
        "ties": 5,
    }


def test_reingest_creates_nothing(store, small_changeset):
    store.apply(small_changeset)
    before = store.counts()
    again = store.apply(small_changeset)
    assert not again.changed_anything
    assert again.unchanged["ties"] == 5
    assert store.counts() == before


def test_changed_record_counts_as_update(store, small_changeset):
    store.apply(small_changeset)
    changed = small_changeset.actors[1]
    small_changeset.actors[1] = replace(changed, name="Grundschule Wehringhausen")
    result = store.apply(small_changeset)
    assert result.updated["actors"] == 1 and result.created["actors"] == 0
    assert store.graph().nodes["schule"]["name"] == "Grundschule Wehringhausen"


def test_graph_round_trip_keeps_attributes(store, small_changeset):
    store.apply(small_changeset)
    graph = store.graph()
    assert isinstance(graph, nx.MultiDiGraph)
    assert set(graph) == {"qm", "schule", "verein", "erika", "topic:bildung", "event:fest-2024"}
    qm = graph.nodes["qm"]
    assert qm["kind"] == "actor" and qm["coordinator"] is True
    assert qm["sector"] == "district_management" and qm["since"] == date(2018, 1, 1)
    erika = graph.nodes["erika"]
    assert erika["natural_person"] is True and erika["consent"] is True
    assert erika["street"] == "Lange Straße"
    assert "contact" not in erika and "address" not in erika
    assert graph.nodes["schule"]["topics"] == ["bildung"]
    assert graph.nodes["event:fest-2024"]["since"] == date(2024, 6, 1)
    ((key, data),) = [
        (k, d)
        for _, _, k, d in graph.edges("qm", keys=True, data=True)
        if d["kind"] == "cooperation" and d["weight"] == 2.0
    ]
    assert key == small_changeset.ties[0].key
    assert data["since"] == date(2019, 1, 1) and data["until"] is None
    assert (data["source_file"], data["source_sheet"], data["source_row"]) == (
        "netz.xlsx",
        "Beziehungen",
        2,
    )
    assert data["ingest_run"]
    participation = graph.get_edge_data("erika", "event:fest-2024")
    assert [d["role"] for d in participation.values()] == ["Stand"]


def test_graph_as_of_keeps_only_what_was_valid(store, small_changeset):
    store.apply(small_changeset)
    in_2021 = store.graph(as_of=date(2021, 6, 1))
    assert "verein" in in_2021
    assert in_2021.has_edge("qm", "verein")
    assert not in_2021.has_edge("erika", "event:fest-2024")  # event not yet held
    in_2023 = store.graph(as_of=date(2023, 6, 1))
    assert "verein" not in in_2023
    assert in_2023.has_edge("qm", "schule")
    before_qm = store.graph(as_of=date(2017, 6, 1))
    assert "qm" not in before_qm


def test_graph_as_of_keeps_events_once_held(store, small_changeset):
    small_changeset.events[0] = replace(small_changeset.events[0], until=date(2024, 6, 1))
    store.apply(small_changeset)
    assert "event:fest-2024" not in store.graph(as_of=date(2024, 5, 31))
    later = store.graph(as_of=date(2025, 1, 1))
    assert "event:fest-2024" in later
    assert later.has_edge("erika", "event:fest-2024")


def test_ingest_log_records_each_run(store, small_changeset):
    store.apply(small_changeset, files=["netz.xlsx"])
    store.apply(small_changeset, files=["netz.xlsx"])
    log = store.ingest_log()
    assert len(log) == 2
    assert log[1]["created"]["actors"] == 4 and log[0]["created"]["actors"] == 0
    assert log[0]["files"] == ["netz.xlsx"]
    assert "Erika" not in repr(log)


def test_actor_record_holds_everything_about_one_actor(store, small_changeset):
    store.apply(small_changeset)
    record = store.actor_record("erika")
    assert record["name"] == "Erika Muster"
    assert record["contact"] == "erika@example.org"
    assert record["address"] == "Lange Straße 5"
    assert sorted(t["kind"] for t in record["ties"]) == ["membership", "participation"]
    with pytest.raises(NotFound):
        store.actor_record("nobody")


def test_actor_identities_give_every_actor_with_address_and_contact(store, small_changeset):
    store.apply(small_changeset)
    identities = {row["id"]: row for row in store.actor_identities()}
    assert sorted(identities) == ["erika", "qm", "schule", "verein"]
    assert identities["erika"] == {
        "id": "erika",
        "name": "Erika Muster",
        "type": "person",
        "address": "Lange Straße 5",
        "contact": "erika@example.org",
    }
    assert identities["schule"]["address"] == identities["schule"]["contact"] == ""
    assert identities["verein"]["address"] == "Lange Straße 22, 58089 Hagen"


def test_forget_removes_actor_and_its_ties(store, small_changeset):
    store.apply(small_changeset)
    removed = store.forget("erika")
    assert removed == {"actors": 1, "ties": 2}
    graph = store.graph()
    assert "erika" not in graph
    assert store.counts()["ties"] == 3
    with pytest.raises(NotFound):
        store.forget("erika")


def test_expired_and_remove_expired(store, small_changeset):
    store.apply(small_changeset)
    expired = store.expired(before=date(2023, 6, 1))
    assert expired["actors"] == ["verein"]
    assert expired["ties"] == [small_changeset.ties[1].key]
    removed = store.remove_expired(before=date(2023, 6, 1))
    # the expired tie, plus the membership tie of the removed actor
    assert removed == {"actors": 1, "ties": 2}
    assert "verein" not in store.graph()
    assert store.expired(before=date(2023, 6, 1)) == {"actors": [], "ties": []}


def test_hostile_names_are_stored_unchanged(store, small_changeset):
    hostile = "Rob'\"`$param}) DETACH DELETE n //\n<img src=x onerror=alert(1)>=1+1"
    small_changeset.actors[1] = replace(small_changeset.actors[1], name=hostile, note=hostile)
    store.apply(small_changeset)
    graph = store.graph()
    assert graph.nodes["schule"]["name"] == hostile
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 5
