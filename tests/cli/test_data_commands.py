"""The data commands through click's runner, and one run of the installed console script."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.report.overview import summarise
from netzwerk.store import open_store

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"
SAMPLE_CSV = REPO / "examples" / "wehringhausen" / "csv"


def run(*args: str) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "netz.sqlite"


@pytest.fixture
def loaded(store_path) -> Path:
    result = run("--store", store_path, "ingest", SAMPLE)
    assert result.exit_code == 0, result.output
    return store_path


def test_init_creates_store_and_is_repeatable(store_path):
    assert run("--store", store_path, "init").exit_code == 0
    assert run("--store", store_path, "init").exit_code == 0
    assert store_path.exists()


def test_template_writes_workbook_with_all_sheets(tmp_path):
    target = tmp_path / "vorlage.xlsx"
    result = run("template", target)
    assert result.exit_code == 0
    names = openpyxl.load_workbook(target).sheetnames
    for sheet in (
        "Akteure",
        "Beziehungen",
        "Themen",
        "Projekte",
        "Veranstaltungen",
        "Beteiligungen",
    ):
        assert sheet in names


def test_validate_reports_counts_and_writes_nothing(store_path):
    result = run("--store", store_path, "validate", SAMPLE)
    assert result.exit_code == 0
    assert result.output.startswith("Keine Fehler: 180 Akteure, 19 Themen, 14 Projekte, ")
    assert not store_path.exists()


def test_validate_bad_file_prints_located_errors_and_exits_2(tmp_path):
    bad = tmp_path / "Beziehungen.csv"
    actors = tmp_path / "Akteure.csv"
    actors.write_bytes("id;name;typ;sektor\nqm;Quartiersmanagement;Gremium;QM\n".encode("cp1252"))
    bad.write_bytes("von;zu;art\nqm;Polizeiwache Hagen-Zentrum;Kooperation\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["validate", str(actors), str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    line = next(x for x in result.output.splitlines() if "Polizeiwache" in x)
    assert "Beziehungen.csv" in line and "Zeile 2" in line and '"zu"' in line


def test_ingest_then_reingest_creates_nothing(loaded):
    again = run("--store", loaded, "ingest", SAMPLE)
    assert again.exit_code == 0
    lines = [x.split() for x in again.output.splitlines()]
    ties = next(x for x in lines if x[:2] == ["Verknüpfungen", "(alle)"])
    assert ties[2:4] == ["0", "0"]  # neu, geändert
    status = json.loads(run("--store", loaded, "status", "--format", "json").output)
    assert status["nodes"]["Akteur"] == 180
    assert len(status["ingests"]) == 2


def test_ingest_dry_run_writes_nothing(store_path):
    result = run("--store", store_path, "ingest", "--dry-run", SAMPLE)
    assert result.exit_code == 0 and "Probelauf" in result.output
    assert not store_path.exists()


def test_ingest_csv_folder_loads_same_records_as_workbook(tmp_path):
    from_xlsx, from_csv = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run("--store", from_xlsx, "ingest", SAMPLE)
    run("--store", from_csv, "ingest", SAMPLE_CSV)
    a = json.loads(run("--store", from_xlsx, "status", "--format", "json").output)
    b = json.loads(run("--store", from_csv, "status", "--format", "json").output)
    for key in ("nodes", "actor_types", "sectors", "ties", "first_date", "last_date"):
        assert a[key] == b[key]


def test_status_table_shows_counts_and_last_ingests(loaded):
    result = run("--store", loaded, "status")
    assert result.exit_code == 0
    assert "Akteur" in result.output and "180" in result.output
    assert "Letzte Importe" in result.output and "wehringhausen.xlsx" in result.output


def test_status_counts_without_the_graph_agree_with_the_report_overview(loaded):
    """`status` counts with the store's aggregate queries (`Store.census`); the report's
    overview counts the graph. Same figures, same order."""
    status = json.loads(run("--store", loaded, "status", "--format", "json").output)
    with open_store(str(loaded)) as store:
        overview = summarise(store.graph())
    for key in ("nodes", "actor_types", "sectors", "ties"):
        assert list(status[key].items()) == list(overview[key].items())
    for key in ("persons", "persons_with_consent", "coordinators", "first_date", "last_date"):
        assert status[key] == overview[key]
    assert status["nodes"]["Akteur"] == 180


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_pseudonymises_persons(loaded, tmp_path, fmt):
    out = tmp_path / f"netz.{fmt}"
    result = run("--store", loaded, "export", "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("# Sicht: Stand ")  # what was valid today
    written = [Path(line.split(": ", 1)[1]) for line in lines[1:]]
    text = "".join(path.read_text(encoding="utf-8") for path in written)
    assert "Person-" in text
    assert "Kerstin Vogt" not in text  # a person of the sample data
    assert "Stadt Hagen" in text  # organisations keep their names
    if fmt in ("graphml", "gexf"):
        ET.fromstring(text.encode("utf-8"))  # well-formed XML


def test_export_gexf_opens_as_graph(loaded, tmp_path):
    import networkx as nx

    out = tmp_path / "netz.gexf"
    run("--store", loaded, "export", "--out", out, "--alle-zeitraeume")
    graph = nx.read_gexf(out)
    assert graph.number_of_nodes() == 180 + 19 + 14 + 32 + 19
    run("--store", loaded, "export", "--out", out)  # default: what is valid today
    assert nx.read_gexf(out).number_of_nodes() < graph.number_of_nodes()


def test_unknown_store_file_is_one_line_error(tmp_path):
    not_a_db = tmp_path / "kaputt.sqlite"
    not_a_db.write_text("no database here")
    result = CliRunner().invoke(cli, ["--store", str(not_a_db), "status"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert len([x for x in result.output.splitlines() if x.strip()]) == 1


def test_demo_loads_sample_into_fresh_store(tmp_path):
    result = run("demo", "--out", tmp_path / "demo")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "netzwerk.sqlite").exists()
    assert "Akteure" in result.output and "180" in result.output


def test_installed_console_script_runs(tmp_path):
    script = shutil.which("netzwerk", path=str(Path(REPO, ".venv", "bin")))
    assert script, "console script not installed (pip install -e .)"
    completed = subprocess.run(
        [script, "--store", str(tmp_path / "s.sqlite"), "ingest", str(SAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Beziehungen" in completed.stdout
