"""Generate netzwerk's sample dataset: the actor network of Hagen-Wehringhausen.

    python examples/wehringhausen/generate.py          write wehringhausen.xlsx and csv/*.csv
    python examples/wehringhausen/generate.py --check  validate and compare with the files on disk

Public facts, from the Quartiersmanagement's own description: Stadt Hagen commissions the
QM; S·T·E·R·N GmbH – NRW, Diakonie Mark-Ruhr gGmbH and Caritasverband Hagen e.V. ran it as a
consortium until 2022, STERN alone since 2023; the QM office is above the Stadtteilladen in
the Lange Straße 22; it works with Wir in Wehringhausen e.V. and runs the Lenkungskreis.
A few other real Hagen institutions appear by name. Everything else is invented: shops and
studios (note "fiktiv"), generic names ("Name generisch"), all other ties, projects, events
and participations, and every natural person (first and last names combined at random).

Everything derives from SEED, so two runs write byte-identical files (fixed workbook
properties and zip timestamps). Standard library and openpyxl only.

The network is shaped so that analyses have something to find: `Builder.design` picks the
actors that play designed roles (spokes tied only to the QM, isolates, cut-points, brokers,
sector gaps, the consortium change at the end of 2022; README.md lists them) and
`check_design` verifies them on the actor-actor view netzwerk builds by default
(cooperation, membership and Träger ties plus shared projects and events).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import random
import re
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

SEED = 20180101
HERE = Path(__file__).resolve().parent
XLSX_PATH = HERE / "wehringhausen.xlsx"
CSV_DIR = HERE / "csv"
FIXED_TIMESTAMP = datetime(2025, 12, 31, 12, 0, 0)
ZIP_TIMESTAMP = (2025, 12, 31, 12, 0, 0)

FIRST_DAY = date(2018, 1, 1)
LAST_DAY = date(2025, 12, 31)
LAST_TIE_START = date(2024, 12, 31)
CONSORTIUM_END = date(2022, 12, 31)  # Diakonie and Caritas leave the QM consortium

# German labels as in netzwerk.model (kept here so the script needs only openpyxl).
TYPES = ("Person", "Einrichtung", "Verein", "Initiative", "Unternehmen", "Behörde", "Gremium",
         "Sonstige")
SECTORS = ("Bildung", "Soziales", "Integration", "Kultur/Kreativwirtschaft", "Lokale Wirtschaft",
           "Wohnen/Eigentum", "Städtebau", "Verwaltung", "Religion", "Sicherheit", "Gesundheit",
           "Umwelt/Grün", "Nachbarschaft", "Quartiersmanagement")
TIE_KINDS = ("Kooperation", "Mitgliedschaft", "Förderung", "Träger")
VIEW_TIE_KINDS = ("Kooperation", "Mitgliedschaft", "Träger")  # netzwerk's default actor view

KULTUR, WOHNEN, BILDUNG, WIRTSCHAFT, GESUNDHEIT = (
    "Kultur/Kreativwirtschaft", "Wohnen/Eigentum", "Bildung", "Lokale Wirtschaft", "Gesundheit")
# Sector pairs with no tie at all, not even a shared project or event.
NO_TIE_SECTORS = (frozenset({BILDUNG, WIRTSCHAFT}), frozenset({GESUNDHEIT, KULTUR}))
# Creative scene and property owners meet exactly once: one artist, one owner.
SPARSE_SECTORS = frozenset({KULTUR, WOHNEN})

SHEETS = {
    "Akteure": ("id", "name", "typ", "sektor", "themen", "adresse", "seit", "bis", "kontakt",
                "einwilligung", "koordination", "notiz"),
    "Beziehungen": ("von", "zu", "art", "staerke", "thema", "seit", "bis", "letzter_kontakt",
                    "notiz"),
    "Themen": ("id", "name", "notiz"),
    "Projekte": ("id", "name", "traeger", "foerderung", "foerderung_bis", "themen", "seit", "bis",
                 "notiz"),
    "Veranstaltungen": ("id", "name", "datum", "bis", "ort", "veranstalter", "themen", "notiz"),
    "Beteiligungen": ("akteur", "projekt", "veranstaltung", "rolle", "seit", "bis", "notiz"),
}


def d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def slug(text: str) -> str:
    text = text.strip().lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --------------------------------------------------------------------------- records


@dataclass
class Actor:
    id: str
    name: str
    typ: str
    sektor: str
    themen: list[str]
    adresse: str = ""
    seit: date | None = None
    bis: date | None = None
    kontakt: str = ""
    einwilligung: str = ""
    koordination: str = ""
    notiz: str = ""
    group: str = ""  # internal cluster tag, not written

    @property
    def first(self) -> date:
        return max(FIRST_DAY, self.seit) if self.seit else FIRST_DAY

    @property
    def last(self) -> date:
        return min(LAST_DAY, self.bis) if self.bis else LAST_DAY

    def valid_on(self, day: date) -> bool:
        return self.first <= day <= self.last if self.seit or self.bis else True


@dataclass
class Tie:
    von: str
    zu: str
    art: str
    staerke: int
    thema: str = ""
    seit: date | None = None
    bis: date | None = None
    notiz: str = ""
    written_von: str = ""  # an exact name written instead of the id
    written_zu: str = ""


@dataclass
class Topic:
    id: str
    name: str
    notiz: str = ""


#: Ends of funding (invented): the Städtebauförderung (Land NRW, Sozialer Zusammenhalt)
#: runs out end of 2027, some of the city's money earlier; a project without an entry is
#: funded as long as it runs (an ended project's funding ended with it).
FUNDED_UNTIL = {
    "fassadenprogramm": date(2027, 12, 31),
    "verfuegungsfonds": date(2027, 12, 31),
    "kreativquartier": date(2027, 12, 31),
    "leerstandsmanagement": date(2027, 6, 30),
    "stadtteilzeitung": date(2028, 12, 31),
    "stadtteilmuetter-fortfuehrung": date(2028, 6, 30),
}


@dataclass
class Project:
    id: str
    name: str
    traeger: str
    foerderung: str
    themen: list[str]
    seit: date
    bis: date | None
    notiz: str = ""
    foerderung_bis: date | None = None


@dataclass
class Event:
    id: str
    name: str
    datum: date
    bis: date
    ort: str
    veranstalter: list[str]
    themen: list[str]
    notiz: str = ""


@dataclass
class Participation:
    akteur: str
    projekt: str
    veranstaltung: str
    rolle: str
    seit: date | None
    bis: date | None
    notiz: str = ""


@dataclass
class Dataset:
    topics: list[Topic] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    ties: list[Tie] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    participations: list[Participation] = field(default_factory=list)
    design: dict[str, object] = field(default_factory=dict)


# --------------------------------------------------------------------------- topics

TOPICS = [
    ("fassadenprogramm", "Hof- und Fassadenprogramm",
     "Ansprechpartner für Eigentümer*innen in Sachen Fassadenprogramm"),
    ("eigentuemer", "Eigentümer*innen und Vermietung",
     "Vernetzung der Eigentümer*innen, Vermietung"),
    ("leerstand", "Leerstandsmanagement und Ladenlokale",
     "Vermittlung von Ladenlokalen an Gewerbetreibende"),
    ("lokale-wirtschaft", "Lokale Wirtschaft", "Zusammenarbeit mit den lokalen Gewerbetreibenden"),
    ("kreativwirtschaft", "Kultur- und Kreativwirtschaft",
     "Projektorganisation, Fördermittelakquise und Vernetzung der Kreativschaffenden"),
    ("soziales", "Soziale und soziokulturelle Angebote",
     "Koordination und Vernetzung der Angebote verschiedener Träger"),
    ("integration", "Integration", ""),
    ("bildung", "Bildung", "Schulen, Kitas, außerschulisches Lernen"),
    ("jugend", "Kinder und Jugend", ""),
    ("senioren", "Seniorinnen und Senioren", ""),
    ("sauberkeit", "Sauberkeit", ""),
    ("gruen", "Spielplätze und Grünflächen", ""),
    ("verkehr", "Verkehr und Mobilität", ""),
    ("sicherheit", "Sicherheit", ""),
    ("nachbarschaft", "Nachbarschaft und Beteiligung",
     "Aktive Stadtteilbevölkerung unterstützen, andere aktivieren"),
    ("verfuegungsfonds", "Verfügungsfonds", "Kleine Projekte aus dem Stadtteil"),
    ("stadtteilfeste", "Stadtteilfeste und öffentliche Feste",
     "Terminkoordination im Stadtteil für öffentliche Feste"),
    ("oeffentlichkeitsarbeit", "Öffentlichkeitsarbeit und Kommunikation", ""),
    ("verstetigung", "Verstetigung",
     "Dauerhafte Akteurs- und Kommunikationsstrukturen im Stadtteil"),
]

# --------------------------------------------------------------------------- organisations

FIKTIV = "fiktiv"
GENERISCH = "Name generisch"
HAGEN = "58089 Hagen"

# group, id, name, typ, sektor, themen, adresse, seit, bis, kontakt, notiz
ORGANISATIONS = [
    # public administration and programmes
    ("verwaltung", "stadt-hagen", "Stadt Hagen", "Behörde", "Verwaltung", "verstetigung",
     "Rathausstraße 11, 58095 Hagen", None, None, "",
     "Auftraggeberin des Quartiersmanagements"),
    ("verwaltung", "fb-stadtentwicklung", "Fachbereich Stadtentwicklung, -planung und Bauordnung",
     "Behörde", "Städtebau", "fassadenprogramm; gruen; verkehr", "", None, None, "",
     "Stadt Hagen; federführend für die Soziale Stadt Wehringhausen"),
    ("verwaltung", "fb-jugend-soziales", "Fachbereich Jugend und Soziales", "Behörde", "Soziales",
     "jugend; soziales; senioren", "", None, None, "", "Stadt Hagen, mit Jugendamt"),
    ("verwaltung", "ordnungsamt", "Ordnungsamt Hagen", "Behörde", "Sicherheit",
     "sauberkeit; sicherheit", "", None, None, "", ""),
    ("verwaltung", "ki-hagen", "Kommunales Integrationszentrum Hagen", "Behörde", "Integration",
     "integration; bildung", "", None, None, "", ""),
    ("verwaltung", "jobcenter", "Jobcenter Hagen", "Behörde", "Soziales", "soziales", "", None,
     None, "", ""),
    ("verwaltung", "polizei-bezirksdienst", "Polizei Hagen – Bezirksdienst Wehringhausen",
     "Behörde", "Sicherheit", "sicherheit; verkehr", "", None, None, "",
     "Sprechstunde im Stadtteilladen"),
    ("umwelt", "heb", "Hagener Entsorgungsbetrieb (HEB)", "Unternehmen", "Umwelt/Grün",
     "sauberkeit", "", None, None, "", ""),
    ("umwelt", "wbh", "Wirtschaftsbetrieb Hagen (WBH)", "Behörde", "Umwelt/Grün",
     "gruen; sauberkeit; verkehr", "", None, None, "", ""),
    ("verwaltung", "bv-mitte", "Bezirksvertretung Hagen-Mitte", "Gremium", "Verwaltung",
     "nachbarschaft", "", None, None, "", ""),
    ("foerderer", "land-nrw", "Land Nordrhein-Westfalen (Städtebauförderung)", "Behörde",
     "Städtebau", "", "", None, None, "", ""),
    ("foerderer", "programm-sozialer-zusammenhalt", "Bund-Länder-Programm Sozialer Zusammenhalt",
     "Sonstige", "Städtebau", "", "", None, None, "", "bis 2019 Programm Soziale Stadt"),
    ("wirtschaft", "hagen-wirtschaftsentwicklung", "HAGEN.wirtschaftsentwicklung GmbH",
     "Unternehmen", "Lokale Wirtschaft", "lokale-wirtschaft; leerstand", "", None, None, "",
     "Wirtschaftsförderung"),
    ("kultur", "kulturbuero", "Kulturbüro Hagen", "Behörde", KULTUR, "kreativwirtschaft", "",
     None, None, "", GENERISCH),
    ("sozial", "seniorenbeirat", "Seniorenbeirat Hagen", "Gremium", "Soziales", "senioren", "",
     None, None, "", ""),
    ("bildung", "vhs-hagen", "Volkshochschule Hagen", "Einrichtung", "Bildung",
     "bildung; integration", "", None, None, "", ""),
    # the district management and its bodies
    ("qm", "qm-wehringhausen", "Quartiersmanagement Wehringhausen", "Einrichtung",
     "Quartiersmanagement",
     "nachbarschaft; verfuegungsfonds; stadtteilfeste; oeffentlichkeitsarbeit; verstetigung",
     "Lange Straße 22, 58089 Hagen", None, None, "qm-wehringhausen@example.org",
     "QM-Team über dem Stadtteilladen; Sprechzeiten für alle Fragen der Bewohnerschaft"),
    ("qm", "stern", "S·T·E·R·N GmbH – NRW", "Unternehmen", "Städtebau",
     "fassadenprogramm; lokale-wirtschaft; kreativwirtschaft; leerstand", "", None, None, "",
     "Im QM zuständig für (städte-)bauliche Erneuerung, Lokale Wirtschaft/Kulturwirtschaft; "
     "seit 2023 alleinige Trägerin"),
    ("qm", "diakonie-mark-ruhr", "Diakonie Mark-Ruhr gGmbH", "Einrichtung", "Soziales",
     "soziales; bildung; integration", "", None, None, "",
     "Bis Ende 2022 im Trägerverbund des QM (Soziales, Bildung, Integration)"),
    ("qm", "caritas-hagen", "Caritasverband Hagen e.V.", "Verein", "Soziales",
     "soziales; integration; senioren", "", None, None, "",
     "Bis Ende 2022 im Trägerverbund des QM (Soziales, Bildung, Integration)"),
    ("qm", "traegerverbund", "QM-Trägerverbund Wehringhausen", "Gremium",
     "Quartiersmanagement", "verstetigung", "", None, "2022-12-31", "",
     "Trägerverbund des QM bis Ende 2022: S·T·E·R·N, Diakonie Mark-Ruhr, Caritas Hagen"),
    ("qm", "stadtteilladen", "Stadtteilladen Wehringhausen", "Einrichtung", "Quartiersmanagement",
     "nachbarschaft; soziales", "Lange Straße 22, 58089 Hagen", None, None,
     "stadtteilladen@example.org", "Anlaufstelle und Treffpunkt für Initiativen"),
    ("qm", "lenkungskreis", "Lenkungskreis Wehringhausen", "Gremium",
     "Quartiersmanagement", "verstetigung", "", None, None, "", "Geschäftsführung durch das QM"),
    ("qm", "vf-jury", "Verfügungsfonds-Jury Wehringhausen", "Gremium", "Nachbarschaft",
     "verfuegungsfonds", "", None, None, "", "entscheidet über Anträge an den Verfügungsfonds"),
    ("sozial", "ak-soziales", "Arbeitskreis Soziales Wehringhausen", "Gremium", "Soziales",
     "soziales; integration", "", None, None, "", ""),
    ("nachbarschaft", "redaktion-stadtteilzeitung", "Redaktionsteam Stadtteilzeitung",
     "Initiative", "Nachbarschaft", "oeffentlichkeitsarbeit", "", "2019-03-01", None, "", ""),
    # social services, integration, health
    ("sozial", "integrationsagentur", "Integrationsagentur Hagen-West", "Einrichtung",
     "Integration", "integration", "", None, None, "", GENERISCH),
    ("sozial", "seniorenbegegnung", "Seniorenbegegnungsstätte Wehringhausen", "Einrichtung",
     "Soziales", "senioren", "Augustastraße 20, 58089 Hagen", None, None, "", GENERISCH),
    ("sozial", "jugendzentrum", "Kinder- und Jugendzentrum Wehringhausen", "Einrichtung",
     "Soziales", "jugend", "Minervastraße 8, 58089 Hagen", None, None, "", GENERISCH),
    ("sozial", "migrationsberatung", "Migrationsberatung für Erwachsene", "Einrichtung",
     "Integration", "integration", "", None, None, "", ""),
    ("sozial", "sozialberatung", "Sozial- und Schuldnerberatung Wehringhausen", "Einrichtung",
     "Soziales", "soziales", "", None, None, "", GENERISCH),
    ("sozial", "lebensmittelausgabe", "Lebensmittelausgabe Wehringhausen", "Einrichtung",
     "Soziales", "soziales", "", None, None, "", GENERISCH),
    ("sozial", "stadtteilmuetter", "Stadtteilmütter Wehringhausen", "Initiative", "Integration",
     "integration; bildung", "", "2019-09-01", None, "", ""),
    ("sozial", "sprachcafe-team", "Sprachcafé-Team", "Initiative", "Integration", "integration",
     "", None, None, "", "trifft sich im Stadtteilladen"),
    ("sozial", "frauentreff", "Internationaler Frauentreff", "Initiative", "Integration",
     "integration; nachbarschaft", "", None, None, "", ""),
    ("sozial", "fluechtlingshilfe", "Flüchtlingshilfe Wehringhausen", "Initiative", "Integration",
     "integration", "", None, None, "", ""),
    ("gesundheit", "apotheke", "Apotheke am Wilhelmsplatz", "Unternehmen", "Gesundheit",
     "senioren", "Wilhelmsplatz 3, 58089 Hagen", None, None, "", FIKTIV),
    ("gesundheit", "hausarztpraxis", "Hausarztpraxis Augustastraße", "Unternehmen", "Gesundheit",
     "senioren", "Augustastraße 41, 58089 Hagen", None, None, "", FIKTIV),
    ("gesundheit", "pflegedienst", "Ambulanter Pflegedienst Lebensnah", "Unternehmen",
     "Gesundheit", "senioren", "", None, None, "", FIKTIV),
    ("gesundheit", "physiotherapie", "Physiotherapie Bewegungsraum", "Unternehmen", "Gesundheit",
     "senioren", "Bismarckstraße 25, 58089 Hagen", "2022-04-01", None, "", FIKTIV),
    # religion
    ("religion", "ev-gemeinde", "Evangelische Kirchengemeinde Wehringhausen", "Einrichtung",
     "Religion", "soziales; integration; senioren", "", None, None, "", GENERISCH),
    ("religion", "kath-pfarrei", "Katholische Pfarrei Hagen-Mitte-West", "Einrichtung",
     "Religion", "soziales; senioren", "", None, None, "", GENERISCH),
    ("religion", "islamische-gemeinde", "Islamische Gemeinde Wehringhausen e.V.", "Verein",
     "Religion", "integration", "", None, None, "", GENERISCH),
    ("religion", "frauenkreis", "Frauenkreis der Islamischen Gemeinde", "Initiative", "Religion",
     "integration", "", None, None, "", ""),
    ("religion", "ev-jugend", "Evangelische Jugend Wehringhausen", "Initiative", "Religion", "jugend", "",
     None, None, "", ""),
    # education
    ("bildung", "gs-wehringhausen", "Gemeinschaftsgrundschule Wehringhausen", "Einrichtung", "Bildung",
     "bildung; jugend", "", None, None, "", GENERISCH),
    ("bildung", "gs-wilhelmsplatz", "Grundschule am Wilhelmsplatz", "Einrichtung", "Bildung",
     "bildung", "", None, None, "", FIKTIV),
    ("bildung", "gesamtschule", "Gesamtschule Hagen-West", "Einrichtung", "Bildung",
     "bildung; jugend", "", None, None, "", FIKTIV),
    ("bildung", "kita-bodelschwingh", "Kita am Bodelschwinghplatz", "Einrichtung", "Bildung",
     "bildung; jugend", "", None, None, "", GENERISCH),
    ("bildung", "familienzentrum", "Familienzentrum Wehringhausen", "Einrichtung", "Bildung",
     "bildung; integration", "", None, None, "", GENERISCH),
    ("bildung", "kita-regenbogen", "Ev. Kita Regenbogen", "Einrichtung", "Bildung", "bildung", "",
     None, None, "", FIKTIV),
    ("bildung", "kita-st-josef", "Kath. Kita St. Josef", "Einrichtung", "Bildung", "bildung", "",
     None, None, "", FIKTIV),
    ("bildung", "lesepaten", "Lesepaten Wehringhausen", "Initiative", "Bildung", "bildung", "",
     None, None, "", ""),
    ("bildung", "hausaufgabenhilfe", "Hausaufgabenhilfe Wehringhausen", "Initiative",
     "Bildung", "bildung; jugend", "", None, None, "", ""),
    # culture and creative industries
    ("kultur", "pelmke", "Kulturzentrum Pelmke e.V.", "Verein", KULTUR,
     "kreativwirtschaft; jugend", "Pelmkestraße 14, 58089 Hagen", None, None, "", ""),
    ("kultur", "kreativnetzwerk", "Kreativnetzwerk Wehringhausen", "Initiative", KULTUR,
     "kreativwirtschaft", "", "2019-05-01", None, "", FIKTIV),
    ("kultur", "chor-klangfarben", "Chor Klangfarben", "Verein", KULTUR, "kreativwirtschaft", "",
     None, None, "", FIKTIV),
    ("kultur", "atelierhaus", "Atelierhaus Lange Straße", "Initiative", KULTUR,
     "kreativwirtschaft; leerstand", "Lange Straße 61, 58089 Hagen", "2020-09-01", None, "",
     FIKTIV),
    ("kultur", "grafikbuero", "Grafikbüro Linie 8", "Unternehmen", KULTUR, "kreativwirtschaft",
     "Bismarckstraße 9, 58089 Hagen", None, None, "", FIKTIV),
    ("kultur", "fotostudio", "Fotostudio Hinterhof", "Unternehmen", KULTUR, "kreativwirtschaft",
     "Moltkestraße 16, 58089 Hagen", None, None, "", FIKTIV),
    ("kultur", "keramikwerkstatt", "Keramikwerkstatt Tonart", "Unternehmen", KULTUR,
     "kreativwirtschaft", "Minervastraße 22, 58089 Hagen", None, None, "", FIKTIV),
    ("kultur", "tonstudio", "Tonstudio Bismarckstraße", "Unternehmen", KULTUR,
     "kreativwirtschaft", "Bismarckstraße 31, 58089 Hagen", None, None, "", FIKTIV),
    ("kultur", "modelabel", "Modelabel Nahtlos", "Unternehmen", KULTUR,
     "kreativwirtschaft; lokale-wirtschaft", "Lange Straße 66, 58089 Hagen", "2021-03-01", None,
     "", FIKTIV),
    ("kultur", "galerie", "Galerie Schaufenster", "Unternehmen", KULTUR,
     "kreativwirtschaft; leerstand", "Lange Straße 31, 58089 Hagen", "2022-05-01", None, "",
     "fiktiv; in einem zuvor leerstehenden Ladenlokal"),
    ("kultur", "tattoostudio", "Tattoostudio Nadelwerk", "Unternehmen", KULTUR,
     "kreativwirtschaft", "Wehringhauser Straße 44, 58089 Hagen", None, None, "", FIKTIV),
    ("kultur", "theatergruppe", "Theatergruppe Hinterbühne", "Initiative", KULTUR,
     "kreativwirtschaft; jugend", "", None, None, "", FIKTIV),
    ("kultur", "jugendkunstschule", "Jugendkunstschule Hagen", "Einrichtung", KULTUR,
     "kreativwirtschaft; jugend", "", None, None, "", GENERISCH),
    # local economy (all invented)
    ("nachbarschaft", "wiw", "Wir in Wehringhausen e.V.", "Verein", "Nachbarschaft",
     "lokale-wirtschaft; stadtteilfeste; nachbarschaft", "", None, None, "",
     "Verein von Gewerbetreibenden, Kreativen und Bewohnerschaft"),
    ("wirtschaft", "baeckerei", "Bäckerei Kornfeld", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 35, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "cafe-kaffeesatz", "Café Kaffeesatz", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Wehringhauser Straße 12, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "kiosk", "Kiosk Eugen-Richter-Straße", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Eugen-Richter-Straße 5, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "friseur", "Friseursalon Schnittpunkt", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 48, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "fahrradladen", "Fahrradladen Speiche", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft; verkehr", "Augustastraße 9, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "eiscafe", "Eiscafé Venezia", "Unternehmen", WIRTSCHAFT, "lokale-wirtschaft",
     "Wilhelmsplatz 1, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "imbiss", "Imbiss Anadolu", "Unternehmen", WIRTSCHAFT, "lokale-wirtschaft",
     "Wehringhauser Straße 30, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "gemuesehandel", "Obst und Gemüse Yildiz", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 52, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "buchhandlung", "Buchhandlung Seitenwind", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Bismarckstraße 18, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "secondhand", "Second-Hand-Laden Kleiderkreisel", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 70, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "schuhreparatur", "Schuhreparatur Adler", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Moltkestraße 4, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "elektro", "Elektro Brandt", "Unternehmen", WIRTSCHAFT, "lokale-wirtschaft",
     "Pelmkestraße 7, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "optiker", "Optiker Weitblick", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 27, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "weinhandlung", "Weinhandlung Rebstock", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Bismarckstraße 3, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "kfz-werkstatt", "Kfz-Werkstatt Ruhrtal", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Siemensstraße 10, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "copyshop", "Copyshop Lange Straße", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 19, 58089 Hagen", None, "2023-06-30", "",
     "fiktiv; Geschäftsaufgabe Mitte 2023"),
    ("wirtschaft", "unverpackt", "Unverpackt-Laden Füllhorn", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 44, 58089 Hagen", "2025-03-01", None, "",
     "fiktiv; neu eröffnet, noch nicht vernetzt"),
    ("wirtschaft", "spaetkauf", "Spätkauf Augustastraße", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Augustastraße 27, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "metzgerei", "Metzgerei Kerkhoff", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 39, 58089 Hagen", None, "2021-06-30", "",
     "fiktiv; Geschäftsaufgabe 2021, Ladenlokal danach leer"),
    ("wirtschaft", "reisebuero", "Reisebüro Fernweh", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Wehringhauser Straße 21, 58089 Hagen", None, "2020-03-31", "",
     "fiktiv; geschlossen 2020"),
    ("wirtschaft", "telefonshop", "Telefonshop Connect", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft; leerstand", "Lange Straße 39, 58089 Hagen", "2023-02-01", None, "",
     "fiktiv; im früheren Ladenlokal der Metzgerei, vermittelt über das Leerstandsmanagement"),
    ("wirtschaft", "cafe-lieblingsplatz", "Café Lieblingsplatz", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft; leerstand", "Augustastraße 15, 58089 Hagen", "2023-05-01", None, "",
     FIKTIV),
    ("wirtschaft", "bioladen", "Bioladen Gänseblümchen", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Moltkestraße 11, 58089 Hagen", None, None, "", FIKTIV),
    ("wirtschaft", "blumenladen", "Blumenladen Wildwuchs", "Unternehmen", WIRTSCHAFT,
     "lokale-wirtschaft", "Lange Straße 58, 58089 Hagen", None, None, "", FIKTIV),
    # housing and property
    ("wohnen", "haus-und-grund", "Haus & Grund Hagen e.V.", "Verein", WOHNEN,
     "eigentuemer; fassadenprogramm", "", None, None, "", "Eigentümerverband"),
    ("wohnen", "mieterverein", "Mieterverein Hagen e.V.", "Verein", WOHNEN, "eigentuemer", "",
     None, None, "", GENERISCH),
    ("wohnen", "wohnungsgenossenschaft", "Wohnungsgenossenschaft Volmetal eG", "Unternehmen",
     WOHNEN, "eigentuemer; fassadenprogramm", "", None, None, "", FIKTIV),
    ("wohnen", "hausverwaltung", "Hausverwaltung Kemper GmbH", "Unternehmen", WOHNEN,
     "eigentuemer; leerstand", "Roonstraße 6, 58089 Hagen", None, None, "", FIKTIV),
    ("wohnen", "immobilien-ruhrblick", "Immobilien Ruhrblick GmbH", "Unternehmen", WOHNEN,
     "eigentuemer; leerstand", "", None, None, "", FIKTIV),
    ("wohnen", "eigentuemerstammtisch", "Eigentümerstammtisch Wehringhausen", "Initiative",
     WOHNEN, "eigentuemer; fassadenprogramm", "", "2019-02-01", None, "",
     "vom QM angestoßen, trifft sich mehrmals im Jahr"),
    # neighbourhood and green
    ("nachbarschaft", "repair-cafe", "Repair Café Wehringhausen", "Initiative", "Nachbarschaft",
     "nachbarschaft", "", "2019-10-01", None, "", "trifft sich im Stadtteilladen"),
    ("nachbarschaft", "naehcafe", "Nähcafé Wehringhausen", "Initiative", "Nachbarschaft",
     "nachbarschaft", "", None, None, "", "trifft sich im Stadtteilladen"),
    ("nachbarschaft", "ni-augustastrasse", "Nachbarschaftsinitiative Augustastraße",
     "Initiative", "Nachbarschaft", "nachbarschaft; sauberkeit", "", None, None, "", ""),
    ("nachbarschaft", "strassenfest-moltke", "Straßenfestgruppe Moltkestraße", "Initiative",
     "Nachbarschaft", "stadtteilfeste", "", None, None, "", ""),
    ("nachbarschaft", "sportfreunde", "Sportfreunde Wehringhausen e.V.", "Verein",
     "Nachbarschaft", "jugend", "", None, None, "", FIKTIV),
    ("nachbarschaft", "pfadfinder", "Pfadfinderstamm Wehringhausen", "Verein", "Nachbarschaft",
     "jugend", "", None, None, "", FIKTIV),
    ("umwelt", "spielplatzpaten", "Spielplatzpaten Bodelschwinghplatz", "Initiative",
     "Umwelt/Grün", "gruen; jugend", "", None, None, "", ""),
    ("umwelt", "gemeinschaftsgarten", "Gemeinschaftsgarten Wehringhausen", "Initiative",
     "Umwelt/Grün", "gruen; nachbarschaft", "Minervastraße 30, 58089 Hagen", "2020-04-01", None,
     "", "Urban Gardening auf einer Brachfläche"),
    ("umwelt", "foodsharing", "Foodsharing Wehringhausen", "Initiative", "Umwelt/Grün",
     "nachbarschaft", "", None, None, "", ""),
    ("umwelt", "radinitiative", "Radinitiative Hagen-West", "Initiative", "Umwelt/Grün",
     "verkehr", "", None, None, "", FIKTIV),
    ("umwelt", "balkongaerten", "Balkongärten Wehringhausen", "Initiative", "Umwelt/Grün",
     "gruen", "", "2025-04-01", None, "", "neu gegründet, noch nicht vernetzt"),
]

# --------------------------------------------------------------------------- persons

FEMALE = ["Anna", "Julia", "Sabine", "Petra", "Monika", "Claudia", "Katrin", "Birgit", "Nicole",
          "Stefanie", "Andrea", "Heike", "Melanie", "Lea", "Lena", "Sarah", "Miriam", "Jana",
          "Ute", "Renate", "Ingrid", "Elif", "Zeynep", "Aylin", "Fatma", "Özlem", "Leyla",
          "Natalia", "Agnieszka", "Ioanna", "Carla", "Friederike", "Jutta", "Dagmar", "Marion",
          "Silke", "Tanja", "Kerstin", "Johanna", "Greta", "Hannah", "Rana", "Svenja", "Gül"]
MALE = ["Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jürgen", "Klaus", "Peter", "Uwe",
        "Jens", "Markus", "Tobias", "Jan", "Lukas", "Felix", "Sebastian", "Daniel", "Oliver",
        "Dirk", "Holger", "Bernd", "Ralf", "Mehmet", "Emre", "Murat", "Yusuf", "Ahmet", "Karim",
        "Tarek", "Piotr", "Dimitrios", "Marco", "Wolfgang", "Matthias", "Christian", "Niklas",
        "Jonas", "Hakan", "Volker", "Rüdiger"]
SURNAMES = ["Schulte", "Brinkmann", "Hülsmann", "Vogt", "Busch", "Pohl", "Franke", "Winkler",
            "Böhm", "Sauer", "Krüger", "Lorenz", "Arnold", "Ludwig", "Peters", "Wolff",
            "Dietrich", "Berger", "Hahn", "Voss", "Jansen", "Friedrich", "Heinemann", "Albers",
            "Stratmann", "Overbeck", "Tiemann", "Rüther", "Bergmann", "Hoffmeister", "Schröder",
            "Kühn", "Ebert", "Sommer", "Graf", "Roth", "Beck", "Lindemann", "Busse", "Thiele",
            "Wulf", "Heller", "Kaya", "Yilmaz", "Demir", "Aydin", "Öztürk", "Kowalski", "Nowak",
            "Papadopoulos", "Rossi", "Haddad", "Nasser", "Hamdan", "Petrovic", "Szabo",
            "Horvath", "Lindner", "Kessler", "Reuter", "Grothe", "Möller", "Seidel", "Hartmann",
            "Pieper", "Kröger", "Dahlmann", "Heuer", "Wessel", "Plate", "Rademacher",
            "Brökelmann", "Sudhoff", "Hegemann", "Tillmann", "Assmann", "Kuhlmann", "Ostermann",
            "Wortmann", "Finke", "Evers", "Stiller", "Bredenbeck", "Husemann", "Kersting",
            "Nolte", "Wiemann", "Schmalenbach"]

CREATIVE_JOBS = [("Illustratorin", "Illustrator"), ("Fotografin", "Fotograf"),
                 ("Malerin", "Maler"), ("Grafikdesignerin", "Grafikdesigner"),
                 ("Musikerin", "Musiker"), ("Bildhauerin", "Bildhauer"),
                 ("Textildesignerin", "Textildesigner"), ("Autorin", "Autor"),
                 ("Videokünstlerin", "Videokünstler"), ("Goldschmiedin", "Goldschmied"),
                 ("Produktdesignerin", "Produktdesigner"), ("Schauspielerin", "Schauspieler")]
STREETS = ["Lange Straße", "Wehringhauser Straße", "Augustastraße", "Bismarckstraße",
           "Moltkestraße", "Lenaustraße", "Minervastraße", "Pelmkestraße", "Siemensstraße",
           "Gutenbergstraße", "Buscheystraße", "Eugen-Richter-Straße", "Roonstraße",
           "Franzstraße", "Olgastraße", "Rehstraße"]

# role, count, sector, topics
PERSON_ROLES = [
    ("kreativ", 16, KULTUR, ["kreativwirtschaft"]),
    ("eigentum", 14, WOHNEN, ["eigentuemer", "fassadenprogramm"]),
    ("bewohner", 20, "Nachbarschaft", ["nachbarschaft"]),
    ("bildung", 5, BILDUNG, ["bildung"]),
    ("sozial", 5, "Soziales", ["soziales"]),
    ("wirtschaft", 3, WIRTSCHAFT, ["lokale-wirtschaft"]),
    ("pfarrerin", 1, "Religion", ["soziales"]),
    ("gemeinde", 2, "Religion", ["integration"]),
    ("garten", 3, "Umwelt/Grün", ["gruen"]),
    ("neu", 2, "Nachbarschaft", ["nachbarschaft"]),
]
EXTRA_RESIDENT_TOPICS = ["sauberkeit", "gruen", "verkehr", "senioren", "jugend", "sicherheit"]
# Fixed jobs for the education, social and economy persons: (female, male, sector override).
ROLE_NOTES = {
    "bildung": [("Schulleiterin Gemeinschaftsgrundschule Wehringhausen", None, None),
                ("Leiterin Familienzentrum", None, None),
                (None, "Lehrer an der Gesamtschule", None),
                ("Koordinatorin Offener Ganztag", None, None),
                (None, "Schulsozialarbeiter", None)],
    "sozial": [("Stadtteilmutter", None, "Integration"), ("Stadtteilmutter", None, "Integration"),
               (None, "Ehrenamtlicher im Sprachcafé", "Integration"),
               ("Ehrenamtliche Seniorenbegleiterin", None, None),
               (None, "Streetworker", None)],
    "wirtschaft": [("Einzelhändlerin, Sprecherin der Gewerbetreibenden", None, None),
                   (None, "Tischlermeister", None), (None, "Gastronom", None)],
    "pfarrerin": [("Pfarrerin", None, None)],
    "gemeinde": [("Vorstand Islamische Gemeinde", None, None), ("Ehrenamtliche", None, None)],
    "garten": [("Gärtnerin", None, None), (None, "Gärtner", None), ("Gärtnerin", None, None)],
}


# --------------------------------------------------------------------------- builder


class Builder:
    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)
        self.data = Dataset()
        self.pairs: set[tuple[str, str]] = set()  # any direct tie, sorted endpoints
        self.tie_keys: set[tuple[str, str, str]] = set()
        self.roles: dict[str, list[str]] = {}
        self.protected: list[str] = []  # no random ties, no projects or events

    # ---- helpers
    def rand_date(self, lo: date, hi: date) -> date:
        if hi < lo:
            raise ValueError(f"empty date range {lo}..{hi}")
        return date.fromordinal(self.rng.randint(lo.toordinal(), hi.toordinal()))

    def actor(self, actor_id: str) -> Actor:
        return self.data.actors[actor_id]

    def add_actor(self, actor: Actor) -> None:
        assert actor.id not in self.data.actors, actor.id
        self.data.actors[actor.id] = actor

    def forbidden(self, a: str, b: str) -> bool:
        """True if a tie (or shared activity) between a and b would break a designed gap."""
        sectors = frozenset({self.actor(a).sektor, self.actor(b).sektor})
        if sectors in NO_TIE_SECTORS:
            return True
        if sectors == SPARSE_SECTORS:
            return frozenset({a, b}) != self.data.design["sparse_pair"]
        return False

    def tie(self, von: str, zu: str, art: str, staerke: int = 1, thema: str = "",
            seit: date | None | str = "auto", bis: date | None = None, notiz: str = "",
            strict: bool = True) -> bool:
        """Add a direct tie; hand-made ties (strict) must be valid, random ones may be skipped."""
        a, b = self.actor(von), self.actor(zu)
        pair = (min(von, zu), max(von, zu))
        key = (art, *pair) if art == "Kooperation" else (art, von, zu)
        problem = ""
        if von == zu:
            problem = "self-tie"
        elif key in self.tie_keys:
            problem = "duplicate"
        elif self.forbidden(von, zu):
            problem = "designed gap"
        elif not strict and pair in self.pairs:
            problem = "already tied"
        lo, hi = max(a.first, b.first), min(a.last, b.last, LAST_TIE_START)
        if isinstance(bis, date):
            hi = min(hi, bis)
        if isinstance(seit, date) and seit < lo:
            seit = lo  # an explicit start never precedes either actor
        if not problem and lo > hi:
            problem = "no common lifetime"
        if problem:
            if strict:
                raise ValueError(f"tie {von} -> {zu} ({art}): {problem}")
            return False
        if seit == "auto":
            draw = self.rng.random()
            if draw < (0.3 if strict else 0.15):
                seit = None  # start unknown, as in many real lists
            elif lo > FIRST_DAY and draw < 0.6:
                seit = lo
            else:
                seit = self.rand_date(lo, hi)
        assert seit is None or isinstance(seit, date)
        end = min(a.last, b.last)
        if bis is None and end < LAST_DAY:
            bis = end  # a tie ends when one of its actors leaves
        elif bis is None and not strict and self.rng.random() < 0.1 and seit is not None:
            bis = self.rand_date(min(seit + timedelta(days=240), LAST_DAY), LAST_DAY)
        self.tie_keys.add(key)
        self.pairs.add(pair)
        self.data.ties.append(Tie(von, zu, art, staerke, thema, seit, bis, notiz))
        return True

    def shared_topic(self, a: str, b: str, fallback: str = "") -> str:
        common = [t for t in self.actor(a).themen if t in self.actor(b).themen]
        if common and self.rng.random() < 0.75:
            return self.rng.choice(common)
        return fallback if self.rng.random() < 0.5 else ""

    # ---- build steps
    def build(self) -> Dataset:
        self.data.topics = [Topic(*row) for row in TOPICS]
        for row in ORGANISATIONS:
            group, actor_id, name, typ, sektor, themen, adresse, seit, bis, kontakt, notiz = row
            self.add_actor(Actor(actor_id, name, typ, sektor, split(themen), adresse, d(seit),
                                 d(bis), kontakt, "", "", notiz, group))
        self.actor("qm-wehringhausen").koordination = "ja"
        self.make_persons()
        self.design()
        self.structural_ties()
        self.random_ties()
        self.name_references()
        self.make_projects()
        self.make_events()
        return self.data

    def make_persons(self) -> None:
        rng = self.rng
        surnames = list(SURNAMES)
        rng.shuffle(surnames)
        jobs = list(CREATIVE_JOBS)
        taken = [slug(a.name).replace("-", "") for a in self.data.actors.values()]
        for role, count, sector, topics in PERSON_ROLES:
            ids = []
            notes = ROLE_NOTES.get(role)
            for index in range(count):
                fixed = notes[index] if notes else None
                female = fixed[0] is not None if fixed else rng.random() < 0.55
                while True:
                    first = rng.choice(FEMALE if female else MALE)
                    last = surnames.pop()
                    name = f"{first} {last}"
                    token = slug(name).replace("-", "")
                    if all(difflib.SequenceMatcher(None, token, t).ratio() < 0.75 for t in taken):
                        break
                taken.append(token)
                person_sector = sector
                note = ""
                themen = list(topics)
                if fixed:
                    note = fixed[0] if female else fixed[1]
                    person_sector = fixed[2] or sector
                    if person_sector == "Integration":
                        themen = ["integration"]
                elif role == "kreativ":
                    job = jobs[index % len(jobs)]
                    note = job[0] if female else job[1]
                elif role == "bewohner":
                    themen.append(rng.choice(EXTRA_RESIDENT_TOPICS))
                seit = None
                if role == "neu":
                    seit = self.rand_date(date(2025, 1, 15), date(2025, 6, 30))
                    note = "neu im Stadtteil"
                elif fixed and rng.random() < 0.4:
                    seit = self.rand_date(FIRST_DAY, date(2019, 6, 30))
                elif not fixed and rng.random() < 0.55:
                    seit = self.rand_date(FIRST_DAY, date(2023, 6, 30))
                email = f"{slug(first)[0]}.{slug(last)}@example.org"
                phone = f"02331 555-{rng.randint(100, 999):04d}"
                contact = rng.choice([email, phone, f"{email}, {phone}", email, ""])
                consent = "ja" if rng.random() < 0.5 else "nein"
                address = ""
                if rng.random() < 0.7:
                    address = f"{rng.choice(STREETS)} {rng.randint(1, 80)}, {HAGEN}"
                actor = Actor(slug(name), name, "Person", person_sector, themen, address, seit,
                              None, contact, consent, "", note, role)
                self.add_actor(actor)
                ids.append(actor.id)
            self.roles[role] = ids
        # a few people moved away
        for actor_id in (self.roles["bewohner"][18], self.roles["kreativ"][15],
                         self.roles["eigentum"][13]):
            person = self.actor(actor_id)
            person.bis = self.rand_date(date(2021, 3, 1), date(2023, 9, 30))
            if person.seit and person.seit > person.bis - timedelta(days=365):
                person.seit = None
            left = "Haus verkauft" if person.group == "eigentum" else "weggezogen"
            person.notiz = (person.notiz + "; " if person.notiz else "") + left

    def design(self) -> None:
        """Decide which actors play the designed roles (see DESIGN in the module docstring)."""
        r = self.roles
        design = self.data.design
        design["coordinator"] = "qm-wehringhausen"
        design["consortium"] = {"stays": "stern", "leaves": ["diakonie-mark-ruhr",
                                                             "caritas-hagen"],
                                "body": "traegerverbund", "end": CONSORTIUM_END.isoformat()}
        design["headmaster"] = r["bildung"][0]
        design["spokes"] = [r["eigentum"][0], r["eigentum"][1], r["eigentum"][2],
                            r["bewohner"][0], r["bewohner"][1], r["bewohner"][2],
                            r["kreativ"][0], "cafe-lieblingsplatz", "immobilien-ruhrblick"]
        design["isolates"] = ["unverpackt", "balkongaerten", *r["neu"]]
        design["cut_points"] = {
            "islamische-gemeinde": ["frauenkreis", *r["gemeinde"]],
            "gemeinschaftsgarten": list(r["garten"]),
        }
        design["only_via"] = {
            "wiw": ["schuhreparatur", "optiker", "weinhandlung", "kfz-werkstatt"],
            "stadtteilladen": ["naehcafe", "strassenfest-moltke", r["bewohner"][3],
                               r["bewohner"][4], r["bewohner"][5]],
            "ev-gemeinde": ["lebensmittelausgabe", "ev-jugend", "kita-regenbogen",
                            r["bewohner"][6], r["bewohner"][7]],
            r["bildung"][0]: ["lesepaten", r["bildung"][3], r["bewohner"][8]],
        }
        design["sparse_pair"] = frozenset({r["kreativ"][1], r["eigentum"][3]})
        protected = [*design["spokes"], *design["isolates"]]
        for group in (*design["cut_points"].values(), *design["only_via"].values()):
            protected.extend(group)
        self.protected = protected
        for person in (design["headmaster"], *design["sparse_pair"], r["bewohner"][9],
                       r["bewohner"][10]):
            self.actor(person).seit = None  # named in dated ties from 2018 on

    def structural_ties(self) -> None:
        r, t = self.roles, self.tie
        qm, start, end = "qm-wehringhausen", FIRST_DAY, CONSORTIUM_END
        design = self.data.design
        # the consortium
        t("stern", qm, "Träger", 3, "verstetigung", start, None,
          "seit 2023 alleinige Trägerin des QM")
        t("diakonie-mark-ruhr", qm, "Träger", 3, "soziales", start, end, "Trägerverbund bis 2022")
        t("caritas-hagen", qm, "Träger", 3, "integration", start, end, "Trägerverbund bis 2022")
        t("traegerverbund", qm, "Träger", 3, "", start, end)
        for member in ("stern", "diakonie-mark-ruhr", "caritas-hagen"):
            t(member, "traegerverbund", "Mitgliedschaft", 3, "", start, end)
        t("diakonie-mark-ruhr", qm, "Kooperation", 3, "bildung", start, end)
        t("caritas-hagen", qm, "Kooperation", 3, "integration", start, end)
        t("stern", qm, "Kooperation", 3, "lokale-wirtschaft", start, None)
        t("stern", "diakonie-mark-ruhr", "Kooperation", 2, "", start, end)
        t("stern", "caritas-hagen", "Kooperation", 2, "", start, end)
        t("diakonie-mark-ruhr", "caritas-hagen", "Kooperation", 2, "integration", start, None)
        t("stadt-hagen", qm, "Förderung", 3, "verstetigung", start, None,
          "Beauftragung des Quartiersmanagements")
        t("stadt-hagen", "stern", "Kooperation", 2, "", start, None)
        t("fb-stadtentwicklung", qm, "Kooperation", 3, "fassadenprogramm", start, None)
        t("land-nrw", "stadt-hagen", "Förderung", 2, "", start, None, "Städtebauförderung")
        t("programm-sozialer-zusammenhalt", "stadt-hagen", "Förderung", 2, "", start, None)
        for unit in ("fb-stadtentwicklung", "fb-jugend-soziales", "ordnungsamt", "ki-hagen",
                     "wbh", "kulturbuero", "vhs-hagen", "gs-wehringhausen", "gs-wilhelmsplatz",
                     "gesamtschule", "kita-bodelschwingh"):
            t("stadt-hagen", unit, "Träger", 2, "", None, None)
        t("fb-jugend-soziales", "jugendzentrum", "Träger", 2, "jugend", None, None)
        t("fb-jugend-soziales", "familienzentrum", "Träger", 2, "bildung", None, None)
        t("stadt-hagen", "wiw", "Förderung", 1, "stadtteilfeste", date(2019, 1, 1), None,
          "Zuschuss Stadtteilfest")
        t("stadt-hagen", "pelmke", "Förderung", 2, "kreativwirtschaft", None, None)
        t("jobcenter", "sozialberatung", "Förderung", 1, "soziales", date(2020, 1, 1), None)
        t("fb-jugend-soziales", "stadtteilmuetter", "Förderung", 1, "integration",
          date(2019, 9, 1), None)
        # QM bodies
        t(qm, "stadtteilladen", "Träger", 3, "nachbarschaft", start, None)
        t(qm, "lenkungskreis", "Träger", 3, "verstetigung", start, None, "Geschäftsführung")
        t(qm, "vf-jury", "Träger", 2, "verfuegungsfonds", start, None, "Geschäftsführung")
        headmaster = design["headmaster"]
        members = [("fb-stadtentwicklung", start, None), ("fb-jugend-soziales", start, None),
                   ("stern", start, None), ("diakonie-mark-ruhr", start, end),
                   ("caritas-hagen", start, end), ("wiw", start, None),
                   ("ev-gemeinde", start, None), ("kath-pfarrei", start, None),
                   ("islamische-gemeinde", date(2019, 6, 1), None), (headmaster, "auto", None),
                   ("pelmke", start, None), ("polizei-bezirksdienst", start, None),
                   ("bv-mitte", start, None), ("integrationsagentur", start, None),
                   ("jobcenter", date(2020, 2, 1), None),
                   (r["bewohner"][9], start, date(2021, 12, 31)),
                   (r["bewohner"][10], date(2022, 1, 1), None),
                   ("stadtteilmuetter", date(2023, 1, 1), None)]
        for member, since, until in members:
            t(member, "lenkungskreis", "Mitgliedschaft", 2, "", since, until,
              "Bewohnervertretung" if r["bewohner"][9] == member or r["bewohner"][10] == member
              else "")
        jury = ["wiw", r["bewohner"][11], r["bewohner"][12], r["bewohner"][13], r["kreativ"][2],
                r["wirtschaft"][0]]
        for member in jury:
            t(member, "vf-jury", "Mitgliedschaft", 1, "verfuegungsfonds")
        # Träger of services
        for owner, unit in (("caritas-hagen", "seniorenbegegnung"),
                            ("caritas-hagen", "migrationsberatung"),
                            ("diakonie-mark-ruhr", "integrationsagentur"),
                            ("diakonie-mark-ruhr", "sozialberatung"),
                            ("ev-gemeinde", "kita-regenbogen"),
                            ("ev-gemeinde", "lebensmittelausgabe"),
                            ("ev-gemeinde", "ev-jugend"),
                            ("kath-pfarrei", "kita-st-josef"),
                            ("islamische-gemeinde", "frauenkreis")):
            t(owner, unit, "Träger", 2, "", None, None)
        # the cut-point groups
        m1, m2 = r["gemeinde"]
        t(m1, "islamische-gemeinde", "Mitgliedschaft", 3, "integration")
        t(m2, "frauenkreis", "Mitgliedschaft", 2, "integration")
        t(m1, m2, "Kooperation", 1, "")
        for gardener in r["garten"]:
            t(gardener, "gemeinschaftsgarten", "Mitgliedschaft", 2, "gruen")
        t(r["garten"][0], r["garten"][1], "Kooperation", 1, "gruen")
        for partner in ("ev-gemeinde", "kath-pfarrei", "integrationsagentur", "ki-hagen",
                        "frauentreff", "stadtteilmuetter"):
            t("islamische-gemeinde", partner, "Kooperation", self.rng.choice([1, 2]),
              "integration")
        for partner in ("wbh", "foodsharing", "spielplatzpaten"):
            t("gemeinschaftsgarten", partner, "Kooperation", 1, "gruen")
        # the actors reached only through one broker
        only = design["only_via"]
        for shop in only["wiw"]:
            t(shop, "wiw", "Mitgliedschaft", 1, "lokale-wirtschaft")
        for group in ("naehcafe", "strassenfest-moltke"):
            t("stadtteilladen", group, "Kooperation", 2, "nachbarschaft")
        for resident in only["stadtteilladen"][2:]:
            t(resident, "stadtteilladen", "Kooperation", 1, "nachbarschaft")
        t(only["stadtteilladen"][2], "naehcafe", "Mitgliedschaft", 1, "")
        for resident in only["ev-gemeinde"][3:]:
            t(resident, "ev-gemeinde", "Mitgliedschaft", 1, "")
        for partner in only[headmaster]:
            t(headmaster, partner, "Kooperation", 2, "bildung")
        # the QM hub
        hub = [("fb-jugend-soziales", "jugend"), ("ordnungsamt", "sauberkeit"),
               ("ki-hagen", "integration"), ("jobcenter", "soziales"),
               ("polizei-bezirksdienst", "sicherheit"), ("heb", "sauberkeit"),
               ("wbh", "gruen"), ("bv-mitte", ""), ("hagen-wirtschaftsentwicklung", "leerstand"),
               ("kulturbuero", "kreativwirtschaft"), ("vhs-hagen", "bildung"),
               ("wiw", "lokale-wirtschaft"), ("redaktion-stadtteilzeitung",
                                              "oeffentlichkeitsarbeit"),
               ("integrationsagentur", "integration"), ("seniorenbegegnung", "senioren"),
               ("jugendzentrum", "jugend"), ("stadtteilmuetter", "integration"),
               ("sprachcafe-team", "integration"), ("frauentreff", "integration"),
               ("fluechtlingshilfe", "integration"), ("apotheke", ""),
               ("ev-gemeinde", "soziales"), ("kath-pfarrei", ""),
               ("islamische-gemeinde", "integration"), ("gs-wehringhausen", "bildung"),
               ("gs-wilhelmsplatz", "bildung"), ("gesamtschule", "bildung"),
               ("familienzentrum", "bildung"), ("kita-bodelschwingh", ""),
               ("pelmke", "kreativwirtschaft"), ("kreativnetzwerk", "kreativwirtschaft"),
               ("atelierhaus", "leerstand"), ("galerie", "leerstand"),
               ("baeckerei", "lokale-wirtschaft"), ("cafe-kaffeesatz", ""),
               ("buchhandlung", ""), ("fahrradladen", "verkehr"), ("secondhand", "leerstand"),
               ("telefonshop", "leerstand"), ("gemuesehandel", "lokale-wirtschaft"),
               ("haus-und-grund", "eigentuemer"), ("wohnungsgenossenschaft", "fassadenprogramm"),
               ("hausverwaltung", "leerstand"), ("eigentuemerstammtisch", "eigentuemer"),
               ("repair-cafe", "nachbarschaft"), ("ni-augustastrasse", "sauberkeit"),
               ("spielplatzpaten", "gruen"), ("gemeinschaftsgarten", "gruen"),
               ("foodsharing", ""), ("radinitiative", "verkehr"), ("sportfreunde", "jugend"),
               (headmaster, "bildung"), ("ak-soziales", "soziales"),
               ("ev-jugend", "jugend")]
        hub = [(a, topic) for a, topic in hub if a not in self.protected or a == headmaster]
        hub += [(p, "kreativwirtschaft") for p in r["kreativ"][3:7]]
        hub += [(p, "fassadenprogramm") for p in r["eigentum"][4:8]]
        hub += [(p, "nachbarschaft") for p in r["bewohner"][9:14]]
        hub += [(p, "") for p in r["sozial"][:2]]
        for partner, topic in hub:
            t(qm, partner, "Kooperation", self.rng.choice([1, 2, 2, 3]), topic)
        spoke_notes = {"fassadenprogramm": "Fassadenprogramm: Beratung {year}",
                       "leerstand": "Leerstandsmanagement: Vermittlung {year}",
                       "nachbarschaft": "", "kreativwirtschaft": "Fördermittelberatung {year}"}
        for spoke in design["spokes"]:
            topic = {WOHNEN: "fassadenprogramm", WIRTSCHAFT: "leerstand",
                     KULTUR: "kreativwirtschaft"}.get(self.actor(spoke).sektor, "nachbarschaft")
            if spoke == "immobilien-ruhrblick":
                topic = "leerstand"
            since = self.rand_date(max(FIRST_DAY, self.actor(spoke).first),
                                   min(self.actor(spoke).last, LAST_TIE_START))
            note = spoke_notes[topic].format(year=since.year)
            t(spoke, qm, "Kooperation", 1, topic, since, None, note)
        # the brokers besides the QM
        t("ev-gemeinde", "diakonie-mark-ruhr", "Kooperation", 2, "soziales", None, None)
        for partner in ("integrationsagentur", "seniorenbegegnung", "sprachcafe-team",
                        "fluechtlingshilfe", "chor-klangfarben", "kath-pfarrei", r["pfarrerin"][0],
                        "stadtteilladen"):
            t("ev-gemeinde", partner, "Kooperation", self.rng.choice([1, 2]),
              self.shared_topic("ev-gemeinde", partner))
        for partner in ("repair-cafe", "hausaufgabenhilfe", "sprachcafe-team",
                        "redaktion-stadtteilzeitung", "ni-augustastrasse", "frauentreff",
                        "foodsharing", "polizei-bezirksdienst", r["bewohner"][14],
                        r["bewohner"][15]):
            t("stadtteilladen", partner, "Kooperation", self.rng.choice([1, 2]),
              self.shared_topic("stadtteilladen", partner, "nachbarschaft"))
        t(headmaster, "gs-wehringhausen", "Mitgliedschaft", 3, "bildung")
        for partner in ("familienzentrum", "kita-bodelschwingh", "gesamtschule",
                        "gs-wilhelmsplatz", "jugendzentrum", "hausaufgabenhilfe", "ki-hagen",
                        r["bildung"][1]):
            t(headmaster, partner, "Kooperation", self.rng.choice([1, 2]),
              self.shared_topic(headmaster, partner, "bildung"))
        t("wiw", "pelmke", "Kooperation", 2, "stadtteilfeste")
        t("wiw", "redaktion-stadtteilzeitung", "Kooperation", 2, "oeffentlichkeitsarbeit")
        t("wiw", "hagen-wirtschaftsentwicklung", "Kooperation", 2, "lokale-wirtschaft")
        wiw_members = ["baeckerei", "cafe-kaffeesatz", "kiosk", "friseur", "fahrradladen",
                       "eiscafe", "imbiss", "gemuesehandel", "buchhandlung", "secondhand",
                       "elektro", "copyshop", "metzgerei", "reisebuero", "telefonshop",
                       "bioladen", "blumenladen", "spaetkauf", *r["wirtschaft"], "grafikbuero",
                       "fotostudio", "keramikwerkstatt", "modelabel", "galerie", "tattoostudio",
                       *r["kreativ"][3:6], *r["bewohner"][11:16]]
        for member in wiw_members:
            t(member, "wiw", "Mitgliedschaft", 1, "")
        # other memberships
        for member in [*r["eigentum"][3:11], "hausverwaltung"]:
            t(member, "haus-und-grund", "Mitgliedschaft", 1, "eigentuemer")
        for member in r["eigentum"][5:12]:
            t(member, "eigentuemerstammtisch", "Mitgliedschaft", 1, "eigentuemer")
        t("haus-und-grund", "eigentuemerstammtisch", "Kooperation", 2, "eigentuemer")
        for member in ("caritas-hagen", "diakonie-mark-ruhr", "integrationsagentur",
                       "seniorenbegegnung", "jugendzentrum", "migrationsberatung",
                       "sozialberatung", "ev-gemeinde", "kath-pfarrei", "jobcenter",
                       "fb-jugend-soziales", "familienzentrum", "stadtteilmuetter"):
            t(member, "ak-soziales", "Mitgliedschaft", 1, "soziales", "auto",
              CONSORTIUM_END if member in ("caritas-hagen", "diakonie-mark-ruhr") else None)
        for member in [*r["kreativ"][1:12], "grafikbuero", "fotostudio", "tonstudio",
                       "modelabel", "atelierhaus", "galerie"]:
            t(member, "kreativnetzwerk", "Mitgliedschaft", 1, "kreativwirtschaft")
        t("pelmke", "kreativnetzwerk", "Kooperation", 3, "kreativwirtschaft")
        artist, owner = sorted(design["sparse_pair"], key=lambda a: self.actor(a).sektor)
        t(artist, owner, "Kooperation", 2, "leerstand", date(2020, 6, 1), date(2022, 5, 31),
          "Zwischennutzung eines Ladenlokals in der Lange Straße")
        for person in r["sozial"][:2]:
            t(person, "stadtteilmuetter", "Mitgliedschaft", 2, "integration")
        t(r["sozial"][2], "sprachcafe-team", "Mitgliedschaft", 2, "integration")
        t(r["sozial"][3], "seniorenbegegnung", "Kooperation", 2, "senioren")
        t(r["sozial"][4], "jugendzentrum", "Mitgliedschaft", 2, "jugend")
        t(r["bildung"][1], "familienzentrum", "Mitgliedschaft", 3, "bildung")
        t(r["bildung"][2], "gesamtschule", "Mitgliedschaft", 3, "bildung")
        t(r["bildung"][4], "gesamtschule", "Mitgliedschaft", 2, "jugend")
        t(r["wirtschaft"][1], "repair-cafe", "Mitgliedschaft", 1, "nachbarschaft")
        t(r["wirtschaft"][2], "cafe-kaffeesatz", "Kooperation", 3, "lokale-wirtschaft")
        t("wohnungsgenossenschaft", "sozialberatung", "Kooperation", 1, "soziales", "auto",
          None, "Mietschulden")
        t("mieterverein", "sozialberatung", "Kooperation", 1, "soziales")

    def random_ties(self) -> None:
        """Random cooperation inside each cluster and between neighbouring clusters."""
        protected = set(self.protected)
        fixed = {"qm-wehringhausen", "traegerverbund", "lenkungskreis", "vf-jury", "land-nrw",
                 "programm-sozialer-zusammenhalt", "stern", "stadtteilladen"}
        clusters: dict[str, list[str]] = {}
        for actor in self.data.actors.values():
            if actor.id in protected or actor.id in fixed or actor.group in ("neu",):
                continue
            cluster = {"kreativ": "kultur", "eigentum": "wohnen", "bewohner": "nachbarschaft",
                       "umwelt": "nachbarschaft", "pfarrerin": "religion", "qm": "sozial",
                       "religion": "sozial", "gesundheit": "gesundheit"}.get(actor.group,
                                                                             actor.group)
            clusters.setdefault(cluster, []).append(actor.id)
        inside = {"kultur": 40, "wirtschaft": 20, "wohnen": 14, "bildung": 12, "sozial": 28,
                  "nachbarschaft": 26, "verwaltung": 8, "gesundheit": 3}
        between = [("kultur", "wirtschaft", 9), ("nachbarschaft", "kultur", 8),
                   ("nachbarschaft", "wirtschaft", 7), ("sozial", "bildung", 7),
                   ("sozial", "nachbarschaft", 7), ("wohnen", "wirtschaft", 4),
                   ("wohnen", "nachbarschaft", 3), ("verwaltung", "sozial", 4),
                   ("verwaltung", "bildung", 2), ("gesundheit", "sozial", 4),
                   ("bildung", "kultur", 3), ("verwaltung", "wirtschaft", 2),
                   ("bildung", "nachbarschaft", 3), ("gesundheit", "wirtschaft", 2)]
        plan = [(name, name, count) for name, count in inside.items()] + between
        for left, right, count in plan:
            added, attempts = 0, 0
            while added < count and attempts < count * 40:
                attempts += 1
                a = self.rng.choice(clusters[left])
                b = self.rng.choice(clusters[right])
                if a == b:
                    continue
                strengths = [1, 1, 1, 2, 2, 3] if left == right else [1, 1, 2]
                kind, staerke = "Kooperation", self.rng.choice(strengths)
                first, second = self.actor(a), self.actor(b)
                if first.typ == "Person" and second.typ in ("Verein", "Initiative") \
                        and self.rng.random() < 0.5:
                    kind, staerke = "Mitgliedschaft", 1
                elif second.typ == "Person" and first.typ in ("Verein", "Initiative") \
                        and self.rng.random() < 0.5:
                    kind, staerke, a, b = "Mitgliedschaft", 1, b, a
                topic = self.shared_topic(a, b)
                if self.tie(a, b, kind, staerke, topic, strict=False):
                    added += 1

    def name_references(self) -> None:
        """Write a few endpoints as exact names instead of ids, as staff often do."""
        wanted = ["wiw", "stadt-hagen", "stern", "pelmke", "ev-gemeinde", "caritas-hagen"]
        for actor_id in wanted:
            for tie in self.data.ties:
                if tie.written_von or tie.written_zu:
                    continue
                if tie.zu == actor_id:
                    tie.written_zu = self.actor(actor_id).name
                    break
                if tie.von == actor_id:
                    tie.written_von = self.actor(actor_id).name
                    break

    # ---- projects
    def pick(self, pool: list[str], count: int, group: list[str], day: date | None = None,
             period: tuple[date, date] | None = None) -> list[str]:
        """Pick up to ``count`` actors from pool that keep every designed gap, in random order."""
        protected = set(self.protected)
        candidates = [a for a in dict.fromkeys(pool) if a not in protected and a not in group]
        self.rng.shuffle(candidates)
        chosen: list[str] = []
        for candidate in candidates:
            if len(chosen) >= count:
                break
            actor = self.actor(candidate)
            if day and not actor.valid_on(day):
                continue
            if period and (actor.first > period[1] or actor.last < period[0]):
                continue
            if day and candidate in ("diakonie-mark-ruhr", "caritas-hagen") \
                    and day > CONSORTIUM_END:
                continue
            if any(self.forbidden(candidate, other) for other in [*group, *chosen]):
                continue
            chosen.append(candidate)
        return chosen

    def by(self, *groups: str, sector: str | None = None, typ: str | None = None) -> list[str]:
        return [a.id for a in self.data.actors.values()
                if (not groups or a.group in groups) and (sector is None or a.sektor == sector)
                and (typ is None or a.typ == typ)]

    def make_projects(self) -> None:
        r = self.roles
        design = self.data.design
        artist, owner = sorted(design["sparse_pair"], key=lambda a: self.actor(a).sektor)
        owners = [p for p in r["eigentum"] if p != owner]
        creatives = self.by("kultur") + [p for p in r["kreativ"] if p != artist]
        businesses = businesses_in(self)
        projects = [
            ("fassadenprogramm", "Hof- und Fassadenprogramm", "fb-stadtentwicklung", "land-nrw",
             "fassadenprogramm; eigentuemer", "2018-01-01", None,
             "Zuschüsse für Fassaden und Innenhöfe; Beratung durch das QM",
             ["qm-wehringhausen", "stern", "haus-und-grund", "wohnungsgenossenschaft",
              "hausverwaltung"], owners, 7),
            ("verfuegungsfonds", "Verfügungsfonds Wehringhausen", "qm-wehringhausen",
             "stadt-hagen", "verfuegungsfonds; nachbarschaft", "2018-01-01", None,
             "Förderung kleiner Projekte aus dem Stadtteil",
             ["vf-jury", "wiw"],
             ["repair-cafe", "chor-klangfarben", "foodsharing", "ni-augustastrasse",
              "spielplatzpaten", "theatergruppe", "kreativnetzwerk", "frauentreff",
              "redaktion-stadtteilzeitung", "gs-wilhelmsplatz", "sportfreunde", "pfadfinder"],
             9),
            ("leerstandsmanagement", "Leerstandsmanagement Lange Straße", "stern", "stadt-hagen",
             "leerstand; lokale-wirtschaft", "2019-04-01", None,
             "Vermittlung von Ladenlokalen an Gewerbetreibende",
             ["qm-wehringhausen", "hagen-wirtschaftsentwicklung", "wiw", "hausverwaltung",
              "telefonshop"], [*owners[3:], *businesses], 6),
            ("kunst-im-leerstand", "Kunst im Leerstand (Zwischennutzung)", "qm-wehringhausen",
             "programm-sozialer-zusammenhalt", "leerstand; kreativwirtschaft", "2020-06-01",
             "2022-05-31", "Zwischennutzung eines leeren Ladenlokals durch Kreativschaffende",
             [artist, owner, "wiw"], [], 0),
            ("stadtteilzeitung", "Stadtteilzeitung Wehringhausen", "redaktion-stadtteilzeitung",
             "stadt-hagen", "oeffentlichkeitsarbeit; nachbarschaft", "2019-03-01", None,
             "erscheint viermal im Jahr",
             ["qm-wehringhausen", "wiw", "grafikbuero"],
             [*r["bewohner"][9:16], *r["kreativ"][4:9]], 5),
            ("spielplatz-bodelschwingh", "Umgestaltung Spielplatz Bodelschwinghplatz", "wbh",
             "land-nrw", "gruen; jugend", "2019-05-01", "2021-10-31",
             "Kinder- und Jugendbeteiligung bei der Planung",
             ["qm-wehringhausen", "kita-bodelschwingh", "gs-wehringhausen", "spielplatzpaten",
              "jugendzentrum", "fb-jugend-soziales"], r["bewohner"], 3),
            ("sprachcafe", "Sprachcafé im Stadtteilladen", "caritas-hagen", "ki-hagen",
             "integration", "2018-02-01", "2022-12-31",
             "ab 2023 vom Sprachcafé-Team ehrenamtlich fortgeführt",
             ["sprachcafe-team", "stadtteilladen", "frauentreff", "fluechtlingshilfe",
              "vhs-hagen", r["sozial"][2]], [], 0),
            ("bildungsnetzwerk", "Bildungsnetzwerk Wehringhausen", "diakonie-mark-ruhr",
             "fb-jugend-soziales", "bildung; jugend", "2019-01-01", "2022-12-31", "",
             ["qm-wehringhausen", "gs-wehringhausen", "gs-wilhelmsplatz", "gesamtschule",
              "kita-bodelschwingh", "familienzentrum", "kita-st-josef", "ki-hagen",
              "vhs-hagen", "jugendzentrum", "stadtteilmuetter", design["headmaster"]], [], 0),
            ("stadtteilmuetter-projekt", "Stadtteilmütter – Brücken in die Nachbarschaft",
             "diakonie-mark-ruhr", "ki-hagen", "integration; bildung", "2019-09-01",
             "2022-12-31", "seit 2023 fortgeführt von der Integrationsagentur",
             ["stadtteilmuetter", "qm-wehringhausen", "familienzentrum", *r["sozial"][:2]],
             ["gs-wehringhausen", "kita-bodelschwingh", "frauentreff", "migrationsberatung"],
             2),
            ("stadtteilmuetter-fortfuehrung", "Stadtteilmütter (Fortführung)",
             "integrationsagentur", "ki-hagen", "integration; bildung", "2023-01-01", None, "",
             ["stadtteilmuetter", "qm-wehringhausen", *r["sozial"][:2]],
             ["familienzentrum", "frauentreff", "migrationsberatung", "kita-st-josef"], 2),
            ("seniorennetzwerk", "Seniorennetzwerk Wehringhausen", "seniorenbegegnung",
             "fb-jugend-soziales", "senioren", "2020-03-01", None, "",
             ["qm-wehringhausen", "caritas-hagen", "ev-gemeinde", "kath-pfarrei",
              "seniorenbeirat", r["sozial"][3]],
             ["apotheke", "pflegedienst", "hausarztpraxis", "physiotherapie",
              *r["bewohner"][9:16]], 5),
            ("gemeinschaftsgarten-minervastrasse", "Gemeinschaftsgarten an der Minervastraße",
             "gemeinschaftsgarten", "stadt-hagen", "gruen; nachbarschaft", "2020-04-01", None,
             "Urban Gardening, Fläche von der Stadt überlassen",
             ["qm-wehringhausen", "wbh", "foodsharing"], ["spielplatzpaten", "kita-st-josef"],
             1),
            ("wilhelmsplatz", "Neugestaltung Wilhelmsplatz", "fb-stadtentwicklung", "land-nrw",
             "gruen; verkehr", "2021-01-01", "2025-06-30", "Beteiligung der Anliegerinnen",
             ["qm-wehringhausen", "stern", "wiw", "wbh", "bv-mitte", "radinitiative",
              "eiscafe", "apotheke"],
             [*businesses, *r["bewohner"][9:16]], 6),
            ("kreativquartier", "Kreativquartier Wehringhausen", "stern",
             "programm-sozialer-zusammenhalt", "kreativwirtschaft; leerstand", "2019-06-01",
             None, "Vernetzung, Fördermittelberatung, Ateliers in Ladenlokalen",
             ["qm-wehringhausen", "kreativnetzwerk", "pelmke", "atelierhaus", "kulturbuero",
              "hagen-wirtschaftsentwicklung", "wiw"], creatives, 9),
        ]
        for (pid, name, traeger, foerderung, themen, seit, bis, notiz, must, pool,
             extra) in projects:
            project = Project(pid, name, traeger, foerderung, split(themen), d(seit), d(bis),
                              notiz, FUNDED_UNTIL.get(pid, d(bis)))
            self.data.projects.append(project)
            group = [traeger, foerderung, *must]
            for actor_id in must:
                if actor_id in self.protected:
                    raise ValueError(f"{actor_id} is protected but named in project {pid}")
            chosen = self.pick(pool, extra, group, period=(project.seit, project.bis or LAST_DAY))
            for actor_id in must:
                self.participate_project(project, actor_id, core=True)
            for actor_id in chosen:
                self.participate_project(project, actor_id)

    def participate_project(self, project: Project, actor_id: str, core: bool = False) -> None:
        actor = self.actor(actor_id)
        lo = max(project.seit, actor.first)
        hi = min(project.bis or LAST_DAY, actor.last)
        if actor_id in ("diakonie-mark-ruhr", "caritas-hagen"):
            hi = min(hi, CONSORTIUM_END)
        if lo > hi:
            raise ValueError(f"{actor_id} cannot take part in {project.id}")
        early = 0.85 if core else 0.4
        since = lo if self.rng.random() < early else self.rand_date(lo, min(hi, LAST_TIE_START))
        until = hi if hi < LAST_DAY else None
        role = project_role(project, actor)
        self.data.participations.append(
            Participation(actor_id, project.id, "", role, since, until, ""))

    # ---- events
    def make_events(self) -> None:
        r = self.roles
        design = self.data.design
        events: list[tuple] = []
        fest_pool = (self.by("wirtschaft", "kultur", "sozial", "nachbarschaft", "umwelt",
                             "religion", "kreativ", "bewohner")
                     + ["polizei-bezirksdienst", "stadtteilladen", "stern", "diakonie-mark-ruhr",
                        "caritas-hagen", "jugendzentrum", r["pfarrerin"][0]])
        fest_pool = [a for a in fest_pool
                     if self.actor(a).sektor not in (BILDUNG, GESUNDHEIT, WOHNEN)
                     and a != "hagen-wirtschaftsentwicklung"]
        for year in range(2018, 2026):
            day = nth_weekday(year, 9, 5, 2)  # second Saturday in September
            ort = "Wilhelmsplatz" if year % 2 == 0 else "Lange Straße"
            notiz = "unter Corona-Auflagen, verkleinert" if year == 2020 else ""
            count = 30 if year == 2020 else self.rng.randint(36, 56)
            events.append((f"stadtteilfest-{year}", f"Stadtteilfest Wehringhausen {year}", day,
                           day, ort, ["wiw", "qm-wehringhausen"], "stadtteilfeste; nachbarschaft",
                           notiz, [], fest_pool, count))
        members = ["fb-stadtentwicklung", "fb-jugend-soziales", "stern", "diakonie-mark-ruhr",
                   "caritas-hagen", "wiw", "ev-gemeinde", "kath-pfarrei", "islamische-gemeinde",
                   design["headmaster"], "pelmke", "polizei-bezirksdienst", "bv-mitte",
                   "integrationsagentur", "jobcenter", r["bewohner"][9], r["bewohner"][10],
                   "stadtteilmuetter", "stadt-hagen"]
        sessions = [("2018-03-14", ""), ("2019-02-20", ""), ("2020-11-18", "Videokonferenz"),
                    ("2021-10-06", ""),
                    ("2022-11-09",
                     "Verabschiedung von Diakonie und Caritas aus dem Trägerverbund"),
                    ("2023-03-15", "erste Sitzung nach dem Trägerwechsel"), ("2024-10-16", "")]
        for when, notiz in sessions:
            day = d(when)
            valid = [m for m in members if self.member_on(m, day) or m == "stadt-hagen"]
            events.append((f"lenkungskreis-{when[:7]}", f"Sitzung des Lenkungskreises {when[:4]}",
                           day, day, "Lange Straße", ["lenkungskreis", "qm-wehringhausen"],
                           "verstetigung", notiz, [], valid, self.rng.randint(9, 14)))
        forum_pool = [*r["bewohner"], *r["kreativ"], *self.by("nachbarschaft", "umwelt"),
                      "wiw", "ev-gemeinde", "kath-pfarrei", "integrationsagentur",
                      "stadtteilmuetter", "frauentreff", "fb-stadtentwicklung", "stadt-hagen",
                      "bv-mitte", "pelmke", "gs-wehringhausen", design["headmaster"],
                      "jugendzentrum", "caritas-hagen", "diakonie-mark-ruhr", "stern"]
        for when, ort in (("2019-05-22", "Lange Straße"), ("2023-06-14", "Pelmkestraße")):
            day = d(when)
            events.append((f"quartiersforum-{when[:4]}", f"Quartiersforum {when[:4]}", day, day,
                           ort, ["qm-wehringhausen"], "nachbarschaft; verstetigung", "", [],
                           forum_pool, self.rng.randint(15, 20)))
        owner_pool = [*r["eigentum"], "wohnungsgenossenschaft", "hausverwaltung", "mieterverein",
                      "eigentuemerstammtisch", "stern", "fb-stadtentwicklung"]
        for when in ("2019-03-27", "2022-03-23", "2024-04-17"):
            day = d(when)
            events.append((f"eigentuemerstammtisch-{when[:4]}",
                           f"Eigentümerstammtisch {when[:4]}", day, day, "Lange Straße",
                           ["qm-wehringhausen", "haus-und-grund"], "eigentuemer; fassadenprogramm",
                           "Thema Fassadenprogramm" if when < "2020" else "", [], owner_pool,
                           self.rng.randint(8, 13)))
        clean_pool = [*self.by("bildung"), *r["bewohner"], "wbh", "ordnungsamt",
                      "jugendzentrum", "sportfreunde", "pfadfinder", "spielplatzpaten",
                      "ni-augustastrasse", "wiw", "ev-gemeinde", "foodsharing",
                      "gemeinschaftsgarten", "stadtteilladen", "polizei-bezirksdienst"]
        for when in ("2019-03-30", "2022-04-02", "2025-03-29"):
            day = d(when)
            events.append((f"fruehjahrsputz-{when[:4]}",
                           f"Aktionstag Sauberkeit – Frühjahrsputz {when[:4]}", day, day,
                           "Bodelschwinghplatz", ["qm-wehringhausen", "heb"], "sauberkeit",
                           "", [], clean_pool, self.rng.randint(12, 20)))
        art_pool = [*r["kreativ"], *self.by("kultur"), *businesses_in(self), *r["bewohner"],
                    "wiw", "stern", "stadtteilladen"]
        for start, end in (("2019-11-08", "2019-11-09"), ("2023-11-10", "2023-11-11"),
                           ("2025-11-07", "2025-11-08")):
            day = d(start)
            events.append((f"kunstnacht-{start[:4]}", f"Wehringhauser Kunstnacht {start[:4]}",
                           day, d(end), "Lange Straße", ["kreativnetzwerk", "qm-wehringhausen"]
                           if day >= date(2019, 5, 1) else ["qm-wehringhausen"],
                           "kreativwirtschaft; leerstand",
                           "offene Ateliers und Kunst in leeren Ladenlokalen", [], art_pool,
                           self.rng.randint(16, 20)))
        kids_pool = [*self.by("bildung"), "ev-gemeinde", "kath-pfarrei", "spielplatzpaten",
                     "sportfreunde", "pfadfinder", "polizei-bezirksdienst", "jugendkunstschule",
                     "fb-jugend-soziales", "theatergruppe", "qm-wehringhausen",
                     *r["bewohner"][9:16], "stadtteilmuetter"]
        for when in ("2022-09-20", "2024-09-20"):
            day = d(when)
            events.append((f"weltkindertag-{when[:4]}", f"Weltkindertagsfest {when[:4]}", day,
                           day, "Bodelschwinghplatz", ["jugendzentrum", "familienzentrum"],
                           "jugend; bildung", "", [], kids_pool, self.rng.randint(12, 18)))
        day = date(2023, 10, 12)
        events.append(("gesundheitstag-2023", "Gesundheits- und Seniorentag 2023", day, day,
                       "Augustastraße", ["seniorenbegegnung", "qm-wehringhausen"], "senioren",
                       "", ["apotheke", "hausarztpraxis", "pflegedienst", "physiotherapie"],
                       ["ev-gemeinde", "kath-pfarrei", "seniorenbeirat", "fb-jugend-soziales",
                        *r["bewohner"], r["sozial"][3], r["pfarrerin"][0]], 8))
        day = date(2021, 6, 16)
        events.append(("bildungskonferenz-2021", "Bildungskonferenz Wehringhausen 2021", day,
                       day, "Lange Straße", ["diakonie-mark-ruhr", "qm-wehringhausen"],
                       "bildung; integration", "als Videokonferenz",
                       [design["headmaster"]],
                       [*self.by("bildung"), *r["bildung"], "fb-jugend-soziales", "ki-hagen",
                        "integrationsagentur", "jugendzentrum", "stadtteilmuetter"], 12))
        day = date(2022, 6, 21)
        events.append(("stadtteilbegehung-2022", "Stadtteilbegehung Sicherheit und Sauberkeit",
                       day, day, "Wehringhauser Straße",
                       ["qm-wehringhausen", "polizei-bezirksdienst"], "sicherheit; sauberkeit",
                       "", ["ordnungsamt", "wbh", "heb"],
                       [*r["bewohner"], *r["eigentum"], "wiw", "ni-augustastrasse",
                        "hausverwaltung", *businesses_in(self)], 10))
        day = date(2021, 9, 23)
        events.append(("leerstandsrundgang-2021", "Leerstandsrundgang Lange Straße", day, day,
                       "Lange Straße", ["qm-wehringhausen", "stern"], "leerstand; eigentuemer",
                       "", ["hagen-wirtschaftsentwicklung", "wiw"],
                       [*r["eigentum"], "hausverwaltung", "wohnungsgenossenschaft",
                        *businesses_in(self), *r["wirtschaft"]], 10))
        events.sort(key=lambda e: (e[2], e[0]))
        for (eid, name, datum, bis, ort, organisers, themen, notiz, must, pool,
             count) in events:
            event = Event(eid, name, datum, bis, ort, organisers, split(themen), notiz)
            self.data.events.append(event)
            group = [*organisers, *must]
            chosen = must + self.pick(pool, count - len(must), group, day=datum)
            for actor_id in chosen:
                self.data.participations.append(Participation(
                    actor_id, "", eid, event_role(eid, self.actor(actor_id)), datum,
                    bis, ""))

    def member_on(self, member: str, day: date) -> bool:
        for tie in self.data.ties:
            if tie.von == member and tie.zu == "lenkungskreis" and tie.art == "Mitgliedschaft":
                return (tie.seit is None or tie.seit <= day) and (tie.bis is None
                                                                  or day <= tie.bis)
        return False


def businesses_in(builder: Builder) -> list[str]:
    """Shops and firms of the district (not the city's business development agency)."""
    return [a for a in builder.by("wirtschaft", typ="Unternehmen")
            if a != "hagen-wirtschaftsentwicklung"]


def split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    day = date(year, month, 1)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    return day + timedelta(weeks=n - 1)


def project_role(project: Project, actor: Actor) -> str:
    if actor.id == "vf-jury":
        return "Jury"
    if project.id == "verfuegungsfonds":
        return "Förderempfänger"
    if actor.id in ("qm-wehringhausen", "stern") or actor.sektor == "Städtebau":
        return "Beratung"
    if actor.typ == "Person":
        return "Teilnahme"
    return "Kooperationspartner"


def event_role(event_id: str, actor: Actor) -> str:
    if event_id.startswith("lenkungskreis"):
        return "Mitglied"
    if event_id.startswith(("stadtteilfest", "weltkindertag", "gesundheitstag")):
        if actor.typ == "Person":
            return "Programm" if actor.sektor == KULTUR else "Helfer/in"
        if actor.sektor == KULTUR:
            return "Auftritt" if actor.typ in ("Verein", "Initiative") else "Programm"
        return "Stand" if actor.typ == "Unternehmen" else "Infostand"
    if event_id.startswith("kunstnacht"):
        if actor.sektor == KULTUR:
            return "Ausstellung"
        return "Ort" if actor.typ == "Unternehmen" else "Besuch"
    if event_id.startswith("fruehjahrsputz"):
        return "Sammelaktion"
    return "Teilnahme"


# --------------------------------------------------------------------------- checks

# Words netzwerk's ingest ignores when it looks for actors entered twice.
NAME_FILLERS = frozenset((
    "e", "v", "ev", "eg", "gmbh", "ggmbh", "mbh", "ug", "ag", "kg", "ohg", "gbr", "kgaa", "se",
    "gem", "gemeinnuetzige", "gemeinnuetziger", "haftungsbeschraenkt", "verband", "verein",
    "der", "die", "das", "des", "dem", "den", "und", "fuer", "in", "im", "am", "an", "auf",
    "von", "vom", "zu", "zur", "zum", "bei", "mit", "hagen", "wehringhausen", "westfalen", "nrw"))


def significant_words(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart (as netzwerk's duplicate check reduces names)."""
    words = re.findall(r"\w+", slug(name).replace("-", " "))
    kept = [w[: -len("verband")] if w.endswith("verband") and len(w) > 9 else w for w in words]
    kept = [w for w in kept if w not in NAME_FILLERS]
    return tuple(kept) if kept else tuple(words)



def view_pairs(data: Dataset, day: date | None = None,
               kinds: tuple[str, ...] = VIEW_TIE_KINDS) -> dict[frozenset, set[str]]:
    """Actor pairs of netzwerk's default actor view (direct ties + shared projects/events)."""

    def valid(since: date | None, until: date | None) -> bool:
        return day is None or ((since is None or since <= day) and (until is None
                                                                     or day <= until))

    alive = {a.id for a in data.actors.values() if valid(a.seit, a.bis)}
    pairs: dict[frozenset, set[str]] = {}

    def add(a: str, b: str, how: str) -> None:
        if a != b and a in alive and b in alive:
            pairs.setdefault(frozenset({a, b}), set()).add(how)

    for tie in data.ties:
        if tie.art in kinds and valid(tie.seit, tie.bis):
            add(tie.von, tie.zu, tie.art)
    groups: dict[str, list[str]] = {}
    for project in data.projects:
        if valid(project.seit, project.bis):
            groups[f"projekt:{project.id}"] = [project.traeger, project.foerderung]
    for event in data.events:
        if valid(event.datum, event.bis):
            groups[f"veranstaltung:{event.id}"] = list(event.veranstalter)
    for p in data.participations:
        key = f"projekt:{p.projekt}" if p.projekt else f"veranstaltung:{p.veranstaltung}"
        if key in groups and valid(p.seit, p.bis):
            groups[key].append(p.akteur)
    for key, members in groups.items():
        for a, b in combinations(sorted(set(members)), 2):
            add(a, b, key)
    return pairs


def neighbours(pairs: dict[frozenset, set[str]]) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for pair in pairs:
        a, b = sorted(pair)
        result.setdefault(a, set()).add(b)
        result.setdefault(b, set()).add(a)
    return result


def check(data: Dataset) -> list[str]:
    """Every problem found: integrity, vocabulary, dates, names and the designed structure."""
    problems: list[str] = []
    actors = data.actors
    topic_ids = [t.id for t in data.topics]
    names = {a.name: a.id for a in actors.values()}
    for kind, ids in (("topic", topic_ids), ("actor", list(actors)),
                      ("project", [p.id for p in data.projects]),
                      ("event", [e.id for e in data.events])):
        if len(ids) != len(set(ids)):
            problems.append(f"duplicate {kind} ids")
        problems += [f"bad {kind} id {i!r}" for i in ids if i != slug(i)]
    if len(names) != len(actors):
        problems.append("duplicate actor names")

    def in_range(what: str, *days: date | None) -> None:
        for day in days:
            if day is not None and not FIRST_DAY <= day <= LAST_DAY:
                problems.append(f"{what}: date {day} outside 2018-2025")
        if days[0] and days[1] and days[0] > days[1]:
            problems.append(f"{what}: seit after bis")

    def alive(what: str, actor_id: str, since: date | None, until: date | None) -> None:
        actor = actors.get(actor_id)
        if actor is None:
            problems.append(f"{what}: unknown actor {actor_id!r}")
            return
        if actor.seit and since and since < actor.seit:
            problems.append(f"{what}: starts before {actor_id} exists")
        if actor.bis and (until is None or until > actor.bis):
            problems.append(f"{what}: lasts beyond {actor_id}")

    for a in actors.values():
        if a.typ not in TYPES or a.sektor not in SECTORS:
            problems.append(f"{a.id}: bad typ/sektor")
        problems += [f"{a.id}: unknown topic {t}" for t in a.themen if t not in topic_ids]
        in_range(a.id, a.seit, a.bis)
        if a.typ == "Person" and a.einwilligung not in ("ja", "nein"):
            problems.append(f"{a.id}: person without einwilligung")
    if [a.id for a in actors.values() if a.koordination == "ja"] != ["qm-wehringhausen"]:
        problems.append("exactly the QM must be koordination=ja")
    keys = set()
    for tie in data.ties:
        what = f"tie {tie.von}->{tie.zu} {tie.art}"
        if tie.von == tie.zu:
            problems.append(f"{what}: self-tie")
        if tie.art not in TIE_KINDS or tie.staerke not in (1, 2, 3):
            problems.append(f"{what}: bad art/staerke")
        if tie.thema and tie.thema not in topic_ids:
            problems.append(f"{what}: unknown topic")
        for written, actor_id in ((tie.written_von, tie.von), (tie.written_zu, tie.zu)):
            if written and names.get(written) != actor_id:
                problems.append(f"{what}: name {written!r} does not resolve")
        key = (tie.art, *sorted((tie.von, tie.zu))) if tie.art == "Kooperation" else (
            tie.art, tie.von, tie.zu)
        if key in keys:
            problems.append(f"{what}: duplicate")
        keys.add(key)
        in_range(what, tie.seit, tie.bis)
        alive(what, tie.von, tie.seit, tie.bis)
        alive(what, tie.zu, tie.seit, tie.bis)
    projects = {p.id: p for p in data.projects}
    events = {e.id: e for e in data.events}
    for p in data.projects:
        in_range(p.id, p.seit, p.bis)
        problems += [f"{p.id}: unknown topic {t}" for t in p.themen if t not in topic_ids]
        alive(p.id, p.traeger, p.seit, p.bis)
        alive(p.id, p.foerderung, p.seit, p.bis)
    for e in data.events:
        in_range(e.id, e.datum, e.bis)
        problems += [f"{e.id}: unknown topic {t}" for t in e.themen if t not in topic_ids]
        for organiser in e.veranstalter:
            alive(e.id, organiser, e.datum, e.bis)
    seen = set()
    for p in data.participations:
        what = f"Beteiligung {p.akteur} {p.projekt or p.veranstaltung}"
        if bool(p.projekt) == bool(p.veranstaltung):
            problems.append(f"{what}: needs exactly one of projekt/veranstaltung")
        if (p.akteur, p.projekt, p.veranstaltung) in seen:
            problems.append(f"{what}: duplicate")
        seen.add((p.akteur, p.projekt, p.veranstaltung))
        if p.projekt and p.projekt not in projects or p.veranstaltung and \
                p.veranstaltung not in events:
            problems.append(f"{what}: unknown project/event")
            continue
        in_range(what, p.seit, p.bis)
        alive(what, p.akteur, p.seit, p.bis)
        if p.projekt:
            project = projects[p.projekt]
            if p.akteur in (project.traeger, project.foerderung):
                problems.append(f"{what}: Träger/Förderer listed again")
            if p.seit and p.seit < project.seit or project.bis and p.bis and p.bis > project.bis:
                problems.append(f"{what}: outside the project period")
        else:
            event = events[p.veranstaltung]
            if p.akteur in event.veranstalter:
                problems.append(f"{what}: organiser listed again")
    # names: nothing the ingest could flag as entered twice (its rule, 0.85 there)
    words = {a.id: significant_words(a.name) for a in actors.values()}
    for a1, a2 in combinations(sorted(words), 2):
        w1, w2 = words[a1], words[a2]
        ratio = difflib.SequenceMatcher(None, " ".join(w1), " ".join(w2)).ratio()
        if set(w1) <= set(w2) or set(w2) <= set(w1) or ratio >= 0.8:
            problems.append(f"near-duplicate names: {a1} / {a2}")
    for table in tables(data).values():
        for row in table:
            for value in row:
                try:
                    str(value).encode("cp1252")
                except UnicodeEncodeError:
                    problems.append(f"not cp1252: {value!r}")
    return problems + check_design(data)


def check_design(data: Dataset) -> list[str]:
    """The structure the README promises, on the default actor view."""
    problems = []
    design = data.design
    actors = data.actors
    pairs = view_pairs(data)
    near = neighbours(pairs)
    qm = design["coordinator"]
    for a, b in (sorted(p) for p in pairs):
        sectors = frozenset({actors[a].sektor, actors[b].sektor})
        if sectors in NO_TIE_SECTORS:
            problems.append(f"designed gap broken: {a} - {b}")
        if sectors == SPARSE_SECTORS and frozenset({a, b}) != design["sparse_pair"]:
            problems.append(f"sparse pair broken: {a} - {b}")
    if design["sparse_pair"] not in pairs:
        problems.append("sparse pair missing")
    for spoke in design["spokes"]:
        if near.get(spoke) != {qm}:
            problems.append(f"spoke {spoke} has neighbours {near.get(spoke)}")
    for isolate in design["isolates"]:
        if isolate in near:
            problems.append(f"isolate {isolate} has neighbours")
    groups = {**design["cut_points"], **design["only_via"]}
    for broker, group in groups.items():
        for member in group:
            outside = near.get(member, set()) - set(group) - {broker}
            if outside or broker not in near.get(member, set()) and not (
                    near.get(member, set()) & set(group)):
                problems.append(f"{member} should be reached only via {broker}: {outside}")
    leaving = design["consortium"]["leaves"]
    before = view_pairs(data, date(2022, 6, 30))
    after = view_pairs(data, date(2024, 6, 30))
    for actor_id in leaving:
        if frozenset({actor_id, qm}) not in before:
            problems.append(f"{actor_id} not tied to the QM on 2022-06-30")
        if frozenset({actor_id, qm}) in after:
            problems.append(f"{actor_id} still tied to the QM on 2024-06-30")
    if frozenset({"stern", qm}) not in after:
        problems.append("stern not tied to the QM on 2024-06-30")
    return problems


def summary(data: Dataset) -> list[str]:
    def count(values) -> str:
        tally: dict[str, int] = {}
        for value in values:
            tally[value] = tally.get(value, 0) + 1
        return ", ".join(f"{k} {v}" for k, v in sorted(tally.items(), key=lambda kv: -kv[1]))

    actors = list(data.actors.values())
    dates = [x for a in actors for x in (a.seit, a.bis)]
    dates += [x for t in data.ties for x in (t.seit, t.bis)]
    dates += [x for p in data.projects for x in (p.seit, p.bis)]
    dates += [x for e in data.events for x in (e.datum, e.bis)]
    dates += [x for p in data.participations for x in (p.seit, p.bis)]
    dates = [x for x in dates if x]
    pairs = view_pairs(data, kinds=TIE_KINDS)
    sector_pairs = {frozenset({data.actors[a].sektor, data.actors[b].sektor})
                    for a, b in (sorted(p) for p in pairs)}
    used = sorted({a.sektor for a in actors})
    missing = [f"{x}–{y}" for x, y in combinations(used, 2)
               if frozenset({x, y}) not in sector_pairs]
    persons = [a for a in actors if a.typ == "Person"]
    return [
        f"actors: {len(actors)} ({count(a.typ for a in actors)})",
        f"persons: {len(persons)}, consented {sum(a.einwilligung == 'ja' for a in persons)}",
        f"sectors used: {len(used)}",
        f"ties (Beziehungen): {len(data.ties)} ({count(t.art for t in data.ties)}), "
        f"{sum(bool(t.thema) for t in data.ties)} with thema, "
        f"{sum(bool(t.written_von or t.written_zu) for t in data.ties)} by name",
        f"topics: {len(data.topics)}, projects: {len(data.projects)}, "
        f"events: {len(data.events)}",
        f"participations: {len(data.participations)} "
        f"(projects {sum(bool(p.projekt) for p in data.participations)}, "
        f"events {sum(bool(p.veranstaltung) for p in data.participations)})",
        f"dates: {min(dates)} .. {max(dates)}",
        f"sector pairs without any tie or shared activity: {', '.join(missing)}",
    ]


# --------------------------------------------------------------------------- output


#: the QM's notes of its last contact: for about 60 % of running ties a day between the
#: tie's start (at the earliest mid-2023) and October 2026, drawn per tie (its own seeded
#: generator, so the rest of the data does not change with it)
CONTACT_KINDS = ("Kooperation", "Mitgliedschaft", "Träger")
CONTACTS_FROM, CONTACTS_UNTIL = date(2023, 6, 1), date(2026, 10, 31)


def last_contact(tie: Tie) -> date | None:
    if tie.art not in CONTACT_KINDS or tie.bis is not None:
        return None
    rng = random.Random(f"{tie.von}|{tie.zu}|{tie.art}|{tie.thema}")
    start = max(tie.seit or CONTACTS_FROM, CONTACTS_FROM)
    if rng.random() >= 0.6 or start > CONTACTS_UNTIL:
        return None
    return start + timedelta(days=rng.randrange((CONTACTS_UNTIL - start).days + 1))


def tables(data: Dataset) -> dict[str, list[list[object]]]:
    """The six sheets as rows of Python values (dates as date, strength as int)."""

    def joined(values: list[str]) -> str:
        return "; ".join(values)

    def opt(value: date | None) -> object:
        return value if value is not None else ""

    return {
        "Akteure": [[a.id, a.name, a.typ, a.sektor, joined(a.themen), a.adresse, opt(a.seit),
                     opt(a.bis), a.kontakt, a.einwilligung, a.koordination, a.notiz]
                    for a in data.actors.values()],
        "Beziehungen": [[t.written_von or t.von, t.written_zu or t.zu, t.art, t.staerke, t.thema,
                         opt(t.seit), opt(t.bis), opt(last_contact(t)), t.notiz]
                        for t in data.ties],
        "Themen": [[t.id, t.name, t.notiz] for t in data.topics],
        "Projekte": [[p.id, p.name, p.traeger, p.foerderung, opt(p.foerderung_bis),
                      joined(p.themen), opt(p.seit), opt(p.bis), p.notiz]
                     for p in data.projects],
        "Veranstaltungen": [[e.id, e.name, e.datum, e.bis, e.ort, joined(e.veranstalter),
                             joined(e.themen), e.notiz] for e in data.events],
        "Beteiligungen": [[p.akteur, p.projekt, p.veranstaltung, p.rolle, opt(p.seit),
                           opt(p.bis), p.notiz] for p in data.participations],
    }


def csv_bytes(header: tuple[str, ...], rows: list[list[object]]) -> bytes:
    """A table as German Excel saves CSV: ';', cp1252, dates 31.12.2023, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([v.strftime("%d.%m.%Y") if isinstance(v, date) else v for v in row])
    return buffer.getvalue().encode("cp1252")


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile that stamps every member with the same time, for reproducible .xlsx files."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIMESTAMP)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl streams worksheets through temporary files; store them with the fixed time
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes(),
                      compress_type, compresslevel)


WIDTHS = {"id": 28, "name": 44, "notiz": 50, "themen": 36, "adresse": 34, "kontakt": 34,
          "von": 30, "zu": 30, "akteur": 28, "projekt": 28, "veranstaltung": 28,
          "veranstalter": 36, "traeger": 26, "foerderung": 26, "ort": 20, "sektor": 24,
          "rolle": 18, "thema": 18}


def xlsx_bytes(data: Dataset) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_name, rows in tables(data).items():
        header = SHEETS[sheet_name]
        sheet = workbook.create_sheet(sheet_name)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column, title in enumerate(header, start=1):
            letter = sheet.cell(row=1, column=column).column_letter
            sheet.column_dimensions[letter].width = WIDTHS.get(title, 12)
            for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
                if isinstance(cells[0].value, date):
                    cells[0].number_format = "DD.MM.YYYY"
        sheet.freeze_panes = "A2"
    props = workbook.properties
    props.creator = "netzwerk examples/wehringhausen/generate.py"
    props.lastModifiedBy = props.creator
    props.title = "Beispieldaten Akteursnetzwerk Hagen-Wehringhausen"
    props.created = FIXED_TIMESTAMP
    props.modified = FIXED_TIMESTAMP
    buffer = io.BytesIO()
    archive = _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(workbook, archive).save()  # unlike save_workbook, keeps `modified`
    return buffer.getvalue()


def outputs(data: Dataset) -> dict[Path, bytes]:
    files = {XLSX_PATH: xlsx_bytes(data)}
    for sheet_name, rows in tables(data).items():
        files[CSV_DIR / f"{sheet_name}.csv"] = csv_bytes(SHEETS[sheet_name], rows)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="validate and compare with the files on disk; write nothing")
    args = parser.parse_args(argv)
    data = Builder().build()
    problems = check(data)
    for line in summary(data):
        print(line)
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    if problems:
        return 1
    files = outputs(data)
    if args.check:
        stale = [path for path, content in files.items()
                 if not path.exists() or path.read_bytes() != content]
        for path in stale:
            print(f"out of date: {path.relative_to(HERE)} (run generate.py)", file=sys.stderr)
        return 1 if stale else 0
    CSV_DIR.mkdir(exist_ok=True)
    for path, content in files.items():
        path.write_bytes(content)
        print(f"wrote {path.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
