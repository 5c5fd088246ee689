"""`Store.census` (what `netzwerk status` shows) agrees with its definition over the graph,
on a real SQLite file and a real Neo4j: the stores count with aggregate queries, the
definition (`census_of_graph`) counts the graph they return."""

from __future__ import annotations

from datetime import date

from netzwerk.ingest import read_files
from netzwerk.store.census import census_of_graph
from netzwerk.workflows import sample_data_path


def test_census_of_the_sample_data_matches_the_graph(store):
    store.apply(read_files([sample_data_path()]).changeset)
    counted = store.census()
    assert counted == census_of_graph(store.graph())
    # figures that could not come out equal by accident: every kind present, dates set
    assert counted.nodes["actor"] == store.counts()["actors"] > 100
    assert sum(counted.ties.values()) == store.counts()["ties"]
    assert sum(counted.sectors.values()) == sum(counted.actor_types.values())
    assert 0 < counted.persons_with_consent < counted.persons
    assert counted.coordinators >= 1
    assert counted.first_day is not None and counted.first_day < date(2020, 1, 1)


def test_census_counts_a_small_network_by_hand(store, small_changeset):
    """small_changeset: actors qm (coordinator), schule, verein and erika (a person who
    consented), one topic, one event; five ties."""
    store.apply(small_changeset)
    counted = store.census()
    assert counted == census_of_graph(store.graph())
    assert counted.nodes["actor"] == 4 and counted.nodes["topic"] == 1
    assert counted.nodes["event"] == 1 and counted.nodes["project"] == 0
    assert sum(counted.ties.values()) == 5
    assert (counted.persons, counted.persons_with_consent, counted.coordinators) == (1, 1, 1)


def test_census_of_an_empty_store(store):
    counted = store.census()
    assert counted == census_of_graph(store.graph())
    assert set(counted.nodes.values()) == {0} and not counted.ties
    assert counted.first_day is None and counted.last_day is None


def test_the_census_follows_every_write(store, small_changeset):
    """The embedded store keeps a counted census until data changes: every write that
    changes records must drop it (an ingest, a removal by a later ingest, a merge, its undo,
    an erasure, a retention run); on both stores the census must follow."""
    from dataclasses import replace

    from netzwerk.model import Changeset

    def agrees():
        first = store.census()
        assert first == store.census() == census_of_graph(store.graph())
        return first

    assert agrees().nodes["actor"] == 0
    store.apply(small_changeset)
    assert agrees().nodes["actor"] == 4
    store.apply(replace(small_changeset, actors=small_changeset.actors[:3], ties=[]), dry_run=True)
    assert agrees().nodes["actor"] == 4
    result = store.merge_actors("qm", "schule")
    assert agrees().nodes["actor"] == 3
    store.undo_merge(result.run_id)
    assert agrees().nodes["actor"] == 4
    store.forget("erika")
    assert agrees().persons == 0
    store.remove_expired(date(2030, 1, 1))  # the Verein ended in 2022
    assert agrees().nodes["actor"] == 2
    store.apply(Changeset(files=small_changeset.files))
    assert sum(agrees().nodes.values()) == 0
