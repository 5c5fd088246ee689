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
uniqueness constraint still forbids a second tie with the same key.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, LiteralString, cast

from neo4j import ManagedTransaction
from neo4j.exceptions import TransientError

from netzwerk.model import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    TIE_ENDPOINTS,
    UNDIRECTED_TIE_KINDS,
    Changeset,
)
from netzwerk.store.base import ApplyResult
from netzwerk.store.rows import (
    day,
    node_content_digest,
    node_rows,
    tie_content_digest,
    tie_row,
)

RECORD_KIND_OF_NODE = {"actor": "actors", "topic": "topics", "project": "projects",
                       "event": "events", "place": "places"}
NODE_PROPERTIES = ("kind", "name", "since", "until", "note", "source_file", "source_sheet",
                   "source_row", "run_id", "digest")
ACTOR_PROPERTIES = NODE_PROPERTIES + ("type", "sector", "topics", "address", "contact",
                                      "consent", "coordinator")
TIE_PROPERTIES = ("kind", "weight", "topic", "role", "note", "since", "until", "periods",
                  "source_file", "source_sheet", "source_row", "run_id", "digest")
PROVENANCE_PROPERTIES = ("source_file", "source_sheet", "source_row")
#: a list with this source added (once), for SET
ADD_SOURCE = ("CASE WHEN $source IN coalesce({var}.sources, []) THEN {var}.sources "
              "ELSE coalesce({var}.sources, []) + $source END")


class TransactionTooLarge(Exception):
    """The server refused the ingest's transaction for lack of memory (no retry helps)."""


def query(text: str) -> LiteralString:
    """The one place query text is handed to the driver (built from our vocabulary only)."""
    return cast(LiteralString, text)


@dataclass(frozen=True)
class WritePlan:
    """The queries that write one batch of one node label or one tie shape.

    ``check`` sorts the batch's keys into absent, changed (with whether the stored tie
    points the same way, and its sources) and only-to-refresh; ``create`` writes rows whose
    key is absent, ``update`` rows whose content changed, ``refresh`` provenance and
    sources; ``delete`` removes ties stored the other way round (cooperation is undirected,
    so a later file may name its ends in the other order: the tie is recreated).
    ``key_at``/``digest_at``/``provenance_at``: where a row holds them; ``source_at``:
    where a tie row holds its source id (None for nodes).
    """

    check: str
    create: str
    update: str
    refresh: str
    delete: str | None
    key_at: int
    digest_at: int
    provenance_at: int
    source_at: int | None = None


def _changed_condition(var: str) -> str:
    return (f"{var} IS NULL OR {var}.digest IS NULL OR {var}.digest <> item[1] "
            f"OR coalesce({var}.source_file, '') <> coalesce(item[2], '') "
            f"OR coalesce({var}.source_sheet, '') <> coalesce(item[3], '') "
            f"OR coalesce({var}.source_row, -1) <> coalesce(item[4], -1) "
            f"OR NOT $source IN coalesce({var}.sources, [])")


def node_write_plan(kind: str) -> WritePlan:
    label = NODE_LABELS[kind]
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    sets = ", ".join(f"n.{name} = row[{at}]" for at, name in enumerate(properties, start=1))
    refresh = ", ".join(f"n.{name} = row[{properties.index(name) + 1}]"
                        for name in PROVENANCE_PROPERTIES)
    # MERGE on a uniquely constrained label and property always plans as a locking unique
    # index seek, so it serves for both new and changed nodes
    merge = (f"UNWIND $rows AS row MERGE (n:{label} {{id: row[0]}}) SET {sets}, "
             f"n.sources = {ADD_SOURCE.format(var='n')} RETURN count(n)")
    return WritePlan(
        check=(
            f"UNWIND $items AS item OPTIONAL MATCH (n:{label} {{id: item[0]}}) "
            f"USING INDEX n:{label}(id) WITH item, n WHERE {_changed_condition('n')} "
            "RETURN collect(CASE WHEN n IS NULL THEN item[0] END), "
            "collect(CASE WHEN n IS NOT NULL AND (n.digest IS NULL OR n.digest <> item[1]) "
            "THEN [item[0], true, n.sources] END), "
            "collect(CASE WHEN n IS NOT NULL AND n.digest = item[1] THEN item[0] END)"
        ),
        create=merge, update=merge,
        refresh=(f"UNWIND $rows AS row MATCH (n:{label} {{id: row[0]}}) "
                 f"USING INDEX n:{label}(id) SET {refresh}, "
                 f"n.sources = {ADD_SOURCE.format(var='n')} RETURN count(n)"),
        delete=None, key_at=0, digest_at=properties.index("digest") + 1,
        provenance_at=properties.index("source_file") + 1,
    )


