"""Rows of the node sheets (Themen, Akteure, Projekte, Veranstaltungen) -> records and the
ties they imply (works_on, located_at, runs, funding).

Each handler reads one table whose columns are already mapped, reports every problem of a
row (not only the first) and still registers a record with errors, so that one typo does
not turn into a dangling-reference error everywhere the record is referenced.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from netzwerk.ingest.builder import Builder, Node, derived_id
from netzwerk.ingest.columns import ColumnMap
from netzwerk.ingest.readers import Table
from netzwerk.ingest.table_rows import data_rows
from netzwerk.ingest.values import (
    BadValue,
    clean_text,
    control_character,
    parse_bool,
    parse_date,
    visible,
)
from netzwerk.model import (
    ACTOR_TYPES,
    SECTORS,
    Actor,
    Event,
    Project,
    Provenance,
    Topic,
    Vocabulary,
    street_of,
)

REQUIRED_EMPTY = "Pflichtfeld leer — Wert eintragen"


def end_before_start(since: date, since_header: str, until_header: str) -> str:
    """The message for a period whose end lies before its start."""
    return (
        f"Ende liegt vor dem Beginn ({since:%d.%m.%Y}) — "
        f'"{since_header}" und "{until_header}" prüfen'
    )


class Row:
    """One data row: its mapped cells as trimmed text (``values``), typed access to dates
    and yes/no cells, and problems reported with the row's location as it goes."""

    __slots__ = ("builder", "table", "columns", "cells", "number", "values")

    def __init__(
        self, builder: Builder, table: Table, columns: ColumnMap, number: int, cells: list
    ) -> None:
        self.builder, self.table, self.columns = builder, table, columns
        self.number, self.cells = number, cells
        self.values = {
            field: clean_text(cells[position]) for field, position in columns.index.items()
        }

    def text(self, field: str) -> str:
        return self.values.get(field, "")

    def header(self, field: str) -> str:
        return self.columns.header.get(field, field)

    def error(self, field: str, value: str, message: str) -> None:
        self.builder.problem(self.table, self.number, self.header(field), value, message)

    def printable(self, field: str, value: str, what: str) -> bool:
        """False (and an error) if ``value``, an id or a name, holds a control character
        (`values.control_character`); ``what`` says which: 'im Namen', 'in der ID'."""
        character = control_character(value)
        if character is None:
            return True
        self.error(field, visible(value), f"Steuerzeichen {character} {what} — Zeichen entfernen")
        return False

    def required(self, field: str) -> str:
        value = self.text(field)
        if not value:
            self.error(field, "", REQUIRED_EMPTY)
        return value

    def term(self, field: str, vocabulary: Vocabulary, what: str) -> str:
        value = self.text(field)
        if not value:
            self.error(field, "", REQUIRED_EMPTY)
            return ""
        key = parse_term(vocabulary, value)
        if key is None:
            self.error(field, value, f"{what} — erlaubt: {', '.join(vocabulary.labels('de'))}")
            return ""
        return key

    def day(self, field: str, *, end: bool = False) -> date | None:
        position = self.columns.index.get(field)
        if position is None or not self.values[field]:
            return None
        try:
            return parse_date(self.cells[position], end=end)
        except BadValue as problem:
            self.error(field, self.values[field], str(problem))
            return None

    def period(
        self, since_field: str = "since", until_field: str = "until"
    ) -> tuple[date | None, date | None]:
        since, until = self.day(since_field), self.day(until_field, end=True)
        if since and until and since > until:
            self.error(
                until_field,
                self.text(until_field),
                end_before_start(since, self.header(since_field), self.header(until_field)),
            )
        return since, until

    def flag(self, field: str) -> bool:
        position = self.columns.index.get(field)
        if position is None or not self.values[field]:
            return False
        try:
            return parse_bool(self.cells[position])
        except BadValue as problem:
            self.error(field, self.values[field], str(problem))
            return False

    @property
    def source(self) -> Provenance:
        return Provenance(self.table.file, self.table.sheet_name, self.number)


@lru_cache(maxsize=1024)
def parse_term(vocabulary: Vocabulary, text: str) -> str | None:
    """`Vocabulary.parse`, remembered: a column holds the same few values over and over."""
    return vocabulary.parse(text)


def rows_of(builder: Builder, table: Table, columns: ColumnMap) -> Iterator[Row]:
    """Rows that hold data in a known column (blank rows, rows of spaces are skipped)."""
    for number, cells in data_rows(table, builder):
        row = Row(builder, table, columns, number, cells)
        if any(row.values.values()):
            yield row


def _identity(row: Row, kind: str) -> tuple[str, str, bool] | None:
    """(id, name, id given) of a row; None if it has neither (reported). A control
    character in either is reported; the record is still registered (no dangling
    references), and nothing is written anyway."""
    name = row.required("name")
    given = row.text("id")
    if not name and not given:
        return None
    row.printable("id", given, "in der ID")
    row.printable("name", name, "im Namen")
    return given or derived_id(name, kind), name or given, bool(given)


