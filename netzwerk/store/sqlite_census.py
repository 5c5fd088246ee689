"""The embedded store's census (`Store.census`): grouped counts, kept until data changes.

Counting scans both tables (about 1 s at 100,000 actors and 750,000 ties), so the census
is kept in ``meta`` (key ``census``). An ingest counts it in its own transaction
(`_recount_census`: 0.75 s at 100,000 actors, beside 14 s of writing); every other write
that changes records drops it in its own transaction (`_forget_census`), and the next
``status`` counts again inside a write transaction, so no ingest can change the data
between the count and the keeping. A store file that cannot be written (read-only, or
busy with an ingest) is counted without keeping the result.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from netzwerk.store.census import (
    ActorGroup,
    Census,
    census_as_text,
    census_from_counts,
    census_from_text,
)
from netzwerk.store.rows import day

SQL_ACTOR_GROUPS = (
    "SELECT json_extract(props, '$.type'), json_extract(props, '$.sector'), "
    "coalesce(json_extract(props, '$.consent'), 0), "
    "coalesce(json_extract(props, '$.coordinator'), 0), count(*) "
    "FROM nodes WHERE kind = 'actor' GROUP BY 1, 2, 3, 4"
)
#: records per kind with the earliest and latest day they name (one scan of each table;
#: ISO text sorts as the days do, and min/max skip NULL)
SQL_KINDS_AND_DAYS = (
    "SELECT kind, count(*), min(since), max(since), min(until), max(until) FROM {table} "
    "GROUP BY kind"
)


class SqliteCensus:
    """`Store.census` for `SqliteStore`, which it is mixed into."""

    _db: sqlite3.Connection
    _ensure_schema: Callable[[], None]

    def census(self) -> Census:
        """`Store.census` from grouped counts (no graph), kept until the data changes."""
        self._ensure_schema()
        kept = self._db.execute("SELECT value FROM meta WHERE key = 'census'").fetchone()
        if kept is not None:
            return census_from_text(kept[0])
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # read-only or busy: count, keep nothing
            return self._counted()
        try:
            census = self._counted()
            self._db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('census', ?)", (census_as_text(census),)
            )
            self._db.execute("COMMIT")
        except sqlite3.Error:
            self._db.execute("ROLLBACK")
            return self._counted()
        return census

    def _recount_census(self) -> None:
        """Count and keep the census (inside an ingest's transaction, after its writes):
        the first ``status`` after an ingest does not wait for the count."""
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('census', ?)", (census_as_text(self._counted()),)
        )

    def _forget_census(self) -> None:
        """Drop the kept census (inside the write transaction that changes records)."""
        self._db.execute("DELETE FROM meta WHERE key = 'census'")

    def _counted(self) -> Census:
        nodes = self._db.execute(SQL_KINDS_AND_DAYS.format(table="nodes")).fetchall()
        ties = self._db.execute(SQL_KINDS_AND_DAYS.format(table="ties")).fetchall()
        actors = [
            ActorGroup(kind, sector, bool(consent), bool(coordinator), count)
            for kind, sector, consent, coordinator, count in self._db.execute(SQL_ACTOR_GROUPS)
        ]
        days = [value for row in nodes + ties for value in row[2:] if value is not None]
        first, last = (min(days), max(days)) if days else (None, None)
        return census_from_counts(
            {row[0]: row[1] for row in nodes},
            actors,
            {row[0]: row[1] for row in ties},
            day(first),
            day(last),
        )