def tie_write_plan(kind: str, source_kind: str, target_kind: str) -> WritePlan:
    rel_type = RELATIONSHIP_TYPES[kind]
    source_label, target_label = NODE_LABELS[source_kind], NODE_LABELS[target_kind]
    sets = ", ".join(f"r.{name} = row[{at}]" for at, name in enumerate(TIE_PROPERTIES, start=3))
    refresh = ", ".join(f"r.{name} = row[{TIE_PROPERTIES.index(name) + 3}]"
                        for name in PROVENANCE_PROPERTIES)
    by_key = f"MATCH ()-[r:{rel_type} {{key: row[2]}}]->() USING INDEX r:{rel_type}(key)"
    return WritePlan(
        check=(
            f"UNWIND $items AS item OPTIONAL MATCH (a)-[r:{rel_type} {{key: item[0]}}]->() "
            f"USING INDEX r:{rel_type}(key) WITH item, r, a WHERE {_changed_condition('r')} "
            "RETURN collect(CASE WHEN r IS NULL THEN item[0] END), "
            "collect(CASE WHEN r IS NOT NULL AND (r.digest IS NULL OR r.digest <> item[1]) "
            f"THEN [item[0], a:{source_label} AND a.id = item[5], r.sources] END), "
            "collect(CASE WHEN r IS NOT NULL AND r.digest = item[1] THEN item[0] END)"
        ),
        create=(
            f"UNWIND $rows AS row MATCH (a:{source_label} {{id: row[0]}}) "
            f"USING INDEX a:{source_label}(id) "
            f"MATCH (b:{target_label} {{id: row[1]}}) USING INDEX b:{target_label}(id) "
            f"CREATE (a)-[r:{rel_type} {{key: row[2]}}]->(b) SET {sets}, "
            "r.sources = row[-1] RETURN count(r)"
        ),
        update=(f"UNWIND $rows AS row {by_key} SET {sets}, "
                f"r.sources = {ADD_SOURCE.format(var='r')} RETURN count(r)"),
        refresh=(f"UNWIND $rows AS row {by_key} SET {refresh}, "
                 f"r.sources = {ADD_SOURCE.format(var='r')} RETURN count(r)"),
        delete=(f"UNWIND $keys AS key MATCH ()-[r:{rel_type} {{key: key}}]->() "
                f"USING INDEX r:{rel_type}(key) DELETE r"
                if kind in UNDIRECTED_TIE_KINDS else None),
        key_at=2, digest_at=TIE_PROPERTIES.index("digest") + 3,
        provenance_at=TIE_PROPERTIES.index("source_file") + 3, source_at=0,
    )


def keyed_write_queries() -> list[str]:
    """Every query `Neo4jStore.apply` sends that creates a node or tie by its key (MERGE or
    CREATE): one per node label, one per tie shape. Each relies on a uniqueness constraint."""
    queries = [node_write_plan(kind).create for kind in NODE_LABELS]
    for kind, (sources, targets) in TIE_ENDPOINTS.items():
        queries += [tie_write_plan(kind, source, target).create
                    for source in sorted(sources) for target in sorted(targets)]
    return queries


