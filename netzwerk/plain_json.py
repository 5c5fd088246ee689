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
    """JSON with dates as ISO strings, sets as sorted lists, NaN/inf as null.

    Laid out as ``json.dumps(indent=2)`` lays it out, except that a list of records (dicts)
    holds one record per line: a table of a million rows is written by Python's compiled
    encoder (the indenting one is pure Python: 60 s for the 1M broker table), and each row
    stays one line to read or grep.

    >>> print(to_json({"view": {"day": date(2024, 6, 30)}, "rows": [{"id": "a", "x": 1.5},
    ...     {"id": "b", "x": float("nan")}], "topics": ["a", "b"]}))
    {
      "view": {
        "day": "2024-06-30"
      },
      "rows": [
        {"id": "a", "x": 1.5},
        {"id": "b", "x": null}
      ],
      "topics": [
        "a",
        "b"
      ]
    }
    """
    parts: list[str] = []
    _lay_out(_clean(data), "", parts)
    return "".join(parts)  # one copy of the text (a 1M-row table is 500 MB)


def _lay_out(value: Any, indent: str, parts: list[str]) -> None:
    """Append the pieces of ``value``'s text to ``parts``."""
    inner = indent + "  "
    if isinstance(value, dict) and value:
        parts.append("{")
        for number, (key, item) in enumerate(value.items()):
            parts.append(f"{',' if number else ''}\n{inner}{_ENCODE(str(key))}: ")
            _lay_out(item, inner, parts)
        parts.append(f"\n{indent}}}")
    elif isinstance(value, list) and value:
        records = all(isinstance(item, dict) for item in value)  # one record per line
        parts.append("[")
        for number, item in enumerate(value):
            parts.append(f"{',' if number else ''}\n{inner}")
            if records:
                parts.append(_ENCODE(item))
            else:
                _lay_out(item, inner, parts)
        parts.append(f"\n{indent}]")
    else:
        parts.append(_ENCODE(value))


def _clean(value: Any) -> Any:
    """Mappings with text keys, tuples as lists, NaN/inf as None (the encoder would write
    them as NaN, which is not JSON)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def _default(value: Any) -> Any:
    plain = plain_value(value)
    if plain is value:
        raise TypeError(f"not JSON serialisable: {type(value).__name__}")
    return plain


#: one value as compact JSON (``", "`` and ``": "`` between items), by the compiled encoder
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=_default).encode
