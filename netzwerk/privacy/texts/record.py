"""Texts of retention (`netzwerk retention`) and of the record of processing activities
(`netzwerk privacy-record`, Art. 30 GDPR)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ retention
    "retention.setting.env": ("aus NETZWERK_RETENTION_YEARS", "from NETZWERK_RETENTION_YEARS"),
    "retention.setting.default": (
        "Standard (NETZWERK_RETENTION_YEARS nicht gesetzt)",
        "default (NETZWERK_RETENTION_YEARS not set)",
    ),
    "retention.setting.option": ("per --years angegeben", "given with --years"),
    "retention.period": ("{years}, {setting}", "{years}, {setting}"),
    "retention.rule": (
        "Aufbewahrungsfrist: {period}. Akteure und Beziehungen, deren Ende („bis“) länger "
        "als {years} zurückliegt (vor dem {cutoff}), werden mit `netzwerk retention --apply` "
        "gelöscht.",
        "Retention period: {period}. Actors and ties whose end (“until”) lies more than "
        "{years} back (before {cutoff}) are deleted with `netzwerk retention --apply`.",
    ),
    "retention.summary": (
        "{rule} Betroffen: {actors}, {ties}, {other_ties}.",
        "{rule} Affected: {actors}, {ties}, {other_ties}.",
    ),
    "retention.col.kind": ("Art", "Kind"),
    "retention.col.id": ("Kennung", "Id"),
    "retention.col.reason": ("Grund", "Reason"),
    "retention.actor": ("Akteur", "Actor"),
    "retention.tie": ("Beziehung", "Tie"),
    "retention.reason.expired": ("Ende vor Stichtag", "ended before cutoff"),
    "retention.reason.actor": ("Akteur wird gelöscht", "actor is deleted"),
    "retention.nothing_deleted": (
        "Nichts gelöscht — mit --apply löschen.",
        "Nothing deleted — delete with --apply.",
    ),
    "retention.nothing_to_delete": ("Nichts zu löschen.", "Nothing to delete."),
    "retention.confirm": (
        "{actors} und {ties} endgültig löschen?",
        "Delete {actors} and {ties} for good?",
    ),
    "retention.deleted": ("Gelöscht: {actors}, {ties}.", "Deleted: {actors}, {ties}."),
    "retention.changed": (
        "Hinweis: der Speicher hat sich seit der Auflistung geändert; gelöscht wurde, was zum "
        "Zeitpunkt des Löschens abgelaufen war.",
        "Note: the store changed since the listing; what had expired at the time of deleting "
        "was deleted.",
    ),
    "retention.bad_years": (
        "Aufbewahrungsfrist {where}: ganze Zahl von Jahren zwischen 1 und 100 angeben, z. B. 3",
        "retention period {where}: give a whole number of years from 1 to 100, e.g. 3",
    ),
    # ------------------------------------------------------------------ record (Art. 30 GDPR)
    "record.title": (
        "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 DSGVO) — Ausgangspunkt",
        "Record of processing activities (Art. 30 GDPR) — starting point",
    ),
    "record.intro": (
        "Automatisch aus dem Speicher erzeugt; die mit „offen“ markierten Angaben ergänzt die "
        "verantwortliche Stelle.",
        "Generated automatically from the store; the controller fills in the items marked “open”.",
    ),
    "record.generated": ("Erstellt: {generated}", "Generated: {generated}"),
    "record.store": ("Speicher: {store}", "Store: {store}"),
    "record.subjects": ("Betroffene Personen", "Data subjects"),
    "record.subject_counts": (
        "Personen: {persons} (davon an Veranstaltungen/Projekten beteiligt: {in_events}); "
        "Organisationen: {organisations}",
        "Persons: {persons} (of whom taking part in events/projects: {in_events}); "
        "organisations: {organisations}",
    ),
    "record.categories": ("Kategorien personenbezogener Daten", "Categories of personal data"),
    "record.col.category": ("Kategorie", "Category"),
    "record.col.count": ("Anzahl", "Count"),
    "record.col.note": ("Hinweis", "Note"),
    "record.consent": ("Einwilligungen: ja {yes}, nein {no}", "Consent: yes {yes}, no {no}"),
    "record.sources": ("Herkunft (Importprotokoll)", "Sources (ingest log)"),
    "record.col.file": ("Datei", "File"),
    "record.col.runs": ("Importe", "Ingests"),
    "record.col.first": ("erster", "first"),
    "record.col.last": ("letzter", "last"),
    "record.retention": ("Löschfrist", "Retention"),
    "record.expired": (
        "Derzeit abgelaufen: {actors}, {ties}.",
        "Expired now: {actors}, {ties}.",
    ),
    "record.measures": (
        "Technische und organisatorische Maßnahmen",
        "Technical and organisational measures",
    ),
    "record.to_complete": ("Noch zu ergänzen", "Still to fill in"),
    "record.data_subjects": (
        "Bewohnerinnen und Bewohner, Eigentümerinnen und Eigentümer, Gewerbetreibende und "
        "Ehrenamtliche im Quartier (Akteure vom Typ Person) sowie Ansprechpersonen von "
        "Organisationen, soweit deren Kontaktdaten Personenbezug haben.",
        "Residents, property owners, business people and volunteers in the district (actors "
        "of type person), and contact persons of organisations where their contact data "
        "relates to a person.",
    ),
    # categories of personal data: name, then a note (see `CATEGORY_KEYS`)
    "category.person_names": ("Namen natürlicher Personen", "Names of natural persons"),
    "category.person_names.note": ("Akteure vom Typ Person", "actors of type person"),
    "category.person_contact": (
        "Kontaktdaten von Personen (E-Mail, Telefon)",
        "Contact data of persons (e-mail, phone)",
    ),
    "category.person_contact.note": ("Spalte kontakt", "column kontakt (contact)"),
    "category.organisation_contact": (
        "Kontaktdaten von Organisationen",
        "Contact data of organisations",
    ),
    "category.organisation_contact.note": (
        "können Namen oder Durchwahl von Mitarbeitenden enthalten",
        "may hold names or direct lines of staff",
    ),
    "category.person_addresses": ("Anschriften von Personen", "Addresses of persons"),
    "category.person_addresses.note": (
        "Spalte adresse; in Auswertungen nur die Straße",
        "column adresse (address); analyses show the street only",
    ),
    "category.person_notes": ("Notizen zu Personen", "Notes about persons"),
    "category.person_notes.note": (
        "Notiz am Akteur oder an einer seiner Beziehungen",
        "note on the actor or on one of its ties",
    ),
    "category.consent_flags": (
        "Einwilligungen in die namentliche Nennung",
        "Consent to being named",
    ),
    "category.consent_flags.note": ("ja/nein je Person", "yes/no per person"),
    "category.participation": (
        "Teilnahme an Veranstaltungen und Projekten",
        "Taking part in events and projects",
    ),
    "category.participation.note": ("Beteiligungen von Personen", "participation of persons"),
    "category.person_ties": ("Beziehungen von Personen", "Ties of persons"),
    "category.person_ties.note": (
        "Kooperation, Mitgliedschaft, Förderung …",
        "cooperation, membership, funding …",
    ),
    "measure.pseudonyms": (
        "Pseudonymisierung natürlicher Personen in allen Auswertungen und Exporten "
        "(HMAC-SHA256; Schlüssel außerhalb der Ausgaben, NETZWERK_PSEUDONYM_KEY oder "
        "Schlüsseldatei mit Rechten 0600, im Team eine gemeinsame Datei über "
        "NETZWERK_PSEUDONYM_KEY_FILE); Namen nur mit Einwilligung und auf ausdrücklichen "
        "Wunsch (--names).",
        "Pseudonymisation of natural persons in all analyses and exports (HMAC-SHA256; key "
        "kept out of the outputs, NETZWERK_PSEUDONYM_KEY or a key file with mode 0600, in a "
        "team one shared file through NETZWERK_PSEUDONYM_KEY_FILE); names only with consent "
        "and when explicitly asked for (--names).",
    ),
    "measure.withheld": (
        "Neben einem Pseudonym stehen in Exporten und Abfrageergebnissen keine Notizen, keine "
        "Straße und keine Herkunftsangaben (Datei, Blatt, Zeile), auch nicht an den "
        "Beziehungen der Person.",
        "Next to a pseudonym, exports and query results show no notes, no street and no "
        "provenance (file, sheet, row), not on the person's ties either.",
    ),
    "measure.address": (
        "Anschrift und Kontakt verlassen den Speicher nur in der Auskunft "
        "(netzwerk export-person).",
        "Address and contact leave the store only in the access copy (netzwerk export-person).",
    ),
    "measure.neo4j": (
        "Der Neo4j-Server selbst enthält die Klardaten (Namen, Notizen, Anschriften): Zugang "
        "nur für die Beschäftigten, die die Daten pflegen.",
        "The Neo4j server itself holds the plain data (names, notes, addresses): access only "
        "for the staff who maintain the data.",
    ),
    "measure.erasure": (
        "Löschen (netzwerk forget): eingebetteter Speicher mit secure_delete, VACUUM und "
        "geleertem Write-Ahead-Log; Neo4j siehe Hinweise zu Transaktionsprotokollen.",
        "Erasure (netzwerk forget): embedded store with secure_delete, VACUUM and an emptied "
        "write-ahead log; for Neo4j see the notes on transaction logs.",
    ),
    "measure.logs": (
        "Protokolle von netzwerk und des Neo4j-Treibers enthalten keine Werte aus den Daten "
        "und keine Zugangsdaten; Neo4j-Zugangsdaten nur aus Umgebungsvariablen.",
        "Logs of netzwerk and of the Neo4j driver hold no values from the data and no "
        "credentials; Neo4j credentials come from environment variables only.",
    ),
    "measure.atomic": (
        "Ausgabedateien werden atomar geschrieben (nie halb geschriebene Dateien).",
        "Output files are written atomically (never half-written files).",
    ),
    "complete.controller": (
        "Verantwortliche Stelle und Kontakt: offen",
        "Controller and contact: open",
    ),
    "complete.officer": ("Datenschutzbeauftragte/r: offen", "Data protection officer: open"),
    "complete.purpose": (
        "Zweck der Verarbeitung: offen (z. B. Netzwerkarbeit und Beteiligung im Quartier)",
        "Purpose of processing: open (e.g. network work and participation in the district)",
    ),
    "complete.legal_basis": (
        "Rechtsgrundlage: offen (z. B. Art. 6 Abs. 1 lit. e DSGVO i. V. m. Auftrag der Stadt; "
        "Einwilligung für namentliche Nennung)",
        "Legal basis: open (e.g. Art. 6(1)(e) GDPR with the city's mandate; consent for being "
        "named)",
    ),
    "complete.recipients": (
        "Empfänger und Übermittlungen: offen",
        "Recipients and transfers: open",
    ),
    "complete.access": ("Zugriffsberechtigte: offen", "Persons with access: open"),
}
