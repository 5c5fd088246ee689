"""CSV files -> tables: the delimiter sniffed, the text streamed record by record, each
record refused before it grows past the limits."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from netzwerk.errors import Problem
from netzwerk.ingest.limits import Limits
from netzwerk.ingest.readers.table import (
    CellCheck,
    Table,
    column_name,
    german_number,
    long_cell,
    table_of,
    too_many_columns,
    unreadable,
)
from netzwerk.ingest.readers.text import Unreadable, text_chunks
from netzwerk.ingest.sheets import Sheet

_DELIMITERS = ",;\t"
_SNIFF_SAMPLE = 8192
#: A CSV record holding a cell over the limit is read to its end (for the cell's length
#: and the row's other problems) while it is shorter than this many cell limits.
LONG_RECORD_CELLS = 16
_CSV_FIELD_LIMIT = 1 << 26  # the csv module's own limit stays above ours: we report first


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: csv.Sniffer restricted to , ; and tab, checked against
    (and else replaced by) counting in the header line.

    >>> sniff_delimiter("name;typ;sektor\\nCaritas, Hagen;Verein;Soziales\\n")
    ';'
    >>> sniff_delimiter("name\\tsektor\\nA\\tB\\n"), sniff_delimiter("name\\n")
    ('\\t', ',')
    """
    sample = text[:_SNIFF_SAMPLE]
    if len(text) > _SNIFF_SAMPLE and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    header = next((line for line in sample.splitlines() if line.strip()), "")
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = ""
    if sniffed in counts and counts[sniffed]:
        return sniffed
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_csv(path: Path, sheet: Sheet, problems: list[Problem], limits: Limits) -> list[Table]:
    """The table of one CSV file (none if it is empty or refused), its rows streamed."""
    rows = _csv_rows(path, path.stem, problems, limits)
    table = table_of(path.name, path.stem, sheet, rows, problems, limits)
    return [] if table is None else [table]


def _csv_rows(
    path: Path, sheet_name: str, problems: list[Problem], limits: Limits
) -> Iterator[tuple[int, list]]:
    """The numbered records of a CSV file, streamed (the file stays open while they are
    read). A record refused by the guard, or unreadable, ends the table with a problem."""
    if csv.field_size_limit() < max(_CSV_FIELD_LIMIT, limits.row_chars + 1):
        csv.field_size_limit(max(_CSV_FIELD_LIMIT, limits.row_chars + 1))
    check = CellCheck(path.name, sheet_name, problems, limits, letters=False)
    number, cell_chars = 0, limits.cell_chars
    try:
        with path.open("rb") as handle:
            chunks = text_chunks(
                handle, path.stat().st_size, path.name, problems, limits.file_bytes
            )
            head = _head(chunks)
            guard = _RecordGuard(sniff_delimiter(head), limits)
            for number, cells in enumerate(guard.records(chain([head], chunks)), start=1):
                if guard.size > cell_chars or check.header is None:
                    cells = check.row(number, cells)  # long cells, or the header not yet found
                guard.next_record()
                yield number, cells
    except OSError as error:
        problems.append(unreadable(path.name, error))
    except Unreadable:
        pass  # reported by text_chunks
    except csv.Error as error:
        problems.append(
            Problem.without_cell(
                path.name,
                sheet_name,
                number + 1,
                f"CSV nicht lesbar ({error}) — Anführungszeichen prüfen",
            )
        )
    except _TooLarge as refused:
        problems.append(refused.problem(check, number + 1))


def _head(chunks: Iterator[str]) -> str:
    """The first chunks of a text, at least enough to sniff the delimiter from."""
    head = []
    size = 0
    for text in chunks:
        head.append(text)
        size += len(text)
        if size > _SNIFF_SAMPLE:
            break
    return "".join(head)


