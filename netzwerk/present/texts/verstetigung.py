"""Texts of the Verstetigung questions (what holds when funding ends): `netzwerk foerderung`
(English alias `funding`), its help, table headings, measures and columns. German next to
English."""

from __future__ import annotations

from netzwerk.present.texts._commands import command_help

_FUNDING_HELP = (
    "Was das Netz verlöre, wenn Förderung endet: welche Projekte enden, welche Verbindungen "
    "nur durch sie bestehen, wer abgeschnitten wäre, welche Brückenbauer ihre Rolle "
    "verlieren und wer sie übernehmen könnte.\n\nEin Projekt endet, wenn die Förderung der "
    "genannten Fördergeber ausläuft (mit --bis: die bis dahin endet) und keine andere "
    "weiterläuft. Tabelle und CSV: Überblick, endende Projekte, verlorene Verbindungen, "
    "Gruppenpaare ohne Weg, Brückenbauer mit Verlust, mögliche Nachfolger. JSON: ein Objekt.",
    "What the network would lose when funding ends: which projects end, which ties exist "
    "only through them, who would be cut off, which brokers lose their role and who could "
    "take it over.\n\nA project ends when the named funders' funding runs out (with "
    "--until: the funding that ends by then) and no other funding goes on. Table and CSV: "
    "summary, ending projects, lost ties, pairs of groups without a path, brokers losing, "
    "possible successors. JSON: one object.",
)
_FUNDING_OPTIONS = {
    "funder_ids": (
        "Fördergeber, dessen Förderung endet: Kennung, genauer Name oder Pseudonym "
        "(wiederholbar: mehrere zugleich).",
        "Funder whose funding ends: id, exact name or pseudonym (repeatable: several at once).",
    ),
    "ends_by_text": (
        "Nur Förderung, die bis zu diesem Tag endet (TT.MM.JJJJ, JJJJ-MM-TT oder JJJJ). "
        "Ohne: alle Förderung der Fördergeber endet jetzt.",
        "Only funding that ends by this day (YYYY-MM-DD, DD.MM.YYYY or YYYY). Without: all "
        "of the funders' funding ends now.",
    ),
    "by_text": (
        "Gruppen, deren Verbindungen geprüft werden (sector, type, …).",
        "Groups whose connections are checked (sector, type, ...).",
    ),
    "top": (
        "Anzahl der genannten Brückenbauer mit Verlust und Nachfolger.",
        "Number of brokers losing and successors listed.",
    ),
}

_COMMITTEE_HELP = (
    "Wer am Tisch eines Gremiums fehlt: welche Sektoren und Themen die Mitglieder "
    "abdecken, welche Sektoren keinen Sitz haben, wer als Einzige/r einen Sektor vertritt "
    "und wer den fehlenden Sitz füllen könnte.\n\nMitglieder: Mitgliedschaft im Gremium, "
    "Träger des Gremiums und (ohne --ohne-teilnahme) wer im Jahr vor dem Stichtag an einer "
    "Sitzung teilnahm. Vorschläge nur Organisationen und Personen mit Einwilligung.",
    "Who is missing at a committee's table: which sectors and topics its members cover, "
    "which sectors have no seat, who alone represents a sector and who could fill the "
    "missing seats.\n\nMembers: membership in the committee, its Träger and (without "
    "--without-attendance) whoever attended a meeting in the year before the day. "
    "Suggestions only organisations and persons who consented.",
)
_COMMITTEE_OPTIONS = {
    "without_attendance": (
        "Nur Mitgliedschaften zählen, nicht die Teilnahme an Sitzungen.",
        "Count memberships only, not attendance at meetings.",
    ),
    "by_text": (
        "Gruppen, deren Sitze gezählt werden (sector, type, …).",
        "Groups whose seats are counted (sector, type, ...).",
    ),
    "top": ("Anzahl der Vorschläge.", "Number of suggestions."),
}

