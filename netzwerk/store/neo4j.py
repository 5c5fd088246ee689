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

The pieces: every Cypher statement is a constant of `netzwerk.store.neo4j_cypher`;
`neo4j_ingest` writes, `neo4j_graph` reads the graph back, `neo4j_personal` holds the
personal-data operations, `neo4j_logs` keeps personal data out of the driver's logs.

Credentials come only from ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``; they never appear in
a message or a log. The database is ``NEO4J_DATABASE`` (default ``neo4j``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urlsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, Record
from neo4j import exceptions as driver_errors

from netzwerk.errors import (
    OPTION_PLACE,
    ConfigError,
    NetzwerkError,
    StoreError,
    StoreUnavailable,
)
from netzwerk.model import NODE_LABELS, Changeset
from netzwerk.performance import gc_paused
from netzwerk.store.base import (
    RECORD_KINDS,
    ApplyResult,
    Store,
    new_run_id,
    source_of,
)
from netzwerk.store.census import ActorGroup, Census, census_from_counts
from netzwerk.store.migration import SCHEMA_VERSION, migrate_neo4j
from netzwerk.store.neo4j_cypher import (
    CENSUS_ACTORS,
    CENSUS_DAYS,
    CENSUS_TIES,
    CONSTRAINT_NAMES,
    COUNT_NODES,
    COUNT_TIES,
    INGEST_LOG,
    PERSONS,
    RESAMPLE_OUTDATED_INDEXES,
    SCHEMA_STATEMENTS,
    SCHEMA_VERSION_STORED,
    SHOW_CONSTRAINTS,
    WIPE,
)
from netzwerk.store.neo4j_cypher import (
    query as _query,
)
from netzwerk.store.neo4j_graph import read_graph
from netzwerk.store.neo4j_ingest import (
    RECORD_KIND_OF_NODE,
    Ingest,
    TransactionTooLarge,
    keyed_write_queries,
)
from netzwerk.store.neo4j_logs import DRIVER_LOGGERS, DriverLogRedaction, guard_driver_logs
from netzwerk.store.neo4j_merging import Neo4jMerging
from netzwerk.store.neo4j_personal import Neo4jPersonalData, plain_nested
from netzwerk.store.neo4j_statements import Neo4jTieStatements
from netzwerk.store.queries import NamedQuery
from netzwerk.store.rows import day, ingest_log_entry

guard_driver_logs()

__all__ = [
    "DRIVER_LOGGERS",
    "DriverLogRedaction",
    "Neo4jStore",
    "guard_driver_logs",
    "keyed_write_queries",
]

T = TypeVar("T")

DEFAULT_BATCH_SIZE = 5000
CONFLICT_RETRIES = 5  # re-runs of an ingest that met a key written by a concurrent ingest


def _credentials() -> tuple[str, str]:
    user = os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER") or "neo4j"
    password = os.environ.get("NEO4J_PASSWORD")
    if not password:
        raise ConfigError(
            "NEO4J_PASSWORD ist nicht gesetzt — Passwort des Neo4j-Servers in "
            "NEO4J_PASSWORD (und Benutzer in NEO4J_USERNAME) setzen"
        )
    return user, password


class Neo4jStore(Neo4jPersonalData, Neo4jMerging, Neo4jTieStatements, Store):
    """The shared team database on a Neo4j 5 server.

    Capabilities (`netzwerk.store.capabilities`): `PersonalData`, `Merging`, `TieStatements`,
    `NamedQueries`, `DeletionResidue`.

    For tests, benchmarks and tools only, not part of the store interface: `ping` (does
    the server answer), `wipe` (delete everything), `schema_statements` and
    `constraint_names` (the schema `init` creates, to check it).
    """

    def __init__(
        self,
        uri: str,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        database: str | None = None,
        retry_seconds: float = 30.0,
    ):
        """``retry_seconds``: how long a write keeps retrying while the server is unreachable
        or reports a transient error (deadlock, leader switch) before giving up."""
        parts = urlsplit(uri)
        if parts.username or parts.password:
            raise ConfigError(
                "Zugangsdaten gehören nicht in die Neo4j-URI — NEO4J_USERNAME "
                "und NEO4J_PASSWORD setzen und die URI ohne user:pass@ angeben"
            )
        self.uri = uri
        self.database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        self.batch_size = batch_size
        self.description = f"Neo4j {uri} (Datenbank {self.database})"
        self.description_en = f"Neo4j {uri} (database {self.database})"
        self._schema_checked = False
        guard_driver_logs()
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=_credentials(),
                notifications_min_severity="OFF",
                max_transaction_retry_time=retry_seconds,
            )
        except (driver_errors.ConfigurationError, ValueError) as error:
            raise ConfigError(
                f"ungültige Neo4j-URI {uri} — Form bolt://host:7687 oder neo4j://host:7687"
            ) from error

    # ------------------------------------------------------------------ plumbing

    def _wrap(self, error: Exception) -> NetzwerkError:
        """The driver's error as ours, with the fix in the message (one line, no values)."""
        code = getattr(error, "code", None) or ""
        if isinstance(error, driver_errors.AuthError) or code.startswith(
            "Neo.ClientError.Security."
        ):
            return StoreUnavailable(
                f"Anmeldung bei Neo4j {self.uri} fehlgeschlagen — NEO4J_USERNAME und "
                "NEO4J_PASSWORD prüfen (nach mehreren Fehlversuchen einige Sekunden warten)"
            )
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return ConfigError(
                f'Neo4j {self.uri} hat keine Datenbank "{self.database}" — NEO4J_DATABASE prüfen'
            )
        if isinstance(
            error, driver_errors.ServiceUnavailable | driver_errors.SessionExpired | OSError
        ):
            return StoreUnavailable(
                f"Neo4j unter {self.uri} nicht erreichbar — Server starten (`make neo4j-start`) "
                f"oder NETZWERK_STORE/{OPTION_PLACE} prüfen",
                option="store",
            )
        return StoreError(
            f"Neo4j {self.uri} meldet einen Fehler "
            f"({code or type(error).__name__}) — Serverprotokoll prüfen"
        )

    def _write(self, work: Callable[..., T], *args: Any) -> T:
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
            except (TransactionTooLarge, driver_errors.TransientError) as error:
                # the memory cap also ends a transaction at its commit, outside `Ingest.run`
                code = str(error) if isinstance(error, TransactionTooLarge) else error.code or ""
                if "Memory" not in code:
                    raise self._wrap(error) from None
                raise StoreError(
                    f"Neo4j {self.uri}: die Änderung ist für einen Schreibvorgang zu groß "
                    f"({code}) — nichts geändert; Heap des Servers vergrößern "
                    "(server.memory.heap.max_size, bei tools/neo4j: NEO4J_HEAP_MAX) oder "
                    "die Daten in mehreren Quellen laden"
                ) from None
            except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
                raise self._wrap(error) from None
        raise AssertionError("unreachable")

    def _read(self, query: str, **parameters: Any) -> Iterator[Record]:
        """Stream the records of one read query (auto-commit, no per-node round trips)."""
        try:
            with self._driver.session(
                database=self.database, default_access_mode="READ"
            ) as session:
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
        """The statements `init` runs: constraints and indexes (for tests and tools)."""
        return list(SCHEMA_STATEMENTS)

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
        names = {record[0] for record in self._read(SHOW_CONSTRAINTS)}
        if not set(self.constraint_names()) <= names:
            self.init()
        version = [record[0] for record in self._read(SCHEMA_VERSION_STORED)]
        if version != [SCHEMA_VERSION]:
            self._write(migrate_neo4j, SCHEMA_VERSION)
        self._schema_checked = True

    def constraint_names(self) -> list[str]:
        """Names of the uniqueness constraints `init` creates (one per label and type)."""
        return list(CONSTRAINT_NAMES)

    def wipe(self) -> None:
        """Delete every node and relationship (tests and `netzwerk demo` only)."""
        try:
            with self._driver.session(database=self.database) as session:
                session.run(_query(WIPE)).consume()
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    # ------------------------------------------------------------------ writes

    def apply(
        self, changeset: Changeset, *, files: list[str] | None = None, dry_run: bool = False
    ) -> ApplyResult:
        """One transaction for the whole changeset (see `netzwerk.store.neo4j_ingest`)."""
        self._ensure_schema()
        result = ApplyResult(run_id=new_run_id(), source=source_of(changeset, files))
        with gc_paused():  # millions of small lists and no cycles (see `gc_paused`)
            ingest = Ingest.of(
                changeset, result, files if files is not None else changeset.files, self.batch_size
            )
            done = self._rolled_back(ingest.run) if dry_run else self._write(ingest.run)
        done.dry_run = dry_run
        if not dry_run and done.changed_anything:
            self._resample_outdated_indexes()
        return done

    def _resample_outdated_indexes(self) -> None:
        """Have the server sample now the indexes a write changed by more than a few per
        cent, not at its next background round: a query planned in between (a report, a
        user's query in Neo4j Browser) would trust statistics from before the load and may
        scan an index per row (`tests/store/test_neo4j_plans.py`). Best effort: a user
        without the right to call the procedure ingests as before."""
        with (
            contextlib.suppress(driver_errors.Neo4jError, driver_errors.DriverError, OSError),
            self._driver.session(database=self.database) as session,
        ):
            session.run(_query(RESAMPLE_OUTDATED_INDEXES)).consume()

    def _rolled_back(self, work: Callable[..., T], *args: Any) -> T:
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
        with gc_paused():  # millions of small objects and no cycles (see `gc_paused`)
            return self._write(read_graph, as_of)

    def counts(self) -> dict[str, int]:
        self._ensure_schema()
        counts = dict.fromkeys(RECORD_KINDS, 0)
        for kind in NODE_LABELS:
            (record,) = list(self._read(COUNT_NODES[kind]))
            counts[RECORD_KIND_OF_NODE[kind]] = record[0]
        (record,) = list(self._read(COUNT_TIES))
        counts["ties"] = record[0]
        return counts

    def census(self) -> Census:
        """`Store.census` from aggregate queries (no graph is read)."""
        self._ensure_schema()
        nodes = {kind: list(self._read(COUNT_NODES[kind]))[0][0] for kind in NODE_LABELS}
        actors = [
            ActorGroup(kind, sector, bool(consent), bool(coordinator), count)
            for kind, sector, consent, coordinator, count in self._read(CENSUS_ACTORS)
        ]
        ties = {record[0]: record[1] for record in self._read(CENSUS_TIES)}
        ((first, last),) = [tuple(record) for record in self._read(CENSUS_DAYS)]
        return census_from_counts(nodes, actors, ties, day(first), day(last))

    def ingest_log(self, limit: int = 10) -> list[dict[str, Any]]:
        records = self._read(INGEST_LOG, limit=limit)
        return [ingest_log_entry(*record.values()) for record in records]

    # ------------------------------------------------------------------ named queries

    def run_query(self, query: NamedQuery, parameters: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one query of the library (`netzwerk.store.queries`) with its parameters.

        A value the query cannot use (``date('31.12.')``) is the user's input, not a bug:
        it raises `ConfigError` with the server's reason.
        """
        try:
            with self._driver.session(
                database=self.database, default_access_mode="READ"
            ) as session:
                return [
                    {
                        key: plain_nested(value)
                        for key, value in zip(record.keys(), record.values(), strict=True)
                    }
                    for record in session.run(_query(query.text), parameters)
                ]
        except driver_errors.ClientError as error:
            if not (error.code or "").startswith("Neo.ClientError.Statement."):
                raise self._wrap(error) from None
            reason = (error.message or "").strip().splitlines() or [error.code]
            usage = " ".join(f"-p {name}=…" for name in query.parameters)
            raise ConfigError(
                f'Abfrage "{query.name}": Neo4j lehnt die Werte ab ({reason[0]})'
                f" — Parameter prüfen ({usage}; Datum als JJJJ-MM-TT)"
            ) from None
        except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
            raise self._wrap(error) from None

    def persons(self) -> list[dict[str, Any]]:
        """Id, name and consent of every natural person (to pseudonymise query results)."""
        return [{"id": r[0], "name": r[1], "consent": bool(r[2])} for r in self._read(PERSONS)]

    def deletion_residue(self) -> list[str]:
        """The server's store files and transaction logs of this database."""
        return [f"data/databases/{self.database}/", f"data/transactions/{self.database}/"]

    def close(self) -> None:
        self._driver.close()
