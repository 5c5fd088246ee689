"""The state of one ingest run: records so far, where they came from, and every problem.

`Builder` is shared by the sheet handlers in `records` and `relations`. It indexes nodes
by id and by exact name so references resolve in O(1), creates topics and places that are
only mentioned, and keeps the first of several identical ties (by `model.Tie.key`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from netzwerk.errors import Problem
from netzwerk.ingest.readers import Table
from netzwerk.ingest.ties import merge_periods, new_tie, tie_key
from netzwerk.ingest.values import split_values
from netzwerk.model import (
    NODE_KINDS,
    TIE_KINDS,
    Changeset,
    NodeRef,
    Place,
    Provenance,
    Tie,
    Topic,
    normalise_token,
    slugify,
)

ALL_KINDS = tuple(NODE_KINDS.keys())

# How a missing node of each kind is described, and where to add it.
_UNKNOWN = {
    "actor": ("unbekannter Akteur", "in Akteure anlegen"),
    "topic": ("unbekanntes Thema", "in Themen anlegen"),
    "project": ("unbekanntes Projekt", "in Projekte anlegen"),
    "event": ("unbekannte Veranstaltung", "in Veranstaltungen anlegen"),
    "place": (
        "unbekannter Ort",
        "als Adresse eines Akteurs oder Ort einer Veranstaltung eintragen",
    ),
}
_ARTICLE = {"actor": "ein", "topic": "ein", "project": "ein", "event": "eine", "place": "ein"}
_PLURAL = {
    "actor": "Akteure",
    "topic": "Themen",
    "project": "Projekte",
    "event": "Veranstaltungen",
    "place": "Orte",
}


@dataclass
class Node:
    """A node known to this run: its reference, name and where it was defined."""

    ref: NodeRef
    name: str
    source: Provenance
    record: object = None
    graph_key: str = ""

    def __post_init__(self) -> None:
        self.graph_key = self.ref.graph_key


@dataclass
class NodeIndex:
    """The nodes of one kind by id and by exact name."""

    kind: str
    by_id: dict[str, Node] = field(default_factory=dict)
    by_name: dict[str, list[Node]] = field(default_factory=dict)
    _folded: dict[str, str] | None = None

    def add(self, node: Node) -> None:
        self.by_id[node.ref.id] = node
        self.by_name.setdefault(node.name, []).append(node)
        self._folded = None

    def find(self, text: str) -> list[Node]:
        node = self.by_id.get(text)
        if node is not None:
            return [node]
        return self.by_name.get(text, [])

    def suggestion(self, text: str) -> str | None:
        """A name spelled like ``text`` up to case, umlauts and punctuation."""
        if self._folded is None:
            self._folded = {}
            for name in self.by_name:
                self._folded.setdefault(normalise_token(name), name)
            for node_id in self.by_id:
                self._folded.setdefault(normalise_token(node_id), node_id)
        return self._folded.get(normalise_token(text))


#: Longest id accepted: Neo4j's index keys hold about 8 KB, and nobody types longer ids.
MAX_ID_LENGTH = 200


def derived_id(name: str, kind: str) -> str:
    """The id for a row without one: slugify(name), or a stable hash if that is empty.

    >>> derived_id("Caritas Hagen", "actor"), derived_id("محمد", "actor")
    ('caritas-hagen', 'actor-4ce9591136')
    """
    slug = slugify(name)
    digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if len(slug) > MAX_ID_LENGTH:  # keep ids short enough for every store's index
        return f"{slug[: MAX_ID_LENGTH - 20].rstrip('-')}-{digest}"
    return slug or f"{kind}-{digest}"


def where(source: Provenance) -> str:
    """'Akteure.csv, Zeile 3' or 'daten.xlsx, Akteure, Zeile 3'."""
    if (
        source.sheet
        and source.file != source.sheet
        and not source.file.startswith(source.sheet + ".")
    ):
        return f"{source.file}, {source.sheet}, Zeile {source.row}"
    return f"{source.file}, Zeile {source.row}"


class Builder:
    """Collects records, ties and problems of one ingest run."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.changeset = Changeset()
        self.nodes = {kind: NodeIndex(kind) for kind in ALL_KINDS}
        self.topic_sheet_given = False
        self.tie_sources: dict[str, Provenance] = {}
        self._tie_positions: dict[str, int] = {}
        self._topic_cells: dict[str, list[Node]] = {}

    # ------------------------------------------------------------------ problems

    def problem(
        self, table: Table, row: int, column: str, value: str, message: str, severity: str = "error"
    ) -> None:
        self.problems.append(
            Problem(table.file, table.sheet_name, row, column, value, message, severity)
        )

    # ------------------------------------------------------------------ nodes

    def register(
        self,
        kind: str,
        node_id: str,
        name: str,
        source: Provenance,
        record: object,
        table: Table,
        column: str,
        id_given: bool,
    ) -> Node | None:
        """Add a node; a second node with the same id is an error naming both rows."""
        index = self.nodes[kind]
        if id_given and len(node_id) > MAX_ID_LENGTH:
            self.problem(
                table,
                source.row,
                column,
                node_id,
                f"ID zu lang (über {MAX_ID_LENGTH} Zeichen) — kürzere ID eintragen "
                "oder das Feld leer lassen",
            )
            return None
        first = index.by_id.get(node_id)
        if first is not None:
            what = NODE_KINDS.label(kind)
            if id_given:
                message = (
                    f"doppelte ID „{node_id}“ — schon vergeben in {where(first.source)}; "
                    "IDs müssen eindeutig sein"
                )
            else:
                message = (
                    f"{what} doppelt — „{first.name}“ steht schon in "
                    f"{where(first.source)} (gleiche ID „{node_id}“ aus dem Namen); "
                    "Zeilen zusammenführen oder verschiedene IDs eintragen"
                )
            self.problem(table, source.row, column, node_id if id_given else name, message)
            return None
        node = Node(NodeRef(kind, node_id), name, source, record)
        index.add(node)
        return node

    def resolve(self, text: str, kinds: tuple[str, ...]) -> tuple[Node | None, str]:
        """The node ``text`` names (an id, else an exact name) among ``kinds``.

        Returns ``(node, "")`` or ``(None, message)`` saying why not and how to fix it.
        """
        if len(kinds) == 1:
            index = self.nodes[kinds[0]]
            node = index.by_id.get(text)
            if node is not None:
                return node, ""
            found = index.by_name.get(text)
            if found is not None and len(found) == 1:
                return found[0], ""
        hits = [node for kind in kinds if (node := self.nodes[kind].by_id.get(text))]
        if not hits:
            hits = [node for kind in kinds for node in self.nodes[kind].by_name.get(text, ())]
        if len(hits) == 1:
            return hits[0], ""
        if hits:
            rows = "; ".join(
                f"{NODE_KINDS.label(n.ref.kind)} in {where(n.source)}" for n in hits[:5]
            )
            return None, f"mehrdeutig — so heißen mehrere: {rows}; eindeutige ID verwenden"
        return None, self._unknown(text, kinds)

    def _unknown(self, text: str, kinds: tuple[str, ...]) -> str:
        elsewhere = [
            node for kind in ALL_KINDS if kind not in kinds for node in self.nodes[kind].find(text)
        ]
        if elsewhere:
            found = elsewhere[0].ref.kind
            wanted = " oder ".join(NODE_KINDS.label(kind) for kind in kinds)
            return (
                f"ist {_ARTICLE[found]} {NODE_KINDS.label(found)}, hier ist aber nur "
                f"{wanted} erlaubt — Art der Beziehung oder Eintrag prüfen"
            )
        if len(kinds) == 1:
            what, fix = _UNKNOWN[kinds[0]]
            message = f"{what} — {fix} oder Schreibweise prüfen"
        else:
            names = ", ".join(_PLURAL[kind] for kind in kinds)
            message = f"unbekannt — weder in {names} zu finden; anlegen oder Schreibweise prüfen"
        for kind in kinds:
            guess = self.nodes[kind].suggestion(text)
            if guess is not None:
                return f"{message} (gemeint: „{guess}“?)"
        return message

    def resolve_many(
        self, text: str, kinds: tuple[str, ...], table: Table, row: int, column: str
    ) -> list[Node]:
        """References in a multi-valued cell: the whole cell first (names may contain
        commas), else each of its values. Unresolved values are reported."""
        node, message = self.resolve(text, kinds)
        if node is not None:
            return [node]
        parts = split_values(text)
        if len(parts) < 2:
            self.problem(table, row, column, text, message)
            return []
        nodes = []
        for part in parts:
            node, message = self.resolve(part, kinds)
            if node is None:
                self.problem(table, row, column, part, message)
            else:
                nodes.append(node)
        return nodes

    def ensure(self, kind: str, text: str, source: Provenance) -> Node:
        """The topic or place ``text`` names, created (id = slugify(text)) if unknown."""
        index = self.nodes[kind]
        found = index.find(text)
        if found:
            return found[0]
        node_id = derived_id(text, kind)
        node = index.by_id.get(node_id)
        if node is not None:
            return node
        record: Topic | Place
        if kind == "topic":
            record = topic = Topic(node_id, text, source=source)
            self.changeset.topics.append(topic)
        else:
            record = place = Place(node_id, text, source=source)
            self.changeset.places.append(place)
        node = Node(NodeRef(kind, node_id), text, source, record)
        index.add(node)
        return node

    def topics(self, text: str, source: Provenance, table: Table, column: str) -> list[Node]:
        """Topics of a ``themen`` cell, creating the ones no Themen sheet defines."""
        known = self._topic_cells.get(text)
        if known is not None:
            return known
        nodes: list[Node] = []
        values = [text] if self.nodes["topic"].find(text) else split_values(text)
        for value in values:
            node = self.topic(value, source, table, column)
            if node not in nodes:
                nodes.append(node)
        self._topic_cells[text] = nodes
        return nodes

    def topic(self, text: str, source: Provenance, table: Table, column: str) -> Node:
        """The topic ``text`` names; created (with a warning if there are Themen sheets)."""
        index = self.nodes["topic"]
        known = bool(index.find(text)) or derived_id(text, "topic") in index.by_id
        if not known and self.topic_sheet_given:
            self.problem(
                table,
                source.row,
                column,
                text,
                "Thema nicht im Blatt Themen — "
                "wird neu angelegt; Schreibweise prüfen oder in Themen ergänzen",
                "warning",
            )
        return self.ensure("topic", text, source)

    # ------------------------------------------------------------------ ties

    def link(
        self,
        kind: str,
        source: Node,
        target: Node,
        provenance: Provenance,
        table: Table,
        *,
        role: str = "",
        since: date | None = None,
        until: date | None = None,
        note: str = "",
    ) -> None:
        """Add a tie between two known nodes (weight 1, no topic), unless it is a repeat."""
        tie = new_tie(kind, source.ref, target.ref, 1.0, "", role, since, until, note, provenance)
        key = tie_key(kind, source.graph_key, target.graph_key, "")
        self.add_tie(tie, table, provenance.row, key)

    def add_tie(self, tie: Tie, table: Table, row: int, key: str = "") -> None:
        """Keep the tie unless one with the same key (`Tie.key`, or the same value
        computed by `tie_key`) came first.

        A repeat whose period does not overlap the first's is another period of the same
        tie (it ended and started again): the two become one tie with both periods, and
        weight, role and note of the latest period. An overlapping repeat is reported and
        dropped (the first row wins)."""
        key = key or tie.key
        first = self.tie_sources.get(key)
        if first is None:
            tie.__dict__["_key"] = key  # seed Tie.key's cache: the store needs it again
            self.tie_sources[key] = tie.provenance  # type: ignore[assignment]
            self.changeset.ties.append(tie)
            return
        position = self._tie_position(key)
        merged = merge_periods(self.changeset.ties[position], tie)
        if merged is not None:
            merged.__dict__["_key"] = key
            self.changeset.ties[position] = merged
            return
        kind = TIE_KINDS.label(tie.kind)
        self.problem(
            table,
            row,
            "",
            f"{kind}: {tie.source.id} → {tie.target.id}",
            f"doppelte Beziehung — schon in {where(first)} mit überlappendem "
            "Zeitraum; nur die erste wird übernommen",
            "warning",
        )

    def _tie_position(self, key: str) -> int:
        """Index of the tie with ``key`` in the changeset (kept up to date lazily: repeats
        are rare, the hot path only appends)."""
        ties = self.changeset.ties
        positions = self._tie_positions
        for index in range(len(positions), len(ties)):
            positions[ties[index].key] = index
        return positions[key]
