"""Real input files for the ingest tests: CSV in any encoding, .xlsx via openpyxl, JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from netzwerk.errors import InputError, Problem
from netzwerk.ingest import read_files

ACTOR_HEADER = ["id", "name", "typ", "sektor"]


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """write_csv(name, rows, delimiter=";", encoding="utf-8") -> path of a real CSV file."""

    def write(
        name: str, rows: list[list[str]], *, delimiter: str = ";", encoding: str = "utf-8"
    ) -> Path:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    return write


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """write_xlsx(name, {sheet: rows}) -> path of a workbook written by openpyxl.

    ``None`` in a row leaves the cell empty; a row ``[]`` is an empty spreadsheet row.
    """
    from openpyxl import Workbook

    def write(name: str, sheets: dict[str, list[list[object]]]) -> Path:
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, rows in sheets.items():
            worksheet = workbook.create_sheet(title)
            for number, row in enumerate(rows, start=1):
                for column, value in enumerate(row, start=1):
                    if value is not None:
                        worksheet.cell(row=number, column=column, value=value)
        path = tmp_path / name
        workbook.save(path)
        return path

    return write


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[str, object], Path]:
    def write(name: str, document: object) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def actors_csv(write_csv) -> Path:
    """Akteure.csv with three ordinary actors: qm, caritas, stadt."""
    return write_csv(
        "Akteure.csv",
        [
            ACTOR_HEADER,
            ["qm", "Quartiersmanagement Wehringhausen", "Einrichtung", "Quartiersmanagement"],
            ["caritas", "Caritasverband Hagen e.V.", "Verein", "Soziales"],
            ["stadt", "Stadt Hagen", "Behörde", "Verwaltung"],
        ],
    )


def _problems_of(paths: list[Path]) -> list[Problem]:
    with pytest.raises(InputError) as raised:
        read_files(paths)
    return raised.value.problems


@pytest.fixture
def problems_of() -> Callable[[list[Path]], list[Problem]]:
    """problems_of(paths) -> every problem (errors and warnings) of files that must fail."""
    return _problems_of


@pytest.fixture
def errors_of() -> Callable[[list[Path]], list[Problem]]:
    """errors_of(paths) -> the errors of files that must fail."""
    return lambda paths: [p for p in _problems_of(paths) if p.severity == "error"]
