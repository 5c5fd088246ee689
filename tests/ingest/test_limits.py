"""Hostile files cost nothing: every limit (`netzwerk.ingest.limits`) is one located error,
checked before the memory is spent, and reading streams.

Real files only: CSV in the encodings staff produce, .xlsx written by openpyxl or built by
hand (zip bombs, lying zip headers), JSON. The memory tests run `netzwerk validate` in a
child process and read that child's peak RSS; files stay small by setting the limits low
through the environment (the full-size runs are in benchmarks/bench_hostile_input.py).
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import posixpath
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk.errors import ConfigError, InputError
from netzwerk.ingest import read_files, readers
from netzwerk.ingest.limits import MB, Limits
from netzwerk.ingest.readers import csv_file
from netzwerk.ingest.readers import text as text_reader
from netzwerk.ingest.readers.sheet_size import MAX_MEMBERS, inspect_workbook

ACTORS = [
    ["id", "name", "typ", "sektor", "notiz"],
    ["qm", "Quartiersmanagement", "Einrichtung", "Quartiersmanagement", ""],
    ["caritas", "Caritas", "Verein", "Soziales", "Notiz"],
]
NETZWERK = Path(sys.executable).with_name("netzwerk")
MEMORY_BOUND_MB = 500


def _errors(paths: list[Path]) -> list:
    with pytest.raises(InputError) as raised:
        read_files(paths)
    return [problem for problem in raised.value.problems if problem.severity == "error"]


# --------------------------------------------------------------------------- the limits


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NETZWERK_MAX_FILE_MB", "7")
    monkeypatch.setenv("NETZWERK_MAX_UNPACKED_MB", "9")
    monkeypatch.setenv("NETZWERK_MAX_CELL_CHARS", "1_000")
    monkeypatch.setenv("NETZWERK_MAX_COLUMNS", "30")
    assert Limits.from_environment() == Limits(7 * MB, 9 * MB, 1000, 30)
    assert Limits.from_environment({}) == Limits()


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5", "1" + "0" * 30])
def test_a_bad_limit_in_the_environment_is_a_config_error(value):
    with pytest.raises(ConfigError, match="NETZWERK_MAX_COLUMNS") as raised:
        Limits.from_environment({"NETZWERK_MAX_COLUMNS": value})
    assert raised.value.lines() == [f"Fehler: {raised.value}"]


def test_the_readme_documents_every_limit_with_its_default():
    from netzwerk.ingest.limits import VARIABLES

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for variable, default in VARIABLES.items():
        row = next((line for line in readme.splitlines() if variable in line), "")
        assert str(default) in row.replace(",", ""), variable


# --------------------------------------------------------------------------- file size


def test_a_csv_larger_than_the_limit_is_one_error_before_it_is_read(write_csv, monkeypatch):
    path = write_csv("Akteure.csv", ACTORS + [["a", "x" * 1000, "Verein", "Soziales", ""]] * 2000)
    monkeypatch.setenv("NETZWERK_MAX_FILE_MB", "1")
    (problem,) = _errors([path])
    assert (problem.file, problem.row) == ("Akteure.csv", 0)
    assert problem.message.startswith("Datei zu groß (2,1 MB, höchstens 1 MB)")
    assert "NETZWERK_MAX_FILE_MB" in problem.message


def test_json_and_workbook_files_have_the_same_size_limit(write_json, write_xlsx):
    names = [os.urandom(16).hex() for _ in range(20_000)]  # random: compresses badly
    document = write_json("Akteure.json", [{"name": name} for name in names])
    workbook = write_xlsx("netz.xlsx", {"Akteure": [["name"]] + [[name] for name in names]})
    for path in (document, workbook):
        problems: list = []
        assert readers.read_path(path, problems, limits=Limits(file_bytes=200_000)) == []
        (problem,) = problems
        assert problem.message.startswith("Datei zu groß"), problem


# --------------------------------------------------------------------------- cells


def test_a_long_cell_is_one_located_error_and_the_other_rows_are_still_checked(
    write_csv, monkeypatch
):
    monkeypatch.setenv("NETZWERK_MAX_CELL_CHARS", "1000")
    path = write_csv(
        "Akteure.csv",
        [
            *ACTORS,
            ["lang", "Lang", "Verein", "Soziales", "y" * 5000],
            ["falsch", "Falsch", "Quatsch", "Soziales", ""],
        ],
    )
    long, wrong = _errors([path])
    assert (long.file, long.row, long.column) == ("Akteure.csv", 4, "notiz")
    assert long.message.startswith("Zelle zu lang (5.000 Zeichen, höchstens 1.000)")
    assert len(long.value) <= 100 and len(str(long)) < 300  # never the whole value
    assert (wrong.row, wrong.column) == (5, "typ")


def test_a_cell_as_long_as_the_limit_is_read(write_csv, monkeypatch):
    monkeypatch.setenv("NETZWERK_MAX_CELL_CHARS", "1000")
    path = write_csv("Akteure.csv", [*ACTORS, ["voll", "Voll", "Verein", "Soziales", "y" * 1000]])
    assert read_files([path]).changeset.actors[-1].note == "y" * 1000


def test_a_csv_that_is_one_endless_cell_stops_at_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("NETZWERK_MAX_CELL_CHARS", "1000")
    path = tmp_path / "Akteure.csv"
    path.write_text(
        'id;name;typ;sektor;notiz\nqm;QM;Verein;Soziales;"' + "z\n" * 500_000, encoding="utf-8"
    )  # a quote never closed swallows the rest of the file
    (problem,) = _errors([path])
    assert (problem.row, problem.column) == (2, "notiz")
    assert "über 1.000 Zeichen" in problem.message and "Anführungszeichen" in problem.message


@pytest.mark.parametrize("kind", ["xlsx", "json"])
def test_a_long_cell_in_a_workbook_or_json_is_located_too(
    kind, write_xlsx, write_json, monkeypatch
):
    monkeypatch.setenv("NETZWERK_MAX_CELL_CHARS", "1000")
    rows = [*ACTORS, ["lang", "Lang", "Verein", "Soziales", "ü" * 3000]]
    if kind == "xlsx":
        path = write_xlsx("netz.xlsx", {"Akteure": rows})
    else:
        path = write_json(
            "Akteure.json", [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
        )
    (problem,) = _errors([path])
    assert (problem.row, problem.column) == (4, "notiz")
    assert "3.000 Zeichen" in problem.message


def test_the_default_cell_limit_keeps_what_excel_can_hold(write_xlsx):
    note = "Excel" * 6553 + "xx"  # 32,767 characters: the most an Excel cell holds
    path = write_xlsx("netz.xlsx", {"Akteure": [*ACTORS, ["v", "V", "Verein", "Soziales", note]]})
    assert read_files([path]).changeset.actors[-1].note == note


# --------------------------------------------------------------------------- columns


def test_a_csv_with_100000_columns_is_one_error(tmp_path):
    path = tmp_path / "Akteure.csv"
    header = ["name", "typ", "sektor"] + [f"spalte{i}" for i in range(100_000)]
    path.write_text(";".join(header) + "\nA;Verein;Soziales\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_files([path])
    (problem,) = raised.value.problems  # one line, not one warning per unknown column
    assert (problem.file, problem.row) == ("Akteure.csv", 1)
    assert problem.message.startswith("zu viele Spalten")
    assert "NETZWERK_MAX_COLUMNS" in problem.message


@pytest.mark.parametrize("kind", ["csv", "xlsx", "json"])
def test_a_header_over_the_column_limit_is_one_error_per_table(
    kind, write_csv, write_xlsx, write_json, monkeypatch
):
    monkeypatch.setenv("NETZWERK_MAX_COLUMNS", "20")
    header = ["name", "typ", "sektor"] + [f"extra{i}" for i in range(30)]
    row = ["A", "Verein", "Soziales"] + ["x"] * 30
    if kind == "csv":
        path = write_csv("Akteure.csv", [header, row])
    elif kind == "xlsx":
        path = write_xlsx("netz.xlsx", {"Akteure": [header, row]})
    else:
        path = write_json("Akteure.json", [dict(zip(header, row, strict=True))])
    with pytest.raises(InputError) as raised:
        read_files([path])
    (problem,) = raised.value.problems
    assert problem.row == 1
    assert problem.message.startswith("zu viele Spalten (33, höchstens 20)")


def test_values_beyond_the_header_give_one_warning_per_table(write_csv):
    rows = [["name", "typ", "sektor"]] + [
        [f"A{i}", "Verein", "Soziales", "x", "y"] for i in range(50)
    ]
    warnings = read_files([write_csv("Akteure.csv", rows)]).warnings
    assert [w.message for w in warnings if "ohne Überschrift" in w.message] == [
        "Wert in Spalte 4 ohne Überschrift wird ignoriert — Überschrift ergänzen oder Wert löschen"
    ]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "bom"), [("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)]
)
def test_utf32_with_bom_is_read_as_utf32(tmp_path, encoding, bom):
    path = tmp_path / "Akteure.csv"
    text = "id;name;typ;sektor\r\nbaecker;Bäckerei Größe 😀;Unternehmen;Lokale Wirtschaft\r\n"
    path.write_bytes(bom + text.encode(encoding))
    (actor,) = read_files([path]).changeset.actors
    assert (actor.id, actor.name, actor.source.row) == ("baecker", "Bäckerei Größe 😀", 2)


def test_an_undefined_byte_far_into_a_file_names_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(text_reader, "_READ_CHUNK", 64)  # many chunks: the line is counted across
    path = tmp_path / "Akteure.csv"
    lines = [b"id;name;typ;sektor"] + [
        b"a%d;Caf\xe9 %d;Verein;Soziales" % (i, i) for i in range(40)
    ]
    lines[30] = b"x;X\x81Y;Verein;Soziales"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    errors = _errors([path])
    assert [(p.row, "0x81" in p.message) for p in errors] == [(31, True)]


CSV_CELLS = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(CSV_CELLS, min_size=1, max_size=5), min_size=1, max_size=12),
    st.sampled_from(["\r\n", "\n", "\r"]),
    st.sampled_from(["utf-8", "utf-16", "utf-32"]),
    st.integers(min_value=1, max_value=40),
)
def test_streaming_reads_the_same_records_as_reading_whole(rows, newline, encoding, chunk):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator=newline).writerows(rows)
    text = buffer.getvalue()
    expected = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    limits = Limits()
    guard = csv_file._RecordGuard(";", limits)
    original = text_reader._READ_CHUNK
    text_reader._READ_CHUNK = chunk  # hypothesis and monkeypatch do not mix
    try:
        chunks = text_reader.text_chunks(
            io.BytesIO(text.encode(encoding)), 0, "x.csv", [], limits.file_bytes
        )
        got = []
        for record in guard.records(chunks):
            guard.next_record()
            got.append(record)
    finally:
        text_reader._READ_CHUNK = original
    assert got == expected


# --------------------------------------------------------------------------- control characters


@pytest.mark.parametrize(
    ("column", "value", "code", "what"),
    [
        ("name", "Erika\x00Muster", "U+0000", "im Namen"),
        ("id", "erika\x1b[31m", "U+001B", "in der ID"),
        ("name", "Glocke\x07", "U+0007", "im Namen"),
        ("name", "Del\x7f", "U+007F", "im Namen"),
    ],
)
def test_a_control_character_in_an_id_or_a_name_is_refused(write_csv, column, value, code, what):
    row = {"id": "erika", "name": "Erika", "typ": "Person", "sektor": "Kultur"} | {column: value}
    path = write_csv("Akteure.csv", [list(row), list(row.values())])
    (problem,) = _errors([path])
    assert (problem.file, problem.row, problem.column) == ("Akteure.csv", 2, column)
    assert problem.message == f"Steuerzeichen {code} {what} — Zeichen entfernen"
    line = str(problem)
    assert line.isprintable() and "\\x" in line  # shown escaped, never sent to the terminal


def test_a_control_character_in_a_topic_cell_is_refused(write_csv):
    path = write_csv(
        "Akteure.csv",
        [["name", "typ", "sektor", "themen"], ["A", "Verein", "Soziales", "Bildung; Kul\x00tur"]],
    )
    (problem,) = _errors([path])
    assert (problem.column, problem.message) == (
        "themen",
        "Steuerzeichen U+0000 im Thema — Zeichen entfernen",
    )


def test_tabs_and_line_breaks_in_names_and_controls_in_free_text_are_kept(write_json):
    path = write_json(
        "Akteure.json",
        [
            {
                "name": "Zeile 1\nZeile 2\tTab",
                "typ": "Verein",
                "sektor": "Soziales",
                "notiz": "nul\x00 esc\x1b",
            }
        ],
    )
    (actor,) = read_files([path]).changeset.actors
    assert (actor.name, actor.note) == ("Zeile 1\nZeile 2\tTab", "nul\x00 esc\x1b")


# --------------------------------------------------------------------------- workbooks


def _minimal_xlsx(
    path: Path,
    sheets: dict[str, list[list[str]]],
    *,
    big: tuple[str, str, int] | None = None,
    shared: bool = False,
) -> Path:
    """An .xlsx built by hand: inline strings, or shared strings with ``shared``.

    ``big = (sheet, cell, size)`` writes ``size`` characters into that cell, streamed
    into the archive (a zip bomb: a few KB per MB).
    """
    names = list(sheets)
    entries = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets>'
        + "".join(
            f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
            for i, name in enumerate(names, start=1)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/'
            f'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + "</Relationships>",
    }
    strings: list[str] = []
    parts = {}
    for number, (name, rows) in enumerate(sheets.items(), start=1):
        cells = []
        for r, row in enumerate(rows, start=1):
            xml = []
            for c, text in enumerate(row, start=1):
                ref = f"{chr(64 + c)}{r}"
                value = "\0" if big and big[:2] == (name, ref) else text
                if shared:
                    strings.append(value)
                    xml.append(f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>')
                else:
                    xml.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
            cells.append(f'<row r="{r}">{"".join(xml)}</row>')
        parts[f"xl/worksheets/sheet{number}.xml"] = (
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"<sheetData>{''.join(cells)}</sheetData></worksheet>"
        )
    if shared:
        parts["xl/sharedStrings.xml"] = (
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            + "".join(f"<si><t>{text}</t></si>" for text in strings)
            + "</sst>"
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in {**entries, **parts}.items():
            with archive.open(name, "w") as member:
                before, marker, after = text.partition("\0")
                member.write(before.encode())
                if marker and big:
                    for start in range(0, big[2], MB):
                        member.write(b"x" * min(MB, big[2] - start))
                member.write(after.encode())
    return path


def test_a_hand_made_workbook_is_read(tmp_path):
    path = _minimal_xlsx(tmp_path / "netz.xlsx", {"Akteure": ACTORS[:2]}, shared=True)
    assert [actor.id for actor in read_files([path]).changeset.actors] == ["qm"]


@pytest.mark.parametrize("shared", [True, False])
def test_a_zip_bomb_cell_is_refused_at_its_cell_before_loading(tmp_path, shared):
    path = _minimal_xlsx(
        tmp_path / "netz.xlsx", {"Akteure": ACTORS}, big=("Akteure", "E3", 30 * MB), shared=shared
    )
    assert path.stat().st_size < 100_000
    (problem,) = _errors([path])
    assert (problem.sheet, problem.row, problem.column) == ("Akteure", 3, "E")
    assert problem.message.startswith("Zelle zu lang (über 100.000 Zeichen)")
    assert problem.value.startswith("xxxx")


def test_a_workbook_unpacking_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("NETZWERK_MAX_UNPACKED_MB", "2")
    rows = [ACTORS[0]] + [
        [f"a{i}", f"Akteur {i}", "Verein", "Soziales", "n" * 50] for i in range(20_000)
    ]
    path = _minimal_xlsx(tmp_path / "netz.xlsx", {"Akteure": rows})
    (problem,) = _errors([path])
    assert (problem.file, problem.sheet) == ("netz.xlsx", "Akteure")
    assert problem.message.startswith("Arbeitsmappe entpackt größer als 2 MB")


def _understate_sizes(path: Path, member: str, size: int) -> None:
    """Let the zip headers of ``member`` claim it unpacks to ``size`` bytes, with a CRC that
    matches that many bytes: a reader that trusts the header stops there, content intact."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
        with archive.open(info) as stream:
            crc = zlib.crc32(stream.read(size))
    struct.pack_into("<I", data, info.header_offset + 14, crc)  # the local header
    struct.pack_into("<I", data, info.header_offset + 22, size)
    entry = struct.unpack_from("<I", data, data.rindex(b"PK\x05\x06") + 16)[0]
    while True:  # the central directory, entry by entry, to this member's
        name_length, extra, comment = struct.unpack_from("<HHH", data, entry + 28)
        if data[entry + 46 : entry + 46 + name_length] == member.encode():
            break
        entry += 46 + name_length + extra + comment
    struct.pack_into("<I", data, entry + 16, crc)
    struct.pack_into("<I", data, entry + 24, size)
    path.write_bytes(bytes(data))


