"""Files -> tables of rows, each row with the number the spreadsheet shows for it.

A `Table` is one sheet of a workbook, one CSV file or one list in a JSON file. Its rows
are yielded lazily as ``(row_number, cells)``: the header is row 1 if it is the first
line, blank rows count (as in the spreadsheet) and are yielded as they are, so callers
skip them. Cells are ``str`` for CSV and JSON; .xlsx cells keep calamine's types (float,
int, bool, date, datetime) so date columns can use real date cells and serial numbers.

Nothing here raises for a bad file: problems are appended to the list the caller passes.
Every file is read within the `limits.Limits` (``NETZWERK_MAX_*``): its size is checked
before it is opened, a workbook's archive is measured before calamine loads it
(`sheet_size`), a CSV file is streamed (decoded chunk by chunk, fed to the csv module line
by line, a row refused before it grows past the limits), a cell longer than the limit is
one located error (the row goes on with the cell cut to the limit, so one long cell does
not hide the row's other problems), and a header with more columns than the limit is one
error for its table, which is then not read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from netzwerk.errors import Problem
from netzwerk.ingest.columns import SHEETS, Sheet, is_ignored_sheet, sheet_for
from netzwerk.ingest.limits import Limits, megabytes
from netzwerk.ingest.sheet_size import MAX_MEMBERS, Finding, column_letters, inspect_workbook
from netzwerk.ingest.values import clean_text

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
JSON_SUFFIXES = frozenset({".json"})
SUFFIXES = CSV_SUFFIXES | WORKBOOK_SUFFIXES | JSON_SUFFIXES

_DELIMITERS = ",;\t"
_SNIFF_SAMPLE = 8192
_READ_CHUNK = 1 << 20
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_SHEET_NAMES = ", ".join(sheet.de for sheet in SHEETS)
#: A CSV record holding a cell over the limit is read to its end (for the cell's length
#: and the row's other problems) while it is shorter than this many cell limits.
LONG_RECORD_CELLS = 16
_CSV_FIELD_LIMIT = 1 << 26  # the csv module's own limit stays above ours: we report first
#: Byte order marks, the four-byte ones first: UTF-32 LE starts like UTF-16 LE.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass
class Table:
    """One table of an input file: where it is, what it holds, its header and its rows."""

    file: str
    sheet_name: str
    sheet: Sheet
    header: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]] = field(repr=False)


def read_path(path: Path, problems: list[Problem], *, strict_names: bool = True,
              limits: Limits | None = None) -> list[Table]:
    """The tables in one file. Problems (unreadable file, unknown sheet, ...) are appended.

    ``strict_names``: a CSV/JSON list file whose name is no sheet name is an error (given
    explicitly) or a warning (found in a folder). ``limits``: default from the environment.
    """
    limits = Limits.from_environment() if limits is None else limits
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        problems.append(Problem(path.name, "", 0, "", "", "Dateityp nicht unterstützt — "
                                ".xlsx, .csv oder .json verwenden"))
        return []
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            problems.append(_too_large(path.name, size, limits.file_bytes))
            return []
        if suffix in WORKBOOK_SUFFIXES:
            return _read_workbook(path, problems, limits)
        if suffix in JSON_SUFFIXES:
            return _read_json(path, problems, strict_names, limits)
    except OSError as error:
        problems.append(_unreadable(path.name, error))
        return []
    sheet = _sheet_of_file(path, problems, strict_names)
    return [] if sheet is None else _read_csv(path, sheet, problems, limits)


def _unreadable(file: str, error: OSError) -> Problem:
    return Problem(file, "", 0, "", "", f"Datei nicht lesbar ({error.strerror}) — Pfad und "
                   "Berechtigungen prüfen")


def _too_large(file: str, size: int, limit: int) -> Problem:
    return Problem(file, "", 0, "", "", f"Datei zu groß ({megabytes(size)}, höchstens "
                   f"{megabytes(limit)}) — Datei aufteilen oder die Grenze mit "
                   "NETZWERK_MAX_FILE_MB erhöhen")


def _sheet_of_file(path: Path, problems: list[Problem], strict: bool) -> Sheet | None:
    sheet = sheet_for(path.stem)
    if sheet is None:
        problems.append(Problem(path.name, "", 0, "", "",
                                f"Dateiname nennt kein Blatt — Datei benennen wie das Blatt, "
                                f"z. B. Akteure{path.suffix} (erlaubt: {_SHEET_NAMES})",
                                "error" if strict else "warning"))
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


def _table(file: str, sheet_name: str, sheet: Sheet, rows: Iterator[tuple[int, list]],
           problems: list[Problem], limits: Limits) -> Table | None:
    first = _first_row(rows)
    if first is None:
        return None  # an empty sheet holds nothing to lose
    if len(first[1]) > limits.columns:
        problems.append(_too_many_columns(file, sheet_name, first[0], len(first[1]), limits))
        return None
    return Table(file, sheet_name, sheet, first[1], first[0], rows)


def _too_many_columns(file: str, sheet_name: str, row: int, count: int | None,
                      limits: Limits) -> Problem:
    """One error for a table with too many columns (``count`` None: more than the limit)."""
    counted = (f"über {limits.columns}" if count is None
               else f"{_number(count)}, höchstens {limits.columns}")
    return Problem(file, sheet_name, row, "", "", f"zu viele Spalten ({counted}) — leere "
                   "und überzählige Spalten löschen oder die Grenze mit NETZWERK_MAX_COLUMNS "
                   "erhöhen")


def _number(count: int) -> str:
    """A count as Germans write it: 100.000."""
    return f"{count:,}".replace(",", ".")


def _column_name(header: list[str] | None, position: int, letters: bool) -> str:
    """The header of a column, else its letter (workbooks) or number (CSV, JSON)."""
    if header and position < len(header) and header[position]:
        return header[position]
    return column_letters(position + 1) if letters else str(position + 1)


def _long_cell(file: str, sheet_name: str, row: int, column: str, text: str,
               limits: Limits, *, length: int | None = None, hint: str = "") -> Problem:
    """A cell longer than the limit; only its start is kept (``length`` None: unknown)."""
    counted = (f"über {_number(limits.cell_chars)} Zeichen" if length is None
               else f"{_number(length)} Zeichen, höchstens {_number(limits.cell_chars)}")
    return Problem(file, sheet_name, row, column, text[:100], f"Zelle zu lang ({counted}) — "
                   f"Text kürzen oder die Grenze mit NETZWERK_MAX_CELL_CHARS erhöhen{hint}")


class _CellCheck:
    """Cells longer than the limit in the rows of one table: each is reported (named by
    the header once it is known) and cut to the limit."""

    def __init__(self, file: str, sheet_name: str, problems: list[Problem], limits: Limits,
                 *, letters: bool) -> None:
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
                self.problems.append(_long_cell(
                    self.file, self.sheet_name, number,
                    _column_name(self.header, position, self.letters), cell, self.limits,
                    length=len(cell)))
                cells[position] = cell[:limit]
        return cells


# --------------------------------------------------------------------------- CSV


def decode(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """Text of a CSV/JSON file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM,
    UTF-16 without BOM (ASCII text with every other byte zero), else Windows-1252.

    Otherwise valid UTF-8 wins; bytes that are not UTF-8 are read as Windows-1252 (one by
    one, so a file edited with two different programs still reads). Bytes that cp1252
    does not define give an error with the line, never a replacement character. CSV files
    are decoded the same way chunk by chunk (`_text_chunks`).

    >>> decode(codecs.BOM_UTF32_LE + "Straße".encode("utf-32-le"), "x.csv", [])
    'Straße'
    """
    try:
        return "".join(_text_chunks(io.BytesIO(data), len(data), file, problems, len(data)))
    except _Unreadable:
        return None


def _encoding_of(head: bytes, size: int) -> tuple[str, int, str]:
    """(codec, length of its byte order mark, error handler) for a file starting with
    ``head`` (64 bytes at least, unless the file is shorter) and ``size`` bytes long."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom), "strict"
    head = head[:64]
    if len(head) >= 4 and not size % 2:
        if all(b == 0 for b in head[1::2]) and all(head[0::2]):
            return "utf-16-le", 0, "strict"
        if all(b == 0 for b in head[0::2]) and all(head[1::2]):
            return "utf-16-be", 0, "strict"
    return "utf-8", 0, _FALLBACK


