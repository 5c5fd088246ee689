"""Texts of keeping the data true: likely duplicate actors (`netzwerk dubletten`)."""

from __future__ import annotations

from netzwerk.present.texts._commands import command_help

_DUPLICATES_HELP = (
    "Wahrscheinlich doppelt eingetragene Akteure, mit Punktzahl und Grund: ähnlicher Name "
    "(Rechtsformen, Umlaute und Abkürzungen ausgeglichen: „Caritasverband Hagen e.V.“ = "
    "„Caritas Hagen“), gleiche Adresse, gleiche Kontaktangabe. Adressen und Kontakte "
    "werden verglichen, nie gezeigt; Personen erscheinen pseudonymisiert.",
    "Actors that are probably entered twice, with a score and the reason: similar name "
    "(legal forms, umlauts and abbreviations evened out: 'Caritasverband Hagen e.V.' = "
    "'Caritas Hagen'), same address, same contact. Addresses and contacts are compared, "
    "never shown; persons appear pseudonymised.",
)
_DUPLICATES_OPTIONS = {
    "min_score": (
        "Nur Paare mit mindestens so vielen Punkten (0–100).",
        "Only pairs with at least this score (0–100).",
    ),
    "top": (
        "Höchstens so viele Paare (die wahrscheinlichsten zuerst).",
        "At most this many pairs (most likely first).",
    ),
}


