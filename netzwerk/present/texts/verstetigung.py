"""Texts of the Verstetigung questions (what holds when funding ends): `netzwerk foerderung`
(English alias `funding`), its help, table headings, measures and columns. German next to
English."""

from __future__ import annotations

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

TEXTS: dict[str, tuple[str, str]] = {
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
    "col.project": ("Projekt", "Project"),
    "col.funders": ("Fördergeber", "Funders"),
    "col.funded_until": ("gefördert bis", "Funded until"),
    "col.source": ("Akteur A", "Actor A"),
    "col.target": ("Akteur B", "Actor B"),
    "col.weight": ("Stärke", "Strength"),
    "col.loss": ("Verlust", "Loss"),
}
for _command in ("foerderung", "funding"):
    TEXTS[f"help.{_command}"] = _FUNDING_HELP
    for _option, _words in _FUNDING_OPTIONS.items():
        TEXTS[f"help.{_command}.{_option}"] = _words
