"""The Neo4j store's personal-data operations (`capabilities.PersonalData`): access,
erasure and retention over the shared database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, Protocol, TypeVar

from neo4j import ManagedTransaction, Record

from netzwerk.errors import NotFound
from netzwerk.model import graph_key
from netzwerk.store.base import renamed_source
from netzwerk.store.neo4j_cypher import (
    ACTOR,
    ACTOR_IDENTITIES,
    ACTOR_TIES,
    ALL_SOURCES,
    EXPIRED_ACTORS,
    EXPIRED_TIES,
    FORGET_ACTOR,
    INGEST_RUN_FILES,
    REMOVE_EXPIRED_ACTORS,
    REMOVE_EXPIRED_TIES,
    RENAME_INGEST_RUN_FILES,
    RENAME_NODE_SOURCES,
    RENAME_STATEMENT_SOURCES,
    RENAME_TIE_SOURCES,
)
from netzwerk.store.neo4j_cypher import (
    query as _query,
)
from netzwerk.store.neo4j_merging import forget_merges
from netzwerk.store.neo4j_statements import drop_orphan_statements
from netzwerk.store.rows import (
    ACTOR_FIELDS,
    actor_entry,
    actor_tie_entry,
    identity,
    iso_text,
    plain_value,
)

T = TypeVar("T")


class _RunsTransactions(Protocol):
    """`Neo4jStore._write`: run a transaction function, return what it returns."""

    def __call__(self, work: Callable[..., T], *args: Any) -> T: ...


class Neo4jPersonalData:
    """`PersonalData` for `Neo4jStore`, which it is mixed into: uses the store's ``_read``
    (stream a read query) and ``_write`` (run a transaction function)."""

    _read: Callable[..., Iterator[Record]]
    _write: _RunsTransactions

    def actor_record(self, actor_id: str) -> dict[str, Any]:
        rows = list(self._read(ACTOR, id=actor_id))
        if not rows:
            raise NotFound(
                f'Akteur "{actor_id}" ist nicht im Speicher — Id mit '
                "`netzwerk status` oder im Export prüfen"
            )
        node_id, name, since, until, props, *source = rows[0].values()
        record = actor_entry(
            node_id, name, iso_text(since), iso_text(until), _actor_fields(props), source
        )
        ties = []
        for tie in self._read(ACTOR_TIES, id=actor_id):
            key, kind, outgoing, other_kind, other_id, other_name, *details = tie.values()
            # since, until, last contact
            details[4:7] = [iso_text(value) for value in details[4:7]]
            other = graph_key(other_kind, other_id)
            ties.append(actor_tie_entry(key, kind, outgoing, other, other_name, details))
        record["ties"] = ties
        return record

    def actor_identities(self) -> list[dict[str, str]]:
        return [
            identity(node_id, name, {"type": kind, "address": address, "contact": contact})
            for node_id, name, kind, address, contact in (
                row.values() for row in self._read(ACTOR_IDENTITIES)
            )
        ]

    def redact_ingest_files(self, replacements: dict[str, str]) -> int:
        def work(tx: ManagedTransaction, renames: dict[str, str]) -> int:
            changed = 0
            for record in list(tx.run(_query(INGEST_RUN_FILES))):
                run_id, files, source = record.values()
                names = json.loads(files)
                renamed = [renames.get(name, name) for name in names]
                if renamed != names or renamed_source(source, renames) != source:
                    tx.run(
                        _query(RENAME_INGEST_RUN_FILES),
                        run_id=run_id,
                        files=json.dumps(renamed, ensure_ascii=False),
                        source=renamed_source(source, renames),
                    ).consume()
                    changed += 1
            sources = {name for (name,) in tx.run(_query(ALL_SOURCES))}
            mapping = {
                name: renamed_source(name, renames)
                for name in sources
                if renamed_source(name, renames) != name
            }
            if mapping:
                tx.run(_query(RENAME_NODE_SOURCES), mapping=mapping).consume()
                tx.run(_query(RENAME_TIE_SOURCES), mapping=mapping).consume()
                tx.run(_query(RENAME_STATEMENT_SOURCES), mapping=mapping).consume()
            return changed

        return self._write(work, replacements)

    def forget(self, actor_id: str) -> dict[str, int]:
        """Also erases merges naming the actor (their kept rows and the alias)."""

        def work(tx: ManagedTransaction, actor: str) -> tuple[int | None, int]:
            merges = forget_merges(tx, actor)
            record = tx.run(_query(FORGET_ACTOR), id=actor).single()
            drop_orphan_statements(tx)
            return (None if record is None else record[0]), merges

        ties, merges = self._write(work, actor_id)
        if ties is None and not merges:
            raise NotFound(f'Akteur "{actor_id}" ist nicht im Speicher — Id prüfen')
        counts = {"actors": int(ties is not None), "ties": ties or 0}
        return {**counts, **({"merges": merges} if merges else {})}

    def expired(self, before: date) -> dict[str, list[str]]:
        actors = [r[0] for r in self._read(EXPIRED_ACTORS, day=before)]
        ties = [r[0] for r in self._read(EXPIRED_TIES, day=before)]
        return {"actors": actors, "ties": ties}

    def remove_expired(self, before: date) -> dict[str, int]:
        def work(tx: ManagedTransaction, day_: date) -> dict[str, int]:
            ties = tx.run(_query(REMOVE_EXPIRED_TIES), day=day_).single(strict=True)[0]
            record = tx.run(_query(REMOVE_EXPIRED_ACTORS), day=day_).single(strict=True)
            drop_orphan_statements(tx)
            return {"actors": record[0], "ties": ties + (record[1] or 0)}

        return self._write(work, before)


def _actor_fields(properties: Mapping[str, Any]) -> dict[str, Any]:
    return {field: properties.get(field) for field in ACTOR_FIELDS}


def plain_nested(value: Any) -> Any:
    """A query result value as plain Python: lists and maps element by element, a node or
    relationship as the map of its properties, driver dates as `datetime.date`."""
    if isinstance(value, list):
        return [plain_nested(v) for v in value]
    if isinstance(value, dict):
        return {key: plain_nested(v) for key, v in value.items()}
    if hasattr(value, "element_id") and hasattr(value, "items"):  # Node, Relationship
        return {key: plain_nested(v) for key, v in value.items()}
    return plain_value(value)
