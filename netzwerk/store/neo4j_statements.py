"""The Neo4j store's contested ties (`capabilities.TieStatements`, see `store.statements`):
one ``TieStatement`` node per source's statement, written by the ingest's own transaction
(`write_statements`), dropped with the tie it is about (`drop_orphan_statements`)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any

from neo4j import ManagedTransaction, Record

from netzwerk.model import RELATIONSHIP_TYPES, graph_key
from netzwerk.model.statements import Statement
from netzwerk.store.merging import MERGE_SOURCE, UNDO_SOURCE, StoredTie, stored_tie
from netzwerk.store.neo4j_cypher import per_tie_kind, query
from netzwerk.store.neo4j_writes import TIE_PROPERTIES, assignments
from netzwerk.store.rows import iso_text
from netzwerk.store.statements import STATEMENT_FIELDS, statement_rows, statements_of

READ_STATEMENTS = "MATCH (s:TieStatement) RETURN " + ", ".join(
    f"s.{name}" for name in STATEMENT_FIELDS
)
DELETE_STATEMENTS = "UNWIND $keys AS key MATCH (s:TieStatement {key: key}) DELETE s"
CREATE_STATEMENTS = "UNWIND $rows AS row CREATE (s:TieStatement) SET s = row"
#: statements of ties no longer stored, per tie kind (index seek per statement)
DROP_ORPHANS = per_tie_kind(
    "MATCH (s:TieStatement {{kind: $kind}}) WHERE NOT EXISTS {{ MATCH ()-[r:{rel_type}]->() "
    "WHERE r.key = s.key }} DELETE s"
)
#: a stored tie with its ends, run and sources, as `stored_row` reads it
STORED_TIE_COLUMNS = (
    "r.key, r.kind, a.kind, a.id, b.kind, b.id, r.weight, r.topic, r.role, r.note, "
    "r.since, r.until, r.periods, r.last_contact, r.source_file, r.source_sheet, "
    "r.source_row, r.run_id, r.sources"
)
STORED_TIES = per_tie_kind(
    "UNWIND $keys AS key MATCH (a)-[r:{rel_type} {{key: key}}]->(b) "
    "USING INDEX SEEK r:{rel_type}(key) RETURN " + STORED_TIE_COLUMNS
)
#: a tie's content written again, its sources untouched (`Changeset.restored`)
RESTORE_TIES = per_tie_kind(
    "UNWIND $rows AS row MATCH ()-[r:{rel_type} {{key: row[2]}}]->() "
    "USING INDEX SEEK r:{rel_type}(key) SET " + assignments("r", TIE_PROPERTIES, 3)
)
OTHER_SOURCES = (
    "MATCH (r:IngestRun) WHERE NOT r.source IN $sources RETURN count(r) > 0 AS found LIMIT 1"
)


class Neo4jTieStatements:
    """`TieStatements` for `Neo4jStore`, which it is mixed into (its ``_read``)."""

    _read: Callable[..., Iterator[Record]]

    def tie_statements(self) -> dict[str, list[Statement]]:
        return statements_of(tuple(row.values()) for row in self._read(READ_STATEMENTS))

    def stored_ties(self, keys: Collection[str]) -> dict[str, StoredTie]:
        wanted = sorted(keys)
        found: dict[str, StoredTie] = {}
        for kind in RELATIONSHIP_TYPES:
            chosen = [key for key in wanted if key.startswith(kind + "|")]
            if chosen:
                for row in self._read(STORED_TIES[kind], keys=chosen):
                    found[row[0]] = stored_row(row.values())
        return found

    def stated_by_others(self, source: str) -> bool:
        (record,) = list(self._read(OTHER_SOURCES, sources=[source, MERGE_SOURCE, UNDO_SOURCE]))
        return bool(record[0])


def stored_row(values: Sequence[Any]) -> StoredTie:
    """A row of `STORED_TIE_COLUMNS` as a `StoredTie` (ends as graph keys, driver dates
    as ISO text)."""
    key, kind, a_kind, a_id, b_kind, b_id, weight, topic, role, note = values[:10]
    since, until, periods, contact, file, sheet, at_row, run_id, sources = values[10:]
    return stored_tie(
        [
            *(key, kind, graph_key(a_kind, a_id), graph_key(b_kind, b_id)),
            *(weight, topic, role, note, iso_text(since), iso_text(until), periods or ""),
            *(iso_text(contact), file, sheet, at_row, run_id, list(sources or [])),
        ]
    )


def write_statements(
    tx: ManagedTransaction,
    statements: Mapping[str, Sequence[Statement]],
    restored: Mapping[str, list[list[Any]]],
) -> None:
    """Inside the ingest's transaction, after the withdrawal: replace the statements of
    the ties ``statements`` names, write the ``restored`` ties (parameter rows of
    `neo4j_ingest.tie_parameters` by tie kind), drop statements of ties that are gone."""
    if statements:
        tx.run(query(DELETE_STATEMENTS), keys=list(statements)).consume()
        kept = statement_rows(statements)
        if kept:
            tx.run(query(CREATE_STATEMENTS), rows=kept).consume()
    for kind, rows in restored.items():
        tx.run(query(RESTORE_TIES[kind]), rows=rows).consume()
    drop_orphan_statements(tx)


def drop_orphan_statements(tx: ManagedTransaction) -> None:
    """Statements of ties no longer stored go with them (inside an open transaction)."""
    for kind in RELATIONSHIP_TYPES:
        tx.run(query(DROP_ORPHANS[kind]), kind=kind).consume()
