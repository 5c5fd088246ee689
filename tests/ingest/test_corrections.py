"""The workshop round trip on the sample data: print the sheets, fill the correction form
the way a workshop does (openpyxl), load it with its source, see the change, the
contradiction and where each fact came from — and the form's errors, all in one pass."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from netzwerk.cli import cli
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.store import open_store
from netzwerk.workflows import sample_data_path

#: dated today, like the workbook loaded today: the later recorded statement holds
WORKSHOP = f"Workshop Bildung {date.today():%d.%m.%Y}"


def run(store, *arguments, code=0):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture
def workshop(tmp_path):
    """A store with the sample data, the printed folder, and the numbering (number → row
    of the Nummern sheet) with an open cross-sector cooperation and a person."""
    store = tmp_path / "netz.sqlite"
    run(store, "ingest", str(sample_data_path()))
    run(store, "workshop", "--out", str(tmp_path / "mappe"))
    form = tmp_path / "mappe" / "korrekturen.xlsx"
    numbers = {
        row[1]: row[0]
        for row in load_workbook(form)["Nummern"].iter_rows(min_row=2, values_only=True)
    }
    with open_store(str(store), create=False) as opened:
        graph = opened.graph()
    open_tie = next(
        (u, v)
        for u, v, d in graph.edges(data=True)
        if d["kind"] == "cooperation"
        and d.get("until") is None
        and not d.get("topic")
        and u in numbers
        and v in numbers
        and graph.nodes[u]["sector"] != graph.nodes[v]["sector"]
    )
    pseudonyms = {
        Pseudonymiser().pseudonym(n): n
        for n, d in graph.nodes(data=True)
        if d.get("natural_person")
    }
    shown = next(shown for shown in numbers if shown in pseudonyms)
    person = (numbers[shown], pseudonyms[shown])
    return {"store": store, "form": form, "numbers": numbers, "tie": open_tie, "person": person}


def fill(form, rows, path):
    workbook = load_workbook(form)
    for row in rows:
        workbook["Korrekturen"].append(row)
    workbook.save(path)
    return path


def cooperation(store, first, second):
    with open_store(str(store), create=False) as opened:
        graph = opened.graph()
    found = [
        d
        for u, v, d in graph.edges(data=True)
        if {u, v} == {first, second} and d["kind"] == "cooperation"
    ]
    return found[0] if found else None


def test_the_round_trip_changes_the_store_names_the_source_and_shows_the_contradiction(
    workshop, tmp_path
):
    store, numbers = workshop["store"], workshop["numbers"]
    (u, v), (pseudonym_number, person) = workshop["tie"], workshop["person"]
    assert person not in numbers  # the form shows the pseudonym, not the id
    filled = fill(
        workshop["form"],
        [
            [numbers[u], "beendet", numbers[v], None, None, "31.10.2026", "Frau A.", None],
            [pseudonym_number, "neu", numbers["kita-regenbogen"], "Kooperation", "01.09.2026"],
            [numbers["kita-regenbogen"], "beendet", None, None, None, "30.06.2026"],
        ],
        tmp_path / "gefuellt.xlsx",
    )
    output = run(store, "ingest", str(filled), "--quelle", WORKSHOP)
    assert "Widersprüche (1)" in output and WORKSHOP in output
    assert f"überholt: {sample_data_path().name}" in output
    assert cooperation(store, u, v)["until"] == date(2026, 10, 31)
    assert cooperation(store, person, "kita-regenbogen")["since"] == date(2026, 9, 1)
    assert person not in output  # persons stay pseudonyms
    reloaded = run(store, "ingest", str(sample_data_path()))
    assert "Widersprüche (1)" in reloaded
    assert cooperation(store, u, v)["until"] == date(2026, 10, 31)
    status = json.loads(run(store, "status", "--format", "json"))
    assert {(row["source"], row["holds"]) for row in status["contested"]} == {
        (WORKSHOP, True),
        (sample_data_path().name, False),
    }
    assert any(s["file"] == f"{WORKSHOP} (gefuellt.xlsx)" for s in status["sources"])
    exported = json.loads(run(store, "export-person", person))
    (new_tie,) = [t for t in exported["ties"] if t["other"] == "kita-regenbogen"]
    assert new_tie["sources"] == [WORKSHOP]
    assert new_tie["source"]["sheet"] == "Korrekturen"


def test_every_problem_of_the_form_is_named_at_once_and_nothing_is_loaded(workshop, tmp_path):
    store, numbers = workshop["store"], workshop["numbers"]
    filled = fill(
        workshop["form"],
        [
            [999, "neu", numbers["kita-regenbogen"], "Kooperation", "01.09.2026"],
            [numbers["kita-regenbogen"], "vielleicht", 1, "Kooperation"],
            [numbers["kita-regenbogen"], "beendet", numbers["jobcenter"], "Förderung"],
            [numbers["kita-regenbogen"], "neu", 1, "Kooperation", "31.02.2026"],
        ],
        tmp_path / "falsch.xlsx",
    )
    before = run(store, "status", "--format", "json")
    output = run(store, "ingest", str(filled), "--quelle", WORKSHOP, code=2)
    lines = [line for line in output.splitlines() if line.startswith("Fehler")]
    assert len(lines) == 4, output
    assert 'Zeile 2, Spalte "Nr.": Nummer nicht im Blatt Nummern "999"' in output
    assert 'Zeile 3, Spalte "Was"' in output and "vielleicht" in output
    assert "Zeile 4" in output and "keine Verbindung" in output
    assert 'Zeile 5, Spalte "ab wann"' in output and "Datum existiert nicht" in output
    assert "Traceback" not in output
    assert run(store, "status", "--format", "json") == before


def test_a_dry_run_shows_the_change_and_writes_nothing(workshop, tmp_path):
    store, numbers = workshop["store"], workshop["numbers"]
    (u, v) = workshop["tie"]
    filled = fill(
        workshop["form"],
        [[numbers[u], "beendet", numbers[v], None, None, "31.10.2026"]],
        tmp_path / "gefuellt.xlsx",
    )
    output = run(store, "ingest", str(filled), "--quelle", WORKSHOP, "--dry-run")
    assert "Widersprüche (1)" in output and "31.10.2026" in output
    assert cooperation(store, u, v)["until"] is None


def test_the_english_form_reads_with_english_words(workshop, tmp_path):
    store, (u, v) = workshop["store"], workshop["tie"]
    run(store, "workshop", "--out", str(tmp_path / "folder"), "--lang", "en")
    form = tmp_path / "folder" / "korrekturen.xlsx"
    workbook = load_workbook(form)
    numbers = {row[1]: row[0] for row in workbook["Numbers"].iter_rows(min_row=2, values_only=True)}
    workbook["Corrections"].append(
        [numbers[u], "ended", numbers[v], "cooperation", None, "2026-10-31"]
    )
    workbook.save(tmp_path / "filled.xlsx")
    output = run(
        store, "ingest", str(tmp_path / "filled.xlsx"), "--source", WORKSHOP, "--lang", "en"
    )
    assert "Contradictions (1)" in output
    assert cooperation(store, u, v)["until"] == date(2026, 10, 31)
