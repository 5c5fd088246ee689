"""The embedded store: one local SQLite file, for a single user with no server.

Tables: ``nodes`` (every actor, topic, project, event and place, keyed by kind and id),
``ties`` (keyed by `Tie.key`), ``ingest_runs`` (file names and counts only, no personal
data) and ``meta``. Each ingest is one transaction, so a crash leaves the old or the new
state, never a mix. Writes are SQLite upserts that update a row only where a column differs,
so re-applying the same records writes nothing. ``secure_delete`` is on, so erased rows are
overwritten, and `forget` vacuums the file and truncates the write-ahead log afterwards.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import networkx as nx

from netzwerk.errors import NotFound, StoreError
from netzwerk.model import Changeset, graph_key
from netzwerk.performance import gc_paused
from netzwerk.store.base import RECORD_KINDS, ApplyResult, Store
from netzwerk.store.rows import NODE_FIELDS, TIE_FIELDS, day, node_attributes, node_rows, tie_row

SCHEMA_VERSION = "1"

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
    run_id TEXT NOT NULL,          -- ingest run that last wrote this row
    UNIQUE (kind, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS ties (
    key TEXT PRIMARY KEY,          -- model.Tie.key
    kind TEXT NOT NULL,
    source TEXT NOT NULL,          -- node key
    target TEXT NOT NULL,          -- node key
    weight REAL NOT NULL,
    topic TEXT NOT NULL, role TEXT NOT NULL, note TEXT NOT NULL,
    since TEXT, until TEXT,
    source_file TEXT, source_sheet TEXT, source_row INTEGER,
    run_id TEXT NOT NULL
) WITHOUT ROWID;
-- No indexes on source/target: they would double the cost of every ingest, and the only
-- readers (forget, export-person) scan the table once, which takes milliseconds.
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    files TEXT NOT NULL,           -- JSON list of file names
    created TEXT NOT NULL,         -- JSON {kind: count}
    updated TEXT NOT NULL
);
"""

NODE_COLUMNS = (*NODE_FIELDS, "run_id")
TIE_COLUMNS = (*TIE_FIELDS, "run_id")