TEXTS: dict[str, tuple[str, str]] = {
    "cli.duplicates.pairs": ("Wahrscheinlich doppelte Akteure", "Probably duplicate actors"),
    "cli.duplicates.none": (
        "Keine wahrscheinlich doppelten Akteure gefunden.",
        "No probably duplicate actors found.",
    ),
    "duplicates.reason.name": ("ähnlicher Name", "similar name"),
    "duplicates.reason.address": ("gleiche Adresse", "same address"),
    "duplicates.reason.contact": ("gleiche Kontaktangabe", "same contact"),
    "col.first_id": ("Kennung A", "ID A"),
    "col.first_name": ("Akteur A", "Actor A"),
    "col.second_id": ("Kennung B", "ID B"),
    "col.second_name": ("Akteur B", "Actor B"),
    "col.name_score": ("Namensähnlichkeit", "Name similarity"),
}
TEXTS.update(command_help(("dubletten", "duplicates"), _DUPLICATES_HELP, _DUPLICATES_OPTIONS))
TEXTS.update(
    {
        "diff.new": ("Neu ({n}):", "New ({n}):"),
        "diff.changed": ("Geändert ({n}, alt → neu):", "Changed ({n}, old → new):"),
        "diff.ended": ("Beendet ({n}):", "Ended ({n}):"),
        "diff.ended_on": ("{what} zum {day}", "{what} on {day}"),
        "diff.quoted": ("„{value}“", "“{value}”"),
        "diff.more": ("… und {n} weitere", "… and {n} more"),
        "diff.unchanged": ("Unverändert: {counts}", "Unchanged: {counts}"),
        "diff.hidden": ("{field} geändert", "{field} changed"),
        "diff.field.name": ("Name", "name"),
        "diff.field.since": ("seit", "since"),
        "diff.field.until": ("bis", "until"),
        "diff.field.type": ("Typ", "type"),
        "diff.field.sector": ("Sektor", "sector"),
        "diff.field.topics": ("Themen", "topics"),
        "diff.field.consent": ("Einwilligung", "consent"),
        "diff.field.coordinator": ("Koordination", "coordinator"),
        "diff.field.note": ("Notiz", "note"),
        "diff.field.address": ("Adresse", "address"),
        "diff.field.contact": ("Kontakt", "contact"),
        "diff.field.weight": ("Stärke", "strength"),
        "diff.field.role": ("Rolle", "role"),
        "diff.field.periods": ("Zeitraum", "period"),
        "diff.field.last_contact": ("letzter Kontakt", "last contact"),
        "conflict.heading": (
            "Widersprüche ({n}) — die neuere Aussage gilt, beide bleiben gespeichert:",
            "Contradictions ({n}) — the newer statement holds, both stay stored:",
        ),
        "conflict.holds": ("gilt", "holds"),
        "conflict.status": (
            "Widersprüche zwischen Quellen (die neuere Aussage gilt)",
            "Contradictions between sources (the newer statement holds)",
        ),
        "conflict.col.tie": ("Verbindung", "Tie"),
        "conflict.col.source": ("Quelle", "Source"),
        "conflict.col.stated": ("Datum der Aussage", "Stated on"),
        "conflict.col.holds": ("gilt?", "holds?"),
        "conflict.col.says": ("sagt", "says"),
        "conflict.overruled": ("überholt", "overruled"),
        "msg.corrections_alone": (
            "{file}: ein Korrekturbogen wird allein eingelesen — ohne die anderen Dateien "
            "erneut aufrufen",
            "{file}: a correction form is loaded on its own — run again without the other files",
        ),
        "msg.corrections_need_store": (
            "ein Korrekturbogen braucht einen Speicher, der Aussagen je Quelle hält — "
            "zuerst die Daten einlesen",
            "a correction form needs a store that keeps statements per source — load the "
            "data first",
        ),
    }
)
_MERGE_HELP = (
    "OTHER in KEEP zusammenführen: seine Beziehungen, Beteiligungen und Themen gehen auf "
    "KEEP über, gleiche Beziehungen werden zusammengefasst (stärkere Stärke, alle "
    "Zeiträume), sein Name wird ein Alias, unter dem spätere Ladeläufe bei KEEP landen. "
    "Rückgängig mit --undo LAUF (nur die letzte Änderung).",
    "Merge OTHER into KEEP: its ties, participation and topics move to KEEP, parallel ties "
    "are combined (the stronger strength, every period), its name becomes an alias later "
    "ingests land on KEEP by. Undo with --undo RUN (only the last change).",
)
_MERGE_OPTIONS = {
    "undo_run": (
        "Die Zusammenführung dieses Laufs zurücknehmen.",
        "Take back the merge of this run.",
    ),
}
TEXTS.update(
    {
        "merge.usage": (
            "zwei Akteure angeben (netzwerk merge KEEP OTHER) oder --undo LAUF",
            "name two actors (netzwerk merge KEEP OTHER) or --undo RUN",
        ),
        "merge.not_offered": (
            "{store} kann keine Akteure zusammenführen",
            "{store} cannot merge actors",
        ),
        "merge.done": (
            "„{other}“ ist jetzt „{keep}“ (Lauf {run}): {moved} Verknüpfungen übernommen, "
            "davon {combined} mit einer bestehenden zusammengefasst; {dropped} zwischen "
            "beiden entfallen. Spätere Ladeläufe mit „{other}“ landen bei „{keep}“. "
            "Rückgängig: netzwerk merge --undo {run}",
            "“{other}” is now “{keep}” (run {run}): {moved} links moved, {combined} of them "
            "combined with an existing one; {dropped} between the two dropped. Later "
            "ingests naming “{other}” land on “{keep}”. Undo: netzwerk merge --undo {run}",
        ),
        "merge.undone": (
            "Zusammenführung {run} zurückgenommen: „{other}“ ist wieder ein eigener Akteur.",
            "Merge {run} taken back: “{other}” is an actor of its own again.",
        ),
        "status.run_merge": ("(Zusammenführung)", "(merge)"),
        "status.run_merge_undo": ("(Zusammenführung zurückgenommen)", "(merge undone)"),
        "msg.aliases": (
            "Auf zusammengeführte Akteure umgeleitet: {actors} und {ties}.",
            "Redirected to merged actors: {actors} and {ties}.",
        ),
        "noun.actor_row": ("Akteurzeile|Akteurzeilen", "actor row|actor rows"),
        "noun.link": ("Verknüpfung|Verknüpfungen", "link|links"),
    }
)
TEXTS.update(command_help(("merge", "zusammenfuehren"), _MERGE_HELP, _MERGE_OPTIONS))
_WORKSHOP_HELP = (
    "Workshop-Bögen: je Sektor eine druckbare Seite (A4) mit den nummerierten Akteuren, "
    "ihren Verbindungen in andere Sektoren, einer Legende und leeren Zeilen für neue und "
    "beendete Verbindungen und Korrekturen; dazu korrekturen.xlsx zum Eintragen.",
    "Workshop sheets: one printable page (A4) per sector with the numbered actors, their "
    "ties to other sectors, a legend and empty lines for new and ended ties and "
    "corrections; and korrekturen.xlsx to type them in.",
)
_WORKSHOP_OPTIONS = {
    "out": ("Ordner für die Bögen (wird angelegt).", "Folder for the sheets (created)."),
}
TEXTS.update(
    {
        "workshop.title": ("Netzwerk-Workshop: {group}", "Network workshop: {group}"),
        "workshop.meta": (
            "Stand {day} · {n} Akteure · Nummern gelten für alle Bögen und korrekturen.xlsx",
            "As of {day} · {n} actors · numbers hold on every sheet and in korrekturen.xlsx",
        ),
        "workshop.legend": (
            "Bitte prüfen: Stimmen die Verbindungen? Fehlt jemand? Ist etwas beendet? "
            "Unten je Zeile eine Angabe: Nr. des Akteurs, was (neu, beendet, Korrektur), mit "
            "wem (Nr. oder Name), Art der Verbindung, ab wann, wer es gesagt hat.",
            "Please check: are the ties right? Is anyone missing? Has something ended? "
            "Below, one statement per line: the actor's number, what (new, ended, "
            "correction), with whom (number or name), kind of tie, from when, who said it.",
        ),
        "workshop.kinds": ("Arten", "Kinds"),
        "workshop.tie.cooperation.out": ("Kooperation mit", "cooperates with"),
        "workshop.tie.cooperation.in": ("Kooperation mit", "cooperates with"),
        "workshop.tie.membership.out": ("Mitglied in", "member of"),
        "workshop.tie.membership.in": ("hat als Mitglied", "has as member"),
        "workshop.tie.runs.out": ("Träger von", "runs"),
        "workshop.tie.runs.in": ("getragen von", "run by"),
        "workshop.tie.funding.out": ("fördert", "funds"),
        "workshop.tie.funding.in": ("gefördert von", "funded by"),
        "workshop.changes": ("Was", "What"),
        "workshop.actors": (
            "Akteure und ihre Verbindungen in andere Sektoren",
            "Actors and their ties to other sectors",
        ),
        "workshop.lines": ("Neu, beendet, Korrektur", "New, ended, correction"),
        "workshop.since": ("seit {day}", "since {day}"),
        "workshop.change.new": ("neu", "new"),
        "workshop.change.ended": ("beendet", "ended"),
        "workshop.change.correction": ("Korrektur", "correction"),
        "workshop.form_sheet": ("Korrekturen", "Corrections"),
        "workshop.numbers_sheet": ("Nummern", "Numbers"),
        "workshop.col.number": ("Nr.", "No."),
        "workshop.col.name": ("Akteur", "Actor"),
        "workshop.col.ties": ("Verbindungen in andere Sektoren", "Ties to other sectors"),
        "workshop.col.change": ("Was", "What"),
        "workshop.col.other": ("mit wem", "with whom"),
        "workshop.col.kind": ("Art", "Kind"),
        "workshop.col.since": ("ab wann", "from when"),
        "workshop.col.until": ("bis", "until"),
        "workshop.col.said_by": ("wer hat es gesagt", "said by"),
        "workshop.col.note": ("Notiz", "Note"),
        "workshop.col.id": ("Id", "ID"),
        "workshop.col.group": ("Sektor", "Sector"),
        "workshop.written": (
            "{sheets} Workshop-Bögen und korrekturen.xlsx in {folder}",
            "{sheets} workshop sheets and korrekturen.xlsx in {folder}",
        ),
    }
)
TEXTS.update(command_help(("workshop",), _WORKSHOP_HELP, _WORKSHOP_OPTIONS))
