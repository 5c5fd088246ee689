"""The steps of reading one Beziehungen row (`relations.TieSheet`), each on its own."""

from __future__ import annotations

from datetime import date

from netzwerk.ingest.builder import Builder, Node
from netzwerk.ingest.columns import map_columns
from netzwerk.ingest.readers import Table
from netzwerk.ingest.relations import TieSheet
from netzwerk.ingest.sheets import sheet_for
from netzwerk.model import NodeRef, Provenance

HEADER = ["von", "zu", "art", "staerke", "seit", "bis", "thema"]


def tie_sheet(*actors: str) -> TieSheet:
    """A TieSheet over an empty Beziehungen table, with ``actors`` known by id and name."""
    builder = Builder()
    for name in actors:
        builder.nodes["actor"].add(
            Node(NodeRef("actor", name.lower()), name, Provenance("Akteure.csv", "Akteure", 2))
        )
    sheet = sheet_for("Beziehungen")
    columns = map_columns(
        sheet,
        HEADER,
        file="Beziehungen.csv",
        sheet_name="Beziehungen",
        row=1,
        problems=builder.problems,
    )
    table = Table("Beziehungen.csv", "Beziehungen", sheet, HEADER, 1, iter(()))
    return TieSheet(builder, table, columns)


def messages(sheet: TieSheet) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.value) for p in sheet.builder.problems]


def test_a_row_with_an_unknown_kind_fails_with_the_kind_named():
    sheet = tie_sheet()
    assert sheet.kind(4, "Freundschaft") is None
    assert sheet.failed
    assert messages(sheet) == [(4, "art", "Freundschaft")]


def test_a_strength_is_parsed_once_per_spelling_and_a_bad_one_fails_the_row():
    sheet = tie_sheet()
    cells = ["a", "b", "Kooperation", "2,5", "", "", ""]
    assert sheet.weight(2, cells) == 2.5
    assert sheet.weights == {"2,5": 2.5}
    assert not sheet.failed
    assert sheet.weight(3, ["a", "b", "Kooperation", "null", "", "", ""]) == 1.0
    assert sheet.failed and messages(sheet) == [(3, "staerke", "null")]


def test_a_period_ending_before_it_starts_is_reported_at_the_end_column():
    sheet = tie_sheet()
    cells = ["a", "b", "Kooperation", "", "2022", "2021", ""]
    assert sheet.period(5, cells) == (date(2022, 1, 1), date(2021, 12, 31))
    assert sheet.failed and messages(sheet) == [(5, "bis", "2021")]


def test_endpoints_resolve_actors_and_report_unknown_ones_in_order():
    sheet = tie_sheet("Caritas", "Stadtteilbüro")
    source, target = sheet.endpoints(2, "cooperation", "Caritas", "stadtteilbüro")
    assert (source.name, target.name) == ("Caritas", "Stadtteilbüro")
    assert not sheet.failed
    assert sheet.endpoints(3, "cooperation", "Diakonie", "Kirche") == (None, None)
    assert messages(sheet) == [(3, "von", "Diakonie"), (3, "zu", "Kirche")]


def test_a_valid_row_appends_one_tie_and_a_tie_to_itself_none():
    sheet = tie_sheet("Caritas", "Diakonie")
    sheet.add_row(2, ["Caritas", "Diakonie", "Kooperation", "", "", "", ""])
    sheet.add_row(3, ["Caritas", "Caritas", "Kooperation", "", "", "", ""])
    assert [(t.source.id, t.target.id) for t in sheet.builder.changeset.ties] == [
        ("caritas", "diakonie")
    ]
    assert messages(sheet) == [(3, "zu", "Caritas")]
