"""The Cypher an ingest sends (`store.neo4j_ingest`): the properties nodes and ties are
written with, one `WritePlan` per node label and tie shape, and the statements that withdraw
what a source no longer states. Built once, at import, from the vocabulary only, like every
statement in `store.neo4j_cypher`.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Any

from netzwerk.model import NODE_LABELS, RELATIONSHIP_TYPES, TIE_ENDPOINTS, UNDIRECTED_TIE_KINDS
from netzwerk.store.neo4j_cypher import per_node_kind, per_tie_kind
from netzwerk.store.rows import PROVENANCE, TIE_DETAILS

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
#: properties stored as Cypher dates: rows carry them as ISO text, which the server turns
#: into a date (the driver's own date conversion cost more client time than the rest of a
#: row's packing)
DATE_PROPERTIES = ("since", "until", "last_contact")


def assignments(var: str, names: tuple[str, ...], first: int) -> str:
    """``var.name = row[i]`` for each name, ``row[first]`` onwards; dates from ISO text.

    >>> assignments("r", ("weight", "since"), 3)
    'r.weight = row[3], r.since = date(row[4])'
    """
    return ", ".join(
        f"{var}.{name} = date(row[{at}])"
        if name in DATE_PROPERTIES
        else f"{var}.{name} = row[{at}]"
        for at, name in enumerate(names, start=first)
    )


#: a list with this source added (once), for SET
_ADD_SOURCE = (
    "CASE WHEN $source IN coalesce({var}.sources, []) THEN {var}.sources "
    "ELSE coalesce({var}.sources, []) + $source END"
)

#: the internal ids of the nodes with these ids (``$ids``), as [id, internal id] pairs: tie
#: creates find their ends by internal id. Valid inside the transaction that reads them:
#: Neo4j reuses the id of a deleted node only after every transaction open at its deletion
#: has closed.
NODE_INTERNAL_IDS = per_node_kind(
    "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) USING INDEX SEEK n:{label}(id) "
    "RETURN collect([id, id(n)])"
)
#: does the store hold no tie of this kind (read from the count store, not by scanning)?
TIE_KIND_EMPTY = per_tie_kind("MATCH ()-[r:{rel_type}]->() RETURN count(r) = 0")
SOURCE_SEEN = "MATCH (r:IngestRun {source: $source}) RETURN count(r) > 0"
CREATE_INGEST_RUN = "CREATE (r:IngestRun) SET r = $entry"


@dataclass(frozen=True)
class WritePlan:
    """The queries that write one batch of one node label or one tie shape.

    ``check`` returns, for the batch's keys (``$keys``) that are stored, the stored digest,
    provenance and sources (and a tie's start: its label test and id), from which
    `neo4j_ingest.sort_keys` sorts the keys into absent, changed and only-to-refresh;
    ``create`` writes rows whose key is absent, ``update`` rows whose content changed,
    ``refresh`` provenance and sources; ``delete`` removes ties stored the other way round
    (cooperation is undirected, so a later file may name its ends in the other order: the
    tie is recreated).
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


def same_way(plan: WritePlan, entry: list[Any], row: list[Any]) -> bool:
    """Does the stored tie (``entry`` of ``plan.check``) start where ``row`` starts? Nodes:
    always."""
    if plan.source_at is None:
        return True
    return bool(entry[6]) and entry[7] == row[plan.source_at]


def provenance_moved(plan: WritePlan, entry: list[Any], row: list[Any], source: str) -> bool:
    """Has the unchanged record moved in its file (file, sheet, row), or is ``source`` not
    yet among those stating it?"""
    at = plan.provenance_at
    file, sheet, line = row[at], row[at + 1], row[at + 2]
    return (
        (entry[2] or "") != (file or "")
        or (entry[3] or "") != (sheet or "")
        or (-1 if entry[4] is None else entry[4]) != (-1 if line is None else line)
        or source not in (entry[5] or [])
    )


def _node_write_plan(kind: str) -> WritePlan:
    label = NODE_LABELS[kind]
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    sets = assignments("n", properties, 1)
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
            f"UNWIND $keys AS key MATCH (n:{label} {{id: key}}) USING INDEX SEEK n:{label}(id) "
            "RETURN collect([key, n.digest, n.source_file, n.source_sheet, n.source_row, "
            "n.sources])"
        ),
        create=create,
        update=merge,
        refresh=(
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row[0]}}) "
            f"USING INDEX SEEK n:{label}(id) SET {refresh}, "
            f"n.sources = {_ADD_SOURCE.format(var='n')} RETURN count(n)"
        ),
        delete=None,
        key_at=0,
        digest_at=properties.index("digest") + 1,
        provenance_at=properties.index("source_file") + 1,
    )


def _tie_write_plan(kind: str, source_kind: str, target_kind: str) -> WritePlan:
    rel_type = RELATIONSHIP_TYPES[kind]
    source_label = NODE_LABELS[source_kind]
    sets = assignments("r", TIE_PROPERTIES, 3)
    refresh = ", ".join(
        f"r.{name} = row[{TIE_PROPERTIES.index(name) + 3}]" for name in PROVENANCE_PROPERTIES
    )
    by_key = f"MATCH ()-[r:{rel_type} {{key: row[2]}}]->() USING INDEX SEEK r:{rel_type}(key)"
    return WritePlan(
        check=(
            f"UNWIND $keys AS key MATCH (a)-[r:{rel_type} {{key: key}}]->() "
            f"USING INDEX SEEK r:{rel_type}(key) "
            "RETURN collect([key, r.digest, r.source_file, r.source_sheet, r.source_row, "
            f"r.sources, a:{source_label}, a.id])"
        ),
        # the ends come as internal node ids (`NODE_INTERNAL_IDS`, looked up once per
        # ingest): a seek by id costs a fraction of two index seeks per row
        create=(
            "UNWIND $rows AS row MATCH (a) WHERE id(a) = row[0] "
            "MATCH (b) WHERE id(b) = row[1] "
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
            f"USING INDEX SEEK r:{rel_type}(key) DELETE r"
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
    "USING INDEX SEEK r:{rel_type}(key) "
    "WITH r, [s IN r.sources WHERE s <> $source] AS rest "
    "FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r) "
    "FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.sources = rest) "
    "RETURN count(CASE WHEN size(rest) = 0 THEN 1 END)"
)
#: a source no longer states these nodes (``$ids``): drop it, delete nodes nobody states
#: with their ties
WITHDRAW_NODES = per_node_kind(
    "UNWIND $ids AS id MATCH (n:{label} {{id: id}}) USING INDEX SEEK n:{label}(id) "
    "SET n.sources = [s IN n.sources WHERE s <> $source] "
    "WITH n WHERE size(n.sources) = 0 "
    "OPTIONAL MATCH (n)-[r]-() WHERE r.key IS NOT NULL "
    "WITH collect(DISTINCT n) AS gone, collect(DISTINCT r) AS ties "
    "FOREACH (r IN ties | DELETE r) FOREACH (n IN gone | DETACH DELETE n) "
    "RETURN size(gone), size(ties)"
)
