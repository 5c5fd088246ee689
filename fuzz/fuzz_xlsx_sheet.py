"""Fuzz the workbook reader where it parses cells: the input is the XML of the sheet
"Akteure" inside an otherwise valid workbook (zip checksums would stop most byte-level
mutations before calamine reads a cell)."""

import io
import zipfile

from common import check, main
from seeds import template_workbook

TEMPLATE = template_workbook()
with zipfile.ZipFile(io.BytesIO(TEMPLATE)) as archive:
    MEMBERS = {name: archive.read(name) for name in archive.namelist()}
SHEET = "xl/worksheets/sheet1.xml"


def test_one_input(data: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in MEMBERS.items():
            archive.writestr(name, data if name == SHEET else content)
    check("netz.xlsx", buffer.getvalue())


if __name__ == "__main__":
    main(test_one_input)
