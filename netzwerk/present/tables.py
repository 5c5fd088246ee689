"""Render records as a text table, CSV or JSON: the one place output formats are handled.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are neutralised with a leading apostrophe (OWASP "CSV injection").
Numbers are left alone, so ``-0.5`` stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netzwerk.plain_json import plain_value, to_json

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("table", "csv", "json")


def neutralise_cell(value: Any) -> Any:
    """Make a spreadsheet cell safe: text starting with a formula prefix gets a leading '.

    >>> neutralise_cell("=HYPERLINK(\\"x\\")"), neutralise_cell("-5"), neutralise_cell(-5)
    ('\\'=HYPERLINK("x")', "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _cell_text(value: Any, precision: int = 3) -> str:
    value = plain_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float):
        return f"{value:.{precision}f}"
    if isinstance(value, list):
        return "; ".join(_cell_text(v, precision) for v in value)
    return str(value)


def columns_of(records: Sequence[Mapping[str, Any]]) -> list[str]:
    columns: list[str] = []
    for record in records:
        for key in record:
            if key not in columns:
                columns.append(key)
    return columns


def to_csv(
    records: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None, delimiter: str = ","
) -> str:
    """CSV text with a header row; list cells joined by '; ', formulas neutralised."""
    columns = list(columns or columns_of(records))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow([neutralise_cell(c) for c in columns])
    for record in records:
        row = []
        for column in columns:
            value = plain_value(record.get(column))
            if isinstance(value, list):
                value = "; ".join(_cell_text(v) for v in value)
            row.append(neutralise_cell("" if value is None else value))
        writer.writerow(row)
    return buffer.getvalue()


def _printable(text: str) -> str:
    """Control and bidi characters would garble a terminal: show them escaped."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def to_table(
    records: Sequence[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    max_width: int = 40,
    headers: Mapping[str, str] | None = None,
) -> str:
    """A plain aligned text table for the terminal.

    >>> print(to_table([{"id": "a", "score": 0.5}, {"id": "bb", "score": 1.25}]))
    id  score
    --  -----
    a   0.500
    bb  1.250
    """
    columns = list(columns or columns_of(records))
    if not columns:
        return "(keine Einträge)"
    headers = headers or {}
    rows = [[_printable(headers.get(c, c)) for c in columns]]
    for record in records:
        cells = []
        for column in columns:
            text = _printable(_cell_text(record.get(column)))
            cells.append(text if len(text) <= max_width else text[: max_width - 1] + "…")
        rows.append(cells)
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    numeric = [
        all(
            isinstance(r.get(c), int | float) and not isinstance(r.get(c), bool)
            for r in records
            if r.get(c) is not None
        )
        and any(r.get(c) is not None for r in records)
        for c in columns
    ]
    lines = []
    for index, row in enumerate(rows):
        parts = [
            cell.rjust(widths[i]) if numeric[i] and index > 0 else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(parts).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def render(data: Any, fmt: str, columns: Sequence[str] | None = None) -> str:
    """Render a list of records (or, for json, any plain data) in ``fmt``."""
    if fmt == "json":
        return to_json(data)
    records: Iterable[Mapping[str, Any]] = data if isinstance(data, list) else [data]
    records = list(records)
    if fmt == "csv":
        return to_csv(records, columns)
    return to_table(records, columns)
