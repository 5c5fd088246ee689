"""The Neo4j store: the shared team database, through the official `neo4j` driver.

Graph model in Neo4j: one label per node kind (``Actor``, ``Topic``, ``Project``, ``Event``,
``Place``), unique on ``id``; one relationship type per tie kind (``COOPERATION``,
``MEMBERSHIP``, …), unique on ``key`` (`model.Tie.key`); ``IngestRun`` nodes for the log.
Labels and types come only from `model.NODE_LABELS` / `model.RELATIONSHIP_TYPES`, never
from user text; every value is a query parameter.

Writes run as managed transactions (``execute_write``) over batches of
``UNWIND $rows … MERGE``: nodes before relationships, one transaction per batch. A
transaction function only reads its arguments and returns counts, so the driver may retry
it safely. Each row carries the same content digest as in the embedded store; a batch first
looks its keys up (one read query) and writes only the rows that are new or changed, so a
re-run after a crash converges to the state of a clean load and an unchanged re-run writes
nothing. MERGE on the constrained key keeps concurrent ingests from duplicating anything.
`graph` reads everything back in two streaming queries.

Credentials come only from ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``; they never appear in
a message or a log. The database is ``NEO4J_DATABASE`` (default ``neo4j``).
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, LiteralString, cast
from urllib.parse import urlsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as driver_errors

from netzwerk.errors import (
    ConfigError,
    NetzwerkError,
    NotFound,
    StoreError,
    StoreUnavailable,
)
from netzwerk.model import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    TIE_ENDPOINTS,
    UNDIRECTED_TIE_KINDS,
    Changeset,
    graph_key,
)
from netzwerk.store.base import RECORD_KINDS, ApplyResult, Store
from netzwerk.store.queries import NamedQuery
from netzwerk.store.rows import day, digest, node_attributes, node_rows, tie_row

# The driver logs every Bolt message with its parameters at DEBUG level: those are personal
# data. Cap the driver's loggers at INFO so a user's DEBUG logging never reaches them; and
# since a user may lower that level again (`logging.getLogger("neo4j").setLevel(DEBUG)`),
# every driver logger also carries `DriverLogRedaction`, which keeps a record's message
# pattern and drops its values.
logging.getLogger("neo4j").setLevel(logging.INFO)
DRIVER_LOGGERS = ("neo4j", "neo4j.io", "neo4j.pool", "neo4j.session", "neo4j.notifications",
                  "neo4j.auth_management", "neo4j._api")
_FORMAT_SPEC = re.compile(r"%(?:\((?P<key>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?"
                          r"[hlL]?(?P<conversion>[diouxXeEfFgGcrsa%])")
_REDACTED = "…"


class DriverLogRedaction(logging.Filter):
    """Keep a driver log record's pattern, drop its values (queries' parameters, records,
    server messages): ``C: RUN 'MATCH …' {'id': 'erika'}`` becomes ``C: RUN …``. Integer
    fields printed as numbers (connection ids, counts) stay; exceptions keep their type only.

    >>> record = logging.LogRecord("neo4j.io", logging.DEBUG, "", 0, "[#%04X]  C: RUN %s",
    ...                            (0xBEEF, "{'name': 'Erika Muster'}"), None)
    >>> _ = DriverLogRedaction().filter(record)
    >>> record.getMessage()
    '[#BEEF]  C: RUN …'
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _redacted_message(record)
        record.args = ()
        if record.exc_info:
            exc_type = record.exc_info[0]
            record.msg += f" ({exc_type.__name__ if exc_type else 'Fehler'}, Details entfernt)"
            record.exc_info = None
            record.exc_text = None
        return True


def _redacted_message(record: logging.LogRecord) -> str:
    if not isinstance(record.msg, str):
        return f"<{type(record.msg).__name__}>"
    args = record.args
    positional = list(args) if isinstance(args, tuple) else []

    def replace(match: re.Match) -> str:
        conversion = match["conversion"]
        if conversion == "%":
            return "%"
        if match["key"] is not None or not positional:
            return _REDACTED
        value = positional.pop(0)
        if conversion in "diouxX" and type(value) is int:
            try:
                return match.group(0) % value
            except (TypeError, ValueError):
                return _REDACTED
        return _REDACTED

    if not args:
        return record.msg
    return _FORMAT_SPEC.sub(replace, record.msg)


