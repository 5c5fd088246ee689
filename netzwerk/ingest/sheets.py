"""The sheets and columns of the workbook: the one description of the input format.

Readers use it to recognise sheets, `netzwerk.ingest.columns.map_columns` to find the
columns, the template to write headers, dropdowns and the German explanation sheet. Headers and sheet names match ignoring case, surrounding spaces, umlaut
spelling (ä/ae) and ``_``/``-``/space differences (`model.normalise_token`).
"""

from __future__ import annotations

from dataclasses import dataclass

from netzwerk.model import normalise_token


@dataclass(frozen=True)
class Column:
    """One column: internal field name, German header, English alias, other spellings."""

    field: str
    de: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    help: str = ""
    example: str = ""

    def spellings(self) -> tuple[str, ...]:
        return (self.de, self.en, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    """One sheet (or CSV file, or JSON table): its kind, German and English names, columns."""

    kind: str
    de: str
    en: str
    help: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        for column in self.columns:
            if column.field == field:
                return column
        raise KeyError(field)


_ID = Column(
    "id",
    "id",
    "id",
    ("kennung", "nr"),
    help="eindeutige Kennung; leer = aus dem Namen gebildet (z. B. caritas-hagen)",
    example="caritas",
)
_NOTE = Column(
    "note",
    "notiz",
    "note",
    ("bemerkung", "anmerkung", "kommentar"),
    help="freie Notiz (keine sensiblen Daten)",
    example="",
)
_SINCE = Column(
    "since",
    "seit",
    "since",
    ("beginn", "start"),
    help="Beginn; TT.MM.JJJJ, MM.JJJJ oder JJJJ (Jahr = ab 1. Januar)",
    example="2019",
)
_UNTIL = Column(
    "until",
    "bis",
    "until",
    ("ende", "end"),
    help="Ende; TT.MM.JJJJ, MM.JJJJ oder JJJJ (Jahr = bis 31. Dezember); leer = dauert an",
    example="",
)
_TOPICS = Column(
    "topics",
    "themen",
    "topics",
    ("thema",),
    help="Themen, getrennt durch ; oder , "
    "— Kennung oder Name aus Themen; neue Themen werden angelegt",
    example="Bildung; Integration",
)

ACTORS = Sheet(
    "actors",
    "Akteure",
    "actors",
    "Personen, Einrichtungen, Vereine, Initiativen, Betriebe, Behörden und Gremien "
    "im Quartier — eine Zeile je Akteur.",
    (
        _ID,
        Column(
            "name",
            "name",
            "name",
            (),
            True,
            "Name, wie er im Quartier bekannt ist",
            "Caritasverband Hagen e.V.",
        ),
        Column("type", "typ", "type", (), True, "Art des Akteurs (Auswahlliste)", "Verein"),
        Column(
            "sector",
            "sektor",
            "sector",
            ("bereich",),
            True,
            "Handlungsfeld (Auswahlliste)",
            "Soziales",
        ),
        _TOPICS,
        Column(
            "address",
            "adresse",
            "address",
            ("anschrift", "strasse"),
            help="Anschrift; die Straße wird als Ort verknüpft",
            example="Lange Straße 22, 58089 Hagen",
        ),
        _SINCE,
        _UNTIL,
        Column(
            "contact",
            "kontakt",
            "contact",
            ("email", "telefon"),
            help="Kontakt (Telefon, E-Mail) — personenbezogen, nur mit Einwilligung",
            example="info@caritas-hagen.de",
        ),
        Column(
            "consent",
            "einwilligung",
            "consent",
            (),
            help="Einwilligung zur namentlichen Nennung: ja/nein (leer = nein)",
            example="ja",
        ),
        Column(
            "coordinator",
            "koordination",
            "coordinator",
            ("koordinator", "qm"),
            help="ja = dies ist das Quartiersmanagement selbst",
            example="nein",
        ),
        _NOTE,
    ),
)

TIES = Sheet(
    "ties",
    "Beziehungen",
    "ties",
    "Wer mit wem: Kooperation, Mitgliedschaft, Förderung, Trägerschaft … — eine Zeile je "
    "Beziehung. von/zu nennen Akteure (Kennung oder genauer Name), je nach Art auch "
    "Projekte, Veranstaltungen, Themen oder Orte.",
    (
        Column(
            "source",
            "von",
            "source",
            ("from", "quelle"),
            True,
            "Akteur (Kennung oder Name), von dem die Beziehung ausgeht",
            "Caritasverband Hagen e.V.",
        ),
        Column(
            "target",
            "zu",
            "target",
            ("to", "ziel", "nach"),
            True,
            "Akteur, Projekt, Veranstaltung, Thema oder Ort (Kennung oder Name)",
            "Stadt Hagen",
        ),
        Column(
            "kind",
            "art",
            "type",
            ("kind", "beziehungsart"),
            True,
            "Art der Beziehung (Auswahlliste)",
            "Kooperation",
        ),
        Column(
            "weight",
            "staerke",
            "weight",
            ("strength", "gewicht"),
            help="Stärke: Zahl größer 0, z. B. 1 (normal), 2 (eng), 0,5 (lose); leer = 1",
            example="2",
        ),
        Column(
            "topic",
            "thema",
            "topic",
            (),
            help="Thema der Beziehung (Kennung oder Name)",
            example="Integration",
        ),
        Column("role", "rolle", "role", (), help="Rolle, z. B. Organisation, Stand", example=""),
        _SINCE,
        _UNTIL,
        Column(
            "last_contact",
            "letzter_kontakt",
            "last_contact",
            ("kontakt", "zuletzt"),
            help="Tag des letzten Kontakts (TT.MM.JJJJ), für die Liste einschlafender "
            "Verbindungen (netzwerk kontakte); leer = unbekannt",
            example="14.03.2026",
        ),
        _NOTE,
    ),
)

TOPICS = Sheet(
    "topics",
    "Themen",
    "topics",
    "Themen, zu denen im Quartier gearbeitet wird (optional: Themen aus den Spalten "
    "„themen“ werden sonst automatisch angelegt).",
    (_ID, Column("name", "name", "name", (), True, "Name des Themas", "Integration"), _NOTE),
)

PROJECTS = Sheet(
    "projects",
    "Projekte",
    "projects",
    "Projekte mit Träger, Förderern und Themen.",
    (
        _ID,
        Column("name", "name", "name", (), True, "Name des Projekts", "Sprachcafé Wehringhausen"),
        Column(
            "runner",
            "traeger",
            "runner",
            ("träger", "operator"),
            help="Akteur, der das Projekt trägt (Kennung oder Name)",
            example="Caritasverband Hagen e.V.",
        ),
        Column(
            "funder",
            "foerderung",
            "funder",
            ("foerderer", "foerdergeber", "funding"),
            help="fördernde Akteure (Fördergeber), getrennt durch ;",
            example="Stadt Hagen",
        ),
        Column(
            "funded_until",
            "foerderung_bis",
            "funded_until",
            ("gefoerdert_bis", "funding_until"),
            help="Ende der Förderung (TT.MM.JJJJ, MM.JJJJ oder JJJJ); gilt für die Förderer "
            "der Zeile; leer = offen",
            example="31.12.2027",
        ),
        _TOPICS,
        _SINCE,
        _UNTIL,
        _NOTE,
    ),
)

EVENTS = Sheet(
    "events",
    "Veranstaltungen",
    "events",
    "Feste, Treffen, Aktionstage — eine Zeile je Veranstaltung.",
    (
        _ID,
        Column(
            "name",
            "name",
            "name",
            (),
            True,
            "Name der Veranstaltung",
            "Wehringhauser Frühlingsfest",
        ),
        Column(
            "since",
            "datum",
            "date",
            ("seit", "since", "von"),
            help="Datum (TT.MM.JJJJ); bei mehrtägigen der erste Tag",
            example="04.05.2024",
        ),
        Column("until", "bis", "until", ("ende",), help="letzter Tag, falls mehrtägig", example=""),
        Column(
            "place",
            "ort",
            "place",
            ("location", "adresse"),
            help="Ort oder Straße; wird als Ort verknüpft",
            example="Bodelschwinghplatz",
        ),
        Column(
            "organiser",
            "veranstalter",
            "organiser",
            ("organizer", "traeger"),
            help="veranstaltende Akteure, getrennt durch ;",
            example="Quartiersmanagement Wehringhausen",
        ),
        _TOPICS,
        _NOTE,
    ),
)

PARTICIPATION = Sheet(
    "participation",
    "Beteiligungen",
    "participation",
    "Wer an welchem Projekt oder welcher Veranstaltung beteiligt ist — je Zeile "
    "genau eines von projekt oder veranstaltung ausfüllen.",
    (
        Column(
            "actor",
            "akteur",
            "actor",
            (),
            True,
            "Akteur (Kennung oder Name)",
            "Caritasverband Hagen e.V.",
        ),
        Column("project", "projekt", "project", (), help="Projekt (Kennung oder Name)", example=""),
        Column(
            "event",
            "veranstaltung",
            "event",
            (),
            help="Veranstaltung (Kennung oder Name)",
            example="Wehringhauser Frühlingsfest",
        ),
        Column(
            "role", "rolle", "role", (), help="Rolle, z. B. Stand, Organisation", example="Stand"
        ),
        Column(
            "since",
            "seit",
            "since",
            (),
            help="Beginn; leer bei Veranstaltungen = deren Datum",
            example="",
        ),
        _UNTIL,
        _NOTE,
    ),
)

SHEETS: tuple[Sheet, ...] = (ACTORS, TIES, TOPICS, PROJECTS, EVENTS, PARTICIPATION)
SHEET_BY_KIND = {sheet.kind: sheet for sheet in SHEETS}
_SHEET_BY_TOKEN = {
    normalise_token(name): sheet for sheet in SHEETS for name in (sheet.de, sheet.en)
}
# Sheets of the template that carry no data.
IGNORED_SHEETS = frozenset(
    normalise_token(name) for name in ("Anleitung", "Listen", "instructions", "lists", "Hilfe")
)


def sheet_for(name: str) -> Sheet | None:
    """The sheet a sheet name, CSV file stem or JSON key stands for.

    >>> sheet_for(" beziehungen ").kind, sheet_for("Actors").kind, sheet_for("Notizen")
    ('ties', 'actors', None)
    """
    return _SHEET_BY_TOKEN.get(normalise_token(name))


def is_ignored_sheet(name: str) -> bool:
    """True for sheets of the template that carry no data (Anleitung, Listen, ...)."""
    return normalise_token(name) in IGNORED_SHEETS
