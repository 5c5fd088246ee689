"""Every text of the privacy commands, German (the default) next to its English twin.

Kept apart from the logic so the wording can be reviewed by the district management's data
protection officer without reading code. The privacy layer may not import
`netzwerk.present`, so its texts live here rather than in `netzwerk.present.texts`; they
follow the same shape (``key: (German, English)``, `privacy_text` to fill one in).
The texts of erasure are in `erasure`, those of retention and the Art. 30 record in
`record`, the rest (counted nouns, the access copy, key-file errors) here; `TEXTS` is their
union.

>>> privacy_text("retention.nothing_to_delete", "en")
'Nothing to delete.'
>>> counted(1, "actor"), counted(2, "actor", "en")
('1 Akteur', '2 actors')
"""

from __future__ import annotations

from netzwerk.privacy.texts import erasure, record

_OWN: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ counted nouns
    # "singular|plural" (see `counted`)
    "noun.actor": ("Akteur|Akteure", "actor|actors"),
    "noun.tie": ("Beziehung|Beziehungen", "tie|ties"),
    "noun.participation": ("Beteiligung|Beteiligungen", "participation|participations"),
    "noun.year": ("Jahr|Jahre", "year|years"),
    "noun.expired_tie": (
        "abgelaufene Beziehung|abgelaufene Beziehungen",
        "expired tie|expired ties",
    ),
    "noun.other_tie": (
        "weitere Beziehung dieser Akteure|weitere Beziehungen dieser Akteure",
        "other tie of these actors|other ties of these actors",
    ),
    # ------------------------------------------------------------------ access (export-person)
    # Data subject access / portability export (Art. 15 and 20 GDPR).
    "export.explanation": (
        "Diese Datei enthält alle Daten, die das Quartiersmanagement im Programm netzwerk über "
        "diesen Akteur gespeichert hat (Auskunft nach Art. 15 DSGVO, maschinenlesbar nach "
        "Art. 20 DSGVO): die Angaben zum Akteur, alle Beziehungen zu anderen Akteuren, Themen "
        "und Orten, die Beteiligung an Projekten und Veranstaltungen und zu jedem Eintrag die "
        "Herkunft (Datei, Blatt, Zeile, Importlauf). In Auswertungen erscheinen Personen nur "
        "unter ihrem Pseudonym, sofern sie nicht in die namentliche Nennung eingewilligt "
        "haben. netzwerk speichert keine weiteren Daten, keine Analyseergebnisse und keine "
        "Zuordnungstabelle.",
        "This file holds all data the district management has stored about this actor in the "
        "program netzwerk (access under Art. 15 GDPR, machine-readable under Art. 20 GDPR): "
        "the actor's details, all ties to other actors, topics and places, the participation "
        "in projects and events, and for each entry where it came from (file, sheet, row, "
        "ingest run). In analyses, persons appear only under their pseudonym unless they "
        "consented to being named. netzwerk stores no other data, no analysis results and no "
        "mapping table.",
    ),
    "export.written": (
        "Geschrieben: {path} (enthält personenbezogene Daten — sicher übergeben, danach löschen)",
        "Written: {path} (holds personal data — hand it over securely, then delete it)",
    ),
    # ------------------------------------------------------------------ shared pseudonym key
    # Errors about the key file NETZWERK_PSEUDONYM_KEY_FILE names; they name the file, never
    # its content (raised as ConfigError, printed by the common error printer in German).
    "key_file.missing": (
        '{variable} "{path}": Schlüsseldatei nicht gefunden — Pfad prüfen oder die '
        "Schlüsseldatei des Teams dorthin kopieren",
        '{variable} "{path}": file not found — check the path, or copy the team\'s key file there',
    ),
    "key_file.open": (
        '{variable} "{path}": Schlüsseldatei für andere lesbar (Rechte {mode}) — nur für den '
        'Besitzer lesbar machen: chmod 600 "{path}"',
        '{variable} "{path}": key file readable by others (mode {mode}) — make it owner-only: '
        'chmod 600 "{path}"',
    ),
    "key_file.unreadable": (
        '{variable} "{path}": Schlüsseldatei nicht lesbar ({reason}) — Pfad und Rechte prüfen',
        '{variable} "{path}": key file cannot be read ({reason}) — check path and permissions',
    ),
    "key_file.short": (
        '{variable} "{path}": Schlüssel zu kurz ({length} Zeichen, mindestens {minimum}) — '
        'neuen Schlüssel erzeugen: python -c "import secrets; print(secrets.token_hex(32))"',
        '{variable} "{path}": key too short ({length} characters, at least {minimum}) — '
        'create a key with: python -c "import secrets; print(secrets.token_hex(32))"',
    ),
}


TEXTS: dict[str, tuple[str, str]] = {**_OWN, **erasure.TEXTS, **record.TEXTS}
"""Every privacy text by key: (German, English); a key is in one module only (tested)."""

CATEGORY_KEYS = (
    "person_names",
    "person_contact",
    "organisation_contact",
    "person_addresses",
    "person_notes",
    "consent_flags",
    "participation",
    "person_ties",
)
"""The categories of personal data in the Art. 30 record, in order (``category.<key>``)."""

MEASURE_KEYS = tuple(key for key in TEXTS if key.startswith("measure."))
"""The technical and organisational measures, in the order above."""

TO_COMPLETE_KEYS = tuple(key for key in TEXTS if key.startswith("complete."))
"""What the controller still has to fill in, in the order above."""


def privacy_text(key: str, lang: str = "de", /, **fields: object) -> str:
    """The text ``key`` in ``lang`` ('de' or 'en'), with ``{placeholders}`` filled in.

    >>> privacy_text("forget.row", "de", row=5), privacy_text("forget.row", "en", row=5)
    ('Zeile 5', 'row 5')
    """
    german, english = TEXTS[key]
    template = english if lang == "en" else german
    return template.format(**fields) if fields else template


def counted(count: int, noun: str, lang: str = "de") -> str:
    """``count`` and the noun ``noun.<noun>`` in singular or plural.

    >>> counted(1, "year"), counted(3, "year", "en"), counted(0, "tie", "en")
    ('1 Jahr', '3 years', '0 ties')
    """
    singular, plural = privacy_text(f"noun.{noun}", lang).split("|")
    return f"{count} {singular if count == 1 else plural}"
