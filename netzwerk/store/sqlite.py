"""The embedded store: one local SQLite file, for a single user with no server.

Tables: ``nodes`` (actors, topics, projects, events, places, keyed by kind and id), ``ties``
(keyed by `Tie.key`), ``ingest_runs`` (file names and counts only), ``merges``
(`sqlite_merging`), ``tie_statements`` (`sqlite_statements`) and ``meta``. Each ingest is one transaction: a crash leaves the old or
the new state. Upserts update a row only where a column differs, so re-applying the same
records writes nothing. ``secure_delete`` is on, and `forget` vacuums the file afterwards.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from netzwerk.errors import OPTION_PLACE, StoreError
from netzwerk.model import Changeset
from netzwerk.performance import gc_paused
from netzwerk.private_files import create_private_file, make_private_folder
from netzwerk.store.base import (
    RECORD_KINDS,
    ApplyResult,
    Store,
    new_run_id,
    source_of,
)
from netzwerk.store.migration import SCHEMA_VERSION, migrate_sqlite
from netzwerk.store.rows import (
    NODE_FIELDS,
    PROVENANCE,
    TIE_CONTENT,
    TIE_FIELDS,
    TIE_READ_COLUMNS,
    add_tie_edges,
    ingest_log_entry,
    new_ingest_run,
    node_attributes,
    node_rows,
    tie_row,
)
from netzwerk.store.sqlite_census import SqliteCensus
from netzwerk.store.sqlite_merging import SqliteMerging
from netzwerk.store.sqlite_personal import SqlitePersonalData
from netzwerk.store.sqlite_statements import SqliteTieStatements

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    key TEXT PRIMARY KEY,          -- model.graph_key(kind, id)
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    since TEXT, until TEXT,        -- ISO dates
    props TEXT NOT NULL,           -- JSON: kind-specific fields (actor: type, sector, ...)
    source_file TEXT, source_sheet TEXT, source_row INTEGER,
    run_id TEXT NOT NULL,          -- ingest run that last changed this row's content
    sources TEXT NOT NULL DEFAULT '[]',  -- JSON list of the sources that state this record
    UNIQUE (kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ties (
    key TEXT PRIMARY KEY,          -- model.Tie.key
    kind TEXT NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL,  -- node keys
    weight REAL NOT NULL,
    topic TEXT NOT NULL, role TEXT NOT NULL, note TEXT NOT NULL,
    since TEXT, until TEXT,
    periods TEXT NOT NULL DEFAULT '',  -- '' or JSON [[since, until], ...] (rows.periods_text)
    last_contact TEXT,             -- ISO day of the last known contact (schema 3)
    source_file TEXT, source_sheet TEXT, source_row INTEGER,
    run_id TEXT NOT NULL,
    sources TEXT NOT NULL DEFAULT '[]'
) WITHOUT ROWID;
-- No indexes on source/target: they would double the cost of every ingest, and the only
-- readers (forget, export-person) scan the table once, which takes milliseconds.
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    files TEXT NOT NULL,           -- JSON list of file names
    created TEXT NOT NULL,         -- JSON {kind: count}
    updated TEXT NOT NULL,
    removed TEXT NOT NULL DEFAULT '{}',
    source TEXT NOT NULL DEFAULT ''
);
"""

#: a node or tie row with its ingest run, as staged for a merge
StagedRow = tuple[str | float | None, ...]
NODE_COLUMNS = (*NODE_FIELDS, "run_id")
TIE_COLUMNS = (*TIE_FIELDS, "run_id")
#: what `_apply_table` compares to tell a change of content from a refreshed provenance
CONTENT_COLUMNS = {"nodes": ("name", "since", "until", "props"), "ties": TIE_CONTENT}


