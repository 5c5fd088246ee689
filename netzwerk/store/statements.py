"""Contested ties in a store (`capabilities.TieStatements`, rule in `model.statements`):
what both stores share.

A store keeps a `Statement` per source only for ties whose sources disagree; an ingest
replaces the statements of the ties its changeset names (`Changeset.statements`) and writes
the ties another statement holds again (`Changeset.restored`), in its own transaction.
Statements of ties that are gone (withdrawn, erased, expired, merged away) are dropped
with them. A statement is kept as one row: the tie's key, its ends (for erasure), the
source, the date, the recording stamp and the tie as JSON (`rows.TieRow`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netzwerk.model.statements import Statement
from netzwerk.store.merging import stored_tie
from netzwerk.store.rows import day, tie_row

#: the columns (SQLite) / properties (Neo4j) of a kept statement
STATEMENT_FIELDS = (
    "key",
    "kind",
    "source_end",
    "target_end",
    "source",
    "stated",
    "recorded",
    "tie",
)


def statement_rows(statements: Mapping[str, Sequence[Statement]]) -> list[dict[str, Any]]:
    """The rows to keep for ``statements`` (tie key → its statements)."""
    rows = []
    for key, kept in statements.items():
        for statement in kept:
            row = tie_row(statement.tie)
            rows.append(
                {
                    "key": key,
                    "kind": statement.tie.kind,
                    "source_end": row[2],
                    "target_end": row[3],
                    "source": statement.source,
                    "stated": statement.stated.isoformat(),
                    "recorded": statement.recorded,
                    "tie": json.dumps(row, ensure_ascii=False),
                }
            )
    return rows


def statements_of(rows: Iterable[Sequence[Any]]) -> dict[str, list[Statement]]:
    """Kept rows (`STATEMENT_FIELDS` order) back as statements by tie key, each key's in
    the order they were recorded."""
    found: dict[str, list[Statement]] = defaultdict(list)
    for key, _kind, _a, _b, source, stated, recorded, tie_text in rows:
        tie = stored_tie([*json.loads(tie_text), "", []]).tie
        stated_day = day(str(stated)[:10])
        assert stated_day is not None
        found[key].append(Statement(source, tie, stated_day, recorded))
    for kept in found.values():
        kept.sort(key=lambda statement: (statement.recorded, statement.source))
    return dict(found)
