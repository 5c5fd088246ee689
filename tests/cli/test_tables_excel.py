"""Tables that open in German Excel: CSV with ``;``, decimal comma and byte order mark in
German (plain in English), xlsx workbooks with numbers as numbers, for every table command
and beside the report (``tabellen.xlsx``)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import date

import openpyxl
import pytest
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

from netzwerk.analysis.brokers import TABLE_COLUMNS
from netzwerk.cli import cli
from netzwerk.present.formats import csv_cell, parse_csv_number
from netzwerk.present.labels import column_titles
from netzwerk.present.tables import to_csv
from netzwerk.present.workbook import EXCEL_DATA_ROWS, WIDTH_ROWS, SheetTable, workbook_bytes

NUMERIC = ("betweenness", "constraint", "effective_size", "efficiency", "hierarchy")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


def invoke(store, *arguments):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == 0, result.output
    return result


def brokers_json(store) -> list[dict]:
    return json.loads(invoke(store, "brokers", "--format", "json").stdout)["rows"]


def test_german_csv_round_trip_gives_the_json_numbers(sample_store):
    raw = invoke(sample_store, "brokers", "--format", "csv").stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    titles = column_titles(TABLE_COLUMNS, "de")
    assert rows[0] == [titles[c] for c in TABLE_COLUMNS]
    expected = brokers_json(sample_store)
    assert len(rows) - 1 == len(expected)
    for cells, record in zip(rows[1:], expected, strict=True):
        shown = dict(zip(TABLE_COLUMNS, cells, strict=True))
        assert shown["id"] == record["id"]
        for column in NUMERIC:
            if record[column] is None:  # not defined for this actor (e.g. no ties)
                assert shown[column] == ""
                continue
            assert "." not in shown[column]
            assert parse_csv_number(shown[column], "de") == record[column]
        assert int(shown["brokerage_total"]) == record["brokerage_total"]
        assert shown["cut_point"] in ("ja", "nein")


def test_english_csv_is_plain(sample_store):
    raw = invoke(sample_store, "brokers", "--format", "csv", "--lang", "en").stdout_bytes
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    titles = column_titles(TABLE_COLUMNS, "en")
    for row, record in zip(rows, brokers_json(sample_store), strict=True):
        assert float(row[titles["betweenness"]]) == record["betweenness"]
        assert row[titles["id"]] == record["id"]


def test_csv_neutralises_formulas_but_keeps_negative_numbers():
    text = to_csv([{"name": "=HYPERLINK(1)", "value": -0.5, "day": date(2024, 6, 30)}])
    assert text.splitlines()[1] == "'=HYPERLINK(1);-0,5;30.06.2024"
    assert csv_cell(-0.5, "en") == "-0.5"


def test_xlsx_of_a_table_command_has_numbers_filter_and_owner_only_mode(sample_store, tmp_path):
    out = tmp_path / "brokers.xlsx"
    invoke(sample_store, "brokers", "--format", "xlsx", "--out", str(out))
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    sheet = openpyxl.load_workbook(out).worksheets[0]
    titles = column_titles(TABLE_COLUMNS, "de")
    assert [cell.value for cell in sheet[1]] == [titles[c] for c in TABLE_COLUMNS]
    last = get_column_letter(len(TABLE_COLUMNS))
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
    expected = brokers_json(sample_store)
    assert sheet.max_row - 1 == len(expected)
    column = TABLE_COLUMNS.index("betweenness") + 1
    for row, record in zip(sheet.iter_rows(min_row=2), expected, strict=True):
        cell = row[column - 1]
        # xlsx stores 15 significant digits, as Excel shows them
        assert cell.data_type == "n"
        assert cell.value == pytest.approx(record["betweenness"], rel=1e-14, abs=1e-15)
    assert sheet.column_dimensions["B"].width > len(titles["name"])


def test_xlsx_has_one_sheet_per_table_of_the_command(sample_store, tmp_path):
    out = tmp_path / "abhaengigkeit.xlsx"
    invoke(sample_store, "dependency", "--format", "xlsx", "--out", str(out))
    book = openpyxl.load_workbook(out)
    assert len(book.worksheets) == 3
    assert all(sheet.auto_filter.ref for sheet in book.worksheets)


def test_xlsx_goes_to_a_pipe_as_bytes(sample_store):
    result = invoke(sample_store, "status", "--format", "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    assert {"Knoten", "Sektoren"} <= set(book.sheetnames)


def test_workbook_keeps_text_as_text_and_dates_as_dates():
    content = workbook_bytes(
        [SheetTable("Probe", [{"name": "=1+1", "day": date(2024, 6, 30), "n": 3}])], "de"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content))["Probe"]
    name, day, number = sheet[2]
    assert name.value == "=1+1" and name.data_type == "s"
    assert day.is_date and day.number_format == "DD.MM.YYYY"
    assert number.value == 3 and number.data_type == "n"


def test_column_widths_come_from_the_first_rows_and_every_row_is_written():
    rows = [{"name": "kurz"}] * WIDTH_ROWS + [{"name": "x" * 40}]
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes([SheetTable("T", rows)])))["T"]
    assert sheet.column_dimensions["A"].width < 10
    assert sheet.max_row == WIDTH_ROWS + 2 and sheet.cell(WIDTH_ROWS + 2, 1).value == "x" * 40
    rows[0] = {"name": "y" * 30}
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes([SheetTable("T", rows)])))["T"]
    assert sheet.column_dimensions["A"].width >= 30


def test_a_table_longer_than_a_sheet_goes_on_over_further_sheets():
    rows = [{"nr": number, "name": f"Akteur {number}"} for number in range(7)]
    content = workbook_bytes([SheetTable("T", rows), SheetTable("Leer", [])], rows_per_sheet=3)
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["T", "T (2)", "T (3)", "Leer"]
    found = [
        row for name in ("T", "T (2)", "T (3)") for row in book[name].iter_rows(values_only=True)
    ]
    header = ("nr", "name")
    assert found[::4] == [header] * 3 and len(found) == 7 + 3
    assert [row for row in found if row != header] == [tuple(row.values()) for row in rows]
    assert EXCEL_DATA_ROWS + 1 == 2**20  # Excel's rows per sheet, the header included


# --------------------------------------------------------------------------- the report


@pytest.fixture(scope="module")
def report_folder(sample_store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bericht")
    invoke(sample_store, "report", "--out", str(folder))
    return folder


def test_report_csvs_are_for_german_excel(report_folder):
    mixing = (report_folder / "mixing.csv").read_bytes()
    assert mixing.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(mixing.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Sektor A", "Sektor B"] and len(rows[0]) == 5
    assert all("." not in row[3] for row in rows[1:])
    assert all(parse_csv_number(row[3], "de") >= 0 for row in rows[1:])


def test_report_workbook_has_every_csv_table_as_a_sheet(report_folder):
    path = report_folder / "tabellen.xlsx"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    book = openpyxl.load_workbook(path)
    csv_files = sorted(report_folder.glob("*.csv"))
    assert len(book.worksheets) == len(csv_files)
    by_header: dict[tuple, list] = {}  # (tables of cut-off actors share their columns)
    for sheet in book.worksheets:
        assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"
        by_header.setdefault(tuple(cell.value for cell in sheet[1]), []).append(sheet)
    csv_lengths: dict[tuple, list] = {}
    for csv_file in csv_files:
        rows = list(
            csv.reader(io.StringIO(csv_file.read_text(encoding="utf-8-sig")), delimiter=";")
        )
        csv_lengths.setdefault(tuple(rows[0]), []).append(len(rows))
    assert {header: sorted(lengths) for header, lengths in csv_lengths.items()} == {
        header: sorted(sheet.max_row for sheet in sheets) for header, sheets in by_header.items()
    }
    (mixing,) = by_header[("Sektor A", "Sektor B", "beobachtet", "erwartet", "Verhältnis")]
    assert all(row[2].data_type == "n" and row[3].data_type == "n" for row in mixing.iter_rows(2))
