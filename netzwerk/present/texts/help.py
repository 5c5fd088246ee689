"""Texts of the command line's ``--help`` and of its usage errors, German next to English.

``help.<command>`` is a command's help (``help.plot.map`` for a subcommand, ``help.netzwerk``
for the group itself); ``help.<command>.<option>`` an option's help in one command, else
``help.option.<option>`` for all commands (``<option>`` is the parameter's name in the
code). Metavars and click's own words: `netzwerk.present.texts.usage`.
"""

from __future__ import annotations

RETENTION = "NETZWERK_RETENTION_YEARS"

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ commands
    "help.netzwerk": (
        "netzwerk – Netzwerke im Quartier erfassen und auswerten.\n\nErfasst und analysiert "
        "das Netz aus Menschen und Organisationen in einem Stadtteil. Sprache aller Ausgaben: "
        "NETZWERK_LANG=de|en (Standard: de).",
        "netzwerk – map and analyse the network of a city district.\n\nMaps and analyses the "
        "network of people and organisations in a city district. Language of every output: "
        "NETZWERK_LANG=de|en (default: de).",
    ),
    "help.brokers": (
        "Brückenbauer: Betweenness, strukturelle Löcher, Vermittlungsrollen und Nadelöhre "
        "je Akteur.",
        "Brokers: betweenness, structural holes, brokerage roles and cut-points per actor.",
    ),
    "help.keyplayers": (
        "Schlüsselakteure: die k Akteure, ohne die das Netz am stärksten zerfiele.",
        "Key players: the k actors whose loss would fragment the network most.",
    ),
    "help.dependency": (
        "Was das Netz ohne seine Koordinatoren (das QM) verlöre, und wer einspringen könnte."
        "\n\nTabelle und CSV: drei Teile – Überblick, Gruppenpaare ohne jeden Weg, mögliche "
        "Nachfolger (deren Betweenness am meisten wächst). JSON: ein Objekt.",
        "What the network loses without its coordinators (the QM), and who could step in."
        "\n\nTable and CSV: three sections – the summary, the pairs of groups left without "
        "any path, the successors (whose betweenness grows most). JSON: one object.",
    ),
    "help.gaps": (
        "Lücken: welche Gruppen nicht miteinander verbunden sind, Gemeinschaften, wer noch "
        "nicht erreicht ist.",
        "Gaps: which groups do not talk to each other, communities, who is unreached.",
    ),
    "help.suggest": (
        "Wen als Nächstes miteinander bekannt machen: noch nicht verbundene Paare, größte "
        "Lücken zuerst, mit Begründung.\n\nEs zählen dieselben Verbindungen wie bei `gaps` "
        "(auch gemeinsame Projekte und Veranstaltungen); was zwei Akteure früher geteilt "
        "haben, ist ein Grund.",
        "Introductions to make next: pairs not yet tied, biggest gaps first, with reasons."
        "\n\nThe same ties count as in `gaps` (shared projects and events included); what "
        "two actors shared in the past is a reason.",
    ),
    "help.init": (
        "Speicher anlegen (Tabellen, Constraints, Indizes). Mehrfach ausführen schadet nicht.",
        "Create the store (tables, constraints, indexes). Safe to run twice.",
    ),
    "help.template": (
        "Die leere Arbeitsmappe zum Ausfüllen schreiben (mit Erklärungen und Auswahllisten)."
        "\n\nEine vorhandene Datei wird nur mit --force ersetzt.",
        "Write the empty workbook staff fill in (with explanations and dropdowns).\n\nAn "
        "existing file is not replaced unless --force is given.",
    ),
    "help.validate": (
        "Arbeitsmappen, CSV- oder JSON-Dateien prüfen, ohne etwas zu schreiben.",
        "Check workbooks/CSV/JSON files without writing anything.",
    ),
    "help.ingest": (
        "Arbeitsmappen, CSV- oder JSON-Dateien in den Speicher laden, ganz oder gar nicht."
        "\n\nDie Arbeitsmappe ist die Wahrheit: eine Quelle erneut laden lässt den Speicher "
        "sagen, was sie jetzt sagt (Geändertes wird aktualisiert, nicht mehr Genanntes "
        "entfernt, außer eine andere Quelle nennt es). Unveränderte Dateien erneut laden "
        "ändert nichts. Ein ausgefüllter Korrekturbogen (korrekturen.xlsx aus `workshop`) "
        "wird allein geladen; widerspricht eine Quelle einer anderen, gilt die neuere "
        "Aussage, beide bleiben gespeichert und werden angezeigt.",
        "Load workbooks/CSV/JSON into the store, all or nothing.\n\nThe workbook is the "
        "truth: loading a source again makes the store say what it says now (changed "
        "entries are updated, entries it no longer lists are removed unless another source "
        "states them). Re-running unchanged files changes nothing. A filled correction form "
        "(korrekturen.xlsx from `workshop`) is loaded on its own; where one source "
        "contradicts another the newer statement holds, and both are kept and shown.",
    ),
    "help.demo": (
        "Die Beispieldaten Wehringhausen in einen neuen eingebetteten Speicher laden und den "
        "vollständigen Bericht schreiben.\n\nDer Bericht zeigt das Netz von heute und was "
        "sich seit dem 30.06.2022 geändert hat (das QM-Konsortium endete am 31.12.2022).",
        "Load the Wehringhausen sample data into a fresh embedded store and write the full "
        "report.\n\nThe report shows the network as of today and what changed since "
        "2022-06-30 (the QM consortium ended on 2022-12-31).",
    ),
    "help.status": (
        "Was im Speicher ist: Anzahlen nach Art, Typ und Sektor, Zeitraum, letzte Importe.",
        "What is in the store: counts by kind, type and sector, date range, last ingests.",
    ),
    "help.export": (
        "Das Netz für Gephi und andere Programme exportieren (Personen pseudonymisiert).",
        "Export the network for Gephi and other tools (persons pseudonymised).",
    ),
    "help.forget": (
        "Eine Person (oder einen anderen Akteur) überall löschen, wo netzwerk sie speichert "
        "(Art. 17 DSGVO).\n\nLöscht den Akteur, alle Beziehungen und Beteiligungen, deren "
        "Herkunft und Dateinamen im Importprotokoll, die die Person nennen. Der eingebettete "
        "Speicher wird verdichtet und geprüft; bei Neo4j bleiben gelöschte Daten in "
        "Speicherdateien und Transaktionsprotokollen, bis sie bereinigt sind (die Ausgabe "
        "sagt, wie). Quelltabellen und Sicherungen bleiben unberührt: die Ausgabe nennt, "
        "was dort zu löschen ist.",
        "Erase a person (or any actor) everywhere netzwerk keeps it (Art. 17 GDPR).\n\n"
        "Deletes the actor, all its ties and participation, their provenance, and file names "
        "in the ingest log that name the person. The embedded store is vacuumed and checked; "
        "on Neo4j the deleted data stays in store files and transaction logs until they are "
        "pruned (the output says how). Source spreadsheets and backups are not touched: the "
        "output lists what to clean.",
    ),
    "help.export-person": (
        "Alles über einen Akteur Gespeicherte als JSON, für eine Auskunft (Art. 15/20 DSGVO)."
        "\n\nEnthält echte Namen, Adresse und Kontakt: es sind die Daten der Person. Sicher "
        "übergeben und keine Kopien behalten.",
        "Everything stored about one actor as JSON, for an access request (Art. 15/20 GDPR)."
        "\n\nIncludes real names, address and contact: it is the person's own data. Hand it "
        "over securely and do not keep copies.",
    ),
    "help.retention": (
        "Akteure und Beziehungen auflisten (mit --apply löschen), deren Ende länger zurückliegt "
        f"als die Aufbewahrungsfrist.\n\nDie Frist ist --years, sonst {RETENTION}, sonst 3 "
        "Jahre. Mit einem Akteur werden seine Beziehungen gelöscht. Themen, Projekte, "
        "Veranstaltungen und Orte bleiben.",
        "List (and with --apply delete) actors and ties whose end date lies longer ago than "
        f"the retention period.\n\nThe period is --years, else {RETENTION}, else 3 years. "
        "Deleting an actor deletes its ties too. Topics, projects, events and places are kept.",
    ),
    "help.privacy-record": (
        "Welche personenbezogenen Daten der Speicher enthält, nach Kategorie, mit Anzahlen, "
        "Herkunft, Löschfrist und Einwilligung: Ausgangspunkt für das Verzeichnis von "
        "Verarbeitungstätigkeiten (Art. 30 DSGVO).",
        "What personal data the store holds, by category, with counts, sources, retention "
        "and consent: a starting point for the record of processing activities (Art. 30 GDPR).",
    ),
    "help.query": (
        "Eine benannte Cypher-Abfrage ausführen (braucht Neo4j); --list zeigt alle.",
        "Run a named Cypher query (needs Neo4j); --list shows them all.",
    ),
    "help.report": (
        "Den Netzwerkbericht schreiben: eine HTML-Datei zum Drucken oder Versenden, Markdown, "
        "CSV-Tabellen und tabellen.xlsx.\n\nPersonen sind pseudonymisiert, außer mit --names "
        "und ihrer Einwilligung.",
        "Write the network report: one HTML file to print or send, Markdown, CSV tables and "
        "tabellen.xlsx.\n\nPersons are pseudonymised unless --names is given and they "
        "consented.",
    ),
    "help.plot": (
        "Eine Abbildung des Berichts als PNG oder SVG zeichnen (Format aus der Endung von --out).",
        "Draw one figure of the report as PNG or SVG (format from the --out suffix).",
    ),
    "help.plot.map": (
        "Netzkarte: Farbe = Sektor, Stern = QM, Raute = Brückenbauer, Ring = Nadelöhr.",
        "Network map: colour = sector, star = QM, diamond = broker, ring = cut-point.",
    ),
    "help.plot.gaps": (
        "Sektor × Sektor: beobachtete / erwartete Verbindungen.",
        "Sector × sector matrix of observed / expected ties.",
    ),
    "help.plot.ego": (
        "Ein Akteur und seine Kontakte (AKTEUR: Kennung, Pseudonym aus einem Bericht oder "
        "genauer Name).",
        "One actor and its contacts (ACTOR: id, pseudonym from a report or exact name).",
    ),
    "help.plot.dependency": (
        "Das Netz mit und ohne das Quartiersmanagement, nebeneinander.",
        "The network with and without the district management, side by side.",
    ),
    # ------------------------------------------------------------------ options, everywhere
    "help.option.help": ("Diese Hilfe zeigen und beenden.", "Show this message and exit."),
    "help.option.version": ("Version zeigen und beenden.", "Show the version and exit."),
    "help.option.store_address": (
        "Datei des eingebetteten Speichers oder Neo4j-URI (bolt://, neo4j://). Standard: "
        "NETZWERK_STORE, sonst ~/.local/share/netzwerk/netzwerk.sqlite.",
        "Embedded store file or Neo4j URI (bolt://, neo4j://). Default: NETZWERK_STORE, "
        "else ~/.local/share/netzwerk/netzwerk.sqlite.",
    ),
    "help.option.fmt": (
        "Ausgabeformat (csv auf Deutsch: ; und Dezimalkomma für Excel; xlsx braucht --out).",
        "Output format (csv in English: plain , and decimal point; xlsx needs --out).",
    ),
    "help.option.out_file": (
        "In diese Datei schreiben statt ins Terminal (nur für den Eigentümer lesbar).",
        "Write to this file instead of the terminal (readable by its owner only).",
    ),
    "help.option.lang": (
        "Sprache der Ausgabe (Standard: NETZWERK_LANG, sonst de).",
        "Language of the output (default: NETZWERK_LANG, else de).",
    ),
    "help.option.as_of": (
        "Nur Akteure und Beziehungen, die an diesem Tag galten (2024-06-30 oder 30.06.2024; "
        "Standard: heute).",
        "Only actors and ties valid on this day (2024-06-30 or 30.06.2024; default: today).",
    ),
    "help.option.all_periods": (
        "Alle Zeiträume: auch Akteure und Beziehungen, die schon geendet haben (Standard: "
        "Stand heute).",
        "Every period, also actors and ties that have ended (default: as of today).",
    ),
    "help.option.tie_kinds": (
        "Beziehungsarten, die Akteure direkt verbinden (durch Komma getrennt; gemeinsame "
        "Projekte und Veranstaltungen verbinden ihre Beteiligten immer).",
        "Tie kinds that link actors directly (comma-separated; shared projects and events "
        "always link their participants).",
    ),
    "help.option.unweighted": (
        "Jede Beziehung mit Stärke 1 zählen.",
        "Treat every tie as strength 1.",
    ),
    "help.option.show_names": (
        "Echte Namen von Personen zeigen, die eingewilligt haben (andere bleiben pseudonymisiert).",
        "Show real names of persons who consented (others stay pseudonymised).",
    ),
    "help.option.k_sample": (
        "Betweenness aus K zufällig gewählten Akteuren schätzen (Standard: genau bis 2.000 "
        "Akteure, sonst 256).",
        "Estimate betweenness from K sampled actors (default: exact up to 2,000 actors, else 256).",
    ),
    "help.option.precision": (
        "Betweenness so genau schätzen, dass jeder Wert mit 95 % Sicherheit höchstens EPS "
        "vom genauen abweicht (z. B. 0.01; statt --sample).",
        "Estimate betweenness until every value is within EPS of the exact one with 95 % "
        "confidence (e.g. 0.01; instead of --sample).",
    ),
    "help.option.exact": (
        "Betweenness auch für große Netze genau berechnen (langsam).",
        "Exact betweenness even for large networks (slow).",
    ),
    "help.option.seed": (
        "Startwert für die geschätzte Betweenness (gleicher Startwert, gleiches Ergebnis).",
        "Seed for sampled betweenness (same seed, same result).",
    ),
    "help.option.yes": ("Nicht nachfragen.", "Do not ask for confirmation."),
    "help.option.years": (
        f"Aufbewahrungsfrist in Jahren (Standard: {RETENTION}, sonst 3).",
        f"Retention period in years (default: {RETENTION}, else 3).",
    ),
    # ------------------------------------------------------------------ options, per command
    "help.brokers.by_text": (
        "Merkmal der Akteure für die Vermittlungsrollen (sector, type, …).",
        "Actor attribute for the brokerage roles (sector, type, ...).",
    ),
    "help.brokers.top": (
        "Nur die N Akteure mit der höchsten Betweenness.",
        "Only the N actors with the highest betweenness.",
    ),
    "help.brokers.constraint_model": (
        "Burts Constraint über das ganze Netz (whole) oder nur das Ego-Netz (ego).",
        "Burt's constraint over the whole network or the ego network only.",
    ),
    "help.keyplayers.k": ("Größe der Gruppe von Schlüsselakteuren.", "Size of the key-player set."),
    "help.keyplayers.measure": (
        "F: Fragmentierung (wer wen erreicht); DF: nach Abstand gewichtet.",
        "F: fragmentation (who can reach whom); DF: distance-weighted.",
    ),
    "help.keyplayers.seed": (
        "Startwert für die zufälligen Anfangsgruppen.",
        "Seed for the random starting sets.",
    ),
    "help.dependency.coordinator_ids": (
        "Herauszunehmender Akteur: Kennung, genauer Name oder Pseudonym (wiederholbar). "
        "Standard: die als Koordinator markierten Akteure.",
        "Actor to take out: id, exact name or pseudonym (repeatable). Default: actors marked "
        "as coordinator.",
    ),
    "help.dependency.by_text": (
        "Gruppen, deren Verbindungen geprüft werden (sector, type, …).",
        "Groups whose connections are checked (sector, type, ...).",
    ),
    "help.dependency.top": ("Anzahl der genannten Nachfolger.", "Number of successors listed."),
    "help.gaps.by_text": (
        "Merkmal der Akteure, das die Gruppen bildet.",
        "Actor attribute that forms the groups.",
    ),
    "help.gaps.permutations": (
        "Permutationen des Signifikanztests für den E-I-Index.",
        "Permutations of the E-I significance test.",
    ),
    "help.gaps.method": ("Verfahren zur Erkennung von Gemeinschaften.", "Community detection."),
    "help.gaps.seed": (
        "Startwert des Permutationstests und der Erkennung von Gemeinschaften.",
        "Seed of the permutation test and the community detection.",
    ),
    "help.suggest.for_actor": (
        "Nur Vorschläge für diesen Akteur (Kennung, Name oder Pseudonym).",
        "Only suggestions for this actor (id, name or pseudonym).",
    ),
    "help.suggest.between": (
        "Nur Paare mit je einem Akteur in beiden Gruppen (z. B. Bildung 'Lokale Wirtschaft').",
        "Only pairs with one actor in each group (e.g. Bildung 'Lokale Wirtschaft').",
    ),
    "help.suggest.by_text": (
        "Gruppen, deren Lücken zuerst geschlossen werden.",
        "Groups whose gaps are closed first.",
    ),
    "help.suggest.top": ("Anzahl der Vorschläge.", "Number of suggestions."),
    "help.template.force": (
        "Vorhandene Datei ersetzen (ihre Daten gehen verloren).",
        "Replace the file if it exists (its data is lost).",
    ),
    "help.ingest.dry_run": (
        "Prüfen und zeigen, was das Laden ändern würde (neu, geändert, unverändert, "
        "entfernt); nichts schreiben.",
        "Validate and show what the load would change (new, changed, unchanged, removed); "
        "write nothing.",
    ),
    "help.ingest.source": (
        "Name der Quelle (Standard: die Dateinamen wie angegeben). Eine Quelle erneut laden "
        'ersetzt, was sie vorher sagte. Ein Datum im Namen ("Workshop Bildung '
        '12.03.2026") datiert ihre Aussagen, sonst der Tag des Ladens.',
        "Name of the source (default: the file names as given). Loading a source again "
        'replaces what it said before. A date in the name ("Workshop Bildung '
        '12.03.2026") dates its statements, else the day of loading.',
    ),
    "help.demo.lang": (
        "Sprache des Berichts (Standard: NETZWERK_LANG, sonst de).",
        "Language of the report (default: NETZWERK_LANG, else de).",
    ),
    "help.report.lang": (
        "Sprache der Texte, Tabellen und Abbildungen (Standard: NETZWERK_LANG, sonst de).",
        "Language of texts, tables and figures (default: NETZWERK_LANG, else de).",
    ),
    "help.plot.lang": (
        "Sprache der Texte und Beschriftungen (Standard: NETZWERK_LANG, sonst de).",
        "Language of texts and labels (default: NETZWERK_LANG, else de).",
    ),
    "help.demo.out": (
        "Ordner für den Beispielspeicher und den Bericht.",
        "Folder for the demo store and report.",
    ),
    "help.export.fmt": ("gexf öffnet sich in Gephi.", "gexf opens in Gephi."),
    "help.export.out": (
        "Zu schreibende Datei (CSV schreibt DATEI-nodes.csv und DATEI-ties.csv).",
        "File to write (CSV writes FILE-nodes.csv and FILE-ties.csv).",
    ),
    "help.export.as_of": ("Nur, was an diesem Tag galt.", "Only what was valid on this day."),
    "help.forget.outputs": (
        "Ordner mit Berichten/Exporten, der durchsucht wird (wiederholbar). Dateien dort, die "
        "die Person nennen, werden gelöscht; danach aus dem Speicher neu erstellen.",
        "Folder with reports/exports to search (repeatable). Files there that mention the "
        "person are deleted; regenerate them from the store.",
    ),
    "help.export-person.out": (
        "Zu schreibende JSON-Datei (Standard: im Terminal ausgeben).",
        "JSON file to write (default: print to the terminal).",
    ),
    "help.retention.apply_": ("Das Aufgelistete löschen.", "Delete what is listed."),
    "help.query.pairs": (
        "Parameter der Abfrage, wiederholbar.",
        "Query parameter, repeatable.",
    ),
    "help.query.list_queries": (
        "Die Abfragen auflisten und was sie beantworten.",
        "List the queries and what they answer.",
    ),
    "help.report.out_dir": (
        "Ordner für report.html, report.md, Abbildungen, CSV-Tabellen und tabellen.xlsx.",
        "Folder for report.html, report.md, figures, CSV tables and tabellen.xlsx.",
    ),
    "help.report.compare": (
        "Auch zeigen, was sich seit diesem früheren Tag geändert hat (2022-06-30 oder 30.06.2022).",
        "Also show what changed since this earlier day (2022-06-30 or 30.06.2022).",
    ),
    "help.plot.out": ("Zu schreibende Datei: .png oder .svg.", "File to write: .png or .svg."),
    "help.plot.ego.radius": (
        "1: direkte Kontakte; 2: auch deren Kontakte.",
        "1: direct contacts; 2: also their contacts.",
    ),
}
