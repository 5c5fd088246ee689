"""What identifies one actor in a file, and finding those traces in files and folders.

A trace is any string that points at the person: the name, e-mail addresses and phone
numbers from the contact field, the address (persons only), the pseudonym under which
reports show them, and the id. Text is matched case-insensitively and only as a whole word
(``Ali`` does not match ``Natalie``), in the spellings outputs use for it (plain, XML/HTML
escaped, JSON escaped, CSV quoted); ids, which are lower-case slugs, are matched with
their exact case.

`scan_outputs` looks through folders of reports and exports: text files directly, Office
files (.xlsx, .docx, .ods: zip archives of XML) member by member. Files it cannot read as
text (images, PDF) are listed as unchecked, never silently passed.
"""

from __future__ import annotations

import html
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()/.-]{4,}\d")
_OPAQUE_SUFFIXES = frozenset(
    {
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".bmp",
        ".tif",
        ".tiff",
        ".ico",
        ".pdf",
        ".gz",
        ".bz2",
        ".xz",
        ".7z",
        ".rar",
    }
)
_SQLITE_MAGIC = b"SQLite format 3\x00"
_MAX_SCAN_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Traces:
    """The strings that identify one actor, grouped by what they are (German labels)."""

    actor_id: str
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def matcher(self) -> TraceMatcher:
        return TraceMatcher(self)


def traces_of(record: dict, pseudonym: str | None = None) -> Traces:
    """Traces of an actor from `Store.actor_record`: name, e-mail, phone, address, pseudonym.

    >>> t = traces_of({"id": "erika", "name": "Erika Muster", "type": "person",
    ...                "contact": "erika@example.org; 02331 555-123", "address": ""})
    >>> t.texts["E-Mail"], t.texts["Telefon"]
    (('erika@example.org',), ('02331 555-123',))
    """
    contact = str(record.get("contact") or "")
    emails = tuple(dict.fromkeys(_EMAIL.findall(contact)))
    without_emails = _EMAIL.sub(" ", contact)
    phones = tuple(dict.fromkeys(p.strip() for p in _PHONE.findall(without_emails)))
    rest = tuple(
        part.strip()
        for part in re.split(r"[;,\n]", without_emails)
        if part.strip() and not _PHONE.fullmatch(part.strip())
    )
    texts: dict[str, tuple[str, ...]] = {
        "Name": (str(record.get("name") or ""),),
        "E-Mail": emails,
        "Telefon": phones,
        "Kontakt": rest,
    }
    if record.get("type") == "person":
        texts["Anschrift"] = (str(record.get("address") or ""),)
    if pseudonym:
        texts["Pseudonym"] = (pseudonym,)
    cleaned = {
        label: tuple(t for t in values if len(t.strip()) >= 2) for label, values in texts.items()
    }
    return Traces(str(record["id"]), {label: v for label, v in cleaned.items() if v})


def _spellings(text: str) -> set[str]:
    """How a value may be written in outputs: as is, XML/HTML escaped, JSON, CSV quoted."""
    return {
        text,
        html.escape(text, quote=False),
        html.escape(text, quote=True),
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
        text.replace('"', '""'),
    }


def _word(pattern: str, text: str) -> str:
    """``pattern`` with word boundaries where the value itself starts/ends with a letter."""
    before = r"(?<!\w)" if text[:1].isalnum() else ""
    after = r"(?!\w)" if text[-1:].isalnum() else ""
    return before + pattern + after


class TraceMatcher:
    """Finds the traces of one actor in text; `found` says which kinds (German labels)."""

    def __init__(self, traces: Traces):
        self.traces = traces
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        for label, values in traces.texts.items():
            alternatives = sorted(
                {
                    re.escape(spelling.casefold())
                    for value in values
                    for spelling in _spellings(value)
                },
                key=len,
                reverse=True,
            )
            if alternatives:
                value = values[0]
                self._patterns.append(
                    (label, re.compile(_word("(?:" + "|".join(alternatives) + ")", value)))
                )
        self._id_pattern = re.compile(r"(?<![\w-])" + re.escape(traces.actor_id) + r"(?![\w-])")

    def found(self, text: str) -> list[str]:
        """Labels of the traces that occur in ``text`` ('Name', 'E-Mail', …, 'Kennung')."""
        folded = text.casefold()
        labels = [label for label, pattern in self._patterns if pattern.search(folded)]
        if self._id_pattern.search(text):
            labels.append("Kennung")
        return labels


