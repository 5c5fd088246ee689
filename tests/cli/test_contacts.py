"""`netzwerk kontakte` / `dormant` on the sample data: the library's list, the weekly call
list on one page, persons pseudonymised."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from netzwerk.analysis.contacts import dormant_ties
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli import cli
from netzwerk.report.analyses import INTRODUCTIONS, SEED
from netzwerk.store import open_store

A4_COLUMNS = 110
"""Characters of a line that still fit an A4 page in a monospaced 9 pt font."""


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


def invoke(store, *arguments):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_is_the_library_result_with_persons_pseudonymised(sample_store):
    shown = json.loads(
        invoke(sample_store, "kontakte", "--as-of", "2025-06-30", "--format", "json")
    )
    with open_store(str(sample_store)) as store:
        graph = store.graph()
    view = NetworkView(as_of=date(2025, 6, 30))
    introductions = suggest_introductions(
        view.actor_graph(graph), graph, top=INTRODUCTIONS, as_of=view.as_of, seed=SEED
    )
    direct = dormant_ties(graph, view=view, introductions=introductions)
    assert any("introducer" in t["reasons"] for t in direct["ties"])
    for key in ("dormant", "recent", "without_date", "ties_total"):
        assert shown[key] == direct[key]
    assert [t["last_contact"] for t in shown["ties"]] == [
        t["last_contact"].isoformat() for t in direct["ties"]
    ]
    persons = {n for n, d in graph.nodes(data=True) if d.get("type") == "person"}
    ends = {t["source"] for t in shown["ties"]} | {t["target"] for t in shown["ties"]}
    assert any(end.startswith("Person-") for end in ends) and not ends & persons


def test_the_weekly_list_has_ten_calls_on_one_a4_page(sample_store):
    output = invoke(sample_store, "kontakte", "--woche")
    lines = output.splitlines()
    assert "Diese Woche anrufen" in lines
    rule = next(i for i, line in enumerate(lines) if set(line.replace(" ", "")) == {"-"})
    assert len(lines[rule + 1 :]) == 10
    assert max(len(line) for line in lines if not line.startswith("#")) <= A4_COLUMNS
    assert len(lines) <= 60  # lines of one A4 page


def test_english_alias(sample_store):
    assert "Call this week" in invoke(sample_store, "dormant", "--week", "--lang", "en")


@pytest.mark.parametrize(
    "command",
    [
        ["kontakte"],
        ["foerderung", "--foerdergeber", "land-nrw", "--bis", "2027"],
        ["gremium", "lenkungskreis"],
    ],
)
def test_the_verstetigung_commands_write_a_workbook_with_a_sheet_per_table(
    sample_store, tmp_path, command
):
    import openpyxl

    out = tmp_path / "tabelle.xlsx"
    invoke(sample_store, *command, "--format", "xlsx", "--out", str(out))
    book = openpyxl.load_workbook(out)
    assert len(book.worksheets) >= 2
    assert all(sheet.max_row >= 1 and sheet["A1"].value for sheet in book.worksheets)