def write_batch(tx: ManagedTransaction, plan: WritePlan, rows: Sequence[list], source: str
                ) -> tuple[int, int]:
    """Write one batch; returns (created, changed in content)."""
    at = plan.provenance_at
    items = [[row[plan.key_at], row[plan.digest_at], row[at], row[at + 1], row[at + 2]]
             + ([row[plan.source_at]] if plan.source_at is not None else []) for row in rows]
    absent_keys, changed, touched = tx.run(query(plan.check), items=items,
                                           source=source).single().values()
    if not absent_keys and not changed and not touched:
        return 0, 0
    latest = {row[plan.key_at]: row for row in rows}  # one row per key, the last one wins
    turned = ({key: stored for key, same_way, stored in changed if not same_way}
              if plan.delete else {})
    if turned:
        tx.run(query(plan.delete or ""), keys=list(turned)).consume()
    absent = set(absent_keys)
    creates = [latest[key] for key in absent]
    if plan.source_at is not None:  # ties carry their initial sources as the last field
        creates = [[*row, [source]] for row in creates] + [
            [*latest[key], sorted({*(stored or []), source})] for key, stored in turned.items()]
    updates = [latest[key] for key, _, _ in changed if key not in turned]
    written = 0
    for statement, batch in ((plan.create, creates), (plan.update, updates)):
        if batch:
            written += tx.run(query(statement), rows=batch, source=source).single()[0]
    refreshes = [latest[key] for key in set(touched)]
    if refreshes:
        tx.run(query(plan.refresh), rows=refreshes, source=source).consume()
    # a tie whose end is not in the store is not written (validation normally prevents it)
    missing = len(creates) + len(updates) - written
    return max(0, len(absent) - missing), len(changed)


STATED_TIES = ("MATCH ()-[r:{rel_type}]->() WHERE $source IN r.sources "
               "RETURN collect(r.key)")
STATED_NODES = "MATCH (n:{label}) WHERE $source IN n.sources RETURN collect(n.id)"
#: the write lock every ingest takes first and `Neo4jStore.graph` takes to read: Neo4j reads
#: committed data as it scans, so a long read during a commit could see part of it
LOCK = ("MERGE (lock:NetzwerkLock {id: 'ingest'}) "
        "SET lock.taken = coalesce(lock.taken, 0) + 1")
SOURCE_SEEN = "MATCH (r:IngestRun {source: $source}) RETURN count(r) > 0"
WITHDRAW_TIES = (
    "UNWIND $keys AS key MATCH ()-[r:{rel_type} {{key: key}}]->() USING INDEX r:{rel_type}(key) "
    "WITH r, [s IN r.sources WHERE s <> $source] AS rest "
    "FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r) "
    "FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.sources = rest) "
    "RETURN count(CASE WHEN size(rest) = 0 THEN 1 END)"
)
WITHDRAW_NODES = (
    "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) USING INDEX n:{label}(id) "
    "SET n.sources = [s IN n.sources WHERE s <> $source] "
    "WITH n WHERE size(n.sources) = 0 "
    "OPTIONAL MATCH (n)-[r]-() WHERE r.key IS NOT NULL "
    "WITH collect(DISTINCT n) AS gone, collect(DISTINCT r) AS ties "
    "FOREACH (r IN ties | DELETE r) FOREACH (n IN gone | DETACH DELETE n) "
    "RETURN size(gone), size(ties)"
)


