"""Texts of the command line's tables: column titles of `brokers`, `keyplayers`,
`dependency`, `status`, `ingest`, `query`, `retention` and `privacy-record`, the measures
of `dependency`'s summary, and the nouns `netzwerk.present.formats.plural` counts with
("singular|plural"). German next to English. Column titles shared with the report
(``col.actor``, ``col.betweenness`` …) live in `netzwerk.present.texts.analyses`."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "table.empty": ("(keine Einträge)", "(no entries)"),
    "output.sheet": ("Tabelle {number}", "Table {number}"),
    "output.written": ("Geschrieben: {path}", "Written: {path}"),
    "output.xlsx_terminal": (
        '{option} "xlsx": eine Arbeitsmappe ist binär und gehört nicht ins Terminal — mit '
        "--out DATEI.xlsx in eine Datei schreiben",
        '{option} "xlsx": a workbook is binary and does not belong in a terminal — write it '
        "to a file with --out FILE.xlsx",
    ),
    # ------------------------------------------------------------------ nouns (plural)
    "noun.actor": ("Akteur|Akteure", "actor|actors"),
    "noun.topic": ("Thema|Themen", "topic|topics"),
    "noun.project": ("Projekt|Projekte", "project|projects"),
    "noun.event": ("Veranstaltung|Veranstaltungen", "event|events"),
    "noun.place": ("Ort|Orte", "place|places"),
    "noun.tie": ("Beziehung|Beziehungen", "tie|ties"),
    "noun.participation": ("Beteiligung|Beteiligungen", "participation|participations"),
    "noun.entry": ("Eintrag|Einträge", "entry|entries"),
    # ------------------------------------------------------------------ column titles
    "col.name": ("Name", "Name"),
    "col.entry": ("Eintrag", "Entry"),
    "col.group": ("Gruppe", "Group"),
    "col.group_a": ("Gruppe A", "Group A"),
    "col.group_b": ("Gruppe B", "Group B"),
    "col.measure": ("Kennzahl", "Measure"),
    "col.value": ("Wert", "Value"),
    "col.before": ("vorher", "before"),
    "col.after": ("nachher", "after"),
    "col.F_before": ("Fragmentierung vorher", "Fragmentation before"),
    "col.F_after": ("Fragmentierung nachher", "Fragmentation after"),
    "col.DF_before": ("Abstandsfragmentierung vorher", "Distance fragmentation before"),
    "col.DF_after": ("Abstandsfragmentierung nachher", "Distance fragmentation after"),
    "col.F_alone": (
        "Fragmentierung nur ohne diesen Akteur",
        "Fragmentation without this actor alone",
    ),
    "col.F_share": ("Anteil an der Gruppe", "Share in the set"),
    "col.DF_alone": (
        "Abstandsfragmentierung nur ohne diesen Akteur",
        "Distance fragmentation without this actor alone",
    ),
    "col.DF_share": ("Anteil an der Gruppe", "Share in the set"),
    "col.run": ("Lauf", "Run"),
    "col.time": ("Zeit", "Time"),
    "col.files": ("Dateien", "Files"),
    "col.new": ("neu", "new"),
    "col.changed": ("geändert", "changed"),
    "col.unchanged": ("unverändert", "unchanged"),
    "col.removed": ("entfernt", "removed"),
    "col.parameters": ("Parameter", "Parameters"),
    "col.description": ("Beschreibung", "Description"),
    "col.category": ("Kategorie", "Category"),
    "col.note": ("Hinweis", "Note"),
    "col.file": ("Datei", "File"),
    "col.runs": ("Importe", "Runs"),
    "col.first": ("erster", "first"),
    "col.last": ("letzter", "last"),
    # ------------------------------------------------------------------ dependency summary
    "measure.F_before": ("Fragmentierung vorher", "Fragmentation before"),
    "measure.F_after_set": ("Fragmentierung ohne die Gruppe", "Fragmentation without the set"),
    "measure.DF_before": ("Abstandsfragmentierung vorher", "Distance fragmentation before"),
    "measure.DF_after_set": (
        "Abstandsfragmentierung ohne die Gruppe",
        "Distance fragmentation without the set",
    ),
    "measure.coordinators": ("Koordinatoren", "Coordinators"),
    "measure.actors": ("Akteure ohne Koordinatoren", "Actors without coordinators"),
    "measure.connected_pairs_before": ("verbundene Paare vorher", "Connected pairs before"),
    "measure.connected_pairs_after": ("verbundene Paare nachher", "Connected pairs after"),
    "measure.connected_pairs_lost": ("verlorene Paare", "Connected pairs lost"),
    "measure.fragmentation_before": ("Fragmentierung vorher", "Fragmentation before"),
    "measure.fragmentation_after": ("Fragmentierung nachher", "Fragmentation after"),
    "measure.betweenness_share": (
        "Anteil an der Betweenness",
        "Share of betweenness",
    ),
    # ------------------------------------------------------------------ status
    "status.store": ("Speicher: {store}", "Store: {store}"),
    "status.period": ("Zeitraum: {first} bis {last}", "Period: {first} to {last}"),
    "status.nodes": ("Knoten", "Nodes"),
    "status.actor_types": ("Akteurstypen", "Actor types"),
    "status.sectors": ("Sektoren", "Sectors"),
    "status.ties": (
        "Verknüpfungen nach Art (alle, auch abgeleitete)",
        "Links by kind (all, derived included)",
    ),
    "status.persons": (
        "Personen: {persons} (davon mit Einwilligung {consented})",
        "Persons: {persons} (of whom consented: {consented})",
    ),
    "status.ingests": ("Letzte Importe", "Last ingests"),
    # ------------------------------------------------------------------ data commands
    "msg.ready": ("Bereit: {store}", "Ready: {store}"),
    "msg.template": ("Vorlage geschrieben: {path}", "Template written: {path}"),
    "msg.dry_run_empty": (
        "Probelauf, nichts geschrieben (Speicher noch leer). Würde neu laden: {counts}",
        "Dry run, nothing written (store still empty). Would load as new: {counts}",
    ),
    "msg.dry_run": (
        "Probelauf, nichts geschrieben. Quelle „{source}“ würde in {store} ändern:",
        "Dry run, nothing written. Source “{source}” would change in {store}:",
    ),
    "msg.loaded": (
        "Geladen in {store} (Quelle „{source}“, Lauf {run}):",
        "Loaded into {store} (source “{source}”, run {run}):",
    ),
    "msg.demo_loaded": (
        "Beispieldaten Wehringhausen geladen in {store}",
        "Wehringhausen sample data loaded into {store}",
    ),
    "msg.demo_report": (
        "Bericht: {report}  (dazu report.md, figures/, {csv}, tabellen.xlsx und die "
        "interaktive Karte karte.html in {folder})",
        "Report: {report}  (with report.md, figures/, {csv}, tabellen.xlsx and the "
        "interactive map karte.html in {folder})",
    ),
    "msg.next": (
        "Weiter: netzwerk --store {store} status",
        "Next: netzwerk --store {store} status",
    ),
    "msg.report": ("Bericht geschrieben: {report}", "Report written: {report}"),
    "msg.report_files": (
        "({files} in {folder}: report.html, report.md, figures/, {csv}, tabellen.xlsx)",
        "({files} in {folder}: report.html, report.md, figures/, {csv}, tabellen.xlsx)",
    ),
    "noun.file": ("Datei|Dateien", "file|files"),
    "noun.csv_table": ("CSV-Tabelle|CSV-Tabellen", "CSV table|CSV tables"),
    # ------------------------------------------------------------------ validate
}