def _text_chunks(handle: BinaryIO, size: int, file: str, problems: list[Problem],
                 limit: int) -> Iterator[str]:
    """The text of a file, decoded chunk by chunk (`decode` says how). A decoding error or
    more than ``limit`` bytes is a problem, then `_Unreadable` is raised."""
    data = handle.read(max(_READ_CHUNK, 64))
    codec, skip, errors = _encoding_of(data, size)
    decoder = codecs.getincrementaldecoder(codec)(errors)
    data, read, lines = data[skip:], len(data), 0
    while True:
        if read > limit:
            problems.append(_too_large(file, read, limit))
            raise _Unreadable
        buffer = decoder.getstate()[0] + data  # what the positions in errors refer to
        _UNDEFINED.positions = []
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            _encoding_problem(buffer, error.start, lines, file, problems,
                              f"Datei ist nicht als {codec.upper()} lesbar")
            raise _Unreadable from None
        if _UNDEFINED.positions:
            for position in _UNDEFINED.positions[:10]:
                _encoding_problem(buffer, position, lines, file, problems,
                                  f"Byte 0x{buffer[position]:02X} ist weder UTF-8 noch "
                                  "Windows-1252")
            raise _Unreadable
        if text:
            yield text
        if not data:
            return
        lines += data.count(b"\n")
        data = handle.read(_READ_CHUNK)
        read += len(data)


