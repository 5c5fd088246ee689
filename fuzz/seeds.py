"""Seed inputs for the fuzz corpora, generated (no binary files in the repository).

    python fuzz/seeds.py fuzz/corpus     # writes csv/, json/, xlsx/, xlsx_sheet/ if empty
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "wehringhausen"


def template_workbook() -> bytes:
    """A small valid workbook with an Akteure and a Beziehungen sheet."""
    from openpyxl import Workbook

    book = Workbook()
    actors = book.active
    actors.title = "Akteure"
    actors.append(["id", "name", "typ", "sektor", "themen", "seit", "bis", "einwilligung"])
    actors.append(["qm", "QM Wehringhausen", "Einrichtung", "Quartiersmanagement", "Bildung",
                   2018, None, "nein"])
    actors.append(["erika", "Erika Muster", "Person", "Kultur", "", "01.03.2020", "2024", "ja"])
    ties = book.create_sheet("Beziehungen")
    ties.append(["von", "zu", "art", "staerke", "seit"])
    ties.append(["qm", "erika", "Kooperation", 2, "2021"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_seeds(corpus: Path) -> None:
    seeds: dict[str, dict[str, bytes]] = {"csv": {}, "json": {}, "xlsx": {}, "xlsx_sheet": {}}
    for index, path in enumerate(sorted((EXAMPLES / "csv").glob("*.csv"))):
        lines = path.read_bytes().splitlines(keepends=True)[:12]
        sheet_index = ("Akteure", "Beziehungen", "Themen", "Projekte", "Veranstaltungen",
                       "Beteiligungen").index(path.stem)
        seeds["csv"][f"seed{index}"] = bytes([sheet_index]) + b"".join(lines)
    document = {"Akteure": [{"id": "qm", "name": "QM", "typ": "Einrichtung",
                             "sektor": "Quartiersmanagement"},
                            {"id": "erika", "name": "Erika", "typ": "Person", "sektor": "Kultur",
                             "themen": ["Bildung", "Kultur"], "seit": "2020"}],
                "Beziehungen": [{"von": "qm", "zu": "erika", "art": "Kooperation",
                                 "staerke": 2}]}
    seeds["json"]["seed0"] = b"\x00" + json.dumps(document, ensure_ascii=False).encode()
    seeds["json"]["seed1"] = b"\x01" + json.dumps(document["Akteure"]).encode()
    workbook = template_workbook()
    seeds["xlsx"]["seed0"] = b"\x00" + workbook
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        seeds["xlsx_sheet"]["seed0"] = archive.read("xl/worksheets/sheet1.xml")
    for kind, files in seeds.items():
        folder = corpus / kind
        folder.mkdir(parents=True, exist_ok=True)
        if not any(folder.iterdir()):
            for name, data in files.items():
                (folder / name).write_bytes(data)


if __name__ == "__main__":
    write_seeds(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "corpus")
