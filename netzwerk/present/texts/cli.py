"""Texts of the command line's table output: headings, kinds and notes of `netzwerk gaps`
and `netzwerk suggest` (German next to English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ gaps: headings
    "cli.gaps.groups": ("Gruppen", "Groups"),
    "cli.gaps.mixing": (
        "Verbindungen zwischen Gruppen: beobachtet / erwartet (kleinstes Verhältnis zuerst)",
        "Ties between groups: observed / expected (smallest ratio first)",
    ),
    "cli.gaps.missing": ("Gruppen ohne jede Verbindung", "Groups without any tie"),
    "cli.gaps.summary": ("Überblick", "Summary"),
    "cli.gaps.communities": ("Gemeinschaften", "Communities"),
    "cli.gaps.holes": ("Lücken zwischen Gemeinschaften", "Holes between communities"),
    "cli.gaps.unreached": ("Noch nicht erreicht", "Not yet reached"),
    "cli.gaps.silent": ("Themen ohne Zusammenarbeit", "Topics without cooperation"),
    # ------------------------------------------------------------------ gaps: cells
    "cli.hole.none": ("keine Verbindung", "no tie"),
    "cli.hole.coordinator_only": ("nur über das QM", "only through the QM"),
    "cli.hole.single_actor": ("hängt an einem Akteur", "hangs on one actor"),
    "cli.status.isolate": ("ohne Verbindung", "no tie"),
    "cli.status.coordinator_only": ("nur mit dem QM", "only the QM"),
    "cli.status.peripheral": ("am Rand (Kernzahl 1)", "on the edge (core number 1)"),
    "cli.summary.ei_index": ("E-I-Index", "E-I index"),
    "cli.summary.assortativity": ("Assortativität", "assortativity"),
    "cli.summary.modularity": ("Modularität", "modularity"),
    "cli.summary.test": (
        "{p} ({n} Permutationen, Startwert {seed})",
        "{p} ({n} permutations, seed {seed})",
    ),
    # ------------------------------------------------------------------ suggest
    "cli.suggest.none": ("Keine Vorschläge.", "No suggestions."),
}
