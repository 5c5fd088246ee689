"""The German texts of the privacy commands, in one place (English twin in each comment).

Kept apart from the logic so the wording can be reviewed by the district management's data
protection officer without reading code.
"""

from __future__ import annotations

# "netzwerk keeps no cache of analysis results and no pseudonym mapping table."
NO_CACHE_NO_MAPPING = (
    "Zwischenspeicher und Pseudonym-Zuordnung: netzwerk speichert keine Analyseergebnisse und "
    "keine Zuordnungstabelle. Pseudonyme (Person-XXXX-XXXX-XXXX) werden bei jeder Ausgabe per "
    "HMAC aus der Kennung berechnet; mit dem Datensatz ist auch jede Zuordnung verschwunden."
)

# "The ingest log holds only file names and counts."
INGEST_LOG = "Importprotokoll: enthält nur Dateinamen und Anzahlen, keine Inhalte."

# "Provenance (file, sheet, row) is stored on the records themselves and went with them."
PROVENANCE = (
    "Herkunftsangaben (Datei, Blatt, Zeile) stehen an den Datensätzen selbst und sind mit "
    "ihnen gelöscht."
)

# "The person is still in the source files: delete the row there, or the next ingest brings
# them back."
SOURCE_FILES = (
    "Die Quelldateien enthalten die Person weiterhin — dort die Zeile(n) löschen, sonst legt "
    "der nächste Import sie wieder an:"
)

# "Backups and copies of the store are not touched."
BACKUPS = (
    "Sicherungskopien des Speichers und weitergegebene Dateien sind nicht erfasst — dort "
    "gesondert löschen."
)

# Embedded store: vacuumed, write-ahead log emptied, raw bytes checked.
EMBEDDED_CLEAN = (
    "Eingebetteter Speicher: Datei neu geschrieben (VACUUM, secure_delete), Write-Ahead-Log "
    "geleert; Rohbytes von {files} geprüft: keine Spur von Name, E-Mail oder Telefon."
)
EMBEDDED_TRACES = (
    "WARNUNG: Rohbytes von {files} enthalten noch {what} — vermutlich in einem anderen "
    "Datensatz erwähnt (siehe unten); dort entfernen und erneut löschen."
)

# Neo4j keeps deleted data in store files and transaction logs until they are pruned.
NEO4J_PERSISTENCE = (
    "Neo4j: Knoten, Beziehungen und alle Eigenschaften sind gelöscht. ABER gelöschte Daten "
    "bleiben in den Speicherdateien (data/databases/<db>/, bis der Platz wiederverwendet "
    "wird) und in den Transaktionsprotokollen (data/transactions/<db>/) erhalten, bis diese "
    "bereinigt sind:\n"
    "  1. Transaktionsprotokolle: in neo4j.conf db.tx_log.rotation.retention_policy=false "
    '(nur die neueste Protokolldatei bleibt) oder z. B. "1 days" setzen; bereinigt wird beim '
    "nächsten Checkpoint (db.checkpoint.interval.time, Standard 15 min, und beim Herunterfahren; "
    "Enterprise: CALL db.checkpoint()). Die neueste Datei bleibt, bis sie rotiert "
    "(db.tx_log.rotation.size).\n"
    "  2. Speicherdateien: Server stoppen; Enterprise: neo4j-admin database copy <db> <neue-db> "
    "schreibt eine kompakte Kopie ohne gelöschte Datensätze. Community kennt diesen Befehl "
    "nicht: Verzeichnisse data/databases/<db> und data/transactions/<db> löschen, Server "
    "starten und mit netzwerk init und netzwerk ingest aus den bereinigten Quelldateien neu "
    "laden.\n"
    "  3. Dumps und Backups (neo4j-admin database dump/backup) enthalten die Person weiter."
)

# Mentions of the person left in other records.
MENTIONS = (
    "Erwähnungen in anderen Datensätzen (Name, Notiz, Rolle) — bitte in den Quelldateien "
    "prüfen und bereinigen:"
)

# Output folders.
OUTPUTS_DELETED = "Gelöschte Ausgabedateien (mit `netzwerk export` usw. neu erzeugen):"
OUTPUTS_FOUND = "Ausgabedateien, die die Person nennen (werden gelöscht):"
OUTPUTS_UNCHECKED = (
    "Nicht durchsuchbar (Bilder, PDF, Binärdateien) — von Hand prüfen oder neu erzeugen:"
)
OUTPUTS_SOURCES = (
    "Quelldateien im Ausgabeordner (werden nicht gelöscht, Person dort von Hand entfernen):"
)
OUTPUTS_NONE = "Ausgabeordner {folders}: keine Datei nennt die Person."
OUTPUTS_NOT_GIVEN = (
    "Berichte und Exporte außerhalb des Speichers sind nicht geprüft — Ordner mit --outputs "
    "angeben oder dort von Hand löschen und neu erzeugen."
)

# Data subject access / portability export (Art. 15 and 20 GDPR).
EXPORT_EXPLANATION = (
    "Diese Datei enthält alle Daten, die das Quartiersmanagement im Programm netzwerk über "
    "diesen Akteur gespeichert hat (Auskunft nach Art. 15 DSGVO, maschinenlesbar nach Art. 20 "
    "DSGVO): die Angaben zum Akteur, alle Beziehungen zu anderen Akteuren, Themen und Orten, "
    "die Beteiligung an Projekten und Veranstaltungen und zu jedem Eintrag die Herkunft "
    "(Datei, Blatt, Zeile, Importlauf). In Auswertungen erscheinen Personen nur unter ihrem "
    "Pseudonym, sofern sie nicht in die namentliche Nennung eingewilligt haben. netzwerk "
    "speichert keine weiteren Daten, keine Analyseergebnisse und keine Zuordnungstabelle."
)

