"""The data rows of a table as the sheet handlers read them: blank rows skipped, cells padded.

>>> is_blank(["", "  ", None]), text_at([" Caritas "], 0), text_at([], None)
(True, 'Caritas', '')
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from netzwerk.ingest.readers import Table
from netzwerk.ingest.values import clean_text

if TYPE_CHECKING:
    from netzwerk.ingest.builder import Builder


def data_rows(table: Table, builder: Builder) -> Iterator[tuple[int, list]]:
    """The non-blank rows of a table, padded to the header's width.

    Values in columns without a header are reported once per table (they are ignored).
    """
    width = len(table.header)
    unnamed = [position for position, text in enumerate(table.header) if not text]
    reported = False
    for number, cells in table.rows:
        if not any(cells):
            continue
        size = len(cells)
        if size < width:
            cells = list(cells) + [""] * (width - size)
        if not reported and (size > width or unnamed):
            stray = [
                position
                for position in (*unnamed, *range(width, size))
                if clean_text(cells[position])
            ]
            if stray:
                reported = True
                builder.problem(
                    table,
                    number,
                    "",
                    clean_text(cells[stray[0]]),
                    f"Wert in Spalte {stray[0] + 1} ohne Überschrift wird ignoriert "
                    "— Überschrift ergänzen oder Wert löschen",
                    "warning",
                )
        yield number, cells


def is_blank(cells: list) -> bool:
    """True if every cell is empty after trimming (a row of spaces counts as empty)."""
    return not any(clean_text(cell) for cell in cells)


def text_at(cells: list, position: int | None) -> str:
    """The cell at ``position`` as trimmed text; '' if the column is missing."""
    return "" if position is None else clean_text(cells[position])
