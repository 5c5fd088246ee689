"""The workbook is the truth, per source: re-ingesting a corrected workbook makes every store
say exactly what the workbook now says (contract tests, run on SQLite and on Neo4j).

The workbooks are real .xlsx files written by openpyxl and read by `ingest.read_files`.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from netzwerk.ingest import read_files
from netzwerk.model import Changeset

ACTORS = 40
TIES = 200


def actor_name(number: int) -> str:
    return f"Verein Nummer {number}"


def four_change_rows() -> tuple[list[list], list[list]]:
    """40 actors (ids derived from names) and 200 distinct cooperation ties with weights and
    start dates, drawn with a fixed seed."""
    rng = random.Random(7)
    actors = [
        [actor_name(n), "Verein", rng.choice(["Soziales", "Bildung", "Kultur"])]
        for n in range(ACTORS)
    ]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < TIES:
        a, b = sorted(rng.sample(range(ACTORS), 2))
        pairs.add((a, b))
    ties = [
        [
            actor_name(a),
            actor_name(b),
            "Kooperation",
            1 + index % 3,
            date(2018 + index % 6, 1 + index % 12, 1),
            None,
        ]
        for index, (a, b) in enumerate(sorted(pairs))
    ]
    return actors, ties


def write_workbook(path: Path, actors: list[list], ties: list[list]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Akteure"
    sheet.append(["name", "typ", "sektor"])
    for row in actors:
        sheet.append(row)
    sheet = workbook.create_sheet("Beziehungen")
    sheet.append(["von", "zu", "art", "staerke", "seit", "bis"])
    for row in ties:
        sheet.append(row)
    workbook.save(path)
    return path


def cooperation(graph, first: str, second: str) -> dict:
    (data,) = [
        data
        for u, v, data in graph.edges(data=True)
        if data["kind"] == "cooperation" and {u, v} == {first, second}
    ]
    return data


def test_four_corrections_make_the_store_say_what_the_workbook_says(store, tmp_path):
    """Issue 10's workbook: 200 ties; then one weight changed, one tie deleted, one start
    date changed and one actor renamed. Expected by hand: 200 - 1 deleted = 199 ties; the
    renamed actor's ties move to its new id (its old id disappears); weight and date are
    corrected in place (the key holds no date)."""
    actors, ties = four_change_rows()
    workbook = tmp_path / "netzwerk.xlsx"
    store.apply(read_files([write_workbook(workbook, actors, ties)]).changeset)
    assert store.counts()["ties"] == TIES

    ties[0][3] = 5  # 1. a weight
    weight_pair = ties[0][:2]
    deleted = ties.pop(1)  # 2. a row deleted (later rows shift up)
    ties[2][4] = date(2017, 3, 1)  # 3. a start date
    date_pair = ties[2][:2]
    old, new = actor_name(39), "Verein Neuer Name"  # 4. an actor renamed, everywhere
    renamed_ties = sum(1 for row in ties if old in row[:2])
    actors[39][0] = new
    for row in ties:
        row[:2] = [new if cell == old else cell for cell in row[:2]]
    result = store.apply(read_files([write_workbook(workbook, actors, ties)]).changeset)

    assert store.counts()["ties"] == TIES - 1
    assert store.counts()["actors"] == ACTORS
    assert result.updated["ties"] == 2
    assert result.removed["ties"] == 1 + renamed_ties
    assert result.created["ties"] == renamed_ties
    assert result.created["actors"] == 1 and result.removed["actors"] == 1
    assert result.unchanged["ties"] == TIES - 1 - 2 - renamed_ties  # shifted rows: unchanged
    graph = store.graph()
    ids = {name: node for node, name in graph.nodes(data="name")}
    assert cooperation(graph, ids[weight_pair[0]], ids[weight_pair[1]])["weight"] == 5.0
    assert cooperation(graph, ids[date_pair[0]], ids[date_pair[1]])["since"] == date(2017, 3, 1)
    assert not [1 for u, v in graph.edges() if {u, v} == {ids.get(deleted[0]), ids.get(deleted[1])}]
    names = [name for _, name in graph.nodes(data="name")]
    assert names.count(new) == 1 and old not in names
    assert store.ingest_log()[0]["removed"]["ties"] == 1 + renamed_ties


def test_reingesting_the_corrected_workbook_again_changes_nothing(store, tmp_path):
    actors, ties = four_change_rows()
    workbook = write_workbook(tmp_path / "netzwerk.xlsx", actors, ties[:150])
    store.apply(read_files([workbook]).changeset)
    again = store.apply(read_files([workbook]).changeset)
    assert not again.changed_anything
    assert again.unchanged["ties"] == 150


def test_same_content_from_another_file_is_unchanged_and_keeps_what_it_states(store, tmp_path):
    """Two sources state the same ties: each is 'unchanged' for the other, and a tie one of
    them drops stays as long as the other states it."""
    actors, ties = four_change_rows()
    first = write_workbook(tmp_path / "a.xlsx", actors, ties)
    second = write_workbook(tmp_path / "b.xlsx", actors, ties)
    store.apply(read_files([first]).changeset)
    from_second = store.apply(read_files([second]).changeset)
    assert not from_second.changed_anything
    assert from_second.unchanged["ties"] == TIES

    dropped = store.apply(read_files([write_workbook(first, actors, ties[1:])]).changeset)
    assert dropped.removed["ties"] == 0
    assert store.counts()["ties"] == TIES
    store.apply(read_files([write_workbook(second, actors, ties[1:])]).changeset)
    assert store.counts()["ties"] == TIES - 1  # now no source states it


def test_named_source_replaces_what_it_said_whatever_the_file_is_called(store, tmp_path):
    actors, ties = four_change_rows()
    one = read_files([write_workbook(tmp_path / "2025.xlsx", actors, ties)]).changeset
    one.source = "Netzwerkliste"
    store.apply(one)
    two = read_files([write_workbook(tmp_path / "2026.xlsx", actors, ties[:100])]).changeset
    two.source = "Netzwerkliste"
    assert store.apply(two).removed["ties"] == TIES - 100
    assert store.counts()["ties"] == 100


def test_a_tie_that_ended_and_started_again_is_one_tie_with_two_periods(store, tmp_path):
    actors, _ = four_change_rows()
    a, b = actor_name(0), actor_name(1)
    ties = [
        [a, b, "Kooperation", 1, date(2018, 1, 1), date(2019, 12, 31)],
        [a, b, "Kooperation", 2, date(2022, 1, 1), None],
    ]
    store.apply(read_files([write_workbook(tmp_path / "netz.xlsx", actors, ties)]).changeset)
    assert store.counts()["ties"] == 1
    ids = {name: node for node, name in store.graph().nodes(data="name")}
    assert not store.graph(as_of=date(2020, 6, 30)).has_edge(ids[a], ids[b])
    early = cooperation(store.graph(as_of=date(2019, 6, 30)), ids[a], ids[b])
    late = cooperation(store.graph(as_of=date(2024, 6, 30)), ids[a], ids[b])
    assert (early["since"], early["until"]) == (date(2018, 1, 1), date(2019, 12, 31))
    assert (late["since"], late["until"]) == (date(2022, 1, 1), None)
    assert late["weight"] == 2.0  # the latest period's strength
    assert len(late["periods"]) == 2


def test_dry_run_counts_the_change_and_writes_nothing(store, tmp_path):
    actors, ties = four_change_rows()
    workbook = tmp_path / "netzwerk.xlsx"
    store.apply(read_files([write_workbook(workbook, actors, ties)]).changeset)
    log = store.ingest_log()

    ties[0][3] = 9
    preview = store.apply(
        read_files([write_workbook(workbook, actors, ties[:-3])]).changeset, dry_run=True
    )

    assert preview.dry_run
    assert (preview.updated["ties"], preview.removed["ties"]) == (1, 3)
    assert store.counts()["ties"] == TIES
    assert store.ingest_log() == log
    real = store.apply(read_files([workbook]).changeset)
    assert (real.updated["ties"], real.removed["ties"]) == (1, 3)


def test_removing_an_actor_removes_the_ties_other_sources_state_about_it(store, small_changeset):
    """An actor no source states any more is removed, and so is every tie touching it, even
    one another source states (a tie cannot outlive its end); the result counts them."""
    store.apply(small_changeset, files=["netz.xlsx"])
    erika_ties = [tie for tie in small_changeset.ties if tie.source.id == "erika"]
    store.apply(Changeset(ties=erika_ties), files=["workshop"])
    without_erika = Changeset(
        actors=[a for a in small_changeset.actors if a.id != "erika"],
        topics=small_changeset.topics,
        events=small_changeset.events,
        ties=[tie for tie in small_changeset.ties if tie.source.id != "erika"],
    )
    result = store.apply(without_erika, files=["netz.xlsx"])
    assert result.removed["actors"] == 1
    assert result.removed["ties"] == len(erika_ties)
    assert "erika" not in store.graph()


@pytest.mark.parametrize("files", [["netz.xlsx"], ["Akteure.csv", "Beziehungen.csv"]])
def test_log_entry_names_the_source(store, small_changeset, files):
    result = store.apply(small_changeset, files=files)
    assert result.source == " + ".join(files)
    assert store.ingest_log()[0]["source"] == result.source


SAMPLE_FOLDER = Path(__file__).resolve().parents[2] / "examples" / "wehringhausen"


def sample_as_json(path: Path) -> Path:
    """The sample's CSV sheets written as one JSON file of sheets (cells as text)."""
    sheets = {}
    for sheet in sorted((SAMPLE_FOLDER / "csv").glob("*.csv")):
        with sheet.open(encoding="cp1252", newline="") as handle:
            sheets[sheet.stem] = list(csv.DictReader(handle, delimiter=";"))
    path.write_text(json.dumps(sheets, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("named_source", [None, "Netzwerkliste"])
def test_the_same_data_as_csv_then_xlsx_then_json_is_unchanged(store, tmp_path, named_source):
    """Only the provenance differs (file, sheet, row): it is refreshed, not counted as a
    change, whether the files are separate sources or one named source."""
    loads = [
        read_files([SAMPLE_FOLDER / "csv"]).changeset,
        read_files([SAMPLE_FOLDER / "wehringhausen.xlsx"]).changeset,
        read_files([sample_as_json(tmp_path / "netzwerk.json")]).changeset,
    ]
    for changeset in loads:
        if named_source:
            changeset.source = named_source
    first = store.apply(loads[0])
    assert sum(first.created.values()) == sum(loads[0].counts().values())
    for changeset in loads[1:]:
        again = store.apply(changeset)
        assert not again.changed_anything, (again.updated, again.removed)
        assert again.unchanged == {kind: n for kind, n in changeset.counts().items()}
        provenance = {data["source_file"] for _, _, data in store.graph().edges(data=True)}
        assert provenance == set(changeset.files)  # recorded from the latest load


def test_a_last_contact_is_stored_corrected_and_cleared_like_any_cell(store, tmp_path):
    """letzter_kontakt: written, read back as a date, corrected by the workbook, emptied by
    an empty cell; a tie without one is unchanged by the column being there at all."""
    a, b, c = actor_name(0), actor_name(1), actor_name(2)
    actors = [[a, "Verein", "Soziales"], [b, "Verein", "Bildung"], [c, "Verein", "Kultur"]]

    def ingest(contact: date | None) -> dict:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Akteure"
        sheet.append(["name", "typ", "sektor"])
        for row in actors:
            sheet.append(row)
        ties = workbook.create_sheet("Beziehungen")
        ties.append(["von", "zu", "art", "letzter_kontakt"])
        ties.append([a, b, "Kooperation", contact])
        ties.append([b, c, "Kooperation", None])
        path = tmp_path / "netz.xlsx"
        workbook.save(path)
        return store.apply(read_files([path]).changeset).as_dict()

    ingest(date(2024, 3, 14))
    ids = {name: node for node, name in store.graph().nodes(data="name")}
    assert cooperation(store.graph(), ids[a], ids[b])["last_contact"] == date(2024, 3, 14)
    assert cooperation(store.graph(), ids[b], ids[c])["last_contact"] is None
    assert ingest(date(2025, 9, 1))["updated"]["ties"] == 1
    assert cooperation(store.graph(), ids[a], ids[b])["last_contact"] == date(2025, 9, 1)
    assert ingest(None)["updated"]["ties"] == 1
    assert cooperation(store.graph(), ids[a], ids[b])["last_contact"] is None
    assert ingest(None)["updated"]["ties"] == 0
