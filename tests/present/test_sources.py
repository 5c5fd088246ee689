"""Data sources are listed once per file, with the day of the latest load and how often it
was loaded: in `status` and in the report's overview (not once per ingest run)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.ingest import read_files
from netzwerk.present.sources import data_sources, source_phrase
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import build_report
from netzwerk.store.sqlite import SqliteStore

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_a_file_loaded_three_times_is_one_source_with_three_loads():
    log = [
        {"started": "2026-05-01T08:00:00+00:00", "files": ["netz.xlsx"]},
        {"started": "2026-04-01T08:00:00+00:00", "files": ["Orte.csv"]},
        {"started": "2026-03-01T08:00:00+00:00", "files": ["alt/netz.xlsx"]},
        {"started": "2026-06-01T08:00:00+00:00", "files": ["netz.xlsx"]},
    ]
    sources = data_sources(log)
    assert [(s["file"], s["loads"]) for s in sources] == [("netz.xlsx", 3), ("Orte.csv", 1)]
    assert sources[0]["last"].startswith("2026-06-01")  # the latest, whatever the log order
    assert (
        source_phrase(sources[0]) == "netz.xlsx (zuletzt eingelesen am 01.06.2026, 3 Ladevorgänge)"
    )
    assert source_phrase(sources[1]) == "Orte.csv (eingelesen am 01.04.2026)"


def test_status_lists_each_file_once_with_its_loads(tmp_path):
    store = tmp_path / "s.sqlite"
    for _ in range(3):
        assert run("--store", store, "ingest", SAMPLE).exit_code == 0
    status = json.loads(run("--store", store, "status", "--format", "json").output)
    assert len(status["ingests"]) == 3  # the run log keeps every run
    assert [(s["file"], s["loads"]) for s in status["sources"]] == [("wehringhausen.xlsx", 3)]
    table = run("--store", store, "status").output
    assert table.split("Datenquellen", 1)[1].count("wehringhausen.xlsx") == 1


def test_report_overview_names_each_source_once(tmp_path):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.init()
        changeset = read_files([SAMPLE]).changeset
        for _ in range(3):
            store.apply(changeset, files=[SAMPLE.name])
        graph, log = store.graph(), store.ingest_log(limit=100)
    report = build_report(graph, ingest_log=log, pseudonymiser=Pseudonymiser(b"k"))
    (overview,) = [s for s in report.sections if s.key == "overview"]
    (sources,) = [p for p in overview.paragraphs if p.startswith("Datenquellen")]
    assert sources.count("wehringhausen.xlsx") == 1 and "3 Ladevorgänge" in sources
