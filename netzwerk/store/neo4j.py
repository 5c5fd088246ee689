"""The Neo4j store: the shared team database, through the official `neo4j` driver.

Graph model in Neo4j: one label per node kind (``Actor``, ``Topic``, ``Project``, ``Event``,
``Place``), unique on ``id``; one relationship type per tie kind (``COOPERATION``,
``MEMBERSHIP``, …), unique on ``key`` (`model.Tie.key`); ``IngestRun`` nodes for the log.
Labels and types come only from `model.NODE_LABELS` / `model.RELATIONSHIP_TYPES`, never
from user text; every value is a query parameter.

An ingest is one managed transaction (``execute_write``) over batches of
``UNWIND $rows …`` queries: nodes, then relationships, then what the source withdrew, then
the log entry (`netzwerk.store.neo4j_ingest`). No reader ever sees half of it, and a killed
client leaves the old state. Each row carries a content digest; a batch first looks its
keys up and writes only what is new, changed or to refresh, so an unchanged re-run writes
nothing. The uniqueness constraints keep concurrent ingests from duplicating anything.
`graph` reads everything back in two streaming queries.

Credentials come only from ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``; they never appear in
a message or a log. The database is ``NEO4J_DATABASE`` (default ``neo4j``).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j import exceptions as driver_errors

from netzwerk.errors import (
    OPTION_PLACE,
    ConfigError,
    NetzwerkError,
    NotFound,
    StoreError,
    StoreUnavailable,
)
from netzwerk.model import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    Changeset,
    graph_key,
)
from netzwerk.store.base import (
    RECORD_KINDS,
    ApplyResult,
    Store,
    new_run_id,
    renamed_source,
    source_of,
)
from netzwerk.store.migration import SCHEMA_VERSION, migrate_neo4j
from netzwerk.store.neo4j_graph import read_graph
from netzwerk.store.neo4j_ingest import (
    RECORD_KIND_OF_NODE,
    Ingest,
    keyed_write_queries,
    query,
)
from netzwerk.store.queries import NamedQuery

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


_SILENT = logging.NullHandler()


def guard_driver_logs() -> None:
    """Attach the redaction filter to every driver logger (idempotent; also catches loggers
    the driver creates after import).

    The ``neo4j`` logger also gets a `logging.NullHandler`: without any handler configured,
    Python's last-resort handler would print the driver's WARNING records ("Transaction
    failed and will be retried in 1.0s …", which the driver handles itself) on a CLI user's
    terminal. Records still propagate, so an application that configures logging sees them.
    """
    names = set(DRIVER_LOGGERS)
    names.update(name for name in list(logging.root.manager.loggerDict)
                 if name == "neo4j" or name.startswith("neo4j."))
    for name in sorted(names):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, DriverLogRedaction) for existing in logger.filters):
            logger.addFilter(_REDACTION)
    driver_logger = logging.getLogger("neo4j")
    if _SILENT not in driver_logger.handlers:
        driver_logger.addHandler(_SILENT)


guard_driver_logs()

__all__ = ["DriverLogRedaction", "Neo4jStore", "guard_driver_logs", "keyed_write_queries"]

DEFAULT_BATCH_SIZE = 5000
CONFLICT_RETRIES = 5  # re-runs of an ingest that met a key written by a concurrent ingest
_query = query


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
    """The shared team database on a Neo4j 5 server.

    Capabilities (`netzwerk.store.capabilities`): `PersonalData`, `NamedQueries`,
    `DeletionResidue`.

    For tests, benchmarks and tools only, not part of the store interface: `ping` (does
    the server answer), `wipe` (delete everything), `schema_statements` and
    `constraint_names` (the schema `init` creates, to check it).
    """

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
                f"oder NETZWERK_STORE/{OPTION_PLACE} prüfen", option="store")
        return StoreError(f"Neo4j {self.uri} meldet einen Fehler "
                          f"({code or type(error).__name__}) — Serverprotokoll prüfen")

    def _write(self, work: Callable[..., Any], *args: Any) -> Any:
        """Run a transaction function; the driver retries transient errors (deadlocks,
        lost connections) and this retries uniqueness conflicts: another ingest wrote the
        same key first, and running the function again sees it. A transaction larger than
        the server's memory allows is a one-line error saying so."""
        for attempt in range(CONFLICT_RETRIES + 1):
            try:
                with self._driver.session(database=self.database) as session:
                    return session.execute_write(work, *args)
            except driver_errors.ConstraintError as error:
                if attempt == CONFLICT_RETRIES:
                    raise self._wrap(error) from None
            except driver_errors.TransientError as error:
                if "Memory" not in (error.code or ""):
                    raise self._wrap(error) from None
                raise StoreError(
                    f"Neo4j {self.uri}: die Änderung ist für einen Schreibvorgang zu groß "
                    f"({error.code}) — nichts geändert; Heap des Servers vergrößern "
                    "(server.memory.heap.max_size, bei tools/neo4j: NEO4J_HEAP_MAX) oder "
                    "die Daten in mehreren Quellen laden") from None
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
        statements.append("CREATE CONSTRAINT netzwerk_lock_id IF NOT EXISTS "
                          "FOR (l:NetzwerkLock) REQUIRE l.id IS UNIQUE")
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
        version = [record[0] for record in self._read(
            "MATCH (s:NetzwerkSchema) RETURN s.version")]
        if version != [SCHEMA_VERSION]:
            self._write(migrate_neo4j, SCHEMA_VERSION)
        self._schema_checked = True

    def constraint_names(self) -> list[str]:
        """Names of the uniqueness constraints `init` creates (one per label and type)."""
        return ([f"{kind}_id" for kind in NODE_LABELS]
                + [f"{kind}_key" for kind in RELATIONSHIP_TYPES]
                + ["ingest_run_id", "netzwerk_lock_id"])

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

    def apply(self, changeset: Changeset, *, files: list[str] | None = None,
              dry_run: bool = False) -> ApplyResult:
        """One transaction for the whole changeset (see `netzwerk.store.neo4j_ingest`)."""
        self._ensure_schema()
        result = ApplyResult(run_id=new_run_id(), source=source_of(changeset, files))
        ingest = Ingest.of(changeset, result, files if files is not None else changeset.files,
                           self.batch_size)
        done = self._rolled_back(ingest.run) if dry_run else self._write(ingest.run)
        done.dry_run = dry_run
        return done

    def _rolled_back(self, work: Callable[..., Any], *args: Any) -> Any:
        """Run a transaction function and roll it back (``ingest --dry-run``)."""
        try:
            with self._driver.session(database=self.database) as session:
                transaction = session.begin_transaction()
                try:
                    return work(transaction, *args)
                finally:
                    transaction.rollback()
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    # ------------------------------------------------------------------ reads

    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        """The network, read under the ingest lock: Neo4j reads committed data as it scans,
        so without it a read during an ingest's commit could see part of that ingest."""
        self._ensure_schema()
        return self._write(read_graph, as_of)

    def counts(self) -> dict[str, int]:
        self._ensure_schema()
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
            "MATCH (r:IngestRun) RETURN r.run_id, r.started, r.files, r.created, r.updated, "
            "coalesce(r.removed, '{}'), coalesce(r.source, '') "
            "ORDER BY r.started DESC, r.run_id DESC LIMIT $limit", limit=limit)
        return [
            {"run_id": run_id, "started": started, "files": json.loads(files), "source": source,
             "created": json.loads(created), "updated": json.loads(updated),
             "removed": json.loads(removed)}
            for run_id, started, files, created, updated, removed, source
            in (r.values() for r in records)
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
            for record in list(tx.run(_query(
                    "MATCH (r:IngestRun) RETURN r.run_id, r.files, coalesce(r.source, '')"))):
                run_id, files, source = record.values()
                names = json.loads(files)
                renamed = [renames.get(name, name) for name in names]
                if renamed != names or renamed_source(source, renames) != source:
                    tx.run(_query("MATCH (r:IngestRun {run_id: $run_id}) SET r.files = $files, "
                                  "r.source = $source"),
                           run_id=run_id, files=json.dumps(renamed, ensure_ascii=False),
                           source=renamed_source(source, renames)).consume()
                    changed += 1
            sources = {name for (name,) in tx.run(_query(
                "MATCH (n) WHERE n.sources IS NOT NULL UNWIND n.sources AS s RETURN DISTINCT s "
                "UNION MATCH ()-[r]->() WHERE r.sources IS NOT NULL UNWIND r.sources AS s "
                "RETURN DISTINCT s"))}
            mapping = {name: renamed_source(name, renames) for name in sources
                       if renamed_source(name, renames) != name}
            if mapping:
                tx.run(_query(
                    "MATCH (n) WHERE any(s IN n.sources WHERE s IN keys($mapping)) "
                    "SET n.sources = [s IN n.sources | coalesce($mapping[s], s)]"),
                    mapping=mapping).consume()
                tx.run(_query(
                    "MATCH ()-[r]->() WHERE any(s IN r.sources WHERE s IN keys($mapping)) "
                    "SET r.sources = [s IN r.sources | coalesce($mapping[s], s)]"),
                    mapping=mapping).consume()
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

    def deletion_residue(self) -> list[str]:
        """The server's store files and transaction logs of this database."""
        return [f"data/databases/{self.database}/", f"data/transactions/{self.database}/"]

    def close(self) -> None:
        self._driver.close()


ACTOR_FIELDS = ("type", "sector", "topics", "address", "contact", "consent", "coordinator",
                "note")


def _actor_fields(properties: dict) -> dict:
    return {field: properties.get(field) for field in ACTOR_FIELDS}


def _plain_nested(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain_nested(v) for v in value]
    return _plain_value(value)


def _iso_text(value: Any) -> str | None:
    value = _plain_value(value)
    return value.isoformat() if isinstance(value, date) else None
