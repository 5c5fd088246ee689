"""The readable diff of ``netzwerk ingest --dry-run`` (`netzwerk.ingest.diff`): one line
per new, changed and ended record, German by default, persons as output may show them,
addresses and contacts named as changed but never shown."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

from netzwerk.ingest.diff import Change, ChangesetDiff, Entry, changed_records
from netzwerk.model import TIE_KINDS, Changeset
from netzwerk.present.formats import format_cell, plural
from netzwerk.present.labels import actor_type_label, sector_label
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.store.base import RECORD_KINDS

LISTED = 40
"""Lines shown per part (new, changed, ended); the rest are counted."""


def diff_lines(
    diff: ChangesetDiff,
    changeset: Changeset,
    store_graph: nx.MultiDiGraph,
    lang: str = "de",
    show_names: bool = False,
    listed: int = LISTED,
) -> list[str]:
    """The diff as lines to print: new (+), changed (~, old → new), ended (–), unchanged
    counts."""
    incoming = nx.Graph()
    for actor in changeset.actors:
        incoming.add_node(
            actor.id, name=actor.name, natural_person=actor.natural_person, consent=actor.consent
        )
    names = {record.id: record.name for record in changeset.actors}
    for records, kind in (
        (changeset.topics, "topic"),
        (changeset.projects, "project"),
        (changeset.events, "event"),
        (changeset.places, "place"),
    ):
        names.update({f"{kind}:{record.id}": record.name for record in records})
    shown = _Shown(ActorNames(incoming, show_names, fallback=store_graph), names, store_graph, lang)
    changed = list(changed_records(diff))
    lines: list[str] = []
    for heading, entries, describe in (
        ("diff.new", diff.new, lambda e: f"  + {shown.entry(e)}"),
        ("diff.changed", changed, lambda item: f"  ~ {shown.changes(*item)}"),
        ("diff.ended", diff.ended, lambda e: f"  – {shown.ended(e)}"),
    ):
        if not entries:
            continue
        lines.append(text(heading, lang, n=len(entries)))
        lines += [describe(entry) for entry in entries[:listed]]
        if len(entries) > listed:
            lines.append("  " + text("diff.more", lang, n=len(entries) - listed))
    unchanged = ", ".join(
        plural(diff.unchanged[kind], kind.removesuffix("s"), lang)
        for kind in RECORD_KINDS
        if diff.unchanged[kind]
    )
    lines.append(text("diff.unchanged", lang, counts=unchanged or "–"))
    return lines


class _Shown:
    def __init__(
        self,
        actors: ActorNames,
        names: Mapping[str, str],
        store_graph: nx.MultiDiGraph,
        lang: str,
    ):
        self.actors, self.names, self.store_graph, self.lang = actors, names, store_graph, lang

    def node(self, key: Hashable) -> str:
        if self.actors.knows(key) and self.actors.attributes(key).get("kind", "actor") == "actor":
            return self.actors.name(key)
        if key in self.names:
            return self.names[str(key)]
        return (
            str(self.store_graph.nodes[key].get("name", key))
            if key in self.store_graph
            else str(key)
        )

    def entry(self, entry: Entry) -> str:
        noun = text(f"noun.{entry.kind.removesuffix('s')}", self.lang).split("|")[0]
        noun = noun[:1].upper() + noun[1:]
        if entry.kind != "ties":
            return f"{noun} {self.node(entry.ends[0])}"
        kind = TIE_KINDS.label(entry.key.split("|")[0], self.lang)
        return f"{noun} {self.node(entry.ends[0])} – {self.node(entry.ends[1])} ({kind})"

    def ended(self, entry: Entry) -> str:
        return text(
            "diff.ended_on",
            self.lang,
            what=self.entry(entry),
            day=format_cell(entry.end, self.lang),
        )

    def changes(self, entry: Entry, changes: list[Change]) -> str:
        parts = []
        for change in changes:
            label = text(f"diff.field.{change.field}", self.lang)
            if change.field in ("address", "contact"):
                parts.append(text("diff.hidden", self.lang, field=label))
            else:
                old, new = (
                    self.value(change.field, change.old),
                    self.value(change.field, change.new),
                )
                parts.append(f"{label} {old} → {new}")
        return f"{self.entry(entry)}: " + "; ".join(parts)

    def value(self, field: str, value: Any) -> str:
        if field == "sector":
            return sector_label(value, self.lang)
        if field == "type":
            return actor_type_label(value, self.lang)
        if field == "periods":
            return ", ".join(
                f"{format_cell(since, self.lang) or '…'}–{format_cell(until, self.lang)}"
                for since, until in value
            )
        if isinstance(value, float):
            return f"{value:g}".replace(".", "," if self.lang == "de" else ".")
        if isinstance(value, str):
            return text("diff.quoted", self.lang, value=value)
        return format_cell(value, self.lang) or "–"
