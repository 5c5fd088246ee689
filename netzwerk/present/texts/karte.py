"""Texts of the interactive network map (`netzwerk karte`): the page's own words (keys
``karte.<name>``; the page gets every one of them without the prefix) and the words the
Python side puts into its data."""

from __future__ import annotations

from netzwerk.present.texts._commands import command_help

TEXTS: dict[str, tuple[str, str]] = {
    "karte.title": ("Netzwerkkarte", "Network map"),
    "karte.privacy": (
        "Diese Datei kann personenbezogene Daten enthalten. Nur an Berechtigte weitergeben, "
        "nicht veröffentlichen.",
        "This file may contain personal data. Share it only with people entitled to it; do "
        "not publish it.",
    ),
    "karte.privacy_pseudonyms": (
        "Personen erscheinen unter Pseudonym.",
        "Persons appear under a pseudonym.",
    ),
    "karte.privacy_names": (
        "Personen, die eingewilligt haben, erscheinen mit Namen; alle anderen unter Pseudonym.",
        "Persons who consented appear by name; everyone else under a pseudonym.",
    ),
    "karte.figures_day": (
        "Kennzahlen zum Stand {day}",
        "Figures as of {day}",
    ),
    "karte.not_in_view": (
        "am {day} nicht im Netz (keine Kennzahlen)",
        "not in the network on {day} (no figures)",
    ),
    "karte.community": ("Gemeinschaft {n}", "Community {n}"),
    "karte.unknown": ("unbekannt", "unknown"),
    "karte.since": ("seit {day}", "since {day}"),
    "karte.until": ("bis {day}", "until {day}"),
    "karte.period": ("{since}–{until}", "{since}–{until}"),
    "karte.shared": ("über {what}", "through {what}"),
    "karte.too_large": (
        "das Netz hat {actors} Akteure, eine Karte im Browser trägt höchstens {limit} — "
        "Ausschnitt wählen: --um AKTEUR (Umfeld) oder --sektor SEKTOR",
        "the network has {actors} actors, a map in the browser holds at most {limit} — "
        "choose a part: --around ACTOR (its surroundings) or --sector SECTOR",
    ),
    "karte.report_too_large": (
        "Die interaktive Karte fehlt, weil das Netz mit {actors} Akteuren für einen Browser zu "
        "groß ist (höchstens {limit}); netzwerk karte --um AKTEUR oder --sektor SEKTOR zeigt "
        "einen Ausschnitt.",
        "The interactive map is missing because the network, with {actors} actors, is too "
        "large for a browser (at most {limit}); netzwerk map --around ACTOR or --sector "
        "SECTOR shows a part.",
    ),
    "karte.report_link": (
        "Interaktive Karte: karte.html (im Browser öffnen; suchen, klicken, filtern, Zeitleiste)",
        "Interactive map: karte.html (open in a browser; search, click, filter, timeline)",
    ),
    "karte.written": ("Karte geschrieben: {path}", "Map written: {path}"),
    "karte.part_around": (
        "Ausschnitt: {steps} Schritte um {name}",
        "Part: {steps} steps around {name}",
    ),
    "karte.part_sector": (
        "Ausschnitt: Sektor {sector} und seine direkten Kontakte",
        "Part: sector {sector} and its direct contacts",
    ),
    "karte.cut_point_yes": ("ja", "yes"),
    "karte.cut_point_no": ("nein", "no"),
    # the page's own words
    "karte.search": ("Akteur suchen", "Search actor"),
    "karte.search_hint": (
        "Namen eingeben, Enter springt zum Akteur",
        "Type a name, Enter jumps to the actor",
    ),
    "karte.visible": ("{n} Akteure sichtbar", "{n} actors visible"),
    "karte.filters": ("Filter", "Filters"),
    "karte.filter_sector": ("Sektor", "Sector"),
    "karte.filter_type": ("Akteursart", "Actor type"),
    "karte.filter_kind": ("Beziehungsart", "Tie kind"),
    "karte.filter_topic": ("Thema", "Topic"),
    "karte.filter_project": ("Projekt", "Project"),
    "karte.all": ("alle", "all"),
    "karte.year": ("Stand", "As of"),
    "karte.colour_by": ("Farbe nach", "Colour by"),
    "karte.colour_sector": ("Sektor", "Sector"),
    "karte.colour_community": ("Gemeinschaft", "Community"),
    "karte.size_by": ("Größe nach", "Size by"),
    "karte.size_betweenness": ("Betweenness", "Betweenness"),
    "karte.size_degree": ("Anzahl Kontakte", "Number of contacts"),
    "karte.questions": ("Fragen an das Netz", "Questions"),
    "karte.show_brokers": ("Brückenbauer zeigen", "Show brokers"),
    "karte.show_cut_points": ("Nadelöhre zeigen", "Show cut-points"),
    "karte.show_unreached": ("Unerreichte zeigen", "Show unreached"),
    "karte.without_coordinator": ("Ohne QM", "Without the QM"),
    "karte.without_funding": ("Ohne auslaufende Förderung", "Without the funding running out"),
    "karte.reset": ("Alles zeigen", "Show everything"),
    "karte.print": ("Diese Ansicht drucken", "Print this view"),
    "karte.panel_close": ("Schließen", "Close"),
    "karte.type": ("Art", "Type"),
    "karte.sector": ("Sektor", "Sector"),
    "karte.topics": ("Themen", "Topics"),
    "karte.role": ("Rolle", "Role"),
    "karte.ties": ("Beziehungen", "Ties"),
    "karte.introductions": ("Vorgeschlagene Kontakte", "Suggested introductions"),
    "karte.introducer": ("über {name}", "via {name}"),
    "karte.ego": ("Umfeld", "Surroundings"),
    "karte.ego_1": ("1 Schritt", "1 step"),
    "karte.ego_2": ("2 Schritte", "2 steps"),
    "karte.ego_off": ("ganzes Netz", "whole network"),
    "karte.none": ("keine", "none"),
    "karte.cut_off_marked": (
        "{n} Akteure wären ohne den Koordinator abgeschnitten (orange markiert)",
        "{n} actors would be cut off without the coordinator (marked orange)",
    ),
    "karte.funding_cut_off_marked": (
        "{n} Akteure wären ohne die auslaufende Förderung abgeschnitten (markiert); die "
        "Verbindungen, die es nur durch die endenden Projekte gibt, sind ausgeblendet",
        "{n} actors would be cut off without the funding running out (marked); the ties "
        "that exist only through the ending projects are hidden",
    ),
}
TEXTS.update(
    {
        "karte.figures": ("Kennzahlen", "Figures"),
        "karte.no_figures": ("keine Kennzahlen am {day}", "no figures on {day}"),
        "karte.all_periods": ("alle Zeiträume", "all periods"),
        "karte.projects": ("Projekte", "Projects"),
        "karte.no_match": ("Kein Treffer", "No match"),
        "karte.visible_ties": ("{m} Beziehungen", "{m} ties"),
        "karte.marked": ("{n} markiert", "{n} highlighted"),
        "karte.hidden_note": (
            "Im gewählten Jahr oder Filter ausgeblendet.",
            "Hidden by the chosen year or filters.",
        ),
        "karte.webgl_missing": (
            "Dieser Browser kann die Karte nicht zeichnen (WebGL fehlt).",
            "This browser cannot draw the map (WebGL is missing).",
        ),
        "karte.needs_javascript": ("Die Karte braucht JavaScript.", "The map needs JavaScript."),
        "karte.map_label": (
            "Netzwerkkarte: ziehen verschiebt, Mausrad zoomt, Klick öffnet einen Akteur",
            "Network map: drag to move, wheel to zoom, click to open an actor",
        ),
        "karte.controls_label": ("Suche, Ansicht und Filter", "Search, view and filters"),
        "karte.report_open": (
            "Interaktive Karte öffnen (karte.html: suchen, anklicken, filtern, Zeitleiste)",
            "Open the interactive map (karte.html: search, click, filter, timeline)",
        ),
    }
)