_CONTACTS_HELP = (
    "Verbindungen, die einschlafen: ohne Kontakt seit mehr als --monate Monaten, die "
    "wichtigsten zuerst (einzige Verbindung zwischen zwei Teilen des Netzes oder zweier "
    "Sektoren, Nadelöhre, Brückenbauer), mit dem letzten Kontakt und wer vom QM anrufen "
    "sollte.\n\nLetzter Kontakt: letzter_kontakt der Beziehung, ihr Beginn, eine "
    "gemeinsame Veranstaltung oder ein gemeinsames Projekt (solange es läuft: heute). "
    "--woche: nur die zehn Anrufe dieser Woche, passt auf eine A4-Seite.",
    "Ties falling asleep: no contact for more than --months months, the most important "
    "first (only tie between two parts of the network or two sectors, cut-points, "
    "brokers), with the last contact and who in the QM should call.\n\nLast contact: the "
    "tie's last_contact, its start, a shared event or a shared project (while it runs: "
    "today). --week: only this week's ten calls, fits on one A4 page.",
)
_CONTACTS_OPTIONS = {
    "months": (
        "Monate ohne Kontakt, ab denen eine Verbindung als einschlafend gilt.",
        "Months without contact after which a tie counts as falling asleep.",
    ),
    "week": (
        "Nur die Anrufliste dieser Woche (zehn Verbindungen, eine A4-Seite).",
        "Only this week's call list (ten ties, one A4 page).",
    ),
    "top": ("Nur die ersten N Verbindungen.", "Only the first N ties."),
}

