"""Every Cypher statement the Neo4j store sends, each built once, at import; an ingest's
statements are in `store.neo4j_writes`.

Labels and relationship types come only from the vocabulary (`model.NODE_LABELS`,
`model.RELATIONSHIP_TYPES`), never from user text; statements that differ per label or
type are dicts keyed by node kind, tie kind or tie shape. Every value travels as a query
parameter. Nothing here talks to the driver, but `query` is the one place any text becomes
a statement the driver takes (it types them `LiteralString`): these constants and the named
query files (`store.queries`).
"""

from __future__ import annotations

from typing import LiteralString, cast

from netzwerk.model import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
)


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
#: sample now every index changed by more than a few per cent since its last sample
RESAMPLE_OUTDATED_INDEXES = "CALL db.resampleOutdatedIndexes()"
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
#: the ingest's lock, returning when a first load (`neo4j_bulk.mark_first_load`) began, if one
#: holds the database: an ingest then stops (the import would replace what it wrote)
LOCK_FOR_INGEST = LOCK + " RETURN lock.first_load"

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
    # ``r.key IS NOT NULL`` is tested inside collect, not in WHERE: the planner may answer a
    # WHERE on the key from the key index, and with index statistics sampled before a large
    # load it did, scanning every tie of the type for each node (100k ties: 190 s, not 2 s)
    return (
        f"MATCH (n) WHERE ({_ANY_NODE_LABEL}) {_IN_CHUNKS}"
        f"MATCH (n)-[r:{ANY_TIE_TYPE}]->(b) WHERE true {validity} "
        "RETURN collect(CASE WHEN r.key IS NOT NULL THEN [n.kind, n.id, b.kind, b.id, r.key, "
        f"r.kind, r.weight, {_TIE_TEXTS}, toString(r.since), toString(r.until), r.periods, "
        "toString(r.last_contact), r.source_file, "
        "r.source_sheet, r.source_row, r.run_id] END) AS ties } RETURN ties"
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
ACTOR_IDENTITIES = "MATCH (n:Actor) RETURN n.id, n.name, n.type, n.address, n.contact ORDER BY n.id"
ACTOR_TIES = (
    "MATCH (n:Actor {id: $id})-[r]-(other) WHERE r.key IS NOT NULL "
    "RETURN r.key, r.kind, startNode(r) = n, other.kind, other.id, other.name, "
    f"r.weight, {_TIE_TEXTS}, r.since, r.until, r.last_contact, r.source_file, "
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
RENAME_STATEMENT_SOURCES = (
    "MATCH (s:TieStatement) WHERE s.source IN keys($mapping) SET s.source = $mapping[s.source]"
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
