"""Texts of the report sections that explain an analysis: brokers and their roles, the
dependence on the district management, gaps between sectors and suggested introductions
(German next to English), with the column headers of their tables.
"""

from __future__ import annotations

ROLE_KEYS = ("liaison", "gatekeeper", "representative", "itinerant", "coordinator")
"""Gould–Fernandez brokerage roles in the order they are explained in the report."""

TEXTS: dict[str, tuple[str, str]] = {
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
    "brokers.key_players_shortened": (
        "Das Netz ist sehr groß: die Schlüsselakteure wurden mit {starts} statt {usual} "
        "Zufallsstarts gesucht (dazu vom schrittweise gewählten Start aus). Eine andere "
        "Gruppe könnte das Netz noch stärker zerteilen.",
        "The network is very large: the key players were searched with {starts} instead of "
        "{usual} random starts (besides the step-by-step start). Another set might break "
        "the network up even more.",
    ),
    "brokers.key_players_greedy_only": (
        "Das Netz ist sehr groß: die Schlüsselakteure wurden nur vom schrittweise gewählten "
        "Start aus gesucht, ohne die sonst {usual} Zufallsstarts. Eine andere Gruppe könnte "
        "das Netz noch stärker zerteilen.",
        "The network is very large: the key players were searched from the step-by-step "
        "start only, without the usual {usual} random starts. Another set might break the "
        "network up even more.",
    ),
    "brokers.ranking_sure": (
        "Die Betweenness ist geschätzt (Stichprobe). Die ersten {n} sind mit 95 % Sicherheit "
        "richtig geordnet: ihre Fehlerbereiche (Betweenness ± Fehler) überschneiden sich nicht.",
        "Betweenness is estimated (a sample). The first {n} are in the right order with 95 % "
        "confidence: their error ranges (betweenness ± error) do not overlap.",
    ),
    "brokers.ranking_partly": (
        "Die Betweenness ist geschätzt (Stichprobe). Nur die ersten {sure} sind mit 95 % "
        "Sicherheit richtig geordnet; ab Platz {next} überschneiden sich die Fehlerbereiche "
        "(Betweenness ± Fehler), die Reihenfolge dort ist unsicher.",
        "Betweenness is estimated (a sample). Only the first {sure} are in the right order "
        "with 95 % confidence; from rank {next} on the error ranges (betweenness ± error) "
        "overlap, so the order there is uncertain.",
    ),
    "brokers.ranking_first": (
        "Die Betweenness ist geschätzt (Stichprobe). Nur Platz 1 ist mit 95 % Sicherheit "
        "richtig; ab Platz 2 überschneiden sich die Fehlerbereiche (Betweenness ± Fehler), "
        "die Reihenfolge dort ist unsicher.",
        "Betweenness is estimated (a sample). Only rank 1 is right with 95 % confidence; "
        "from rank 2 on the error ranges (betweenness ± error) overlap, so the order there "
        "is uncertain.",
    ),
    "brokers.ranking_unsure": (
        "Die Betweenness ist geschätzt (Stichprobe). Die Reihenfolge der ersten {n} ist nicht "
        "mit 95 % Sicherheit richtig: schon die Fehlerbereiche (Betweenness ± Fehler) der "
        "ersten Plätze überschneiden sich.",
        "Betweenness is estimated (a sample). The order of the first {n} is not right with "
        "95 % confidence: already the error ranges (betweenness ± error) of the first ranks "
        "overlap.",
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
    "col.betweenness_error_95": ("± Fehler (95 %)", "± error (95 %)"),
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
    "dependency.successors_fewer_sources": (
        "Das Netz ist sehr groß: wer einspringen könnte, ist aus {used} der {sources} "
        "Stichproben-Quellen der Brückenbauer-Tabelle geschätzt (vorher und nachher aus "
        "denselben). Diese Werte schwanken daher stärker als die der Brückenbauer-Tabelle.",
        "The network is very large: who could step in is estimated from {used} of the broker "
        "table's {sources} sampled sources (before and after from the same ones). These "
        "values therefore vary more than those of the broker table.",
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
        "Beobachtet: Verbindungen zwischen Sektor g und h, innerhalb eines Sektors die "
        "Verbindungen zwischen seinen Akteuren (jede Verbindung einmal gezählt). Erwartet: "
        "D_g·D_h/2m, innerhalb eines Sektors (D_g² − Σk²)/4m (Konfigurationsmodell ohne "
        "Selbstpaare, D = Summe der Verbindungen eines Sektors, k = die eines Akteurs; ein "
        "Sektor mit einem Akteur erwartet 0 in sich). Verhältnis beobachtet/erwartet unter 1: "
        "seltener als der Zufall. E-I-Index nach Krackhardt & Stern mit {permutations} "
        "Permutationen (Startwert {seed}); Gruppen: Leiden.",
        "Observed: ties between sector g and h, within a sector the ties among its actors "
        "(each tie counted once). Expected: D_g·D_h/2m, within a sector (D_g² − Σk²)/4m "
        "(configuration model without self-pairs, D = sum of a sector's ties, k = an actor's; "
        "a sector of one actor expects 0 within itself). Ratio observed/expected below 1: "
        "rarer than chance. E-I index after Krackhardt & Stern with {permutations} "
        "permutations (seed {seed}); groups: Leiden.",
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
}