_REDACTION = DriverLogRedaction()


def guard_driver_logs() -> None:
    """Attach the redaction filter to every driver logger (idempotent; also catches loggers
    the driver creates after import)."""
    names = set(DRIVER_LOGGERS)
    names.update(name for name in list(logging.root.manager.loggerDict)
                 if name == "neo4j" or name.startswith("neo4j."))
    for name in sorted(names):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, DriverLogRedaction) for existing in logger.filters):
            logger.addFilter(_REDACTION)


guard_driver_logs()

DEFAULT_BATCH_SIZE = 5000
GRAPH_CHUNK = 1000  # nodes per record when reading the graph
CONFLICT_RETRIES = 5  # re-runs of a batch that met a key written by a concurrent ingest
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
                 database: str | None = None, retry_seconds: float = 30.0):
        """``retry_seconds``: how long a write keeps retrying while the server is unreachable
        or reports a transient error (deadlock, leader switch) before giving up."""
        parts = urlsplit(uri)
        if parts.username or parts.password:
            raise ConfigError("Zugangsdaten gehören nicht in die Neo4j-URI — NEO4J_USERNAME "
                              "und NEO4J_PASSWORD setzen und die URI ohne user:pass@ angeben")
        self.uri = uri
        self.database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        self.batch_size = batch_size
        self.description = f"Neo4j {uri} (Datenbank {self.database})"
        self._schema_checked = False
        guard_driver_logs()
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri, auth=_credentials(), notifications_min_severity="OFF",
                max_transaction_retry_time=retry_seconds)
        except (driver_errors.ConfigurationError, ValueError) as error:
            raise ConfigError(f"ungültige Neo4j-URI {uri} — Form bolt://host:7687 oder "
                              "neo4j://host:7687") from error

    # ------------------------------------------------------------------ plumbing

    def _wrap(self, error: Exception) -> NetzwerkError:
        """The driver's error as ours, with the fix in the message (one line, no values)."""
        code = getattr(error, "code", None) or ""
        if isinstance(error, driver_errors.AuthError) or code.startswith(
                "Neo.ClientError.Security."):
            return StoreUnavailable(
                f"Anmeldung bei Neo4j {self.uri} fehlgeschlagen — NEO4J_USERNAME und "
                "NEO4J_PASSWORD prüfen (nach mehreren Fehlversuchen einige Sekunden warten)")
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return ConfigError(f'Neo4j {self.uri} hat keine Datenbank "{self.database}" — '
                               "NEO4J_DATABASE prüfen")
        if isinstance(error, driver_errors.ServiceUnavailable | driver_errors.SessionExpired
                      | OSError):
            return StoreUnavailable(
                f"Neo4j unter {self.uri} nicht erreichbar — Server starten (`make neo4j-start`) "
                "oder NETZWERK_STORE/--store prüfen")
        return StoreError(f"Neo4j {self.uri} meldet einen Fehler "
                          f"({code or type(error).__name__}) — Serverprotokoll prüfen")

    def _write(self, work: Callable[..., Any], *args: Any) -> Any:
        """Run a transaction function; the driver retries transient errors (deadlocks,
        lost connections) and this retries uniqueness conflicts: another ingest wrote the
        same key first, and running the function again sees it."""
        for attempt in range(CONFLICT_RETRIES + 1):
            try:
                with self._driver.session(database=self.database) as session:
                    return session.execute_write(work, *args)
            except driver_errors.ConstraintError as error:
                if attempt == CONFLICT_RETRIES:
                    raise self._wrap(error) from None
            except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
                raise self._wrap(error) from None
        raise AssertionError("unreachable")

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

    def _ensure_schema(self) -> None:
        """Run `init` unless every constraint is there (writes rely on their indexes)."""
        if self._schema_checked:
            return
        names = {record[0] for record in self._read("SHOW CONSTRAINTS YIELD name")}
        if not set(self.constraint_names()) <= names:
            self.init()
        self._schema_checked = True

    def constraint_names(self) -> list[str]:
        """Names of the uniqueness constraints `init` creates (one per label and type)."""
        return ([f"{kind}_id" for kind in NODE_LABELS]
                + [f"{kind}_key" for kind in RELATIONSHIP_TYPES] + ["ingest_run_id"])

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
        self._ensure_schema()
        run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        result = ApplyResult(run_id=run_id)
        for kind in RECORD_KINDS:
            result.created[kind] = result.updated[kind] = result.unchanged[kind] = 0

        nodes_by_kind: dict[str, list[list]] = defaultdict(list)
        for _, row in node_rows(changeset):
            nodes_by_kind[row[1]].append(_node_parameters(row, run_id))
        ties_by_shape: dict[tuple[str, str, str], list[list]] = defaultdict(list)
        for tie in changeset.ties:
            ties_by_shape[(tie.kind, tie.source.kind, tie.target.kind)].append(
                _tie_parameters(tie_row(tie), tie.source.id, tie.target.id, run_id))

        for kind, rows in nodes_by_kind.items():
            plan = _node_write_plan(kind)
            for batch in _batches(rows, self.batch_size):
                self._count(result, RECORD_KIND_OF_NODE[kind], len(batch),
                            *self._write(_write_batch, plan, batch))
        for (kind, source_kind, target_kind), rows in ties_by_shape.items():
            plan = _tie_write_plan(kind, source_kind, target_kind)
            for batch in _batches(rows, self.batch_size):
                self._count(result, "ties", len(batch), *self._write(_write_batch, plan, batch))

        log_entry = {
            "run_id": run_id, "started": datetime.now(UTC).isoformat(timespec="microseconds"),
            "files": json.dumps(files if files is not None else changeset.files,
                                ensure_ascii=False),
            "created": json.dumps(result.created), "updated": json.dumps(result.updated),
        }
        self._write(_create_ingest_run, log_entry)
        return result

    @staticmethod
    def _count(result: ApplyResult, kind: str, total: int, created: int, updated: int) -> None:
        result.created[kind] += created
        result.updated[kind] += updated
        result.unchanged[kind] += total - created - updated

    # ------------------------------------------------------------------ reads

    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        """Two streaming queries, nodes then ties, each record a list of ``GRAPH_CHUNK``
        nodes (or of those nodes' outgoing ties).

        Dates travel as ISO text and records are few: building a driver `Record` or hydrating
        a driver `Date` costs more than the value itself.
        """
        validity = node_validity = ""
        if as_of is not None:
            validity = ("AND (r.since IS NULL OR r.since <= $day) "
                        "AND (r.until IS NULL OR r.until >= $day)")
            node_validity = ("AND (n.since IS NULL OR n.since <= $day) "
                             "AND (n:Event OR n.until IS NULL OR n.until >= $day)")
        labels = " OR ".join(f"n:{label}" for label in NODE_LABELS.values())
        in_chunks = ("WITH collect(n) AS nodes "
                     "UNWIND range(0, size(nodes) - 1, $chunk) AS start "
                     "CALL (nodes, start) { UNWIND nodes[start..start + $chunk] AS n ")
        graph = nx.MultiDiGraph()
        for record in self._read(
            f"MATCH (n) WHERE ({labels}) {node_validity} {in_chunks}"
            "RETURN collect([n.kind, n.id, n.name, toString(n.since), toString(n.until), "
            "n.note, n.type, n.sector, n.topics, n.address, n.consent, n.coordinator]) AS rows "
            "} RETURN rows", day=as_of, chunk=GRAPH_CHUNK,
        ):
            for (kind, node_id, name, since, until, note, type_, sector, topics, address,
                 consent, coordinator) in record[0]:
                props = {"note": note or ""}
                if kind == "actor":
                    props.update(type=type_, sector=sector, topics=topics or [],
                                 address=address or "", consent=consent,
                                 coordinator=coordinator)
                graph.add_node(graph_key(kind, node_id),
                               **node_attributes(kind, node_id, name, since, until, props))
        types = "|".join(RELATIONSHIP_TYPES.values())
        for record in self._read(
            f"MATCH (n) WHERE ({labels}) {in_chunks}"
            f"MATCH (n)-[r:{types}]->(b) WHERE r.key IS NOT NULL {validity} "
            "RETURN collect([n.kind, n.id, b.kind, b.id, r.key, r.kind, r.weight, r.topic, "
            "r.role, r.note, toString(r.since), toString(r.until), r.source_file, "
            "r.source_sheet, r.source_row, r.run_id]) AS ties } RETURN ties",
            day=as_of, chunk=GRAPH_CHUNK,
        ):
            for (source_kind, source_id, target_kind, target_id, key, kind, weight, topic,
                 role, note, since, until, source_file, source_sheet, source_row,
                 run_id) in record[0]:
                source = graph_key(source_kind, source_id)
                target = graph_key(target_kind, target_id)
                if source in graph and target in graph:
                    # add_edge, not add_edges_from: the latter looks every edge up again
                    graph.add_edge(source, target, key, kind=kind, weight=weight, topic=topic,
                                   role=role, note=note, since=day(since), until=day(until),
                                   source_file=source_file, source_sheet=source_sheet,
                                   source_row=source_row, ingest_run=run_id)
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
        """Run one query of the library (`netzwerk.store.queries`) with its parameters.

        A value the query cannot use (``date('31.12.')``) is the user's input, not a bug:
        it raises `ConfigError` with the server's reason.
        """
        try:
            with self._driver.session(database=self.database,
                                      default_access_mode="READ") as session:
                return [
                    {key: _plain_nested(value) for key, value in record.items()}
                    for record in session.run(_query(query.text), parameters)
                ]
        except driver_errors.ClientError as error:
            if not (error.code or "").startswith("Neo.ClientError.Statement."):
                raise self._wrap(error) from None
            reason = (error.message or "").strip().splitlines() or [error.code]
            usage = " ".join(f"-p {name}=…" for name in query.parameters)
            raise ConfigError(f'Abfrage "{query.name}": Neo4j lehnt die Werte ab ({reason[0]})'
                              f" — Parameter prüfen ({usage}; Datum als JJJJ-MM-TT)") from None
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    def persons(self) -> list[dict]:
        """Id, name and consent of every natural person (to pseudonymise query results)."""
        return [
            {"id": r[0], "name": r[1], "consent": bool(r[2])}
            for r in self._read("MATCH (a:Actor {type: 'person'}) RETURN a.id, a.name, a.consent")
        ]

    # ------------------------------------------------------------------ erasure

    def redact_ingest_files(self, replacements: dict[str, str]) -> int:
        def work(tx: ManagedTransaction, renames: dict[str, str]) -> int:
            changed = 0
            for record in list(tx.run(_query("MATCH (r:IngestRun) RETURN r.run_id, r.files"))):
                run_id, files = record.values()
                names = json.loads(files)
                renamed = [renames.get(name, name) for name in names]
                if renamed != names:
                    tx.run(_query("MATCH (r:IngestRun {run_id: $run_id}) SET r.files = $files"),
                           run_id=run_id, files=json.dumps(renamed, ensure_ascii=False)).consume()
                    changed += 1
            return changed

        return self._write(work, replacements)

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
#
# A batch is written in one managed transaction (`_write_batch`): a read query looks the
# batch's keys up through their uniqueness constraints and returns the keys that are absent
# and those whose digest differs; only those rows are then written (nodes with MERGE, ties
# with CREATE or an index lookup, see `_tie_write_plan`; the constraints keep concurrent
# ingests from duplicating anything), with one SET per property (`SET n = map` would make
# the planner add Eager operators). Rows travel as lists,
# not maps, so no property name is sent 5000 times. Index hints pin the lookups to the
# constraints' indexes: a plan cached while the database was empty would otherwise scan every
# relationship of the type for every row (a 100k-tie load then takes hours, not seconds).