class SqliteStore(SqlitePersonalData, SqliteMerging, SqliteTieStatements, SqliteCensus, Store):
    """The embedded default store in one SQLite file. Capabilities
    (`netzwerk.store.capabilities`): `PersonalData`, `Merging`, `TieStatements`, `StoreFiles`.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.description = f"eingebetteter Speicher {self.path}"
        self.description_en = f"embedded store {self.path}"
        try:
            make_private_folder(self.path.parent)
            create_private_file(self.path)  # 0600 before SQLite opens it: -wal/-shm inherit it
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"{self.path}: Speicher kann nicht geöffnet werden ({error}) — "
                "Pfad und Schreibrechte prüfen"
            ) from error
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA secure_delete=ON")
            # 64 MiB page cache: large ingests insert keys in random order into three B-trees
            self._db.execute("PRAGMA cache_size=-65536")
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(
                f"{self.path}: keine netzwerk-Datenbank ({error}) — anderen Pfad "
                f"mit {OPTION_PLACE} wählen",
                option="store",
            ) from error

    # ------------------------------------------------------------------ schema

    def init(self) -> None:
        try:
            fresh = not self._db.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'nodes'"
            ).fetchone()[0]
            if not fresh:
                migrate_sqlite(self._db, SCHEMA_VERSION)
            self._db.executescript(SCHEMA)
            self._db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self._forget_census()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{self.path}: keine netzwerk-Datenbank ({error}) — "
                f"anderen Pfad mit {OPTION_PLACE} wählen",
                option="store",
            ) from error

    def _ensure_schema(self) -> None:
        row = (
            self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if self._has_table("meta")
            else None
        )
        if row is None or row[0] != SCHEMA_VERSION:
            self.init()

    def _has_table(self, name: str) -> bool:
        return bool(
            self._db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name = ?", (name,)
            ).fetchone()[0]
        )

    # ------------------------------------------------------------------ writes

    def apply(
        self, changeset: Changeset, *, files: list[str] | None = None, dry_run: bool = False
    ) -> ApplyResult:
        self._ensure_schema()
        result = ApplyResult(
            run_id=new_run_id(), source=source_of(changeset, files), dry_run=dry_run
        )
        with gc_paused():
            try:
                return self._apply(changeset, files, result)
            except sqlite3.Error as error:
                raise StoreError(
                    f"{self.path}: Schreiben fehlgeschlagen ({error}) — nichts "
                    "geändert; Daten prüfen oder Speicher neu anlegen"
                ) from error

    def _apply(
        self, changeset: Changeset, files: list[str] | None, result: ApplyResult
    ) -> ApplyResult:
        """One transaction: stage the rows, then create, update, refresh and withdraw."""
        run_id = result.run_id
        nodes: list[StagedRow] = [(*row, run_id) for _, row in node_rows(changeset)]
        ties: list[StagedRow] = [(*tie_row(tie), run_id) for tie in changeset.ties]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._stage("nodes", NODE_COLUMNS, nodes)
            self._stage("ties", TIE_COLUMNS, ties)
            self._merge("nodes", NODE_COLUMNS, result)
            self._merge("ties", TIE_COLUMNS, result)
            self._withdraw(result)
            self._write_statements(changeset, run_id)
            self._recount_census()
            stated = files if files is not None else changeset.files
            counts = (result.created, result.updated, result.removed)
            self._log_run(new_ingest_run(run_id, result.source, stated, *counts))
            self._db.execute("ROLLBACK" if result.dry_run else "COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return result

    def _log_run(self, entry: dict[str, str]) -> None:
        """Add a run (`rows.new_ingest_run`) to the ingest log, inside the open transaction."""
        self._db.execute(
            f"INSERT INTO ingest_runs ({', '.join(entry)}) VALUES "
            f"({', '.join(':' + name for name in entry)})",
            entry,
        )

    def _stage(self, table: str, columns: tuple[str, ...], rows: list[StagedRow]) -> None:
        """Put the incoming rows into a temporary table shaped like ``table``."""
        staged = f"incoming_{table}"
        self._db.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {staged} AS "
            f"SELECT {', '.join(columns)} FROM {table} WHERE 0"
        )
        self._db.execute(f"DELETE FROM {staged}")
        rows.sort()  # in key order the B-trees grow at their end
        self._db.executemany(
            f"INSERT INTO {staged} VALUES ({', '.join('?' for _ in columns)})", rows
        )
        # one row per key, the last one wins (validation normally guarantees unique keys)
        self._db.execute(
            f"DELETE FROM {staged} WHERE rowid NOT IN "
            f"(SELECT max(rowid) FROM {staged} GROUP BY key)"
        )

    def _merge(self, table: str, columns: tuple[str, ...], result: ApplyResult) -> None:
        """Create new rows, update rows whose content differs, refresh provenance and the
        source list of the rest; count per record kind. SQLite compares in C."""
        staged, source = f"incoming_{table}", result.source
        group = "kind || 's'" if table == "nodes" else "'ties'"
        content = CONTENT_COLUMNS[table]
        differs = " OR ".join(f"{table}.{c} IS NOT i.{c}" for c in content)
        stated = f"EXISTS (SELECT 1 FROM json_each({table}.sources) WHERE value = :source)"
        counts = (
            (
                result.created,
                f"SELECT {group}, count(*) FROM {staged} AS i WHERE NOT EXISTS "
                f"(SELECT 1 FROM {table} WHERE {table}.key = i.key) GROUP BY 1",
            ),
            (
                result.updated,
                f"SELECT {group.replace('kind', 'i.kind')}, count(*) FROM {staged} "
                f"AS i JOIN {table} ON {table}.key = i.key WHERE {differs} "
                "GROUP BY 1",
            ),
        )
        for target, query in counts:
            for kind, number in self._db.execute(query):
                target[kind] += number
        for kind, number in self._db.execute(f"SELECT {group}, count(*) FROM {staged} GROUP BY 1"):
            result.unchanged[kind] += number - result.created[kind] - result.updated[kind]
        names = ", ".join(columns)
        self._db.execute(
            f"INSERT INTO {table} ({names}, sources) SELECT {names}, json_array(:source) "
            f"FROM {staged} AS i WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE "
            f"{table}.key = i.key)",
            {"source": source},
        )
        assignments = ", ".join(f"{c} = i.{c}" for c in columns if c != "key")
        self._db.execute(
            f"UPDATE {table} SET {assignments} FROM {staged} AS i "
            f"WHERE {table}.key = i.key AND ({differs})"
        )
        refresh = ", ".join(f"{c} = i.{c}" for c in PROVENANCE)
        moved = " OR ".join(f"{table}.{c} IS NOT i.{c}" for c in PROVENANCE)
        self._db.execute(
            f"UPDATE {table} SET {refresh}, sources = CASE WHEN {stated} THEN {table}.sources "
            f"ELSE json_insert({table}.sources, '$[#]', :source) END FROM {staged} AS i "
            f"WHERE {table}.key = i.key AND ({moved} OR NOT {stated})",
            {"source": source},
        )

    def _withdraw(self, result: ApplyResult) -> None:
        """Records this source stated before and no longer states lose it; records no
        source states any more are removed, with the ties touching removed nodes."""
        source = {"source": result.source}
        for table, group in (("ties", "'ties'"), ("nodes", "kind || 's'")):
            self._db.execute(
                f"UPDATE {table} SET sources = (SELECT json_group_array(value) FROM "
                f"json_each({table}.sources) WHERE value <> :source) WHERE EXISTS (SELECT 1 "
                f"FROM json_each({table}.sources) WHERE value = :source) AND key NOT IN "
                f"(SELECT key FROM incoming_{table})",
                source,
            )
            for kind, number in self._db.execute(
                f"SELECT {group}, count(*) FROM {table} WHERE sources = '[]' GROUP BY 1"
            ):
                result.removed[kind] += number
            self._db.execute(f"DELETE FROM {table} WHERE sources = '[]'")
        if not any(number for kind, number in result.removed.items() if kind != "ties"):
            return
        result.removed["ties"] += self._db.execute(
            "DELETE FROM ties WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE nodes.key = "
            "ties.source) OR NOT EXISTS (SELECT 1 FROM nodes WHERE nodes.key = ties.target)"
        ).rowcount

    # ------------------------------------------------------------------ reads

    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        self._ensure_schema()
        validity = node_validity = ""
        params: tuple[str, ...] = ()
        node_params: tuple[str, ...] = ()
        if as_of is not None:
            day_text = as_of.isoformat()
            validity = " WHERE (since IS NULL OR since <= ?) AND (until IS NULL OR until >= ?)"
            params = (day_text, day_text)
            node_validity = (
                " WHERE (since IS NULL OR since <= ?) AND "
                "(kind = 'event' OR until IS NULL OR until >= ?)"
            )
            node_params = params
        graph = nx.MultiDiGraph()
        query = f"SELECT key, kind, id, name, since, until, props FROM nodes{node_validity}"
        with gc_paused():  # millions of small objects and no cycles (see `gc_paused`)
            rows = self._db.execute(query, node_params)
            for key, kind, node_id, name, since, until, props in rows:
                graph.add_node(
                    key, **node_attributes(kind, node_id, name, since, until, json.loads(props))
                )
            columns = ", ".join(("source", "target", *TIE_READ_COLUMNS))
            add_tie_edges(
                graph, self._db.execute(f"SELECT {columns} FROM ties{validity}", params), as_of
            )
        return graph

    def counts(self) -> dict[str, int]:
        self._ensure_schema()
        counts = dict.fromkeys(RECORD_KINDS, 0)
        for kind, number in self._db.execute("SELECT kind, count(*) FROM nodes GROUP BY kind"):
            counts[kind + "s"] = number
        counts["ties"] = self._db.execute("SELECT count(*) FROM ties").fetchone()[0]
        return counts

    def holds_actors(self) -> bool:
        """True if an actor is stored; reads only (a file without tables is empty, and
        stays as it is)."""
        return self._has_table("nodes") and (
            self._db.execute("SELECT 1 FROM nodes WHERE kind = 'actor' LIMIT 1").fetchone()
            is not None
        )

    def ingest_log(self, limit: int = 10) -> list[dict[str, Any]]:
        self._ensure_schema()
        rows = self._db.execute(
            "SELECT run_id, started, files, created, updated, removed, source FROM ingest_runs "
            "ORDER BY started DESC, rowid DESC LIMIT ?",
            (limit,),
        )
        return [ingest_log_entry(*row) for row in rows]

    def store_files(self) -> list[Path]:
        """The database file and its write-ahead log and shared-memory files."""
        return [self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")]

    def close(self) -> None:
        self._db.close()
