"""Every German and English text of the report, figures and tables, in one place.

Texts are looked up by key with `text(key, lang, **values)`; each entry holds the German
wording (the default) next to its English twin. Vocabulary labels (sectors, actor types,
tie kinds) come from `netzwerk.model`; this table holds the report's own words: section
headings, plain-language broker roles, column headers and sentences.

>>> text("section.brokers", "de"), text("section.brokers", "en")
('Brückenbauer und Schlüsselakteure', 'Bridge builders and key players')
>>> text("role.liaison", "de")
'Brückenbauer'
>>> format_date(date(2024, 6, 30), "de"), format_date(date(2024, 6, 30), "en")
('30.06.2024', '30 Jun 2024')
"""

from __future__ import annotations

from datetime import date

LANGUAGES = ("de", "en")

SECTION_KEYS = (
    "overview",
    "map",
    "brokers",
    "dependency",
    "gaps",
    "introductions",
    "unreached",
    "changes",
)
"""Report sections in their order; ``changes`` only appears with a comparison date."""

ROLE_KEYS = ("liaison", "gatekeeper", "representative", "itinerant", "coordinator")
"""Gould–Fernandez brokerage roles in the order they are explained in the report."""

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ report frame
    "report.title": ("Netzwerkbericht", "Network report"),
    "report.subtitle": (
        "Akteursnetzwerk rund um {coordinators}",
        "The network of actors around {coordinators}",
    ),
    "report.subtitle_plain": ("Akteursnetzwerk im Quartier", "The district's network of actors"),
    "report.as_of": ("Stand: {day}", "As of {day}"),
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
        "Alle Tabellen liegen vollständig als CSV-Dateien neben diesem Bericht.",
        "Every table is stored in full as a CSV file next to this report.",
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
    # ------------------------------------------------------------------ how the view was built
    "view.as_of": ("Stand {day}", "as of {day}"),
    "view.all_time": ("alle Zeiträume", "all periods"),
    "view.ties": ("Verbindungen: {kinds}", "ties: {kinds}"),
    "view.shared": (
        "gemeinsame {kinds} (Newman-Gewichtung 1/(n−1))",
        "shared {kinds} (Newman weighting 1/(n−1))",
    ),
    "view.weighted": ("gewichtet nach Stärke der Beziehung", "weighted by tie strength"),
    "view.unweighted": ("ungewichtet (jede Verbindung zählt 1)", "unweighted (every tie counts 1)"),
    "view.line": ("Netzwerksicht: {parts}.", "Network view: {parts}."),
    "view.size": (
        "{actors} Akteure, {ties} Verbindungen zwischen Akteuren",
        "{actors} actors, {ties} ties between actors",
    ),
    "shared.project": ("Projekte", "projects"),
    "shared.event": ("Veranstaltungen", "events"),
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
        "Anordnung: Federmodell (spring layout) mit festem Startwert, daher bei jedem Lauf "
        "gleich. Nähe auf der Karte heißt ungefähr: eng verbunden. Beschriftet sind die "
        "Einrichtungen mit den meisten Verbindungen und alle hervorgehobenen Akteure.",
        "Layout: spring layout with a fixed seed, so it is the same in every run. Closeness "
        "on the map roughly means: closely tied. Labelled are the organisations with the most "
        "ties and every highlighted actor.",
    ),
    "map.title": ("Netzwerkkarte", "Network map"),
    "map.alt": (
        "Netzwerkkarte der Akteure, farbig nach Sektor",
        "Network map of the actors, coloured by sector",
    ),
    "legend.coordinator": ("Quartiersmanagement", "District management"),
    "legend.broker": ("Vermittler (höchste Betweenness)", "Broker (highest betweenness)"),
    "legend.cut_point": ("Nadelöhr (Cut-Point)", "Cut-point"),
    "legend.organisation": ("Einrichtung", "Organisation"),
    "legend.person": ("Person", "Person"),
    "legend.isolate": ("ohne Verbindung", "no tie"),
    "legend.roles": ("Markierung", "Marker"),
    "legend.sectors": ("Sektor", "Sector"),
    "legend.ego": ("betrachteter Akteur", "actor in focus"),
    "legend.cut_off": ("ohne QM abgeschnitten", "cut off without the QM"),
    "legend.spokes": (
        "Verbindungen des QM (fallen rechts weg)",
        "ties of the QM (gone on the right)",
    ),
    # ------------------------------------------------------------------ brokers
    "brokers.lead": (
        "Vermittler verbinden Akteure, die sonst nichts voneinander wüssten. Fallen sie weg, "
        "reißen Wege im Netz ab. Die Tabelle zeigt die {n} Akteure, über die die meisten "
        "kürzesten Wege laufen, und in welcher Rolle sie vermitteln.",
        "Brokers connect actors who would otherwise not know of each other. If they drop "
        "out, paths through the network break. The table shows the {n} actors on most "
        "shortest paths and the role in which they broker.",
    ),
    "brokers.top": (
        "{name} liegt auf {share} aller kürzesten Wege zwischen zwei Akteuren.",
        "{name} lies on {share} of all shortest paths between two actors.",
    ),
    "brokers.top_other": (
        "Wichtigste Vermittler neben dem Quartiersmanagement: {names}.",
        "Main brokers besides the district management: {names}.",
    ),
    "brokers.cut_points": (
        "Nadelöhre – ohne sie wären andere Akteure abgeschnitten: {names}.",
        "Cut-points – without them other actors would be cut off: {names}.",
    ),
    "brokers.key_players": (
        "Schlüsselakteure: fielen diese {k} zusammen weg, zerfiele das Netz am stärksten: {names}.",
        "Key players: if these {k} dropped out together, the network would fall apart the "
        "most: {names}.",
    ),
    "brokers.roles_title": ("Die Vermittlerrollen in Worten", "The broker roles in words"),
    "brokers.method": (
        "Betweenness: Anteil der kürzesten Wege zwischen allen Paaren, die über den Akteur "
        "laufen (normiert 0–1; gewichtete Sicht: Distanz = 1/Stärke). Constraint (Burt): "
        "niedrig = Zugang zu getrennten Kreisen. Effektive Größe: Zahl der nicht redundanten "
        "Kontakte. Rollen nach Gould & Fernandez (1989), Gruppen = {by}; gezählt werden "
        "offene Zweierwege (A–B–C ohne Verbindung A–C), je Richtung einmal. Nadelöhr = "
        "Artikulationspunkt.",
        "Betweenness: share of shortest paths between all pairs that pass through the actor "
        "(normalised 0–1; weighted view: distance = 1/strength). Constraint (Burt): low = "
        "access to separate circles. Effective size: number of non-redundant contacts. Roles "
        "after Gould & Fernandez (1989), groups = {by}; counted are open two-paths (A–B–C "
        "with no tie A–C), once per direction. Cut-point = articulation point.",
    ),
    "role.liaison": ("Brückenbauer", "Bridge builder"),
    "role.gatekeeper": ("Türöffner", "Gatekeeper"),
    "role.representative": ("Vertreter", "Representative"),
    "role.itinerant": ("Vermittler von außen", "Outside go-between"),
    "role.coordinator": ("Koordinator innerhalb der Gruppe", "Coordinator within the group"),
    "role.gatekeeper_representative": ("Türöffner/Vertreter", "Gatekeeper/representative"),
    "role.none": ("keine Vermittlerrolle", "no broker role"),
    "role_help.liaison": (
        "verbindet zwei Akteure aus zwei anderen Sektoren, zu denen er selbst nicht gehört",
        "links two actors from two other sectors, neither of them its own",
    ),
    "role_help.gatekeeper": (
        "öffnet seinem eigenen Sektor die Tür zu Kontakten von außen",
        "opens the door for its own sector to contacts from outside",
    ),
    "role_help.representative": (
        "trägt die Anliegen seines Sektors nach außen, zu Akteuren anderer Sektoren",
        "carries its own sector's concerns to actors in other sectors",
    ),
    "role_help.itinerant": (
        "bringt als Außenstehender zwei Akteure eines anderen Sektors zusammen (Berater)",
        "brings together, as an outsider, two actors of another sector (consultant)",
    ),
    "role_help.coordinator": (
        "verbindet Akteure seines eigenen Sektors untereinander",
        "links actors of its own sector with each other",
    ),
    "role_help.gatekeeper_representative": (
        "Türöffner und Vertreter fallen in einem ungerichteten Netz zusammen: der Akteur "
        "verbindet seinen Sektor mit Akteuren anderer Sektoren",
        "in an undirected network gatekeeper and representative coincide: the actor links "
        "its own sector with actors of other sectors",
    ),
    "role_help.cut_point": (
        "ohne diesen Akteur wären andere vom Netz abgeschnitten (Artikulationspunkt)",
        "without this actor others would be cut off from the network (articulation point)",
    ),
    "col.rank": ("Nr.", "No."),
    "col.actor": ("Akteur", "Actor"),
    "col.id": ("Kennung", "ID"),
    "col.sector": ("Sektor", "Sector"),
    "col.type": ("Typ", "Type"),
    "col.roles": ("Rolle in Worten", "Role in words"),
    # \u00ad: soft hyphens, so narrow table columns may break these words (not in CSV).
    "col.betweenness": ("Between\u00adness", "Between\u00adness"),
    "col.constraint": ("Con\u00adstraint", "Con\u00adstraint"),
    "col.effective_size": ("Effektive Größe", "Effective size"),
    "col.efficiency": ("Effizienz", "Efficiency"),
    "col.hierarchy": ("Hierarchie", "Hierarchy"),
    "col.brokerage_total": ("Vermitt\u00adlungen", "Broker\u00adage"),
    "col.cut_point": ("Nadelöhr", "Cut-point"),
    "col.degree": ("Verbindungen", "Ties"),
    "col.liaison": ("Brückenbauer", "Bridge builder"),
    "col.gatekeeper": ("Türöffner", "Gatekeeper"),
    "col.representative": ("Vertreter", "Representative"),
    "col.itinerant": ("Vermittler von außen", "Outside go-between"),
    "col.coordinator": ("Koordinator in der Gruppe", "Coordinator in group"),
    "col.count": ("Anzahl", "Count"),
    "col.label": ("", ""),
    # ------------------------------------------------------------------ dependency
    "dependency.lead": (
        "Was bliebe vom Netz, wenn sich das Quartiersmanagement zurückzöge? Links das Netz "
        "heute mit den Verbindungen des QM in Blau, rechts dasselbe Netz ohne {coordinators}. "
        "Orange umrandete Akteure hätten dann keinen Weg mehr zum größten Teil des Netzes.",
        "What would remain of the network if the district management stepped back? Left the "
        "network today with the QM's ties in blue, right the same network without "
        "{coordinators}. Actors with an orange square would then have no path to the main "
        "part of the network.",
    ),
    "dependency.pairs": (
        "Verbundene Paare: {before} heute, {after} ohne QM – {lost} gingen verloren.",
        "Connected pairs: {before} today, {after} without the QM – {lost} would be lost.",
    ),
    "dependency.components": (
        "Das Netz zerfiele von {before} in {after} getrennte Teile (Einzelne mitgezählt).",
        "The network would fall from {before} into {after} separate parts (single actors "
        "included).",
    ),
    "dependency.share": (
        "Über {names} laufen {share} aller Vermittlungswege (Anteil an der gesamten Betweenness).",
        "{share} of all brokering runs through {names} (share of total betweenness).",
    ),
    "dependency.group_pairs_lost": (
        "Diese Sektoren hätten ohne QM gar keinen Weg mehr zueinander: {pairs}.",
        "These sectors would have no path to each other without the QM: {pairs}.",
    ),
    "dependency.successors": (
        "Am ehesten könnten einspringen: {names}.",
        "Most likely to step in: {names}.",
    ),
    "dependency.successors_title": (
        "Wer könnte einspringen? (Zuwachs an Vermittlung ohne QM)",
        "Who could step in? (gain in brokering without the QM)",
    ),
    "col.gain": ("Zuwachs", "Gain"),
    "dependency.cut_off": (
        "{n} Akteure wären vom größten Teil des Netzes abgeschnitten.",
        "{n} actors would be cut off from the main part of the network.",
    ),
    "dependency.none": (
        "Kein Akteur ist als Koordinator (QM) markiert; dieser Abschnitt entfällt.",
        "No actor is marked as coordinator (QM); this section is empty.",
    ),
    "dependency.method": (
        "Vergleich der Netzwerksicht mit und ohne die als Koordinator markierten Akteure "
        "({coordinators}). Verbundene Paare = Paare von Akteuren, zwischen denen es überhaupt "
        "einen Weg gibt; Fragmentierung = Anteil der Paare ohne Weg (0 = alle erreichbar, "
        "1 = völlig zerfallen).",
        "Comparison of the network view with and without the actors marked as coordinators "
        "({coordinators}). Connected pairs = pairs of actors with any path between them; "
        "fragmentation = share of pairs without a path (0 = all reachable, 1 = fully "
        "fragmented).",
    ),
    "dependency.title": (
        "Mit und ohne Quartiersmanagement",
        "With and without the district management",
    ),
    "dependency.alt": (
        "Netzwerk mit und ohne Quartiersmanagement im Vergleich",
        "The network with and without the district management side by side",
    ),
    "dependency.with": ("mit QM", "with QM"),
    "dependency.without": ("ohne QM", "without QM"),
    "dependency.measure": ("Kennzahl", "Measure"),
    "dependency.before": ("mit QM", "with QM"),
    "dependency.after": ("ohne QM", "without QM"),
    "dependency.connected_pairs": ("Verbundene Paare", "Connected pairs"),
    "dependency.fragmentation": ("Fragmentierung", "Fragmentation"),
    "dependency.n_components": ("Getrennte Teile", "Separate parts"),
    "dependency.largest_component": (
        "Größter zusammenhängender Teil (Akteure)",
        "Largest connected part (actors)",
    ),
    "dependency.isolates": ("Akteure ohne Verbindung", "Actors without ties"),
    "dependency.cut_off_title": ("Ohne QM abgeschnitten", "Cut off without the QM"),
    # ------------------------------------------------------------------ gaps
    "gaps.lead": (
        "Wer arbeitet mit wem – und wer nicht? Die Matrix vergleicht für jedes Paar von "
        "Sektoren die beobachteten Verbindungen mit der Zahl, die bei zufälliger Verteilung "
        "zu erwarten wäre. Blau: mehr als erwartet, rot: weniger; schraffiert: keine einzige "
        "Verbindung.",
        "Who works with whom – and who does not? For every pair of sectors the matrix "
        "compares the observed ties with the number expected if ties were spread at random. "
        "Blue: more than expected, red: fewer; hatched: not a single tie.",
    ),
    "gaps.ei": (
        "E-I-Index {ei} (−1 = nur innerhalb der Sektoren, +1 = nur zwischen Sektoren){p}.",
        "E-I index {ei} (−1 = only within sectors, +1 = only across sectors){p}.",
    ),
    "gaps.ei_p": ("; p = {p} im Permutationstest", "; p = {p} in a permutation test"),
    "gaps.assortativity": ("Assortativität {r}: {meaning}.", "Assortativity {r}: {meaning}."),
    "gaps.assortative": (
        "Akteure bleiben eher im eigenen Sektor",
        "actors tend to stay within their own sector",
    ),
    "gaps.disassortative": (
        "Akteure verbinden sich eher über Sektoren hinweg",
        "actors tend to connect across sectors",
    ),
    "gaps.neutral": ("keine deutliche Neigung", "no clear tendency"),
    "gaps.missing": (
        "{n} Paare von Sektoren haben keine einzige Verbindung, z. B. {pairs}.",
        "{n} pairs of sectors have not a single tie, e.g. {pairs}.",
    ),
    "gaps.communities": (
        "Die Gruppenerkennung findet {n} Gruppen von Akteuren; {holes} Paare davon sind gar "
        "nicht oder nur über das QM bzw. einen einzelnen Akteur verbunden.",
        "Community detection finds {n} groups of actors; {holes} pairs of them are not "
        "linked at all, or only through the QM or a single actor.",
    ),
    "gaps.method": (
        "Beobachtet: Verbindungen zwischen Sektor g und h (innerhalb eines Sektors doppelt "
        "gezählt). Erwartet: D_g·D_h/2m (Konfigurationsmodell, D = Summe der Verbindungen "
        "eines Sektors). Verhältnis beobachtet/erwartet unter 1: seltener als der Zufall. "
        "E-I-Index nach Krackhardt & Stern mit {permutations} Permutationen (Startwert "
        "{seed}); Gruppen: Leiden.",
        "Observed: ties between sector g and h (within a sector counted twice). Expected: "
        "D_g·D_h/2m (configuration model, D = sum of a sector's ties). Ratio observed/expected "
        "below 1: rarer than chance. E-I index after Krackhardt & Stern with {permutations} "
        "permutations (seed {seed}); groups: Leiden.",
    ),
    "gaps.title": (
        "Verbindungen zwischen Sektoren: beobachtet / erwartet",
        "Ties between sectors: observed / expected",
    ),
    "gaps.alt": (
        "Matrix Sektor mal Sektor mit beobachteten und erwarteten Verbindungen",
        "Sector by sector matrix of observed and expected ties",
    ),
    "gaps.colorbar": ("beobachtet / erwartet (log-Skala)", "observed / expected (log scale)"),
    "gaps.cell_note": (
        "Zahl oben: beobachtet, unten: erwartet",
        "Number on top: observed, below: expected",
    ),
    "gaps.missing_title": (
        "Sektoren ohne jede Verbindung (größte Erwartung zuerst)",
        "Sectors without any tie (largest expectation first)",
    ),
    "col.sector_a": ("Sektor A", "Sector A"),
    "col.sector_b": ("Sektor B", "Sector B"),
    "col.observed": ("beobachtet", "observed"),
    "col.expected": ("erwartet", "expected"),
    "col.ratio": ("Verhältnis", "ratio"),
    "col.actors_a": ("Akteure A", "Actors A"),
    "col.actors_b": ("Akteure B", "Actors B"),
    # ------------------------------------------------------------------ introductions
    "introductions.lead": (
        "Diese Paare kennen sich noch nicht, hätten aber gute Gründe, sich kennenzulernen. "
        "Die Spalte „Wer stellt vor?“ nennt einen Akteur, der beide schon kennt.",
        "These pairs do not know each other yet but have good reasons to meet. The column "
        "“Who introduces?” names an actor who already knows both.",
    ),
    "introductions.none": ("Keine Vorschläge.", "No suggestions."),
    "introductions.gap": ("Lücke: {gap}", "Gap: {gap}"),
    "introductions.method": (
        "Vorschläge aus der Netzwerksicht und den Themen, Projekten und Orten im "
        "Datenbestand; Punktzahl: höher = lohnender (gemeinsame Themen und Bekannte, "
        "Brücke über eine Lücke zwischen Sektoren). Persönliche Daten bleiben im "
        "Datenbestand.",
        "Suggestions from the network view and the topics, projects and places in the "
        "store; score: higher = more worthwhile (shared topics and contacts, bridging a gap "
        "between sectors). Personal data stays in the store.",
    ),
    "col.a": ("Akteur A", "Actor A"),
    "col.b": ("Akteur B", "Actor B"),
    "col.score": ("Punkte", "Score"),
    "col.reasons": ("Warum?", "Why?"),
    "col.introducer": ("Wer stellt vor?", "Who introduces?"),
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
    # ------------------------------------------------------------------ ego figure
    "ego.title": ("Ego-Netzwerk: {name}", "Ego network: {name}"),
    "ego.alt": ("Die direkten Kontakte von {name}", "The direct contacts of {name}"),
}


