"""Sentence parts of the introductions: why two actors should meet, which gap that closes.

``TEXTS[key] = (German, English)``; ``{}`` are filled in by `netzwerk.present.introductions`.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "both": ("Beide", "Both"),
    "and": ("und", "and"),
    "topics": ("arbeiten zu {}", "work on {}"),
    # names in quotes: "beim Stadtteilfest" would need the article of every event's name
    "event": ("„{}“", "{}"),
    "events_1": ("waren bei {}", "were at {}"),
    "events_n": ("waren bei {}", "were at {}"),
    "more_events": ("{} weiteren Veranstaltungen", "{} more events"),
    "project": ("„{}“", "{}"),
    "projects_1": ("sind im Projekt {}", "are in the project {}"),
    "projects_n": ("sind in den Projekten {}", "are in the projects {}"),
    "more_projects": ("{} weiteren", "{} more"),
    "partners_1": ("haben einen gemeinsamen Partner", "have a partner in common"),
    "partners_n": ("haben {} gemeinsame Partner", "have {} partners in common"),
    "street": ("sind in derselben Straße ({})", "are on the same street ({})"),
    "street_private": ("sind in derselben Straße", "are on the same street"),
    "gap_none": (
        "{} – {}: bisher keine Verbindung ({} erwartet)",
        "{} – {}: no tie yet ({} expected)",
    ),
    "gap_some": (
        "{} – {}: {} Verbindungen ({} erwartet)",
        "{} – {}: {} ties ({} expected)",
    ),
    "gap_within_none": (
        "{} untereinander: bisher keine Verbindung ({} erwartet)",
        "Within {}: no tie yet ({} expected)",
    ),
    "gap_within_some": (
        "{} untereinander: {} Verbindungen ({} erwartet)",
        "Within {}: {} ties ({} expected)",
    ),
}
