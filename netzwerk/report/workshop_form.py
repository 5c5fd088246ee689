"""The correction form of a workshop (`netzwerk.report.workshop`): ``korrekturen.xlsx``
with the sheet ``Korrekturen`` (one row per statement: actor number, what changed, with
whom, kind of tie, from when, until when, who said it, note; dropdowns for what changed
and the kind) and the sheet ``Nummern`` (number → id, name, sector of every actor; persons by pseudonym
unless names may be shown)."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from netzwerk.present.texts import text
from netzwerk.private_files import atomic_write_bytes

FORM_ROWS = 200
FORM_COLUMNS = ("number", "change", "other", "kind", "since", "until", "said_by", "note")
NUMBER_COLUMNS = ("number", "id", "name", "group")


def write_form(
    path: Path, sheets: list, changes: list[str], kinds: list[str], lang: str = "de"
) -> Path:
    """Write the form for ``sheets`` (`WorkshopSheet`) to ``path`` (owner only);
    ``changes`` and ``kinds`` are the dropdowns' words, as the sheets print them."""
    workbook = Workbook()
    form = workbook.active
    form.title = text("workshop.form_sheet", lang)
    bold = Font(bold=True)
    for column, key in enumerate(FORM_COLUMNS, start=1):
        form.cell(row=1, column=column, value=text(f"workshop.col.{key}", lang)).font = bold
        form.column_dimensions[chr(64 + column)].width = 24 if key == "note" else 16
    form.freeze_panes = "A2"
    _dropdown(form, "B", changes)
    _dropdown(form, "D", kinds)
    numbers = workbook.create_sheet(text("workshop.numbers_sheet", lang))
    for column, key in enumerate(NUMBER_COLUMNS, start=1):
        numbers.cell(row=1, column=column, value=text(f"workshop.col.{key}", lang)).font = bold
    for sheet in sheets:
        for actor in sheet.actors:
            numbers.append([actor.number, actor.shown_id, actor.name, sheet.title])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return atomic_write_bytes(path, buffer.getvalue())


def _dropdown(worksheet, letter: str, values: list[str]) -> None:
    validation = DataValidation(
        type="list", formula1='"' + ",".join(values) + '"', allow_blank=True
    )
    validation.add(f"{letter}2:{letter}{FORM_ROWS + 1}")
    worksheet.add_data_validation(validation)
