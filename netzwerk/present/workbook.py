"""Tables as an Excel workbook (.xlsx): one sheet per table, for `--format xlsx` and the
report's ``tabellen.xlsx``.

Each sheet has the shown column titles as a bold, frozen header row, an autofilter over the
table and column widths fitted to the content. Numbers stay numbers and dates stay dates
(shown dd.mm.yyyy in German, ISO in English), so a spreadsheet can sort and sum them; yes/no
and lists are written as words. Text is always stored as text: a cell starting with ``=``
is never a formula (the xlsx side of `netzwerk.present.tables.neutralise_cell`).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netzwerk.present.formats import format_cell
from netzwerk.present.tables import columns_of
from netzwerk.present.xlsx_writer import Sheet, Workbook

MAX_COLUMN_WIDTH = 60
WIDTH_ROWS = 2000
"""Rows measured for a column's width (`_widths`)."""
SHEET_NAME_LIMIT = 31  # Excel's limit
EXCEL_DATA_ROWS = 1_048_575
"""Rows Excel holds in a sheet (1,048,576) less the header row."""
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class SheetTable:
    """One sheet: its name, the rows, the columns (None: every key) and their titles."""

    name: str
    records: Sequence[Mapping[str, Any]]
    columns: Sequence[str] | None = None
    headers: Mapping[str, str] | None = None


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unused sheet name: no ``[]:*?/\\``, at most 31 characters.

    >>> sheet_name("Verbindungen: beobachtet / erwartet (kleinstes Verhältnis zuerst)", set())
    'Verbindungen beobachtet erwarte'
    """
    base = " ".join(_NOT_IN_SHEET_NAMES.sub(" ", name).split())[:SHEET_NAME_LIMIT] or "Tabelle"
    candidate, number = base, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def _cell_value(value: Any, lang: str) -> Any:
    """What a cell holds: numbers and dates as they are, everything else as text."""
    if isinstance(value, bool | list | tuple | set | frozenset):
        return format_cell(value, lang)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)  # Excel has no time zones: the wall time as stored
    if isinstance(value, int | float | date) or value is None:
        return value
    return str(value)


def workbook_bytes(
    sheets: Sequence[SheetTable], lang: str = "de", rows_per_sheet: int = EXCEL_DATA_ROWS
) -> bytes:
    """The .xlsx file holding ``sheets``, as bytes (write them with
    `netzwerk.private_files.atomic_write_bytes`). A table longer than ``rows_per_sheet``
    (Excel's limit below its header) goes on over further sheets, "Name (2)" and so on:
    Excel refuses a workbook with a longer sheet.

    Written row by row by `netzwerk.present.xlsx_writer` (openpyxl held a cell object of
    about 0.5 kB per value and took 16 µs per cell: 10 GB and 290 s for the broker table
    of 1,000,000 actors)."""
    buffer = io.BytesIO()
    book = Workbook(buffer, "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD")
    taken: set[str] = set()
    for table in sheets:
        columns = list(table.columns or columns_of(table.records))
        headers = table.headers or {}
        titles = [str(headers.get(c, c)).replace("\u00ad", "") or c for c in columns]
        widths = [
            min(width + 2, MAX_COLUMN_WIDTH)
            for width in _widths(table.records, columns, titles, lang)
        ]
        for start in range(0, max(len(table.records), 1), rows_per_sheet):
            part = table.records[start : start + rows_per_sheet]
            rows = (
                [_cell_value(record.get(column), lang) for column in columns] for record in part
            )
            book.add_sheet(Sheet(sheet_name(table.name, taken), titles, widths), rows, len(part))
    if not sheets:
        book.add_sheet(Sheet("Tabelle", [], []), [], 0)
    book.close()
    return buffer.getvalue()


def _widths(
    records: Sequence[Mapping[str, Any]], columns: list[str], titles: list[str], lang: str
) -> list[int]:
    """The widest shown text per column, titles included, over the first `WIDTH_ROWS`
    records (the widest entries sit near the top of ranked tables, and measuring all of a
    1,000,000-row table took longer than writing it)."""
    widths = [len(title) for title in titles]
    for record in records[:WIDTH_ROWS]:
        for index, column in enumerate(columns):
            shown = format_cell(_cell_value(record.get(column), lang), lang)
            widths[index] = max(widths[index], len(shown))
    return widths
