"""Writing one changeset into Neo4j: all of it in one transaction, or nothing.

`Ingest.run` is the transaction function `Neo4jStore.apply` hands to the driver. It writes
node batches before tie batches, withdraws what the source no longer states (see
`store.base`), and creates the ingest-log entry last, all in the same transaction: a
reader sees the old network until the commit and the new one after it; a client killed
mid-way leaves nothing (the server rolls the open transaction back when its connection
drops). The function reads only its own fields and returns fresh counts, so the driver
may run it again after a transient error or a uniqueness conflict with a concurrent
ingest; the second run then finds the keys the other ingest created and counts them as
unchanged, so each ingest's log says what it really created.

A batch (`write_batch`) first looks its keys up (one read query through the uniqueness
constraints' indexes) and sorts them into absent, changed in content, and only to refresh
(provenance moved, or this source not yet listed); then each group is written with one
``UNWIND`` query. Rows travel as lists, not maps, so no property name is sent 5000 times.
Index hints pin the lookups to the constraints' indexes: a plan cached while the database
was empty would otherwise scan every relationship of the type for every row. Ties are
created with CREATE, not MERGE: a relationship MERGE cannot take an index hint, and the
uniqueness constraint still forbids a second tie with the same key. A tie create finds its
ends by internal node id (`TieEnds`, looked up once per ingest), and a tie kind the store
held none of when the ingest began skips the key lookup for keys this ingest has not
written yet.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from neo4j import ManagedTransaction
from neo4j.exceptions import TransientError

from netzwerk.errors import StoreError
from netzwerk.model import NODE_LABELS, RELATIONSHIP_TYPES, Changeset
from netzwerk.model.statements import Statement
from netzwerk.store.base import ApplyResult
from netzwerk.store.neo4j_cypher import (
    LOCK_FOR_INGEST,
    query,
)
from netzwerk.store.neo4j_statements import write_statements
from netzwerk.store.neo4j_writes import (
    ACTOR_PROPERTIES,
    CREATE_INGEST_RUN,
    KEYED_WRITES,
    NODE_INTERNAL_IDS,
    NODE_PROPERTIES,
    NODE_WRITE_PLANS,
    SOURCE_SEEN,
    STATED_NODES,
    STATED_TIES,
    TIE_KIND_EMPTY,
    TIE_WRITE_PLANS,
    WITHDRAW_NODES,
    WITHDRAW_TIES,
    WritePlan,
    provenance_moved,
    same_way,
)
from netzwerk.store.rows import (
    NodeRow,
    TieRow,
    new_ingest_run,
    node_content_digest,
    node_rows,
    tie_content_digest,
    tie_row,
)

#: one row of query parameters: values of mixed types (text, dates, numbers, lists) that
#: only the driver reads
ParameterRow = list[Any]
Item = TypeVar("Item")

RECORD_KIND_OF_NODE = {
    "actor": "actors",
    "topic": "topics",
    "project": "projects",
    "event": "events",
    "place": "places",
}


class TransactionTooLarge(Exception):
    """The server refused the ingest's transaction for lack of memory (no retry helps)."""


def keyed_write_queries() -> list[str]:
    """Every query `Neo4jStore.apply` sends that creates a node or tie by its key (MERGE or
    CREATE): one per node label, one per tie shape. Each relies on a uniqueness constraint."""
    return list(KEYED_WRITES)


#: internal node ids by node kind and id (`NODE_INTERNAL_IDS`): where tie creates find ends
InternalIds = dict[str, dict[str, int]]


@dataclass
class TieEnds:
    """What a tie batch needs besides its rows: the ends' internal ids, and, when the store
    held no tie of the batch's kind before this ingest, the keys this ingest has created
    so far (``fresh``): any other key is absent without asking the store."""

    internal: InternalIds
    source_kind: str
    target_kind: str
    fresh: set[str] | None

    def located(self, row: ParameterRow) -> ParameterRow | None:
        """``row`` with its ends as internal ids; None when an end is not in the store
        (validation normally prevents that: the tie is not written)."""
        source = self.internal[self.source_kind].get(row[0])
        target = self.internal[self.target_kind].get(row[1])
        if source is None or target is None:
            return None
        return [source, target, *row[2:]]


def sort_keys(
    tx: ManagedTransaction,
    plan: WritePlan,
    latest: dict[str, ParameterRow],
    source: str,
    fresh: set[str] | None,
) -> tuple[list[str], list[list[Any]], list[str]]:
    """The batch's keys sorted into absent, changed (key, stored the same way, stored
    sources) and only to refresh: one read query for the keys ``fresh`` cannot settle,
    which sends only the keys and returns what is stored of those found (a new source's
    keys cost a seek each and nothing more); the comparison is made here."""
    absent: list[str] = []
    if fresh is not None:  # the kind was empty: a key not created by this ingest is absent
        absent = [key for key in latest if key not in fresh]
        fresh.update(absent)
    settled = set(absent)
    ask = [key for key in latest if key not in settled]
    if not ask:
        return absent, [], []
    found = {
        entry[0]: entry for entry in tx.run(query(plan.check), keys=ask).single(strict=True)[0]
    }
    changed: list[list[Any]] = []
    touched: list[str] = []
    for key in ask:
        entry = found.get(key)
        if entry is None:
            absent.append(key)
        elif entry[1] != latest[key][plan.digest_at]:  # a stored digest of None differs too
            changed.append([key, same_way(plan, entry, latest[key]), entry[5]])
        elif provenance_moved(plan, entry, latest[key], source):
            touched.append(key)
    return absent, changed, touched


