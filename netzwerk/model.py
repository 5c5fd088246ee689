"""What exists in a district network: actors, topics, projects, events, places and typed ties.

This module is the single home of netzwerk's vocabularies. Every controlled value (actor
type, sector, tie kind, node kind) has a stable English key used in code and databases, a
German label (the default in reports and templates) and an English label, plus the
spellings staff actually type (aliases). Unknown values are reported by `Vocabulary.parse`,
never silently accepted.

Records are frozen dataclasses: ingest produces them, stores persist them, and
`Store.graph()` hands them back as a networkx graph whose attributes are described in
`GRAPH_SCHEMA` below.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

# --------------------------------------------------------------------------- vocabularies


@dataclass(frozen=True)
class Term:
    """One controlled value: a stable key, its German and English labels, extra spellings."""

    key: str
    de: str
    en: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str = "de") -> str:
        return self.de if lang == "de" else self.en


def normalise_token(text: str) -> str:
    """Fold a typed value for matching: lower case, umlauts spelled out, no punctuation.

    >>> normalise_token("  Städtebau ")
    'staedtebau'
    >>> normalise_token("Kultur/Kreativwirtschaft") == normalise_token("kultur kreativwirtschaft")
    True
    """
    text = text.strip().lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "", text)


class Vocabulary:
    """An ordered set of `Term`s that parses typed values in German or English."""

    def __init__(self, name_de: str, name_en: str, terms: list[Term]):
        self.name_de = name_de
        self.name_en = name_en
        self.terms = tuple(terms)
        self._by_token: dict[str, Term] = {}
        for term in terms:
            for spelling in (term.key, term.de, term.en, *term.aliases):
                self._by_token.setdefault(normalise_token(spelling), term)

    def __iter__(self):
        return iter(self.terms)

    def __contains__(self, key: object) -> bool:
        return any(term.key == key for term in self.terms)

    def keys(self) -> list[str]:
        return [term.key for term in self.terms]

    def parse(self, text: str) -> str | None:
        """Return the key for a typed value, or None if it is not in the vocabulary.

        >>> SECTORS.parse("Lokale Wirtschaft"), SECTORS.parse("local economy"), SECTORS.parse("x")
        ('economy', 'economy', None)
        """
        term = self._by_token.get(normalise_token(text))
        return term.key if term else None

    def term(self, key: str) -> Term:
        for term in self.terms:
            if term.key == key:
                return term
        raise KeyError(key)

    def label(self, key: str, lang: str = "de") -> str:
        """German or English label of a key; unknown keys are returned unchanged."""
        try:
            return self.term(key).label(lang)
        except KeyError:
            return key

    def labels(self, lang: str = "de") -> list[str]:
        return [term.label(lang) for term in self.terms]


ACTOR_TYPES = Vocabulary(
    "Typ",
    "type",
    [
        Term("person", "Person", "person", ("Privatperson", "Bewohner", "Bewohnerin", "natural person")),
        Term("institution", "Einrichtung", "institution", ("Institution",)),
        Term("association", "Verein", "association", ("e.V.", "Verband")),
        Term("initiative", "Initiative", "initiative", ("Gruppe", "Bürgerinitiative")),
        Term("business", "Unternehmen", "business", ("Betrieb", "Geschäft", "Firma", "Gewerbe")),
        Term("authority", "Behörde", "public authority", ("Verwaltung", "Amt", "authority")),
        Term("committee", "Gremium", "committee", ("Ausschuss", "Arbeitskreis")),
        Term("other", "Sonstige", "other", ("Sonstiges", "andere")),
    ],
)

SECTORS = Vocabulary(
    "Sektor",
    "sector",
    [
        Term("education", "Bildung", "education", ("Schule", "Kita")),
        Term("social", "Soziales", "social services", ("Sozial", "social")),
        Term("integration", "Integration", "integration", ("Migration",)),
        Term("culture", "Kultur/Kreativwirtschaft", "culture and creative industries",
             ("Kultur", "Kreativwirtschaft", "culture", "creative")),
        Term("economy", "Lokale Wirtschaft", "local economy", ("Wirtschaft", "Einzelhandel", "economy")),
        Term("housing", "Wohnen/Eigentum", "housing and property",
             ("Wohnen", "Eigentum", "Immobilien", "housing")),
        Term("urban_development", "Städtebau", "urban development",
             ("Stadtentwicklung", "Stadtplanung")),
        Term("administration", "Verwaltung", "public administration", ("administration",)),
        Term("religion", "Religion", "religion", ("Kirche", "Gemeinde", "Kirchen")),
        Term("safety", "Sicherheit", "public safety", ("Polizei", "Ordnung", "safety")),
        Term("health", "Gesundheit", "health", ()),
        Term("environment", "Umwelt/Grün", "environment and green space", ("Umwelt", "Grün")),
        Term("neighbourhood", "Nachbarschaft", "neighbourhood", ("Bürgerschaft", "Bewohnerschaft")),
        Term("district_management", "Quartiersmanagement", "district management",
             ("QM", "Stadtteilmanagement")),
    ],
)

TIE_KINDS = Vocabulary(
    "Art",
    "type",
    [
        Term("cooperation", "Kooperation", "cooperation", ("Zusammenarbeit", "Partner", "Partnerschaft")),
        Term("membership", "Mitgliedschaft", "membership", ("Mitglied", "member")),
        Term("participation", "Beteiligung", "participation", ("Teilnahme", "nimmt teil")),
        Term("works_on", "arbeitet zu", "works on", ("Thema", "works_on")),
        Term("funding", "Förderung", "funding", ("fördert", "Finanzierung", "funds")),
        Term("runs", "Träger", "runs", ("Trägerschaft", "betreibt", "operator")),
        Term("located_at", "Standort", "located at", ("Ort", "located_at")),
    ],
)

NODE_KINDS = Vocabulary(
    "Knotenart",
    "node kind",
    [
        Term("actor", "Akteur", "actor"),
        Term("topic", "Thema", "topic"),
        Term("project", "Projekt", "project"),
        Term("event", "Veranstaltung", "event"),
        Term("place", "Ort", "place"),
    ],
)

# Which node kinds each tie kind may join (source kinds, target kinds). Cooperation is the
# only undirected kind; the others point from an actor to what it belongs to, works on, etc.
TIE_ENDPOINTS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "cooperation": (frozenset({"actor"}), frozenset({"actor"})),
    "membership": (frozenset({"actor"}), frozenset({"actor"})),
    "participation": (frozenset({"actor"}), frozenset({"project", "event"})),
    "works_on": (frozenset({"actor", "project", "event"}), frozenset({"topic"})),
    "funding": (frozenset({"actor"}), frozenset({"actor", "project", "event"})),
    "runs": (frozenset({"actor"}), frozenset({"actor", "project", "event"})),
    "located_at": (frozenset({"actor", "event"}), frozenset({"place"})),
}
UNDIRECTED_TIE_KINDS = frozenset({"cooperation"})

# Neo4j labels and relationship types, derived only from the vocabularies above.
NODE_LABELS = {"actor": "Actor", "topic": "Topic", "project": "Project", "event": "Event",
               "place": "Place"}
RELATIONSHIP_TYPES = {kind: kind.upper() for kind in TIE_KINDS.keys()}

# --------------------------------------------------------------------------- records


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
class Project:
    id: str
    name: str
    since: date | None = None
    until: date | None = None
    note: str = ""
    source: Provenance | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Event:
    """A one-off or recurring event; ``since`` is its (first) date, ``until`` its last day."""

    id: str
    name: str
    since: date | None = None
    until: date | None = None
    note: str = ""
    source: Provenance | None = field(default=None, compare=False)


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
    empty for the usual tie with one period.
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


def periods_valid_on(periods: Iterable[tuple[date | None, date | None]], day: date) -> bool:
    """True if ``day`` lies in one of the periods (open ends are unbounded).

    >>> periods_valid_on([(date(2018, 1, 1), date(2019, 12, 31)), (date(2022, 1, 1), None)],
    ...                  date(2020, 6, 1))
    False
    """
    return any(is_valid_on(since, until, day) for since, until in periods)


def periods_overlap(first: tuple[date | None, date | None],
                    second: tuple[date | None, date | None]) -> bool:
    """True if two periods share a day (open ends are unbounded).

    >>> periods_overlap((date(2018, 1, 1), date(2019, 12, 31)), (date(2019, 12, 31), None))
    True
    >>> periods_overlap((None, date(2019, 12, 31)), (date(2020, 1, 1), None))
    False
    """
    (since_a, until_a), (since_b, until_b) = first, second
    return ((since_a is None or until_b is None or since_a <= until_b)
            and (since_b is None or until_a is None or since_b <= until_a))


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

    def counts(self) -> dict[str, int]:
        return {
            "actors": len(self.actors),
            "topics": len(self.topics),
            "projects": len(self.projects),
            "events": len(self.events),
            "places": len(self.places),
            "ties": len(self.ties),
        }


# --------------------------------------------------------------------------- helpers


def graph_key(kind: str, node_id: str) -> str:
    """Node key in netzwerk's networkx graphs: the bare id for actors, 'kind:id' otherwise.

    >>> graph_key("actor", "stadt-hagen"), graph_key("topic", "integration")
    ('stadt-hagen', 'topic:integration')
    """
    return node_id if kind == "actor" else f"{kind}:{node_id}"


def slugify(name: str) -> str:
    """A stable id derived from a name: lower case ASCII, words joined by '-'.

    >>> slugify("Caritasverband Hagen e.V.")
    'caritasverband-hagen-e-v'
    >>> slugify("Stadtteilladen Lange Straße 22")
    'stadtteilladen-lange-strasse-22'
    """
    text = name.strip().lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


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


def is_valid_on(since: date | None, until: date | None, day: date) -> bool:
    """True if a record with this period is valid on ``day`` (open ends are unbounded)."""
    return (since is None or since <= day) and (until is None or day <= until)


def node_is_valid(kind: str, since: date | None, until: date | None, day: date) -> bool:
    """True if a node belongs to the network as it stood on ``day``.

    Events are a special case: once held, an event stays part of the network (people who met
    at the Stadtteilfest 2023 still know each other in 2024), so only its start counts.

    >>> node_is_valid("event", date(2023, 6, 1), date(2023, 6, 1), date(2024, 6, 30))
    True
    >>> node_is_valid("actor", date(2018, 1, 1), date(2022, 12, 31), date(2024, 6, 30))
    False
    """
    if kind == "event":
        return since is None or since <= day
    return is_valid_on(since, until, day)


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
