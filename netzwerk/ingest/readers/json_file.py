"""JSON files -> tables: an object of sheets (``{"Akteure": [...], ...}``) or one list of
rows in a file named after its sheet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from netzwerk.errors import Problem
from netzwerk.ingest.limits import Limits
from netzwerk.ingest.readers.table import (
    SHEET_NAMES,
    CellCheck,
    Table,
    known_sheet,
    sheet_of_file,
    too_large,
    too_many_columns,
)
from netzwerk.ingest.readers.text import decode
from netzwerk.ingest.sheets import Sheet, sheet_for
from netzwerk.ingest.values import clean_text


def read_json(
    path: Path, problems: list[Problem], strict_names: bool, limits: Limits
) -> list[Table]:
    """The tables of one JSON file: an object of sheets, or one list named by the file."""
    file = path.name
    with path.open("rb") as handle:
        data = handle.read(limits.file_bytes + 1)  # a special file may be longer than stat says
    if len(data) > limits.file_bytes:
        problems.append(too_large(file, len(data), limits.file_bytes))
        return []
    text = decode(data, file, problems)
    del data
    if text is None:
        return []
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(
            Problem.without_cell(
                file,
                "",
                error.lineno,
                (
                    f"kein gültiges JSON ({error.msg}"
                    f", Zeile {error.lineno}, Spalte {error.colno}) — Syntax prüfen"
                ),
            )
        )
        return []
    except (ValueError, RecursionError):
        problems.append(
            Problem.without_cell(
                file,
                "",
                0,
                "kein verwendbares JSON (zu tief verschachtelt oder Zahl zu lang) — Syntax prüfen",
            )
        )
        return []
    if isinstance(document, list):
        sheet = sheet_of_file(path, problems, strict_names)
        return (
            []
            if sheet is None
            else _json_tables(file, path.stem, sheet, document, problems, limits)
        )
    if not isinstance(document, dict):
        problems.append(
            Problem.without_cell(
                file,
                "",
                0,
                (
                    'JSON muss ein Objekt sein wie {"Akteure": '
                    "[{...}, ...], ...} oder eine Liste von Zeilen"
                ),
            )
        )
        return []
    known = {key: sheet_for(key) for key in document}
    if not any(known.values()):
        problems.append(
            Problem.without_cell(
                file,
                "",
                0,
                (
                    f"keine bekannten Blätter — erwartet "
                    f'{{"Akteure": [...], "Beziehungen": [...]}}; erlaubt: '
                    f"{SHEET_NAMES}"
                ),
            )
        )
        return []
    tables = []
    for key in known:
        name = _printable(key)
        sheet = known_sheet(file, key, problems, shown=name)
        if sheet is None:
            continue
        rows = document[key]
        if not isinstance(rows, list):
            problems.append(
                Problem.without_cell(
                    file,
                    name,
                    0,
                    'Blatt muss eine Liste von Zeilen sein — z. B. [{"name": "...", "typ": "..."}]',
                )
            )
            continue
        tables.extend(_json_tables(file, name, sheet, rows, problems, limits))
    return tables


def _json_tables(
    file: str, sheet_name: str, sheet: Sheet, rows: list, problems: list[Problem], limits: Limits
) -> list[Table]:
    """A JSON list of row objects as a table; row n (1-based) is spreadsheet row n + 1."""
    header: dict[str, None] = {}
    for item in rows:
        if isinstance(item, dict):
            header.update(dict.fromkeys(item))
    columns = list(header)
    if not rows:
        return []
    if len(columns) > limits.columns:
        problems.append(too_many_columns(file, sheet_name, 1, len(columns), limits))
        return []
    check = CellCheck(file, sheet_name, problems, limits, letters=False)
    names = check.row(1, [clean_text(_printable(name)) for name in columns])
    position = {name: index for index, name in enumerate(columns)}

    def generate() -> Iterator[tuple[int, list]]:
        for number, item in enumerate(rows, start=2):
            if not isinstance(item, dict):
                problems.append(
                    Problem(
                        file,
                        sheet_name,
                        number,
                        "",
                        _json_text(item),
                        'Zeile muss ein Objekt sein — z. B. {"name": "..."}',
                    )
                )
                continue
            cells = [""] * len(columns)
            for key, value in item.items():
                cells[position[key]] = _json_cell(value, file, sheet_name, number, key, problems)
            yield number, cells

    return [Table(file, sheet_name, sheet, names, 1, check.rows(generate()))]


def _json_cell(
    value: object, file: str, sheet: str, row: int, column: str, problems: list[Problem]
) -> str:
    if isinstance(value, str):
        text = value
    elif isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        text = "; ".join(clean_text(v) for v in value)
    elif isinstance(value, (list, dict)):
        problems.append(
            Problem(
                file,
                sheet,
                row,
                _printable(column),
                _json_text(value),
                "verschachtelter Wert — nur Text, Zahl, ja/nein oder eine Liste "
                "von Texten eintragen",
            )
        )
        return ""
    else:
        return clean_text(value)
    if text.isascii() or _encodable(text):
        return text
    problems.append(
        Problem(
            file,
            sheet,
            row,
            _printable(column),
            _printable(text),
            "ungültiges Zeichen (einzelnes Surrogat aus einem \\u-Escape) — Text korrigieren",
        )
    )
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