NODE_PROPERTIES = ("kind", "name", "since", "until", "note", "source_file", "source_sheet",
                   "source_row", "run_id", "digest")
ACTOR_PROPERTIES = NODE_PROPERTIES + ("type", "sector", "topics", "address", "contact",
                                      "consent", "coordinator")
TIE_PROPERTIES = ("kind", "weight", "topic", "role", "note", "since", "until", "source_file",
                  "source_sheet", "source_row", "run_id", "digest")


@dataclass(frozen=True)
class _WritePlan:
    """The queries that write one batch of one node label or one tie shape.

    ``check`` returns the batch's absent keys and its changed ones; ``create`` writes rows
    whose key is absent, ``update`` rows whose key is stored with another digest;
    ``delete`` removes ties stored the other way round (cooperation is undirected, so a later
    file may name its ends in the other order). ``key_at``/``digest_at``: where a row holds
    its key and digest; ``source_at``: where a tie row holds its source id (None for nodes).
    """

    check: str
    create: str
    update: str
    delete: str | None
    key_at: int
    digest_at: int
    source_at: int | None = None


def _node_write_plan(kind: str) -> _WritePlan:
    label = NODE_LABELS[kind]
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    sets = ", ".join(f"n.{name} = row[{at}]" for at, name in enumerate(properties, start=1))
    # MERGE on a uniquely constrained label and property always plans as a locking unique
    # index seek, so it serves for both new and changed nodes
    merge = (f"UNWIND $rows AS row MERGE (n:{label} {{id: row[0]}}) SET {sets} "
             "RETURN count(n)")
    return _WritePlan(
        check=(
            f"UNWIND $items AS item OPTIONAL MATCH (n:{label} {{id: item[0]}}) "
            f"USING INDEX n:{label}(id) "
            "WITH item, n WHERE n IS NULL OR n.digest IS NULL OR n.digest <> item[1] "
            "RETURN collect(CASE WHEN n IS NULL THEN item[0] END), "
            "collect(CASE WHEN n IS NOT NULL THEN [item[0], true] END)"
        ),
        create=merge, update=merge, delete=None,
        key_at=0, digest_at=properties.index("digest") + 1,
    )


