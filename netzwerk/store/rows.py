"""Rows shared by every store: records flattened to tuples, content digests, graph attributes.

Both stores compute the same digest for the same record, so "unchanged" means the same
thing everywhere: a record whose content is equal. Where a record came from (file, sheet,
row) and which sources state it are kept beside the content but are no part of it: a row
that moved down in its sheet, or the same data loaded from another file, is unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from netzwerk.model import (
    Actor,
    Changeset,
    Event,
    Place,
    Project,
    Tie,
    Topic,
    graph_key,
    street_of,
)

#: where a record came from: kept beside its content, no part of it
PROVENANCE = ("source_file", "source_sheet", "source_row")
#: what a tie says besides its kind and ends
TIE_DETAILS = ("weight", "topic", "role", "note", "since", "until", "periods", "last_contact")
#: the fields whose change is a change of content (the rest is identity or provenance)
NODE_CONTENT = ("kind", "id", "name", "since", "until", "props")
TIE_CONTENT = ("kind", "source", "target", *TIE_DETAILS)
#: a record as a row: its key, its content, its provenance
NODE_FIELDS = ("key", *NODE_CONTENT, *PROVENANCE)
TIE_FIELDS = ("key", *TIE_CONTENT, *PROVENANCE)

#: a node row (`NODE_FIELDS`): dates are ISO text, props JSON text
NodeRow = tuple[str, str, str, str, str | None, str | None, str, str | None, str | None, int | None]
#: a tie row (`TIE_FIELDS`): source and target are graph keys, dates ISO text, periods JSON
TieRow = tuple[
    str,
    str,
    str,
    str,
    float,
    str,
    str,
    str,
    str | None,
    str | None,
    str,
    str | None,
    str | None,
    str | None,
    int | None,
]


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@lru_cache(maxsize=65_536)
def day(text: str | None) -> date | None:
    """The date of an ISO text (None for none). Cached: a store holds few distinct days, and
    reading a city-scale graph parsed millions (one shared date object each also saves
    memory)."""
    return date.fromisoformat(text) if text else None


def digest(values: tuple[object, ...]) -> int:
    """A 63-bit digest; equal values have equal digests."""
    raw = hashlib.blake2b(repr(values).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(raw, "big") >> 1


def node_content_digest(row: NodeRow) -> int:
    """Digest of a node row's content (see `NODE_CONTENT`), not of its provenance."""
    return digest(row[1:7])


def tie_content_digest(row: TieRow) -> int:
    """Digest of a tie row's content (see `TIE_CONTENT`, plus its ends in the order the
    file names them), not of its provenance. A tie without a last contact has the digest
    it had before schema 3 knew last contacts (stored digests stay valid)."""
    return digest(row[1:11] if row[11] is None else row[1:12])


def periods_text(periods: Sequence[tuple[date | None, date | None]]) -> str:
    """A tie's periods as stored: '' for a tie with one period, else JSON pairs of ISO days.

    >>> from datetime import UTC, date, datetime
    >>> periods_text(((date(2018, 1, 1), date(2019, 12, 31)), (date(2022, 1, 1), None)))
    '[["2018-01-01", "2019-12-31"], ["2022-01-01", null]]'
    """
    if not periods:
        return ""
    return json.dumps([[iso(since), iso(until)] for since, until in periods])


def parse_periods(text: str | None) -> list[tuple[date | None, date | None]]:
    """The inverse of `periods_text` ([] for a tie with one period)."""
    if not text:
        return []
    return [(day(since), day(until)) for since, until in json.loads(text)]


def period_on(
    periods: list[tuple[date | None, date | None]], on: date | None
) -> tuple[date | None, date | None] | None:
    """The period that holds on day ``on`` (None if none does; the first if ``on`` is None).

    >>> from datetime import UTC, date, datetime
    >>> period_on([(date(2018, 1, 1), date(2019, 12, 31)), (date(2022, 1, 1), None)],
    ...           date(2023, 1, 1))
    (datetime.date(2022, 1, 1), None)
    """
    for since, until in periods:
        if on is None or ((since is None or since <= on) and (until is None or on <= until)):
            return since, until
    return None