def add_topics(builder: Builder, table: Table, columns: ColumnMap) -> None:
    """Themen rows -> topics."""
    builder.topic_sheet_given = True
    for row in rows_of(builder, table, columns):
        identity = _identity(row, "topic")
        if identity is None:
            continue
        topic_id, name, given = identity
        source = row.source
        topic = Topic(topic_id, name, row.text("note"), source=source)
        column = row.header("id" if given else "name")
        if builder.register("topic", topic_id, name, source, topic, table, column, given):
            builder.changeset.topics.append(topic)


def add_actors(builder: Builder, table: Table, columns: ColumnMap) -> None:
    """Akteure rows -> actors, and the ties to their topics and their street (a place)."""
    streets: dict[str, str] = {}
    for row in rows_of(builder, table, columns):
        identity = _identity(row, "actor")
        kind = row.term("type", ACTOR_TYPES, "unbekannter Typ")
        sector = row.term("sector", SECTORS, "unbekannter Sektor")
        if identity is None:
            continue
        actor_id, name, given = identity
        since, until = row.period()
        source = row.source
        column = row.header("id" if given else "name")
        node = builder.register("actor", actor_id, name, source, None, table, column, given)
        if node is None:
            continue
        topics = _topics(builder, row, source)
        address = row.text("address")
        if address and not row.printable("address", address, "in der Adresse"):
            address = ""
        actor = Actor(
            actor_id,
            name,
            kind,
            sector,
            tuple(topic.ref.id for topic in topics),
            address,
            since,
            until,
            row.text("contact"),
            row.flag("consent"),
            row.flag("coordinator"),
            row.text("note"),
            source=source,
        )
        node.record = actor
        builder.changeset.actors.append(actor)
        for topic in topics:
            builder.link("works_on", node, topic, source, table)
        if address:
            street = streets.get(address)
            if street is None:
                street = streets[address] = street_of(address)
            if street:
                builder.link(
                    "located_at", node, builder.ensure("place", street, source), source, table
                )


def _topics(builder: Builder, row: Row, source: Provenance) -> list[Node]:
    text = row.text("topics")
    if not text or not row.printable("topics", text, "im Thema"):
        return []
    return builder.topics(text, source, row.table, row.header("topics"))


def _actor_ties(
    builder: Builder,
    row: Row,
    field: str,
    kind: str,
    target: Node,
    source: Provenance,
    until: date | None = None,
) -> None:
    text = row.text(field)
    if not text:
        return
    for actor in builder.resolve_many(text, ("actor",), row.table, row.number, row.header(field)):
        builder.link(kind, actor, target, source, row.table, until=until)


@dataclass(frozen=True)
class ActivityRows:
    """How the rows of one activity sheet (Projekte, Veranstaltungen) become records and
    ties: the node kind and record class, which columns name actors tied to the activity
    (and by which tie kind), and whether a place column links it to a place.

    Rows are read by `add`, the same for every activity sheet: the record with its period
    and note, then the ties to the actors in the order given, to its topics and its place.
    """

    kind: str
    record: type[Project] | type[Event]
    actor_ties: tuple[tuple[str, str], ...]  # (field, tie kind): Träger -> runs, ...
    place: bool = False

    def add(self, builder: Builder, table: Table, columns: ColumnMap) -> None:
        """Read the rows of ``table`` into records and ties of this kind."""
        records: list = (
            builder.changeset.projects if self.kind == "project" else builder.changeset.events
        )
        for row in rows_of(builder, table, columns):
            identity = _identity(row, self.kind)
            if identity is None:
                continue
            record_id, name, given = identity
            since, until = row.period()
            source = row.source
            record = self.record(record_id, name, since, until, row.text("note"), source=source)
            column = row.header("id" if given else "name")
            node = builder.register(
                self.kind, record_id, name, source, record, table, column, given
            )
            if node is None:
                continue
            records.append(record)
            if row.text("funded_until") and not row.text("funder"):
                row.error(
                    "funded_until",
                    row.text("funded_until"),
                    "Förderung bis ohne Förderer — Förderer eintragen oder das Datum löschen",
                )
            for field, kind in self.actor_ties:
                # a funder funds until the row's funding end (Förderung bis), if given
                until = row.day("funded_until", end=True) if kind == "funding" else None
                _actor_ties(builder, row, field, kind, node, source, until)
            for topic in _topics(builder, row, source):
                builder.link("works_on", node, topic, source, table)
            if self.place:
                _place(builder, row, node, source)


def _place(builder: Builder, row: Row, node: Node, source: Provenance) -> None:
    """Link an activity to the place (street, else the text) its ``ort`` cell names."""
    place = row.text("place")
    if place and row.printable("place", place, "im Ort"):
        builder.link(
            "located_at",
            node,
            builder.ensure("place", street_of(place) or place, source),
            source,
            row.table,
        )


#: Projekte: the Träger runs the project, Förderer fund it.
PROJECT_ROWS = ActivityRows("project", Project, (("runner", "runs"), ("funder", "funding")))
#: Veranstaltungen: the Veranstalter run the event, which takes place at its Ort.
EVENT_ROWS = ActivityRows("event", Event, (("organiser", "runs"),), place=True)
