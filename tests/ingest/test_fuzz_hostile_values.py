"""Hostile values in every field pass through ingest, both stores, analysis and every output
unchanged in meaning and harmless in effect.

One workbook holds formula prefixes, HTML/JS, Cypher fragments, path separators, a text of
32 767 characters (the most an Excel cell holds), line breaks, tabs and a right-to-left
override in every free-text field; a 100 000-character text and control characters, which
an .xlsx cannot hold, come in a JSON file alongside (control characters in free text only:
ingest refuses them in names, so the outputs get such a name set on the graph). The
test ingests it into the store, reads everything back byte-identical, runs the actor view
and a centrality over it, renders a table and exports CSV, JSON, GEXF and GraphML, and
checks that nothing is written outside the output folder.
"""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from netzwerk.analysis.views import actor_view
from netzwerk.errors import InputError
from netzwerk.ingest import read_files
from netzwerk.present.tables import FORMULA_PREFIXES, to_csv, to_table
from netzwerk.report.export import export_graph

LONG = "Lang-" * 20_000  # 100 000 characters
EXCEL_LONGEST = "Excel" * 6553 + "xx"  # 32 767 characters, an Excel cell's limit
HOSTILE = [
    "=1+1",
    "@SUM(A1:A9)",
    "-2",
    "+49 2331 555",
    '=HYPERLINK("http://x","y")',
    "<img src=x onerror=alert(1)>",
    "\"><script>alert('x')</script>",
    "&amp;&lt;",
    "}) DETACH DELETE n //",
    "' OR 1=1 //",
    "$param {x: 1}",
    "../../etc/passwd",
    "..\\..\\Windows\\win.ini",
    "/dev/null",
    "Erika \u202eretsuM",
    "Zeile 1\nZeile 2",
    "Spalte\tzwei",
    EXCEL_LONGEST,
]
CONTROL = "Klingel\x07 Escape\x1b[31m rot\x1b[0m \x0bvt\x0cff \x00nul \x7fdel"


