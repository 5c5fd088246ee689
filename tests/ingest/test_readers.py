"""Each reader with real files: .xlsx from openpyxl, CSV in the encodings staff produce, JSON."""

from __future__ import annotations

import codecs
from datetime import date, datetime

import pytest

from netzwerk.errors import InputError
from netzwerk.ingest import read_files
from netzwerk.ingest.readers.csv_file import sniff_delimiter
from netzwerk.ingest.readers.text import decode

UMLAUT_ROWS = [
    ["id", "name", "typ", "sektor", "notiz"],
    ["baecker", "Bäckerei Größe & Söhne", "Unternehmen", "Lokale Wirtschaft", "Brötchen 0,50 €"],
    ["kita", "Kita Regenbogen „Sonnenschein“", "Einrichtung", "Bildung", "Öffnungszeit – 7 Uhr"],
]


def _names(result):
    return {actor.id: actor.name for actor in result.changeset.actors}


# --------------------------------------------------------------------------- CSV


def test_cp1252_semicolon_csv_with_umlauts_and_euro(write_csv):
    path = write_csv("Akteure.csv", UMLAUT_ROWS, delimiter=";", encoding="cp1252")
    assert b"\x80" in path.read_bytes()  # the euro sign really is cp1252
    result = read_files([path])
    assert _names(result)["baecker"] == "Bäckerei Größe & Söhne"
    assert result.changeset.actors[0].note == "Brötchen 0,50 €"
    assert _names(result)["kita"] == "Kita Regenbogen „Sonnenschein“"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_with_and_without_bom(write_csv, encoding):
    path = write_csv("Akteure.csv", UMLAUT_ROWS, delimiter=",", encoding=encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # Python writes no BOM for these: add one
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        path.write_bytes(bom + path.read_bytes())
    result = read_files([path])
    assert _names(result)["baecker"] == "Bäckerei Größe & Söhne"
    assert result.changeset.actors[0].source.row == 2  # the BOM is not part of row 1's text


def test_tab_separated(write_csv):
    path = write_csv("actors.tsv", UMLAUT_ROWS, delimiter="\t")
    assert _names(read_files([path]))["kita"] == "Kita Regenbogen „Sonnenschein“"


def test_quoted_fields_with_newlines_and_delimiters(write_csv):
    path = write_csv(
        "Akteure.csv",
        [
            ["id", "name", "typ", "sektor", "notiz"],
            ["a", "Verein; mit Semikolon", "Verein", "Soziales", "Zeile 1\nZeile 2"],
            ["b", "Zweiter", "Verein", "Soziales", ""],
        ],
    )
    result = read_files([path])
    first, second = result.changeset.actors
    assert first.name == "Verein; mit Semikolon"
    assert first.note == "Zeile 1\nZeile 2"
    assert second.source.row == 3  # a record spanning two lines is one spreadsheet row


def test_mixed_encoding_reads_each_byte_as_utf8_else_cp1252():
    text = decode("Straße ".encode() + "Größe".encode("cp1252"), "x.csv", [])
    assert text == "Straße Größe"


def test_byte_undefined_in_cp1252_is_an_error_with_line(tmp_path):
    path = tmp_path / "Akteure.csv"
    path.write_bytes(
        b"id;name;typ;sektor\r\na;Caf\xe9;Verein;Soziales\r\nb;X\x81Y;Verein;Soziales\r\n"
    )
    with pytest.raises(InputError) as raised:
        read_files([path])
    (problem,) = raised.value.problems
    assert (problem.file, problem.row) == ("Akteure.csv", 3)
    assert "0x81" in problem.message
    assert "\ufffd" not in str(problem)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("name;typ;sektor\nA, B;Verein;Soziales\n", ";"),
        ('name,typ,sektor\n"A; B",Verein,Soziales\n', ","),
        ("name\ttyp\tsektor\nA\tVerein\tSoziales\n", "\t"),
        ("name\nA\n", ","),
    ],
)
def test_delimiter_detection(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_csv_named_after_no_sheet_is_an_error(write_csv, errors_of):
    path = write_csv("daten.csv", UMLAUT_ROWS)
    (problem,) = errors_of([path])
    assert problem.file == "daten.csv"
    assert "Akteure.csv" in problem.message


# --------------------------------------------------------------------------- xlsx


def test_xlsx_dates_serials_numeric_ids_and_row_numbers(write_xlsx):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": [
                ["id", "name", "typ", "sektor", "seit", "bis"],
                [12, "Zwölf", "Verein", "Soziales", date(2019, 4, 3), None],
                [],
                [13.0, "Dreizehn", "Verein", "Soziales", 45291, "2024"],
                ["x", "Datetime", "Verein", "Soziales", datetime(2020, 1, 2, 9, 30), 2025],
            ],
        },
    )
    result = read_files([path])
    actors = {actor.id: actor for actor in result.changeset.actors}
    assert set(actors) == {"12", "13", "x"}
    assert actors["12"].since == date(2019, 4, 3)
    assert actors["13"].since == date(2023, 12, 31)  # Excel serial number
    assert actors["13"].until == date(2024, 12, 31)
    assert actors["x"].since == date(2020, 1, 2)
    assert actors["x"].until == date(2025, 12, 31)  # a year typed as a number
    assert [actor.source.row for actor in result.changeset.actors] == [2, 4, 5]
    assert {actor.source.sheet for actor in result.changeset.actors} == {"Akteure"}