def _tie_write_plan(kind: str, source_kind: str, target_kind: str) -> _WritePlan:
    """Ties are created with CREATE, not MERGE: a relationship MERGE cannot take an index
    hint, and planned on an empty database it scans every tie of its type for every row.
    The uniqueness constraint still forbids a second tie with the same key: a concurrent
    ingest that created it first makes the batch fail and `Neo4jStore._write` re-runs it."""
    rel_type = RELATIONSHIP_TYPES[kind]
    source_label, target_label = NODE_LABELS[source_kind], NODE_LABELS[target_kind]
    sets = ", ".join(f"r.{name} = row[{at}]" for at, name in enumerate(TIE_PROPERTIES, start=3))
    return _WritePlan(
        check=(
            f"UNWIND $items AS item OPTIONAL MATCH (a)-[r:{rel_type} {{key: item[0]}}]->() "
            f"USING INDEX r:{rel_type}(key) "
            "WITH item, r, a WHERE r IS NULL OR r.digest IS NULL OR r.digest <> item[1] "
            "RETURN collect(CASE WHEN r IS NULL THEN item[0] END), "
            f"collect(CASE WHEN r IS NOT NULL THEN [item[0], a:{source_label} AND "
            "a.id = item[2]] END)"
        ),
        create=(
            f"UNWIND $rows AS row MATCH (a:{source_label} {{id: row[0]}}) "
            f"USING INDEX a:{source_label}(id) "
            f"MATCH (b:{target_label} {{id: row[1]}}) USING INDEX b:{target_label}(id) "
            f"CREATE (a)-[r:{rel_type} {{key: row[2]}}]->(b) SET {sets} RETURN count(r)"
        ),
        update=(
            f"UNWIND $rows AS row MATCH ()-[r:{rel_type} {{key: row[2]}}]->() "
            f"USING INDEX r:{rel_type}(key) SET {sets} RETURN count(r)"
        ),
        delete=(f"UNWIND $keys AS key MATCH ()-[r:{rel_type} {{key: key}}]->() "
                f"USING INDEX r:{rel_type}(key) DELETE r"
                if kind in UNDIRECTED_TIE_KINDS else None),
        key_at=2, digest_at=TIE_PROPERTIES.index("digest") + 3, source_at=0,
    )


