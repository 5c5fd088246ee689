"""Retention: what ended longer ago than the period is listed, and removed with --apply."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import ConfigError
from netzwerk.model import Changeset, Event, NodeRef, Tie
from netzwerk.privacy import (
    RETENTION_ENV,
    apply_retention,
    retention_cutoff,
    retention_plan,
    retention_setting,
)
from netzwerk.store.sqlite import SqliteStore

TODAY = date(2025, 6, 30)  # with 3 years: cutoff 2022-06-30


def _actor(actor_id: str, until: date | None = None):
    from netzwerk.model import Actor

    return Actor(actor_id, actor_id.title(), "person", "neighbourhood", until=until)


def _tie(
    kind: str, source: str, target: str, until: date | None = None, target_kind: str = "actor"
) -> Tie:
    return Tie(kind, NodeRef("actor", source), NodeRef(target_kind, target), until=until)


@pytest.fixture
def dated() -> Changeset:
    """Actors and ties ending before, on and after the cutoff 2022-06-30."""
    return Changeset(
        actors=[
            _actor("alt", date(2021, 12, 31)),
            _actor("grenze", date(2022, 6, 30)),
            _actor("neu", date(2024, 1, 1)),
            _actor("offen"),
        ],
        events=[Event("fest-2019", "Fest 2019", date(2019, 9, 1), date(2019, 9, 1))],
        ties=[
            _tie("cooperation", "alt", "offen"),  # of expired actor
            _tie("cooperation", "neu", "offen", date(2022, 6, 29)),  # expired tie
            _tie("membership", "grenze", "offen", date(2022, 6, 30)),  # on the cutoff: kept
            _tie("participation", "offen", "fest-2019", date(2019, 9, 1), "event"),  # expired
            _tie("participation", "neu", "fest-2019", None, "event"),  # kept
        ],
    )


def test_retention_setting_comes_from_option_env_or_default(monkeypatch):
    monkeypatch.delenv(RETENTION_ENV, raising=False)
    assert retention_setting() == retention_setting(3).__class__(3, "default")
    monkeypatch.setenv(RETENTION_ENV, "5")
    assert (retention_setting().years, retention_setting().source) == (5, "env")
    assert retention_setting(2).source == "option"
    monkeypatch.setenv(RETENTION_ENV, "drei")
    with pytest.raises(ConfigError, match=RETENTION_ENV):
        retention_setting()
    with pytest.raises(ConfigError):
        retention_setting(0)


def test_retention_cutoff_is_the_same_day_years_before():
    assert retention_cutoff(3, TODAY) == date(2022, 6, 30)
    assert retention_cutoff(3, date(2024, 2, 29)) == date(2021, 2, 28)
    assert retention_cutoff(4, date(2024, 2, 29)) == date(2020, 2, 29)


def test_retention_plan_lists_exactly_the_expired_records(store, dated, monkeypatch):
    monkeypatch.delenv(RETENTION_ENV, raising=False)
    store.apply(dated)
    plan = retention_plan(store, today=TODAY)
    assert plan.cutoff == date(2022, 6, 30)
    assert plan.actors == ["alt"]
    assert plan.ties == sorted([dated.ties[1].key, dated.ties[3].key])
    assert plan.ties_of_actors == [dated.ties[0].key]
    assert store.counts()["actors"] == 4  # listing deletes nothing


def test_apply_retention_removes_exactly_the_expired_records(store, dated):
    store.apply(dated)
    before = store.graph()
    plan = retention_plan(store, years=3, today=TODAY)
    removed = apply_retention(store, plan)
    assert removed == plan.expected() == {"actors": 1, "ties": 3}
    after = store.graph()
    assert set(before) - set(after) == {"alt"}
    gone = {k for *_, k in before.edges(keys=True)} - {k for *_, k in after.edges(keys=True)}
    assert gone == set(plan.ties) | set(plan.ties_of_actors)
    assert "event:fest-2019" in after  # events are not personal data
    assert retention_plan(store, years=3, today=TODAY).empty


def test_cli_retention_lists_and_deletes_nothing_without_apply(tmp_path, dated, monkeypatch):
    monkeypatch.setenv(RETENTION_ENV, "1")
    path = tmp_path / "s.sqlite"
    with SqliteStore(path) as store:
        store.apply(dated)
    result = CliRunner().invoke(cli, ["--store", str(path), "retention"])
    assert result.exit_code == 0, result.output
    assert "1 Jahr, aus NETZWERK_RETENTION_YEARS" in result.output
    assert "mit --apply löschen" in result.output
    with SqliteStore(path) as store:
        assert store.counts()["actors"] == 4


def test_cli_retention_apply_needs_confirmation(tmp_path, dated):
    path = tmp_path / "s.sqlite"
    with SqliteStore(path) as store:
        store.apply(dated)
    runner = CliRunner()
    refused = runner.invoke(cli, ["--store", str(path), "retention", "--years", "1", "--apply"])
    assert refused.exit_code == 2 and "--yes" in refused.output
    done = runner.invoke(
        cli, ["--store", str(path), "retention", "--years", "1", "--apply", "--yes"]
    )
    assert done.exit_code == 0, done.output
    assert "Gelöscht:" in done.output
    with SqliteStore(path) as store:
        assert store.expired(retention_cutoff(1, date.today())) == {"actors": [], "ties": []}


def test_cli_retention_bad_years_is_a_one_line_error(tmp_path):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.apply(Changeset(actors=[_actor("a")]))
    result = CliRunner().invoke(
        cli, ["--store", str(tmp_path / "s.sqlite"), "retention", "--years", "0"]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Fehler: Aufbewahrungsfrist --years")