@dataclass
class Ingest:
    """One changeset prepared for `run`: rows grouped by node label and tie shape."""

    source: str
    run_id: str
    files: list[str]
    batch_size: int
    nodes: dict[str, list[list]] = field(default_factory=lambda: defaultdict(list))
    ties: dict[tuple[str, str, str], list[list]] = field(
        default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, changeset: Changeset, result: ApplyResult, files: list[str],
           batch_size: int) -> Ingest:
        ingest = cls(result.source, result.run_id, files, batch_size)
        for _, row in node_rows(changeset):
            ingest.nodes[row[1]].append(node_parameters(row, result.run_id))
        for tie in changeset.ties:
            ingest.ties[(tie.kind, tie.source.kind, tie.target.kind)].append(
                tie_parameters(tie_row(tie), tie.source.id, tie.target.id, result.run_id))
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
        tx.run(query(LOCK)).consume()
        for kind, rows in self.nodes.items():
            plan = node_write_plan(kind)
            for batch in batches(rows, self.batch_size):
                count(result, RECORD_KIND_OF_NODE[kind], len(batch),
                      *write_batch(tx, plan, batch, self.source))
        for (kind, source_kind, target_kind), rows in self.ties.items():
            plan = tie_write_plan(kind, source_kind, target_kind)
            for batch in batches(rows, self.batch_size):
                count(result, "ties", len(batch), *write_batch(tx, plan, batch, self.source))
        self._withdraw(tx, result)
        entry = {
            "run_id": self.run_id, "started": datetime.now(UTC).isoformat(
                timespec="microseconds"),
            "files": json.dumps(self.files, ensure_ascii=False), "source": self.source,
            "created": json.dumps(result.created), "updated": json.dumps(result.updated),
            "removed": json.dumps(result.removed),
        }
        tx.run(query("CREATE (r:IngestRun) SET r = $entry"), entry=entry).consume()
        return result

    def _withdraw(self, tx: ManagedTransaction, result: ApplyResult) -> None:
        """What the source stated before and states no longer: read the keys it states
        (one scan per label and type), compare in Python, withdraw by index lookups."""
        if not tx.run(query(SOURCE_SEEN), source=self.source).single()[0]:
            return  # a new source states nothing yet
        keys: dict[str, set[str]] = defaultdict(set)
        for (kind, _, _), rows in self.ties.items():
            keys[kind].update(row[2] for row in rows)
        for kind, rel_type in RELATIONSHIP_TYPES.items():
            stated = tx.run(query(STATED_TIES.format(rel_type=rel_type)),
                            source=self.source).single()[0]
            gone = [key for key in stated if key not in keys[kind]]
            if gone:
                record = tx.run(query(WITHDRAW_TIES.format(rel_type=rel_type)),
                                source=self.source, keys=gone).single()
                result.removed["ties"] += record[0]
        for kind, label in NODE_LABELS.items():
            ids = {row[0] for row in self.nodes.get(kind, [])}
            stated = tx.run(query(STATED_NODES.format(label=label)),
                            source=self.source).single()[0]
            withdrawn = [node_id for node_id in stated if node_id not in ids]
            if withdrawn:
                nodes, ties = tx.run(query(WITHDRAW_NODES.format(label=label)),
                                     source=self.source, ids=withdrawn).single().values()
                result.removed[RECORD_KIND_OF_NODE[kind]] += nodes
                result.removed["ties"] += ties


def count(result: ApplyResult, kind: str, total: int, created: int, updated: int) -> None:
    result.created[kind] += created
    result.updated[kind] += updated
    result.unchanged[kind] += total - created - updated


def batches(rows: Sequence[list], size: int) -> Iterator[Sequence[list]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def node_parameters(row: tuple, run_id: str) -> list:
    """A node row for `node_write_plan`: id, then the values of its properties in order;
    kind-specific fields are plain properties (``a.sector`` in Cypher)."""
    key, kind, node_id, name, since, until, props, file, sheet, source_row = row
    fields = json.loads(props)
    values: dict[str, Any] = {
        "kind": kind, "name": name, "since": day(since), "until": day(until),
        "note": fields.get("note", ""), "source_file": file, "source_sheet": sheet,
        "source_row": source_row, "run_id": run_id, "digest": node_content_digest(row),
        **fields}
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    return [node_id, *(values[name] for name in properties)]


def tie_parameters(row: tuple, source_id: str, target_id: str, run_id: str) -> list:
    """A tie row for `tie_write_plan`: source id, target id, key, then `TIE_PROPERTIES`."""
    (key, kind, _source, _target, weight, topic, role, note, since, until, periods, file,
     sheet, source_row) = row
    return [source_id, target_id, key, kind, weight, topic, role, note, day(since), day(until),
            periods, file, sheet, source_row, run_id, tie_content_digest(row)]
