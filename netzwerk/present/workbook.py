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

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from netzwerk.present.formats import format_cell
from netzwerk.present.tables import columns_of

MAX_COLUMN_WIDTH = 60
SHEET_NAME_LIMIT = 31  # Excel's limit
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


def workbook_bytes(sheets: Sequence[SheetTable], lang: str = "de") -> bytes:
    """The .xlsx file holding ``sheets``, as bytes (write them with
    `netzwerk.private_files.atomic_write_bytes`)."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    date_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
    for table in sheets:
        _fill_sheet(book.create_sheet(sheet_name(table.name, taken)), table, lang, date_format)
    if not book.worksheets:
        book.create_sheet("Tabelle")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill_sheet(sheet: Worksheet, table: SheetTable, lang: str, date_format: str) -> None:
    """Headers (bold, frozen, with autofilter), one row per record, fitted column widths.

    Cells are addressed by row and column: reading ``sheet[row]`` would make openpyxl
    measure the whole sheet each time (quadratic: 290 s for a 10,000-row table)."""
    columns = list(table.columns or columns_of(table.records))
    headers = table.headers or {}
    titles = [str(headers.get(c, c)).replace("\u00ad", "") or c for c in columns]
    for number, title in enumerate(titles, start=1):
        cell = sheet.cell(row=1, column=number, value=title)
        cell.font = Font(bold=True)
        cell.data_type = "s"
    widths = [len(title) for title in titles]
    for row_number, record in enumerate(table.records, start=2):
        for index, column in enumerate(columns):
            value = _cell_value(record.get(column), lang)
            cell = sheet.cell(row=row_number, column=index + 1, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
            elif isinstance(value, date):
                cell.number_format = date_format
            widths[index] = max(widths[index], len(format_cell(value, lang)))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_COLUMN_WIDTH)
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{len(table.records) + 1}"
        sheet.freeze_panes = "A2"
