"""The words of introductions: why two actors should meet, and which gap that closes.

German next to English, in one place; `suggest_introductions` fills in what two actors
share.
"""

from __future__ import annotations

from collections.abc import Sequence

from netzwerk.analysis.mixing import group_label

# Sentence parts, German next to English.
TEXT = {
    "both": {"de": "Beide", "en": "Both"},
    "and": {"de": "und", "en": "and"},
    "topics": {"de": "arbeiten zu {}", "en": "work on {}"},
    # names in quotes: "beim Stadtteilfest" would need the article of every event's name
    "event": {"de": "„{}“", "en": "{}"},
    "events_1": {"de": "waren bei {}", "en": "were at {}"},
    "events_n": {"de": "waren bei {}", "en": "were at {}"},
    "more_events": {"de": "{} weiteren Veranstaltungen", "en": "{} more events"},
    "project": {"de": "„{}“", "en": "{}"},
    "projects_1": {"de": "sind im Projekt {}", "en": "are in the project {}"},
    "projects_n": {"de": "sind in den Projekten {}", "en": "are in the projects {}"},
    "more_projects": {"de": "{} weiteren", "en": "{} more"},
    "partners_1": {"de": "haben einen gemeinsamen Partner", "en": "have a partner in common"},
    "partners_n": {"de": "haben {} gemeinsame Partner", "en": "have {} partners in common"},
    "street": {"de": "sind in derselben Straße ({})", "en": "are on the same street ({})"},
    "street_private": {"de": "sind in derselben Straße", "en": "are on the same street"},
    "gap_none": {
        "de": "{} – {}: bisher keine Verbindung ({} erwartet)",
        "en": "{} – {}: no tie yet ({} expected)",
    },
    "gap_some": {
        "de": "{} – {}: {} Verbindungen ({} erwartet)",
        "en": "{} – {}: {} ties ({} expected)",
    },
    "gap_within_none": {
        "de": "{} untereinander: bisher keine Verbindung ({} erwartet)",
        "en": "Within {}: no tie yet ({} expected)",
    },
    "gap_within_some": {
        "de": "{} untereinander: {} Verbindungen ({} erwartet)",
        "en": "Within {}: {} ties ({} expected)",
    },
}
LANGUAGES = ("de", "en")


def reason_text(
    lang: str,
    topics: Sequence[str],
    activities: Sequence[tuple[str, str]],
    partners: int,
    street: str = "",
    private: bool = False,
) -> str:
    """One sentence saying what two actors have in common.

    Projects and events are listed most recent first (as given), at most two by name.

    >>> reason_text("de", ["Integration"], [("event", "Stadtteilfest 2024")], 2)
    'Beide arbeiten zu Integration, waren bei „Stadtteilfest 2024“ und haben 2 gemeinsame Partner'
    >>> reason_text("en", ["integration"], [("event", "Stadtteilfest 2024")], 2)
    'Both work on integration, were at Stadtteilfest 2024 and have 2 partners in common'
    >>> reason_text("de", [], [("project", "Soziale Stadt"), ("project", "Leerstand"),
    ...                        ("project", "Hofprogramm")], 1, "Lange Straße")
    'Beide sind in den Projekten „Soziale Stadt“, „Leerstand“ und 1 weiteren, haben einen \
gemeinsamen Partner und sind in derselben Straße (Lange Straße)'
    """

    def say(key: str, *values: object) -> str:
        return TEXT[key][lang].format(*values)

    clauses = []
    if topics:
        clauses.append(say("topics", _join(list(topics), say("and"))))
    for kind in ("event", "project"):
        names = [name for k, name in activities if k == kind]
        if names:
            items = [say(kind, name) for name in names[:2]]
            if len(names) > 2:
                items.append(say(f"more_{kind}s", len(names) - 2))
            number = "1" if len(names) == 1 else "n"
            clauses.append(say(f"{kind}s_{number}", _join(items, say("and"))))
    if partners:
        clauses.append(say("partners_1") if partners == 1 else say("partners_n", partners))
    if street:
        clauses.append(say("street_private") if private else say("street", street))
    return f"{say('both')} {_join(clauses, say('and'))}" if clauses else ""


def gap_text(lang: str, by: str, gap: dict, names: dict | None = None) -> str:
    """The gap a suggestion closes, in words.

    >>> gap = {"groups": ["education", "economy"], "observed": 0, "expected": 1.84}
    >>> gap_text("de", "sector", gap)
    'Bildung – Lokale Wirtschaft: bisher keine Verbindung (1,8 erwartet)'
    >>> gap_text("en", "sector", {"groups": ["social", "social"], "observed": 3, "expected": 3})
    'Within social services: 3 ties (3.0 expected)'
    """
    g, h = (group_label(by, x, lang, names) for x in gap["groups"])
    expected = f"{gap['expected']:.1f}"
    if lang == "de":
        expected = expected.replace(".", ",")
    within = "within_" if gap["groups"][0] == gap["groups"][1] else ""
    groups = (g,) if within else (g, h)
    if gap["observed"] == 0:
        return TEXT[f"gap_{within}none"][lang].format(*groups, expected)
    return TEXT[f"gap_{within}some"][lang].format(*groups, gap["observed"], expected)


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
