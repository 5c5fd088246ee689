"""How far each sheet of an .xlsx file reaches, read before calamine loads it.

calamine builds a dense grid over a sheet's used range. One stray value in cell XFD1048576
of a 5 KB workbook makes that grid 17 billion cells: the process asks for 512 GiB and dies
without an exception we could catch. So before loading, the sheet XML is streamed once and
the largest row number and column seen in ``<row r=…>`` / ``<c r=…>`` are compared with the
XML's size: real data needs well over one byte of XML per cell, so a range with more cells
than bytes (and more than `MIN_REFUSED_CELLS`) is refused with a located problem.
Only .xlsx/.xlsm (zip) files are checked; other formats go to calamine unchecked.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

MIN_REFUSED_CELLS = 2_000_000
_CHUNK = 1 << 20
_REFERENCE = re.compile(rb'<(?:\w+:)?(?:c|row)\b[^>]*?\br="([A-Z]{0,3})(\d+)"')
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def column_number(letters: str) -> int:
    """1-based column number: 'A' -> 1, 'Z' -> 26, 'AA' -> 27, 'XFD' -> 16384.

    >>> column_number("A"), column_number("AA"), column_number("XFD")
    (1, 27, 16384)
    """
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    """'A' for 1, 'AA' for 27.

    >>> column_letters(26), column_letters(16384)
    ('Z', 'XFD')
    """
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> path of its XML part inside the archive."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in relations}
    parts = {}
    for sheet in workbook.iter():
        if sheet.tag.endswith("}sheet") and sheet.get(_RELATIONSHIP_ID) in targets:
            target = targets[sheet.get(_RELATIONSHIP_ID)]
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            parts[sheet.get("name", "")] = path
    return parts


def _extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int, int]:
    """(largest row, largest column, XML bytes) of one sheet part, streamed."""
    max_row = max_column = size = 0
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            data = tail + chunk
            for letters, row in _REFERENCE.findall(data):
                max_row = max(max_row, int(row))
                if letters:
                    max_column = max(max_column, column_number(letters.decode("ascii")))
            tail = data[-256:]
    return max_row, max_column, size


def oversized_sheets(path: Path) -> dict[str, str]:
    """Sheets whose used range is implausibly large for their size: name -> last cell.

    Unreadable archives return nothing here; calamine reports them properly afterwards.
    """
    found = {}
    try:
        with zipfile.ZipFile(path) as archive:
            for name, part in _sheet_parts(archive).items():
                if part not in archive.namelist():
                    continue
                max_row, max_column, size = _extent(archive, part)
                cells = max_row * max(max_column, 1)
                if cells > max(MIN_REFUSED_CELLS, size):
                    found[name] = f"{column_letters(max(max_column, 1))}{max_row}"
    except Exception:  # noqa: BLE001 - a damaged archive fails in many ways; calamine says how
        return {}
    return found
