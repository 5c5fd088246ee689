"""The Neo4j store: the shared team database, through the official `neo4j` driver.

Graph model in Neo4j: one label per node kind (``Actor``, ``Topic``, ``Project``, ``Event``,
``Place``), unique on ``id``; one relationship type per tie kind (``COOPERATION``,
``MEMBERSHIP``, …), unique on ``key`` (`model.Tie.key`); ``IngestRun`` nodes for the log.
Labels and types come only from `model.NODE_LABELS` / `model.RELATIONSHIP_TYPES`, never
from user text; every value is a query parameter.

Writes run as managed transactions (``execute_write``) over batches of
``UNWIND $rows … MERGE``: nodes before relationships, one transaction per batch. A
transaction function only reads its arguments and returns counts, so the driver may retry
it safely. Each row carries the same content digest as in the embedded store; rows whose
digest is unchanged are not written again, so a re-run after a crash converges to the state
of a clean load.

Credentials come only from ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``; they never appear in
a message or a log. The database is ``NEO4J_DATABASE`` (default ``neo4j``).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any, LiteralString, cast
from urllib.parse import urlsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as driver_errors

from netzwerk.errors import ConfigError, NotFound, StoreError, StoreUnavailable
from netzwerk.model import NODE_LABELS, RELATIONSHIP_TYPES, Changeset, graph_key
from netzwerk.store.base import RECORD_KINDS, ApplyResult, Store
from netzwerk.store.queries import NamedQuery
from netzwerk.store.rows import day, digest, node_attributes, node_rows, tie_row

# The driver logs every Bolt message with its parameters at DEBUG level: those are personal
# data. Cap the driver's loggers at INFO so a user's DEBUG logging never reaches them.
logging.getLogger("neo4j").setLevel(logging.INFO)

DEFAULT_BATCH_SIZE = 5000
RECORD_KIND_OF_NODE = {"actor": "actors", "topic": "topics", "project": "projects",
                       "event": "events", "place": "places"}


def _query(text: str) -> LiteralString:
    """The one place query text is handed to the driver (built from our vocabulary only)."""
    return cast(LiteralString, text)


def _credentials() -> tuple[str, str]:
    user = os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j"
    password = os.environ.get("NEO4J_PASSWORD")
    if not password:
        raise ConfigError("NEO4J_PASSWORD ist nicht gesetzt — Passwort des Neo4j-Servers in "
                          "NEO4J_PASSWORD (und Benutzer in NEO4J_USERNAME) setzen")
    return user, password


def _plain_value(value: Any) -> Any:
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native else value


class Neo4jStore(Store):
    """The shared team database on a Neo4j 5 server."""

    def __init__(self, uri: str, *, batch_size: int = DEFAULT_BATCH_SIZE,
                 database: str | None = None):
        parts = urlsplit(uri)
        if parts.username or parts.password:
            raise ConfigError("Zugangsdaten gehören nicht in die Neo4j-URI — NEO4J_USERNAME "
                              "und NEO4J_PASSWORD setzen und die URI ohne user:pass@ angeben")
        self.uri = uri
        self.database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        self.batch_size = batch_size
        self.description = f"Neo4j {uri} (Datenbank {self.database})"
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri, auth=_credentials(), notifications_min_severity="OFF")
        except (driver_errors.ConfigurationError, ValueError) as error:
            raise ConfigError(f"ungültige Neo4j-URI {uri} — Form bolt://host:7687 oder "
                              "neo4j://host:7687") from error

    # ------------------------------------------------------------------ plumbing

    def _wrap(self, error: Exception) -> StoreError:
        if isinstance(error, driver_errors.AuthError):
            return StoreUnavailable(
                f"Anmeldung bei Neo4j {self.uri} fehlgeschlagen — NEO4J_USERNAME und "
                "NEO4J_PASSWORD prüfen")
        if isinstance(error, driver_errors.ServiceUnavailable | driver_errors.SessionExpired
                      | OSError):
            return StoreUnavailable(
                f"Neo4j unter {self.uri} nicht erreichbar — Server starten (`make neo4j-start`) "
                "oder NETZWERK_STORE/--store prüfen")
        code = getattr(error, "code", "") or type(error).__name__
        return StoreError(f"Neo4j {self.uri} meldet einen Fehler ({code}) — "
                          "Serverprotokoll prüfen")

    def _write(self, work: Callable[..., Any], *args: Any) -> Any:
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work, *args)
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    def _read(self, query: str, **parameters: Any) -> Iterator[Any]:
        """Stream the records of one read query (auto-commit, no per-node round trips)."""
        try:
            with self._driver.session(database=self.database,
                                      default_access_mode="READ") as session:
                yield from session.run(_query(query), parameters)
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    def ping(self) -> None:
        """Check the server answers and accepts the credentials."""
        try:
            self._driver.verify_connectivity()
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    # ------------------------------------------------------------------ schema

    def schema_statements(self) -> list[str]:
        statements = [
            f"CREATE CONSTRAINT {kind}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for kind, label in NODE_LABELS.items()
        ]
        statements += [
            f"CREATE CONSTRAINT {kind}_key IF NOT EXISTS FOR ()-[r:{rel_type}]-() "
            "REQUIRE r.key IS UNIQUE"
            for kind, rel_type in RELATIONSHIP_TYPES.items()
        ]
        statements.append("CREATE CONSTRAINT ingest_run_id IF NOT EXISTS "
                          "FOR (r:IngestRun) REQUIRE r.run_id IS UNIQUE")
        statements += [
            f"CREATE INDEX {kind}_until IF NOT EXISTS FOR (n:{label}) ON (n.until)"
            for kind, label in NODE_LABELS.items()
        ]
        return statements

    def init(self) -> None:
        try:
            with self._driver.session(database=self.database) as session:
                for statement in self.schema_statements():
                    session.run(_query(statement)).consume()
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    def wipe(self) -> None:
        """Delete every node and relationship (tests and `netzwerk demo` only)."""

        try:
            with self._driver.session(database=self.database) as session:
                session.run(_query(
                    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                )).consume()
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    # ------------------------------------------------------------------ writes

    def apply(self, changeset: Changeset, *, files: list[str] | None = None) -> ApplyResult:
        run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        result = ApplyResult(run_id=run_id)
        for kind in RECORD_KINDS:
            result.created[kind] = result.updated[kind] = result.unchanged[kind] = 0

        nodes_by_kind: dict[str, list[dict]] = defaultdict(list)
        for _, row in node_rows(changeset):
            nodes_by_kind[row[1]].append(_node_parameters(row, run_id))
        ties_by_shape: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
        for tie in changeset.ties:
            ties_by_shape[(tie.kind, tie.source.kind, tie.target.kind)].append(
                _tie_parameters(tie_row(tie), tie.source.id, tie.target.id, run_id))

        for kind, rows in nodes_by_kind.items():
            query = _merge_nodes_query(NODE_LABELS[kind])
            for batch in _batches(rows, self.batch_size):
                created, updated = self._write(_run_merge, query, batch)
                self._count(result, RECORD_KIND_OF_NODE[kind], len(batch), created, updated)
        for (kind, source_kind, target_kind), rows in ties_by_shape.items():
            query = _merge_ties_query(RELATIONSHIP_TYPES[kind], NODE_LABELS[source_kind],
                                      NODE_LABELS[target_kind])
            for batch in _batches(rows, self.batch_size):
                created, updated = self._write(_run_merge, query, batch)
                self._count(result, "ties", len(batch), created, updated)

        log_entry = {
            "run_id": run_id, "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "files": json.dumps(files if files is not None else changeset.files,
                                ensure_ascii=False),
            "created": json.dumps(result.created), "updated": json.dumps(result.updated),
        }
        self._write(_run_merge, "CREATE (r:IngestRun) SET r = $rows[0] RETURN 0 AS created, 0 AS updated", [log_entry])
        return result

    @staticmethod
    def _count(result: ApplyResult, kind: str, total: int, created: int, updated: int) -> None:
        result.created[kind] += created
        result.updated[kind] += updated
        result.unchanged[kind] += total - created - updated

    # ------------------------------------------------------------------ reads

    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        validity = node_validity = ""
        if as_of is not None:
            validity = ("AND (n.since IS NULL OR n.since <= $day) "
                        "AND (n.until IS NULL OR n.until >= $day)")
            node_validity = ("AND (n.since IS NULL OR n.since <= $day) "
                             "AND (n:Event OR n.until IS NULL OR n.until >= $day)")
        graph = nx.MultiDiGraph()
        labels = " OR ".join(f"n:{label}" for label in NODE_LABELS.values())
        for record in self._read(
            f"MATCH (n) WHERE ({labels}) {node_validity} "
            "RETURN n.kind, n.id, n.name, n.since, n.until, properties(n)", day=as_of
        ):
            kind, node_id, name, since, until, props = record.values()
            graph.add_node(graph_key(kind, node_id), **node_attributes(
                kind, node_id, name, _iso_text(since), _iso_text(until), props))
        tie_validity = validity.replace("n.", "r.")
        types = "|".join(RELATIONSHIP_TYPES.values())
        for record in self._read(
            f"MATCH (a)-[r:{types}]->(b) WHERE r.key IS NOT NULL {tie_validity} "
            "RETURN a.kind, a.id, b.kind, b.id, r.key, r.kind, r.weight, r.topic, r.role, "
            "r.note, r.since, r.until, r.source_file, r.source_sheet, r.source_row, r.run_id",
            day=as_of,
        ):
            (a_kind, a_id, b_kind, b_id, key, kind, weight, topic, role, note, since, until,
             source_file, source_sheet, source_row, run_id) = record.values()
            source, target = graph_key(a_kind, a_id), graph_key(b_kind, b_id)
            if source not in graph or target not in graph:
                continue
            graph.add_edge(source, target, key=key, kind=kind, weight=weight, topic=topic,
                           role=role, note=note, since=_plain_value(since),
                           until=_plain_value(until), source_file=source_file,
                           source_sheet=source_sheet, source_row=source_row, ingest_run=run_id)
        return graph

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(RECORD_KINDS, 0)
        for kind, label in NODE_LABELS.items():
            (record,) = list(self._read(f"MATCH (n:{label}) RETURN count(n)"))
            counts[RECORD_KIND_OF_NODE[kind]] = record[0]
        types = "|".join(RELATIONSHIP_TYPES.values())
        (record,) = list(self._read(f"MATCH ()-[r:{types}]->() RETURN count(r)"))
        counts["ties"] = record[0]
        return counts

    def ingest_log(self, limit: int = 10) -> list[dict]:
        records = self._read(
            "MATCH (r:IngestRun) RETURN r.run_id, r.started, r.files, r.created, r.updated "
            "ORDER BY r.started DESC, r.run_id DESC LIMIT $limit", limit=limit)
        return [
            {"run_id": run_id, "started": started, "files": json.loads(files),
             "created": json.loads(created), "updated": json.loads(updated)}
            for run_id, started, files, created, updated in (r.values() for r in records)
        ]

    def actor_record(self, actor_id: str) -> dict:
        rows = list(self._read(
            "MATCH (n:Actor {id: $id}) RETURN n.id, n.name, n.since, n.until, properties(n), "
            "n.source_file, n.source_sheet, n.source_row, n.run_id", id=actor_id))
        if not rows:
            raise NotFound(f'Akteur "{actor_id}" ist nicht im Speicher — Id mit '
                           "`netzwerk status` oder im Export prüfen")
        node_id, name, since, until, props, file, sheet, row, run_id = rows[0].values()
        record = {"id": node_id, "name": name, "since": _iso_text(since),
                  "until": _iso_text(until), **_actor_fields(props),
                  "source": {"file": file, "sheet": sheet, "row": row, "ingest_run": run_id}}
        ties = []
        for tie in self._read(
            "MATCH (n:Actor {id: $id})-[r]-(other) WHERE r.key IS NOT NULL "
            "RETURN r.key, r.kind, startNode(r) = n, other.kind, other.id, other.name, "
            "r.weight, r.topic, r.role, r.note, r.since, r.until, r.source_file, "
            "r.source_sheet, r.source_row, r.run_id ORDER BY r.key", id=actor_id):
            (key, kind, outgoing, other_kind, other_id, other_name, weight, topic, role, note,
             t_since, t_until, t_file, t_sheet, t_row, t_run) = tie.values()
            ties.append({
                "key": key, "kind": kind, "direction": "out" if outgoing else "in",
                "other": graph_key(other_kind, other_id), "other_name": other_name,
                "weight": weight, "topic": topic, "role": role, "note": note,
                "since": _iso_text(t_since), "until": _iso_text(t_until),
                "source": {"file": t_file, "sheet": t_sheet, "row": t_row, "ingest_run": t_run},
            })
        record["ties"] = ties
        return record

    # ------------------------------------------------------------------ named queries

    def run_query(self, query: NamedQuery, parameters: dict[str, Any]) -> list[dict]:
        """Run one query of the library (`netzwerk.store.queries`) with its parameters."""
        return [
            {key: _plain_nested(value) for key, value in record.items()}
            for record in self._read(query.text, **parameters)
        ]

    def persons(self) -> list[dict]:
        """Id, name and consent of every natural person (to pseudonymise query results)."""
        return [
            {"id": r[0], "name": r[1], "consent": bool(r[2])}
            for r in self._read("MATCH (a:Actor {type: 'person'}) RETURN a.id, a.name, a.consent")
        ]

    # ------------------------------------------------------------------ erasure

    def forget(self, actor_id: str) -> dict[str, int]:
        def work(tx: ManagedTransaction, actor: str) -> int | None:
            record = tx.run(_query(
                "MATCH (n:Actor {id: $id}) OPTIONAL MATCH (n)-[r]-() "
                "WITH n, count(r) AS ties DETACH DELETE n RETURN ties"), id=actor).single()
            return None if record is None else record[0]

        ties = self._write(work, actor_id)
        if ties is None:
            raise NotFound(f'Akteur "{actor_id}" ist nicht im Speicher — Id prüfen')
        return {"actors": 1, "ties": ties}

    def expired(self, before: date) -> dict[str, list[str]]:
        actors = [r[0] for r in self._read(
            "MATCH (n:Actor) WHERE n.until < $day RETURN n.id ORDER BY n.id", day=before)]
        types = "|".join(RELATIONSHIP_TYPES.values())
        ties = [r[0] for r in self._read(
            f"MATCH ()-[r:{types}]->() WHERE r.until < $day RETURN r.key ORDER BY r.key",
            day=before)]
        return {"actors": actors, "ties": ties}

    def remove_expired(self, before: date) -> dict[str, int]:
        types = "|".join(RELATIONSHIP_TYPES.values())

        def work(tx: ManagedTransaction, day_: date) -> dict[str, int]:
            ties = tx.run(_query(
                f"MATCH ()-[r:{types}]->() WHERE r.until < $day DELETE r RETURN count(r)"),
                day=day_).single()[0]
            record = tx.run(_query(
                "MATCH (n:Actor) WHERE n.until < $day OPTIONAL MATCH (n)-[r]-() "
                "WITH n, count(r) AS ties DETACH DELETE n RETURN count(n), sum(ties)"),
                day=day_).single()
            return {"actors": record[0], "ties": ties + (record[1] or 0)}

        return self._write(work, before)

    def close(self) -> None:
        self._driver.close()


# ---------------------------------------------------------------------- query building


def _merge_nodes_query(label: str) -> str:
    return (
        "UNWIND $rows AS row "
        f"OPTIONAL MATCH (old:{label} {{id: row.id}}) "
        "WITH row, old.digest AS before "
        "WHERE before IS NULL OR before <> row.digest "
        f"MERGE (n:{label} {{id: row.id}}) "
        "SET n = row "
        "RETURN count(CASE WHEN before IS NULL THEN 1 END), count(before)"
    )


def _merge_ties_query(rel_type: str, source_label: str, target_label: str) -> str:
    return (
        "UNWIND $rows AS row "
        f"MATCH (a:{source_label} {{id: row.source_id}}) "
        f"MATCH (b:{target_label} {{id: row.target_id}}) "
        f"OPTIONAL MATCH (a)-[old:{rel_type} {{key: row.key}}]->(b) "
        "WITH a, b, row, old.digest AS before "
        "WHERE before IS NULL OR before <> row.digest "
        f"MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b) "
        "SET r = row.props "
        "RETURN count(CASE WHEN before IS NULL THEN 1 END), count(before)"
    )


def _run_merge(tx: ManagedTransaction, query: str, rows: list[dict]) -> tuple[int, int]:
    """Transaction function: reads only its arguments, returns (created, updated)."""
    record = tx.run(_query(query), rows=rows).single()
    return (record[0], record[1]) if record else (0, 0)


def _batches(rows: Sequence[dict], size: int) -> Iterator[Sequence[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _node_parameters(row: tuple, run_id: str) -> dict:
    """Node properties: kind-specific fields are plain properties (``a.sector`` in Cypher)."""
    key, kind, node_id, name, since, until, props, file, sheet, source_row = row
    return {**json.loads(props), "id": node_id, "kind": kind, "name": name,
            "since": day(since), "until": day(until), "source_file": file,
            "source_sheet": sheet, "source_row": source_row, "run_id": run_id,
            "digest": digest(row)}


ACTOR_FIELDS = ("type", "sector", "topics", "address", "contact", "consent", "coordinator",
                "note")


def _actor_fields(properties: dict) -> dict:
    return {field: properties.get(field) for field in ACTOR_FIELDS}


def _tie_parameters(row: tuple, source_id: str, target_id: str, run_id: str) -> dict:
    (key, kind, _source, _target, weight, topic, role, note, since, until, file, sheet,
     source_row) = row
    props = {"key": key, "kind": kind, "weight": weight, "topic": topic, "role": role,
             "note": note, "since": day(since), "until": day(until), "source_file": file,
             "source_sheet": sheet, "source_row": source_row, "run_id": run_id,
             "digest": digest(row)}
    return {"key": key, "source_id": source_id, "target_id": target_id, "digest": digest(row),
            "props": props}


def _plain_nested(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain_nested(v) for v in value]
    return _plain_value(value)


def _iso_text(value: Any) -> str | None:
    value = _plain_value(value)
    return value.isoformat() if isinstance(value, date) else None
