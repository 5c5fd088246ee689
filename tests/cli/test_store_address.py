"""Only a path or a Neo4j URI is a store: any other address with :// is refused, creating
nothing (it used to become a SQLite file in a folder named ``http:``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import ConfigError
from netzwerk.store import check_store_address, open_store

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"
NOT_STORES = [
    "http://localhost:7703",
    "foo://x",
    "HTTPS://team.example.org/db",
    "daten/http://x",
    "://nichts",
]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("address", NOT_STORES)
@pytest.mark.parametrize(
    "command", [["status"], ["init"], ["ingest", str(SAMPLE)], ["export", "--out", "netz.gexf"]]
)
def test_unknown_scheme_is_one_line_error_and_creates_nothing(
    tmp_path, monkeypatch, address, command
):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--store", address, *command])
    assert result.exit_code == 2, result.output
    assert lines(result.output) == [lines(result.output)[0]]
    assert result.output.startswith("Fehler: Speicheradresse")
    assert "ist kein Speicher" in result.output and "bolt://" in result.output
    assert list(tmp_path.iterdir()) == []


def test_unknown_scheme_from_the_environment_is_refused_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETZWERK_STORE", "http://localhost:7703")
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 2
    assert "NETZWERK_STORE" in result.output
    assert list(tmp_path.iterdir()) == []


def test_query_names_the_bad_address_rather_than_asking_for_neo4j(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        cli, ["--store", "http://localhost:7474", "query", "sector_overview"]
    )
    assert result.exit_code == 2
    assert "http:// ist kein Speicher" in result.output
    assert list(tmp_path.iterdir()) == []


def test_credentials_in_a_refused_address_are_not_printed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--store", "http://neo4j:geheim@localhost:7474", "status"])
    assert result.exit_code == 2
    assert "geheim" not in result.output and "http://…@localhost:7474" in result.output


def test_installed_command_refuses_http_address_without_traceback(tmp_path):
    script = Path(sys.executable).with_name("netzwerk")  # the venv's console script
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    environment.pop("NETZWERK_STORE", None)
    done = subprocess.run(
        [str(script), "--store", "http://localhost:7703", "status"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert lines(done.stderr) == [
        'Fehler: Speicheradresse "http://localhost:7703" (--store oder NETZWERK_STORE): '
        "http:// ist kein Speicher — Dateipfad für den eingebetteten Speicher oder bolt://, "
        "neo4j:// (auch +s, +ssc) für Neo4j angeben"
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "address",
    [
        "netz.sqlite",
        "daten/netz.sqlite",
        "bolt://h:7687",
        "bolt+s://h",
        "bolt+ssc://h",
        "neo4j://h:7687",
        "neo4j+s://h",
        "NEO4J+SSC://h",
    ],
)
def test_paths_and_neo4j_uris_are_stores(address):
    assert check_store_address(address) == address


@pytest.mark.parametrize("address", NOT_STORES)
def test_open_store_refuses_before_creating_anything(tmp_path, monkeypatch, address):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError):
        open_store(address)
    assert list(tmp_path.iterdir()) == []


def test_a_path_still_opens_the_embedded_store(tmp_path):
    with open_store(str(tmp_path / "netz.sqlite")) as store:
        store.init()
    assert (tmp_path / "netz.sqlite").is_file()
