"""When a load contradicts another source: settle contested ties before the store applies
the changeset (rule and dates in `netzwerk.model.statements`).

For every tie of the changeset that another source states differently, the load's own
statement is recorded beside the others' and the tie gets the content of the statement
that holds (the newer dated one): a workshop correction dated 12.03.2026 ends a tie the
workbook last changed in 2024, and re-loading that unchanged workbook keeps it ended; a
later edit of the workbook's row is a newer statement and holds. Every contested tie the
load touches is reported as a `Conflict`, with all its statements, never silently.

A tie the load no longer states loses its statement; if it held, the statement that now
holds is written back (`Changeset.restored`). Nothing is written here: the store writes
the settled changeset, the statements and the restored ties in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from netzwerk.model import Changeset, Tie
from netzwerk.model.statements import (
    Statement,
    contested,
    holding,
    same_content,
    statement_day,
)
from netzwerk.store import Store, TieStatements
from netzwerk.store.merging import StoredTie


@dataclass(frozen=True)
class Conflict:
    """A contested tie this load touched: every source's statement (in the order they
    were recorded) and the one that holds."""

    key: str
    statements: tuple[Statement, ...]
    holds: Statement


def settle(changeset: Changeset, store: Store) -> list[Conflict]:
    """Settle ``changeset`` (its source is `Changeset.source`) against what ``store``
    holds: replaces contested ties by the statement that holds and fills
    `Changeset.statements` and `Changeset.restored`; returns the conflicts. A store
    without `TieStatements`, or one no other source has loaded into, is left as it is."""
    source = changeset.source
    if not isinstance(store, TieStatements) or not store.stated_by_others(source):
        return []
    kept = store.tie_statements()
    stored = store.stored_ties([tie.key for tie in changeset.ties])
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")  # sorts after run ids of its second
    ties, statements, conflicts = settle_ties(changeset.ties, source, stamp, stored, kept)
    changeset.ties = ties
    changeset.statements = statements
    changeset.restored = restored_ties(
        {tie.key for tie in ties}, source, kept, changeset.statements
    )
    return conflicts


def settle_ties(
    incoming: Sequence[Tie],
    source: str,
    stamp: str,
    stored: Mapping[str, StoredTie],
    kept: Mapping[str, Sequence[Statement]],
) -> tuple[list[Tie], dict[str, list[Statement]], list[Conflict]]:
    """The ties to write, the statements to keep (by key; [] drops them) and the
    conflicts, for ``incoming`` ties of ``source`` recorded at ``stamp``."""
    ties: list[Tie] = []
    statements: dict[str, list[Statement]] = {}
    conflicts: list[Conflict] = []
    for tie in incoming:
        others = _others(tie.key, source, stored, kept)
        if not others:
            ties.append(tie)
            continue
        own = _own_statement(tie, source, stamp, kept.get(tie.key, ()))
        every = [*others, own]
        if not contested(every):
            ties.append(tie)
            if tie.key in kept:
                statements[tie.key] = []
            continue
        holds = holding(every)
        ties.append(holds.tie if holds is not own else tie)
        statements[tie.key] = every
        conflicts.append(Conflict(tie.key, tuple(every), holds))
    return ties, statements, conflicts


def restored_ties(
    stated: set[str],
    source: str,
    kept: Mapping[str, Sequence[Statement]],
    statements: dict[str, list[Statement]],
) -> list[Tie]:
    """Contested ties ``source`` stated and no longer states (not in ``stated``): drop its
    statement (in ``statements``) and return the ties whose holding statement changes."""
    restored = []
    for key, every in kept.items():
        if key in stated or not any(s.source == source for s in every):
            continue
        rest = [s for s in every if s.source != source]
        before = holding(every)
        statements[key] = rest if rest and contested(rest) else []
        if rest and not same_content(holding(rest).tie, before.tie):
            restored.append(holding(rest).tie)
    return restored


def _others(
    key: str, source: str, stored: Mapping[str, StoredTie], kept: Mapping[str, Sequence[Statement]]
) -> list[Statement]:
    """The other sources' statements of a tie: kept ones, else the stored tie as each of
    its other sources states it (dated by its source's name or the run that wrote it)."""
    if key in kept:
        return [s for s in kept[key] if s.source != source]
    found = stored.get(key)
    if found is None:
        return []
    return [
        Statement(other, found.tie, statement_day(other, found.run_id), found.run_id)
        for other in found.sources
        if other != source
    ]


def _own_statement(tie: Tie, source: str, stamp: str, kept: Sequence[Statement]) -> Statement:
    """This load's statement: its earlier one if it still says the same (a statement keeps
    its date), else a new one dated by the source's name or today."""
    for earlier in kept:
        if earlier.source == source and same_content(earlier.tie, tie):
            return earlier
    return Statement(source, tie, statement_day(source, stamp), stamp)
