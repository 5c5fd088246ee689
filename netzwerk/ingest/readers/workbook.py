"""Workbooks (.xlsx, .xlsm, .xls, .ods) -> tables, one per known sheet, read by calamine
after `sheet_size` found nothing to refuse."""

from __future__ import annotations

from pathlib import Path

from netzwerk.errors import Problem
from netzwerk.ingest.limits import Limits, megabytes
from netzwerk.ingest.readers.sheet_size import MAX_MEMBERS, Finding, inspect_workbook
from netzwerk.ingest.readers.table import (
    CellCheck,
    Table,
    german_number,
    known_sheet,
    long_cell,
    table_of,
)


def read_workbook(path: Path, problems: list[Problem], limits: Limits) -> list[Table]:
    """The tables of a workbook's known sheets; none if `sheet_size` refuses it or calamine
    cannot read it."""
    from python_calamine import CalamineWorkbook, PasswordError

    file = path.name
    findings = inspect_workbook(path, limits) if path.suffix.lower() != ".xls" else []
    if findings:
        problems.extend(_finding_problem(file, finding, limits) for finding in findings)
        return []
    tables: list[Table] = []
    try:
        with CalamineWorkbook.from_path(path) as workbook:
            for name in workbook.sheet_names:
                sheet = known_sheet(file, name, problems)
                if sheet is None:
                    continue
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                check = CellCheck(file, name, problems, limits, letters=True)
                table = table_of(
                    file, name, sheet, check.rows(enumerate(rows, start=1)), problems, limits
                )
                if table is not None:
                    tables.append(table)
    except PasswordError:
        problems.append(
            Problem.without_cell(
                file, "", 0, "Arbeitsmappe ist passwortgeschützt — ohne Passwort speichern"
            )
        )
        return []
    except Exception as error:  # noqa: BLE001 - calamine's errors for damaged files vary
        problems.append(_damaged(file, type(error).__name__))
        return []
    return tables


def _damaged(file: str, reason: str) -> Problem:
    return Problem.without_cell(
        file,
        "",
        0,
        (
            f"keine lesbare Excel-Arbeitsmappe ({reason}) — Datei "
            "in Excel öffnen und als .xlsx speichern"
        ),
    )


def _finding_problem(file: str, finding: Finding, limits: Limits) -> Problem:
    """The located error for a reason `sheet_size` found to refuse a workbook."""
    if finding.kind == "range":
        return Problem(
            file,
            finding.sheet,
            0,
            "",
            finding.cell,
            "Tabellenblatt reicht bis "
            "zu einer weit entfernten Zelle — Inhalte außerhalb der Tabelle löschen "
            "und neu speichern",
        )
    if finding.kind == "text":
        letters = finding.cell.rstrip("0123456789")
        row = int(finding.cell[len(letters) :]) if finding.cell else 0
        return long_cell(file, finding.sheet, row, letters, finding.sample, limits)
    if finding.kind == "unpacked":
        return Problem.without_cell(
            file,
            finding.sheet,
            0,
            (
                f"Arbeitsmappe entpackt größer als "
                f"{megabytes(limits.unpacked_bytes)} (bei {finding.part}) — Daten auf "
                "mehrere Dateien verteilen oder die Grenze mit NETZWERK_MAX_UNPACKED_MB "
                "erhöhen"
            ),
        )
    if finding.kind == "members":
        return Problem.without_cell(
            file,
            "",
            0,
            (
                f"Arbeitsmappe besteht aus {german_number(finding.count)} "
                f"Teilen (höchstens {german_number(MAX_MEMBERS)}) — Datei in Excel öffnen und "
                "als .xlsx speichern"
            ),
        )
    return _damaged(file, finding.sample)
