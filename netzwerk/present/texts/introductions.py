"""Sentence parts of the introductions: why two actors should meet, which gap that closes.

``TEXTS[key] = (German, English)``; ``{}`` are filled in by `netzwerk.present.introductions`.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "introductions.both": ("Beide", "Both"),
    "introductions.and": ("und", "and"),
    "introductions.topics": ("arbeiten zu {}", "work on {}"),
    # names in quotes: "beim Stadtteilfest" would need the article of every event's name
    "introductions.event": ("„{}“", "{}"),
    "introductions.events_1": ("waren bei {}", "were at {}"),
    "introductions.events_n": ("waren bei {}", "were at {}"),
    "introductions.more_events": ("{} weiteren Veranstaltungen", "{} more events"),
    "introductions.project": ("„{}“", "{}"),
    "introductions.projects_1": ("sind im Projekt {}", "are in the project {}"),
    "introductions.projects_n": ("sind in den Projekten {}", "are in the projects {}"),
    "introductions.more_projects": ("{} weiteren", "{} more"),
    "introductions.partners_1": ("haben einen gemeinsamen Partner", "have a partner in common"),
    "introductions.partners_n": ("haben {} gemeinsame Partner", "have {} partners in common"),
    "introductions.street": ("sind in derselben Straße ({})", "are on the same street ({})"),
    "introductions.street_private": ("sind in derselben Straße", "are on the same street"),
    "introductions.gap_none": (
        "{} – {}: bisher keine Verbindung ({} erwartet)",
        "{} – {}: no tie yet ({} expected)",
    ),
    "introductions.gap_some": (
        "{} – {}: {} Verbindungen ({} erwartet)",
        "{} – {}: {} ties ({} expected)",
    ),
    "introductions.gap_within_none": (
        "{} untereinander: bisher keine Verbindung ({} erwartet)",
        "Within {}: no tie yet ({} expected)",
    ),
    "introductions.gap_within_some": (
        "{} untereinander: {} Verbindungen ({} erwartet)",
        "Within {}: {} ties ({} expected)",
    ),
}