def provenance(record: object) -> tuple[str | None, str | None, int | None]:
    source = record.provenance if isinstance(record, Tie) else getattr(record, "source", None)
    return (source.file, source.sheet, source.row) if source else (None, None, None)


#: the kind-specific fields of an actor, as both stores keep them
ACTOR_FIELDS = ("type", "sector", "topics", "address", "contact", "consent", "coordinator", "note")


def _actor_props(actor: Actor) -> dict[str, object]:
    return {
        "type": actor.type,
        "sector": actor.sector,
        "topics": list(actor.topics),
        "address": actor.address,
        "contact": actor.contact,
        "consent": actor.consent,
        "coordinator": actor.coordinator,
        "note": actor.note,
    }


def node_rows(changeset: Changeset) -> Iterator[tuple[str, NodeRow]]:
    """(record kind, row without run_id/digest) for every node of a changeset."""
    groups: list[tuple[str, str, Iterable[Actor | Topic | Project | Event | Place]]] = [
        ("actors", "actor", changeset.actors),
        ("topics", "topic", changeset.topics),
        ("projects", "project", changeset.projects),
        ("events", "event", changeset.events),
        ("places", "place", changeset.places),
    ]
    for record_kind, kind, records in groups:
        for record in records:
            if isinstance(record, Actor):
                props = _actor_props(record)
            elif isinstance(record, Topic | Place):
                props = {"note": getattr(record, "note", "")}
            else:
                props = {"note": record.note}
            since = iso(getattr(record, "since", None))
            until = iso(getattr(record, "until", None))
            row: NodeRow = (
                graph_key(kind, record.id),
                kind,
                record.id,
                record.name,
                since,
                until,
                json.dumps(props, ensure_ascii=False, sort_keys=True),
                *provenance(record),
            )
            yield record_kind, row


def tie_row(tie: Tie) -> TieRow:
    """A tie as a row (see TIE_FIELDS). On the hot path of every ingest, hence inlined."""
    source, target, where = tie.source, tie.target, tie.provenance
    return (
        tie.key,
        tie.kind,
        source.id if source.kind == "actor" else f"{source.kind}:{source.id}",
        target.id if target.kind == "actor" else f"{target.kind}:{target.id}",
        float(tie.weight),
        tie.topic,
        tie.role,
        tie.note,
        tie.since.isoformat() if tie.since else None,
        tie.until.isoformat() if tie.until else None,
        periods_text(tie.periods) if tie.periods else "",
        tie.last_contact.isoformat() if tie.last_contact else None,
        *((where.file, where.sheet, where.row) if where else (None, None, None)),
    )


def node_attributes(
    kind: str,
    node_id: str,
    name: str,
    since: str | None,
    until: str | None,
    props: Mapping[str, Any],
) -> dict[str, Any]:
    """Graph attributes of a stored node, as `model.GRAPH_SCHEMA` describes them."""
    attributes: dict[str, Any] = {
        "kind": kind,
        "id": node_id,
        "name": name,
        "since": day(since),
        "until": day(until),
    }
    if kind == "actor":
        attributes.update(
            type=props["type"],
            sector=props["sector"],
            topics=list(props["topics"]),
            street=street_of(props.get("address", "")),
            natural_person=props["type"] == "person",
            consent=bool(props["consent"]),
            coordinator=bool(props["coordinator"]),
            note=props.get("note", ""),
        )
    else:
        attributes["note"] = props.get("note", "")
    return attributes


#: the tie columns both stores read back, in this order (after source and target)
TIE_READ_COLUMNS = ("key", "kind", *TIE_DETAILS, *PROVENANCE, "run_id")


