"""Texts of the counts `validate` and `ingest` print: records and ties by how they came
about, with singular and plural (German next to English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ derived links
    # "noun.<word>": singular|plural after a number (`present.formats.plural`); record kinds,
    # Beziehung and Beteiligung are in `texts.tables`
    "noun.derived": (
        "abgeleitete Verknüpfung|abgeleitete Verknüpfungen",
        "derived link|derived links",
    ),
    "noun.works_on": ("zu einem Thema|zu Themen", "to a topic|to topics"),
    "noun.located_at": ("zu einem Ort|zu Orten", "to a place|to places"),
    "noun.runs": ("Trägerschaft|Trägerschaften", "run by|run by"),
    "noun.funding": ("Förderung|Förderungen", "funding|funding"),
    "noun.other_kind": ("sonstige|sonstige", "other|other"),
    # ------------------------------------------------------------------ sentences
    "count.none": ("keine Einträge", "no entries"),
    "count.and": ("und", "and"),
    "count.derived_intro": ("dazu", "plus"),
    "count.validate_ok": ("Keine Fehler: {counts}.", "No errors: {counts}."),
    "count.read": ("Gelesen: {counts}.", "Read: {counts}."),
    "count.all_ties_row": ("Verknüpfungen (alle)", "Links (all)"),
    # ------------------------------------------------------------------ data sources
    "noun.load": ("Ladevorgang|Ladevorgänge", "load|loads"),
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
