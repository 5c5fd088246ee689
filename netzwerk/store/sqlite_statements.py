"""The embedded store's contested ties (`capabilities.TieStatements`, see `store.statements`):
the ``tie_statements`` table, created when first needed."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection

from netzwerk.model import Changeset
from netzwerk.model.statements import Statement
from netzwerk.store.merging import MERGE_SOURCE, UNDO_SOURCE, StoredTie, stored_tie
from netzwerk.store.rows import TIE_FIELDS, tie_row
from netzwerk.store.statements import STATEMENT_FIELDS, statement_rows, statements_of

STATEMENTS_TABLE = """
CREATE TABLE IF NOT EXISTS tie_statements (
    key TEXT NOT NULL,             -- the contested tie (model.Tie.key)
    kind TEXT NOT NULL,
    source_end TEXT NOT NULL, target_end TEXT NOT NULL,  -- node keys, for erasure
    source TEXT NOT NULL,          -- who states it
    stated TEXT NOT NULL,          -- ISO day of the statement
    recorded TEXT NOT NULL,        -- run stamp of its recording
    tie TEXT NOT NULL,             -- JSON rows.TieRow: the tie as this source states it
    PRIMARY KEY (key, source)
) WITHOUT ROWID
"""
_CHUNK = 500


class SqliteTieStatements:
    """`TieStatements` for `SqliteStore`, which it is mixed into."""

    _db: sqlite3.Connection
    _ensure_schema: Callable[[], None]
    _has_table: Callable[[str], bool]

    def tie_statements(self) -> dict[str, list[Statement]]:
        self._ensure_schema()
        if not self._has_table("tie_statements"):
            return {}
        rows = self._db.execute(f"SELECT {', '.join(STATEMENT_FIELDS)} FROM tie_statements")
        return statements_of(rows)

    def stored_ties(self, keys: Collection[str]) -> dict[str, StoredTie]:
        self._ensure_schema()
        columns = ", ".join((*TIE_FIELDS, "run_id", "sources"))
        found: dict[str, StoredTie] = {}
        ordered = sorted(keys)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            rows = self._db.execute(
                f"SELECT {columns} FROM ties WHERE key IN ({', '.join('?' * len(chunk))})", chunk
            )
            for row in rows:
                found[row[0]] = stored_tie([*row[:-1], json.loads(row[-1])])
        return found

    def stated_by_others(self, source: str) -> bool:
        self._ensure_schema()
        return (
            self._db.execute(
                "SELECT 1 FROM ingest_runs WHERE source NOT IN (?, ?, ?) LIMIT 1",
                (source, MERGE_SOURCE, UNDO_SOURCE),
            ).fetchone()
            is not None
        )

    def _write_statements(self, changeset: Changeset, run_id: str) -> None:
        """Inside `apply`'s transaction, after the withdrawal: replace the statements the
        changeset names, write the restored ties, drop statements of ties that are gone."""
        if not changeset.statements and not changeset.restored:
            self._drop_orphan_statements()
            return
        self._db.execute(STATEMENTS_TABLE)
        self._db.executemany(
            "DELETE FROM tie_statements WHERE key = ?", [(key,) for key in changeset.statements]
        )
        rows = statement_rows(changeset.statements)
        self._db.executemany(
            f"INSERT INTO tie_statements VALUES ({', '.join(':' + f for f in STATEMENT_FIELDS)})",
            rows,
        )
        assignments = ", ".join(f"{name} = ?" for name in (*TIE_FIELDS[1:], "run_id"))
        self._db.executemany(
            f"UPDATE ties SET {assignments} WHERE key = ?",
            [(*tie_row(tie)[1:], run_id, tie.key) for tie in changeset.restored],
        )
        self._drop_orphan_statements()

    def _drop_orphan_statements(self) -> None:
        """Statements of ties no longer stored go with them (inside an open transaction)."""
        if self._has_table("tie_statements"):
            self._db.execute(
                "DELETE FROM tie_statements WHERE NOT EXISTS "
                "(SELECT 1 FROM ties WHERE ties.key = tie_statements.key)"
            )