TEXTS: dict[str, tuple[str, str]] = {
    "section.contacts": ("Einschlafende Verbindungen", "Ties falling asleep"),
    "contacts.lead": (
        "Verbindungen ohne Kontakt seit mehr als {months} Monaten, die wichtigsten zuerst: "
        "wer sie pflegt, hält das Netz zusammen. Oben die Anrufe für diese Woche.",
        "Ties without contact for more than {months} months, the most important first: "
        "keeping them holds the network together. At the top: this week's calls.",
    ),
    "contacts.none": (
        "Keine Verbindungen in der Netzwerksicht.",
        "No ties in the network view.",
    ),
    "contacts.method": (
        "Letzter Kontakt: letzter_kontakt der Beziehung, ihr Beginn, eine gemeinsame "
        "Veranstaltung oder ein gemeinsames laufendes Projekt. Wichtig: einzige Verbindung "
        "zweier Teile des Netzes oder zweier Sektoren, Nadelöhr oder Brückenbauer an einem "
        "Ende. Anrufen sollte die Koordination, die einen der beiden kennt. Die wichtigsten "
        "{listed} in dormant_ties.csv; netzwerk kontakte --woche druckt die Liste auf eine "
        "Seite.",
        "Last contact: the tie's last_contact, its start, a shared event or a shared running "
        "project. Important: only tie of two parts of the network or two sectors, a cut-point "
        "or broker at one end. The coordinator who knows one of the two should call. The "
        "most important {listed} in dormant_ties.csv; netzwerk dormant --week prints the "
        "list on one page.",
    ),
    "contacts.counts": (
        "{dormant} von {total} Verbindungen hatten seit über {months} Monaten keinen Kontakt; "
        "bei {unknown} ist kein Kontakt bekannt.{cut}",
        "{dormant} of {total} ties have had no contact for over {months} months; for "
        "{unknown} no contact is known.{cut}",
    ),
    "contacts.cut": (
        " dormant_ties.csv nennt die wichtigsten {listed}.",
        " dormant_ties.csv lists the {listed} most important.",
    ),
    "contacts.carrying": (
        "{n} davon sind die einzige Verbindung zweier Teile des Netzes oder zweier Sektoren.",
        "{n} of them are the only tie between two parts of the network or two sectors.",
    ),
    "contacts.callers": ("Diese Woche anrufen sollten: {names}.", "Calls this week: {names}."),
    "contacts.calls_title": ("Diese Woche anrufen", "Call this week"),
    "cli.contacts.summary": ("Überblick", "Summary"),
    "cli.contacts.ties": (
        "Einschlafende Verbindungen (wichtigste zuerst)",
        "Ties falling asleep (most important first)",
    ),
    "cli.contacts.week": ("Diese Woche anrufen", "Call this week"),
    "measure.contacts_months": ("Monate ohne Kontakt", "Months without contact"),
    "measure.contacts_threshold": ("Kontakt zuletzt vor", "Last contact before"),
    "measure.contacts_ties_total": ("Verbindungen im Netz", "Ties in the network"),
    "measure.contacts_recent": ("mit Kontakt seitdem", "With contact since"),
    "measure.contacts_dormant": ("einschlafend", "Falling asleep"),
    "measure.contacts_without_date": ("ohne bekannten Kontakt", "Without a known contact"),
    "method.months": ("Monate ohne Kontakt", "months without contact"),
    "contacts.kind.contact": ("Kontakt", "contact"),
    "contacts.kind.since": ("Beginn der Beziehung", "start of the tie"),
    "contacts.kind.event": ("Veranstaltung", "event"),
    "contacts.kind.project": ("Projekt", "project"),
    "contacts.reason.bridge": ("einzige Verbindung zweier Teile", "only tie of two parts"),
    "contacts.reason.only_link": ("einzige Verbindung der Sektoren", "only tie of the sectors"),
    "contacts.reason.introducer": ("trägt eine Vorstellung", "carries an introduction"),
    "contacts.reason.cut_point": ("Nadelöhr", "cut-point"),
    "contacts.reason.broker": ("Brückenbauer", "broker"),
    "col.last_contact": ("letzter Kontakt", "Last contact"),
    "col.contact_kind": ("Art", "Kind"),
    "col.months_ago": ("Monate her", "Months ago"),
    "col.caller": ("anrufen sollte", "Who calls"),
    "col.whom": ("wen", "Whom"),
    "cli.committee.summary": ("Überblick", "Summary"),
    "cli.committee.groups": ("Gruppen und ihre Sitze", "Groups and their seats"),
    "cli.committee.single_seats": (
        "Einzige Vertretung ihrer Gruppe",
        "Only representative of their group",
    ),
    "cli.committee.candidates": (
        "Vorschläge aus Gruppen ohne Sitz",
        "Suggestions from groups without a seat",
    ),
    "method.attendance": ("Sitzungsteilnahme zählt", "meeting attendance counts"),
    "measure.committee_committee": ("Gremium", "Committee"),
    "measure.committee_members": ("Mitglieder", "Members"),
    "measure.committee_groups_seated": ("Gruppen mit Sitz", "Groups with a seat"),
    "measure.committee_groups_missing": ("Gruppen ohne Sitz", "Groups without a seat"),
    "measure.committee_topics_missing": ("Themen ohne Sitz", "Topics without a seat"),
    "col.actors": ("Akteure", "Actors"),
    "col.tie_ends": ("Verbindungen (Enden)", "Ties (ends)"),
    "col.members": ("Sitze", "Seats"),
    "col.reach": ("erreicht in der Gruppe", "Reaches in the group"),
    "col.committee_score": ("Vermittlung zum Gremium", "Brokerage toward the committee"),
    "col.members_tied": ("kennt Mitglieder", "Knows members"),
    "cli.funding.summary": ("Überblick", "Summary"),
    "cli.funding.projects": ("Endende Projekte", "Projects ending"),
    "cli.funding.ties": (
        "Verlorene Verbindungen (nur durch diese Projekte)",
        "Ties lost (only through these projects)",
    ),
    "cli.funding.pairs": (
        "Gruppenpaare, zwischen denen kein Weg bliebe",
        "Pairs of groups left without any path",
    ),
    "cli.funding.losing": ("Brückenbauer mit Verlust", "Brokers losing their role"),
    "cli.funding.successors": (
        "Mögliche Nachfolger (Betweenness wächst)",
        "Possible successors (betweenness grows)",
    ),
    "measure.funders": ("Fördergeber", "Funders"),
    "measure.ends_by": ("Förderung endet bis", "Funding ends by"),
    "measure.projects_ended": ("endende Projekte", "Projects ending"),
    "measure.all_actors": ("Akteure", "Actors"),
    "measure.ties_lost": ("verlorene Verbindungen", "Ties lost"),
    "measure.ties_weakened": ("geschwächte Verbindungen", "Ties weakened"),
    "measure.components_before": ("getrennte Teile vorher", "Separate parts before"),
    "measure.components_after": ("getrennte Teile nachher", "Separate parts after"),
    "measure.cut_off": ("abgeschnitten", "Cut off"),
    "measure.ends_now": ("jetzt (alle Förderung)", "now (all funding)"),
    # ------------------------------------------------------------------ report section
    "section.funding": (
        "Wenn Förderung endet (Verstetigung)",
        "When funding ends (sustaining the network)",
    ),
    "funding.lead": (
        "Was bliebe vom Netz, wenn die Förderung, die bis zum {day} ausläuft, nicht verlängert "
        "würde? Projekte ohne weitere Förderung enden; Verbindungen, die es nur durch sie "
        "gibt, gingen verloren. Auf der interaktiven Karte (karte.html) lässt sich prüfen, "
        "wer an den genannten Projekten hängt.",
        "What would remain of the network if the funding that runs out by {day} were not "
        "renewed? Projects without other funding end; ties that exist only through them "
        "would be lost. The interactive map (karte.html) shows who hangs on the projects "
        "named.",
    ),
    "funding.none": (
        "In den Daten endet keine Förderung bis Ende des nächsten Jahres, oder es fehlt das "
        "Ende: in der Tabelle Projekte die Spalten foerderung und foerderung_bis ausfüllen, "
        "dann zeigt dieser Abschnitt, was ohne diese Förderung wegfiele.",
        "No funding in the data ends by the end of next year, or its end is missing: fill in "
        "the columns foerderung (funder) and foerderung_bis (funded_until) of the sheet "
        "Projekte, and this section shows what would be lost without that funding.",
    ),
    "funding.method": (
        "Szenario: jede Förderung eines Projekts, die bis Ende des nächsten Jahres endet, "
        "wird nicht verlängert (alle Fördergeber zugleich); ein Projekt läuft weiter, wenn "
        "eine andere Förderung über diesen Tag hinaus besteht. Alles andere bleibt wie in der "
        "Netzwerksicht. Einzelne Fördergeber und Tage: netzwerk foerderung --foerdergeber ID "
        "--bis DATUM.",
        "Scenario: every funding of a project that ends by the end of next year is not "
        "renewed (all funders at once); a project goes on if other funding lasts beyond "
        "that day. Everything else stays as in the network view. Single funders and other "
        "days: netzwerk funding --funder ID --until DATE.",
    ),
    "funding.ending": (
        "Bis zum {day} läuft Förderung aus von {funders}. Ohne Anschlussförderung "
        "endeten: {projects}.",
        "By {day} funding runs out from {funders}. Without follow-up funding these would "
        "end: {projects}.",
    ),
    "funding.ties": (
        "{lost} Verbindungen gäbe es dann nicht mehr, {weakened} würden schwächer.",
        "{lost} ties would be gone, {weakened} would be weaker.",
    ),
    "funding.pairs": (
        "{lost} Paare von Akteuren hätten keinen Weg mehr zueinander (Fragmentierung "
        "{before} → {after}).",
        "{lost} pairs of actors would have no path left (fragmentation {before} → {after}).",
    ),
    "funding.cut_off": (
        "Den Anschluss an den größten Teil des Netzes verlören: {actors}.",
        "Cut off from the largest part of the network: {actors}.",
    ),
    "funding.group_pairs_lost": (
        "Zwischen diesen Sektoren bliebe kein Weg: {pairs}.",
        "These sectors would be left without a path: {pairs}.",
    ),
    "funding.successors": (
        "Die Vermittlung übernähmen am ehesten: {names}.",
        "Most likely to take over the brokering: {names}.",
    ),
    "funding.title": ("Netz mit und ohne die Förderung", "Network with and without the funding"),
    "funding.before": ("heute", "today"),
    "funding.after": ("ohne die Förderung", "without the funding"),
    "funding.funders_title": ("Auslaufende Förderung", "Funding running out"),
    "funding.projects_title": ("Projekte, die enden würden", "Projects that would end"),
    "funding.cut_off_title": ("Ohne die Förderung abgeschnitten", "Cut off without the funding"),
    "funding.successors_title": (
        "Wer die Vermittlung übernehmen könnte",
        "Who could take over the brokering",
    ),
    # ------------------------------------------------------------------ committee section
    "section.committee": ("Wer am Tisch fehlt", "Who is missing at the table"),
    "committee.lead": (
        "Welche Sektoren im {committee} einen Sitz haben, welche fehlen und wer den Platz "
        "füllen könnte. Je größer ein Sektor ohne Sitz (Akteure und Verbindungen), desto "
        "mehr fehlt seine Stimme.",
        "Which sectors have a seat in {committee}, which are missing and who could take the "
        "seat. The larger a sector without a seat (actors and ties), the more its voice is "
        "missed.",
    ),
    "committee.none": (
        "Kein Gremium mit Mitgliedern in den Daten: einen Akteur vom Typ Gremium anlegen "
        "und Beziehungen der Art Mitgliedschaft zu ihm eintragen (oder Sitzungen als "
        "Veranstaltungen, die es veranstaltet, mit Beteiligungen).",
        "No committee with members in the data: add an actor of type Gremium (committee) "
        "and ties of kind Mitgliedschaft (membership) to it (or its meetings as events it "
        "runs, with participants).",
    ),
    "committee.method": (
        "Mitglieder: Mitgliedschaft im Gremium, sein Träger und wer im Jahr vor dem Stichtag "
        "an einer seiner Sitzungen teilnahm. Vorschläge: Organisationen und Personen mit "
        "Einwilligung aus Sektoren ohne Sitz, nach ihrer Vermittlung zum Gremium (Paare aus "
        "einem Akteur ihres Sektors und einem Mitglied, die beide sie kennen, aber nicht "
        "einander; Gould & Fernandez 1989). Andere Gremien: netzwerk gremium ID.",
        "Members: membership in the committee, its Träger and who attended one of its "
        "meetings in the year before the day. Suggestions: organisations and persons who "
        "consented, from sectors without a seat, by their brokerage toward the committee "
        "(pairs of an actor of their sector and a member who both know them but not each "
        "other; Gould & Fernandez 1989). Other committees: netzwerk committee ID.",
    ),
    "committee.members": (
        "{committee}: {members} am Tisch, aus {seated} von {groups} Sektoren.",
        "{committee}: {members} at the table, from {seated} of {groups} sectors.",
    ),
    "committee.group_size": ("{group} ({actors} Akteure)", "{group} ({actors} actors)"),
    "committee.missing": ("Ohne Sitz sind: {groups}.", "Without a seat: {groups}."),
    "committee.single_seats": (
        "Nur einen Sitz hat ihr Sektor durch: {names} — fiele er weg, fehlte der Sektor.",
        "Their sector's only seat: {names} — without them the sector would be missing.",
    ),
    "committee.candidates": (
        "Vorschläge für die fehlenden Sitze: {names}.",
        "Suggestions for the missing seats: {names}.",
    ),
    "committee.groups_title": ("Sektoren und ihre Sitze", "Sectors and their seats"),
    "committee.single_seats_title": (
        "Einzige Vertretung ihres Sektors",
        "Only representative of their sector",
    ),
    "committee.candidates_title": (
        "Vorschläge aus Sektoren ohne Sitz",
        "Suggestions from sectors without a seat",
    ),
    # ------------------------------------------------------------------ Verstetigung page
    "section.verstetigung": ("Verstetigung auf einer Seite", "Sustaining the network on one page"),
    "verstetigung.lead": (
        "Für den Lenkungskreis: was das Netz trägt, wenn sich das Quartiersmanagement "
        "zurückzieht und Förderung ausläuft, und wo am Tisch Stimmen fehlen. Die Zahlen "
        "stammen aus den Abschnitten zur Abhängigkeit, zur Förderung und zum Gremium.",
        "For the steering committee: what carries the network when the district management "
        "steps back and funding runs out, and which voices are missing at the table. The "
        "figures come from the sections on dependency, funding and the committee.",
    ),
    "verstetigung.method": (
        "Dieselben Berechnungen wie in den drei Abschnitten; ohne QM zählen die Paare der "
        "übrigen Akteure, ohne Förderung die Paare aller Akteure.",
        "The same computations as in the three sections; without the QM the pairs of the "
        "other actors count, without the funding the pairs of all actors.",
    ),
    "verstetigung.without_qm": (
        "Ohne das QM verlören {lost} Paare von Akteuren jeden Weg zueinander, {actors} wären "
        "abgeschnitten; Vermittlung übernähmen am ehesten: {names}.",
        "Without the QM {lost} pairs of actors would lose every path, {actors} would be cut "
        "off; most likely to take over the brokering: {names}.",
    ),
    "verstetigung.funding": (
        "Läuft die Förderung bis zum {day} aus: es endeten {projects}, {ties} gingen "
        "verloren, {actors} wären abgeschnitten; Vermittlung übernähmen am ehesten: {names}.",
        "If the funding runs out by {day}: {projects} would end, {ties} would be lost, "
        "{actors} would be cut off; most likely to take over the brokering: {names}.",
    ),
    "verstetigung.no_funding": (
        "Zum Ende von Förderung sagen die Daten nichts (Projekte: Spalte foerderung_bis).",
        "The data say nothing about funding ending (Projekte: column foerderung_bis).",
    ),
    "verstetigung.table_title": (
        "Netz heute, ohne QM und ohne die auslaufende Förderung",
        "The network today, without the QM and without the funding that runs out",
    ),
    "verstetigung.connected_pairs": ("Verbundene Paare", "Connected pairs"),
    "verstetigung.fragmentation": ("Fragmentierung", "Fragmentation"),
    "verstetigung.cut_off": ("Abgeschnittene Akteure", "Actors cut off"),
    "col.projects": ("Projekte", "Projects"),
    "col.project": ("Projekt", "Project"),
    "col.funders": ("Fördergeber", "Funders"),
    "col.funded_until": ("gefördert bis", "Funded until"),
    "col.source": ("Akteur A", "Actor A"),
    "col.target": ("Akteur B", "Actor B"),
    "col.weight": ("Stärke", "Strength"),
    "col.loss": ("Verlust", "Loss"),
}
TEXTS.update(command_help(("kontakte", "dormant"), _CONTACTS_HELP, _CONTACTS_OPTIONS))
TEXTS.update(command_help(("gremium", "committee"), _COMMITTEE_HELP, _COMMITTEE_OPTIONS))
TEXTS.update(command_help(("foerderung", "funding"), _FUNDING_HELP, _FUNDING_OPTIONS))