def text(key: str, lang: str = "de", /, **values: object) -> str:
    """The text ``key`` in ``lang`` ('de' or 'en'), with ``{placeholders}`` filled in.

    A name ending in a full stop does not double the sentence's own:

    >>> text("brokers.top_other", "en", names="Wir in Wehringhausen e.V.")
    'Main brokers besides the district management: Wir in Wehringhausen e.V.'
    """
    german, english = TEXTS[key]
    template = english if lang == "en" else german
    if not values:
        return template
    filled = template.format(**values)
    return filled[:-1] if filled.endswith("..") and not filled.endswith("...") else filled


def section_title(key: str, lang: str = "de") -> str:
    """Heading of a report section (see `SECTION_KEYS`)."""
    return text(f"section.{key}", lang)


def format_date(day: date | None, lang: str = "de") -> str:
    """30.06.2024 in German, 30 Jun 2024 in English; '–' for no date."""
    if day is None:
        return "–"
    if lang == "en":
        return f"{day.day} {day.strftime('%b')} {day.year}"
    return day.strftime("%d.%m.%Y")


def format_number(value: float | int | None, lang: str = "de", digits: int = 2) -> str:
    """A number for reading: German decimal comma, thousands grouped; '–' for None.

    >>> format_number(1234.5, "de", 1), format_number(1234.5, "en", 1), format_number(7, "de")
    ('1.234,5', '1,234.5', '7')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, bool):
        return text("report.yes" if value else "report.no", lang)
    formatted = f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"
    if lang == "de":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return formatted


def format_share(value: float | None, lang: str = "de") -> str:
    """A share 0–1 as a percentage: 0.345 -> '34,5 %' (de) or '34.5%' (en)."""
    if value is None:
        return "–"
    number = format_number(100 * value, lang, 1)
    return f"{number} %" if lang == "de" else f"{number}%"


def join_names(names: list[str], lang: str = "de", limit: int = 8) -> str:
    """'A, B und C' / 'A, B and C'; longer lists end with '… (+n)'."""
    if not names:
        return text("report.none", lang)
    shown = list(names[:limit])
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" … (+{rest})"
    if len(shown) == 1:
        return shown[0]
    conjunction = " und " if lang == "de" else " and "
    return ", ".join(shown[:-1]) + conjunction + shown[-1]
