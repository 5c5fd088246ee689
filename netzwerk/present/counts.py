"""Counts as a person reads them: records by kind, and ties split by how they came about.

A sheet with 10 Beziehungen and 21 topic and place links made from other columns is read
as "10 Beziehungen, dazu 21 abgeleitete Verknüpfungen …", not as "31 ties": what the user
wrote comes first, what netzwerk derived is named as such (see `ingest.TieCounts`).
"""

from __future__ import annotations

from collections.abc import Mapping

from netzwerk.ingest import TieCounts
from netzwerk.present.formats import plural
from netzwerk.present.texts import text

__all__ = ["records_and_ties"]

#: node record kinds in the order a summary names them, with their nouns
NODE_KINDS = {
    "actors": "actor",
    "topics": "topic",
    "projects": "project",
    "events": "event",
    "places": "place",
}
#: derived tie kinds in the order a summary names them (others follow as "sonstige")
DERIVED_KINDS = ("works_on", "located_at", "runs", "funding")


def _derived(ties: TieCounts, lang: str) -> str:
    """'dazu 21 abgeleitete Verknüpfungen (15 zu Themen, 6 zu Orten)', or ''."""
    total = sum(ties.derived.values())
    if not total:
        return ""
    parts = [plural(ties.derived[kind], kind, lang) for kind in DERIVED_KINDS if ties.derived[kind]]
    other = sum(n for kind, n in ties.derived.items() if kind not in DERIVED_KINDS)
    if other:
        parts.append(plural(other, "other_kind", lang))
    return (
        f"{text('count.derived_intro', lang)} {plural(total, 'derived', lang)} ({', '.join(parts)})"
    )


def records_and_ties(counts: Mapping[str, int], ties: TieCounts, lang: str = "de") -> str:
    """The records of a changeset (``Changeset.counts()``) and its ties by origin, as a phrase.

    >>> from collections import Counter
    >>> ties = TieCounts(stated=10, derived=Counter(works_on=15, located_at=6))
    >>> records_and_ties({"actors": 12, "topics": 1, "ties": 31}, ties)
    '12 Akteure, 1 Thema; 10 Beziehungen, dazu 21 abgeleitete Verknüpfungen (15 zu Themen, 6 zu Orten)'
    >>> records_and_ties({"actors": 1}, TieCounts(stated=1, participations=2), "en")
    '1 actor; 1 tie and 2 participations'
    """
    nodes = ", ".join(
        plural(counts[kind], noun, lang) for kind, noun in NODE_KINDS.items() if counts.get(kind)
    )
    written = [
        plural(number, noun, lang)
        for noun, number in (("tie", ties.stated), ("participation", ties.participations))
        if number
    ]
    tie_phrase = f" {text('count.and', lang)} ".join(written)
    derived = _derived(ties, lang)
    if derived:
        tie_phrase = f"{tie_phrase}, {derived}" if tie_phrase else derived
    phrase = "; ".join(part for part in (nodes, tie_phrase) if part)
    return phrase or text("count.none", lang)
