"""Texts inside the figures: titles, alternative texts, legends, axis and cell notes
(German next to English)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ map
    "map.title": ("Netzwerkkarte", "Network map"),
    "map.alt": (
        "Netzwerkkarte der Akteure, farbig nach Sektor",
        "Network map of the actors, coloured by sector",
    ),
    "group_map.title": ("Netzwerkkarte nach Sektoren", "Network map by sector"),
    "group_map.alt": (
        "Sektoren als Kreise (Fläche: Zahl der Akteure), Linien zwischen ihnen (Breite: Zahl "
        "der Verbindungen), darunter die stärksten Vermittler",
        "Sectors as circles (area: number of actors), lines between them (width: number of "
        "ties), their strongest brokers named below",
    ),
    "group_map.counts": (
        "{actors} Akteure\n{inside} Verbindungen intern",
        "{actors} actors\n{inside} ties inside",
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
    # ------------------------------------------------------------------ dependency
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
    # ------------------------------------------------------------------ gaps
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
    # ------------------------------------------------------------------ ego figure
    "ego.title": ("Ego-Netzwerk: {name}", "Ego network: {name}"),
    "ego.alt": ("Die direkten Kontakte von {name}", "The direct contacts of {name}"),
}
