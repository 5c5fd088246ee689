"""Every Cypher statement the Neo4j store sends, each built once, at import.

Labels and relationship types come only from the vocabulary (`model.NODE_LABELS`,
`model.RELATIONSHIP_TYPES`), never from user text; statements that differ per label or
type are dicts keyed by node kind, tie kind or tie shape. Every value travels as a query
parameter. Nothing here talks to the driver, but `query` is the one place any text becomes
a statement the driver takes (it types them `LiteralString`): these constants and the named
query files (`store.queries`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import LiteralString, cast

from netzwerk.model import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    TIE_ENDPOINTS,
    UNDIRECTED_TIE_KINDS,
)
from netzwerk.store.rows import PROVENANCE, TIE_DETAILS


def query(text: str) -> LiteralString:
    """The one place statement text is handed to the driver, which types it
    `LiteralString`: every statement is a constant of this module, built from our
    vocabulary only, or a named query file (`store.queries`); values travel as parameters."""
    # mypy treats LiteralString as str (PEP 675 is not implemented there); checkers that
    # do implement it, as the driver's types ask, need the cast
    return cast(LiteralString, text)  # type: ignore[redundant-cast]


def per_node_kind(template: str) -> dict[str, str]:
    """One statement per node kind: ``template`` with ``{label}`` filled in (`str.format`,
    so Cypher's own braces are doubled: ``{{id: $id}}``).

    >>> per_node_kind("MATCH (n:{label}) RETURN count(n)")["actor"]
    'MATCH (n:Actor) RETURN count(n)'
    """
    return {kind: template.format(label=label) for kind, label in NODE_LABELS.items()}


def per_tie_kind(template: str) -> dict[str, str]:
    """One statement per tie kind: ``template`` with ``{rel_type}`` filled in (`str.format`).

    >>> per_tie_kind("MATCH ()-[r:{rel_type}]->() RETURN count(r)")["works_on"]
    'MATCH ()-[r:WORKS_ON]->() RETURN count(r)'
    """
    return {
        kind: template.format(rel_type=rel_type) for kind, rel_type in RELATIONSHIP_TYPES.items()
    }


# ---------------------------------------------------------------------- schema

#: names of the uniqueness constraints `SCHEMA_STATEMENTS` create (one per label and type)
CONSTRAINT_NAMES = (
    [f"{kind}_id" for kind in NODE_LABELS]
    + [f"{kind}_key" for kind in RELATIONSHIP_TYPES]
    + ["ingest_run_id", "netzwerk_lock_id"]
)
SCHEMA_STATEMENTS = (
    [
        f"CREATE CONSTRAINT {kind}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for kind, label in NODE_LABELS.items()
    ]
    + [
        f"CREATE CONSTRAINT {kind}_key IF NOT EXISTS FOR ()-[r:{rel_type}]-() "
        "REQUIRE r.key IS UNIQUE"
        for kind, rel_type in RELATIONSHIP_TYPES.items()
    ]
    + [
        "CREATE CONSTRAINT ingest_run_id IF NOT EXISTS "
        "FOR (r:IngestRun) REQUIRE r.run_id IS UNIQUE",
        "CREATE CONSTRAINT netzwerk_lock_id IF NOT EXISTS "
        "FOR (l:NetzwerkLock) REQUIRE l.id IS UNIQUE",
    ]
    + [
        f"CREATE INDEX {kind}_until IF NOT EXISTS FOR (n:{label}) ON (n.until)"
        for kind, label in NODE_LABELS.items()
    ]
)
SHOW_CONSTRAINTS = "SHOW CONSTRAINTS YIELD name"
SCHEMA_VERSION_STORED = "MATCH (s:NetzwerkSchema) RETURN s.version"
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

# ---------------------------------------------------------------------- reads

#: every tie type, for patterns that match any tie netzwerk writes
ANY_TIE_TYPE = "|".join(RELATIONSHIP_TYPES.values())
COUNT_NODES = per_node_kind("MATCH (n:{label}) RETURN count(n)")
COUNT_TIES = f"MATCH ()-[r:{ANY_TIE_TYPE}]->() RETURN count(r)"
#: actors grouped by type, sector, consent and coordinator flag (`Neo4jStore.census`)
CENSUS_ACTORS = (
    "MATCH (a:Actor) RETURN a.type, a.sector, coalesce(a.consent, false), "
    "coalesce(a.coordinator, false), count(*)"
)
CENSUS_TIES = f"MATCH ()-[r:{ANY_TIE_TYPE}]->() WHERE r.key IS NOT NULL RETURN r.kind, count(*)"
INGEST_LOG = (
    "MATCH (r:IngestRun) RETURN r.run_id, r.started, r.files, r.created, r.updated, "
    "coalesce(r.removed, '{}'), coalesce(r.source, '') "
    "ORDER BY r.started DESC, r.run_id DESC LIMIT $limit"
)
PERSONS = "MATCH (a:Actor {type: 'person'}) RETURN a.id, a.name, a.consent"

#: the write lock every ingest takes first and `Neo4jStore.graph` takes to read: Neo4j reads
#: committed data as it scans, so a long read during a commit could see part of it
LOCK = "MERGE (lock:NetzwerkLock {id: 'ingest'}) SET lock.taken = coalesce(lock.taken, 0) + 1"

_ANY_NODE_LABEL = " OR ".join(f"n:{label}" for label in NODE_LABELS.values())
#: the earliest and latest day any node or tie names
CENSUS_DAYS = (
    f"CALL () {{ MATCH (n) WHERE {_ANY_NODE_LABEL} UNWIND [n.since, n.until] AS day "
    "RETURN day UNION ALL "
    f"MATCH ()-[r:{ANY_TIE_TYPE}]->() UNWIND [r.since, r.until] AS day RETURN day }} "
    "RETURN toString(min(day)), toString(max(day))"
)
_IN_CHUNKS = (
    "WITH collect(n) AS nodes "
    "UNWIND range(0, size(nodes) - 1, $chunk) AS start "
    "CALL (nodes, start) { UNWIND nodes[start..start + $chunk] AS n "
)
#: a tie's topic, role and note: ties store no empty text (`TIE_BLANK_AS_NULL`), so a
#: missing one reads as ''
_TIE_TEXTS = "coalesce(r.topic, ''), coalesce(r.role, ''), coalesce(r.note, '')"
_NODE_VALID = (
    "AND (n.since IS NULL OR n.since <= $day) AND (n:Event OR n.until IS NULL OR n.until >= $day)"
)
_TIE_VALID = "AND (r.since IS NULL OR r.since <= $day) AND (r.until IS NULL OR r.until >= $day)"


def _graph_nodes(validity: str) -> str:
    return (
        f"MATCH (n) WHERE ({_ANY_NODE_LABEL}) {validity} {_IN_CHUNKS}"
        "RETURN collect([n.kind, n.id, n.name, toString(n.since), toString(n.until), "
        "n.note, n.type, n.sector, n.topics, n.address, n.consent, n.coordinator]) AS rows "
        "} RETURN rows"
    )


def _graph_ties(validity: str) -> str:
    return (
        f"MATCH (n) WHERE ({_ANY_NODE_LABEL}) {_IN_CHUNKS}"
        f"MATCH (n)-[r:{ANY_TIE_TYPE}]->(b) WHERE r.key IS NOT NULL {validity} "
        "RETURN collect([n.kind, n.id, b.kind, b.id, r.key, r.kind, r.weight, "
        f"{_TIE_TEXTS}, toString(r.since), toString(r.until), r.periods, r.source_file, "
        "r.source_sheet, r.source_row, r.run_id]) AS ties } RETURN ties"
    )


#: the graph's nodes in chunks of ``$chunk``: all of them, or those valid on ``$day``
GRAPH_NODES = _graph_nodes("")
GRAPH_NODES_ON_DAY = _graph_nodes(_NODE_VALID)
#: the outgoing ties of those chunks of nodes: all, or those valid on ``$day``
GRAPH_TIES = _graph_ties("")
GRAPH_TIES_ON_DAY = _graph_ties(_TIE_VALID)

# ---------------------------------------------------------------------- personal data

ACTOR = (
    "MATCH (n:Actor {id: $id}) RETURN n.id, n.name, n.since, n.until, properties(n), "
    "n.source_file, n.source_sheet, n.source_row, n.run_id"
)
ACTOR_TIES = (
    "MATCH (n:Actor {id: $id})-[r]-(other) WHERE r.key IS NOT NULL "
    "RETURN r.key, r.kind, startNode(r) = n, other.kind, other.id, other.name, "
    f"r.weight, {_TIE_TEXTS}, r.since, r.until, r.source_file, "
    "r.source_sheet, r.source_row, r.run_id ORDER BY r.key"
)
INGEST_RUN_FILES = "MATCH (r:IngestRun) RETURN r.run_id, r.files, coalesce(r.source, '')"
RENAME_INGEST_RUN_FILES = (
    "MATCH (r:IngestRun {run_id: $run_id}) SET r.files = $files, r.source = $source"
)
ALL_SOURCES = (
    "MATCH (n) WHERE n.sources IS NOT NULL UNWIND n.sources AS s RETURN DISTINCT s "
    "UNION MATCH ()-[r]->() WHERE r.sources IS NOT NULL UNWIND r.sources AS s "
    "RETURN DISTINCT s"
)
RENAME_NODE_SOURCES = (
    "MATCH (n) WHERE any(s IN n.sources WHERE s IN keys($mapping)) "
    "SET n.sources = [s IN n.sources | coalesce($mapping[s], s)]"
)
RENAME_TIE_SOURCES = (
    "MATCH ()-[r]->() WHERE any(s IN r.sources WHERE s IN keys($mapping)) "
    "SET r.sources = [s IN r.sources | coalesce($mapping[s], s)]"
)
FORGET_ACTOR = (
    "MATCH (n:Actor {id: $id}) OPTIONAL MATCH (n)-[r]-() "
    "WITH n, count(r) AS ties DETACH DELETE n RETURN ties"
)
EXPIRED_ACTORS = "MATCH (n:Actor) WHERE n.until < $day RETURN n.id ORDER BY n.id"
EXPIRED_TIES = f"MATCH ()-[r:{ANY_TIE_TYPE}]->() WHERE r.until < $day RETURN r.key ORDER BY r.key"
REMOVE_EXPIRED_TIES = (
    f"MATCH ()-[r:{ANY_TIE_TYPE}]->() WHERE r.until < $day DELETE r RETURN count(r)"
)
REMOVE_EXPIRED_ACTORS = (
    "MATCH (n:Actor) WHERE n.until < $day OPTIONAL MATCH (n)-[r]-() "
    "WITH n, count(r) AS ties DETACH DELETE n RETURN count(n), sum(ties)"
)

# ---------------------------------------------------------------------- ingest

#: the properties a node / an actor / a tie is written with (`WritePlan` rows, in order);
#: provenance is the same three fields as in the embedded store
NODE_PROPERTIES = ("kind", "name", "since", "until", "note", *PROVENANCE, "run_id", "digest")
ACTOR_PROPERTIES = (
    *NODE_PROPERTIES,
    "type",
    "sector",
    "topics",
    "address",
    "contact",
    "consent",
    "coordinator",
)
TIE_PROPERTIES = ("kind", *TIE_DETAILS, *PROVENANCE, "run_id", "digest")
#: tie properties written as null (so not stored) when empty: most ties have no topic,
#: role, note or second period, and every stored property costs the ingest time and the
#: transaction memory; reads give '' for a missing one (``coalesce``)
TIE_BLANK_AS_NULL = ("topic", "role", "note", "periods")
PROVENANCE_PROPERTIES = PROVENANCE
#: a list with this source added (once), for SET
_ADD_SOURCE = (
    "CASE WHEN $source IN coalesce({var}.sources, []) THEN {var}.sources "
    "ELSE coalesce({var}.sources, []) + $source END"
)

SOURCE_SEEN = "MATCH (r:IngestRun {source: $source}) RETURN count(r) > 0"
CREATE_INGEST_RUN = "CREATE (r:IngestRun) SET r = $entry"


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
    return (
        f"{var} IS NULL OR {var}.digest IS NULL OR {var}.digest <> item[1] "
        f"OR coalesce({var}.source_file, '') <> coalesce(item[2], '') "
        f"OR coalesce({var}.source_sheet, '') <> coalesce(item[3], '') "
        f"OR coalesce({var}.source_row, -1) <> coalesce(item[4], -1) "
        f"OR NOT $source IN coalesce({var}.sources, [])"
    )


def _node_write_plan(kind: str) -> WritePlan:
    label = NODE_LABELS[kind]
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    sets = ", ".join(f"n.{name} = row[{at}]" for at, name in enumerate(properties, start=1))
    refresh = ", ".join(
        f"n.{name} = row[{properties.index(name) + 1}]" for name in PROVENANCE_PROPERTIES
    )
    # MERGE on a uniquely constrained label and property always plans as a locking unique
    # index seek; nodes the check found absent are created with CREATE, which skips that
    # seek (the constraint still refuses a node a concurrent ingest created first)
    merge = (
        f"UNWIND $rows AS row MERGE (n:{label} {{id: row[0]}}) SET {sets}, "
        f"n.sources = {_ADD_SOURCE.format(var='n')} RETURN count(n)"
    )
    create = (
        f"UNWIND $rows AS row CREATE (n:{label} {{id: row[0]}}) SET {sets}, "
        "n.sources = [$source] RETURN count(n)"
    )
    return WritePlan(
        check=(
            f"UNWIND $items AS item OPTIONAL MATCH (n:{label} {{id: item[0]}}) "
            f"USING INDEX n:{label}(id) WITH item, n WHERE {_changed_condition('n')} "
            "RETURN collect(CASE WHEN n IS NULL THEN item[0] END), "
            "collect(CASE WHEN n IS NOT NULL AND (n.digest IS NULL OR n.digest <> item[1]) "
            "THEN [item[0], true, n.sources] END), "
            "collect(CASE WHEN n IS NOT NULL AND n.digest = item[1] THEN item[0] END)"
        ),
        create=create,
        update=merge,
        refresh=(
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row[0]}}) "
            f"USING INDEX n:{label}(id) SET {refresh}, "
            f"n.sources = {_ADD_SOURCE.format(var='n')} RETURN count(n)"
        ),
        delete=None,
        key_at=0,
        digest_at=properties.index("digest") + 1,
        provenance_at=properties.index("source_file") + 1,
    )


def _tie_write_plan(kind: str, source_kind: str, target_kind: str) -> WritePlan:
    rel_type = RELATIONSHIP_TYPES[kind]
    source_label, target_label = NODE_LABELS[source_kind], NODE_LABELS[target_kind]
    sets = ", ".join(f"r.{name} = row[{at}]" for at, name in enumerate(TIE_PROPERTIES, start=3))
    refresh = ", ".join(
        f"r.{name} = row[{TIE_PROPERTIES.index(name) + 3}]" for name in PROVENANCE_PROPERTIES
    )
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
        update=(
            f"UNWIND $rows AS row {by_key} SET {sets}, "
            f"r.sources = {_ADD_SOURCE.format(var='r')} RETURN count(r)"
        ),
        refresh=(
            f"UNWIND $rows AS row {by_key} SET {refresh}, "
            f"r.sources = {_ADD_SOURCE.format(var='r')} RETURN count(r)"
        ),
        delete=(
            f"UNWIND $keys AS key MATCH ()-[r:{rel_type} {{key: key}}]->() "
            f"USING INDEX r:{rel_type}(key) DELETE r"
            if kind in UNDIRECTED_TIE_KINDS
            else None
        ),
        key_at=2,
        digest_at=TIE_PROPERTIES.index("digest") + 3,
        provenance_at=TIE_PROPERTIES.index("source_file") + 3,
        source_at=0,
    )


#: how a batch of one node kind is written
NODE_WRITE_PLANS = {kind: _node_write_plan(kind) for kind in NODE_LABELS}
#: how a batch of one tie shape (kind, source kind, target kind) is written: every
#: combination, not only those of `model.TIE_ENDPOINTS`, so no input can miss its plan
TIE_WRITE_PLANS = {
    shape: _tie_write_plan(*shape)
    for shape in product(RELATIONSHIP_TYPES, NODE_LABELS, NODE_LABELS)
}
#: every statement that creates a node or tie by its key (MERGE or CREATE): one per node
#: label, one per tie shape the vocabulary allows; each relies on a uniqueness constraint
KEYED_WRITES = [plan.create for plan in NODE_WRITE_PLANS.values()] + [
    TIE_WRITE_PLANS[(kind, source, target)].create
    for kind, (sources, targets) in TIE_ENDPOINTS.items()
    for source in sorted(sources)
    for target in sorted(targets)
]

#: keys of the ties / ids of the nodes a source states, per tie kind / node kind
STATED_TIES = per_tie_kind(
    "MATCH ()-[r:{rel_type}]->() WHERE $source IN r.sources RETURN collect(r.key)"
)
STATED_NODES = per_node_kind("MATCH (n:{label}) WHERE $source IN n.sources RETURN collect(n.id)")
#: a source no longer states these ties (``$keys``): drop it, delete ties nobody states
WITHDRAW_TIES = per_tie_kind(
    "UNWIND $keys AS key MATCH ()-[r:{rel_type} {{key: key}}]->() "
    "USING INDEX r:{rel_type}(key) "
    "WITH r, [s IN r.sources WHERE s <> $source] AS rest "
    "FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r) "
    "FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.sources = rest) "
    "RETURN count(CASE WHEN size(rest) = 0 THEN 1 END)"
)
#: a source no longer states these nodes (``$ids``): drop it, delete nodes nobody states
#: with their ties
WITHDRAW_NODES = per_node_kind(
    "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) USING INDEX n:{label}(id) "
    "SET n.sources = [s IN n.sources WHERE s <> $source] "
    "WITH n WHERE size(n.sources) = 0 "
    "OPTIONAL MATCH (n)-[r]-() WHERE r.key IS NOT NULL "
    "WITH collect(DISTINCT n) AS gone, collect(DISTINCT r) AS ties "
    "FOREACH (r IN ties | DELETE r) FOREACH (n IN gone | DETACH DELETE n) "
    "RETURN size(gone), size(ties)"
)
