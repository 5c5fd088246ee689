"""A first load into an empty Neo4j database by ``neo4j-admin database import full``.

The transactional ingest (`store.neo4j_ingest`) writes about 7,500 ties/s: the server's
per-property writes are the limit. For a first load into an empty database Neo4j's offline
importer writes its store files directly, many times faster. This module writes, from the
same validated changeset `Neo4jStore.apply` takes, the CSV files (headers in the
importer's format) that give exactly the graph the transactional ingest writes into an
empty database: the same labels, relationship types and properties with their types
(dates as ``date``, counts and digests as ``long``, strengths as ``double``, flags as
``boolean``, topics and sources as ``string[]``), the ingest-log entry (an ``IngestRun``
node), the schema-version node and the ingest lock. The property values come from the same
functions the transactional ingest uses (`neo4j_ingest.node_parameters`,
`neo4j_ingest.tie_parameters`), so both paths cannot drift apart.

The importer does not create constraints or indexes (Community 5) and cannot store an empty
list: `finish_first_load` runs the store's schema setup (`Neo4jStore.init`), gives actors
without topics their empty list, and checks the counts against what the files hold.

Driving the importer (stopping the server, proving the database empty, importing into a
folder of its own and swapping it in only on success) is the job of the tooling:
``tools/neo4j/neo4j.sh import FILE...``. `mark_first_load` is the proof it relies on, and
keeps ingests out until the import replaced the database.

Import header format: https://neo4j.com/docs/operations-manual/5/import/ ("CSV header
format": ``:ID(space)``, ``:START_ID(space)``, ``:END_ID(space)``, ``name:type``,
``name:type[]`` with ``--array-delimiter``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction
from neo4j import exceptions as driver_errors

from netzwerk.errors import StoreError
from netzwerk.model import NODE_LABELS, RELATIONSHIP_TYPES, Changeset
from netzwerk.performance import gc_paused
from netzwerk.private_files import FILE_MODE, make_private_folder
from netzwerk.store.base import ApplyResult, new_run_id, source_of
from netzwerk.store.migration import SCHEMA_VERSION
from netzwerk.store.neo4j import Neo4jStore
from netzwerk.store.neo4j_cypher import ANY_TIE_TYPE, LOCK_FOR_INGEST, query
from netzwerk.store.neo4j_ingest import (
    RECORD_KIND_OF_NODE,
    ParameterRow,
    node_parameters,
    tie_parameters,
)
from netzwerk.store.neo4j_writes import ACTOR_PROPERTIES, NODE_PROPERTIES, TIE_PROPERTIES
from netzwerk.store.rows import node_rows, tie_row

#: separates the elements of a list value in the files (``--array-delimiter``): the ASCII
#: unit separator, which no text a workbook holds contains (checked for every value)
ARRAY_DELIMITER = "\x1f"
#: the importer's type of each property a node or tie is written with (`NODE_PROPERTIES`,
#: `ACTOR_PROPERTIES`, `TIE_PROPERTIES`, plus ``sources``); the rest are strings
PROPERTY_TYPES = {
    "since": "date",
    "until": "date",
    "last_contact": "date",
    "source_row": "long",
    "digest": "long",
    "weight": "double",
    "topics": "string[]",
    "sources": "string[]",
    "consent": "boolean",
    "coordinator": "boolean",
    "taken": "long",
}
#: nodes of netzwerk's own bookkeeping, not of the network: a database holding only these
#: counts as empty
BOOKKEEPING_LABELS = ("NetzwerkSchema", "NetzwerkLock")
_OTHER_LABELS = " AND ".join(f"NOT n:{label}" for label in BOOKKEEPING_LABELS)
COUNT_DATA_NODES = f"MATCH (n) WHERE {_OTHER_LABELS} RETURN count(n)"
COUNT_ALL_TIES = "MATCH ()-[r]->() RETURN count(r)"
COUNT_ALL_NODES = "MATCH (n) RETURN count(n)"
COUNT_IMPORTED_TIES = f"MATCH ()-[r:{ANY_TIE_TYPE}]->() RETURN count(r)"
#: a first load holds the database (`mark_first_load`), and lets it go again
MARK_FIRST_LOAD = "MATCH (lock:NetzwerkLock {id: 'ingest'}) SET lock.first_load = $started"
RELEASE_FIRST_LOAD = (
    "MATCH (lock:NetzwerkLock {id: 'ingest'}) WHERE lock.first_load IS NOT NULL "
    "REMOVE lock.first_load RETURN count(lock)"
)
#: the importer stores no empty list: actors without topics get theirs here, in
#: transactions of 10,000 (one transaction for a million actors exceeds the server's
#: transaction memory: MemoryPoolOutOfMemoryError at 1,000,000 actors)
EMPTY_TOPICS = (
    "MATCH (a:Actor) WHERE a.topics IS NULL "
    "CALL (a) { SET a.topics = [] } IN TRANSACTIONS OF 10000 ROWS"
)


@dataclass
class ImportFiles:
    """The files of one first load and what they hold.

    ``nodes``: (label, file) pairs; ``ties``: (relationship type, file) pairs, one file per
    tie shape (kind, source kind, target kind), since each end names its node's id space;
    ``result``: what the load creates, as `Neo4jStore.apply` would report it into an empty
    database; ``nodes_total``: how many nodes the files hold (bookkeeping included);
    ``multiline``: whether a value holds a line break (the importer then needs
    ``--multiline-fields=true``, which is slower).
    """

    folder: Path
    result: ApplyResult
    nodes: list[tuple[str, Path]] = field(default_factory=list)
    ties: list[tuple[str, Path]] = field(default_factory=list)
    nodes_total: int = 0
    ties_total: int = 0
    multiline: bool = False

    def admin_arguments(self) -> list[str]:
        """The options of ``neo4j-admin database import full`` for these files (after the
        database name): all-or-nothing (no bad entry tolerated), the array delimiter."""
        arguments = [
            "--bad-tolerance=0",
            "--skip-bad-relationships=false",
            "--skip-duplicate-nodes=false",
            f"--array-delimiter=U+{ord(ARRAY_DELIMITER):04X}",
            "--ignore-empty-strings=false",
            "--trim-strings=false",
            f"--multiline-fields={'true' if self.multiline else 'false'}",
        ]
        arguments += [f"--nodes={label}={path}" for label, path in self.nodes]
        arguments += [f"--relationships={rel_type}={path}" for rel_type, path in self.ties]
        return arguments


def write_import_files(
    changeset: Changeset, folder: Path, *, files: list[str] | None = None
) -> ImportFiles:
    """Write the importer's CSV files for ``changeset`` into ``folder`` (made 0700 if
    missing; each file 0600: they hold persons' data) and say what they hold.

    ``files``: the file names for the log entry (default: ``changeset.files``), as in
    `Store.apply`. Records sharing a key are written once, the last one winning, as the
    transactional ingest does; ties whose end is not among the changeset's nodes are not
    written (validation prevents both for workbooks).
    """
    folder = make_private_folder(Path(folder))
    result = ApplyResult(run_id=new_run_id(), source=source_of(changeset, files))
    load = ImportFiles(folder, result)
    with gc_paused():  # millions of small lists and no cycles (see `gc_paused`)
        known = _write_nodes(changeset, load)
        _write_ties(changeset, load, known)
    logged = files if files is not None else changeset.files
    _write_bookkeeping(load, logged)
    return load


def _write_nodes(changeset: Changeset, load: ImportFiles) -> dict[str, set[str]]:
    """One file per label; returns the node ids written, per node kind."""
    rows: dict[str, dict[str, ParameterRow]] = {kind: {} for kind in NODE_LABELS}
    totals = dict.fromkeys(NODE_LABELS, 0)
    for _, row in node_rows(changeset):
        parameters = node_parameters(row, load.result.run_id)
        rows[row[1]][parameters[0]] = parameters  # one node per id, the last one wins
        totals[row[1]] += 1
    for kind, by_id in rows.items():
        if not by_id:
            continue
        label = NODE_LABELS[kind]
        names = ACTOR_PROPERTIES if kind == "actor" else NODE_PROPERTIES
        header = [f"id:ID({label})", *map(_column, names), _column("sources")]
        source = [load.result.source]
        path = load.folder / f"nodes-{label}.csv"
        load.multiline |= _write_csv(path, header, ([*row, source] for row in by_id.values()))
        load.nodes.append((label, path))
        load.nodes_total += len(by_id)
        record_kind = RECORD_KIND_OF_NODE[kind]
        load.result.created[record_kind] = len(by_id)
        load.result.unchanged[record_kind] = totals[kind] - len(by_id)
    return {kind: set(by_id) for kind, by_id in rows.items()}


def _write_ties(changeset: Changeset, load: ImportFiles, known: dict[str, set[str]]) -> None:
    """One file per tie shape (kind, source kind, target kind)."""
    shapes: dict[tuple[str, str, str], dict[str, ParameterRow]] = {}
    for tie in changeset.ties:
        row = tie_parameters(tie_row(tie), tie.source.id, tie.target.id, load.result.run_id)
        shape = shapes.setdefault((tie.kind, tie.source.kind, tie.target.kind), {})
        for other in shapes.values():  # one tie per key, the last one wins (in any shape)
            other.pop(row[2], None)
        shape[row[2]] = row
    source = [load.result.source]
    for (kind, source_kind, target_kind), by_key in shapes.items():
        rows = [
            [*row, source]
            for row in by_key.values()
            if row[0] in known[source_kind] and row[1] in known[target_kind]
        ]
        if not rows:
            continue
        rel_type = RELATIONSHIP_TYPES[kind]
        header = [
            f":START_ID({NODE_LABELS[source_kind]})",
            f":END_ID({NODE_LABELS[target_kind]})",
            "key",
            *map(_column, TIE_PROPERTIES),
            _column("sources"),
        ]
        path = load.folder / f"ties-{rel_type}-{source_kind}-{target_kind}.csv"
        load.multiline |= _write_csv(path, header, rows)
        load.ties.append((rel_type, path))
        load.ties_total += len(rows)
    load.result.created["ties"] = load.ties_total
    load.result.unchanged["ties"] = len(changeset.ties) - load.ties_total


def _write_bookkeeping(load: ImportFiles, files: list[str]) -> None:
    """The ingest-log entry, the schema version and the ingest lock, as an ingest into an
    empty database leaves them (`Ingest.run`, `migrate_neo4j`, `neo4j_cypher.LOCK`)."""
    result = load.result
    entry = {
        "run_id": result.run_id,
        "started": datetime.now(UTC).isoformat(timespec="microseconds"),
        "files": json.dumps(files, ensure_ascii=False),
        "source": result.source,
        "created": json.dumps(result.created),
        "updated": json.dumps(result.updated),
        "removed": json.dumps(result.removed),
    }
    bookkeeping: list[tuple[str, dict[str, Any]]] = [
        ("IngestRun", entry),
        ("NetzwerkSchema", {"id": "schema", "version": SCHEMA_VERSION}),
        ("NetzwerkLock", {"id": "ingest", "taken": 1}),
    ]
    for label, properties in bookkeeping:
        path = load.folder / f"nodes-{label}.csv"
        load.multiline |= _write_csv(
            path, [_column(name) for name in properties], [list(properties.values())]
        )
        load.nodes.append((label, path))
        load.nodes_total += 1


def _column(name: str) -> str:
    """The header of one property column: ``name`` or ``name:type``."""
    kind = PROPERTY_TYPES.get(name)
    return f"{name}:{kind}" if kind else name


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bool:
    """Write one file, 0600 from the start; returns whether a value holds a line break."""
    multiline = False
    formats = [_format_of(column) for column in header]
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with open(descriptor, "w", encoding="utf-8", newline="") as out:
        out.write(",".join(header) + "\n")
        for row in rows:
            line = ",".join([form(value) for form, value in zip(formats, row, strict=True)])
            multiline = multiline or "\n" in line or "\r" in line
            out.write(line + "\n")
    return multiline


def _format_of(column: str) -> Callable[[Any], str]:
    """How a value of ``column`` (a header field) is written, as the importer reads it:
    nothing for null (no property), text in quotes (so an empty text stays an empty text),
    lists joined by `ARRAY_DELIMITER`.

    >>> [_format_of(c)(v) for c, v in (("a", None), ("a", ""), ("a", "x,y"), ("b:boolean",
    ...     True), ("c:double", 2.0), ("d:long", 7), ("e:date", "2024-06-01"),
    ...     ("f:string[]", ["x", "y"]))]
    ['', '""', '"x,y"', 'true', '2.0', '7', '2024-06-01', '"x\\x1fy"']
    """
    kind = column.rpartition(":")[2] if ":" in column.lstrip(":") else ""
    return _FORMATS.get(kind, _text)


def _text(value: str | None) -> str:
    return "" if value is None else '"' + value.replace('"', '""') + '"'


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)


def _day(value: str | None) -> str:  # parameter rows carry days as ISO text already
    return value or ""


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def _texts(value: Sequence[str] | None) -> str:
    if value is None:
        return ""
    if any(ARRAY_DELIMITER in text for text in value):
        raise StoreError(
            "ein Listenwert enthält das Steuerzeichen U+001F — Zeichen aus der Arbeitsmappe "
            "entfernen oder normal einlesen (netzwerk ingest)"
        )
    return _text(ARRAY_DELIMITER.join(value))


_FORMATS: dict[str, Callable[[Any], str]] = {
    "date": _day,
    "long": _number,
    "double": _number,
    "boolean": _flag,
    "string[]": _texts,
}


# ---------------------------------------------------------------------- around the import


def mark_first_load(store: Neo4jStore) -> int:
    """Prove the database holds no data and mark it as held by a first load.

    One write transaction takes the ingest lock every netzwerk ingest takes first
    (`neo4j_cypher.LOCK`), counts the nodes other than netzwerk's bookkeeping
    (`BOOKKEEPING_LABELS`) and all relationships, and, when both are 0, commits the time on
    the lock (``first_load``). From then on every ingest stops with one line saying so
    (`neo4j_cypher.LOCK_FOR_INGEST`) until the import replaces the database (its lock node
    has no mark) or `release_first_load` removes the mark. Any data raises `StoreError`,
    as does a mark left by another first load. Returns the number of bookkeeping nodes.

    A committed mark, not an open transaction: the server waits up to 10 s
    (``db.shutdown_transaction_end_timeout``) for open transactions when it stops.
    """

    def work(tx: ManagedTransaction) -> tuple[Any, int, int, int]:
        marked = tx.run(query(LOCK_FOR_INGEST)).single(strict=True)[0]
        data_nodes = tx.run(query(COUNT_DATA_NODES)).single(strict=True)[0]
        ties = tx.run(query(COUNT_ALL_TIES)).single(strict=True)[0]
        bookkeeping = tx.run(query(COUNT_ALL_NODES)).single(strict=True)[0] - data_nodes
        if marked is None and not (data_nodes or ties):
            tx.run(query(MARK_FIRST_LOAD), started=datetime.now(UTC).isoformat()).consume()
        return marked, data_nodes, ties, bookkeeping

    marked, data_nodes, ties, bookkeeping = store._write(work)  # noqa: SLF001
    if data_nodes or ties:
        raise StoreError(
            f"{store.description} ist nicht leer ({data_nodes} Knoten, {ties} Beziehungen) "
            "— das Erstladen schreibt nur in eine leere Datenbank; "
            "Daten normal einlesen (netzwerk ingest)"
        )
    if marked is not None:
        raise StoreError(
            f"{store.description}: ein anderes Erstladen (begonnen {marked}) hält die "
            "Datenbank — sein Ende abwarten; war es abgebrochen: "
            "bash tools/neo4j/neo4j.sh import --release"
        )
    return int(bookkeeping)


def release_first_load(store: Neo4jStore) -> bool:
    """Remove the mark of `mark_first_load` (after a failed or aborted first load): ingests
    run again. Returns whether there was a mark."""

    def work(tx: ManagedTransaction) -> bool:
        return bool(tx.run(query(RELEASE_FIRST_LOAD)).single(strict=True)[0])

    return store._write(work)  # noqa: SLF001 - one package: the store's own transactions


def data_counts(store: Neo4jStore) -> tuple[int, int]:
    """Nodes other than netzwerk's bookkeeping, and relationships, in ``store`` (read
    without the schema setup `Neo4jStore.counts` runs first: nothing is written)."""
    try:
        with store._driver.session(database=store.database) as session:  # noqa: SLF001
            nodes = session.run(query(COUNT_DATA_NODES)).single(strict=True)[0]
            ties = session.run(query(COUNT_ALL_TIES)).single(strict=True)[0]
    except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
        raise store._wrap(error) from None  # noqa: SLF001
    return nodes, ties


def finish_first_load(store: Neo4jStore, load: ImportFiles) -> ApplyResult:
    """After the import, with the server started: create the constraints and indexes
    (`Neo4jStore.init`), give actors without topics their empty list, and check the
    database holds exactly what the files did. Returns what the load created."""
    store.init()
    try:
        with store._driver.session(database=store.database) as session:  # noqa: SLF001
            session.run(query(EMPTY_TOPICS)).consume()
            nodes = session.run(query(COUNT_ALL_NODES)).single(strict=True)[0]
            ties = session.run(query(COUNT_IMPORTED_TIES)).single(strict=True)[0]
    except (driver_errors.Neo4jError, driver_errors.DriverError, OSError) as error:
        raise store._wrap(error) from None  # noqa: SLF001
    if (nodes, ties) != (load.nodes_total, load.ties_total):
        raise StoreError(
            f"{store.description}: nach dem Erstladen {nodes} Knoten und {ties} "
            f"Beziehungen statt {load.nodes_total} und {load.ties_total} — "
            "Importprotokoll prüfen"
        )
    return load.result