def keyed_write_queries() -> list[str]:
    """Every query `Neo4jStore.apply` sends that creates a node or tie by its key (MERGE or
    CREATE): one per node label, one per tie shape. Each relies on a uniqueness constraint."""
    queries = [_node_write_plan(kind).create for kind in NODE_LABELS]
    for kind, (sources, targets) in TIE_ENDPOINTS.items():
        queries += [_tie_write_plan(kind, source, target).create
                    for source in sorted(sources) for target in sorted(targets)]
    return queries


def _write_batch(tx: ManagedTransaction, plan: _WritePlan, rows: Sequence[list]
                 ) -> tuple[int, int]:
    """Transaction function: reads only its arguments, returns (created, updated)."""
    items = [[row[plan.key_at], row[plan.digest_at]]
             + ([row[plan.source_at]] if plan.source_at is not None else []) for row in rows]
    absent_keys, changed = tx.run(_query(plan.check), items=items).single().values()
    if not absent_keys and not changed:
        return 0, 0
    absent, present = set(absent_keys), {key for key, _ in changed}
    turned = {key for key, same_direction in changed if not same_direction}
    if turned and plan.delete:
        tx.run(_query(plan.delete), keys=list(turned)).consume()
        absent |= turned
    # one row per key, the last one wins (as in the embedded store)
    latest = {row[plan.key_at]: row for row in rows}
    creates = [row for key, row in latest.items() if key in absent]
    updates = [row for key, row in latest.items() if key in present and key not in absent]
    written = 0
    for query, batch in ((plan.create, creates), (plan.update, updates)):
        if batch:
            written += tx.run(_query(query), rows=batch).single()[0]
    # a tie whose end is not in the store is not written (validation normally prevents it)
    missing = len(creates) + len(updates) - written
    return max(0, len(absent - turned) - missing), len(present)


