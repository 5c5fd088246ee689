"""Any workbook, CSV or JSON file: the only failure is our own InputError with a location.

Property tests over every reader (xlsx via calamine, CSV, JSON): generated workbooks with
cells of every type at random places, workbooks whose XML is damaged, arbitrary bytes,
CSV in every encoding and delimiter we accept, JSON documents with all sheets. Each read
must finish within a second, and a failed `netzwerk ingest` must leave the store as it
was. The long-running libFuzzer counterparts live in ``fuzz/``.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerk.errors import InputError
from netzwerk.ingest import IngestResult, read_files
from netzwerk.ingest.sheets import SHEETS
from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS

SETTINGS = settings(
    max_examples=150,
    deadline=1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# openpyxl writes each example: its time is no part of the reader's, and a cold first save
# once took 2 s on a loaded CI machine; the read itself stays bounded (SMALL_FILE_SECONDS)
WORKBOOK_SETTINGS = settings(SETTINGS, max_examples=100, deadline=None)
SMALL_FILE_SECONDS = 1.0

SHEET_NAMES = [name for sheet in SHEETS for name in (sheet.de, sheet.en)] + ["Notizen", ""]
COLUMN_NAMES = sorted(
    {spelling for sheet in SHEETS for column in sheet.columns for spelling in column.spellings()}
)
VOCABULARY = [
    label for vocabulary in (ACTOR_TYPES, SECTORS, TIE_KINDS) for label in vocabulary.labels("de")
]
HOSTILE = [
    "=1+1",
    "@SUM(A1:A2)",
    "-2",
    "+1",
    "<img src=x onerror=alert(1)>",
    "}) DETACH DELETE n //",
    "../../etc/passwd",
    "\u202eevil",
    "a\tb",
    "x\ny",
    "1.1.1900",
    "31.02.2023",
    "0",
    "1e309",
    "ja",
    "nein",
    "NaN",
    "2023",
    "-0",
]

# Text openpyxl can write into a cell (XML 1.0 forbids most control characters).
XLSX_TEXT = st.text(
    st.characters(
        blacklist_categories=["Cs"],
        blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"],
    ),
    max_size=30,
)
CELLS = st.one_of(
    st.none(),
    XLSX_TEXT,
    st.sampled_from(VOCABULARY),
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
)
ROWS = st.lists(st.lists(CELLS, max_size=12), max_size=25)
HEADERS = st.lists(st.sampled_from(COLUMN_NAMES) | XLSX_TEXT, min_size=1, max_size=12)
WORKBOOKS = st.dictionaries(
    st.sampled_from(SHEET_NAMES[:-1])
    | st.text(st.characters(whitelist_categories=["L", "N"]), min_size=1, max_size=10),
    st.tuples(HEADERS, ROWS, st.integers(min_value=0, max_value=3)),
    min_size=1,
    max_size=4,
)


def _xlsx_bytes(sheets: dict[str, tuple[list, list, int]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (header, rows, offset) in sheets.items():
        sheet = workbook.create_sheet(title[:31])
        for column, text in enumerate(header, start=1):
            sheet.cell(row=1 + offset, column=column + offset, value=text)
        for number, row in enumerate(rows, start=2 + offset):
            for column, value in enumerate(row, start=1 + offset):
                if value is not None:
                    sheet.cell(row=number, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def check_reads_or_fails_located(name: str, data: bytes) -> IngestResult | None:
    """Read ``data`` as file ``name``: a result, or InputError whose errors are located."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        started = time.perf_counter()
        try:
            result = read_files([path])
        except InputError as error:
            result = None
            errors = [p for p in error.problems if p.severity == "error"]
            assert errors
            assert all(problem.file for problem in error.problems)  # every problem located
            for line in error.lines():
                line.encode("utf-8")
        elapsed = time.perf_counter() - started
        assert sorted(p.name for p in Path(folder).iterdir()) == [name]  # wrote nothing
    assert elapsed < SMALL_FILE_SECONDS, f"{len(data)} bytes took {elapsed:.2f} s"
    return result


@WORKBOOK_SETTINGS
@given(WORKBOOKS)
def test_any_workbook_reads_or_raises_located_input_error(sheets):
    check_reads_or_fails_located("netz.xlsx", _xlsx_bytes(sheets))


_VALID = _xlsx_bytes(
    {
        "Akteure": (
            ["id", "name", "typ", "sektor", "seit", "bis", "einwilligung"],
            [
                ["qm", "QM", "Einrichtung", "Quartiersmanagement", 2018, None, "nein"],
                ["erika", "Erika", "Person", "Kultur", date(2020, 1, 1), "2024", "ja"],
            ],
            0,
        ),
        "Beziehungen": (["von", "zu", "art", "staerke"], [["qm", "erika", "Kooperation", 2]], 0),
    }
)
with zipfile.ZipFile(io.BytesIO(_VALID)) as _archive:
    _MEMBERS = {name: _archive.read(name) for name in _archive.namelist()}
XML_TOKENS = [
    b"<",
    b">",
    b'"',
    b"/>",
    b'r="A1"',
    b'r="XFD1"',
    b'r="A1048576"',
    b't="s"',
    b't="b"',
    b't="e"',
    b't="d"',
    b't="inlineStr"',
    b"<v>",
    b"</v>",
    b"<c>",
    b"</c>",
    b"<row>",
    b"</row>",
    b"<is><t>x</t></is>",
    b"&#0;",
    b"&amp;",
    b"1e308",
    b"-1",
    b"99999999999999999999",
    b"\xff",
    b"\x00",
]