class SqliteStore(Store):
    """The embedded default store in one SQLite file."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.description = f"eingebetteter Speicher {self.path}"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"{self.path}: Speicher kann nicht geöffnet werden ({error}) — "
                             "Pfad und Schreibrechte prüfen") from error
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA secure_delete=ON")
            # 64 MiB page cache: large ingests insert keys in random order into three B-trees
            self._db.execute("PRAGMA cache_size=-65536")
        except sqlite3.DatabaseError as error:
            self._db.close()
            raise StoreError(f"{self.path}: keine netzwerk-Datenbank ({error}) — anderen Pfad "
                             "mit --store wählen") from error

    # ------------------------------------------------------------------ schema

    def init(self) -> None:
        try:
            self._db.executescript(SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                             (SCHEMA_VERSION,))
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: keine netzwerk-Datenbank ({error}) — "
                             "anderen Pfad mit --store wählen") from error

    def _ensure_schema(self) -> None:
        row = self._db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='nodes'"
        ).fetchone()
        if not row[0]:
            self.init()

    # ------------------------------------------------------------------ writes

    def apply(self, changeset: Changeset, *, files: list[str] | None = None) -> ApplyResult:
        self._ensure_schema()
        run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        result = ApplyResult(run_id=run_id)
        for kind in RECORD_KINDS:
            result.created[kind] = result.updated[kind] = result.unchanged[kind] = 0

        with gc_paused():
            return self._apply(changeset, files, result)

    def _apply(self, changeset: Changeset, files: list[str] | None,
               result: ApplyResult) -> ApplyResult:
        run_id = result.run_id
        nodes: dict[str, list[tuple]] = {}
        for record_kind, row in node_rows(changeset):
            nodes.setdefault(record_kind, []).append((*row, run_id))
        ties = [(*tie_row(tie), run_id) for tie in changeset.ties]
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for record_kind, rows in nodes.items():
                self._upsert("nodes", NODE_COLUMNS, rows, record_kind, result)
            self._upsert("ties", TIE_COLUMNS, ties, "ties", result)
            self._db.execute(
                "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?)",
                (run_id, datetime.now(UTC).isoformat(timespec="microseconds"),
                 json.dumps(files if files is not None else changeset.files, ensure_ascii=False),
                 json.dumps(result.created), json.dumps(result.updated)),
            )
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        return result

    def _upsert(self, table: str, columns: tuple[str, ...], rows: list[tuple],
                record_kind: str, result: ApplyResult) -> None:
        """Insert new rows and update rows where any column but run_id differs.

        SQLite compares in C; ``rowcount`` counts inserted plus updated rows, and the growth
        of the table tells how many of those were new.
        """
        rows.sort()  # in key order the primary-key B-tree grows at its end
        count = f"SELECT count(*) FROM {table}"
        before = self._db.execute(count).fetchone()[0]
        content = [c for c in columns if c not in ("key", "run_id")]
        changed_condition = " OR ".join(f"{table}.{c} IS NOT excluded.{c}" for c in content)
        assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "key")
        cursor = self._db.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
            f"({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT (key) DO UPDATE SET {assignments} WHERE {changed_condition}",
            rows,
        )
        created = self._db.execute(count).fetchone()[0] - before
        changed = max(cursor.rowcount, 0)
        result.created[record_kind] += created
        result.updated[record_kind] += changed - created
        result.unchanged[record_kind] += len(rows) - changed

    # ------------------------------------------------------------------ reads

    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        self._ensure_schema()
        validity, params = "", ()
        node_validity, node_params = "", ()
        if as_of is not None:
            day_text = as_of.isoformat()
            validity = " WHERE (since IS NULL OR since <= ?) AND (until IS NULL OR until >= ?)"
            params = (day_text, day_text)
            node_validity = (" WHERE (since IS NULL OR since <= ?) AND "
                             "(kind = 'event' OR until IS NULL OR until >= ?)")
            node_params = params
        graph = nx.MultiDiGraph()
        query = f"SELECT key, kind, id, name, since, until, props FROM nodes{node_validity}"
        for key, kind, node_id, name, since, until, props in self._db.execute(query, node_params):
            graph.add_node(key, **node_attributes(kind, node_id, name, since, until,
                                                 json.loads(props)))
        query = (
            "SELECT key, kind, source, target, weight, topic, role, note, since, until, "
            f"source_file, source_sheet, source_row, run_id FROM ties{validity}"
        )
        for row in self._db.execute(query, params):
            (key, kind, source, target, weight, topic, role, note, since, until,
             source_file, source_sheet, source_row, run_id) = row
            if source not in graph or target not in graph:
                continue
            graph.add_edge(
                source, target, key=key, kind=kind, weight=weight, topic=topic, role=role,
                note=note, since=day(since), until=day(until), source_file=source_file,
                source_sheet=source_sheet, source_row=source_row, ingest_run=run_id,
            )
        return graph

    def counts(self) -> dict[str, int]:
        self._ensure_schema()
        counts = dict.fromkeys(RECORD_KINDS, 0)
        for kind, number in self._db.execute("SELECT kind, count(*) FROM nodes GROUP BY kind"):
            counts[kind + "s"] = number
        counts["ties"] = self._db.execute("SELECT count(*) FROM ties").fetchone()[0]
        return counts

    def ingest_log(self, limit: int = 10) -> list[dict]:
        self._ensure_schema()
        rows = self._db.execute(
            "SELECT run_id, started, files, created, updated FROM ingest_runs "
            "ORDER BY started DESC, rowid DESC LIMIT ?", (limit,))
        return [
            {"run_id": run_id, "started": started, "files": json.loads(files),
             "created": json.loads(created), "updated": json.loads(updated)}
            for run_id, started, files, created, updated in rows
        ]

    def actor_record(self, actor_id: str) -> dict:
        self._ensure_schema()
        row = self._db.execute(
            "SELECT key, id, name, since, until, props, source_file, source_sheet, source_row, "
            "run_id FROM nodes WHERE kind = 'actor' AND id = ?", (actor_id,)).fetchone()
        if row is None:
            raise NotFound(f'Akteur "{actor_id}" ist nicht im Speicher — Id mit '
                           "`netzwerk status` oder im Export prüfen")
        key, node_id, name, since, until, props, file, sheet, source_row, run_id = row
        record = {"id": node_id, "name": name, "since": since, "until": until,
                  **json.loads(props),
                  "source": {"file": file, "sheet": sheet, "row": source_row, "ingest_run": run_id}}
        names = dict(self._db.execute("SELECT key, name FROM nodes"))
        ties = []
        for tie in self._db.execute(
            "SELECT key, kind, source, target, weight, topic, role, note, since, until, "
            "source_file, source_sheet, source_row, run_id FROM ties "
            "WHERE source = ? OR target = ? ORDER BY key", (key, key)):
            (tie_key, kind, source, target, weight, topic, role, note, t_since, t_until,
             t_file, t_sheet, t_row, t_run) = tie
            other = target if source == key else source
            ties.append({
                "key": tie_key, "kind": kind, "direction": "out" if source == key else "in",
                "other": other, "other_name": names.get(other, other), "weight": weight,
                "topic": topic, "role": role, "note": note, "since": t_since, "until": t_until,
                "source": {"file": t_file, "sheet": t_sheet, "row": t_row, "ingest_run": t_run},
            })
        record["ties"] = ties
        return record

    # ------------------------------------------------------------------ erasure

    def redact_ingest_files(self, replacements: dict[str, str]) -> int:
        self._ensure_schema()
        changed = 0
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for run_id, files in list(self._db.execute("SELECT run_id, files FROM ingest_runs")):
                names = json.loads(files)
                renamed = [replacements.get(name, name) for name in names]
                if renamed != names:
                    self._db.execute("UPDATE ingest_runs SET files = ? WHERE run_id = ?",
                                     (json.dumps(renamed, ensure_ascii=False), run_id))
                    changed += 1
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        if changed:
            self._compact()
        return changed

    def forget(self, actor_id: str) -> dict[str, int]:
        self._ensure_schema()
        key = graph_key("actor", actor_id)
        if not self._db.execute("SELECT 1 FROM nodes WHERE key = ?", (key,)).fetchone():
            raise NotFound(f'Akteur "{actor_id}" ist nicht im Speicher — Id prüfen')
        self._db.execute("BEGIN IMMEDIATE")
        try:
            ties = self._db.execute("DELETE FROM ties WHERE source = ? OR target = ?",
                                    (key, key)).rowcount
            self._db.execute("DELETE FROM nodes WHERE key = ?", (key,))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._compact()
        return {"actors": 1, "ties": ties}

    def expired(self, before: date) -> dict[str, list[str]]:
        self._ensure_schema()
        cutoff = before.isoformat()
        actors = [r[0] for r in self._db.execute(
            "SELECT id FROM nodes WHERE kind = 'actor' AND until IS NOT NULL AND until < ? "
            "ORDER BY id", (cutoff,))]
        ties = [r[0] for r in self._db.execute(
            "SELECT key FROM ties WHERE until IS NOT NULL AND until < ? ORDER BY key", (cutoff,))]
        return {"actors": actors, "ties": ties}

    def remove_expired(self, before: date) -> dict[str, int]:
        self._ensure_schema()
        cutoff = before.isoformat()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            expired_actor = ("SELECT key FROM nodes WHERE kind = 'actor' AND until IS NOT NULL "
                             "AND until < ?")
            ties = self._db.execute(
                f"DELETE FROM ties WHERE (until IS NOT NULL AND until < ?) OR source IN "
                f"({expired_actor}) OR target IN ({expired_actor})", (cutoff, cutoff, cutoff)
            ).rowcount
            actors = self._db.execute(
                "DELETE FROM nodes WHERE kind = 'actor' AND until IS NOT NULL AND until < ?",
                (cutoff,)).rowcount
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._compact()
        return {"actors": actors, "ties": ties}

    def _compact(self) -> None:
        """Rewrite the file without free pages and empty the write-ahead log."""
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._db.close()