def write_batch(
    tx: ManagedTransaction,
    plan: WritePlan,
    rows: Sequence[ParameterRow],
    source: str,
    ends: TieEnds | None = None,
) -> tuple[int, int]:
    """Write one batch of nodes, or of ties (``ends`` given); returns (created, changed in
    content)."""
    latest = {row[plan.key_at]: row for row in rows}  # one row per key, the last one wins
    absent_keys, changed, touched = sort_keys(
        tx, plan, latest, source, ends.fresh if ends else None
    )
    if not absent_keys and not changed and not touched:
        return 0, 0
    turned = (
        {key: stored for key, same_way, stored in changed if not same_way} if plan.delete else {}
    )
    if turned:
        tx.run(query(plan.delete or ""), keys=list(turned)).consume()
    absent = set(absent_keys)
    creates = [latest[key] for key in absent]
    if ends is not None:  # ties carry their initial sources as the last field
        creates = [[*row, [source]] for row in creates] + [
            [*latest[key], sorted({*(stored or []), source})] for key, stored in turned.items()
        ]
        creates = [row for row in map(ends.located, creates) if row is not None]
    updates = [latest[key] for key, _, _ in changed if key not in turned]
    written = 0
    for statement, batch in ((plan.create, creates), (plan.update, updates)):
        if batch:
            written += tx.run(query(statement), rows=batch, source=source).single(strict=True)[0]
    refreshes = [latest[key] for key in set(touched)]
    if refreshes:
        tx.run(query(plan.refresh), rows=refreshes, source=source).consume()
    # a tie whose end is not in the store is not written (validation normally prevents it)
    missing = len(absent) + len(turned) + len(updates) - written
    return max(0, len(absent) - missing), len(changed)