@dataclass
class OutputScan:
    """What a search of output folders found."""

    folders: tuple[Path, ...]
    mentioning: list[Path] = field(default_factory=list)  # to delete
    unchecked: list[Path] = field(default_factory=list)  # opaque: check by hand
    sources: list[Path] = field(default_factory=list)  # input files: edit by hand
    stores: list[Path] = field(default_factory=list)  # other netzwerk stores

    def as_dict(self) -> dict:
        return {
            key: [str(p) for p in getattr(self, key)]
            for key in ("folders", "mentioning", "unchecked", "sources", "stores")
        }


def scan_outputs(
    folders: Iterable[Path | str],
    traces: Traces,
    *,
    source_names: Iterable[str] = (),
    skip: Iterable[Path] = (),
) -> OutputScan:
    """Search report/export folders (recursively, not following links) for an actor.

    ``source_names``: names of input files (from the ingest log); such files are listed as
    sources, never deleted. ``skip``: files not to look at (the store itself).
    """
    matcher = traces.matcher()
    sources = set(source_names)
    skipped = {_resolved(path) for path in skip}
    scan = OutputScan(tuple(Path(folder) for folder in folders))
    for folder in scan.folders:
        for path in _files_under(folder):
            if _resolved(path) in skipped:
                continue
            verdict = _file_mentions(path, matcher)
            if verdict == "store":
                scan.stores.append(path)
            elif verdict == "opaque":
                scan.unchecked.append(path)
            elif verdict == "yes":
                (scan.sources if path.name in sources else scan.mentioning).append(path)
    return scan


def delete_outputs(paths: Iterable[Path]) -> list[Path]:
    """Delete the given files (regular files only); returns those deleted.

    The file system may keep the old blocks until they are reused; on an encrypted disk
    (the recommended setup for this data) that is no exposure.
    """
    deleted = []
    for path in paths:
        if path.is_file() and not path.is_symlink():
            path.unlink()
            deleted.append(path)
    return deleted


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _files_under(folder: Path) -> Iterator[Path]:
    if folder.is_file():
        yield folder
        return
    for root, directories, files in os.walk(folder, followlinks=False):
        directories.sort()
        for name in sorted(files):
            path = Path(root) / name
            if not path.is_symlink() and path.is_file():
                yield path


def _file_mentions(path: Path, matcher: TraceMatcher) -> str:
    """'yes', 'no', 'opaque' (cannot be searched) or 'store' (a netzwerk SQLite store)."""
    if matcher.found(path.name):
        return "yes"
    try:
        if path.stat().st_size > _MAX_SCAN_BYTES:
            return "opaque"
        data = path.read_bytes()
    except OSError:
        return "opaque"
    if data.startswith(_SQLITE_MAGIC):
        return "store" if matcher.found(_text(data)) else "no"
    if zipfile.is_zipfile(path):
        return _zip_mentions(path, matcher)
    if matcher.found(_text(data)):
        return "yes"
    opaque = path.suffix.lower() in _OPAQUE_SUFFIXES or (
        b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    )
    return "opaque" if opaque else "no"


def _zip_mentions(path: Path, matcher: TraceMatcher) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for member in archive.infolist():
                total += member.file_size
                if total > _MAX_SCAN_BYTES:
                    return "opaque"
                if matcher.found(member.filename) or matcher.found(_text(archive.read(member))):
                    return "yes"
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        return "opaque"
    return "no"


def _text(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="ignore")
    return data.decode("utf-8", errors="ignore")
