"""What loading a changeset would change, record by record: the readable diff of
``netzwerk ingest --dry-run``.

Each record of the changeset is looked up by its key in the store's whole graph (all
periods): absent → **new**; present with other content → **changed**, one `Change` per
field with the old and the new value; a tie or actor that had no end and now has one →
also **ended**; else **unchanged** (counted). Compared are what the store keeps of a
record: name, dates, type, sector, topics, consent, coordinator and note of an actor, its
address and contact (from `PersonalData.actor_identities`: compared, the values never
shown), the note of other nodes, and strength, role, note, periods and last contact of a
tie. What a source no longer states is removed; the store's dry run counts it
(`ApplyResult.removed`).

>>> import networkx as nx
>>> from netzwerk.model import Actor, Changeset
>>> store = nx.MultiDiGraph()
>>> store.add_node("qm", kind="actor", id="qm", name="QM", type="institution",
...                sector="social", topics=[], since=None, until=None, consent=False,
...                coordinator=True, note="")
>>> changeset = Changeset(actors=[
...     Actor("qm", "QM Wehringhausen", "institution", "social", coordinator=True),
...     Actor("kita", "Kita", "institution", "education")])
>>> diff = changeset_diff(changeset, store)
>>> [e.key for e in diff.new], [(c.field, c.old, c.new) for c in diff.changed]
(['kita'], [('name', 'QM', 'QM Wehringhausen')])
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.model import Changeset, Tie
from netzwerk.store.rows import node_attributes, node_rows

#: actor fields compared; address and contact come from the store's personal data
ACTOR_FIELDS = (
    "name",
    "since",
    "until",
    "type",
    "sector",
    "topics",
    "consent",
    "coordinator",
    "note",
)
NODE_FIELDS = ("name", "since", "until", "note")
HIDDEN_FIELDS = ("address", "contact")
TIE_FIELDS = ("weight", "role", "note", "periods", "last_contact")


@dataclass(frozen=True)
class Entry:
    """A record of the changeset: its kind (``actors``, ``ties``, …), key, ends (a tie's
    two graph keys; a node's key twice) and, for an ended record, its new end."""

    kind: str
    key: str
    ends: tuple[Hashable, Hashable]
    end: date | None = None


@dataclass(frozen=True)
class Change:
    """One field of a stored record that the changeset would change."""

    entry: Entry
    field: str
    old: Any
    new: Any


@dataclass
class ChangesetDiff:
    new: list[Entry] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    ended: list[Entry] = field(default_factory=list)
    unchanged: Counter[str] = field(default_factory=Counter)


def changeset_diff(
    changeset: Changeset,
    store_graph: nx.MultiDiGraph,
    identities: Sequence[Mapping[str, str]] = (),
) -> ChangesetDiff:
    """Compare ``changeset`` with ``store_graph`` (`Store.graph()`, all periods);
    ``identities``: the stored actors' addresses and contacts (optional)."""
    diff = ChangesetDiff()
    personal = {identity["id"]: identity for identity in identities}
    for record_kind, row in node_rows(changeset):
        key, kind, node_id, name, since, until, props_text = row[:7]
        props = json.loads(props_text)
        new = node_attributes(kind, node_id, name, since, until, props)
        entry = Entry(record_kind, key, (key, key))
        if key not in store_graph:
            diff.new.append(entry)
            continue
        old = store_graph.nodes[key]
        fields = ACTOR_FIELDS if kind == "actor" else NODE_FIELDS
        changes = [
            Change(entry, f, old.get(f), new.get(f)) for f in fields if old.get(f) != new.get(f)
        ]
        if kind == "actor" and node_id in personal:
            changes += [
                Change(entry, f, None, None)
                for f in HIDDEN_FIELDS
                if (personal[node_id].get(f) or "") != (props.get(f) or "")
            ]
        _sort_in(diff, entry, changes, old.get("until"), new.get("until"))
    stored = {key: (u, v, data) for u, v, key, data in store_graph.edges(keys=True, data=True)}
    for tie in changeset.ties:
        _compare_tie(diff, tie, stored)
    return diff


def _compare_tie(
    diff: ChangesetDiff, tie: Tie, stored: Mapping[str, tuple[Hashable, Hashable, dict]]
) -> None:
    entry = Entry("ties", tie.key, (tie.source.graph_key, tie.target.graph_key))
    if tie.key not in stored:
        diff.new.append(entry)
        return
    old = stored[tie.key][2]
    old_periods = list(old.get("periods") or []) or [(old.get("since"), old.get("until"))]
    new_periods = list(tie.periods) or [(tie.since, tie.until)]
    new_values: dict[str, Any] = {
        "weight": float(tie.weight),
        "role": tie.role,
        "note": tie.note,
        "periods": new_periods,
        "last_contact": tie.last_contact,
    }
    old_values: dict[str, Any] = {f: old.get(f) for f in TIE_FIELDS}
    old_values["periods"] = old_periods
    changes = [
        Change(entry, f, old_values[f], new_values[f])
        for f in TIE_FIELDS
        if old_values[f] != new_values[f]
    ]
    _sort_in(diff, entry, changes, _end(old_periods), _end(new_periods))


def _end(periods: list[tuple[date | None, date | None]]) -> date | None:
    return periods[-1][1] if periods else None


def _sort_in(
    diff: ChangesetDiff, entry: Entry, changes: list[Change], old_end: Any, new_end: Any
) -> None:
    if not changes:
        diff.unchanged[entry.kind] += 1
        return
    diff.changed.extend(changes)
    if old_end is None and new_end is not None:
        diff.ended.append(replace(entry, end=new_end))


def changed_records(diff: ChangesetDiff) -> Iterator[tuple[Entry, list[Change]]]:
    """The changed records in order, each with its changes."""
    grouped: dict[Entry, list[Change]] = {}
    for change in diff.changed:
        grouped.setdefault(change.entry, []).append(change)
    yield from grouped.items()
