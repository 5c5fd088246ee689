"""`netzwerk foerderung` / `funding` on the sample data: one computation in every format,
persons pseudonymised, clear errors."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from click.testing import CliRunner

from netzwerk.analysis.funding import funding_dependency
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli import cli
from netzwerk.store import open_store

SCENARIO = ["--foerdergeber", "land-nrw", "--foerdergeber", "programm-sozialer-zusammenhalt"]
AS_OF = ["--as-of", "2026-06-30"]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


def invoke(store, *arguments, code=0):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == code, result.output
    return result


def test_json_is_the_library_result_for_the_same_view(sample_store):
    """The Städtebauförderung ends by 2027: the JSON's figures are those of
    `funding_dependency` on the same store and view (one computation)."""
    shown = json.loads(
        invoke(
            sample_store, "foerderung", *SCENARIO, "--bis", "2027", *AS_OF, "--format", "json"
        ).stdout
    )
    with open_store(str(sample_store)) as store:
        graph = store.graph()
    direct = funding_dependency(
        graph,
        ["land-nrw", "programm-sozialer-zusammenhalt"],
        ends_by=date(2027, 12, 31),
        view=NetworkView(as_of=date(2026, 6, 30)),
    )
    assert [p["id"] for p in shown["projects"]] == ["fassadenprogramm", "kreativquartier"]
    assert shown["projects"] == [
        {**p, "funded_until": p["funded_until"].isoformat()} for p in direct["projects"]
    ]
    for key in ("connected_pairs_before", "connected_pairs_after", "ties_weakened"):
        assert shown[key] == direct[key]
    assert len(shown["ties_lost"]) == len(direct["ties_lost"]) > 0
    assert shown["fragmentation_after"] == pytest.approx(direct["fragmentation_after"])
    assert [r["gain"] for r in shown["successors"]] == pytest.approx(
        [r["gain"] for r in direct["successors"]]
    )


def test_persons_are_pseudonymised_in_every_list(sample_store):
    """No person's id or name reaches the output without --names."""
    with open_store(str(sample_store)) as store:
        graph = store.graph()
    persons = {
        n
        for n, d in graph.nodes(data=True)
        if d.get("kind") == "actor" and d.get("type") == "person"
    }
    names = {graph.nodes[n]["name"] for n in persons}
    output = invoke(
        sample_store, "funding", *SCENARIO, "--until", "2027", "--format", "json"
    ).stdout
    data = json.loads(output)
    ends = {t["source"] for t in data["ties_lost"]} | {t["target"] for t in data["ties_lost"]}
    assert any(end.startswith("Person-") for end in ends)
    assert not (ends & persons)
    assert not any(name in output for name in names)


def test_english_csv_has_the_summary_and_every_lost_tie(sample_store):
    raw = invoke(
        sample_store, "funding", *SCENARIO, "--until", "2027", "--lang", "en", "--format", "csv"
    ).stdout_bytes.decode("utf-8-sig")
    assert "Funding ends by,2027-12-31" in raw and "Actor A,Actor B,Kind of tie,Strength" in raw
    count = json.loads(
        invoke(sample_store, "funding", *SCENARIO, "--until", "2027", "--format", "json").stdout
    )["ties_lost"]
    rows = list(csv.reader(io.StringIO(raw)))
    assert sum(1 for row in rows if row[2:3] == ["project"]) == len(count)


def test_without_an_end_date_the_citys_money_ends_now(sample_store):
    data = json.loads(
        invoke(
            sample_store, "foerderung", "--foerdergeber", "stadt-hagen", "--format", "json"
        ).stdout
    )
    assert data["ends_by"] is None
    assert "verfuegungsfonds" in [p["id"] for p in data["projects"]]


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--foerdergeber", "stiftung-gibt-es-nicht"], "unbekannter Akteur"),
        (["--foerdergeber", "land-nrw", "--bis", "31.13.2027"], "--bis: ungültiges Datum"),
        ([], "kein Fördergeber"),
    ],
)
def test_input_errors_are_one_line_and_exit_2(sample_store, arguments, words):
    result = invoke(sample_store, "foerderung", *arguments, code=2)
    assert words in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
