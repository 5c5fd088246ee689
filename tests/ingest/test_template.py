"""The empty workbook: German headers, dropdowns, instructions; it reads back as nothing."""

from __future__ import annotations

from openpyxl import load_workbook

from netzwerk.ingest import read_files, template
from netzwerk.ingest.sheets import SHEETS
from netzwerk.ingest.template import write_template
from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS


def test_template_reads_back_with_no_records_and_no_problems(tmp_path):
    path = write_template(tmp_path / "vorlage.xlsx")
    result = read_files([path])
    assert set(result.changeset.counts().values()) == {0}
    assert result.warnings == []


def test_template_has_sheets_with_german_bold_frozen_headers(tmp_path):
    workbook = load_workbook(write_template(tmp_path / "vorlage.xlsx"))
    assert workbook.sheetnames[0] == "Anleitung"
    for sheet in SHEETS:
        worksheet = workbook[sheet.de]
        headers = [cell.value for cell in worksheet[1]]
        assert headers == [column.de for column in sheet.columns]
        assert all(cell.font.bold for cell in worksheet[1])
        assert worksheet.freeze_panes == "A2"
        assert worksheet.column_dimensions["B"].width >= 10
    assert [c.value for c in workbook["Akteure"][1]][:4] == ["id", "name", "typ", "sektor"]


def _dropdowns(worksheet):
    return {
        str(validation.sqref).split(":")[0][0]: validation.formula1
        for validation in worksheet.data_validations.dataValidation
    }


def test_template_dropdowns_hold_the_german_labels(tmp_path):
    workbook = load_workbook(write_template(tmp_path / "vorlage.xlsx"))
    actors = _dropdowns(workbook["Akteure"])
    assert actors["C"] == '"' + ",".join(ACTOR_TYPES.labels("de")) + '"'
    assert actors["D"] == '"' + ",".join(SECTORS.labels("de")) + '"'
    assert _dropdowns(workbook["Beziehungen"])["C"] == '"' + ",".join(TIE_KINDS.labels("de")) + '"'


def test_instructions_explain_every_column_and_allowed_values(tmp_path):
    workbook = load_workbook(write_template(tmp_path / "vorlage.xlsx"))
    text = "\n".join(
        str(cell.value)
        for row in workbook["Anleitung"].iter_rows()
        for cell in row
        if cell.value is not None
    )
    for sheet in SHEETS:
        assert sheet.de in text
        for column in sheet.columns:
            assert column.help in text
    assert "TT.MM.JJJJ" in text
    assert "Kultur/Kreativwirtschaft" in text
    assert "Caritasverband Hagen e.V." in text  # the example row


def test_long_lists_go_to_a_hidden_lists_sheet(tmp_path, monkeypatch):
    long_values = [f"Sektor Nummer {i}" for i in range(40)]
    monkeypatch.setitem(template._DROPDOWNS, ("actors", "sector"), ("Sektor", long_values))
    workbook = load_workbook(write_template(tmp_path / "vorlage.xlsx"))
    lists = workbook["Listen"]
    assert lists.sheet_state == "hidden"
    assert [cell.value for cell in lists["A"]] == ["Sektor", *long_values]
    assert _dropdowns(workbook["Akteure"])["D"] == "'Listen'!$A$2:$A$41"
    assert read_files([tmp_path / "vorlage.xlsx"]).warnings == []


def test_inline_lists_refuse_commas_and_overlong_text():
    assert template._inline_list(["a", "b"]) == '"a,b"'
    assert template._inline_list(["a,b"]) is None
    assert template._inline_list(["x" * 300]) is None
