"""Render records as a text table, CSV or JSON: the one place output formats are handled
(workbooks: `netzwerk.present.workbook`).

Cells are formatted by `netzwerk.present.formats` per language. CSV in German is what
German Excel opens by double-click: ``;`` between cells, decimal comma, dates dd.mm.yyyy,
a UTF-8 byte order mark first (`CSV_BOM`, added by whoever writes the file or stream).
CSV in English is plain: ``,`` and decimal point, ISO dates, no byte order mark.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return) are neutralised with a leading apostrophe (OWASP "CSV injection").
Numbers are left alone, so ``-0.5`` stays a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from netzwerk.plain_json import to_json
from netzwerk.present.formats import csv_cell, format_cell
from netzwerk.present.texts import text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("table", "csv", "json", "xlsx")
CSV_BOM = "\ufeff"
"""Starts a German CSV: German Excel then reads it as UTF-8 (without it: Windows-1252)."""


def csv_delimiter(lang: str) -> str:
    """``;`` for German (the comma is the decimal mark there), ``,`` for English."""
    return ";" if lang == "de" else ","


def neutralise_cell(value: Any) -> Any:
    """Make a spreadsheet cell safe: text starting with a formula prefix gets a leading '.

    >>> neutralise_cell("=HYPERLINK(\\"x\\")"), neutralise_cell("-5"), neutralise_cell(-5)
    ('\\'=HYPERLINK("x")', "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def columns_of(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """Every key of ``records``, in the order they first appear."""
    columns: list[str] = []
    for record in records:
        for key in record:
            if key not in columns:
                columns.append(key)
    return columns


def to_csv(
    records: Sequence[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    lang: str = "de",
    headers: Mapping[str, str] | None = None,
) -> str:
    """CSV text with a header row (``headers`` rename columns), cells by `csv_cell` in
    ``lang`` (German: ``;`` and decimal comma), formulas neutralised; no byte order mark.

    >>> print(to_csv([{"a": 0.5, "b": "=1"}], lang="de"), end="")
    a;b
    0,5;'=1
    """
    columns = list(columns or columns_of(records))
    headers = headers or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_delimiter(lang), lineterminator="\n")
    writer.writerow([neutralise_cell(headers.get(c, c)) for c in columns])
    for record in records:
        writer.writerow([csv_cell(neutralise_cell(record.get(column)), lang) for column in columns])
    return buffer.getvalue()


def _printable(cell: str) -> str:
    """Control and bidi characters would garble a terminal: show them escaped."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in cell
    )


def to_table(
    records: Sequence[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    max_width: int = 40,
    headers: Mapping[str, str] | None = None,
    lang: str = "de",
) -> str:
    """A plain aligned text table for the terminal, cells by `format_cell` in ``lang``.

    >>> print(to_table([{"id": "a", "score": 0.5}, {"id": "bb", "score": 1.25}]))
    id  score
    --  -----
    a   0,500
    bb  1,250
    """
    columns = list(columns or columns_of(records))
    if not columns:
        return text("table.empty", lang)
    headers = headers or {}
    rows = [[_printable(headers.get(c, c)) for c in columns]]
    for record in records:
        cells = []
        for column in columns:
            shown = _printable(format_cell(record.get(column), lang))
            cells.append(shown if len(shown) <= max_width else shown[: max_width - 1] + "…")
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


def render(data: Any, fmt: str, columns: Sequence[str] | None = None, lang: str = "de") -> str:
    """Render a list of records (or, for json, any plain data) in ``fmt`` (table, csv, json)."""
    if fmt == "json":
        return to_json(data)
    records: Iterable[Mapping[str, Any]] = data if isinstance(data, list) else [data]
    records = list(records)
    if fmt == "csv":
        return to_csv(records, columns, lang=lang)
    return to_table(records, columns, lang=lang)
