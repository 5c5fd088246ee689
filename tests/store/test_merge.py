"""Merging two actors that are one, and undoing it: one contract for both stores."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk.errors import ConfigError, NotFound
from netzwerk.ingest.aliases import apply_aliases
from netzwerk.model import Changeset, Event, Provenance, Topic
from tests.conftest import actor, tie

WHERE = Provenance("netz.xlsx", "Beziehungen", 2)


def doubled() -> Changeset:
    """Caritas entered twice: "caritas" (kept) and "caritas-2" (merged away). Both
    cooperate with the QM (2019 on, strength 1; 2021 on, strength 2); they are tied to each
    other; Erika is a member of the second, which also runs the festival stand and works on
    education."""
    return Changeset(
        actors=[
            actor("qm", name="Quartiersmanagement", coordinator=True),
            actor("caritas", name="Caritasverband Hagen e.V.", type="association"),
            actor("caritas-2", name="Caritas Hagen", type="association", contact="0171 1"),
            actor("erika", name="Erika Muster", type="person"),
        ],
        topics=[Topic("bildung", "Bildung")],
        events=[Event("fest", "Stadtteilfest", since=date(2024, 6, 1))],
        ties=[
            tie("cooperation", "qm", "caritas", since=date(2019, 1, 1), provenance=WHERE),
            tie("cooperation", "caritas-2", "qm", weight=2.0, since=date(2021, 1, 1)),
            tie("cooperation", "caritas", "caritas-2", note="Dachverband"),
            tie("membership", "erika", "caritas-2", since=date(2020, 5, 1)),
            tie("participation", "caritas-2", "fest", target_kind="event", role="Stand"),
            tie("works_on", "caritas-2", "bildung", target_kind="topic"),
        ],
        files=["netz.xlsx"],
    )


def snapshot(store):
    graph = store.graph()
    return (
        sorted((n, tuple(sorted(map(repr, d.items())))) for n, d in graph.nodes(data=True)),
        sorted(
            (u, v, k, tuple(sorted(map(repr, d.items()))))
            for u, v, k, d in graph.edges(keys=True, data=True)
        ),
        store.counts(),
    )


def test_a_merge_moves_every_tie_combines_parallel_ones_and_drops_the_tie_between(store):
    store.apply(doubled())
    result = store.merge_actors("caritas", "caritas-2")
    assert (result.moved, result.combined, result.dropped) == (4, 1, 1)
    graph = store.graph()
    assert "caritas-2" not in graph
    ties = {k: d for _, _, k, d in graph.edges(keys=True, data=True)}
    assert sorted(ties) == [
        "cooperation|caritas|qm|",
        "membership|erika|caritas|",
        "participation|caritas|event:fest|",
        "works_on|caritas|topic:bildung|",
    ]
    combined = ties["cooperation|caritas|qm|"]
    assert (combined["weight"], combined["since"], combined["until"]) == (
        2.0,
        date(2019, 1, 1),
        None,
    )
    assert ties["participation|caritas|event:fest|"]["role"] == "Stand"
    assert store.aliases() == [
        {"other": "caritas-2", "other_name": "Caritas Hagen", "keep": "caritas"}
    ]
    assert store.ingest_log(1)[0]["source"] == "merge"


def test_undo_puts_back_every_record_and_tie_as_it_was(store):
    store.apply(doubled())
    before = snapshot(store)
    run = store.merge_actors("caritas", "caritas-2").run_id
    assert snapshot(store) != before
    undone = store.undo_merge(run)
    assert undone.undone and snapshot(store) == before
    assert store.aliases() == []
    with pytest.raises(NotFound):
        store.undo_merge(run)  # gone with its undo


def test_the_workbook_that_still_names_the_merged_actor_changes_nothing(store):
    store.apply(doubled())
    store.merge_actors("caritas", "caritas-2")
    merged = snapshot(store)
    landed = apply_aliases(doubled(), store.aliases())
    assert (landed.actors, landed.ties) == (1, 5)
    again = store.apply(landed.changeset)
    assert not again.changed_anything, again.as_dict()
    assert snapshot(store)[:2] == merged[:2]


def test_only_the_last_change_can_be_undone(store):
    store.apply(doubled())
    run = store.merge_actors("caritas", "caritas-2").run_id
    store.apply(Changeset(actors=[actor("kita", name="Kita")], files=["kita.xlsx"]))
    with pytest.raises(ConfigError, match="nur die letzte"):
        store.undo_merge(run)


def test_unknown_or_identical_actors_are_refused_and_change_nothing(store):
    store.apply(doubled())
    before = snapshot(store)
    with pytest.raises(NotFound, match="nobody"):
        store.merge_actors("caritas", "nobody")
    with pytest.raises(ConfigError, match="zweimal"):
        store.merge_actors("caritas", "caritas")
    assert snapshot(store) == before


def test_forgetting_the_merged_actor_erases_its_kept_record_and_alias(store):
    store.apply(doubled())
    store.merge_actors("caritas", "caritas-2")
    assert store.forget("caritas-2") == {"actors": 0, "ties": 0, "merges": 1}
    assert store.aliases() == []


def test_forgetting_a_third_actor_removes_its_ties_from_what_an_undo_would_restore(store):
    """Erika was a member of the merged-away Caritas: after she is forgotten, undoing the
    merge brings Caritas back without her membership (and without her id anywhere)."""
    store.apply(doubled())
    run = store.merge_actors("caritas", "caritas-2").run_id
    assert store.forget("erika") == {"actors": 1, "ties": 1}
    store.undo_merge(run)
    graph = store.graph()
    assert "caritas-2" in graph and "erika" not in graph
    assert not [k for _, _, k in graph.edges(keys=True) if "erika" in k]
    assert store.counts()["ties"] == 5  # the six ties of doubled() less Erika's membership