def test_a_zip_header_that_understates_the_size_changes_nothing(tmp_path):
    path = _minimal_xlsx(
        tmp_path / "netz.xlsx", {"Akteure": ACTORS}, big=("Akteure", "E2", 20 * MB), shared=True
    )
    _understate_sizes(path, "xl/sharedStrings.xml", 1000)
    with zipfile.ZipFile(path) as archive:  # zipfile believes the header …
        assert len(archive.read("xl/sharedStrings.xml")) == 1000
    (finding,) = inspect_workbook(path, Limits())  # … the inspection counts what inflates
    assert (finding.kind, finding.sheet, finding.cell) == ("text", "Akteure", "E2")
    limits = Limits(unpacked_bytes=5 * MB, cell_chars=10 * MB)
    assert [f.kind for f in inspect_workbook(path, limits)] == ["unpacked"]


def _rename_member(path: Path, old: str, new: str, relationships: str) -> None:
    """Move member ``old`` to ``new`` and point ``relationships`` there (calamine follows)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[new] = members.pop(old)
    members[relationships] = members[relationships].replace(
        posixpath.relpath(old, "xl").encode(), posixpath.relpath(new, "xl").encode()
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_sheet_under_any_name_is_measured_where_calamine_finds_it(tmp_path):
    path = _minimal_xlsx(tmp_path / "netz.xlsx", {"Akteure": ACTORS}, big=("Akteure", "E2", 3 * MB))
    _rename_member(path, "xl/worksheets/sheet1.xml", "xl/daten/blatt", "xl/_rels/workbook.xml.rels")
    (problem,) = _errors([path])
    assert (problem.sheet, problem.row, problem.column) == ("Akteure", 2, "E")
    assert problem.message.startswith("Zelle zu lang")


def test_an_archive_with_too_many_members_is_refused_unread(tmp_path):
    path = tmp_path / "netz.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(MAX_MEMBERS + 1):
            archive.writestr(f"m{number}", b"")
    (problem,) = _errors([path])
    assert "10.001 Teilen" in problem.message


def test_a_damaged_member_is_refused_as_damaged(tmp_path):
    path = _minimal_xlsx(tmp_path / "netz.xlsx", {"Akteure": ACTORS}, shared=True)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/sharedStrings.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    (problem,) = _errors([path])
    assert "keine lesbare Excel-Arbeitsmappe" in problem.message


# --------------------------------------------------------------------------- memory, CLI


#: Runs in a bare interpreter between the test and the CLI: a child's peak RSS counts the
#: memory image it was started from (the parent's, on Linux), and pytest's is large.
MEASURE = (
    "import os, sys; pid = os.posix_spawn(sys.argv[2], sys.argv[2:], os.environ); "
    "_, status, usage = os.wait4(pid, 0); open(sys.argv[1], 'w').write("
    "f'{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}')"
)


def _validate_in_child(
    paths: list[Path], folder: Path, **environment: str
) -> tuple[int, str, float]:
    """(exit code, stdout + stderr, peak RSS in MB) of `netzwerk validate` in a child."""
    result = folder / "ergebnis.txt"
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
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        check=False,
        timeout=300,
    )
    code, peak_kb = map(int, result.read_text(encoding="utf-8").split())
    return code, process.stdout + process.stderr, peak_kb / 1024


@pytest.fixture(scope="module")
def baseline_mb(tmp_path_factory) -> float:
    """Peak RSS of validating a small good file: what the interpreter and imports cost."""
    folder = tmp_path_factory.mktemp("klein")
    path = folder / "Akteure.csv"
    path.write_text("\n".join(";".join(row) for row in ACTORS) + "\n", encoding="utf-8")
    code, output, peak = _validate_in_child([path], folder)
    assert code == 0, output
    return peak


def _one_error_line(code: int, output: str) -> str:
    assert code == 2, output
    assert "Traceback" not in output
    (line,) = output.splitlines()
    return line


@pytest.mark.slow
def test_a_csv_many_times_the_file_limit_is_refused_with_bounded_memory(tmp_path, baseline_mb):
    path = tmp_path / "Akteure.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id;name;typ;sektor\n")
        for number in range(40):  # 40 MB, forty times the limit
            handle.write(f"a{number};{'x' * (MB - 30)};Verein;Soziales\n")
    code, output, peak = _validate_in_child([path], tmp_path, NETZWERK_MAX_FILE_MB="1")
    assert _one_error_line(code, output).startswith("Fehler: Akteure.csv: Datei zu groß")
    assert peak < MEMORY_BOUND_MB and peak < baseline_mb + 30, peak


@pytest.mark.slow
def test_a_csv_of_one_endless_cell_is_refused_with_bounded_memory(tmp_path, baseline_mb):
    path = tmp_path / "Akteure.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id;name;typ;sektor\nqm;")
        for _ in range(40):  # one 40 MB cell, under the file limit, no line break
            handle.write("ä" * (MB // 2))
    code, output, peak = _validate_in_child([path], tmp_path, NETZWERK_MAX_CELL_CHARS="1000")
    line = _one_error_line(code, output)
    assert line.startswith('Fehler: Akteure.csv, Zeile 2, Spalte "name": Zelle zu lang'), line
    assert peak < MEMORY_BOUND_MB and peak < baseline_mb + 30, peak


@pytest.mark.slow
def test_a_zip_bomb_is_refused_with_bounded_memory(tmp_path, baseline_mb):
    path = _minimal_xlsx(
        tmp_path / "netz.xlsx", {"Akteure": ACTORS}, big=("Akteure", "B2", 50 * MB), shared=True
    )
    _understate_sizes(path, "xl/sharedStrings.xml", 100)
    cases = [
        ({}, 'Fehler: netz.xlsx, Akteure, Zeile 2, Spalte "B": Zelle zu lang'),
        (
            {"NETZWERK_MAX_CELL_CHARS": str(10 * MB), "NETZWERK_MAX_UNPACKED_MB": "5"},
            "Fehler: netz.xlsx: Arbeitsmappe entpackt größer als 5 MB",
        ),
    ]
    for environment, start in cases:
        code, output, peak = _validate_in_child([path], tmp_path, **environment)
        line = _one_error_line(code, output)
        assert line.startswith(start), line
        assert peak < MEMORY_BOUND_MB and peak < baseline_mb + 30, peak


def _cli(*args: object, **environment: str):
    from click.testing import CliRunner

    from netzwerk.cli import cli

    return CliRunner().invoke(cli, [str(arg) for arg in args], env=environment)


def test_the_cli_prints_one_line_per_problem_and_no_traceback(tmp_path, write_csv):
    csv_path = write_csv("Akteure.csv", [*ACTORS, ["x", "Erika\x00", "Verein", "Soziales", ""]])
    wide = tmp_path / "Themen.csv"
    wide.write_text(";".join(f"s{i}" for i in range(100_000)) + "\n", encoding="utf-8")
    result = _cli("validate", csv_path, wide)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    assert len(lines) == 2, lines
    assert lines[0] == (
        'Fehler: Akteure.csv, Zeile 4, Spalte "name": Steuerzeichen U+0000 im '
        'Namen "Erika\\x00" — Zeichen entfernen'
    )
    assert lines[1].startswith("Fehler: Themen.csv, Zeile 1: zu viele Spalten")


def test_a_bad_limit_in_the_environment_ends_the_cli_with_one_line(write_csv):
    path = write_csv("Akteure.csv", ACTORS)
    result = _cli("validate", path, NETZWERK_MAX_FILE_MB="viel")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.splitlines() == [
        "Fehler: NETZWERK_MAX_FILE_MB='viel' ist keine ganze Zahl von 1 bis 1.000.000.000 — z. B. "
        "NETZWERK_MAX_FILE_MB=100 setzen oder die Variable entfernen"
    ]


def test_a_million_bad_rows_cost_a_counter_not_a_million_lines(tmp_path):
    """5,000 rows repeating one id: 4,999 errors, of which the first 1,000 problems are
    shown and the rest counted in one closing line (errors.ProblemList)."""
    from netzwerk.errors import InputError
    from netzwerk.ingest import MAX_PROBLEMS, read_files

    path = tmp_path / "Akteure.csv"
    path.write_text("id;name;typ;sektor\n" + "x;X;Verein;Soziales\n" * 5000, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_files([path])
    lines = caught.value.lines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert "4999 Fehler" in str(caught.value)
    assert lines[-1].startswith("Fehler: dazu 3999 weitere Fehler")
