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

The formats live in `csv_file`, `workbook` (with `sheet_size`) and `json_file`, the
decoding of text in `text`, and what they share (`Table`, header, cell limits) in `table`.
"""

from __future__ import annotations

from pathlib import Path

from netzwerk.errors import Problem
from netzwerk.ingest.limits import Limits
from netzwerk.ingest.readers.csv_file import read_csv
from netzwerk.ingest.readers.json_file import read_json
from netzwerk.ingest.readers.table import Table, sheet_of_file, too_large, unreadable
from netzwerk.ingest.readers.workbook import read_workbook

__all__ = ["SUFFIXES", "Table", "read_path"]

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
JSON_SUFFIXES = frozenset({".json"})
SUFFIXES = CSV_SUFFIXES | WORKBOOK_SUFFIXES | JSON_SUFFIXES


def read_path(
    path: Path, problems: list[Problem], *, strict_names: bool = True, limits: Limits | None = None
) -> list[Table]:
    """The tables in one file. Problems (unreadable file, unknown sheet, ...) are appended.

    ``strict_names``: a CSV/JSON list file whose name is no sheet name is an error (given
    explicitly) or a warning (found in a folder). ``limits``: default from the environment.
    """
    limits = Limits.from_environment() if limits is None else limits
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        problems.append(
            Problem.without_cell(
                path.name, "", 0, "Dateityp nicht unterstützt — .xlsx, .csv oder .json verwenden"
            )
        )
        return []
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            problems.append(too_large(path.name, size, limits.file_bytes))
            return []
        if suffix in WORKBOOK_SUFFIXES:
            return read_workbook(path, problems, limits)
        if suffix in JSON_SUFFIXES:
            return read_json(path, problems, strict_names, limits)
    except OSError as error:
        problems.append(unreadable(path.name, error))
        return []
    sheet = sheet_of_file(path, problems, strict_names)
    return [] if sheet is None else read_csv(path, sheet, problems, limits)
