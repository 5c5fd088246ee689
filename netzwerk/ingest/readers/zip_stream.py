"""Reading a zip archive without trusting it: how many members its directory lists, and a
member's bytes inflated from its compressed data as stored (the sizes in the headers can
lie), chunk by chunk."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

_CHUNK = 1 << 20
_END_OF_DIRECTORY = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_LOCAL_HEADER = b"PK\x03\x04"


def member_count(handle: BinaryIO) -> int | None:
    """Members listed in the end-of-directory record; None if there is none (no zip)."""
    size = handle.seek(0, 2)
    start = max(0, size - 22 - 0xFFFF)
    handle.seek(start)
    tail = handle.read()
    at = tail.rfind(_END_OF_DIRECTORY)
    if at < 0 or len(tail) - at < 22:
        return None
    (count,) = struct.unpack_from("<H", tail, at + 10)
    locator = at - 20
    if count == 0xFFFF and locator >= 0 and tail[locator : locator + 4] == _ZIP64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", tail, locator + 8)
        handle.seek(offset)
        record = handle.read(56)
        if len(record) == 56 and record.startswith(b"PK\x06\x06"):
            (count,) = struct.unpack_from("<Q", record, 32)
    return count


def inflated(archive: zipfile.ZipFile, handle: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The unpacked bytes of one member in chunks of at most 1 MiB, inflated from its
    compressed data as stored: a header that understates the size changes nothing."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with archive.open(info) as stream:  # rare methods: zipfile's own (header-bound) reader
            while chunk := stream.read(_CHUNK):
                yield chunk
        return
    handle.seek(info.header_offset)
    header = handle.read(30)
    if len(header) < 30 or not header.startswith(_LOCAL_HEADER):
        raise zipfile.BadZipFile(f"no local header for {info.filename}")
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    handle.seek(info.header_offset + 30 + name_length + extra_length)
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    left = info.compress_size
    while left > 0 and not (inflater and inflater.eof):
        data = handle.read(min(_CHUNK, left))
        if not data:
            raise zipfile.BadZipFile(f"{info.filename} is truncated")
        left -= len(data)
        if inflater is None:
            yield data
            continue
        while data and not inflater.eof:
            chunk = inflater.decompress(data, _CHUNK)
            data = inflater.unconsumed_tail
            if chunk:
                yield chunk
    if inflater is not None and (rest := inflater.flush()):
        yield rest
