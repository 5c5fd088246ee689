"""Rows of the tie sheets (Beteiligungen, Beziehungen) -> ties.

`add_ties` is the hot loop of a big import (one row per tie, hundreds of thousands of
rows), so it reads cells by position into locals and caches vocabulary lookups; the
happy path raises no exceptions.
"""

from __future__ import annotations

from datetime import date

from netzwerk.ingest.builder import ALL_KINDS, Builder, Node
from netzwerk.ingest.columns import ColumnMap
from netzwerk.ingest.readers import Table
from netzwerk.ingest.records import REQUIRED_EMPTY, end_before_start, rows_of
from netzwerk.ingest.table_rows import data_rows, is_blank, text_at
from netzwerk.ingest.ties import new_tie, tie_key
from netzwerk.ingest.values import BadValue, clean_text, parse_date, parse_weight
from netzwerk.model import TIE_ENDPOINTS, TIE_KINDS, Event, Provenance

_KIND_HINT = ", ".join(TIE_KINDS.labels("de"))
_ACTOR = ("actor",)
# Source and target kinds per tie kind, in ALL_KINDS order; ("actor",) is always _ACTOR.
_ENDPOINTS = {
    kind: tuple(
        _ACTOR if allowed == {"actor"} else tuple(k for k in ALL_KINDS if k in allowed)
        for allowed in ends
    )
    for kind, ends in TIE_ENDPOINTS.items()
}
# Tie kinds whose only possible target kind is created when it is merely named.
_CREATES_TARGET = {
    kind: ends[1][0]
    for kind, ends in _ENDPOINTS.items()
    if len(ends[1]) == 1 and ends[1][0] in ("topic", "place")
}


def add_participation(builder: Builder, table: Table, columns: ColumnMap) -> None:
    """Beteiligungen rows -> participation ties from an actor to a project or an event."""
    if not (columns.has("project") or columns.has("event")):
        builder.problem(
            table,
            table.header_row,
            "projekt",
            "",
            'Spalte fehlt — "projekt" oder "veranstaltung" in der Kopfzeile ergänzen',
        )
        return
    for row in rows_of(builder, table, columns):
        actor_text = row.required("actor")
        project_text, event_text = row.text("project"), row.text("event")
        since, until = row.period()
        if bool(project_text) == bool(event_text):
            row.error(
                "project" if columns.has("project") else "event",
                project_text or event_text,
                'genau eines ausfüllen: "projekt" oder "veranstaltung"',
            )
            continue
        field, kind, text = (
            ("project", "project", project_text) if project_text else ("event", "event", event_text)
        )
        target, message = builder.resolve(text, (kind,))
        if target is None:
            row.error(field, text, message)
        actor = None
        if actor_text:
            actor, message = builder.resolve(actor_text, ("actor",))
            if actor is None:
                row.error("actor", actor_text, message)
        if actor is None or target is None:
            continue
        if since is None and isinstance(target.record, Event):
            since = target.record.since
        builder.link(
            "participation",
            actor,
            target,
            row.source,
            table,
            role=row.text("role"),
            since=since,
            until=until,
            note=row.text("note"),
        )


def add_ties(builder: Builder, table: Table, columns: ColumnMap) -> None:
    """Beziehungen rows -> ties. Dates, strengths and kinds repeat a lot: parsed once each."""
    TieSheet(builder, table, columns).read()


