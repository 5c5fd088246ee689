"""When sources disagree about a tie: each source's statement, and which one holds.

A tie is usually stated by one source (the team's workbook). A second source — a workshop's
correction form loaded with ``--quelle`` — may state the same tie (same `Tie.key`) with
other content, e.g. "ended on 31.12.2025" where the workbook still has it open. Then the
tie is **contested**: the store keeps every source's `Statement` beside the tie, and the
tie itself says what the statement that holds says.

**The rule** (`holding`): the statement with the later **date** holds; on the same date the
one recorded later. A statement's date is the day named in its source's name
("Workshop Bildung 12.03.2026" → 12.03.2026; the latest if it names several), else the day
it was recorded. A statement keeps its date while its source says the same: re-loading an
unchanged workbook does not make its old statement new, so a newer workshop correction
keeps holding; editing that row in the workbook makes a new statement, which then holds.
A statement is about the whole tie (dates, strength, note together), not field by field.

>>> from netzwerk.model import NodeRef, Tie
>>> tie = Tie("cooperation", NodeRef("actor", "a"), NodeRef("actor", "b"))
>>> old = Statement("netz.xlsx", tie, date(2024, 2, 1), "20240201T090000")
>>> ended = Tie("cooperation", tie.source, tie.target, until=date(2025, 12, 31))
>>> new = Statement("Workshop 12.03.2026", ended, date(2026, 3, 12), "20261203T100000")
>>> holding([old, new]).source
'Workshop 12.03.2026'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from netzwerk.model.records import Tie
from netzwerk.model.vocabulary import UNDIRECTED_TIE_KINDS

_GERMAN_DAY = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Statement:
    """What one source says about a tie: the whole tie as it states it, the statement's
    date, and when it was recorded (a sortable run stamp, `store.base.new_run_id`)."""

    source: str
    tie: Tie
    stated: date
    recorded: str


def day_named_in(source: str) -> date | None:
    """The latest valid day a source's name names (``31.12.2025`` or ``2025-12-31``).

    >>> day_named_in("Workshop Bildung 12.03.2026"), day_named_in("netz.xlsx")
    (datetime.date(2026, 3, 12), None)
    """
    days = []
    for match in _GERMAN_DAY.finditer(source):
        days.append((int(match[3]), int(match[2]), int(match[1])))
    for match in _ISO_DAY.finditer(source):
        days.append((int(match[1]), int(match[2]), int(match[3])))
    valid = []
    for year, month, day in days:
        try:
            valid.append(date(year, month, day))
        except ValueError:
            continue
    return max(valid, default=None)


def statement_day(source: str, recorded: str) -> date:
    """The date of a statement: the day its source's name names, else the day of its
    recording (``recorded`` starts with ``YYYYMMDD``, `store.base.new_run_id`)."""
    named = day_named_in(source)
    if named is not None:
        return named
    return date(int(recorded[:4]), int(recorded[4:6]), int(recorded[6:8]))


def same_content(first: Tie, second: Tie) -> bool:
    """True if two statements of a tie say the same: provenance aside, and the ends of an
    undirected tie in either order.

    >>> from netzwerk.model import NodeRef
    >>> a, b = NodeRef("actor", "a"), NodeRef("actor", "b")
    >>> same_content(Tie("cooperation", a, b), Tie("cooperation", b, a))
    True
    """
    return _content(first) == _content(second)


def _content(tie: Tie) -> tuple[object, ...]:
    ends = [tie.source, tie.target]
    if tie.kind in UNDIRECTED_TIE_KINDS:
        ends.sort(key=lambda end: end.graph_key)
    return (
        tie.kind,
        *ends,
        float(tie.weight),
        tie.topic,
        tie.role,
        tie.note,
        tie.since,
        tie.until,
        tie.periods,
        tie.last_contact,
    )


def holding(statements: Sequence[Statement]) -> Statement:
    """The statement that holds: the latest date, then the latest recording."""
    return max(statements, key=lambda statement: (statement.stated, statement.recorded))


def contested(statements: Sequence[Statement]) -> bool:
    """True if the statements do not all say the same."""
    return any(not same_content(s.tie, statements[0].tie) for s in statements[1:])
