"""JSON text of plain results, the same everywhere it is written (CLI, exports, a person's
data): dates as ISO text, sets as sorted lists, NaN/inf as null, non-ASCII kept.

A base module: it imports nothing of netzwerk, so every room may use it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any


def plain_value(value: Any) -> Any:
    """A value JSON and a table can hold: dates as ISO text, sets sorted, tuples as lists,
    NaN/inf as None; anything else as it is.

    >>> plain_value(date(2024, 6, 30)), plain_value({"b", "a"}), plain_value(float("nan"))
    ('2024-06-30', ['a', 'b'], None)
    """
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, set | frozenset | tuple):
        return sorted(value) if isinstance(value, set | frozenset) else list(value)
    return value


def to_json(data: Any) -> str:
    """JSON with dates as ISO strings, sets as sorted lists, NaN/inf as null."""

    def default(value: Any) -> Any:
        plain = plain_value(value)
        if plain is value:
            raise TypeError(f"not JSON serialisable: {type(value).__name__}")
        return plain

    def clean(value: Any) -> Any:
        if isinstance(value, float) and not math.isfinite(value):
            return None
        if isinstance(value, Mapping):
            return {str(k): clean(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [clean(v) for v in value]
        return value

    return json.dumps(clean(data), ensure_ascii=False, indent=2, default=default)
