"""The embedded store's personal-data operations (`capabilities.PersonalData`): access,
erasure and retention. ``secure_delete`` is on, so erased rows are overwritten, and each
deletion vacuums the file and truncates the write-ahead log afterwards."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any

from netzwerk.errors import NotFound
from netzwerk.model import graph_key
from netzwerk.store.base import renamed_source
from netzwerk.store.rows import actor_entry, actor_tie_entry, identity


class SqlitePersonalData:
    """`PersonalData` for `SqliteStore`, which it is mixed into: uses the store's
    connection ``_db`` and ``_ensure_schema``."""

    _db: sqlite3.Connection
    _ensure_schema: Callable[[], None]
    _drop_orphan_statements: Callable[[], None]  # `SqliteTieStatements`
    _forget_census: Callable[[], None]  # `SqliteCensus`
    _has_table: Callable[[str], bool]  # `SqliteStore`
    forget_merges: Callable[[str], int]  # `SqliteMerging`

    def actor_record(self, actor_id: str) -> dict[str, Any]:
        self._ensure_schema()
        row = self._db.execute(
            "SELECT key, id, name, since, until, props, source_file, source_sheet, source_row, "
            "run_id FROM nodes WHERE kind = 'actor' AND id = ?",
            (actor_id,),
        ).fetchone()
        if row is None:
            raise NotFound(
                f'Akteur "{actor_id}" ist nicht im Speicher — Id mit '
                "`netzwerk status` oder im Export prüfen"
            )
        key, node_id, name, since, until, props, *source = row
        record = actor_entry(node_id, name, since, until, json.loads(props), source)
        names = dict(self._db.execute("SELECT key, name FROM nodes"))
        ties = []
        for tie_key, kind, tie_source, target, *details in self._db.execute(
            "SELECT key, kind, source, target, weight, topic, role, note, since, until, "
            "last_contact, source_file, source_sheet, source_row, run_id FROM ties "
            "WHERE source = ? OR target = ? ORDER BY key",
            (key, key),
        ):
            outgoing = tie_source == key
            other = target if outgoing else tie_source
            ties.append(
                actor_tie_entry(tie_key, kind, outgoing, other, names.get(other, other), details)
            )
        record["ties"] = ties
        return record

    def actor_identities(self) -> list[dict[str, str]]:
        self._ensure_schema()
        return [
            identity(node_id, name, json.loads(props))
            for node_id, name, props in self._db.execute(
                "SELECT id, name, props FROM nodes WHERE kind = 'actor' ORDER BY id"
            )
        ]

    # ------------------------------------------------------------------ erasure

    def redact_ingest_files(self, replacements: dict[str, str]) -> int:
        self._ensure_schema()
        changed = 0
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for run_id, files, source in list(
                self._db.execute("SELECT run_id, files, source FROM ingest_runs")
            ):
                names = json.loads(files)
                renamed = [replacements.get(name, name) for name in names]
                if renamed != names or renamed_source(source, replacements) != source:
                    self._db.execute(
                        "UPDATE ingest_runs SET files = ?, source = ? WHERE run_id = ?",
                        (
                            json.dumps(renamed, ensure_ascii=False),
                            renamed_source(source, replacements),
                            run_id,
                        ),
                    )
                    changed += 1
            for table in ("nodes", "ties"):
                for (sources,) in list(self._db.execute(f"SELECT DISTINCT sources FROM {table}")):
                    renamed = [renamed_source(name, replacements) for name in json.loads(sources)]
                    self._db.execute(
                        f"UPDATE {table} SET sources = ? WHERE sources = ?",
                        (json.dumps(renamed, ensure_ascii=False), sources),
                    )
            if self._has_table("tie_statements"):
                for (name,) in list(self._db.execute("SELECT DISTINCT source FROM tie_statements")):
                    self._db.execute(
                        "UPDATE tie_statements SET source = ? WHERE source = ?",
                        (renamed_source(name, replacements), name),
                    )
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        if changed:
            self._compact()
        return changed

    def forget(self, actor_id: str) -> dict[str, int]:
        """Also erases merges naming the actor (their kept rows and the alias): an actor
        merged into another is no longer in the store but still in its merge record."""
        self._ensure_schema()
        key = graph_key("actor", actor_id)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            merges = self.forget_merges(actor_id)
            actors = self._db.execute("DELETE FROM nodes WHERE key = ?", (key,)).rowcount
            if not actors and not merges:
                raise NotFound(f'Akteur "{actor_id}" ist nicht im Speicher — Id prüfen')
            ties = self._db.execute(
                "DELETE FROM ties WHERE source = ? OR target = ?", (key, key)
            ).rowcount
            self._drop_orphan_statements()
            self._forget_census()
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._compact()
        return {"actors": actors, "ties": ties, **({"merges": merges} if merges else {})}

    def expired(self, before: date) -> dict[str, list[str]]:
        self._ensure_schema()
        cutoff = before.isoformat()
        actors = [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM nodes WHERE kind = 'actor' AND until IS NOT NULL AND until < ? "
                "ORDER BY id",
                (cutoff,),
            )
        ]
        ties = [
            r[0]
            for r in self._db.execute(
                "SELECT key FROM ties WHERE until IS NOT NULL AND until < ? ORDER BY key", (cutoff,)
            )
        ]
        return {"actors": actors, "ties": ties}

    def remove_expired(self, before: date) -> dict[str, int]:
        self._ensure_schema()
        cutoff = before.isoformat()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            expired_actor = (
                "SELECT key FROM nodes WHERE kind = 'actor' AND until IS NOT NULL AND until < ?"
            )
            ties = self._db.execute(
                f"DELETE FROM ties WHERE (until IS NOT NULL AND until < ?) OR source IN "
                f"({expired_actor}) OR target IN ({expired_actor})",
                (cutoff, cutoff, cutoff),
            ).rowcount
            actors = self._db.execute(
                "DELETE FROM nodes WHERE kind = 'actor' AND until IS NOT NULL AND until < ?",
                (cutoff,),
            ).rowcount
            self._drop_orphan_statements()
            self._forget_census()
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
