"""No traps: a command that only reads never creates a store, and a missing or empty store
is one line saying what to do (exit 2), never a traceback or a silent zero; a store with
actors but no ties gives empty results; ``template`` never replaces a filled workbook."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import StoreEmpty, StoreMissing
from netzwerk.model import Actor, Changeset
from netzwerk.store import default_store_path, open_existing_store, open_store
from netzwerk.store.sqlite import SqliteStore

#: every command that reads the store, with the arguments it needs
READING_COMMANDS = [
    ["status"],
    ["brokers"],
    ["keyplayers", "-k", "2"],
    ["dependency"],
    ["foerderung", "--foerdergeber", "verein-a"],
    ["gremium", "verein-a"],
    ["kontakte"],
    ["gaps"],
    ["suggest"],
    ["report", "--out", "bericht"],
    ["plot", "map", "--out", "karte.png"],
    ["plot", "gaps", "--out", "luecken.png"],
    ["plot", "ego", "verein-a", "--out", "ego.png"],
    ["plot", "dependency", "--out", "abhaengigkeit.png"],
    ["export", "--out", "netz.gexf"],
    ["export-person", "verein-a"],
    ["retention"],
    ["retention", "--apply", "--yes"],
    ["privacy-record"],
    ["forget", "verein-a", "--yes"],
]
IDS = [" ".join(command) for command in READING_COMMANDS]


def run(store: Path, command: list[str]):
    result = CliRunner().invoke(cli, ["--store", str(store), *command])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def actors_only() -> Changeset:
    """Three actors as a first workbook with only the Akteure sheet filled in: no ties."""
    return Changeset(
        actors=[
            Actor(id="verein-a", name="Verein A", type="association", sector="social"),
            Actor(id="schule-b", name="Schule B", type="institution", sector="education"),
            Actor(
                id="qm",
                name="Quartiersmanagement",
                type="institution",
                sector="administration",
                coordinator=True,
            ),
        ]
    )


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("command", READING_COMMANDS, ids=IDS)
def test_missing_store_is_one_line_and_creates_nothing(workdir, command):
    result = run(workdir / "vertippt" / "netz.sqlite", command)
    assert result.exit_code == 2, result.output
    assert lines(result.output) == [lines(result.output)[0]]
    assert result.output.startswith("Fehler: kein Speicher unter „")
    assert "netzwerk ingest" in result.output and "--store" in result.output
    assert "Traceback" not in result.output
    assert list(workdir.iterdir()) == []


def test_missing_default_store_is_one_line_and_creates_nothing(workdir):
    """A new terminal without NETZWERK_STORE: the default store does not exist yet."""
    result = CliRunner().invoke(cli, ["brokers"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Fehler: kein Speicher unter „")
    assert "NETZWERK_STORE" in result.output
    assert str(default_store_path()) in result.output
    assert not default_store_path().parent.exists()


@pytest.mark.parametrize("command", READING_COMMANDS, ids=IDS)
def test_empty_store_is_one_line_and_stays_empty(workdir, command):
    store = workdir / "netz.sqlite"
    with SqliteStore(store) as opened:
        opened.init()
    before = sorted(workdir.iterdir())
    result = run(store, command)
    assert result.exit_code == 2, result.output
    assert lines(result.output) == [lines(result.output)[0]]
    assert result.output.startswith(f"Fehler: eingebetteter Speicher {store} ist leer")
    assert "netzwerk ingest" in result.output and "--store" in result.output
    assert sorted(workdir.iterdir()) == before


@pytest.mark.parametrize("command", READING_COMMANDS, ids=IDS)
def test_empty_file_is_an_empty_store_and_stays_untouched(workdir, command):
    """A file an older netzwerk created at a mistyped path: empty, no tables are added."""
    store = workdir / "netz.sqlite"
    store.touch()
    result = run(store, command)
    assert result.exit_code == 2, result.output
    assert "ist leer" in lines(result.output)[0]
    with closing(sqlite3.connect(store)) as database:
        assert database.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


@pytest.mark.parametrize("command", READING_COMMANDS, ids=IDS)
def test_actors_without_ties_give_results_not_tracebacks(workdir, command):
    store = workdir / "netz.sqlite"
    with SqliteStore(store) as opened:
        opened.apply(actors_only())
    result = run(store, command)
    assert "Traceback" not in result.output
    if command[0] == "gremium":  # a committee without members: one line that says so
        assert result.exit_code == 2 and "keine Mitglieder" in result.output
        assert len(lines(result.output)) == 1
        return
    assert result.exit_code == 0, result.output


def test_actors_without_ties_show_three_actors_no_ties_and_no_suggestions(workdir):
    store = workdir / "netz.sqlite"
    with SqliteStore(store) as opened:
        opened.apply(actors_only())
    view_line, answer = run(store, ["suggest"]).output.strip().splitlines()
    assert view_line.startswith("# Sicht: ") and answer == "Keine Vorschläge."
    status = json.loads(run(store, ["status", "--format", "json"]).output)
    assert sum(status["actor_types"].values()) == 3
    assert sum(status["ties"].values()) == 0


def test_query_on_a_missing_embedded_store_asks_for_neo4j_and_creates_nothing(workdir):
    result = run(workdir / "netz.sqlite", ["query", "sector_overview"])
    assert result.exit_code == 2
    assert result.output.startswith("Fehler: Abfragen brauchen Neo4j")
    assert list(workdir.iterdir()) == []


@pytest.mark.parametrize("command", [["init"], ["ingest", "--dry-run"]], ids=["init", "dry-run"])
def test_writing_commands_still_start_a_new_store(workdir, command):
    sample = Path(__file__).resolve().parents[2] / "examples" / "wehringhausen" / "csv"
    if command[0] == "ingest":
        command = [*command, str(sample)]
    result = run(workdir / "neu" / "netz.sqlite", command)
    assert result.exit_code == 0, result.output
    assert (workdir / "neu" / "netz.sqlite").exists() == (command == ["init"])


def test_open_existing_store_raises_data_not_flags(tmp_path):
    with pytest.raises(StoreMissing) as missing:
        open_existing_store(str(tmp_path / "fehlt.sqlite"))
    assert missing.value.option == "store" and "--store" not in str(missing.value)
    assert list(tmp_path.iterdir()) == []
    with open_store(str(tmp_path / "leer.sqlite")) as store:
        store.init()
    with pytest.raises(StoreEmpty):
        open_existing_store(str(tmp_path / "leer.sqlite"))
    with SqliteStore(tmp_path / "leer.sqlite") as store:
        store.apply(actors_only())
    with open_existing_store(str(tmp_path / "leer.sqlite")) as store:
        assert store.holds_actors()


def test_template_refuses_to_replace_an_existing_file(workdir):
    workbook = workdir / "mein-netzwerk.xlsx"
    workbook.write_bytes(b"ausgefuellt")
    result = CliRunner().invoke(cli, ["template", str(workbook)])
    assert result.exit_code == 2
    assert lines(result.output) == [
        f"Fehler: „{workbook}“ gibt es schon und bleibt unverändert (vielleicht schon "
        "ausgefüllt) — anderen Dateinamen wählen oder mit --force ersetzen"
    ]
    assert workbook.read_bytes() == b"ausgefuellt"


def test_template_replaces_an_existing_file_with_force(workdir):
    workbook = workdir / "mein-netzwerk.xlsx"
    workbook.write_bytes(b"ausgefuellt")
    result = CliRunner().invoke(cli, ["template", str(workbook), "--force"])
    assert result.exit_code == 0, result.output
    assert workbook.read_bytes().startswith(b"PK")  # an .xlsx is a zip file