def test_xlsx_header_below_blank_rows_keeps_spreadsheet_row_numbers(write_xlsx, errors_of):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": [[], [], ["id", "name", "typ", "sektor"], ["a", "A", "Quatsch", "Soziales"]],
        },
    )
    (problem,) = errors_of([path])
    assert (problem.sheet, problem.row, problem.column) == ("Akteure", 4, "typ")


def test_xlsx_sheet_names_match_english_case_and_umlauts(write_xlsx):
    path = write_xlsx(
        "netz.xlsx",
        {
            "ACTORS ": [
                ["name", "type", "sector"],
                ["A", "Verein", "Soziales"],
                ["B", "Verein", "Soziales"],
            ],
            "beziehungen": [["von", "zu", "art"], ["A", "B", "Kooperation"]],
            "Themen": [["name"], ["Grün"]],
        },
    )
    result = read_files([path])
    assert result.changeset.counts()["ties"] == 1
    assert [topic.name for topic in result.changeset.topics] == ["Grün"]


def test_xlsx_unknown_sheet_is_a_warning(write_xlsx):
    path = write_xlsx(
        "netz.xlsx",
        {
            "Akteure": [["name", "typ", "sektor"], ["A", "Verein", "Soziales"]],
            "Notizen": [["irgendwas"]],
        },
    )
    (warning,) = read_files([path]).warnings
    assert (warning.sheet, warning.severity) == ("Notizen", "warning")


@pytest.mark.parametrize("content", [b"", b"not a zip file", b"PK\x03\x04broken"])
def test_corrupt_xlsx_is_one_error_naming_the_file(tmp_path, errors_of, content):
    path = tmp_path / "kaputt.xlsx"
    path.write_bytes(content)
    (problem,) = errors_of([path])
    assert problem.file == "kaputt.xlsx"
    assert "Excel" in problem.message


# --------------------------------------------------------------------------- JSON


def test_json_object_of_sheets(write_json):
    path = write_json(
        "netz.json",
        {
            "Akteure": [
                {"name": "A", "typ": "Verein", "sektor": "Soziales", "themen": ["X", "Y"]},
                {"name": "B", "typ": "Verein", "sektor": "Soziales", "einwilligung": True},
            ],
            "ties": [{"from": "A", "to": "B", "kind": "cooperation", "weight": 2.5}],
        },
    )
    result = read_files([path])
    first, second = result.changeset.actors
    assert first.topics == ("x", "y")
    assert second.consent is True
    (tie,) = [tie for tie in result.changeset.ties if tie.kind == "cooperation"]
    assert tie.weight == 2.5
    assert (tie.provenance.file, tie.provenance.sheet, tie.provenance.row) == (
        "netz.json",
        "ties",
        2,
    )
    assert second.source.row == 3  # object 2 -> spreadsheet row 3


def test_json_list_in_file_named_after_sheet(write_json, write_csv):
    actors = write_json(
        "Akteure.json", [{"id": 7, "name": "Sieben", "typ": "Verein", "sektor": "Soziales"}]
    )
    result = read_files([actors])
    assert result.changeset.actors[0].id == "7"


def test_json_syntax_error_is_one_error(tmp_path, errors_of):
    path = tmp_path / "Akteure.json"
    path.write_text('[{"name": "A",}]', encoding="utf-8")
    (problem,) = errors_of([path])
    assert "JSON" in problem.message and problem.row == 1


def test_json_nested_value_is_an_error_with_location(write_json, errors_of):
    path = write_json(
        "Akteure.json",
        [
            {"name": "A", "typ": "Verein", "sektor": "Soziales"},
            {"name": {"x": 1}, "typ": "Verein", "sektor": "Soziales"},
        ],
    )
    problems = errors_of([path])
    assert (problems[0].row, problems[0].column) == (3, "name")
    assert "verschachtelt" in problems[0].message


# --------------------------------------------------------------------------- folders


def test_folder_expands_to_its_files_and_skips_lock_files(tmp_path, write_csv):
    write_csv(
        "Akteure.csv",
        [["name", "typ", "sektor"], ["A", "Verein", "Soziales"], ["B", "Verein", "Soziales"]],
    )
    write_csv("Beziehungen.csv", [["von", "zu", "art"], ["A", "B", "Kooperation"]])
    (tmp_path / "~$netz.xlsx").write_bytes(b"lock")
    (tmp_path / "liesmich.md").write_text("x", encoding="utf-8")
    result = read_files([tmp_path])
    assert result.changeset.counts()["ties"] == 1
    assert result.changeset.files == ["Akteure.csv", "Beziehungen.csv"]


def test_missing_file_is_an_error(tmp_path, errors_of):
    (problem,) = errors_of([tmp_path / "fehlt.xlsx"])
    assert problem.file == "fehlt.xlsx" and "nicht gefunden" in problem.message
