"""`netzwerk dubletten` → `netzwerk merge` → ingest the same workbook again → undo, on a
real workbook written by openpyxl and the embedded store."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from netzwerk.cli import cli

SHEETS = {
    "Akteure": [
        ["id", "name", "typ", "sektor", "kontakt"],
        ["qm", "Quartiersmanagement", "Einrichtung", "Quartiersmanagement", None],
        ["caritas", "Caritasverband Hagen e.V.", "Verein", "Soziales", None],
        ["caritas-hagen", "Caritas Hagen", "Verein", "Soziales", None],
        ["erika", "Erika Muster", "Person", "Kultur", "0171 2345678"],
        ["e-muster", "E. Muster", "Person", "Kultur", "+49 171 2345678"],
    ],
    "Beziehungen": [
        ["von", "zu", "art", "staerke", "seit"],
        ["qm", "caritas", "Kooperation", 1, "01.01.2019"],
        ["caritas-hagen", "qm", "Kooperation", 2, "01.01.2021"],
        ["erika", "caritas-hagen", "Mitgliedschaft", 1, "01.05.2020"],
        ["e-muster", "qm", "Kooperation", 1, "01.03.2022"],
    ],
}


def run(store, *arguments, code=0):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == code, result.output
    return result.output


def test_find_merge_reingest_and_the_undo_that_comes_too_late(tmp_path, write_xlsx):
    workbook = write_xlsx("netz.xlsx", SHEETS)
    store = tmp_path / "netz.sqlite"
    run(store, "ingest", str(workbook))
    pairs = json.loads(run(store, "duplicates", "--format", "json"))["pairs"]
    assert {(p["first_id"], p["second_id"]) for p in pairs if "name" in p["reasons"]} >= {
        ("caritas", "caritas-hagen")
    }
    merged = run(store, "merge", "caritas", "caritas-hagen")
    assert "„Caritas Hagen“ ist jetzt „Caritasverband Hagen e.V.“" in merged
    assert "2 Verknüpfungen übernommen, davon 1 mit einer bestehenden zusammengefasst" in merged
    run_id = re.search(r"Lauf (\S+)\)", merged).group(1)
    assert f"{run_id}" in run(store, "status") and "(Zusammenführung)" in run(store, "status")
    again = run(store, "ingest", str(workbook))
    assert "umgeleitet: 1 Akteurzeile und 2 Verknüpfungen." in again
    rows = [line.split() for line in again.splitlines() if line.startswith(("Akteure", "Verkn"))]
    assert [row[-4:] for row in rows] == [["0", "0", "4", "0"], ["0", "0", "3", "0"]]
    late = run(store, "merge", "--undo", run_id, code=2)
    assert "nur die letzte Änderung" in late and "Traceback" not in late


def test_merging_persons_shows_pseudonyms_and_the_undo_restores_the_counts(tmp_path, write_xlsx):
    workbook = write_xlsx("netz.xlsx", SHEETS)
    store = tmp_path / "netz.sqlite"
    run(store, "ingest", str(workbook))
    before = run(store, "status")
    merged = run(store, "merge", "erika", "e-muster")
    assert "Erika" not in merged and "Muster" not in merged and "Person-" in merged
    run_id = re.search(r"Lauf (\S+)\)", merged).group(1)
    assert run(store, "status") != before
    undone = run(store, "merge", "--undo", run_id, "--lang", "en")
    assert "is an actor of its own again" in undone and "Muster" not in undone
    assert _counts(run(store, "status")) == _counts(before)


def test_a_merge_without_two_actors_is_a_one_line_error(tmp_path, write_xlsx):
    store = tmp_path / "netz.sqlite"
    run(store, "ingest", str(write_xlsx("netz.xlsx", SHEETS)))
    assert "zwei Akteure angeben" in run(store, "merge", "caritas", code=2)
    assert "nicht im Speicher" in run(store, "merge", "caritas", "nobody", code=2)


def _counts(status: str) -> list[str]:
    return [line for line in status.splitlines() if re.match(r"^(Akteure|Beziehungen)\b", line)]
