"""Bringing a store written by an older netzwerk up to the current layout.

Schema 1 (netzwerk 0.1) keyed a tie by kind, ends, topic *and start date*, and did not
record which source stated a record. Schema 2 keys a tie without its dates (a corrected date
corrects the tie) and keeps each record's sources. `rekeyed_ties` is the one rule both
stores follow: the old key minus its last ``|start`` part (an ISO date or empty, never
containing ``|``); rows that now share a key are periods of one tie. A record's source is
the file list of the ingest run that last wrote it, as `Store.apply` names sources now.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from neo4j import ManagedTransaction

from netzwerk.model import NODE_LABELS, RELATIONSHIP_TYPES
from netzwerk.store.neo4j_cypher import (
    per_node_kind,
    per_tie_kind,
    query,
)
from netzwerk.store.rows import day, parse_periods, periods_text

#: the layout this netzwerk writes (both stores); schema 3 adds a tie's ``last_contact``
#: (a new column in SQLite; Neo4j stores no property for a tie without one)
SCHEMA_VERSION = "3"

# The Cypher statements of the Neo4j upgrade, per node kind / tie kind
MIGRATION_INGEST_RUN_FILES = "MATCH (r:IngestRun) RETURN r.run_id, r.files"
MIGRATION_INGEST_RUN_SOURCE = (
    "MATCH (r:IngestRun) WHERE r.source IS NULL SET r.source = $runs[r.run_id]"
)
MIGRATION_NODE_SOURCES = per_node_kind(
    "MATCH (n:{label}) WHERE n.sources IS NULL "
    "SET n.sources = [coalesce($runs[n.run_id], n.source_file, '')]"
)
MIGRATION_OLD_TIES = per_tie_kind(
    "MATCH ()-[r:{rel_type}]->() WHERE r.sources IS NULL "
    "RETURN elementId(r), r.key, toString(r.since), toString(r.until), r.run_id, "
    "r.source_file ORDER BY r.since"
)
MIGRATION_DELETE_TIES = per_tie_kind(
    "UNWIND $ids AS id MATCH ()-[r:{rel_type}]->() WHERE elementId(r) = id DELETE r"
)
MIGRATION_REKEY_TIES = per_tie_kind(
    "UNWIND $rows AS row MATCH ()-[r:{rel_type}]->() "
    "WHERE elementId(r) = row[0] SET r.key = row[1], r.since = date(row[2]), "
    "r.until = date(row[3]), r.periods = row[4], r.sources = row[5]"
)
MIGRATION_SCHEMA_VERSION = "MERGE (s:NetzwerkSchema {id: 'schema'}) SET s.version = $version"


def old_key_to_new(key: str) -> str:
    """The schema-2 key of a schema-1 tie key.

    >>> old_key_to_new("cooperation|a|b||2019-01-01")
    'cooperation|a|b|'
    """
    return key.rsplit("|", 1)[0]


def source_of_files(files_json: str) -> str:
    """The source name of an ingest run from its JSON file list (see `Store.apply`)."""
    return " + ".join(json.loads(files_json))


def merged_periods(rows: Iterable[tuple[str | None, str | None, str]]) -> str:
    """The periods text of ties that became one: ``(since, until, periods)`` per old row."""
    periods = []
    for since, until, stored in rows:
        periods.extend(parse_periods(stored) or [(day(since), day(until))])
    unique = sorted(set(periods), key=lambda period: period[0] or date.min)
    return periods_text(tuple(unique)) if len(unique) > 1 else ""


def migrate_sqlite(db: sqlite3.Connection, target_version: str) -> None:
    """Upgrade an embedded store in place, in one transaction (schema 1 -> 2 -> 3)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or row[0] == target_version:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if row[0] == "1":
            _sqlite_1_to_2(db)
        db.execute("ALTER TABLE ties ADD COLUMN last_contact TEXT")  # 2 -> 3
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (target_version,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _sqlite_1_to_2(db: sqlite3.Connection) -> None:
    """Ties keyed without their dates, every record's sources (see the module docstring)."""
    for table, column, default in (
        ("nodes", "sources", "'[]'"),
        ("ties", "periods", "''"),
        ("ties", "sources", "'[]'"),
        ("ingest_runs", "removed", "'{}'"),
        ("ingest_runs", "source", "''"),
    ):
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT {default}")
    runs = dict(db.execute("SELECT run_id, files FROM ingest_runs"))
    for run_id, files in runs.items():
        source = source_of_files(files)
        db.execute("UPDATE ingest_runs SET source = ? WHERE run_id = ?", (source, run_id))
        for table in ("nodes", "ties"):
            db.execute(
                f"UPDATE {table} SET sources = json_array(?) WHERE run_id = ?", (source, run_id)
            )
    for table in ("nodes", "ties"):
        db.execute(
            f"UPDATE {table} SET sources = json_array(coalesce(source_file, '')) "
            "WHERE sources = '[]'"
        )
    _rekey_sqlite_ties(db)


def _rekey_sqlite_ties(db: sqlite3.Connection) -> None:
    columns = [row[1] for row in db.execute("PRAGMA table_info(ties)")]
    at = {name: position for position, name in enumerate(columns)}
    # a row of whatever columns the old table has, by position (see ``at``)
    groups: dict[str, list[list[Any]]] = defaultdict(list)
    for row in db.execute("SELECT * FROM ties ORDER BY since"):
        groups[old_key_to_new(row[at["key"]])].append(list(row))
    db.execute("DELETE FROM ties")
    merged = []
    for key, rows in groups.items():
        latest = rows[-1]
        latest[at["key"]] = key
        if len(rows) > 1:
            latest[at["periods"]] = merged_periods(
                (r[at["since"]], r[at["until"]], r[at["periods"]]) for r in rows
            )
            latest[at["since"]] = min(r[at["since"]] or "" for r in rows) or None
            ends = [r[at["until"]] for r in rows]
            latest[at["until"]] = None if None in ends else max(ends)
        merged.append(latest)
    db.executemany(
        f"INSERT INTO ties ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        merged,
    )


def migrate_neo4j(tx: ManagedTransaction, target_version: str) -> None:
    """Upgrade a Neo4j database in one transaction (schema 1 -> 2) and mark its version in
    a ``NetzwerkSchema`` node. A database without that node and without data just gets it."""
    runs = {
        run_id: source_of_files(files)
        for run_id, files in tx.run(query(MIGRATION_INGEST_RUN_FILES))
    }
    tx.run(query(MIGRATION_INGEST_RUN_SOURCE), runs=runs).consume()
    for kind in NODE_LABELS:
        tx.run(query(MIGRATION_NODE_SOURCES[kind]), runs=runs).consume()
    for kind in RELATIONSHIP_TYPES:
        _rekey_neo4j_ties(tx, kind, runs)
    tx.run(query(MIGRATION_SCHEMA_VERSION), version=target_version).consume()


def _rekey_neo4j_ties(tx: ManagedTransaction, kind: str, runs: dict[str, str]) -> None:
    #: element id, since, until (ISO text) and source of each old tie, per new key
    groups: dict[str, list[tuple[str, str | None, str | None, str]]] = defaultdict(list)
    for element, key, since, until, run_id, file in tx.run(query(MIGRATION_OLD_TIES[kind])):
        groups[old_key_to_new(key)].append((element, since, until, runs.get(run_id, file or "")))
    updates: list[list[object]] = []
    removals: list[str] = []
    for key, rows in groups.items():
        element, _, _, source = rows[-1]
        since = min(row[1] or "" for row in rows) or None
        ends = [row[2] for row in rows]
        closed = [end for end in ends if end is not None]
        until = (
            rows[0][2] if len(rows) == 1 else (max(closed) if len(closed) == len(ends) else None)
        )
        periods = merged_periods((row[1], row[2], "") for row in rows) if len(rows) > 1 else ""
        updates.append([element, key, since, until, periods, sorted({row[3] for row in rows})])
        removals.extend(row[0] for row in rows[:-1])
    tx.run(query(MIGRATION_DELETE_TIES[kind]), ids=removals).consume()
    tx.run(query(MIGRATION_REKEY_TIES[kind]), rows=updates).consume()
