"""Files -> tables of rows, each row with the number the spreadsheet shows for it.

A `Table` is one sheet of a workbook, one CSV file or one list in a JSON file. Its rows
are yielded lazily as ``(row_number, cells)``: the header is row 1 if it is the first
line, blank rows count (as in the spreadsheet) and are yielded as they are, so callers
skip them. Cells are ``str`` for CSV and JSON; .xlsx cells keep calamine's types (float,
int, bool, date, datetime) so date columns can use real date cells and serial numbers.

Nothing here raises for a bad file: problems are appended to the list the caller passes.
Long cells are data, not an error: reading CSV raises the csv module's (process-wide)
field size limit to 64 MiB.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from netzwerk.errors import Problem
from netzwerk.ingest.columns import SHEETS, Sheet, is_ignored_sheet, sheet_for
from netzwerk.ingest.sheet_size import oversized_sheets
from netzwerk.ingest.values import clean_text

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
JSON_SUFFIXES = frozenset({".json"})
SUFFIXES = CSV_SUFFIXES | WORKBOOK_SUFFIXES | JSON_SUFFIXES

_DELIMITERS = ",;\t"
_SNIFF_SAMPLE = 8192
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_SHEET_NAMES = ", ".join(sheet.de for sheet in SHEETS)
_CSV_FIELD_LIMIT = 1 << 26  # long cells are data, not an error


@dataclass
class Table:
    """One table of an input file: where it is, what it holds, its header and its rows."""

    file: str
    sheet_name: str
    sheet: Sheet
    header: list[str]
    header_row: int
    rows: Iterator[tuple[int, list]] = field(repr=False)


def read_path(path: Path, problems: list[Problem], *, strict_names: bool = True) -> list[Table]:
    """The tables in one file. Problems (unreadable file, unknown sheet, ...) are appended.

    ``strict_names``: a CSV/JSON list file whose name is no sheet name is an error (given
    explicitly) or a warning (found in a folder).
    """
    suffix = path.suffix.lower()
    try:
        if suffix in WORKBOOK_SUFFIXES:
            return _read_workbook(path, problems)
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path.name, "", 0, "", "", f"Datei nicht lesbar ({error.strerror})"
                                " — Pfad und Berechtigungen prüfen"))
        return []
    if suffix in CSV_SUFFIXES:
        sheet = _sheet_of_file(path, problems, strict_names)
        return [] if sheet is None else _read_csv(path.name, path.stem, sheet, data, problems)
    if suffix in JSON_SUFFIXES:
        return _read_json(path, data, problems, strict_names)
    problems.append(Problem(path.name, "", 0, "", "", "Dateityp nicht unterstützt — "
                            ".xlsx, .csv oder .json verwenden"))
    return []


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
        header = [clean_text(cell) for cell in cells]
        if any(header):
            while header and not header[-1]:
                header.pop()
            return number, header
    return None


def _table(file: str, sheet_name: str, sheet: Sheet, rows: Iterator[tuple[int, list]]
           ) -> Table | None:
    first = _first_row(rows)
    if first is None:
        return None  # an empty sheet holds nothing to lose
    return Table(file, sheet_name, sheet, first[1], first[0], rows)


# --------------------------------------------------------------------------- CSV


def decode(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """Text of a CSV/JSON file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Valid UTF-8 wins; bytes that are not UTF-8 are read as Windows-1252 (one by one, so a
    file edited with two different programs still reads). Bytes that cp1252 does not
    define give an error with the line, never a replacement character.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                _encoding_problem(data, len(bom) + error.start, file, problems,
                                  f"Datei ist nicht als {codec.upper()} lesbar")
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    _UNDEFINED.positions = []
    text = data.decode("utf-8", errors=_FALLBACK)
    if _UNDEFINED.positions:
        for position in _UNDEFINED.positions[:10]:
            _encoding_problem(data, position, file, problems,
                              f"Byte 0x{data[position]:02X} ist weder UTF-8 noch Windows-1252")
        return None
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM, recognised by zero bytes in every other place of ASCII text."""
    head = data[:64]
    if len(head) < 4 or len(data) % 2:
        return None
    odd_zero = all(b == 0 for b in head[1::2]) and all(head[0::2])
    even_zero = all(b == 0 for b in head[0::2]) and all(head[1::2])
    if not (odd_zero or even_zero):
        return None
    try:
        return data.decode("utf-16-le" if odd_zero else "utf-16-be")
    except UnicodeDecodeError:
        return None


def _encoding_problem(data: bytes, position: int, file: str, problems: list[Problem],
                      what: str) -> None:
    line = data.count(b"\n", 0, position) + 1
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


def _read_csv(file: str, sheet_name: str, sheet: Sheet, data: bytes,
              problems: list[Problem]) -> list[Table]:
    text = decode(data, file, problems)
    if text is None:
        return []
    delimiter = sniff_delimiter(text)
    table = _table(file, sheet_name, sheet, _csv_rows(text, delimiter, file, sheet_name,
                                                      problems))
    return [] if table is None else [table]


def _csv_rows(text: str, delimiter: str, file: str, sheet_name: str,
              problems: list[Problem]) -> Iterator[tuple[int, list]]:
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):  # noqa: B007 - number used below
            yield number, cells
    except csv.Error as error:
        problems.append(Problem(file, sheet_name, number + 1, "", "",
                                f"CSV nicht lesbar ({error}) — Anführungszeichen prüfen"))


# --------------------------------------------------------------------------- xlsx


def _read_workbook(path: Path, problems: list[Problem]) -> list[Table]:
    from python_calamine import CalamineWorkbook, PasswordError

    file = path.name
    tables: list[Table] = []
    oversized = oversized_sheets(path) if path.suffix.lower() in (".xlsx", ".xlsm") else {}
    for name, last_cell in oversized.items():
        problems.append(Problem(file, name, 0, "", last_cell,
                                "Tabellenblatt reicht bis zu einer weit entfernten Zelle — "
                                "Inhalte außerhalb der Tabelle löschen und neu speichern"))
    if oversized:
        return []
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
                table = _table(file, name, sheet, enumerate(rows, start=1))
                if table is not None:
                    tables.append(table)
    except PasswordError:
        problems.append(Problem(file, "", 0, "", "", "Arbeitsmappe ist passwortgeschützt — "
                                "ohne Passwort speichern"))
        return []
    except Exception as error:  # noqa: BLE001 - calamine's errors for damaged files vary
        problems.append(Problem(file, "", 0, "", "", "keine lesbare Excel-Arbeitsmappe "
                                f"({type(error).__name__}) — Datei in Excel öffnen und als "
                                ".xlsx speichern"))
        return []
    return tables


# --------------------------------------------------------------------------- JSON


def _read_json(path: Path, data: bytes, problems: list[Problem], strict_names: bool
               ) -> list[Table]:
    file = path.name
    text = decode(data, file, problems)
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
        return [] if sheet is None else _json_tables(file, path.stem, sheet, document, problems)
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
        tables.extend(_json_tables(file, name, sheet, rows, problems))
    return tables


def _json_tables(file: str, sheet_name: str, sheet: Sheet, rows: list,
                 problems: list[Problem]) -> list[Table]:
    """A JSON list of row objects as a table; row n (1-based) is spreadsheet row n + 1."""
    header: dict[str, None] = {}
    for item in rows:
        if isinstance(item, dict):
            header.update(dict.fromkeys(item))
    columns = list(header)
    if not rows:
        return []
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

    return [Table(file, sheet_name, sheet, [clean_text(_printable(name)) for name in columns],
                  1, generate())]


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
