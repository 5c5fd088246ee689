"""Contested ties: a second source contradicts the workbook; the newer dated statement
holds, both are kept, and reloading either source keeps the rule. One contract for both
stores (`TieStatements`), through `ingest.conflicts.settle` as the CLI uses it."""

from __future__ import annotations

from datetime import date

from netzwerk.ingest.conflicts import settle
from netzwerk.model import Changeset
from tests.conftest import actor, tie

#: held today: the workbook is dated by the day it is loaded, so the workshop's statement
#: has the same date and holds as the later recorded one
WORKSHOP = f"Workshop Bildung {date.today():%d.%m.%Y}"


def workbook(*, until: date | None = None, weight: float = 1.0) -> Changeset:
    """The team's workbook: QM, Kita and Schule; QM–Kita open since 2019, QM–Schule."""
    return Changeset(
        actors=[
            actor("qm", name="Quartiersmanagement", coordinator=True),
            actor("kita", name="Kita Regenbogen"),
            actor("schule", name="Grundschule"),
        ],
        ties=[
            tie("cooperation", "qm", "kita", since=date(2019, 1, 1), until=until, weight=weight),
            tie("cooperation", "qm", "schule", since=date(2020, 1, 1)),
        ],
        source="netz.xlsx",
    )


def correction(source: str = WORKSHOP, *, ends: bool = True) -> Changeset:
    """A workshop says QM–Kita ended on 31.12.2025 (ends named the other way round) and
    adds Kita–Schule."""
    ties = [tie("cooperation", "kita", "schule", since=date(2026, 3, 1))]
    if ends:
        ties.append(
            tie("cooperation", "kita", "qm", since=date(2019, 1, 1), until=date(2025, 12, 31))
        )
    return Changeset(ties=ties, source=source)


def load(store, changeset):
    conflicts = settle(changeset, store)
    store.apply(changeset)
    return conflicts


def qm_kita(store):
    (data,) = [
        d
        for u, v, d in store.graph().edges(data=True)
        if {u, v} == {"qm", "kita"} and d["kind"] == "cooperation"
    ]
    return data["until"], data["weight"]


def test_a_newer_correction_holds_is_reported_and_survives_a_reload_of_the_workbook(store):
    load(store, workbook())
    conflicts = load(store, correction())
    assert [(c.holds.source, len(c.statements)) for c in conflicts] == [(WORKSHOP, 2)]
    assert qm_kita(store) == (date(2025, 12, 31), 1.0)
    assert {c.source for c in store.tie_statements()[conflicts[0].key]} == {
        "netz.xlsx",
        WORKSHOP,
    }
    again = load(store, workbook())  # unchanged workbook: its old statement does not win
    assert [c.holds.source for c in again] == [WORKSHOP]
    assert qm_kita(store) == (date(2025, 12, 31), 1.0)
    assert store.counts()["ties"] == 3


def test_an_edit_of_the_workbook_is_a_newer_statement_and_holds(store):
    load(store, workbook())
    load(store, correction())
    conflicts = load(store, workbook(weight=2.0))
    assert [c.holds.source for c in conflicts] == ["netz.xlsx"]
    assert qm_kita(store) == (None, 2.0)


def test_an_older_dated_correction_is_kept_and_shown_but_does_not_hold(store):
    load(store, workbook())
    conflicts = load(store, correction("Workshop 12.03.2016"))
    assert [c.holds.source for c in conflicts] == ["netz.xlsx"]
    assert qm_kita(store) == (None, 1.0)
    assert len(store.tie_statements()) == 1


def test_withdrawing_the_holding_statement_restores_the_other_and_ends_the_contest(store):
    load(store, workbook())
    load(store, correction())
    assert load(store, correction(ends=False)) == []
    assert qm_kita(store) == (None, 1.0)
    assert store.tie_statements() == {}
    assert store.counts()["ties"] == 3


def test_agreeing_sources_keep_no_statements_and_erasure_drops_them(store):
    load(store, workbook())
    same = Changeset(
        ties=[tie("cooperation", "kita", "qm", since=date(2019, 1, 1))], source="zweite.xlsx"
    )
    assert load(store, same) == []
    assert store.tie_statements() == {}
    load(store, correction())
    assert store.tie_statements()
    store.forget("kita")
    assert store.tie_statements() == {}


def test_a_dry_run_keeps_no_statement(store):
    load(store, workbook())
    changeset = correction()
    settle(changeset, store)
    store.apply(changeset, dry_run=True)
    assert store.tie_statements() == {}
    assert qm_kita(store) == (None, 1.0)


def test_renaming_a_source_file_renames_its_statements(store):
    load(store, workbook())
    load(store, correction("Erika.xlsx"))
    store.redact_ingest_files({"Erika.xlsx": "(entfernt)"})
    (statements,) = store.tie_statements().values()
    assert {s.source for s in statements} == {"netz.xlsx", "(entfernt)"}
