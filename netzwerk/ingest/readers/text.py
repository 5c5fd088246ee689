"""The bytes of a CSV or JSON file -> text: encodings found (UTF-8, UTF-16/32, Windows-1252),
decoded chunk by chunk, an undecodable byte one located problem."""

from __future__ import annotations

import codecs
import io
import threading
from collections.abc import Iterator
from typing import BinaryIO

from netzwerk.errors import Problem
from netzwerk.ingest.readers.table import too_large

_READ_CHUNK = 1 << 20
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
#: Byte order marks, the four-byte ones first: UTF-32 LE starts like UTF-16 LE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """Text of a CSV/JSON file: UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM,
    UTF-16 without BOM (ASCII text with every other byte zero), else Windows-1252.

    Otherwise valid UTF-8 wins; bytes that are not UTF-8 are read as Windows-1252 (one by
    one, so a file edited with two different programs still reads). Bytes that cp1252
    does not define give an error with the line, never a replacement character. CSV files
    are decoded the same way chunk by chunk (`text_chunks`).

    >>> decode(codecs.BOM_UTF32_LE + "Straße".encode("utf-32-le"), "x.csv", [])
    'Straße'
    """
    try:
        return "".join(text_chunks(io.BytesIO(data), len(data), file, problems, len(data)))
    except Unreadable:
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


def text_chunks(
    handle: BinaryIO, size: int, file: str, problems: list[Problem], limit: int
) -> Iterator[str]:
    """The text of a file, decoded chunk by chunk (`decode` says how). A decoding error or
    more than ``limit`` bytes is a problem, then `Unreadable` is raised."""
    data = handle.read(max(_READ_CHUNK, 64))
    codec, skip, errors = _encoding_of(data, size)
    decoder = codecs.getincrementaldecoder(codec)(errors)
    data, read, lines = data[skip:], len(data), 0
    while True:
        if read > limit:
            problems.append(too_large(file, read, limit))
            raise Unreadable
        buffer = decoder.getstate()[0] + data  # what the positions in errors refer to
        _UNDEFINED.positions = []
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            _encoding_problem(
                buffer,
                error.start,
                lines,
                file,
                problems,
                f"Datei ist nicht als {codec.upper()} lesbar",
            )
            raise Unreadable from None
        if _UNDEFINED.positions:
            for position in _UNDEFINED.positions[:10]:
                _encoding_problem(
                    buffer,
                    position,
                    lines,
                    file,
                    problems,
                    f"Byte 0x{buffer[position]:02X} ist weder UTF-8 noch Windows-1252",
                )
            raise Unreadable
        if text:
            yield text
        if not data:
            return
        lines += data.count(b"\n")
        data = handle.read(_READ_CHUNK)
        read += len(data)


class Unreadable(Exception):  # noqa: N818 - internal signal, never leaves this module
    """The text of a file ends here; the problem saying why is reported already."""


def _encoding_problem(
    buffer: bytes, position: int, lines_before: int, file: str, problems: list[Problem], what: str
) -> None:
    line = lines_before + buffer.count(b"\n", 0, position) + 1
    problems.append(
        Problem.without_cell(
            file,
            "",
            line,
            f"{what} (Zeile {line}) — Datei als „CSV UTF-8“ speichern oder das Zeichen korrigieren",
        )
    )


_UNDEFINED = threading.local()
_FALLBACK = "netzwerk-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    text = []
    for offset, byte in enumerate(chunk):
        if byte in _CP1252_UNDEFINED:
            _UNDEFINED.positions.append(error.start + offset)
            text.append("?")
        else:
            text.append(bytes([byte]).decode("cp1252"))
    return "".join(text), error.end


codecs.register_error(_FALLBACK, _cp1252_fallback)
