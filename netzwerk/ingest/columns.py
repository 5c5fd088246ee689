"""Matching the header row a user actually wrote to the columns of a sheet.

Headers match ignoring case, surrounding spaces, umlaut spelling (ä/ae) and ``_``/``-``/space
differences (`model.normalise_token`); the sheets and their columns are in
`netzwerk.ingest.sheets`.
"""

from __future__ import annotations

from dataclasses import dataclass

from netzwerk.errors import Problem
from netzwerk.ingest.sheets import Sheet
from netzwerk.model import normalise_token


@dataclass
class ColumnMap:
    """Where each field sits in a table: field -> column index, and the header as written."""

    index: dict[str, int]
    header: dict[str, str]

    def has(self, field: str) -> bool:
        return field in self.index


def map_columns(
    sheet: Sheet,
    header: list[str],
    *,
    file: str,
    sheet_name: str,
    row: int,
    problems: list[Problem],
) -> ColumnMap | None:
    """Match a header row to the sheet's columns, appending problems.

    Unknown columns give a warning, a column given twice or a missing required column an
    error. Returns None if a required column is missing (the rows cannot be read then).
    """
    lookup = {
        normalise_token(spelling): column
        for column in sheet.columns
        for spelling in column.spellings()
    }
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[str] = []
    for position, text in enumerate(header):
        if not text:
            continue
        column = lookup.get(normalise_token(text))
        if column is None:
            unknown.append(text)
        elif column.field in index:
            problems.append(
                Problem(
                    file,
                    sheet_name,
                    row,
                    text,
                    "",
                    f'Spalte doppelt — auch "{written[column.field]}" meint '
                    f'"{column.de}"; eine der beiden Spalten löschen',
                )
            )
        else:
            index[column.field] = position
            written[column.field] = text
    allowed = ", ".join(column.de for column in sheet.columns)
    for text in unknown:
        problems.append(
            Problem(
                file,
                sheet_name,
                row,
                text,
                "",
                f"unbekannte Spalte wird ignoriert — erlaubt: {allowed}",
                "warning",
            )
        )
    missing = [
        column.de for column in sheet.columns if column.required and column.field not in index
    ]
    for name in missing:
        problems.append(
            Problem(
                file,
                sheet_name,
                row,
                name,
                "",
                f'Pflichtspalte fehlt — Spalte "{name}" in der Kopfzeile (Zeile {row}) ergänzen',
            )
        )
    if missing:
        return None
    return ColumnMap(index, written)
