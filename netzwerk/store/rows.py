"""Rows shared by every store: records flattened to tuples, content digests, graph attributes.

Both stores compute the same digest for the same record, so "unchanged" means the same
thing everywhere: a record whose content (including where it came from) is equal.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date

from netzwerk.model import Actor, Changeset, Place, Tie, Topic, graph_key, street_of

NODE_FIELDS = ("key", "kind", "id", "name", "since", "until", "props", "source_file",
               "source_sheet", "source_row")
TIE_FIELDS = ("key", "kind", "source", "target", "weight", "topic", "role", "note", "since",
              "until", "source_file", "source_sheet", "source_row")


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def digest(values: tuple) -> int:
    """A 63-bit content digest; equal rows have equal digests."""
    raw = hashlib.blake2b(repr(values).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(raw, "big") >> 1


def provenance(record: object) -> tuple[str | None, str | None, int | None]:
    source = record.provenance if isinstance(record, Tie) else getattr(record, "source", None)
    return (source.file, source.sheet, source.row) if source else (None, None, None)


def _actor_props(actor: Actor) -> dict:
    return {
        "type": actor.type, "sector": actor.sector, "topics": list(actor.topics),
        "address": actor.address, "contact": actor.contact, "consent": actor.consent,
        "coordinator": actor.coordinator, "note": actor.note,
    }


def node_rows(changeset: Changeset) -> Iterator[tuple[str, tuple]]:
    """(record kind, row without run_id/digest) for every node of a changeset."""
    groups: list[tuple[str, str, Iterable]] = [
        ("actors", "actor", changeset.actors), ("topics", "topic", changeset.topics),
        ("projects", "project", changeset.projects), ("events", "event", changeset.events),
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
            row = (graph_key(kind, record.id), kind, record.id, record.name, since, until,
                   json.dumps(props, ensure_ascii=False, sort_keys=True), *provenance(record))
            yield record_kind, row


def tie_row(tie: Tie) -> tuple:
    """A tie as a row (see TIE_FIELDS). On the hot path of every ingest, hence inlined."""
    source, target, where = tie.source, tie.target, tie.provenance
    return (
        tie.key, tie.kind,
        source.id if source.kind == "actor" else f"{source.kind}:{source.id}",
        target.id if target.kind == "actor" else f"{target.kind}:{target.id}",
        float(tie.weight), tie.topic, tie.role, tie.note,
        tie.since.isoformat() if tie.since else None,
        tie.until.isoformat() if tie.until else None,
        *((where.file, where.sheet, where.row) if where else (None, None, None)),
    )


def node_attributes(kind: str, node_id: str, name: str, since: str | None, until: str | None,
                    props: dict) -> dict:
    """Graph attributes of a stored node, as `model.GRAPH_SCHEMA` describes them."""
    attributes = {"kind": kind, "id": node_id, "name": name, "since": day(since),
                  "until": day(until)}
    if kind == "actor":
        attributes.update(
            type=props["type"], sector=props["sector"], topics=list(props["topics"]),
            street=street_of(props.get("address", "")),
            natural_person=props["type"] == "person", consent=bool(props["consent"]),
            coordinator=bool(props["coordinator"]), note=props.get("note", ""),
        )
    else:
        attributes["note"] = props.get("note", "")
    return attributes
