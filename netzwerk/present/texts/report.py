"""Texts of the report's frame and its plain sections: title, privacy note, how the view
was built, section headings, the overview, the map, the actors not yet reached and what
changed (German next to English).
"""

from __future__ import annotations

SECTION_KEYS = (
    "overview",
    "verstetigung",
    "map",
    "brokers",
    "dependency",
    "funding",
    "committee",
    "contacts",
    "gaps",
    "introductions",
    "unreached",
    "changes",
)
"""Report sections in their order; ``changes`` only appears with a comparison date."""

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ report frame
    "report.title": ("Netzwerkbericht", "Network report"),
    "report.subtitle": (
        "Akteursnetzwerk rund um {coordinators}",
        "The network of actors around {coordinators}",
    ),
    "report.subtitle_plain": ("Akteursnetzwerk im Quartier", "The district's network of actors"),
    "report.as_of": ("Stand: {day}", "As of {day}"),
    "report.all_periods": ("Stand: alle Zeiträume", "All periods"),
    "report.generated": (
        "Erstellt am {day} mit netzwerk {version}",
        "Generated on {day} with netzwerk {version}",
    ),
    "report.contents": ("Inhalt", "Contents"),
    "report.privacy_pseudonyms": (
        "Natürliche Personen erscheinen in diesem Bericht nur unter Pseudonymen "
        "(z. B. Person-7F3A-2C9K-XQ4M). Das Pseudonym bleibt von Bericht zu Bericht gleich; "
        "der Schlüssel dazu liegt nicht in den Ausgaben.",
        "Natural persons appear in this report only under pseudonyms "
        "(e.g. Person-7F3A-2C9K-XQ4M). A pseudonym stays the same from report to report; its "
        "key is not part of the outputs.",
    ),
    "report.privacy_names": (
        "Personen, die eingewilligt haben, erscheinen mit Namen; alle anderen unter "
        "Pseudonymen (z. B. Person-7F3A-2C9K-XQ4M). Bericht nicht weitergeben, ohne das zu "
        "prüfen.",
        "Persons who consented appear by name; everyone else under a pseudonym "
        "(e.g. Person-7F3A-2C9K-XQ4M). Check this before passing the report on.",
    ),
    "report.tables_note": (
        "Alle Tabellen liegen vollständig als CSV-Dateien (für Excel: Semikolon, "
        "Dezimalkomma) und gesammelt in tabellen.xlsx neben diesem Bericht.",
        "Every table is stored in full as a CSV file and all of them in tabellen.xlsx next "
        "to this report.",
    ),
    "report.more_rows": (
        "… und {n} weitere (vollständig in {file})",
        "… and {n} more (in full in {file})",
    ),
    "report.none": ("keine", "none"),
    "report.yes": ("ja", "yes"),
    "report.no": ("nein", "no"),
    "report.figure": ("Abbildung", "Figure"),
    "report.method": ("So wurde gerechnet", "How this was computed"),
    "report.findings": ("Auf einen Blick", "At a glance"),
    # ------------------------------------------------------------------ section headings
    "section.overview": ("Überblick", "Overview"),
    "section.map": ("Netzwerkkarte", "Network map"),
    "section.brokers": ("Brückenbauer und Schlüsselakteure", "Bridge builders and key players"),
    "section.dependency": (
        "Abhängigkeit vom Quartiersmanagement",
        "Dependence on the district management",
    ),
    "section.gaps": ("Lücken zwischen Sektoren", "Gaps between sectors"),
    "section.introductions": ("Kontakte, die sich lohnen", "Introductions worth making"),
    "section.unreached": ("Noch nicht erreichte Akteure", "Actors not yet reached"),
    "section.changes": ("Was sich verändert hat", "What has changed"),
    # ------------------------------------------------------------------ overview
    "overview.lead": (
        "Im Datenbestand: {actors} Akteure ({persons} Personen, davon {consent} mit "
        "Einwilligung), {ties} Beziehungen, Daten von {first} bis {last}.",
        "In the data: {actors} actors ({persons} persons, {consent} of them with consent), "
        "{ties} ties, dates from {first} to {last}.",
    ),
    "overview.view": (
        "Am {day} aktiv: {actors} Akteure mit {ties} Verbindungen untereinander.",
        "Active on {day}: {actors} actors with {ties} ties among them.",
    ),
    "overview.sources": ("Datenquellen", "Data sources"),
    "overview.sources_line": ("{files} (eingelesen am {day})", "{files} (read on {day})"),
    "overview.no_sources": ("keine Importe verzeichnet", "no imports recorded"),
    "overview.method": (
        "Zählung aller Einträge im Datenbestand (alle Zeiträume); die Auswertungen der "
        "folgenden Abschnitte nutzen die unten genannte Netzwerksicht.",
        "Counts of every record in the store (all periods); the analyses in the following "
        "sections use the network view stated below.",
    ),
    "overview.by_type": ("Akteure nach Typ", "Actors by type"),
    "overview.by_sector": ("Akteure nach Sektor", "Actors by sector"),
    "overview.by_tie": ("Beziehungen nach Art", "Ties by kind"),
    "overview.nodes": ("Einträge nach Art", "Records by kind"),
    # ------------------------------------------------------------------ map
    "map.lead": (
        "Jeder Punkt ist ein Akteur (Kreis: Einrichtung, Dreieck: Person), jede Linie eine "
        "Verbindung (dicker = stärker). Die Farbe zeigt den Sektor. Das Quartiersmanagement "
        "ist ein Stern, die wichtigsten Vermittler sind Rauten, Nadelöhre tragen einen Ring.",
        "Each dot is an actor (circle: organisation, triangle: person), each line a tie "
        "(thicker = stronger). Colour shows the sector. The district management is a star, "
        "the main brokers are diamonds, cut-points wear a ring.",
    ),
    "map.method": (
        "Anordnung: Kamada–Kawai (in Teilnetzen über 1.000 Akteuren Fruchterman–Reingold mit "
        "Raster), mit festem Startwert, daher bei jedem Lauf gleich. Nähe auf der Karte heißt "
        "ungefähr: eng verbunden. Beschriftet sind die Einrichtungen mit den meisten "
        "Verbindungen und alle hervorgehobenen Akteure.",
        "Layout: Kamada–Kawai (in parts of more than 1,000 actors Fruchterman–Reingold with a "
        "grid), with a fixed seed, so it is the same in every run. Closeness on the map "
        "roughly means: closely tied. Labelled are the organisations with the most ties and "
        "every highlighted actor.",
    ),
    "map.grouped_lead": (
        "Das Netz hat {actors} Akteure – zu viele für ein lesbares Bild jedes einzelnen. Die "
        "Karte zeigt es deshalb eine Ebene höher: Jeder Kreis ist ein Sektor (Fläche: Zahl "
        "seiner Akteure), jede Linie die Verbindungen zwischen zwei Sektoren (breiter = mehr). "
        "Unter jedem Sektor stehen seine stärksten Vermittler (◆). Einzelne Akteure zeigen die "
        "Tabellen und ihr Ego-Netz (netzwerk plot ego).",
        "The network has {actors} actors – too many for a readable picture of each one. So "
        "the map shows it one level up: each circle is a sector (area: number of its actors), "
        "each line the ties between two sectors (wider = more). Below each sector stand its "
        "strongest brokers (◆). Single actors are in the tables and their ego network "
        "(netzwerk plot ego).",
    ),
    "map.grouped_method": (
        "Gezählt wie in der Tabelle der Verbindungen zwischen Gruppen: jede Verbindung einmal. "
        "Ab {limit} Akteuren zeigt der Bericht diese Karte statt eines Bildes aller Akteure, "
        "und die Abhängigkeit vom Quartiersmanagement nur in Zahlen.",
        "Counted as in the table of ties between groups: each tie once. From {limit} actors "
        "on the report shows this map instead of a picture of every actor, and the dependency "
        "on the district management in numbers only.",
    ),
    # ------------------------------------------------------------------ unreached
    "unreached.lead": (
        "Diese Akteure hängen nur an einem Faden – oder an gar keinem. Sie sind die "
        "erste Adresse für Einladungen und Besuche.",
        "These actors hang by a single thread – or by none. They are the first to invite "
        "and visit.",
    ),
    "unreached.counts": (
        "{isolates} ohne jede Verbindung, {coordinator_only} nur mit dem QM verbunden, "
        "{single} mit genau einer Verbindung.",
        "{isolates} without any tie, {coordinator_only} tied only to the QM, {single} with "
        "exactly one tie.",
    ),
    "unreached.method": (
        "Ohne Verbindung: keine Verbindung in der Netzwerksicht. Nur mit dem QM: alle "
        "Verbindungen führen zu einem Koordinator. Eine Verbindung: genau ein Partner, der "
        "nicht das QM ist.",
        "No tie: no tie in the network view. Only the QM: every tie leads to a coordinator. "
        "One tie: exactly one partner, who is not the QM.",
    ),
    "unreached.isolate": ("ohne Verbindung", "no tie"),
    "unreached.coordinator_only": ("nur mit dem QM", "only the QM"),
    "unreached.single": ("eine Verbindung", "one tie"),
    "col.status": ("Lage", "Status"),
    "col.partners": ("Verbunden mit", "Tied to"),
    # ------------------------------------------------------------------ changes
    "changes.lead": (
        "Vergleich der Netzwerksicht vom {before} mit der vom {after}.",
        "Comparison of the network view of {before} with that of {after}.",
    ),
    "changes.counts": (
        "Akteure: {actors_before} → {actors_after} ({new_actors} neu, {lost_actors} nicht "
        "mehr aktiv). Verbindungen: {ties_before} → {ties_after} ({new_ties} neu, "
        "{lost_ties} weggefallen, {changed_ties} mit veränderter Art).",
        "Actors: {actors_before} → {actors_after} ({new_actors} new, {lost_actors} no longer "
        "active). Ties: {ties_before} → {ties_after} ({new_ties} new, {lost_ties} lost, "
        "{changed_ties} of a changed kind).",
    ),
    "changes.coordinator_lost": (
        "Verbindungen zum QM beendet: {names}.",
        "Ties to the QM that ended: {names}.",
    ),
    "changes.coordinator_new": (
        "Neue Verbindungen zum QM: {names}.",
        "New ties to the QM: {names}.",
    ),
    "changes.brokers_gained": (
        "Neu unter den wichtigsten Vermittlern: {names}.",
        "New among the main brokers: {names}.",
    ),
    "changes.brokers_lost": (
        "Nicht mehr unter den wichtigsten Vermittlern: {names}.",
        "No longer among the main brokers: {names}.",
    ),
    "changes.method": (
        "Beide Zeitpunkte mit derselben Netzwerksicht (nur die Stichtage unterscheiden sich); "
        "wichtigste Vermittler = die {top} Akteure mit der höchsten Betweenness. "
        "Veranstaltungen zählen ab ihrem Datum dauerhaft.",
        "Both dates with the same network view (only the dates differ); main brokers = the "
        "{top} actors with the highest betweenness. Events count from their date on.",
    ),
    "changes.actors_title": (
        "Neue und nicht mehr aktive Akteure",
        "New actors and actors no longer active",
    ),
    "changes.ties_title": (
        "Neue, weggefallene und veränderte Verbindungen (QM zuerst)",
        "New, lost and changed ties (QM first)",
    ),
    "changes.new_actors": ("Neue Akteure", "New actors"),
    "changes.lost_actors": ("Nicht mehr aktive Akteure", "Actors no longer active"),
    "changes.new_ties": ("Neue Verbindungen", "New ties"),
    "changes.lost_ties": ("Weggefallene Verbindungen", "Lost ties"),
    "changes.brokers": ("Vermittler im Vergleich", "Brokers compared"),
    "changes.change": ("Veränderung", "Change"),
    "changes.new": ("neu", "new"),
    "changes.lost": ("weggefallen", "lost"),
    "changes.changed": ("verändert", "changed"),
    "changes.gained_broker": ("neu unter den Vermittlern", "new among brokers"),
    "changes.lost_broker": ("nicht mehr unter den Vermittlern", "no longer among brokers"),
    "col.kinds": ("Art der Verbindung", "Kind of tie"),
    "col.kind": ("Art", "Kind"),
    "col.pair_a": ("Akteur A (Sektor)", "Actor A (sector)"),
    "col.pair_b": ("Akteur B (Sektor)", "Actor B (sector)"),
    "col.kinds_before": ("Art vorher", "Kind before"),
    "col.kinds_after": ("Art nachher", "Kind after"),
    "col.betweenness_before": ("Between\u00adness vorher", "Between\u00adness before"),
    "col.betweenness_after": ("Between\u00adness nachher", "Between\u00adness after"),
    "col.since": ("seit", "since"),
    "col.until": ("bis", "until"),
    "kind.project": ("gemeinsames Projekt", "shared project"),
    "kind.event": ("gemeinsame Veranstaltung", "shared event"),
}