@dataclass
class Ingest:
    """One changeset prepared for `run`: rows grouped by node label and tie shape."""

    source: str
    run_id: str
    files: list[str]
    batch_size: int
    nodes: dict[str, list[ParameterRow]] = field(default_factory=lambda: defaultdict(list))
    ties: dict[tuple[str, str, str], list[ParameterRow]] = field(
        default_factory=lambda: defaultdict(list)
    )
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    restored: dict[str, list[ParameterRow]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(
        cls, changeset: Changeset, result: ApplyResult, files: list[str], batch_size: int
    ) -> Ingest:
        ingest = cls(result.source, result.run_id, files, batch_size)
        for _, row in node_rows(changeset):
            ingest.nodes[row[1]].append(node_parameters(row, result.run_id))
        for tie in changeset.ties:
            ingest.ties[(tie.kind, tie.source.kind, tie.target.kind)].append(
                tie_parameters(tie_row(tie), tie.source.id, tie.target.id, result.run_id)
            )
        ingest.statements = changeset.statements
        for tie in changeset.restored:
            ingest.restored[tie.kind].append(
                tie_parameters(tie_row(tie), tie.source.id, tie.target.id, result.run_id)
            )
        return ingest

    def run(self, tx: ManagedTransaction) -> ApplyResult:
        """The transaction function: everything, then the log entry; fresh counts.

        The server's transaction memory cap (``dbms.memory.transaction.total.max``, 70 % of
        the heap) ends a too large ingest with a *transient* error that the driver would
        retry for half a minute in vain: it becomes `TransactionTooLarge`, which it does not
        retry."""
        try:
            return self._run(tx)
        except TransientError as error:
            if "Memory" in (error.code or ""):
                raise TransactionTooLarge(error.code or "") from None
            raise

    def _run(self, tx: ManagedTransaction) -> ApplyResult:
        result = ApplyResult(run_id=self.run_id, source=self.source)
        first_load = tx.run(query(LOCK_FOR_INGEST)).single(strict=True)[0]
        if first_load is not None:
            raise StoreError(
                f"ein Erstladen (neo4j.sh import, begonnen {first_load}) hält die Datenbank "
                "— nach seinem Ende erneut einlesen; war es abgebrochen: "
                "bash tools/neo4j/neo4j.sh import --release"
            )
        for kind, rows in self.nodes.items():
            plan = NODE_WRITE_PLANS[kind]
            for batch in batches(rows, self.batch_size):
                count(
                    result,
                    RECORD_KIND_OF_NODE[kind],
                    len(batch),
                    *write_batch(tx, plan, batch, self.source),
                )
        internal = self._internal_ids(tx)
        fresh: dict[str, set[str] | None] = {
            kind: set() if tx.run(query(TIE_KIND_EMPTY[kind])).single(strict=True)[0] else None
            for kind in {kind for kind, _, _ in self.ties}
        }
        for (kind, source_kind, target_kind), rows in self.ties.items():
            plan = TIE_WRITE_PLANS[(kind, source_kind, target_kind)]
            ends = TieEnds(internal, source_kind, target_kind, fresh[kind])
            for batch in batches(rows, self.batch_size):
                count(result, "ties", len(batch), *write_batch(tx, plan, batch, self.source, ends))
        self._withdraw(tx, result)
        write_statements(tx, self.statements, self.restored)
        entry = new_ingest_run(
            self.run_id, self.source, self.files, result.created, result.updated, result.removed
        )
        tx.run(query(CREATE_INGEST_RUN), entry=entry).consume()
        return result

    def _internal_ids(self, tx: ManagedTransaction) -> InternalIds:
        """The internal ids of every node a tie of this ingest names, by node kind."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for (_, source_kind, target_kind), rows in self.ties.items():
            wanted[source_kind].update(row[0] for row in rows)
            wanted[target_kind].update(row[1] for row in rows)
        internal: InternalIds = defaultdict(dict)
        for kind, ids in wanted.items():
            for chunk in batches(sorted(ids), self.batch_size):
                pairs = tx.run(query(NODE_INTERNAL_IDS[kind]), ids=chunk).single(strict=True)[0]
                internal[kind].update(pairs)
        return internal

    def _withdraw(self, tx: ManagedTransaction, result: ApplyResult) -> None:
        """What the source stated before and states no longer: read the keys it states
        (one scan per label and type), compare in Python, withdraw by index lookups."""
        if not tx.run(query(SOURCE_SEEN), source=self.source).single(strict=True)[0]:
            return  # a new source states nothing yet
        keys: dict[str, set[str]] = defaultdict(set)
        for (kind, _, _), rows in self.ties.items():
            keys[kind].update(row[2] for row in rows)
        for kind in RELATIONSHIP_TYPES:
            stated = tx.run(query(STATED_TIES[kind]), source=self.source).single(strict=True)[0]
            gone = [key for key in stated if key not in keys[kind]]
            if gone:
                record = tx.run(query(WITHDRAW_TIES[kind]), source=self.source, keys=gone).single(
                    strict=True
                )
                result.removed["ties"] += record[0]
        for kind in NODE_LABELS:
            ids = {row[0] for row in self.nodes.get(kind, [])}
            stated = tx.run(query(STATED_NODES[kind]), source=self.source).single(strict=True)[0]
            withdrawn = [node_id for node_id in stated if node_id not in ids]
            if withdrawn:
                nodes, ties = (
                    tx.run(query(WITHDRAW_NODES[kind]), source=self.source, ids=withdrawn)
                    .single(strict=True)
                    .values()
                )
                result.removed[RECORD_KIND_OF_NODE[kind]] += nodes
                result.removed["ties"] += ties


def count(result: ApplyResult, kind: str, total: int, created: int, updated: int) -> None:
    result.created[kind] += created
    result.updated[kind] += updated
    result.unchanged[kind] += total - created - updated


def batches(rows: Sequence[Item], size: int) -> Iterator[Sequence[Item]]:
    """``rows`` in slices of ``size``."""
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def node_parameters(row: NodeRow, run_id: str) -> ParameterRow:
    """A node row for `NODE_WRITE_PLANS`: id, then the values of its properties in order;
    kind-specific fields are plain properties (``a.sector`` in Cypher)."""
    key, kind, node_id, name, since, until, props, file, sheet, source_row = row
    fields = json.loads(props)
    values: dict[str, Any] = {
        "kind": kind,
        "name": name,
        "since": since or None,  # ISO text: the statement makes it a date (DATE_PROPERTIES)
        "until": until or None,
        "note": fields.get("note", ""),
        "source_file": file,
        "source_sheet": sheet,
        "source_row": source_row,
        "run_id": run_id,
        "digest": node_content_digest(row),
        **fields,
    }
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    return [node_id, *(values[name] for name in properties)]


def tie_parameters(row: TieRow, source_id: str, target_id: str, run_id: str) -> ParameterRow:
    """A tie row for `TIE_WRITE_PLANS`: source id, target id, key, then `TIE_PROPERTIES`
    (``row`` holds `TIE_FIELDS`: the provenance after the periods passes through); empty
    texts (`TIE_BLANK_AS_NULL`) become null, so the tie stores no property for them; days
    stay ISO text (`DATE_PROPERTIES`)."""
    (
        key,
        kind,
        _source,
        _target,
        weight,
        topic,
        role,
        note,
        since,
        until,
        periods,
        contact,
        *rest,
    ) = row
    return [
        source_id,
        target_id,
        key,
        kind,
        weight,
        topic or None,  # TIE_BLANK_AS_NULL: no empty text is stored
        role or None,
        note or None,
        since or None,  # ISO text: the statement makes it a date (DATE_PROPERTIES)
        until or None,
        periods or None,
        contact or None,
        *rest,
        run_id,
        tie_content_digest(row),
    ]
