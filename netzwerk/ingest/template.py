"""The empty workbook QM staff fill in: `write_template(path)` (``netzwerk template``).

Everything in it comes from `columns` (sheets, headers, explanations, examples) and the
vocabularies in `model` (dropdown values), so the template and the reader cannot drift
apart. Reading the written template back gives no records and no problems.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from netzwerk.errors import OPTION_PLACE, ConfigError
from netzwerk.ingest.sheets import SHEETS, Column, Sheet
from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS

INSTRUCTIONS_SHEET = "Anleitung"
LISTS_SHEET = "Listen"
_LAST_ROW = 5000  # dropdowns cover this many data rows
_INLINE_LIMIT = 255  # Excel's limit for a list written into the validation itself

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")

_YES_NO = ["ja", "nein"]
_DATE_RULE = "Datum: TT.MM.JJJJ (31.12.2023), MM.JJJJ oder JJJJ; Excel-Datumszellen gehen auch"
# Dropdown lists: (sheet kind, field) -> values.
_DROPDOWNS: dict[tuple[str, str], tuple[str, list[str]]] = {
    ("actors", "type"): ("Typ", ACTOR_TYPES.labels("de")),
    ("actors", "sector"): ("Sektor", SECTORS.labels("de")),
    ("actors", "consent"): ("ja/nein", _YES_NO),
    ("actors", "coordinator"): ("ja/nein", _YES_NO),
    ("ties", "kind"): ("Art", TIE_KINDS.labels("de")),
}

_GENERAL_RULES = [
    "So füllen Sie die Arbeitsmappe aus",
    "Jedes Blatt ist eine Tabelle: Zeile 1 enthält die Spaltenüberschriften, ab Zeile 2 eine "
    "Zeile je Eintrag. Überschriften nicht umbenennen; leere Zeilen werden übersprungen.",
    "Nur das Blatt Akteure ist Pflicht. Die anderen Blätter können leer bleiben.",
    "id: darf leer bleiben — dann wird sie aus dem Namen gebildet (Caritas Hagen → "
    "caritas-hagen). Verweise (von, zu, träger, akteur …) nennen die id oder den genauen Namen.",
    "Datum: TT.MM.JJJJ, z. B. 31.12.2023. Auch 12.2023 (Monat) oder 2023 (Jahr) geht: "
    "bei „seit“ zählt der Anfang, bei „bis“ das Ende. Zweistellige Jahre (23) gehen nicht.",
    "Mehrere Werte in einer Zelle (themen, förderung, veranstalter) mit ; trennen.",
    "ja/nein-Spalten: ja, nein, x, 1, 0 — leer heißt nein.",
    "Personenbezogene Daten (Personen, Kontakt) nur mit Einwilligung namentlich; die "
    "Auswertung zeigt Personen ohne Einwilligung nur unter einem Kürzel.",
]


def write_template(path: str | Path, *, force: bool = False) -> Path:
    """Write the canonical empty workbook to ``path`` (.xlsx) and return the path.

    Sheets: Anleitung (German instructions), the six data sheets with bold, frozen headers
    and dropdowns for typ, sektor, einwilligung, koordination and Beziehungen art, and a
    hidden sheet Listen for dropdown lists too long to write inline.

    An existing file is left as it is (it may be the filled-in workbook) and raises
    `ConfigError`, unless ``force``.
    """
    path = Path(path)
    if not force and path.exists():
        raise _exists(path)
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    lists: Worksheet | None = None
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.de)
        _write_headers(worksheet, sheet)
        for position, column in enumerate(sheet.columns, start=1):
            dropdown = _DROPDOWNS.get((sheet.kind, column.field))
            if dropdown is None:
                continue
            title, values = dropdown
            formula = _inline_list(values)
            if formula is None:
                if lists is None:
                    lists = workbook.create_sheet(LISTS_SHEET)
                    lists.sheet_state = "hidden"
                formula = _list_range(lists, title, values)
            _add_dropdown(worksheet, position, formula, column, values)
    _write_instructions(instructions)
    workbook.active = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("wb" if force else "xb") as file:  # x: never replace a file
            workbook.save(file)
    except FileExistsError:
        raise _exists(path) from None
    return path


def _exists(path: Path) -> ConfigError:
    return ConfigError(
        f"„{path}“ gibt es schon und bleibt unverändert (vielleicht schon ausgefüllt) — "
        f"anderen Dateinamen wählen oder mit {OPTION_PLACE} ersetzen",
        option="force",
    )


def _write_headers(worksheet: Worksheet, sheet: Sheet) -> None:
    worksheet.append([column.de for column in sheet.columns])
    for position, column in enumerate(sheet.columns, start=1):
        cell = worksheet.cell(row=1, column=position)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        width = max(len(column.de), len(column.example), 10) + 4
        worksheet.column_dimensions[get_column_letter(position)].width = min(width, 40)
    worksheet.freeze_panes = "A2"


def _inline_list(values: list[str]) -> str | None:
    """A list formula with the values written in, or None if Excel would not take it."""
    if any("," in value or '"' in value for value in values):
        return None
    formula = '"' + ",".join(values) + '"'
    return formula if len(formula) <= _INLINE_LIMIT else None


def _list_range(lists: Worksheet, title: str, values: list[str]) -> str:
    """Write ``values`` into a new column of the Listen sheet; return its range formula."""
    position = (lists.max_column + 1) if lists.max_row > 1 or lists["A1"].value else 1
    letter = get_column_letter(position)
    lists.cell(row=1, column=position, value=title).font = _BOLD
    for row, value in enumerate(values, start=2):
        lists.cell(row=row, column=position, value=value)
    last = len(values) + 1
    return f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${last}"


def _add_dropdown(
    worksheet: Worksheet, position: int, formula: str, column: Column, values: list[str]
) -> None:
    shown = ", ".join(values)
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showDropDown=False,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=f"{column.de}: unbekannter Wert",
        error=f"Erlaubt: {shown}"[:255],
        showInputMessage=True,
        promptTitle=column.de[:32],
        prompt=column.help[:255],
    )
    letter = get_column_letter(position)
    validation.add(f"{letter}2:{letter}{_LAST_ROW}")
    worksheet.add_data_validation(validation)


def _allowed(sheet: Sheet, column: Column) -> str:
    dropdown = _DROPDOWNS.get((sheet.kind, column.field))
    if dropdown is not None:
        return ", ".join(dropdown[1])
    if column.field in ("since", "until"):
        return _DATE_RULE
    if column.field == "weight":
        return "Zahl größer 0, Komma erlaubt (0,5); leer = 1"
    return ""


def _write_instructions(worksheet: Worksheet) -> None:
    worksheet.append(["Netzwerkkarte Wehringhausen — Vorlage zum Ausfüllen"])
    worksheet["A1"].font = _TITLE
    worksheet.append([])
    for number, rule in enumerate(_GENERAL_RULES):
        worksheet.append([rule])
        if number == 0:
            worksheet.cell(row=worksheet.max_row, column=1).font = _BOLD
    worksheet.append([])
    worksheet.append(["Blatt", "Spalte", "Pflicht", "Bedeutung", "Erlaubte Werte", "Beispiel"])
    for cell in worksheet[worksheet.max_row]:
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
    for sheet in SHEETS:
        worksheet.append([sheet.de, "", "", sheet.help, "", ""])
        worksheet.cell(row=worksheet.max_row, column=1).font = _BOLD
        for column in sheet.columns:
            worksheet.append(
                [
                    "",
                    column.de,
                    "ja" if column.required else "",
                    column.help,
                    _allowed(sheet, column),
                    column.example,
                ]
            )
    worksheet.append([])
    worksheet.append(["Beispielzeilen (so sieht eine ausgefüllte Zeile aus)"])
    worksheet.cell(row=worksheet.max_row, column=1).font = _BOLD
    for sheet in SHEETS:
        worksheet.append([])
        worksheet.append([sheet.de, *[column.de for column in sheet.columns]])
        worksheet.cell(row=worksheet.max_row, column=1).font = _BOLD
        worksheet.append(["", *[column.example for column in sheet.columns]])
    for letter, width in zip("ABCDEF", (18, 16, 8, 60, 45, 30), strict=True):
        worksheet.column_dimensions[letter].width = width
    for row in worksheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = _WRAP