class _Unreadable(Exception):  # noqa: N818 - internal signal, never leaves this module
    """The text of a file ends here; the problem saying why is reported already."""


def _encoding_problem(buffer: bytes, position: int, lines_before: int, file: str,
                      problems: list[Problem], what: str) -> None:
    line = lines_before + buffer.count(b"\n", 0, position) + 1
    problems.append(Problem(file, "", line, "", "", f"{what} (Zeile {line}) — Datei als "
                            "„CSV UTF-8“ speichern oder das Zeichen korrigieren"))


_UNDEFINED = threading.local()
_FALLBACK = "netzwerk-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start:error.end]
    text = []
    for offset, byte in enumerate(chunk):
        if byte in _CP1252_UNDEFINED:
            _UNDEFINED.positions.append(error.start + offset)
            text.append("?")
        else:
            text.append(bytes([byte]).decode("cp1252"))
    return "".join(text), error.end


codecs.register_error(_FALLBACK, _cp1252_fallback)


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


def _read_csv(path: Path, sheet: Sheet, problems: list[Problem], limits: Limits
              ) -> list[Table]:
    rows = _csv_rows(path, path.stem, problems, limits)
    table = _table(path.name, path.stem, sheet, rows, problems, limits)
    return [] if table is None else [table]


def _csv_rows(path: Path, sheet_name: str, problems: list[Problem], limits: Limits
              ) -> Iterator[tuple[int, list]]:
    """The numbered records of a CSV file, streamed (the file stays open while they are
    read). A record refused by the guard, or unreadable, ends the table with a problem."""
    if csv.field_size_limit() < max(_CSV_FIELD_LIMIT, limits.row_chars + 1):
        csv.field_size_limit(max(_CSV_FIELD_LIMIT, limits.row_chars + 1))
    check = _CellCheck(path.name, sheet_name, problems, limits, letters=False)
    number, cell_chars = 0, limits.cell_chars
    try:
        with path.open("rb") as handle:
            chunks = _text_chunks(handle, path.stat().st_size, path.name, problems,
                                  limits.file_bytes)
            head = _head(chunks)
            guard = _RecordGuard(sniff_delimiter(head), limits)
            for number, cells in enumerate(guard.records(chain([head], chunks)), start=1):
                if guard.size > cell_chars or check.header is None:
                    cells = check.row(number, cells)  # long cells, or the header not yet found
                guard.next_record()
                yield number, cells
    except OSError as error:
        problems.append(_unreadable(path.name, error))
    except _Unreadable:
        pass  # reported by _text_chunks
    except csv.Error as error:
        problems.append(Problem(path.name, sheet_name, number + 1, "", "",
                                f"CSV nicht lesbar ({error}) — Anführungszeichen prüfen"))
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

    def problem(self, check: _CellCheck, row: int) -> Problem:
        file, sheet_name, limits = check.file, check.sheet_name, check.limits
        if self.kind == "cell":
            return _long_cell(file, sheet_name, row,
                              _column_name(check.header, self.position, False), self.text,
                              limits, hint="; fehlt ein schließendes Anführungszeichen?")
        if self.kind == "columns":
            return _too_many_columns(file, sheet_name, row, None, limits)
        return Problem(file, sheet_name, row, "", "", f"Zeile zu lang (über "
                       f"{_number(limits.row_chars)} Zeichen) — Zeile prüfen: fehlt ein "
                       "schließendes Anführungszeichen?")


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


