"""Texts of the counts `validate` and `ingest` print: records and ties by how they came
about, with singular and plural (German next to English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ record kinds
    # "count.<kind>.one" / "count.<kind>.other": the word after a number (1 / any other)
    "count.actors.one": ("Akteur", "actor"),
    "count.actors.other": ("Akteure", "actors"),
    "count.topics.one": ("Thema", "topic"),
    "count.topics.other": ("Themen", "topics"),
    "count.projects.one": ("Projekt", "project"),
    "count.projects.other": ("Projekte", "projects"),
    "count.events.one": ("Veranstaltung", "event"),
    "count.events.other": ("Veranstaltungen", "events"),
    "count.places.one": ("Ort", "place"),
    "count.places.other": ("Orte", "places"),
    # ------------------------------------------------------------------ ties by origin
    "count.stated.one": ("Beziehung", "tie"),
    "count.stated.other": ("Beziehungen", "ties"),
    "count.participations.one": ("Beteiligung", "participation"),
    "count.participations.other": ("Beteiligungen", "participations"),
    "count.derived.one": ("abgeleitete Verknüpfung", "derived link"),
    "count.derived.other": ("abgeleitete Verknüpfungen", "derived links"),
    "count.works_on.one": ("zu einem Thema", "to a topic"),
    "count.works_on.other": ("zu Themen", "to topics"),
    "count.located_at.one": ("zu einem Ort", "to a place"),
    "count.located_at.other": ("zu Orten", "to places"),
    "count.runs.one": ("Trägerschaft", "run by"),
    "count.runs.other": ("Trägerschaften", "run by"),
    "count.funding.one": ("Förderung", "funding"),
    "count.funding.other": ("Förderungen", "funding"),
    "count.other_kind.one": ("sonstige", "other"),
    "count.other_kind.other": ("sonstige", "other"),
    # ------------------------------------------------------------------ sentences
    "count.none": ("keine Einträge", "no entries"),
    "count.and": ("und", "and"),
    "count.derived_intro": ("dazu", "plus"),
    "count.validate_ok": ("Keine Fehler: {counts}.", "No errors: {counts}."),
    "count.read": ("Gelesen: {counts}.", "Read: {counts}."),
    "count.all_ties_row": ("Verknüpfungen (alle)", "Links (all)"),
    # ------------------------------------------------------------------ data sources
    "sources.loads.one": ("{count} Ladevorgang", "{count} load"),
    "sources.loads.other": ("{count} Ladevorgänge", "{count} loads"),
    "sources.col.file": ("Datei", "File"),
    "sources.col.last": ("zuletzt geladen", "last loaded"),
    "sources.col.loads": ("Ladevorgänge", "Loads"),
    "sources.heading": ("Datenquellen", "Data sources"),
    "sources.line_once": ("{file} (eingelesen am {day})", "{file} (read on {day})"),
    "sources.line": (
        "{file} (zuletzt eingelesen am {day}, {loads})",
        "{file} (last read on {day}, {loads})",
    ),
}
