"""Texts of erasure (`netzwerk forget`, Art. 17 GDPR): the plan, the report, what is left to do."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ erasure (forget)
    "forget.plan": (
        "Zu löschen: {kind} {actor}, {ties} (davon {participation}) mit ihren Herkunftsangaben.",
        "To delete: {kind} {actor}, {ties} (of which {participation}) with their provenance.",
    ),
    "forget.person": ("Person", "person"),
    "forget.actor": ("Akteur", "actor"),
    "forget.plan_ingest_log": (
        "Importprotokoll: {count} Dateiname(n) nennen die Person und werden ersetzt.",
        "Ingest log: {count} file name(s) name the person and will be replaced.",
    ),
    "forget.confirm": ("{label} endgültig löschen?", "Delete {label} for good?"),
    "forget.deleted": (
        "Gelöscht: Akteur {actor}, {ties} (davon {participation}). {provenance}",
        "Deleted: actor {actor}, {ties} (of which {participation}). {provenance}",
    ),
    "forget.provenance": (
        "Herkunftsangaben (Datei, Blatt, Zeile) stehen an den Datensätzen selbst und sind mit "
        "ihnen gelöscht.",
        "Provenance (file, sheet, row) is stored on the records themselves and was deleted "
        "with them.",
    ),
    "forget.ingest_log": (
        "Importprotokoll: enthält nur Dateinamen und Anzahlen, keine Inhalte.",
        "Ingest log: holds only file names and counts, no contents.",
    ),
    "forget.ingest_log_renamed": (
        " {count} Eintrag/Einträge nannten die Person im Dateinamen: ersetzt.",
        " {count} entry/entries named the person in a file name: replaced.",
    ),
    "forget.no_cache_no_mapping": (
        "Zwischenspeicher und Pseudonym-Zuordnung: netzwerk speichert keine Analyseergebnisse "
        "und keine Zuordnungstabelle. Pseudonyme (Person-XXXX-XXXX-XXXX) werden bei jeder "
        "Ausgabe per HMAC aus der Kennung berechnet; mit dem Datensatz ist auch jede Zuordnung "
        "verschwunden.",
        "Cache and pseudonym mapping: netzwerk keeps no analysis results and no mapping table. "
        "Pseudonyms (Person-XXXX-XXXX-XXXX) are computed from the id by HMAC on every output; "
        "with the record, every mapping is gone too.",
    ),
    "forget.source_files": (
        "Die Quelldateien enthalten die Person weiterhin — dort die Zeile(n) löschen, sonst "
        "legt der nächste Import sie wieder an:",
        "The source files still hold the person — delete the row(s) there, or the next "
        "ingest brings them back:",
    ),
    "forget.backups": (
        "Sicherungskopien des Speichers und weitergegebene Dateien sind nicht erfasst — dort "
        "gesondert löschen.",
        "Backups of the store and files passed on to others are not covered — delete there "
        "separately.",
    ),
    "forget.embedded_clean": (
        "Eingebetteter Speicher: Datei neu geschrieben (VACUUM, secure_delete), "
        "Write-Ahead-Log geleert; Rohbytes von {files} geprüft: keine Spur von Name, E-Mail "
        "oder Telefon.",
        "Embedded store: file rewritten (VACUUM, secure_delete), write-ahead log emptied; raw "
        "bytes of {files} checked: no trace of name, e-mail or phone.",
    ),
    "forget.embedded_traces": (
        "WARNUNG: Rohbytes von {files} enthalten noch {what} — vermutlich in einem anderen "
        "Datensatz erwähnt (siehe unten); dort entfernen und erneut löschen.",
        "WARNING: raw bytes of {files} still hold {what} — probably mentioned in another "
        "record (see below); remove it there and erase again.",
    ),
    "forget.mentions": (
        "Erwähnungen in anderen Datensätzen (Name, Notiz, Rolle) — bitte in den Quelldateien "
        "prüfen und bereinigen:",
        "Mentions in other records (name, note, role) — please check and clean them in the "
        "source files:",
    ),
    "forget.mention_tie": ("Beziehung", "tie"),
    "forget.row": ("Zeile {row}", "row {row}"),
    "outputs.deleted": (
        "Gelöschte Ausgabedateien (mit `netzwerk export` usw. neu erzeugen):",
        "Deleted output files (create them again with `netzwerk export` etc.):",
    ),
    "outputs.found": (
        "Ausgabedateien, die die Person nennen (werden gelöscht):",
        "Output files that name the person (will be deleted):",
    ),
    "outputs.unchecked": (
        "Nicht durchsuchbar (Bilder, PDF, Binärdateien) — von Hand prüfen oder neu erzeugen:",
        "Not searchable (images, PDF, binary files) — check by hand or create them again:",
    ),
    "outputs.sources": (
        "Quelldateien im Ausgabeordner (werden nicht gelöscht, Person dort von Hand entfernen):",
        "Source files in the output folder (not deleted; remove the person there by hand):",
    ),
    "outputs.stores": (
        "Weitere netzwerk-Speicher nennen die Person — dort ebenfalls "
        "`netzwerk --store DATEI forget` ausführen:",
        "Other netzwerk stores name the person — run `netzwerk --store FILE forget` there too:",
    ),
    "outputs.none": (
        "Ausgabeordner {folders}: keine Datei nennt die Person.",
        "Output folder(s) {folders}: no file names the person.",
    ),
    "outputs.not_given": (
        "Berichte und Exporte außerhalb des Speichers sind nicht geprüft — Ordner mit "
        "--outputs angeben oder dort von Hand löschen und neu erzeugen.",
        "Reports and exports outside the store were not checked — give their folders with "
        "--outputs, or delete them there by hand and create them again.",
    ),
    # the kinds of trace `netzwerk.privacy.traces` finds (its labels are the German words)
    "trace.Name": ("Name", "name"),
    "trace.E-Mail": ("E-Mail", "e-mail"),
    "trace.Telefon": ("Telefon", "phone"),
    "trace.Kontakt": ("Kontakt", "contact"),
    "trace.Anschrift": ("Anschrift", "address"),
    "trace.Pseudonym": ("Pseudonym", "pseudonym"),
    "confirm.no_terminal": (
        "Löschen muss bestätigt werden, aber es gibt keine Eingabe (kein Terminal) — Befehl "
        "mit --yes wiederholen, wenn sicher",
        "deleting must be confirmed, but there is no input (no terminal) — repeat the "
        "command with --yes if sure",
    ),
    # Neo4j keeps deleted data in store files and transaction logs until they are pruned.
    "neo4j.persistence": (
        "Neo4j: Knoten, Beziehungen und alle Eigenschaften sind gelöscht. ABER gelöschte "
        "Daten bleiben in den Speicherdateien (data/databases/<db>/, bis der Platz "
        "wiederverwendet wird) und in den Transaktionsprotokollen (data/transactions/<db>/) "
        "erhalten, bis diese bereinigt sind:\n"
        "  1. Transaktionsprotokolle: in neo4j.conf db.tx_log.rotation.retention_policy=false "
        '(nur die neueste Protokolldatei bleibt) oder z. B. "1 days" setzen; bereinigt wird '
        "beim nächsten Checkpoint (db.checkpoint.interval.time, Standard 15 min, und beim "
        "Herunterfahren; Enterprise: CALL db.checkpoint()). Die neueste Datei bleibt, bis sie "
        "rotiert (db.tx_log.rotation.size).\n"
        "  2. Speicherdateien: Server stoppen; Enterprise: neo4j-admin database copy <db> "
        "<neue-db> schreibt eine kompakte Kopie ohne gelöschte Datensätze. Community kennt "
        "diesen Befehl nicht: Verzeichnisse data/databases/<db> und data/transactions/<db> "
        "löschen, Server starten und mit netzwerk init und netzwerk ingest aus den "
        "bereinigten Quelldateien neu laden.\n"
        "  3. Dumps und Backups (neo4j-admin database dump/backup) enthalten die Person weiter.",
        "Neo4j: nodes, relationships and all properties are deleted. BUT deleted data stays "
        "in the store files (data/databases/<db>/, until the space is reused) and in the "
        "transaction logs (data/transactions/<db>/) until these are pruned:\n"
        "  1. Transaction logs: in neo4j.conf set db.tx_log.rotation.retention_policy=false "
        '(only the newest log file stays) or e.g. "1 days"; pruning happens at the next '
        "checkpoint (db.checkpoint.interval.time, default 15 min, and at shutdown; "
        "Enterprise: CALL db.checkpoint()). The newest file stays until it rotates "
        "(db.tx_log.rotation.size).\n"
        "  2. Store files: stop the server; Enterprise: neo4j-admin database copy <db> "
        "<new-db> writes a compact copy without deleted records. Community lacks this "
        "command: delete the folders data/databases/<db> and data/transactions/<db>, start "
        "the server and load again with netzwerk init and netzwerk ingest from the cleaned "
        "source files.\n"
        "  3. Dumps and backups (neo4j-admin database dump/backup) still hold the person.",
    ),
}