# --------------------------------------------------------------------------- xlsx


def _read_workbook(path: Path, problems: list[Problem], limits: Limits) -> list[Table]:
    from python_calamine import CalamineWorkbook, PasswordError

    file = path.name
    findings = inspect_workbook(path, limits) if path.suffix.lower() != ".xls" else []
    if findings:
        problems.extend(_finding_problem(file, finding, limits) for finding in findings)
        return []
    tables: list[Table] = []
    try:
        with CalamineWorkbook.from_path(path) as workbook:
            for name in workbook.sheet_names:
                sheet = sheet_for(name)
                if sheet is None:
                    if not is_ignored_sheet(name):
                        problems.append(Problem(file, name, 0, "", "",
                                                "unbekanntes Blatt wird ignoriert — erlaubt: "
                                                f"{_SHEET_NAMES}", "warning"))
                    continue
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                check = _CellCheck(file, name, problems, limits, letters=True)
                table = _table(file, name, sheet, check.rows(enumerate(rows, start=1)),
                               problems, limits)
                if table is not None:
                    tables.append(table)
    except PasswordError:
        problems.append(Problem(file, "", 0, "", "", "Arbeitsmappe ist passwortgeschützt — "
                                "ohne Passwort speichern"))
        return []
    except Exception as error:  # noqa: BLE001 - calamine's errors for damaged files vary
        problems.append(_damaged(file, type(error).__name__))
        return []
    return tables


def _damaged(file: str, reason: str) -> Problem:
    return Problem(file, "", 0, "", "", f"keine lesbare Excel-Arbeitsmappe ({reason}) — Datei "
                   "in Excel öffnen und als .xlsx speichern")


def _finding_problem(file: str, finding: Finding, limits: Limits) -> Problem:
    """The located error for a reason `sheet_size` found to refuse a workbook."""
    if finding.kind == "range":
        return Problem(file, finding.sheet, 0, "", finding.cell, "Tabellenblatt reicht bis "
                       "zu einer weit entfernten Zelle — Inhalte außerhalb der Tabelle löschen "
                       "und neu speichern")
    if finding.kind == "text":
        letters = finding.cell.rstrip("0123456789")
        row = int(finding.cell[len(letters):]) if finding.cell else 0
        return _long_cell(file, finding.sheet, row, letters, finding.sample, limits)
    if finding.kind == "unpacked":
        return Problem(file, finding.sheet, 0, "", "", f"Arbeitsmappe entpackt größer als "
                       f"{megabytes(limits.unpacked_bytes)} (bei {finding.part}) — Daten auf "
                       "mehrere Dateien verteilen oder die Grenze mit NETZWERK_MAX_UNPACKED_MB "
                       "erhöhen")
    if finding.kind == "members":
        return Problem(file, "", 0, "", "", f"Arbeitsmappe besteht aus {_number(finding.count)} "
                       f"Teilen (höchstens {_number(MAX_MEMBERS)}) — Datei in Excel öffnen und "
                       "als .xlsx speichern")
    return _damaged(file, finding.sample)


# --------------------------------------------------------------------------- JSON


