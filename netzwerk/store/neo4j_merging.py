"""The Neo4j store's merges (`capabilities.Merging`, rules in `store.merging`): one write
transaction each; the replaced rows are kept on a ``Merge`` node until undone. Ties are
written with the ingest's own statements (`neo4j_writes.TIE_WRITE_PLANS`), so a merged tie
is stored exactly as an ingest would store it."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar

from neo4j import ManagedTransaction, Record

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
    unknown_merge,
    without_actor,
)
from netzwerk.store.neo4j_cypher import per_tie_kind
from netzwerk.store.neo4j_cypher import query as _query
from netzwerk.store.neo4j_ingest import node_parameters, tie_parameters
from netzwerk.store.neo4j_statements import (
    STORED_TIE_COLUMNS,
    drop_orphan_statements,
    stored_row,
)
from netzwerk.store.neo4j_writes import (
    CREATE_INGEST_RUN,
    NODE_INTERNAL_IDS,
    NODE_WRITE_PLANS,
    TIE_WRITE_PLANS,
)
from netzwerk.store.rows import ACTOR_FIELDS, NodeRow, iso_text, new_ingest_run

T = TypeVar("T")

MERGE_ALIASES = "MATCH (m:Merge) RETURN m.other, m.other_name, m.keep ORDER BY m.run_id"
ACTORS_FOUND = "MATCH (n:Actor) WHERE n.id IN $ids RETURN collect(n.id)"
ACTOR_PROPERTIES = "MATCH (n:Actor {id: $id}) RETURN properties(n)"
TIES_OF = (
    "MATCH (n:Actor {id: $id})-[r]-() WHERE r.key IS NOT NULL "
    "WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b RETURN " + STORED_TIE_COLUMNS
)
DELETE_TIES = per_tie_kind(
    "UNWIND $keys AS key MATCH ()-[r:{rel_type} {{key: key}}]->() "
    "USING INDEX SEEK r:{rel_type}(key) DELETE r"
)
DELETE_ACTOR = "MATCH (n:Actor {id: $id}) DETACH DELETE n"
SET_SOURCES = "MATCH (n:Actor {id: $id}) SET n.sources = $sources"
CREATE_MERGE = "CREATE (m:Merge) SET m = $merge"
MERGE_RECORD = (
    "MATCH (m:Merge {run_id: $run_id}) OPTIONAL MATCH (r:IngestRun {run_id: $run_id}) "
    "RETURN m.keep, m.other, m.snapshot, m.written, r.started"
)
LATER_RUNS = "MATCH (r:IngestRun) WHERE r.started > $started RETURN count(r)"
DELETE_MERGE = "MATCH (m:Merge {run_id: $run_id}) DELETE m"
MERGE_SNAPSHOTS = "MATCH (m:Merge) RETURN m.run_id, m.snapshot, m.written"
SET_SNAPSHOT = "MATCH (m:Merge {run_id: $run_id}) SET m.snapshot = $snapshot, m.written = $written"
FORGET_MERGES = (
    "MATCH (m:Merge) WHERE m.keep = $id OR m.other = $id "
    "WITH collect(m) AS found FOREACH (m IN found | DELETE m) RETURN size(found)"
)


class _RunsTransactions(Protocol):
    def __call__(self, work: Callable[..., T], *args: Any) -> T: ...


class Neo4jMerging:
    """`Merging` for `Neo4jStore`, which it is mixed into (its ``_read`` and ``_write``)."""

    _read: Callable[..., Iterator[Record]]
    _write: _RunsTransactions

    def aliases(self) -> list[dict[str, str]]:
        return resolved_aliases(tuple(row.values()) for row in self._read(MERGE_ALIASES))

    def merge_actors(self, keep: str, other: str) -> MergeResult:
        return self._write(_merge, keep, other)

    def undo_merge(self, run_id: str) -> MergeResult:
        return self._write(_undo, run_id)


def _merge(tx: ManagedTransaction, keep: str, other: str) -> MergeResult:
    found = tx.run(_query(ACTORS_FOUND), ids=[keep, other]).single(strict=True)[0]
    check_merge(keep, other, set(found))
    run_id = new_run_id()
    properties = tx.run(_query(ACTOR_PROPERTIES), id=other).single(strict=True)[0]
    other_ties, near = _ties_of(tx, other), _ties_of(tx, keep)
    plan = plan_merge(keep, other, run_id, other_ties, {s.tie.key: s for s in near})
    _delete_ties(tx, plan.deleted)
    drop_orphan_statements(tx)
    tx.run(_query(DELETE_ACTOR), id=other).consume()
    _create_ties(tx, plan.written)
    merge = {
        "run_id": run_id,
        "keep": keep,
        "other": other,
        "other_name": properties["name"],
        "snapshot": snapshot_text(_node_row(properties), plan.replaced),
        "written": [s.tie.key for s in plan.written],
    }
    tx.run(_query(CREATE_MERGE), merge=merge).consume()
    result = plan.result
    entry = new_ingest_run(
        run_id,
        MERGE_SOURCE,
        updated={"ties": result.combined},
        removed={"actors": 1, "ties": result.dropped},
    )
    tx.run(_query(CREATE_INGEST_RUN), entry=entry).consume()
    return result


def _undo(tx: ManagedTransaction, run_id: str) -> MergeResult:
    record = tx.run(_query(MERGE_RECORD), run_id=run_id).single()
    if record is None:
        raise unknown_merge(run_id)
    keep, other, snapshot, written, started = record.values()
    later = tx.run(_query(LATER_RUNS), started=started).single(strict=True)[0]
    if later:
        raise not_undoable(run_id, later)
    node, ties = snapshot_of(snapshot)
    _delete_ties(tx, written)
    plan = NODE_WRITE_PLANS["actor"]
    tx.run(_query(plan.create), rows=[node_parameters(tuple(node[:10]), node[10])], source="")
    tx.run(_query(SET_SOURCES), id=node[2], sources=node[11]).consume()
    _create_ties(tx, ties)
    tx.run(_query(DELETE_MERGE), run_id=run_id).consume()
    undo_id = new_run_id()
    entry = new_ingest_run(undo_id, UNDO_SOURCE, updated={"actors": 1})
    tx.run(_query(CREATE_INGEST_RUN), entry=entry).consume()
    return MergeResult(undo_id, keep, other, undone=True)


def forget_merges(tx: ManagedTransaction, actor_id: str) -> int:
    """Erase merge records and aliases naming ``actor_id``, and its ties from the rows
    other merges keep (inside `forget`'s transaction); returns the records erased."""
    for run_id, snapshot, written in [r.values() for r in tx.run(_query(MERGE_SNAPSHOTS))]:
        cleaned = without_actor(snapshot, written, graph_key("actor", actor_id))
        if cleaned is not None:
            tx.run(
                _query(SET_SNAPSHOT), run_id=run_id, snapshot=cleaned[0], written=cleaned[1]
            ).consume()
    return int(tx.run(_query(FORGET_MERGES), id=actor_id).single(strict=True)[0])


def _ties_of(tx: ManagedTransaction, actor_id: str) -> list[StoredTie]:
    return [stored_row(record.values()) for record in tx.run(_query(TIES_OF), id=actor_id)]


def _delete_ties(tx: ManagedTransaction, keys: list[str]) -> None:
    by_kind: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        by_kind[key.split("|", 1)[0]].append(key)
    for kind, kind_keys in by_kind.items():
        tx.run(_query(DELETE_TIES[kind]), keys=kind_keys).consume()


def _create_ties(tx: ManagedTransaction, ties: list[StoredTie]) -> None:
    ids: dict[str, set[str]] = defaultdict(set)
    for stored in ties:
        for end in (stored.tie.source, stored.tie.target):
            ids[end.kind].add(end.id)
    internal = {
        (kind, node_id): number
        for kind, wanted in ids.items()
        for node_id, number in tx.run(_query(NODE_INTERNAL_IDS[kind]), ids=sorted(wanted)).single(
            strict=True
        )[0]
    }
    shapes: dict[tuple[str, str, str], list[list[Any]]] = defaultdict(list)
    for stored in ties:
        tie, row = stored.tie, stored.row()
        source = internal[(tie.source.kind, tie.source.id)]
        target = internal[(tie.target.kind, tie.target.id)]
        parameters = tie_parameters(tuple(row[:15]), source, target, stored.run_id)
        shapes[(tie.kind, tie.source.kind, tie.target.kind)].append([*parameters, stored.sources])
    for (kind, source_kind, target_kind), rows in shapes.items():
        plan = TIE_WRITE_PLANS[(kind, source_kind, target_kind)]
        tx.run(_query(plan.create), rows=rows).consume()


def _node_row(properties: dict[str, Any]) -> list[Any]:
    """An actor node's properties as a node row (`rows.NodeRow`), its run and sources."""
    fields = {name: properties.get(name) for name in ACTOR_FIELDS}
    fields["topics"] = list(fields["topics"] or [])
    for name in ("address", "contact", "note"):
        fields[name] = fields[name] or ""
    row: NodeRow = (
        properties["id"],
        "actor",
        properties["id"],
        properties["name"],
        iso_text(properties.get("since")),
        iso_text(properties.get("until")),
        json.dumps(fields, ensure_ascii=False, sort_keys=True),
        properties.get("source_file"),
        properties.get("source_sheet"),
        properties.get("source_row"),
    )
    return [*row, properties.get("run_id"), list(properties.get("sources") or [])]
