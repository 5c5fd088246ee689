"""What a workbook archive holds, measured before calamine loads it.

calamine loads a workbook in ways a small hostile file turns into gigabytes, and some of
them end the process without an exception we could catch. So the archive is read first,
every member inflated chunk by chunk from its compressed bytes as they are stored (the
sizes in the zip headers can lie), nothing kept but counters. One pass measures the sizes
and looks for long texts (cheap); only if that finds nothing, a second pass reads the
sheets' references (regular expressions over every cell cost more):

* **unpacked size**: all members together, whatever their names (calamine follows the
  relationships to any part), may unpack to `Limits.unpacked_bytes`; the member that
  crosses the limit is named and inflating stops there.
* **long texts** in the sheets and shared strings (found through the relationships as
  calamine finds them; sharedStrings.xml and the content.xml of .ods by name): a cell's
  text takes at least one and at most ten bytes of XML per character (``&#x10FFFF;``),
  so text between two tags longer than ten bytes per allowed character
  (`Limits.cell_chars`) is refused here, with its sheet and cell: a zip bomb of one
  1.5 GB cell stops after a megabyte. Shorter texts are checked exactly after loading.
* **used range** (.xlsx/.xlsm): calamine builds a dense grid over a sheet's used range;
  one stray value in cell XFD1048576 of a 5 KB workbook makes that grid 17 billion cells
  and the process asks for 512 GiB. The largest row number and column in ``r="…"``
  references are compared with the XML's size: real data needs well over one byte of
  XML per cell, so a range with more cells than bytes (and more than
  `MIN_REFUSED_CELLS`) is refused.
* **members**: an archive with more than `MAX_MEMBERS` members is refused before zipfile
  reads its directory (every member costs memory in zipfile and in calamine).

A file that is not a zip archive at all is left to calamine, which says what it is
(e.g. password protected); a zip archive that cannot be inflated is refused as damaged.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from netzwerk.ingest.limits import Limits
from netzwerk.ingest.readers.zip_stream import inflated, member_count

MIN_REFUSED_CELLS = 2_000_000
MAX_MEMBERS = 10_000
#: Bytes of XML per character a cell's text can take at most (``&#x10FFFF;``).
XML_BYTES_PER_CHAR = 10
_TAIL = 256
_INDEX_BYTES = 10_000_000  # workbook.xml and its relationships: a few KB in real files
_ROW = re.compile(rb'r="[A-Z]{0,3}(\d+)"')
_COLUMN = re.compile(rb'r="([A-Z]{1,3})\d')
_CELL = re.compile(rb'r="([A-Z]{1,3}\d+)"')
_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s>]")
_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class Finding:
    """One reason to refuse a workbook before loading it.

    ``kind`` is 'members' (``count`` members), 'unpacked' (``part`` crossed the limit),
    'text' (a text in ``part`` longer than the cell limit, used in ``sheet``/``cell`` if
    known, starting with ``sample``), 'range' (``sheet`` reaches to ``cell``) or 'damaged'
    (``part`` cannot be inflated: ``sample`` names the error).
    """

    kind: str
    part: str = ""
    sheet: str = ""
    cell: str = ""
    sample: str = ""
    count: int = 0


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


def inspect_workbook(path: Path, limits: Limits) -> list[Finding]:
    """Reasons to refuse the workbook at ``path`` before calamine loads it (none: load it).

    >>> import io, tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with zipfile.ZipFile(folder / "bombe.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
    ...     archive.writestr("xl/sharedStrings.xml", b"<sst><si><t>" + b"x" * 3_000_000)
    >>> (finding,) = inspect_workbook(folder / "bombe.xlsx", Limits(cell_chars=1000))
    >>> finding.kind, finding.part, finding.sample[:5]
    ('text', 'xl/sharedStrings.xml', 'xxxxx')
    >>> inspect_workbook(folder / "bombe.xlsx", Limits(unpacked_bytes=1_000_000))[0].kind
    'unpacked'
    """
    try:
        with path.open("rb") as handle:
            members = member_count(handle)
            if members is None:
                return []  # no zip archive: calamine says what it is
            if members > MAX_MEMBERS:
                return [Finding("members", count=members)]
            try:
                archive = zipfile.ZipFile(handle)
            except Exception as error:  # noqa: BLE001 - damaged archives fail in many ways
                return [Finding("damaged", sample=type(error).__name__)]
            with archive:
                return _ArchiveScan(archive, handle, limits).findings()
    except OSError:
        return []  # unreadable: calamine reports it with the reason


class _Damaged(Exception):  # noqa: N818 - internal signal, never leaves this module
    def __init__(self, part: str, reason: str) -> None:
        super().__init__(part, reason)
        self.part, self.reason = part, reason


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


class _TextScan:
    """One XML member measured chunk by chunk: its size and, if it holds cell text (a sheet,
    the shared strings), the first text between two tags longer than ``text_bytes``, with
    the cell before it and (shared strings) its index."""

    def __init__(self, text_bytes: int, *, texts: bool, shared: bool) -> None:
        self.text_bytes, self.texts, self.shared = text_bytes, texts, shared
        self.long_text = re.compile(rb"<[^<]{%d}" % (text_bytes + 1))
        self.size = self.strings = self.run = 0  # run: tag-free bytes at the end so far
        self.run_head = self.last_cell = self.tail = b""
        self.found: tuple[bytes, bytes, int] | None = None  # text start, cell, string index

    def feed(self, chunk: bytes) -> bool:
        """Take the next chunk; True once a text too long was found (stop reading)."""
        self.size += len(chunk)
        if not self.texts:
            return False
        data = self.tail + chunk
        first = chunk.find(b"<")
        if first < 0:  # the whole chunk continues the text at the end of the last one
            self.run += len(chunk)
            self.run_head += chunk[: 400 - len(self.run_head)]
            if self.run > self.text_bytes:
                self.found = (self.run_head, self.last_cell, self.strings - 1)
        elif self.run + first > self.text_bytes:
            self.found = (self.run_head, self.last_cell, self.strings - 1)
        elif match := self.long_text.search(chunk, first):
            before = data[: len(self.tail) + match.start()]
            self.found = (
                chunk[match.start() + 1 : match.start() + 400],
                _last_cell(before) or self.last_cell,
                self.strings + self._strings(before) - 1,
            )
        else:
            last = chunk.rfind(b"<")
            self.run, self.run_head = len(chunk) - last - 1, chunk[last + 1 : last + 400]
            self.last_cell = _last_cell(data) or self.last_cell
            self.strings += self._strings(data)
        self.tail = data[-_TAIL:]
        return self.found is not None

    def _strings(self, data: bytes) -> int:
        """``<si>`` elements in ``data`` that were not in the tail already."""
        if not self.shared:
            return 0
        return len(_SHARED_STRING.findall(data)) - len(_SHARED_STRING.findall(self.tail))


class _RangeScan:
    """How far one sheet reaches: the largest row number and column in ``r="…"``."""

    def __init__(self) -> None:
        self.size = self.max_row = 0
        self.columns: set[bytes] = set()
        self.tail = b""

    def feed(self, chunk: bytes) -> None:
        self.size += len(chunk)
        data = self.tail + chunk
        rows = _ROW.findall(data)
        if rows:
            self.max_row = max(self.max_row, max(map(int, set(rows))))
        self.columns.update(_COLUMN.findall(data))
        self.tail = data[-_TAIL:]

    def _last_column(self) -> int:
        return max((column_number(c.decode("ascii")) for c in self.columns), default=1)

    def last_reference(self) -> str:
        """The cell at the far corner of the used range, e.g. 'XFD1048576'."""
        return f"{column_letters(self._last_column())}{self.max_row}"

    def oversized(self) -> bool:
        return self.max_row * self._last_column() > max(MIN_REFUSED_CELLS, self.size)


def _last_cell(data: bytes) -> bytes:
    """The last cell reference in ``data`` ('B7'), if its last reference is a cell's."""
    at = data.rfind(b'r="')
    match = _CELL.match(data, at) if at >= 0 else None
    return match.group(1) if match else b""


class _ArchiveScan:
    """The findings of one archive. First every XML member is inflated once within the
    budget, looking for long texts (cheap); only if that finds nothing, the sheets again
    for their used range (the regular expressions over every reference cost more)."""

    def __init__(self, archive: zipfile.ZipFile, handle: BinaryIO, limits: Limits) -> None:
        self.archive, self.handle, self.limits = archive, handle, limits
        self.shared: set[str] = set()

    def findings(self) -> list[Finding]:
        sheets, self.shared = self._index()
        try:
            return self._texts(sheets) or self._ranges(sheets)
        except _Damaged as damaged:
            return [Finding("damaged", damaged.part, sample=damaged.reason)]

    def _chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        try:
            yield from inflated(self.archive, self.handle, info)
        except Exception as error:  # noqa: BLE001 - damaged archives fail in many ways
            raise _Damaged(info.filename, type(error).__name__) from error

    def _texts(self, sheets: dict[str, str]) -> list[Finding]:
        found: list[Finding] = []
        unpacked = 0
        for info in self.archive.infolist():  # every member: calamine follows any name
            sheet, shared = sheets.get(info.filename), self._is_shared(info.filename)
            scan = _TextScan(
                self._text_bytes(),
                shared=shared,
                texts=sheet is not None or shared or info.filename.lower().endswith("content.xml"),
            )
            for chunk in self._chunks(info):
                unpacked += len(chunk)
                if unpacked > self.limits.unpacked_bytes:
                    return [
                        Finding(
                            "unpacked", info.filename, sheet or "", count=self.limits.unpacked_bytes
                        )
                    ]
                if scan.feed(chunk):
                    break
            if scan.found is not None:
                found.append(self._long_text(info.filename, sheet, scan.found, sheets))
        return found

    def _text_bytes(self) -> int:
        """Bytes of text between two tags that surely hold more characters than allowed."""
        limits = self.limits
        return min(XML_BYTES_PER_CHAR * limits.cell_chars, limits.unpacked_bytes, 1 << 31)

    def _long_text(
        self, part: str, sheet: str | None, found: tuple[bytes, bytes, int], sheets: dict[str, str]
    ) -> Finding:
        """A text too long, at its cell: in a sheet the cell around it, in the shared
        strings the first cell that shows it."""
        text, cell, index = found
        if sheet is None:
            sheet, cell = "", b""
            if self._is_shared(part) and index >= 0:
                sheet, cell = self._cell_using(index, sheets)
        return Finding("text", part, sheet, cell.decode("ascii"), _sample(text))

    def _ranges(self, sheets: dict[str, str]) -> list[Finding]:
        found = []
        for info in self.archive.infolist():
            sheet = sheets.get(info.filename)
            if sheet is None:
                continue
            scan = _RangeScan()
            for chunk in self._chunks(info):
                scan.feed(chunk)
            if scan.oversized():
                found.append(Finding("range", info.filename, sheet, scan.last_reference()))
        return found

    def _cell_using(self, index: int, sheets: dict[str, str]) -> tuple[str, bytes]:
        """(sheet, cell) of the first cell showing shared string ``index``, else ("", b"")."""
        pattern = re.compile(rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>%d<" % index)
        members = set(self.archive.namelist())
        for part, sheet in sheets.items():
            if part not in members:
                continue
            tail = b""
            for chunk in self._chunks(self.archive.getinfo(part)):
                for match in pattern.finditer(tail + chunk):
                    attributes = match.group(1)
                    cell = _CELL.search(attributes)
                    if re.search(rb'\bt="s"', attributes) and cell:
                        return sheet, cell.group(1)
                tail = (tail + chunk)[-_TAIL:]
        return "", b""

    def _is_shared(self, part: str) -> bool:
        return part in self.shared or part.lower().endswith("sharedstrings.xml")

    def _index(self) -> tuple[dict[str, str], set[str]]:
        """(path of each sheet's part -> sheet name, paths of shared strings parts), found as
        calamine finds them: the package's relationships name the workbook part, its
        relationships the rest. If that fails, every XML member under xl/worksheets/
        counts as a sheet named by its path."""
        try:
            workbook_part = self._target("_rels/.rels", "", "/officeDocument") or "xl/workbook.xml"
            folder = posixpath.dirname(workbook_part)
            workbook = ET.fromstring(self._small(workbook_part))
            relations = self._relations(folder, posixpath.basename(workbook_part))
        except Exception:  # noqa: BLE001 - missing, damaged or huge: fall back to the paths
            return {
                name: name
                for name in self.archive.namelist()
                if name.startswith("xl/worksheets/") and _is_xml(name)
            }, set()
        targets = {r.get("Id"): _resolve(folder, r.get("Target", "")) for r in relations}
        shared = {
            _resolve(folder, r.get("Target", ""))
            for r in relations
            if r.get("Type", "").endswith("/sharedStrings")
        }
        sheets = {}
        for sheet in workbook.iter():
            if sheet.tag.endswith("}sheet") and sheet.get(_RELATIONSHIP_ID) in targets:
                sheets[targets[sheet.get(_RELATIONSHIP_ID)]] = sheet.get("name", "")
        return sheets, shared

    def _relations(self, folder: str, name: str) -> ET.Element:
        """The relationships of part ``name`` in ``folder`` (calamine looks for
        workbook.xml.rels whatever the workbook part is called)."""
        members = set(self.archive.namelist())
        for candidate in (f"{name}.rels", "workbook.xml.rels"):
            path = posixpath.join(folder, "_rels", candidate)
            if path in members:
                return ET.fromstring(self._small(path))
        raise KeyError(name)

    def _target(self, rels: str, folder: str, kind: str) -> str:
        """The target of the first relationship of type ``kind`` in ``rels``, else ''."""
        for relation in ET.fromstring(self._small(rels)):
            if relation.get("Type", "").endswith(kind):
                return _resolve(folder, relation.get("Target", ""))
        return ""

    def _small(self, name: str) -> bytes:
        """A member that is small in every real workbook, read whole (ValueError if not)."""
        data = bytearray()
        for chunk in inflated(self.archive, self.handle, self.archive.getinfo(name)):
            data += chunk
            if len(data) > _INDEX_BYTES:
                raise ValueError(f"{name} is larger than {_INDEX_BYTES} bytes")
        return bytes(data)


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a member path: absolute ('/xl/…') or relative to
    ``folder``."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def _sample(text: bytes) -> str:
    """The start of a text as the user typed it: its tag (``t>``) cut off, entities resolved.

    >>> _sample(b't xml:space="preserve">Caf&#233; &amp; Bar')
    'Café & Bar'
    """
    end = text.find(b">", 0, 300)
    if end >= 0:
        text = text[end + 1 :]
    return html.unescape(text[:100].decode("utf-8", "replace")).rstrip("\ufffd")[:80]