_MAP_HELP = (
    "Die interaktive Netzwerkkarte schreiben: eine HTML-Datei, die ohne Internet im Browser "
    "öffnet (suchen, anklicken, filtern, Zeitleiste, Fragen an das Netz).\n\nPersonen sind "
    "pseudonymisiert, außer mit --names und ihrer Einwilligung.",
    "Write the interactive network map: one HTML file that opens offline in a browser "
    "(search, click, filter, timeline, questions to the network).\n\nPersons are "
    "pseudonymised unless --names is given and they consented.",
)
_MAP_OPTIONS = {
    "out_file": ("Zu schreibende HTML-Datei.", "HTML file to write."),
    "lang": (
        "Sprache der Karte (Standard: NETZWERK_LANG, sonst de).",
        "Language of the map (default: NETZWERK_LANG, else de).",
    ),
    "around": (
        "Nur das Umfeld dieses Akteurs zeigen (Kennung, Pseudonym oder Name).",
        "Show only this actor's surroundings (id, pseudonym or name).",
    ),
    "steps": (
        "Schritte um den Akteur bei --um: 1 direkte Kontakte, 2 auch deren Kontakte.",
        "Steps around the actor with --around: 1 direct contacts, 2 their contacts too.",
    ),
    "sector": (
        "Nur diesen Sektor und seine direkten Kontakte zeigen.",
        "Show only this sector and its direct contacts.",
    ),
}
TEXTS.update(command_help(("karte", "map"), _MAP_HELP, _MAP_OPTIONS))
