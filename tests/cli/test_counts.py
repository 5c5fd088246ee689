"""`validate` and `ingest` count what the user wrote (Beziehungen, Beteiligungen) apart from
the links netzwerk derives from other columns (topics, addresses, Träger, Förderer)."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.ingest import read_files

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"
SAMPLE_CSV = REPO / "examples" / "wehringhausen" / "csv"

# four actors: a names two topics and an address, b one topic, c an address, d nothing:
# 3 links to topics (a-x, a-y, b-x) and 2 to places (a, c: two different streets)
ACTORS = (
    "id;name;typ;sektor;themen;adresse\n"
    "a;Verein A;Verein;Soziales;x; y;Lange Straße 1\n"
    "b;Verein B;Verein;Soziales;x;\n"
    "c;Verein C;Verein;Bildung;;Bachstraße 4\n"
    "d;Verein D;Verein;Bildung;;\n"
).replace("x; y", '"x; y"')


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def write_data(folder: Path, ties: list[str]) -> Path:
    folder.mkdir()
    (folder / "Akteure.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "Beziehungen.csv").write_text(
        "von;zu;art\n" + "".join(f"{row}\n" for row in ties), encoding="utf-8"
    )
    return folder


def test_validate_names_the_written_ties_and_the_derived_links_apart(tmp_path):
    folder = write_data(
        tmp_path / "daten", ["a;b;Kooperation", "b;c;Kooperation", "c;d;Kooperation"]
    )
    result = run("validate", folder)
    assert result.exit_code == 0, result.output
    assert (
        "4 Akteure, 2 Themen, 2 Orte; 3 Beziehungen, dazu 5 abgeleitete Verknüpfungen "
        "(3 zu Themen, 2 zu Orten)"
    ) in result.output
    assert "8 " not in result.output  # never the sum as if all were Beziehungen


def test_one_tie_is_one_beziehung(tmp_path):
    folder = write_data(tmp_path / "daten", ["a;b;Kooperation"])
    assert "; 1 Beziehung, dazu" in run("validate", folder).output


def test_a_tie_in_two_periods_is_one_beziehung(tmp_path):
    folder = tmp_path / "daten"
    write_data(folder, [])
    (folder / "Beziehungen.csv").write_text(
        "von;zu;art;seit;bis\na;b;Kooperation;01.01.2018;31.12.2019\na;b;Kooperation;01.01.2022;\n",
        encoding="utf-8",
    )
    assert "; 1 Beziehung, dazu" in run("validate", folder).output


def test_ingest_says_what_it_read_before_what_it_changed(tmp_path):
    folder = write_data(tmp_path / "daten", ["a;b;Kooperation", "b;c;Kooperation"])
    result = run("--store", tmp_path / "s.sqlite", "ingest", folder)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Gelesen: 4 Akteure") and "2 Beziehungen, dazu 5" in lines[0]
    assert "Verknüpfungen (alle)" in result.output


def test_sample_counts_add_up_to_every_tie_and_match_the_sheets():
    result = read_files([SAMPLE_CSV])
    with (SAMPLE_CSV / "Beteiligungen.csv").open(encoding="cp1252") as handle:
        participation_rows = sum(1 for _ in csv.DictReader(handle, delimiter=";"))
    ties = result.ties
    assert ties.total == len(result.changeset.ties)
    assert ties.participations == participation_rows
    kinds = {tie.kind for tie in result.changeset.ties}
    assert set(ties.derived) <= kinds
    assert 0 < ties.stated < len(result.changeset.ties) - participation_rows


def test_english_twin_counts(tmp_path):
    from netzwerk.present.counts import records_and_ties

    result = read_files([write_data(tmp_path / "daten", ["a;b;Kooperation"])])
    assert records_and_ties(result.changeset.counts(), result.ties, "en") == (
        "4 actors, 2 topics, 2 places; 1 tie, plus 5 derived links (3 to topics, 2 to places)"
    )
