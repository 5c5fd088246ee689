"""Hostile input files refused at full size: wall time and peak memory of `netzwerk validate`.

    .venv/bin/python benchmarks/bench_hostile_input.py              # 1 GB CSV, 1.5 GB bombs
    .venv/bin/python benchmarks/bench_hostile_input.py --scale 0.1  # a tenth (at most 1.3)

Cases, each with the default limits (`netzwerk.ingest.limits`): a 1 GB CSV (over the file
limit), a CSV just under the file limit that is one endless cell, an .xlsx of 1.5 MB
holding one 1.5 GB cell (a zip bomb in sharedStrings.xml), the same bomb with zip headers
that claim 1 KB, and an .xlsx whose sheet unpacks to 1.5 GB of ordinary rows.

Target (issue 10): each refused with one located error line, exit code 2, no traceback,
in a few seconds and under 500 MB peak RSS. Each case runs `netzwerk validate` in a child
process whose own peak RSS (``wait4``) is printed next to a small valid file's (what the
interpreter and imports cost). Writing the files is not timed.
"""

from __future__ import annotations

import argparse
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netzwerk.ingest.limits import MB, Limits  # noqa: E402

NETZWERK = Path(sys.executable).with_name("netzwerk")
TARGET_MB = 500
ACTORS = "id;name;typ;sektor;notiz\n"
SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<sheetData>{rows}</sheetData></worksheet>"
)


#: Runs in a bare interpreter between us and the CLI: a child's peak RSS counts the memory
#: image it was started from (the parent's, on Linux), so that image must be small.
MEASURE = (
    "import os, sys; pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ); "
    "_, status, usage = os.wait4(pid, 0); open(sys.argv[1], 'w').write("
    "f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}')"
)


