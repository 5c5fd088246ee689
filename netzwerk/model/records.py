"""What exists in a district network: actors, topics, projects, events, places and typed ties.

Records are frozen dataclasses: ingest produces them, stores persist them, and
`Store.graph()` hands them back as a networkx graph whose attributes are described in
`GRAPH_SCHEMA` below. Their kinds and types are keys of the vocabularies
(`netzwerk.model.vocabulary`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from netzwerk.model.validity import periods_valid_on
from netzwerk.model.vocabulary import UNDIRECTED_TIE_KINDS

if TYPE_CHECKING:
    from netzwerk.model.statements import Statement


@dataclass(frozen=True)
class Provenance:
    """Where a record came from: file, sheet (or CSV/JSON table) and row as the sheet shows it."""

    file: str
    sheet: str
    row: int

    def __str__(self) -> str:
        return f"{self.file}, {self.sheet}, Zeile {self.row}"


@dataclass(frozen=True)
class Actor:
    """A person, organisation, association, business, authority or committee in the district.

    ``natural_person`` is derived from the type; persons fall under the GDPR and are
    pseudonymised in outputs unless ``consent`` is true and names are asked for.
    ``coordinator`` marks the district management (QM) itself.
    """

    id: str
    name: str
    type: str
    sector: str
    topics: tuple[str, ...] = ()
    address: str = ""
    since: date | None = None
    until: date | None = None
    contact: str = ""
    consent: bool = False
    coordinator: bool = False
    note: str = ""
    source: Provenance | None = field(default=None, compare=False)

    @property
    def natural_person(self) -> bool:
        return self.type == "person"

    @property
    def street(self) -> str:
        """The street of the address without house number: 'Lange Straße 22' -> 'Lange Straße'."""
        return street_of(self.address)


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    note: str = ""
    source: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DatedNode:
    """The fields of a node with a period (projects and events); not a record kind itself."""

    id: str
    name: str
    since: date | None = None
    until: date | None = None
    note: str = ""
    source: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Project(DatedNode):
    """A project in the district, running from ``since`` to ``until``."""


@dataclass(frozen=True)
class Event(DatedNode):
    """A one-off or recurring event; ``since`` is its (first) date, ``until`` its last day."""


@dataclass(frozen=True)
class Place:
    """A street (or named site) in the district; actors are located at places."""

    id: str
    name: str
    source: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class NodeRef:
    """A reference to a node: its kind and its id within that kind."""

    kind: str
    id: str

    @property
    def graph_key(self) -> str:
        return graph_key(self.kind, self.id)


@dataclass(frozen=True)
class Tie:
    """A typed, dated, weighted tie between two nodes.

    ``weight`` is the tie strength (1 = ordinary, higher = stronger). ``role`` is used for
    participation (e.g. 'Organisation', 'Stand'). The identity of a tie is its `key`: kind,
    endpoints and topic, not its dates, so correcting a start date corrects the tie.

    A tie that ended and started again is one tie with several ``periods`` (each
    ``(since, until)``, in order); ``since``/``until`` then span all of them. ``periods`` is
    empty for the usual tie with one period. ``last_contact`` is the day of the last known
    contact (Beziehungen: letzter_kontakt), None if none is noted.
    """

    kind: str
    source: NodeRef
    target: NodeRef
    weight: float = 1.0
    topic: str = ""
    role: str = ""
    since: date | None = None
    until: date | None = None
    note: str = ""
    periods: tuple[tuple[date | None, date | None], ...] = ()
    last_contact: date | None = None
    provenance: Provenance | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """Stable identity for idempotent writes: kind, endpoints and topic.

        Cooperation is undirected, so its endpoints are sorted. Computed once per tie and
        kept in ``__dict__['_key']`` (ingest seeds it, having computed it already).

        >>> a, b = NodeRef("actor", "b"), NodeRef("actor", "a")
        >>> Tie("cooperation", a, b).key == Tie("cooperation", b, a).key
        True
        >>> Tie("cooperation", a, b, since=date(2020, 1, 1)).key == Tie("cooperation", a, b).key
        True
        """
        key = self.__dict__.get("_key")
        if key is None:
            ends = [self.source.graph_key, self.target.graph_key]
            if self.kind in UNDIRECTED_TIE_KINDS:
                ends.sort()
            key = "|".join([self.kind, *ends, self.topic])
            self.__dict__["_key"] = key
        return key

    def valid_on(self, day: date) -> bool:
        """True if the tie held on ``day`` (in one of its periods)."""
        return periods_valid_on(self.periods or ((self.since, self.until),), day)


@dataclass
class Changeset:
    """Everything one ingest writes, validated, applied by a store in one go."""

    actors: list[Actor] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: the name this data is stated under (a workbook's file name, or a named source such
    #: as a workshop): re-ingesting a source replaces what it said before (see `Store.apply`)
    source: str = ""
    #: contested ties whose statements this load replaces (`model.statements`), by tie
    #: key; an empty list drops them (the tie is no longer contested)
    statements: dict[str, list[Statement]] = field(default_factory=dict)
    #: ties another source's statement holds again after this source stopped stating
    #: them: written with their content only, their sources untouched
    restored: list[Tie] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "actors": len(self.actors),
            "topics": len(self.topics),
            "projects": len(self.projects),
            "events": len(self.events),
            "places": len(self.places),
            "ties": len(self.ties),
        }


def graph_key(kind: str, node_id: str) -> str:
    """Node key in netzwerk's networkx graphs: the bare id for actors, 'kind:id' otherwise.

    >>> graph_key("actor", "stadt-hagen"), graph_key("topic", "integration")
    ('stadt-hagen', 'topic:integration')
    """
    return node_id if kind == "actor" else f"{kind}:{node_id}"


_HOUSE_NUMBER = re.compile(r"\s*\d+\s*[a-zA-Z]?(\s*[-/]\s*\d+\s*[a-zA-Z]?)?\s*$")


def street_of(address: str) -> str:
    """The street part of an address: drops postcode/city after a comma and the house number.

    >>> street_of("Lange Straße 22, 58089 Hagen")
    'Lange Straße'
    >>> street_of("Wehringhauser Str. 38a")
    'Wehringhauser Str.'
    """
    first = address.split(",")[0].strip()
    return _HOUSE_NUMBER.sub("", first).strip()


GRAPH_SCHEMA = """
Store.graph() returns a networkx.MultiDiGraph.

Nodes (key = model.graph_key(kind, id): bare id for actors, 'topic:…', 'project:…', …):
  all kinds : kind, id, name, since (date|None), until (date|None)
  actor     : type, sector, topics (list[str] of topic ids), street, natural_person (bool),
              consent (bool), coordinator (bool), note
              (address and contact are personal data and stay in the store; see Store.actor_record)
  place     : (name is the street)
Edges (edge key = Tie.key):
  kind, weight (float), topic, role, since, until, note, periods (list of (since, until),
  empty for a tie with one period), source_file, source_sheet, source_row, ingest_run
  Cooperation is undirected but stored once, from source to target as ingested.
Store.graph(as_of=day) keeps nodes valid on that day (`node_is_valid`: events once held) and
ties valid on that day (in one of their periods; since/until are then that period's) between
kept nodes.
"""
