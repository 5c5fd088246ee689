"""When a record belongs to the network: validity periods with open ends, events once held."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def is_valid_on(since: date | None, until: date | None, day: date) -> bool:
    """True if a record with this period is valid on ``day`` (open ends are unbounded)."""
    return (since is None or since <= day) and (until is None or day <= until)


def node_is_valid(kind: str, since: date | None, until: date | None, day: date) -> bool:
    """True if a node belongs to the network as it stood on ``day``.

    Events are a special case: once held, an event stays part of the network (people who met
    at the Stadtteilfest 2023 still know each other in 2024), so only its start counts.

    >>> node_is_valid("event", date(2023, 6, 1), date(2023, 6, 1), date(2024, 6, 30))
    True
    >>> node_is_valid("actor", date(2018, 1, 1), date(2022, 12, 31), date(2024, 6, 30))
    False
    """
    if kind == "event":
        return since is None or since <= day
    return is_valid_on(since, until, day)


def periods_valid_on(periods: Iterable[tuple[date | None, date | None]], day: date) -> bool:
    """True if ``day`` lies in one of the periods (open ends are unbounded).

    >>> periods_valid_on([(date(2018, 1, 1), date(2019, 12, 31)), (date(2022, 1, 1), None)],
    ...                  date(2020, 6, 1))
    False
    """
    return any(is_valid_on(since, until, day) for since, until in periods)


def periods_overlap(
    first: tuple[date | None, date | None], second: tuple[date | None, date | None]
) -> bool:
    """True if two periods share a day (open ends are unbounded).

    >>> periods_overlap((date(2018, 1, 1), date(2019, 12, 31)), (date(2019, 12, 31), None))
    True
    >>> periods_overlap((None, date(2019, 12, 31)), (date(2020, 1, 1), None))
    False
    """
    (since_a, until_a), (since_b, until_b) = first, second
    return (since_a is None or until_b is None or since_a <= until_b) and (
        since_b is None or until_a is None or since_b <= until_a
    )