def validate(path: Path, folder: Path) -> tuple[int, float, float, list[str]]:
    """(exit code, wall seconds, peak RSS in MB, output lines) of the CLI in a child."""
    result = folder / "ergebnis.txt"
    started = time.perf_counter()
    process = subprocess.run(
        [
            sys.executable,
            "-I",
            "-S",
            "-c",
            MEASURE,
            str(result),
            str(NETZWERK),
            "validate",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    code, peak_kb = map(int, result.read_text(encoding="utf-8").split())
    return code, seconds, peak_kb / 1024, (process.stdout + process.stderr).splitlines()


def small_csv(folder: Path, _size: int) -> Path:
    path = folder / "klein" / "Akteure.csv"
    path.parent.mkdir()
    path.write_text(
        ACTORS + "qm;Quartiersmanagement;Einrichtung;Quartiersmanagement;\n", encoding="utf-8"
    )
    return path


def big_csv(folder: Path, size: int) -> Path:
    """Plausible rows, ``size`` bytes (at least the file limit): refused by its size alone."""
    size = max(size, Limits().file_bytes + MB)
    path = folder / "gross" / "Akteure.csv"
    path.parent.mkdir()
    row = "a{};Akteur mit einem recht langen Namen {};Verein;Soziales;eine Notiz\n"
    block = "".join(row.format(i, i) for i in range(10_000)).encode()
    with path.open("wb") as handle:
        handle.write(ACTORS.encode())
        for _ in range(size // len(block) + 1):
            handle.write(block)
    return path


def endless_cell_csv(folder: Path, _size: int) -> Path:
    """Just under the file limit, no line break after the header: one endless cell."""
    path = folder / "zelle" / "Akteure.csv"
    path.parent.mkdir()
    with path.open("wb") as handle:
        handle.write(f"{ACTORS}qm;".encode())
        for _ in range(Limits().file_bytes // MB - 1):
            handle.write(b"x" * MB)
    return path


def _workbook(path: Path, sheet: str, shared: str | None, fill: Callable[[object], None]) -> Path:
    """A minimal .xlsx; the marker ``\\0`` in the sheet (or shared strings) is replaced by
    what ``fill`` streams into the archive."""
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships">{}</Relationships>'
    )
    relation = (
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/{}" Target="{}"/>'
    )
    members = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": rels.format(relation.format("officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="Akteure" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>",
        "xl/_rels/workbook.xml.rels": rels.format(
            relation.format("worksheet", "worksheets/sheet1.xml")
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared is not None:
        members["xl/sharedStrings.xml"] = shared
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in members.items():
            with archive.open(name, "w") as member:  # up to 2 GiB: no zip64
                before, marker, after = text.partition("\0")
                member.write(before.encode())
                if marker:
                    fill(member)
                member.write(after.encode())
    return path


def _repeat(block: bytes, size: int) -> Callable[[object], None]:
    def fill(member) -> None:
        for _ in range(size // len(block)):
            member.write(block)

    return fill


def bomb_cell(folder: Path, size: int) -> Path:
    """One cell of ``size`` characters in sharedStrings.xml (B2, the name of actor qm)."""
    head = "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABCD"))
    sheet = SHEET.format(
        rows=f'<row r="1">{head}</row><row r="2"><c r="A2" t="inlineStr">'
        '<is><t>qm</t></is></c><c r="B2" t="s"><v>4</v></c></row>'
    )
    shared = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "".join(f"<si><t>{t}</t></si>" for t in ("id", "name", "typ", "sektor"))
        + "<si><t>\0</t></si></sst>"
    )
    return _workbook(folder / "bombe.xlsx", sheet, shared, _repeat(b"x" * MB, size))


def bomb_cell_lying(folder: Path, size: int) -> Path:
    """The same bomb, its zip headers claiming 1 KB (CRC of that KB): trust them and load."""
    path = bomb_cell(folder, size).rename(folder / "bombe-luegt.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/sharedStrings.xml")
        with archive.open(info) as stream:
            crc = zlib.crc32(stream.read(1000))
    struct.pack_into("<I", data, info.header_offset + 14, crc)
    entry = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)[0]
    while True:
        name_length, extra, comment = struct.unpack_from("<HHH", data, entry + 28)
        if data[entry + 46 : entry + 46 + name_length] == info.filename.encode():
            break
        entry += 46 + name_length + extra + comment
    struct.pack_into("<I", data, entry + 16, crc)
    struct.pack_into("<I", data, entry + 24, 1000)  # size as 32 bits: zip64 extra stays
    path.write_bytes(bytes(data))
    return path


def bomb_rows(folder: Path, size: int) -> Path:
    """A sheet of ordinary rows unpacking to ``size`` bytes (at least the unpacked limit)."""
    size = max(size, Limits().unpacked_bytes + MB)
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c></row>'
    block = (row * (MB // len(row))).encode()
    header = '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
    return _workbook(
        folder / "zeilen.xlsx", SHEET.format(rows=header + "\0"), None, _repeat(block, size)
    )


CASES: list[tuple[str, Callable[[Path, int], Path], float]] = [
    ("1 GB CSV", big_csv, 1.0),
    ("CSV under the limit, one cell", endless_cell_csv, 0.0),
    ("xlsx bomb: one 1.5 GB cell", bomb_cell, 1.5),
    ("... its zip headers say 1 KB", bomb_cell_lying, 1.5),
    ("xlsx bomb: 1.5 GB of rows", bomb_rows, 1.5),
]


def run(label: str, path: Path, folder: Path) -> bool:
    """Validate ``path`` and print one line; True if the target was met."""
    code, seconds, peak, lines = validate(path, folder)
    output = " ".join(lines)
    print(
        f"{label:<30} {path.stat().st_size / MB:>8,.1f} MB: exit {code}, {seconds:5.2f} s, "
        f"peak RSS {peak:4.0f} MB, {len(lines)} line(s): {output[:100]}"
    )
    return code == 2 and peak < TARGET_MB and len(lines) == 1 and "Traceback" not in output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="file sizes times this")
    args = parser.parse_args()
    print(f"limits: {Limits()}")
    met = True
    with tempfile.TemporaryDirectory(prefix="netzwerk-bench-hostile-") as temp:
        folder = Path(temp)
        run("small valid CSV (baseline)", small_csv(folder, 0), folder)
        for label, make, gigabytes in CASES:
            path = make(folder, int(gigabytes * args.scale * 1000 * MB))
            met &= run(label, path, folder)
            path.unlink()
    print(
        f"target (exit 2, one error line, peak RSS < {TARGET_MB} MB): {'met' if met else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