def _create_ingest_run(tx: ManagedTransaction, entry: dict) -> None:
    tx.run(_query("CREATE (r:IngestRun) SET r = $entry"), entry=entry).consume()


def _batches(rows: Sequence[list], size: int) -> Iterator[Sequence[list]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _node_parameters(row: tuple, run_id: str) -> list:
    """A node row for `_node_write_plan`: id, then the values of its properties in order;
    kind-specific fields are plain properties (``a.sector`` in Cypher)."""
    key, kind, node_id, name, since, until, props, file, sheet, source_row = row
    fields = json.loads(props)
    values = {"kind": kind, "name": name, "since": day(since), "until": day(until),
              "note": fields.get("note", ""), "source_file": file, "source_sheet": sheet,
              "source_row": source_row, "run_id": run_id, "digest": digest(row), **fields}
    properties = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
    return [node_id, *(values[name] for name in properties)]


ACTOR_FIELDS = ("type", "sector", "topics", "address", "contact", "consent", "coordinator",
                "note")


def _actor_fields(properties: dict) -> dict:
    return {field: properties.get(field) for field in ACTOR_FIELDS}


def _tie_parameters(row: tuple, source_id: str, target_id: str, run_id: str) -> list:
    """A tie row for `_tie_write_plan`: source id, target id, key, then `TIE_PROPERTIES`."""
    (key, kind, _source, _target, weight, topic, role, note, since, until, file, sheet,
     source_row) = row
    return [source_id, target_id, key, kind, weight, topic, role, note, day(since), day(until),
            file, sheet, source_row, run_id, digest(row)]


def _plain_nested(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain_nested(v) for v in value]
    return _plain_value(value)


def _iso_text(value: Any) -> str | None:
    value = _plain_value(value)
    return value.isoformat() if isinstance(value, date) else None
