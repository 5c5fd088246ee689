"""The embedded store's merges (`capabilities.Merging`, rules in `store.merging`): one
transaction each, the replaced rows kept in the ``merges`` table until undone."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from netzwerk.model import graph_key
from netzwerk.store.base import new_run_id
from netzwerk.store.merging import (
    MERGE_SOURCE,
    UNDO_SOURCE,
    MergeResult,
    StoredTie,
    check_merge,
    not_undoable,
    plan_merge,
    resolved_aliases,
    snapshot_of,
    snapshot_text,
    stored_tie,
    unknown_merge,
    without_actor,
)
from netzwerk.store.rows import new_ingest_run

MERGES_TABLE = """
CREATE TABLE IF NOT EXISTS merges (
    run_id TEXT PRIMARY KEY,
    keep TEXT NOT NULL, other TEXT NOT NULL,   -- actor ids
    other_name TEXT NOT NULL,                  -- the alias later ingests land on KEEP by
    snapshot TEXT NOT NULL,                    -- JSON: the rows the merge replaced
    written TEXT NOT NULL                      -- JSON: keys of the ties it wrote
)
"""
_NODE_COLUMNS = (
    "key, kind, id, name, since, until, props, source_file, source_sheet, source_row, "
    "run_id, sources"
)
_TIE_COLUMNS = (
    "key, kind, source, target, weight, topic, role, note, since, until, periods, "
    "last_contact, source_file, source_sheet, source_row, run_id, sources"
)


class SqliteMerging:
    """`Merging` for `SqliteStore`, which it is mixed into."""

    _db: sqlite3.Connection
    _ensure_schema: Callable[[], None]
    _log_run: Callable[[dict[str, str]], None]  # `SqliteStore`
    _drop_orphan_statements: Callable[[], None]  # `SqliteTieStatements`
    _forget_census: Callable[[], None]  # `SqliteCensus`

    def aliases(self) -> list[dict[str, str]]:
        self._ensure_schema()
        self._db.execute(MERGES_TABLE)
        return resolved_aliases(
            self._db.execute("SELECT other, other_name, keep FROM merges ORDER BY run_id")
        )

    def merge_actors(self, keep: str, other: str) -> MergeResult:
        self._ensure_schema()
        self._db.execute(MERGES_TABLE)
        keys = (graph_key("actor", keep), graph_key("actor", other))
        self._db.execute("BEGIN IMMEDIATE")
        try:
            found = self._db.execute(
                "SELECT id FROM nodes WHERE kind = 'actor' AND key IN (?, ?)", keys
            )
            check_merge(keep, other, {row[0] for row in found})
            result = self._merge_into(keep, other, keys)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return result

    def _merge_into(self, keep: str, other: str, keys: tuple[str, str]) -> MergeResult:
        run_id = new_run_id()
        node = self._db.execute(
            f"SELECT {_NODE_COLUMNS} FROM nodes WHERE key = ?", (keys[1],)
        ).fetchone()
        other_ties = self._ties("source = ? OR target = ?", keys[1], keys[1])
        near = self._ties("source = ? OR target = ?", keys[0], keys[0])
        plan = plan_merge(keep, other, run_id, other_ties, {s.tie.key: s for s in near})
        self._db.executemany("DELETE FROM ties WHERE key = ?", [(k,) for k in plan.deleted])
        self._drop_orphan_statements()
        self._forget_census()
        self._insert_ties(plan.written)
        self._db.execute("DELETE FROM nodes WHERE key = ?", (keys[1],))
        node_row = [*node[:-1], json.loads(node[-1])]
        self._db.execute(
            "INSERT INTO merges VALUES (?, ?, ?, ?, ?, ?)",
            (
                run_id,
                keep,
                other,
                node[3],
                snapshot_text(node_row, plan.replaced),
                json.dumps([s.tie.key for s in plan.written]),
            ),
        )
        result = plan.result
        self._log_run(
            new_ingest_run(
                run_id,
                MERGE_SOURCE,
                updated={"ties": result.combined},
                removed={"actors": 1, "ties": result.dropped},
            )
        )
        return result

    def undo_merge(self, run_id: str) -> MergeResult:
        self._ensure_schema()
        self._db.execute(MERGES_TABLE)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            row = self._db.execute(
                "SELECT keep, other, snapshot, written FROM merges WHERE run_id = ?", (run_id,)
            ).fetchone()
            if row is None:
                raise unknown_merge(run_id)
            later = self._db.execute(
                "SELECT count(*) FROM ingest_runs WHERE started > "
                "(SELECT started FROM ingest_runs WHERE run_id = ?)",
                (run_id,),
            ).fetchone()[0]
            if later:
                raise not_undoable(run_id, later)
            keep, other, snapshot, written = row
            node, ties = snapshot_of(snapshot)
            self._db.executemany(
                "DELETE FROM ties WHERE key = ?", [(key,) for key in json.loads(written)]
            )
            self._insert_ties(ties)
            self._db.execute(
                f"INSERT INTO nodes ({_NODE_COLUMNS}) VALUES ({', '.join('?' * 12)})",
                [*node[:-1], json.dumps(node[-1], ensure_ascii=False)],
            )
            self._db.execute("DELETE FROM merges WHERE run_id = ?", (run_id,))
            self._forget_census()
            undo_id = new_run_id()
            self._log_run(new_ingest_run(undo_id, UNDO_SOURCE, updated={"actors": 1}))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return MergeResult(undo_id, keep, other, undone=True)

    def _ties(self, where: str, *parameters: str) -> list[StoredTie]:
        rows = self._db.execute(f"SELECT {_TIE_COLUMNS} FROM ties WHERE {where}", parameters)
        return [stored_tie([*row[:-1], json.loads(row[-1])]) for row in rows]

    def _insert_ties(self, ties: list[StoredTie]) -> None:
        self._db.executemany(
            f"INSERT INTO ties ({_TIE_COLUMNS}) VALUES ({', '.join('?' * 17)})",
            [
                [*row[:-1], json.dumps(row[-1], ensure_ascii=False)]
                for row in (s.row() for s in ties)
            ],
        )

    def forget_merges(self, actor_id: str) -> int:
        """Erase merge records and aliases naming ``actor_id``, and its ties from the rows
        other merges keep (inside `forget`'s transaction); returns the records erased."""
        if not self._has_merges():
            return 0
        key = graph_key("actor", actor_id)
        kept = self._db.execute("SELECT run_id, snapshot, written FROM merges").fetchall()
        for run_id, snapshot, written in kept:
            cleaned = without_actor(snapshot, json.loads(written), key)
            if cleaned is not None:
                self._db.execute(
                    "UPDATE merges SET snapshot = ?, written = ? WHERE run_id = ?",
                    (cleaned[0], json.dumps(cleaned[1]), run_id),
                )
        return self._db.execute(
            "DELETE FROM merges WHERE keep = ? OR other = ?", (actor_id, actor_id)
        ).rowcount

    def _has_merges(self) -> bool:
        return bool(
            self._db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'merges'"
            ).fetchone()[0]
        )