def _read_json(path: Path, problems: list[Problem], strict_names: bool, limits: Limits
               ) -> list[Table]:
    file = path.name
    with path.open("rb") as handle:
        data = handle.read(limits.file_bytes + 1)  # a special file may be longer than stat says
    if len(data) > limits.file_bytes:
        problems.append(_too_large(file, len(data), limits.file_bytes))
        return []
    text = decode(data, file, problems)
    del data
    if text is None:
        return []
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(Problem(file, "", error.lineno, "", "", f"kein gültiges JSON ({error.msg}"
                                f", Zeile {error.lineno}, Spalte {error.colno}) — Syntax prüfen"))
        return []
    except (ValueError, RecursionError):
        problems.append(Problem(file, "", 0, "", "", "kein verwendbares JSON (zu tief "
                                "verschachtelt oder Zahl zu lang) — Syntax prüfen"))
        return []
    if isinstance(document, list):
        sheet = _sheet_of_file(path, problems, strict_names)
        return [] if sheet is None else _json_tables(file, path.stem, sheet, document, problems,
                                                     limits)
    if not isinstance(document, dict):
        problems.append(Problem(file, "", 0, "", "", 'JSON muss ein Objekt sein wie {"Akteure": '
                                "[{...}, ...], ...} oder eine Liste von Zeilen"))
        return []
    known = {key: sheet_for(key) for key in document}
    if not any(known.values()):
        problems.append(Problem(file, "", 0, "", "", f"keine bekannten Blätter — erwartet "
                                f'{{"Akteure": [...], "Beziehungen": [...]}}; erlaubt: '
                                f"{_SHEET_NAMES}"))
        return []
    tables = []
    for key, sheet in known.items():
        name = _printable(key)
        if sheet is None:
            if not is_ignored_sheet(key):
                problems.append(Problem(file, name, 0, "", "", "unbekanntes Blatt wird ignoriert "
                                        f"— erlaubt: {_SHEET_NAMES}", "warning"))
            continue
        rows = document[key]
        if not isinstance(rows, list):
            problems.append(Problem(file, name, 0, "", "", "Blatt muss eine Liste von Zeilen sein"
                                    ' — z. B. [{"name": "...", "typ": "..."}]'))
            continue
        tables.extend(_json_tables(file, name, sheet, rows, problems, limits))
    return tables


def _json_tables(file: str, sheet_name: str, sheet: Sheet, rows: list,
                 problems: list[Problem], limits: Limits) -> list[Table]:
    """A JSON list of row objects as a table; row n (1-based) is spreadsheet row n + 1."""
    header: dict[str, None] = {}
    for item in rows:
        if isinstance(item, dict):
            header.update(dict.fromkeys(item))
    columns = list(header)
    if not rows:
        return []
    if len(columns) > limits.columns:
        problems.append(_too_many_columns(file, sheet_name, 1, len(columns), limits))
        return []
    check = _CellCheck(file, sheet_name, problems, limits, letters=False)
    names = check.row(1, [clean_text(_printable(name)) for name in columns])
    position = {name: index for index, name in enumerate(columns)}

    def generate() -> Iterator[tuple[int, list]]:
        for number, item in enumerate(rows, start=2):
            if not isinstance(item, dict):
                problems.append(Problem(file, sheet_name, number, "", _json_text(item),
                                        'Zeile muss ein Objekt sein — z. B. {"name": "..."}'))
                continue
            cells = [""] * len(columns)
            for key, value in item.items():
                cells[position[key]] = _json_cell(value, file, sheet_name, number, key, problems)
            yield number, cells

    return [Table(file, sheet_name, sheet, names, 1, check.rows(generate()))]


def _json_cell(value: object, file: str, sheet: str, row: int, column: str,
               problems: list[Problem]) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        text = "; ".join(clean_text(v) for v in value)
    elif isinstance(value, (list, dict)):
        problems.append(Problem(file, sheet, row, _printable(column), _json_text(value),
                                "verschachtelter Wert — nur Text, Zahl, ja/nein oder eine Liste "
                                "von Texten eintragen"))
        return ""
    else:
        return clean_text(value)
    if text.isascii() or _encodable(text):
        return text
    problems.append(Problem(file, sheet, row, _printable(column), _printable(text),
                            "ungültiges Zeichen (einzelnes Surrogat aus einem \\u-Escape) — "
                            "Text korrigieren"))
    return ""


def _json_text(value: object) -> str:
    try:
        return _printable(json.dumps(value, ensure_ascii=False)[:200])
    except (ValueError, RecursionError):
        return type(value).__name__


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(text: str) -> str:
    """Text that can be printed and stored: lone surrogates (from JSON escapes) escaped."""
    if text.isascii() or _encodable(text):
        return text
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
