"""Ties made fast: `new_tie` builds a `model.Tie` without the frozen dataclass's per-field
cost, `tie_key` computes its key from graph keys, `merge_periods` joins two periods of the
same tie. Used by `builder.Builder` and the hot loop in `relations`.
"""

from __future__ import annotations

from datetime import date

from netzwerk.model import UNDIRECTED_TIE_KINDS, NodeRef, Provenance, Tie, periods_overlap

_TIE_FIELDS = (
    "kind",
    "source",
    "target",
    "weight",
    "topic",
    "role",
    "since",
    "until",
    "note",
    "periods",
    "last_contact",
    "provenance",
)
_new_object, _set_attribute = object.__new__, object.__setattr__


def _new_tie(
    kind: str,
    source: NodeRef,
    target: NodeRef,
    weight: float,
    topic: str,
    role: str,
    since: date | None,
    until: date | None,
    note: str,
    provenance: Provenance | None,
    last_contact: date | None = None,
) -> Tie:
    tie = _new_object(Tie)
    _set_attribute(
        tie,
        "__dict__",
        {
            "kind": kind,
            "source": source,
            "target": target,
            "weight": weight,
            "topic": topic,
            "role": role,
            "since": since,
            "until": until,
            "note": note,
            "periods": (),
            "last_contact": last_contact,
            "provenance": provenance,
        },
    )
    return tie


def _slow_tie(
    kind: str,
    source: NodeRef,
    target: NodeRef,
    weight: float,
    topic: str,
    role: str,
    since: date | None,
    until: date | None,
    note: str,
    provenance: Provenance | None,
    last_contact: date | None = None,
) -> Tie:
    return Tie(
        kind,
        source,
        target,
        weight,
        topic,
        role,
        since,
        until,
        note,
        last_contact=last_contact,
        provenance=provenance,
    )


def _fast_tie_possible() -> bool:
    return (
        tuple(Tie.__dataclass_fields__) == _TIE_FIELDS
        and not hasattr(Tie, "__slots__")
        and not hasattr(Tie, "__post_init__")
    )


#: ``Tie(...)`` with its fields positional (``periods`` left empty). A frozen dataclass sets each field through
#: ``object.__setattr__``, the largest single cost of a big import (2.3 µs vs 0.7 µs per tie
#: here); filling ``__dict__`` at once gives an identical object (fields, equality, hash).
#: Falls back to the real constructor if `model.Tie` changes shape.
new_tie = _new_tie if _fast_tie_possible() else _slow_tie


def tie_key(kind: str, source_key: str, target_key: str, topic: str) -> str:
    """`model.Tie.key` from graph keys, without building the tie.

    >>> from netzwerk.model import NodeRef, Tie
    >>> tie = Tie("cooperation", NodeRef("actor", "b"), NodeRef("actor", "a"))
    >>> tie_key("cooperation", "b", "a", "") == tie.key
    True
    """
    if kind in UNDIRECTED_TIE_KINDS and target_key < source_key:
        source_key, target_key = target_key, source_key
    return f"{kind}|{source_key}|{target_key}|{topic}"


def merge_periods(first: Tie, repeat: Tie) -> Tie | None:
    """One tie with the periods of both, or None if a period of ``repeat`` overlaps one of
    ``first`` (then it is a duplicate, not a new period).

    >>> from netzwerk.model import NodeRef
    >>> a, b = NodeRef("actor", "a"), NodeRef("actor", "b")
    >>> old = Tie("cooperation", a, b, since=date(2018, 1, 1), until=date(2019, 12, 31))
    >>> new = Tie("cooperation", a, b, weight=2.0, since=date(2022, 1, 1))
    >>> tie = merge_periods(old, new)
    >>> tie.since, tie.until, tie.weight, len(tie.periods)
    (datetime.date(2018, 1, 1), None, 2.0, 2)
    >>> merge_periods(tie, old) is None
    True
    """
    periods = list(first.periods or ((first.since, first.until),))
    added = repeat.periods or ((repeat.since, repeat.until),)
    if any(periods_overlap(old, new) for old in periods for new in added):
        return None
    periods = sorted([*periods, *added], key=lambda period: period[0] or date.min)
    latest = repeat if (repeat.since or date.min) > (first.since or date.min) else first
    return Tie(
        first.kind,
        first.source,
        first.target,
        latest.weight,
        first.topic,
        latest.role,
        periods[0][0],
        periods[-1][1],
        latest.note,
        tuple(periods),
        max((d for d in (first.last_contact, repeat.last_contact) if d), default=None),
        provenance=first.provenance,
    )
