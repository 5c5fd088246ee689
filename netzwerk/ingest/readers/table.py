"""A `Table` (one sheet, CSV file or JSON list) and what every reader shares: finding the
header, checking cells against the limits, the problems for files too large, unreadable,
misnamed or too wide.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netzwerk.errors import Problem
from netzwerk.ingest.limits import Limits, megabytes
from netzwerk.ingest.readers.sheet_size import column_letters
from netzwerk.ingest.sheets import SHEETS, Sheet, is_ignored_sheet, sheet_for
from netzwerk.ingest.values import clean_text

SHEET_NAMES = ", ".join(sheet.de for sheet in SHEETS)


@dataclass
class Table:
    """One table of an input file: where it is, what it holds, its header and its rows."""

    file: str
    sheet_name: str
    sheet: Sheet
    header: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]] = field(repr=False)


def unreadable(file: str, error: OSError) -> Problem:
    """The problem for a file the system cannot read."""
    return Problem.without_cell(
        file, "", 0, f"Datei nicht lesbar ({error.strerror}) — Pfad und Berechtigungen prüfen"
    )


def too_large(file: str, size: int, limit: int) -> Problem:
    """The problem for a file over the size limit."""
    return Problem.without_cell(
        file,
        "",
        0,
        (
            f"Datei zu groß ({megabytes(size)}, höchstens "
            f"{megabytes(limit)}) — Datei aufteilen oder die Grenze mit "
            "NETZWERK_MAX_FILE_MB erhöhen"
        ),
    )


def known_sheet(file: str, name: str, problems: list[Problem], shown: str = "") -> Sheet | None:
    """The sheet a workbook sheet or JSON key ``name`` stands for, or None: an unknown name
    gets a warning (shown as ``shown``, default ``name``), a template's own sheet does not."""
    sheet = sheet_for(name)
    if sheet is None and not is_ignored_sheet(name):
        message = f"unbekanntes Blatt wird ignoriert — erlaubt: {SHEET_NAMES}"
        problems.append(Problem.without_cell(file, shown or name, 0, message, "warning"))
    return sheet


def sheet_of_file(path: Path, problems: list[Problem], strict: bool) -> Sheet | None:
    """The sheet a CSV/JSON list file is named after; else None and an error (``strict``) or
    a warning."""
    sheet = sheet_for(path.stem)
    if sheet is None:
        problems.append(
            Problem.without_cell(
                path.name,
                "",
                0,
                (
                    f"Dateiname nennt kein Blatt — Datei benennen wie das Blatt, "
                    f"z. B. Akteure{path.suffix} (erlaubt: {SHEET_NAMES})"
                ),
                "error" if strict else "warning",
            )
        )
    return sheet


def _first_row(rows: Iterator[tuple[int, list]]) -> tuple[int, list[str]] | None:
    """Advance to the first non-blank row (the header) and return it cleaned."""
    for number, cells in rows:
        header = _header_of(cells)
        if header is not None:
            return number, header
    return None


def _header_of(cells: list) -> list[str] | None:
    """The cells as a header (trimmed, trailing blanks cut), None if they are all blank."""
    header = [clean_text(cell) for cell in cells]
    if not any(header):
        return None
    while header and not header[-1]:
        header.pop()
    return header


def table_of(
    file: str,
    sheet_name: str,
    sheet: Sheet,
    rows: Iterator[tuple[int, list]],
    problems: list[Problem],
    limits: Limits,
) -> Table | None:
    """A table whose header is the first non-blank row; None if there is none or it is too
    wide (reported)."""
    first = _first_row(rows)
    if first is None:
        return None  # an empty sheet holds nothing to lose
    if len(first[1]) > limits.columns:
        problems.append(too_many_columns(file, sheet_name, first[0], len(first[1]), limits))
        return None
    return Table(file, sheet_name, sheet, first[1], first[0], rows)


def too_many_columns(
    file: str, sheet_name: str, row: int, count: int | None, limits: Limits
) -> Problem:
    """One error for a table with too many columns (``count`` None: more than the limit)."""
    counted = (
        f"über {limits.columns}"
        if count is None
        else f"{german_number(count)}, höchstens {limits.columns}"
    )
    return Problem.without_cell(
        file,
        sheet_name,
        row,
        (
            f"zu viele Spalten ({counted}) — leere "
            "und überzählige Spalten löschen oder die Grenze mit NETZWERK_MAX_COLUMNS "
            "erhöhen"
        ),
    )


def german_number(count: int) -> str:
    """A count as Germans write it: 100.000."""
    return f"{count:,}".replace(",", ".")


def column_name(header: list[str] | None, position: int, letters: bool) -> str:
    """The header of a column, else its letter (workbooks) or number (CSV, JSON)."""
    if header and position < len(header) and header[position]:
        return header[position]
    return column_letters(position + 1) if letters else str(position + 1)


def long_cell(
    file: str,
    sheet_name: str,
    row: int,
    column: str,
    text: str,
    limits: Limits,
    *,
    length: int | None = None,
    hint: str = "",
) -> Problem:
    """A cell longer than the limit; only its start is kept (``length`` None: unknown)."""
    counted = (
        f"über {german_number(limits.cell_chars)} Zeichen"
        if length is None
        else f"{german_number(length)} Zeichen, höchstens {german_number(limits.cell_chars)}"
    )
    return Problem(
        file,
        sheet_name,
        row,
        column,
        text[:100],
        f"Zelle zu lang ({counted}) — "
        f"Text kürzen oder die Grenze mit NETZWERK_MAX_CELL_CHARS erhöhen{hint}",
    )


class CellCheck:
    """Cells longer than the limit in the rows of one table: each is reported (named by
    the header once it is known) and cut to the limit."""

    def __init__(
        self, file: str, sheet_name: str, problems: list[Problem], limits: Limits, *, letters: bool
    ) -> None:
        self.file, self.sheet_name, self.problems = file, sheet_name, problems
        self.limits, self.letters = limits, letters
        self.header: list[str] | None = None

    def rows(self, rows: Iterable[tuple[int, list]]) -> Iterator[tuple[int, list]]:
        """Every row, each checked (for tables whose cells may be long)."""
        for number, cells in rows:
            yield number, self.row(number, cells)

    def row(self, number: int, cells: list) -> list:
        limit = self.limits.cell_chars
        if self.header is None:
            self.header = _header_of(cells)
        for cell in cells:  # a plain loop: this runs for every row of a workbook
            if type(cell) is str and len(cell) > limit:
                break
        else:
            return cells
        cells = list(cells)
        for position, cell in enumerate(cells):
            if type(cell) is str and len(cell) > limit:
                self.problems.append(
                    long_cell(
                        self.file,
                        self.sheet_name,
                        number,
                        column_name(self.header, position, self.letters),
                        cell,
                        self.limits,
                        length=len(cell),
                    )
                )
                cells[position] = cell[:limit]
        return cells
