"""Connection problems with Neo4j end in one line that says how to fix them, never a
traceback, and never show the password."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import ConfigError, StoreUnavailable
from netzwerk.store.neo4j import Neo4jStore

UNREACHABLE = "bolt://127.0.0.1:1"
WRONG_PASSWORD = "falsches-Passwort-7c1e"


def run_cli(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def assert_one_line_exit_2(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fehler: "), result.output
    return lines[0]


def test_unreachable_server_says_how_to_start_it(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "irgendein-pw")
    with Neo4jStore(UNREACHABLE) as store, pytest.raises(StoreUnavailable) as info:
        store.counts()
    message = str(info.value)
    assert "\n" not in message
    assert "nicht erreichbar" in message and "make neo4j-start" in message
    assert UNREACHABLE in message


def test_ping_of_unreachable_server_is_store_unavailable(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "irgendein-pw")
    with Neo4jStore(UNREACHABLE) as store, pytest.raises(StoreUnavailable):
        store.ping()


def test_cli_status_on_unreachable_server_prints_one_line(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "irgendein-pw")
    line = assert_one_line_exit_2(run_cli("--store", UNREACHABLE, "status"))
    assert "nicht erreichbar" in line and "neo4j-start" in line


def test_credentials_in_the_uri_are_refused_without_echoing_them(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "irgendein-pw")
    with pytest.raises(ConfigError) as info:
        Neo4jStore("bolt://neo4j:geheim-im-link@127.0.0.1:7687")
    assert "geheim-im-link" not in str(info.value)
    assert "NEO4J_PASSWORD" in str(info.value)


def test_cli_with_credentials_in_the_uri_prints_one_line_without_them(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "irgendein-pw")
    result = run_cli("--store", "bolt://neo4j:geheim-im-link@127.0.0.1:7687", "status")
    line = assert_one_line_exit_2(result)
    assert "geheim-im-link" not in result.output and "NEO4J_USERNAME" in line


def test_missing_password_says_which_variable_to_set(monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    line = assert_one_line_exit_2(run_cli("--store", UNREACHABLE, "status"))
    assert "NEO4J_PASSWORD" in line


@pytest.mark.neo4j
def test_wrong_password_is_store_unavailable_without_the_password(neo4j_uri, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", WRONG_PASSWORD)
    with Neo4jStore(neo4j_uri) as store, pytest.raises(StoreUnavailable) as info:
        store.ping()
    message = str(info.value)
    assert WRONG_PASSWORD not in message and "\n" not in message
    assert "NEO4J_PASSWORD" in message and "fehlgeschlagen" in message


@pytest.mark.neo4j
def test_cli_with_wrong_password_prints_one_line_without_it(neo4j_uri, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", WRONG_PASSWORD)
    result = run_cli("--store", neo4j_uri, "status")
    line = assert_one_line_exit_2(result)
    assert WRONG_PASSWORD not in result.output and "NEO4J_PASSWORD" in line