class TieSheet:
    """One Beziehungen table read into ties, row by row, in small steps.

    Each step reads or checks one thing of a row and reports what is wrong with it through
    `error`, which marks the row as failed; a failed row yields no tie, but every step
    still runs, so all problems of the row are reported, always in the same order:
    empty required cells, kind, strength, period, source, target, tie to itself. Values
    that repeat (kinds, strengths, dates, topics) are parsed once per table.
    """

    def __init__(self, builder: Builder, table: Table, columns: ColumnMap) -> None:
        index = columns.index
        self.builder, self.table, self.header = builder, table, columns.header
        self.at_source, self.at_target, self.at_kind = (
            index["source"],
            index["target"],
            index["kind"],
        )
        self.at_weight, self.at_topic = index.get("weight"), index.get("topic")
        self.at_role, self.at_note = index.get("role"), index.get("note")
        self.at_since, self.at_until = index.get("since"), index.get("until")
        self.at_contact = index.get("last_contact")
        self.contacts: dict[str, date | None] = {}
        self.kinds: dict[str, str | None] = {}
        self.topics: dict[str, str] = {}
        self.weights: dict[str, float] = {}
        self.starts: dict[str, date | None] = {}
        self.ends: dict[str, date | None] = {}
        actors = builder.nodes["actor"]
        # Actors by unique name, then by id (ids win): one lookup for the usual reference.
        self.actor_ids = {
            name: nodes[0] for name, nodes in actors.by_name.items() if len(nodes) == 1
        }
        self.actor_ids.update(actors.by_id)
        self.failed = False  # the row being read has an error

    def read(self) -> None:
        """Every data row of the table -> a tie, or its problems."""
        add_row = self.add_row
        for number, cells in data_rows(self.table, self.builder):
            add_row(number, cells)

    def add_row(self, number: int, cells: list) -> None:
        """One row -> one tie (appended, merged with an earlier period, or reported)."""
        source_text, target_text, kind_text = self.endpoint_texts(cells)
        self.failed = False
        if not (source_text and target_text and kind_text):
            if not (source_text or target_text or kind_text) and is_blank(cells):
                return
            self.report_missing(number, source_text, target_text, kind_text)
        kind = self.kind(number, kind_text)
        weight = 1.0 if self.at_weight is None else self.weight(number, cells)
        since, until = self.period(number, cells)
        source, target = self.endpoints(number, kind, source_text, target_text)
        if (
            kind == "participation"
            and since is None
            and target is not None
            and isinstance(target.record, Event)
        ):
            since = target.record.since  # as in Beteiligungen: the event's date
        if source is not None and source is target:
            self.error(
                number,
                "target",
                target_text,
                'Beziehung zu sich selbst — "von" und "zu" müssen verschieden sein',
            )
        topic = "" if self.at_topic is None else self.topic(number, cells)
        if self.failed or kind is None or source is None or target is None:
            return  # every None above comes with a reported problem
        self.append(number, cells, kind, source, target, weight, topic, since, until)

    # ------------------------------------------------------------------ steps

    def error(self, number: int, field: str, value: str, message: str) -> None:
        """Report an error in the column of ``field``; the row yields no tie."""
        self.builder.problem(self.table, number, self.header[field], value, message)
        self.failed = True

    def endpoint_texts(self, cells: list) -> tuple[str, str, str]:
        """(source, target, kind) of a row as trimmed text (`values.clean_text`, with its
        common case, plain ASCII text, inlined: this runs for every row)."""
        source, target, kind = cells[self.at_source], cells[self.at_target], cells[self.at_kind]
        return (
            source.strip() if type(source) is str and source.isascii() else clean_text(source),
            target.strip() if type(target) is str and target.isascii() else clean_text(target),
            kind.strip() if type(kind) is str and kind.isascii() else clean_text(kind),
        )

    def report_missing(
        self, number: int, source_text: str, target_text: str, kind_text: str
    ) -> None:
        """An error for each of source, target and kind that is empty."""
        for field, value in (("source", source_text), ("target", target_text), ("kind", kind_text)):
            if not value:
                self.error(number, field, "", REQUIRED_EMPTY)

    def kind(self, number: int, kind_text: str) -> str | None:
        """The tie kind a row names; None if it is empty (reported already) or unknown."""
        kind = self.kinds.get(kind_text)
        if kind is not None:
            return kind
        if kind_text:
            kind = self.kinds[kind_text] = TIE_KINDS.parse(kind_text)
            if kind is None:
                self.error(
                    number, "kind", kind_text, f"unbekannte Beziehungsart — erlaubt: {_KIND_HINT}"
                )
        if kind is None:
            self.failed = True
        return kind

    def weight(self, number: int, cells: list) -> float:
        """The tie strength of a row: 1 if the cell is empty (or wrong)."""
        position: int = self.at_weight  # type: ignore[assignment]
        raw = cells[position]
        if raw == "":
            return 1.0
        cached = self.weights.get(raw) if type(raw) is str else None
        if cached is not None:
            return cached
        try:
            weight = parse_weight(raw)
        except BadValue as error:
            self.error(number, "weight", text_at(cells, position), str(error))
            return 1.0
        if type(raw) is str:
            self.weights[raw] = weight
        return weight

    def period(self, number: int, cells: list) -> tuple[date | None, date | None]:
        """(since, until) of a row; an end before the start is an error."""
        since = until = None
        if self.at_since is not None:  # the checks before the calls: this runs for every row
            since = self.date_at(number, cells, "since", self.at_since, self.starts, end=False)
        if self.at_until is not None:
            until = self.date_at(number, cells, "until", self.at_until, self.ends, end=True)
        if since and until and since > until:
            self.error(
                number,
                "until",
                text_at(cells, self.at_until),
                end_before_start(since, self.header["since"], self.header["until"]),
            )
        return since, until

    def date_at(
        self,
        number: int,
        cells: list,
        field: str,
        position: int,
        cache: dict[str, date | None],
        *,
        end: bool,
    ) -> date | None:
        """The date in one cell (`values.parse_date`); None if empty or wrong."""
        raw = cells[position]
        if raw == "":
            return None
        if type(raw) is str and raw in cache:
            return cache[raw]
        try:
            parsed = parse_date(raw, end=end)
        except BadValue as error:
            self.error(number, field, text_at(cells, position), str(error))
            return None
        if type(raw) is str:
            cache[raw] = parsed
        return parsed

    def endpoints(
        self, number: int, kind: str | None, source_text: str, target_text: str
    ) -> tuple[Node | None, Node | None]:
        """The nodes a row connects, each None if empty or not found (reported). A topic
        or place named as the only possible target of ``kind`` is created."""
        source_kinds, target_kinds = (
            _ENDPOINTS[kind] if kind is not None else (ALL_KINDS, ALL_KINDS)
        )
        source = target = None
        if source_text:
            # the usual reference, an actor by unique name or id, without a call
            source = self.actor_ids.get(source_text) if source_kinds is _ACTOR else None
            if source is None:
                source, message = self.builder.resolve(source_text, source_kinds)
                if source is None:
                    self.error(number, "source", source_text, message)
        if target_text:
            target = self.actor_ids.get(target_text) if target_kinds is _ACTOR else None
            if target is None:
                target, message = self.builder.resolve(target_text, target_kinds)
            if target is None and kind in _CREATES_TARGET and not self.known(target_text):
                target = self.builder.ensure(
                    _CREATES_TARGET[kind], target_text, self.provenance(number)
                )
            elif target is None:
                self.error(number, "target", target_text, message)
        return source, target

    def known(self, text: str) -> bool:
        """True if ``text`` names a node of any kind."""
        return any(self.builder.nodes[kind].find(text) for kind in ALL_KINDS)

    def topic(self, number: int, cells: list) -> str:
        """The id of the topic a row names ('' if none), created if it is new."""
        raw = cells[self.at_topic]  # type: ignore[index]
        if raw == "":
            return ""
        topic_text = clean_text(raw)
        topic = self.topics.get(topic_text, "")
        if topic_text and not topic:
            topic = self.topics[topic_text] = self.builder.topic(
                topic_text, self.provenance(number), self.table, self.header["topic"]
            ).ref.id
        return topic

    def provenance(self, number: int) -> Provenance:
        return Provenance(self.table.file, self.table.sheet_name, number)

    def free_text(self, cells: list, position: int) -> str:
        """A free-text cell, trimmed."""
        raw = cells[position]
        return "" if raw == "" else clean_text(raw)

    def append(
        self,
        number: int,
        cells: list,
        kind: str,
        source: Node,
        target: Node,
        weight: float,
        topic: str,
        since: date | None,
        until: date | None,
    ) -> None:
        """Add the tie of a valid row; a repeat goes to `Builder.add_tie` (merged or
        reported), a new tie is appended directly (the hot path)."""
        provenance = Provenance(self.table.file, self.table.sheet_name, number)
        role = "" if self.at_role is None else self.free_text(cells, self.at_role)
        note = "" if self.at_note is None else self.free_text(cells, self.at_note)
        contact = None
        if self.at_contact is not None:
            contact = self.date_at(
                number, cells, "last_contact", self.at_contact, self.contacts, end=False
            )
        tie = new_tie(
            kind,
            source.ref,
            target.ref,
            weight,
            topic,
            role,
            since,
            until,
            note,
            provenance,
            contact,
        )
        key = tie_key(kind, source.graph_key, target.graph_key, topic)
        builder = self.builder
        if key in builder.tie_sources:
            builder.add_tie(tie, self.table, number, key)  # reports the duplicate
        else:
            builder.tie_sources[key] = provenance
            tie.__dict__["_key"] = key  # seed Tie.key's cache: the store needs it again
            builder.changeset.ties.append(tie)
