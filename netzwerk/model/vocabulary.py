"""The vocabularies: every controlled value netzwerk knows, with its German and English label.

Every controlled value (actor type, sector, tie kind, node kind) has a stable English key
used in code and databases, a German label (the default in reports and templates) and an
English label, plus the spellings staff actually type (aliases). Unknown values are
reported by `Vocabulary.parse`, never silently accepted. Which node kinds a tie kind may
join, and the Neo4j labels and relationship types, are derived from these tables only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass


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
    return re.sub(r"[^a-z0-9]+", "", _ascii_fold(text))


def slugify(name: str) -> str:
    """A stable id derived from a name: lower case ASCII, words joined by '-'.

    >>> slugify("Caritasverband Hagen e.V.")
    'caritasverband-hagen-e-v'
    >>> slugify("Stadtteilladen Lange Straße 22")
    'stadtteilladen-lange-strasse-22'
    """
    return re.sub(r"[^a-z0-9]+", "-", _ascii_fold(name)).strip("-")


def _ascii_fold(text: str) -> str:
    """Lower case without surrounding space, umlauts spelled out (ä -> ae), accents dropped."""
    text = text.strip().lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


class Vocabulary:
    """An ordered set of `Term`s that parses typed values in German or English."""

    def __init__(self, name_de: str, name_en: str, terms: list[Term]) -> None:
        self.name_de = name_de
        self.name_en = name_en
        self.terms = tuple(terms)
        self._by_token: dict[str, Term] = {}
        for term in terms:
            for spelling in (term.key, term.de, term.en, *term.aliases):
                self._by_token.setdefault(normalise_token(spelling), term)

    def __iter__(self) -> Iterator[Term]:
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
        Term(
            "person",
            "Person",
            "person",
            ("Privatperson", "Bewohner", "Bewohnerin", "natural person"),
        ),
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
        Term(
            "culture",
            "Kultur/Kreativwirtschaft",
            "culture and creative industries",
            ("Kultur", "Kreativwirtschaft", "culture", "creative"),
        ),
        Term(
            "economy",
            "Lokale Wirtschaft",
            "local economy",
            ("Wirtschaft", "Einzelhandel", "economy"),
        ),
        Term(
            "housing",
            "Wohnen/Eigentum",
            "housing and property",
            ("Wohnen", "Eigentum", "Immobilien", "housing"),
        ),
        Term(
            "urban_development",
            "Städtebau",
            "urban development",
            ("Stadtentwicklung", "Stadtplanung"),
        ),
        Term("administration", "Verwaltung", "public administration", ("administration",)),
        Term("religion", "Religion", "religion", ("Kirche", "Gemeinde", "Kirchen")),
        Term("safety", "Sicherheit", "public safety", ("Polizei", "Ordnung", "safety")),
        Term("health", "Gesundheit", "health", ()),
        Term("environment", "Umwelt/Grün", "environment and green space", ("Umwelt", "Grün")),
        Term("neighbourhood", "Nachbarschaft", "neighbourhood", ("Bürgerschaft", "Bewohnerschaft")),
        Term(
            "district_management",
            "Quartiersmanagement",
            "district management",
            ("QM", "Stadtteilmanagement"),
        ),
    ],
)

TIE_KINDS = Vocabulary(
    "Art",
    "type",
    [
        Term(
            "cooperation",
            "Kooperation",
            "cooperation",
            ("Zusammenarbeit", "Partner", "Partnerschaft"),
        ),
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
NODE_LABELS = {
    "actor": "Actor",
    "topic": "Topic",
    "project": "Project",
    "event": "Event",
    "place": "Place",
}
RELATIONSHIP_TYPES = {kind: kind.upper() for kind in TIE_KINDS.keys()}