# Processing record (Art. 30 GDPR).
RECORD_TITLE = "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) — Ausgangspunkt"
RECORD_INTRO = (
    "Automatisch aus dem Speicher erzeugt; die mit „offen“ markierten Angaben ergänzt die "
    "verantwortliche Stelle."
)
CATEGORIES = {
    "person_names": ("Namen natürlicher Personen", "Akteure vom Typ Person"),
    "person_contact": ("Kontaktdaten von Personen (E-Mail, Telefon)", "Spalte kontakt"),
    "organisation_contact": (
        "Kontaktdaten von Organisationen",
        "können Namen oder Durchwahl von Mitarbeitenden enthalten",
    ),
    "person_addresses": (
        "Anschriften von Personen",
        "Spalte adresse; in Auswertungen nur die Straße",
    ),
    "person_notes": ("Notizen zu Personen", "Notiz am Akteur oder an einer seiner Beziehungen"),
    "consent_flags": ("Einwilligungen in die namentliche Nennung", "ja/nein je Person"),
    "participation": ("Teilnahme an Veranstaltungen und Projekten", "Beteiligungen von Personen"),
    "person_ties": ("Beziehungen von Personen", "Kooperation, Mitgliedschaft, Förderung …"),
}
DATA_SUBJECTS = (
    "Bewohnerinnen und Bewohner, Eigentümerinnen und Eigentümer, Gewerbetreibende und "
    "Ehrenamtliche im Quartier (Akteure vom Typ Person) sowie Ansprechpersonen von "
    "Organisationen, soweit deren Kontaktdaten Personenbezug haben."
)
MEASURES = [
    "Pseudonymisierung natürlicher Personen in allen Auswertungen und Exporten (HMAC-SHA256; "
    "Schlüssel außerhalb der Ausgaben, NETZWERK_PSEUDONYM_KEY oder Schlüsseldatei mit "
    "Rechten 0600, im Team eine gemeinsame Datei über NETZWERK_PSEUDONYM_KEY_FILE); Namen "
    "nur mit Einwilligung und auf ausdrücklichen Wunsch (--names).",
    "Neben einem Pseudonym stehen in Exporten und Abfrageergebnissen keine Notizen, keine "
    "Straße und keine Herkunftsangaben (Datei, Blatt, Zeile), auch nicht an den Beziehungen "
    "der Person.",
    "Anschrift und Kontakt verlassen den Speicher nur in der Auskunft (netzwerk export-person).",
    "Der Neo4j-Server selbst enthält die Klardaten (Namen, Notizen, Anschriften): Zugang nur "
    "für die Beschäftigten, die die Daten pflegen.",
    "Löschen (netzwerk forget): eingebetteter Speicher mit secure_delete, VACUUM und "
    "geleertem Write-Ahead-Log; Neo4j siehe Hinweise zu Transaktionsprotokollen.",
    "Protokolle von netzwerk und des Neo4j-Treibers enthalten keine Werte aus den Daten und "
    "keine Zugangsdaten; Neo4j-Zugangsdaten nur aus Umgebungsvariablen.",
    "Ausgabedateien werden atomar geschrieben (nie halb geschriebene Dateien).",
]
TO_COMPLETE = [
    "Verantwortliche Stelle und Kontakt: offen",
    "Datenschutzbeauftragte/r: offen",
    "Zweck der Verarbeitung: offen (z. B. Netzwerkarbeit und Beteiligung im Quartier)",
    "Rechtsgrundlage: offen (z. B. Art. 6 Abs. 1 lit. e DSGVO i. V. m. Auftrag der Stadt; "
    "Einwilligung für namentliche Nennung)",
    "Empfänger und Übermittlungen: offen",
    "Zugriffsberechtigte: offen",
]
RETENTION_SETTING = {
    "env": "aus NETZWERK_RETENTION_YEARS",
    "default": "Standard (NETZWERK_RETENTION_YEARS nicht gesetzt)",
    "option": "per --years angegeben",
}
RETENTION_RULE = (
    "Akteure und Beziehungen, deren Ende („bis“) länger als {years} Jahre zurückliegt (vor dem "
    "{cutoff}), werden mit `netzwerk retention --apply` gelöscht."
)

# ---------------------------------------------------------------------- shared pseudonym key
# Errors about the key file NETZWERK_PSEUDONYM_KEY_FILE names (English twin in each comment);
# they name the file, never its content.

# '{variable} "{path}": file not found — check the path, or copy the team's key file there'
KEY_FILE_MISSING = (
    '{variable} "{path}": Schlüsseldatei nicht gefunden — Pfad prüfen oder die '
    "Schlüsseldatei des Teams dorthin kopieren"
)
# '{variable} "{path}": key file readable by others (mode {mode}) — make it owner-only:
# chmod 600 "{path}"'
KEY_FILE_OPEN = (
    '{variable} "{path}": Schlüsseldatei für andere lesbar (Rechte {mode}) — nur für den '
    'Besitzer lesbar machen: chmod 600 "{path}"'
)
# '{variable} "{path}": key file cannot be read ({reason}) — check path and permissions'
KEY_FILE_UNREADABLE = (
    '{variable} "{path}": Schlüsseldatei nicht lesbar ({reason}) — Pfad und Rechte prüfen'
)
# '{variable} "{path}": key too short ({length} characters, at least {minimum}) — create
# a key with: python -c "import secrets; print(secrets.token_hex(32))"'
KEY_FILE_SHORT = (
    '{variable} "{path}": Schlüssel zu kurz ({length} Zeichen, mindestens {minimum}) — '
    'neuen Schlüssel erzeugen: python -c "import secrets; print(secrets.token_hex(32))"'
)