def add_tie_edges(graph: Any, ties: Iterable[Sequence[Any]], as_of: date | None) -> None:
    """Add stored ties to ``graph`` as `model.GRAPH_SCHEMA` describes them; each tie is
    (source, target, then `TIE_READ_COLUMNS`). A tie is skipped if an end is missing or,
    for a tie with several periods, if none holds on ``as_of`` (the stores filter by the
    whole span).

    One loop with every lookup bound once: at 5,000,000 ties a call per tie, a node
    lookup through the graph and `sys.intern` per text cost about a third of the read.
    Repeated texts (kinds, topics, roles, file and sheet names) share one object each:
    the database hands every row its own copy, gigabytes at that size.
    """
    known = set(graph)
    shared: dict[Any, Any] = {}
    one = shared.setdefault
    add_edge = graph.add_edge
    for source, target, *row in ties:
        if source not in known or target not in known:
            continue
        (key, kind, weight, topic, role, note, since, until, periods, contact) = row[:10]
        file, sheet, at_row, run_id = row[10:]
        spans = parse_periods(periods) if periods else []
        period = period_on(spans, as_of) if spans else (day(since), day(until))
        if period is None:
            continue
        # add_edge, not add_edges_from: the latter looks every edge up again
        add_edge(
            source,
            target,
            key,
            kind=one(kind, kind),
            weight=weight,
            topic=one(topic, topic),
            role=one(role, role),
            note=note,
            since=period[0],
            until=period[1],
            periods=spans,
            last_contact=day(contact),
            source_file=one(file, file),
            source_sheet=one(sheet, sheet),
            source_row=at_row,
            ingest_run=run_id,
        )


def actor_entry(
    node_id: str,
    name: str,
    since: str | None,
    until: str | None,
    fields: Mapping[str, Any],
    source: Sequence[Any],
) -> dict[str, Any]:
    """An actor as `PersonalData.actor_record` shows it (without its ties): ``fields`` are
    the kind-specific ones, ``source`` the file, sheet, row and ingest run that wrote it."""
    return {
        "id": node_id,
        "name": name,
        "since": since,
        "until": until,
        **fields,
        "source": _source_entry(*source),
    }


def identity(node_id: str, name: str, fields: Mapping[str, Any]) -> dict[str, str]:
    """An actor as `PersonalData.actor_identities` gives it: id, name, type, address and
    contact ("" where missing)."""
    return {
        "id": node_id,
        "name": name,
        **{key: fields.get(key) or "" for key in ("type", "address", "contact")},
    }


def actor_tie_entry(
    key: str, kind: str, outgoing: bool, other: str, other_name: str, details: Sequence[Any]
) -> dict[str, Any]:
    """One tie of `PersonalData.actor_record`: ``details`` are its weight, topic, role,
    note, since, until and last contact (ISO text), then the file, sheet, row and ingest run
    that wrote it."""
    weight, topic, role, note, since, until, last_contact, *source = details
    return {
        "key": key,
        "kind": kind,
        "direction": "out" if outgoing else "in",
        "other": other,
        "other_name": other_name,
        "weight": weight,
        "topic": topic,
        "role": role,
        "note": note,
        "since": since,
        "until": until,
        "last_contact": last_contact,
        "source": _source_entry(*source),
    }


def _source_entry(
    file: str | None, sheet: str | None, row: int | None, run_id: str | None
) -> dict[str, Any]:
    return {"file": file, "sheet": sheet, "row": row, "ingest_run": run_id}


def new_ingest_run(
    run_id: str,
    source: str,
    files: Sequence[str] = (),
    created: Mapping[str, int] | None = None,
    updated: Mapping[str, int] | None = None,
    removed: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """A run for the ingest log as both stores keep it (JSON text fields, started now);
    `ingest_log_entry` reads it back."""
    return {
        "run_id": run_id,
        "started": datetime.now(UTC).isoformat(timespec="microseconds"),
        "files": json.dumps(list(files), ensure_ascii=False),
        "source": source,
        "created": json.dumps(dict(created or {})),
        "updated": json.dumps(dict(updated or {})),
        "removed": json.dumps(dict(removed or {})),
    }


def plain_value(value: Any) -> Any:
    """A driver value as plain Python (a Neo4j date as `datetime.date`); others as they are."""
    to_native = getattr(value, "to_native", None)
    return to_native() if to_native else value


def iso_text(value: Any) -> str | None:
    """ISO text of a date or a driver's date; None for anything else."""
    value = plain_value(value)
    return value.isoformat() if isinstance(value, date) else None


def ingest_log_entry(
    run_id: str, started: str, files: str, created: str, updated: str, removed: str, source: str
) -> dict[str, Any]:
    """One `Store.ingest_log` entry from its stored (JSON text) fields."""
    return {
        "run_id": run_id,
        "started": started,
        "files": json.loads(files),
        "source": source,
        "created": json.loads(created),
        "updated": json.loads(updated),
        "removed": json.loads(removed),
    }