def _crlf_kept_together(chunks: Iterable[str]) -> Iterator[str]:
    """The chunks, none ending in \\r (it moves to the next chunk: a \\n may follow it).

    >>> list(_crlf_kept_together(["a\\r", "\\nb\\r", "c\\r"]))
    ['a', '\\r\\nb', '\\rc', '\\r']
    """
    carriage_return = ""
    for text in chunks:
        text = carriage_return + text
        carriage_return = "\r" if text.endswith("\r") else ""
        yield text[:-1] if carriage_return else text
    if carriage_return:
        yield carriage_return


class _TooLarge(Exception):  # noqa: N818 - internal signal, never leaves this module
    """A CSV record refused while it is read: a cell (at ``position``), or the columns."""

    def __init__(self, kind: str, position: int = 0, text: str = "") -> None:
        super().__init__(kind)
        self.kind, self.position, self.text = kind, position, text

    def problem(self, check: CellCheck, row: int) -> Problem:
        file, sheet_name, limits = check.file, check.sheet_name, check.limits
        if self.kind == "cell":
            return long_cell(
                file,
                sheet_name,
                row,
                column_name(check.header, self.position, False),
                self.text,
                limits,
                hint="; fehlt ein schließendes Anführungszeichen?",
            )
        if self.kind == "columns":
            return too_many_columns(file, sheet_name, row, None, limits)
        return Problem.without_cell(
            file,
            sheet_name,
            row,
            (
                f"Zeile zu lang (über "
                f"{german_number(limits.row_chars)} Zeichen) — Zeile prüfen: fehlt ein "
                "schließendes Anführungszeichen?"
            ),
        )


class _RecordGuard:
    """CSV records from text chunks, each refused before it grows too large.

    The csv module gets whole lines (ending in \\r\\n, \\n or \\r). A record of up to twice
    the cell limit goes to it unchecked (its cells are measured when it is complete).
    Beyond that the record's text so far is parsed again at every doubling of its length:
    more columns than allowed, a cell over the limit in a record longer than
    `LONG_RECORD_CELLS` cell limits, or `Limits.row_chars` raise `_TooLarge`, which ends
    the table. A record with a long cell that ends before is read on (the cell is one
    error, the rows after it are still checked). So a file that is one endless cell
    costs a few dozen times the cell limit (a few MB), not the file. The reader calls
    `next_record` after each record.
    """

    def __init__(self, delimiter: str, limits: Limits) -> None:
        self.delimiter, self.limits = delimiter, limits
        self.record: list[str] = []  # the lines of the record being read
        self.size = 0  # its characters so far
        self.first_check = self.check_at = 2 * limits.cell_chars

    def records(self, chunks: Iterable[str]) -> Iterator[list[str]]:
        return csv.reader(self._lines(_crlf_kept_together(chunks)), delimiter=self.delimiter)

    def next_record(self) -> None:
        self.record.clear()
        self.size, self.check_at = 0, self.first_check

    def _lines(self, chunks: Iterable[str]) -> Iterator[str]:
        record: list[str] = self.record
        partial: list[str] = []  # the start of a line that goes on in the next chunk
        for text in chunks:
            for line in io.StringIO(text, newline=""):
                self.size += len(line)
                if self.size > self.check_at:
                    self._check([*partial, line])
                if line[-1] not in "\r\n":
                    partial.append(line)
                    continue
                if partial:
                    partial.append(line)
                    line = "".join(partial)
                    partial.clear()
                record.append(line)
                yield line
        if partial:
            yield "".join(partial)

    def _check(self, line: list[str]) -> None:
        text = "".join(chain(self.record, line))
        cells = next(csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter), [])
        if len(cells) > self.limits.columns:
            raise _TooLarge("columns")
        if self.size > LONG_RECORD_CELLS * self.limits.cell_chars:
            for position, cell in enumerate(cells):
                if len(cell) > self.limits.cell_chars:
                    raise _TooLarge("cell", position, cell[:100])
        if self.size > self.limits.row_chars:
            raise _TooLarge("row")
        self.check_at = 2 * self.size