def _text_cell(sheet, row: int, column: int, value: object) -> None:
    """Write a cell as a user would type it: text stays text even if it starts with '='."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


@pytest.fixture
def hostile_files(tmp_path) -> list[Path]:
    from openpyxl import Workbook

    folder = tmp_path / "eingabe"
    folder.mkdir()
    book = Workbook()
    sheets = {
        "Akteure": [
            "id",
            "name",
            "typ",
            "sektor",
            "themen",
            "adresse",
            "kontakt",
            "einwilligung",
            "notiz",
        ],
        "Beziehungen": ["von", "zu", "art", "rolle", "notiz"],
        "Veranstaltungen": ["id", "name", "datum", "ort", "notiz"],
        "Beteiligungen": ["akteur", "veranstaltung", "rolle", "notiz"],
    }
    rows: dict[str, list[list[object]]] = {name: [] for name in sheets}
    for number, value in enumerate(HOSTILE):
        actor_id = value if len(value) < 100 else f"lang-{number}"  # ids are short
        rows["Akteure"].append(
            [
                actor_id,
                value,
                "Verein",
                "Soziales",
                f"Thema {value[:50]}",
                value if len(value) < 100 else "",
                value,
                "nein",
                value,
            ]
        )
        rows["Beziehungen"].append([actor_id, "qm", "Kooperation", value, value])
        rows["Beteiligungen"].append([actor_id, "fest", value, value])
    rows["Akteure"].append(
        ["qm", "Quartiersmanagement", "Einrichtung", "Quartiersmanagement", "", "", "", "nein", ""]
    )
    rows["Akteure"].append(
        [
            "person",
            "=Erika <b>Muster</b>",
            "Person",
            "Kultur",
            "",
            "../../etc/passwd 5",
            "=erika@example.org",
            "ja",
            "@Notiz",
        ]
    )
    rows["Veranstaltungen"].append(
        ["fest", "<script>Fest</script>", "01.06.2024", "}) DETACH DELETE n //", "=1+1"]
    )
    book.remove(book.active)
    for title, header in sheets.items():
        sheet = book.create_sheet(title)
        for column, text in enumerate(header, start=1):
            sheet.cell(row=1, column=column, value=text)
        for row, values in enumerate(rows[title], start=2):
            for column, value in enumerate(values, start=1):
                _text_cell(sheet, row, column, value)
    workbook = folder / "netz.xlsx"
    book.save(workbook)
    controls = folder / "steuerzeichen.json"
    controls.write_text(
        json.dumps(
            {
                "Akteure": [
                    {
                        "id": "steuer",
                        "name": "Steuerzeichen",
                        "typ": "Verein",
                        "sektor": "Soziales",
                        "kontakt": CONTROL,
                        "notiz": CONTROL,
                    },
                    {
                        "id": "lang",
                        "name": LONG,
                        "typ": "Verein",
                        "sektor": "Soziales",
                        "kontakt": LONG,
                        "notiz": LONG,
                    },
                ]
            }
        ),
        encoding="utf-8",
    )
    return [workbook, controls]


def _snapshot(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*")}


def test_hostile_values_pass_through_store_analysis_and_outputs(
    store, hostile_files, tmp_path, monkeypatch
):
    result = read_files(hostile_files)
    changeset = result.changeset
    by_id = {actor.id: actor for actor in changeset.actors}
    for number, value in enumerate(HOSTILE):  # ingest kept every value as typed
        actor = by_id[value if len(value) < 100 else f"lang-{number}"]
        assert (actor.name, actor.contact, actor.note) == (value, value, value)
    assert (by_id["steuer"].contact, by_id["steuer"].note) == (CONTROL, CONTROL)
    assert (by_id["lang"].name, by_id["lang"].contact, by_id["lang"].note) == (LONG,) * 3

    store.apply(changeset)
    assert store.counts()["actors"] == len(HOSTILE) + 4  # nothing was deleted or injected
    for actor in changeset.actors:  # read back byte-identical
        record = store.actor_record(actor.id)
        assert (record["name"], record["contact"], record["address"], record["note"]) == (
            actor.name,
            actor.contact,
            actor.address,
            actor.note,
        )
    graph = _with_control_name(store.graph())
    stored_ties = {key: data for *_, key, data in graph.edges(keys=True, data=True)}
    for tie in changeset.ties:
        assert (stored_ties[tie.key]["role"], stored_ties[tie.key]["note"]) == (tie.role, tie.note)

    view = actor_view(graph)
    centrality = nx.betweenness_centrality(view)
    rows = [
        {"name": graph.nodes[node]["name"], "score": score} for node, score in centrality.items()
    ]
    table = to_table(rows)
    assert "\x1b" not in table and "\u202e" not in table and "\x00" not in table
    assert "\\x1b[31m" in table and "\\u202e" in table

    work = tmp_path / "arbeit"
    work.mkdir()
    monkeypatch.chdir(work)
    before = _snapshot(tmp_path)
    passwd = Path("/etc/passwd").stat().st_mtime_ns if Path("/etc/passwd").exists() else None
    clean = graph.copy()
    clean.remove_node("steuer")  # control characters: see the xfail test below
    out = work / "ausgabe"
    written = []
    for fmt in ("csv", "json", "gexf", "graphml"):
        written += export_graph(clean, out / f"netz.{fmt}", fmt, show_names=True)
    written += export_graph(graph, out / "mit-steuerzeichen.csv", "csv", show_names=True)
    written.append(Path(out / "tabelle.csv"))
    (out / "tabelle.csv").write_text(to_csv(rows, lang="en"), encoding="utf-8")

    new = set(_snapshot(tmp_path)) - set(before)
    outside = [
        name
        for name in new
        if not name.startswith("arbeit/ausgabe") and not name.startswith("test.sqlite")
    ]
    assert outside == [], "written outside the output folder"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    assert not [p for p in tmp_path.rglob("passwd")] and not list(tmp_path.rglob("win.ini"))
    if passwd is not None:
        assert Path("/etc/passwd").stat().st_mtime_ns == passwd

    names = {data["name"] for _, data in clean.nodes(data=True)}
    assert LONG in names
    for path in (out / "netz-nodes.csv", out / "mit-steuerzeichen-nodes.csv", out / "tabelle.csv"):
        cells = _csv_cells(path)
        assert not [c for c in cells if c.startswith(FORMULA_PREFIXES) and not _number(c)]
        unquoted = {
            c[1:] if c.startswith("'") and c[1:].startswith(FORMULA_PREFIXES) else c for c in cells
        }
        assert {n for n in names if n in HOSTILE} <= unquoted or path.name == "tabelle.csv"
    assert CONTROL in _csv_cells(out / "mit-steuerzeichen-nodes.csv")
    exported = json.loads((out / "netz.json").read_text(encoding="utf-8"))
    assert {n["name"] for n in exported["nodes"]} == names
    for fmt in ("gexf", "graphml"):
        root = ET.parse(out / f"netz.{fmt}").getroot()  # valid XML …
        values = {element.get("value") or element.text for element in root.iter()}
        values |= {element.get("label") for element in root.iter()}
        assert {*HOSTILE, LONG} <= values, fmt  # … holding every value unchanged
        assert not [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "img")]


def _with_control_name(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with control characters in a name: ingest refuses them there (see
    test_limits), but a store filled otherwise may hold them, and outputs must cope."""
    graph.nodes["steuer"]["name"] = CONTROL
    return graph


def _csv_cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_control_characters_export_as_valid_xml(store, hostile_files, tmp_path, fmt):
    store.apply(read_files(hostile_files).changeset)
    graph = _with_control_name(store.graph())
    (path,) = export_graph(graph, tmp_path / f"netz.{fmt}", fmt, show_names=True)
    ET.parse(path)


def test_a_very_long_id_is_a_located_input_error(tmp_path):
    path = tmp_path / "Akteure.csv"
    path.write_text(
        "id;name;typ;sektor\n" + "x" * 100_000 + ";Name;Verein;Soziales\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as raised:
        read_files([path])
    assert raised.value.problems[0].row == 2


def test_hostile_paths_in_output_names_stay_inside_the_folder(tmp_path, monkeypatch):
    """`private_files.inside` refuses names that would leave the output folder."""
    from netzwerk.errors import ConfigError
    from netzwerk.private_files import inside

    monkeypatch.chdir(tmp_path)
    for name in ("../../etc/passwd", "/etc/passwd", "a/../../b"):
        with pytest.raises(ConfigError):
            inside(tmp_path / "out", name)
    assert inside(tmp_path / "out", "Erika \u202eretsuM.csv").parent == (tmp_path / "out")
    assert os.listdir(tmp_path) == []
