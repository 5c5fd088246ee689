"""Merging two actors that are one: the rule that joins their ties, used alike by a store's
merge (`netzwerk merge`) and by ingest when a workbook still names the merged actor.

**Moving.** Every tie of OTHER becomes a tie of KEEP (same kind, topic and other end); a
tie between KEEP and OTHER disappears (it would join KEEP to itself).

**Parallel ties** (same kind, ends and topic: the same `Tie.key` after the move) become
one (`combine_ties`): the stronger strength; every period of both, overlapping or
touching periods joined; the later last contact; the role and note of each, the same
text once, different texts joined by " / " in alphabetical order; a cooperation's ends
in alphabetical order (so the order of the two ties does not matter); the first tie's
provenance.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, timedelta

from netzwerk.model.records import NodeRef, Tie
from netzwerk.model.vocabulary import UNDIRECTED_TIE_KINDS

Period = tuple[date | None, date | None]


def moved(tie: Tie, other: NodeRef, keep: NodeRef) -> Tie | None:
    """``tie`` with OTHER replaced by KEEP at either end; None if it would join KEEP to
    itself.

    >>> a, b, c = NodeRef("actor", "a"), NodeRef("actor", "b"), NodeRef("actor", "c")
    >>> moved(Tie("cooperation", b, c), b, a).key
    'cooperation|a|c|'
    >>> moved(Tie("cooperation", a, b), b, a) is None
    True
    """
    source = keep if tie.source == other else tie.source
    target = keep if tie.target == other else tie.target
    if source == target:
        return None
    if (source, target) == (tie.source, tie.target):
        return tie
    result = dataclasses.replace(tie, source=source, target=target)
    result.__dict__.pop("_key", None)
    return result


def combine_ties(first: Tie, second: Tie) -> Tie:
    """One tie for two parallel ties (see the module docstring).

    >>> a, b = NodeRef("actor", "a"), NodeRef("actor", "b")
    >>> one = Tie("cooperation", a, b, weight=1.0, since=date(2018, 1, 1),
    ...           until=date(2019, 6, 30), note="Fest")
    >>> two = Tie("cooperation", a, b, weight=2.0, since=date(2019, 7, 1),
    ...           until=date(2020, 12, 31), note="Beirat")
    >>> tie = combine_ties(one, two)
    >>> tie.weight, tie.since, tie.until, tie.periods, tie.note
    (2.0, datetime.date(2018, 1, 1), datetime.date(2020, 12, 31), (), 'Beirat / Fest')
    >>> combine_ties(two, one) == tie
    True
    """
    periods = joined_periods([*_periods_of(first), *_periods_of(second)])
    contacts = [d for d in (first.last_contact, second.last_contact) if d is not None]
    source, target = first.source, first.target
    if first.kind in UNDIRECTED_TIE_KINDS and target.graph_key < source.graph_key:
        source, target = target, source  # either order was named: one order for both
    return Tie(
        first.kind,
        source,
        target,
        max(first.weight, second.weight),
        first.topic,
        _joined_text(first.role, second.role),
        periods[0][0],
        periods[-1][1],
        _joined_text(first.note, second.note),
        tuple(periods) if len(periods) > 1 else (),
        max(contacts) if contacts else None,
        provenance=first.provenance,
    )


def combine_all(ties: Iterable[Tie]) -> list[Tie]:
    """``ties`` with parallel ones combined, in the order each key first appears."""
    by_key: dict[str, Tie] = {}
    for tie in ties:
        found = by_key.get(tie.key)
        by_key[tie.key] = tie if found is None else combine_ties(found, tie)
    return list(by_key.values())


def joined_periods(periods: list[Period]) -> list[Period]:
    """Periods sorted by start, overlapping or touching ones joined (None: open end).

    >>> d = date
    >>> joined_periods([(d(2022, 1, 1), None), (d(2018, 1, 1), d(2019, 12, 31)),
    ...                 (d(2019, 6, 1), d(2020, 3, 31))])  # doctest: +NORMALIZE_WHITESPACE
    [(datetime.date(2018, 1, 1), datetime.date(2020, 3, 31)),
     (datetime.date(2022, 1, 1), None)]
    """
    ordered = sorted(periods, key=lambda period: period[0] or date.min)
    joined: list[Period] = []
    for since, until in ordered:
        if joined and _touches(joined[-1], since):
            last_since, last_until = joined[-1]
            longer = None if until is None or last_until is None else max(until, last_until)
            joined[-1] = (last_since, longer)
        else:
            joined.append((since, until))
    return joined


def _touches(period: Period, since: date | None) -> bool:
    until = period[1]
    return until is None or since is None or since <= until + timedelta(days=1)


def _periods_of(tie: Tie) -> tuple[Period, ...]:
    return tie.periods or ((tie.since, tie.until),)


def _joined_text(first: str, second: str) -> str:
    return " / ".join(sorted({text for text in (first, second) if text}))
