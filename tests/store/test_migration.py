"""A store written by netzwerk 0.1 (schema 1: tie keys with start dates, no sources) is
upgraded in place on first use, and a re-ingest of the same workbook then changes nothing
but what the new rules say (no duplicate ties, nothing lost)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from netzwerk.store.migration import SCHEMA_VERSION
from netzwerk.store.sqlite import SqliteStore

SCHEMA_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (key TEXT PRIMARY KEY, kind TEXT NOT NULL, id TEXT NOT NULL,
    name TEXT NOT NULL, since TEXT, until TEXT, props TEXT NOT NULL, source_file TEXT,
    source_sheet TEXT, source_row INTEGER, run_id TEXT NOT NULL, UNIQUE (kind, id))
    WITHOUT ROWID;
CREATE TABLE ties (key TEXT PRIMARY KEY, kind TEXT NOT NULL, source TEXT NOT NULL,
    target TEXT NOT NULL, weight REAL NOT NULL, topic TEXT NOT NULL, role TEXT NOT NULL,
    note TEXT NOT NULL, since TEXT, until TEXT, source_file TEXT, source_sheet TEXT,
    source_row INTEGER, run_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE ingest_runs (run_id TEXT PRIMARY KEY, started TEXT NOT NULL, files TEXT NOT NULL,
    created TEXT NOT NULL, updated TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
"""
PROPS = json.dumps(
    {
        "type": "association",
        "sector": "social",
        "topics": [],
        "address": "",
        "contact": "",
        "consent": False,
        "coordinator": False,
        "note": "",
    }
)


def schema_1_store(path) -> None:
    """Two actors, a tie stored twice under schema 1 (two periods, two keys) and one more."""
    db = sqlite3.connect(path)
    db.executescript(SCHEMA_1)
    db.execute(
        "INSERT INTO ingest_runs VALUES ('r1', '2024-01-01T00:00:00', '[\"netz.xlsx\"]', "
        "'{}', '{}')"
    )
    for node in ("a", "b", "c"):
        db.execute(
            "INSERT INTO nodes VALUES (?, 'actor', ?, ?, NULL, NULL, ?, 'netz.xlsx', "
            "'Akteure', 2, 'r1')",
            (node, node, node.upper(), PROPS),
        )
    for key, target, since, until in (
        ("cooperation|a|b||2018-01-01", "b", "2018-01-01", "2019-12-31"),
        ("cooperation|a|b||2022-01-01", "b", "2022-01-01", None),
        ("cooperation|a|c||", "c", None, None),
    ):
        db.execute(
            "INSERT INTO ties VALUES (?, 'cooperation', 'a', ?, 1.0, '', '', '', ?, ?, "
            "'netz.xlsx', 'Beziehungen', 2, 'r1')",
            (key, target, since, until),
        )
    db.commit()
    db.close()


def test_schema_1_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "alt.sqlite"
    schema_1_store(path)
    with SqliteStore(path) as store:
        assert store.counts()["ties"] == 2  # the two periods became one tie
        graph = store.graph()
        assert set(graph["a"]["b"]) == {"cooperation|a|b|"}
        assert store.graph(as_of=date(2021, 1, 1)).number_of_edges() == 1  # only a–c
        log = store.ingest_log()
        assert log[0]["source"] == "netz.xlsx" and log[0]["removed"] == {}
    db = sqlite3.connect(path)
    sources = {row[0] for row in db.execute("SELECT sources FROM ties")}
    assert sources == {'["netz.xlsx"]'}
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        SCHEMA_VERSION,
    )


@pytest.mark.neo4j
def test_neo4j_schema_1_data_is_upgraded_in_place(neo4j_uri):
    from netzwerk.store.neo4j import Neo4jStore

    with Neo4jStore(neo4j_uri) as store:
        store.init()
        store.wipe()
        store._write(
            lambda tx: tx.run(
                "CREATE (:IngestRun {run_id: 'r1', files: '[\"netz.xlsx\"]', created: '{}', "
                "updated: '{}', started: '2024'}) "
                "CREATE (a:Actor {id: 'a', kind: 'actor', name: 'A', run_id: 'r1'}) "
                "CREATE (b:Actor {id: 'b', kind: 'actor', name: 'B', run_id: 'r1'}) "
                "CREATE (a)-[:COOPERATION {key: 'cooperation|a|b||2018-01-01', kind: 'cooperation', "
                "weight: 1.0, since: date('2018-01-01'), until: date('2019-12-31'), run_id: 'r1'}]->(b) "
                "CREATE (a)-[:COOPERATION {key: 'cooperation|a|b||2022-01-01', kind: 'cooperation', "
                "weight: 1.0, since: date('2022-01-01'), run_id: 'r1'}]->(b)"
            ).consume()
        )
    with Neo4jStore(neo4j_uri) as store:
        graph = store.graph()
        assert store.counts()["ties"] == 1
        assert set(graph["a"]["b"]) == {"cooperation|a|b|"}
        assert not store.graph(as_of=date(2021, 1, 1)).has_edge("a", "b")
        assert store.ingest_log()[0]["source"] == "netz.xlsx"


def test_schema_2_store_gets_the_last_contact_column_and_keeps_its_ties(tmp_path, small_changeset):
    """A store written before ties had a last contact (schema 2: no column) is upgraded
    when opened: the column is added, every tie is still there and reads back without one."""
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.init()
        store.apply(small_changeset)
        ties_before = store.counts()["ties"]
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE ties DROP COLUMN last_contact")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with SqliteStore(path) as store:
        graph = store.graph()
        assert store.counts()["ties"] == ties_before > 0
        assert all(data["last_contact"] is None for _, _, data in graph.edges(data=True))
        assert not any(store.apply(small_changeset).as_dict()["updated"].values())
    db = sqlite3.connect(path)
    columns = [row[1] for row in db.execute("PRAGMA table_info(ties)")]
    assert "last_contact" in columns
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
        SCHEMA_VERSION,
    )
