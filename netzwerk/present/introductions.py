"""The words of introductions: why two actors should meet, and which gap that closes.

`netzwerk.analysis.introductions.suggest_introductions` returns what two actors share
(``reason``) and the gap between their groups (``gap``) as plain data; the functions here
say it in German or English. The sentence parts are in `netzwerk.present.texts.introductions`.
"""

from __future__ import annotations

from collections.abc import Mapping

from netzwerk.present.formats import LANGUAGES, check_language
from netzwerk.present.labels import group_label
from netzwerk.present.texts import TEXTS


def introduction_texts(
    suggestion: Mapping, lang: str, names: Mapping[str, str] | None = None
) -> dict:
    """The suggestion with its words added: ``reasons`` (one sentence) and ``gap_text``.

    ``names`` (topic id → name) label the groups when the suggestion's ``by`` is not a
    vocabulary (sector, type). Raises `ConfigError` for an unknown language.

    >>> suggestion = {"by": "sector", "reason": {"topics": ["Jugend"], "activities": [],
    ...               "partners": 1, "same_street": False, "street": ""},
    ...               "gap": {"groups": ["education", "economy"], "observed": 0,
    ...                       "expected": 0.5, "ratio": 0.0}}
    >>> worded = introduction_texts(suggestion, "en")
    >>> worded["reasons"], worded["gap_text"]
    ('Both work on Jugend and have a partner in common', 'education – local economy: no tie yet (0.5 expected)')
    """
    check_language(lang)
    gap = suggestion["gap"]
    return {
        **suggestion,
        "reasons": reason_text(lang, suggestion["reason"]),
        "gap_text": gap_text(lang, suggestion["by"], gap, names) if gap else "",
    }


def reason_text(lang: str, reason: Mapping) -> str:
    """One sentence saying what two actors have in common.

    ``reason`` as in a suggestion: ``topics`` (names), ``activities`` ((kind, name) pairs,
    most recent first; at most two are named), ``partners`` (how many in common),
    ``same_street`` and ``street`` (the name; empty if one of the two is a person, whose
    street is then not named).

    >>> def reason(topics=(), activities=(), partners=0, street=""):
    ...     return {"topics": topics, "activities": activities, "partners": partners,
    ...             "same_street": bool(street), "street": street}
    >>> reason_text("de", reason(["Integration"], [("event", "Stadtteilfest 2024")], 2))
    'Beide arbeiten zu Integration, waren bei „Stadtteilfest 2024“ und haben 2 gemeinsame Partner'
    >>> reason_text("en", reason(["integration"], [("event", "Stadtteilfest 2024")], 2))
    'Both work on integration, were at Stadtteilfest 2024 and have 2 partners in common'
    >>> reason_text("de", reason([], [("project", "Soziale Stadt"), ("project", "Leerstand"),
    ...                               ("project", "Hofprogramm")], 1, "Lange Straße"))
    'Beide sind in den Projekten „Soziale Stadt“, „Leerstand“ und 1 weiteren, haben einen \
gemeinsamen Partner und sind in derselben Straße (Lange Straße)'
    """
    topics, activities, partners = reason["topics"], reason["activities"], reason["partners"]
    column = LANGUAGES.index(lang)

    def say(key: str, *values: object) -> str:
        return TEXTS[f"introductions.{key}"][column].format(*values)

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
    if reason["same_street"]:
        street = reason["street"]
        clauses.append(say("street", street) if street else say("street_private"))
    return f"{say('both')} {_join(clauses, say('and'))}" if clauses else ""


def gap_text(lang: str, by: str, gap: Mapping, names: Mapping[str, str] | None = None) -> str:
    """The gap a suggestion closes, in words.

    >>> gap = {"groups": ["education", "economy"], "observed": 0, "expected": 1.84}
    >>> gap_text("de", "sector", gap)
    'Bildung – Lokale Wirtschaft: bisher keine Verbindung (1,8 erwartet)'
    >>> gap_text("en", "sector", {"groups": ["social", "social"], "observed": 3, "expected": 3})
    'Within social services: 3 ties (3.0 expected)'
    """
    column = LANGUAGES.index(lang)
    g, h = (group_label(by, x, lang, names) for x in gap["groups"])
    expected = f"{gap['expected']:.1f}"
    if lang == "de":
        expected = expected.replace(".", ",")
    within = "within_" if gap["groups"][0] == gap["groups"][1] else ""
    groups = (g,) if within else (g, h)
    if gap["observed"] == 0:
        return TEXTS[f"introductions.gap_{within}none"][column].format(*groups, expected)
    return TEXTS[f"introductions.gap_{within}some"][column].format(
        *groups, gap["observed"], expected
    )


def _join(items: list[str], conjunction: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
