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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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
    `netzwerk.private_files.atomic_write_bytes`).

    The workbook is written row by row (openpyxl's write-only mode): a cell object per
    value held until saving took about 0.5 kB each, 10 GB for a city-scale table of
    1,000,000 actors and 20 columns."""
    book = Workbook(write_only=True)
    taken: set[str] = set()
    date_format = "DD.MM.YYYY" if lang == "de" else "YYYY-MM-DD"
    for table in sheets:
        _fill_sheet(book.create_sheet(sheet_name(table.name, taken)), table, lang, date_format)
    if not book.worksheets:
        book.create_sheet("Tabelle")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _fill_sheet(sheet: WriteOnlyWorksheet, table: SheetTable, lang: str, date_format: str) -> None:
    """Headers (bold, frozen, with autofilter), one row per record, fitted column widths.

    A write-only sheet needs its column widths and panes before the first row: one pass over
    the records measures the widths, a second writes the rows."""
    columns = list(table.columns or columns_of(table.records))
    headers = table.headers or {}
    titles = [str(headers.get(c, c)).replace("\u00ad", "") or c for c in columns]
    for index, width in enumerate(_widths(table.records, columns, titles, lang), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_COLUMN_WIDTH)
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A1:{last}{len(table.records) + 1}"
        sheet.freeze_panes = "A2"
    sheet.append([_text_cell(sheet, title, bold=True) for title in titles])
    for record in table.records:
        sheet.append([_cell(sheet, record.get(column), lang, date_format) for column in columns])


def _widths(
    records: Sequence[Mapping[str, Any]], columns: list[str], titles: list[str], lang: str
) -> list[int]:
    """The widest shown text per column, titles included."""
    widths = [len(title) for title in titles]
    for record in records:
        for index, column in enumerate(columns):
            shown = format_cell(_cell_value(record.get(column), lang), lang)
            widths[index] = max(widths[index], len(shown))
    return widths


def _text_cell(sheet: WriteOnlyWorksheet, value: str, bold: bool = False) -> WriteOnlyCell:
    """A cell that holds text, never a formula (even when it starts with ``=``)."""
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def _cell(sheet: WriteOnlyWorksheet, raw: Any, lang: str, date_format: str) -> Any:
    """One cell of a row: text as text cells, dates with the language's date format,
    numbers and empty cells as they are."""
    value = _cell_value(raw, lang)
    if isinstance(value, str):
        return _text_cell(sheet, value)
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = date_format
        return cell
    return value