@SETTINGS
@given(
    st.sampled_from(sorted(_MEMBERS)),
    st.lists(
        st.tuples(
            st.integers(min_value=0),
            st.integers(min_value=0, max_value=30),
            st.sampled_from(XML_TOKENS) | st.binary(max_size=4),
        ),
        min_size=1,
        max_size=8,
    ),
)
def test_workbook_with_damaged_xml_reads_or_raises_located_input_error(member, edits):
    data = bytearray(_MEMBERS[member])
    for position, cut, insert in edits:
        position %= len(data) + 1
        data[position : position + cut] = insert
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in _MEMBERS.items():
            archive.writestr(name, bytes(data) if name == member else content)
    check_reads_or_fails_located("netz.xlsx", buffer.getvalue())


@SETTINGS
@given(
    st.sampled_from([".xlsx", ".xlsm", ".xls", ".ods"]),
    st.sampled_from([b"", b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1")]),
    st.binary(max_size=600),
)
def test_arbitrary_bytes_as_workbook_raise_located_input_error(suffix, magic, data):
    check_reads_or_fails_located("netz" + suffix, magic + data)


@SETTINGS
@given(st.integers(min_value=0, max_value=len(_VALID) - 1), st.binary(min_size=1, max_size=8))
def test_workbook_with_damaged_bytes_reads_or_raises_located_input_error(position, junk):
    data = bytearray(_VALID)
    data[position : position + len(junk)] = junk
    check_reads_or_fails_located("netz.xlsx", bytes(data))


CSV_TEXT = st.text(max_size=25) | st.sampled_from(HOSTILE + VOCABULARY)


@SETTINGS
@given(
    st.sampled_from(
        ["Akteure", "Beziehungen", "Themen", "Projekte", "Veranstaltungen", "Beteiligungen"]
    ),
    HEADERS,
    st.lists(st.lists(CSV_TEXT, max_size=10), max_size=20),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le"]),
    st.sampled_from(["\r\n", "\n", "\r"]),
)
def test_any_csv_sheet_reads_or_raises_located_input_error(
    stem, header, rows, delimiter, encoding, newline
):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows([header, *rows])
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:  # not writable in that encoding (or a lone surrogate)
        return
    check_reads_or_fails_located(f"{stem}.csv", data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | CSV_TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@WORKBOOK_SETTINGS
@given(
    st.dictionaries(
        st.sampled_from(SHEET_NAMES) | st.text(max_size=8),
        st.lists(
            st.dictionaries(
                st.sampled_from(COLUMN_NAMES), JSON_VALUES | st.sampled_from(VOCABULARY), max_size=8
            )
            | JSON_VALUES,
            max_size=6,
        )
        | JSON_VALUES,
        max_size=6,
    ),
    st.booleans(),
)
def test_any_json_document_reads_or_raises_located_input_error(document, ascii_only):
    try:
        data = json.dumps(document, ensure_ascii=ascii_only).encode("utf-8")
    except (UnicodeEncodeError, ValueError):
        return
    check_reads_or_fails_located("netz.json", data)


@settings(
    max_examples=60,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(WORKBOOKS)
def test_failed_cli_ingest_leaves_the_store_untouched(sheets):
    from netzwerk.cli import cli
    from netzwerk.model import Actor, Changeset
    from netzwerk.store.sqlite import SqliteStore

    with tempfile.TemporaryDirectory() as folder:
        store_path = Path(folder) / "netz.sqlite"
        with SqliteStore(store_path) as store:
            store.apply(Changeset(actors=[Actor("qm", "QM", "institution", "district_management")]))
            before = store.graph()
        workbook = Path(folder) / "netz.xlsx"
        workbook.write_bytes(_xlsx_bytes(sheets))
        result = CliRunner().invoke(cli, ["--store", str(store_path), "ingest", str(workbook)])
        assert result.exit_code in (0, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        if result.exit_code == 2:
            with SqliteStore(store_path) as store:
                after = store.graph()
            assert sorted(after.nodes(data=True)) == sorted(before.nodes(data=True))
            assert sorted(after.edges(keys=True)) == sorted(before.edges(keys=True))


HUGE_SHEET = textwrap.dedent("""
    import resource, sys, tempfile, time
    from pathlib import Path
    from openpyxl import Workbook
    from netzwerk.errors import InputError
    from netzwerk.ingest import read_files
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
    book = Workbook(); sheet = book.active; sheet.title = "Akteure"
    sheet.append(["id", "name", "typ", "sektor"])
    sheet.append(["qm", "QM", "Einrichtung", "Quartiersmanagement"])
    sheet[sys.argv[1]] = "x"
    path = Path(tempfile.mkdtemp()) / "netz.xlsx"; book.save(path)
    started = time.perf_counter()
    try:
        read_files([path]); outcome = "read"
    except InputError as error:
        outcome = "input-error " + error.lines()[0]
    print(outcome, round(time.perf_counter() - started, 2))
""")


@pytest.mark.parametrize("cell", ["Z1048576", "XFD1048576"])
def test_small_workbook_with_a_far_away_cell_is_read_fast_or_refused(cell):
    process = subprocess.run(
        [sys.executable, "-c", HUGE_SHEET, cell], capture_output=True, text=True, timeout=120
    )
    assert process.returncode == 0, process.stderr[-500:]
    outcome, seconds = process.stdout.rsplit(" ", 1)
    assert float(seconds) < SMALL_FILE_SECONDS, outcome
