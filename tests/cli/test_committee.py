"""`netzwerk gremium` / `committee` on the sample data: the library's figures, persons
pseudonymised, clear errors."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from netzwerk.analysis.committee import committee_seats
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli import cli
from netzwerk.store import open_store


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


def invoke(store, *arguments, code=0):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == code, result.output
    return result


def test_json_is_the_library_result_and_persons_are_pseudonymised(sample_store):
    """The Lenkungskreis at the end of 2024 (its meeting of 16.10.2024 counts): the same
    groups, seats and candidate scores as `committee_seats`; no person's id or name."""
    output = invoke(
        sample_store, "gremium", "lenkungskreis", "--as-of", "2024-12-31", "--format", "json"
    ).stdout
    shown = json.loads(output)
    with open_store(str(sample_store)) as store:
        graph = store.graph()
    direct = committee_seats(graph, "lenkungskreis", view=NetworkView(as_of=date(2024, 12, 31)))
    assert shown["sectors"] == direct["sectors"]
    assert len(shown["members"]) == len(direct["members"]) > 10
    assert [c["committee_score"] for c in shown["candidates"]] == [
        c["committee_score"] for c in direct["candidates"]
    ]
    assert "economy" in [s["group"] for s in shown["missing"]]
    persons = {n for n, d in graph.nodes(data=True) if d.get("type") == "person"}
    assert not persons & {*shown["members"], *(c["id"] for c in shown["candidates"])}
    assert not any(graph.nodes[p]["name"] in output for p in persons)


def test_english_alias_and_headings(sample_store):
    output = invoke(sample_store, "committee", "Lenkungskreis Wehringhausen", "--lang", "en").stdout
    assert "Groups and their seats" in output and "Suggestions from groups without a seat" in output


@pytest.mark.parametrize(
    ("arguments", "words"),
    [(["gibt-es-nicht"], "unbekannter Akteur"), (["gemuesehandel"], "keine Mitglieder")],
)
def test_input_errors_are_one_line_and_exit_2(sample_store, arguments, words):
    result = invoke(sample_store, "gremium", *arguments, code=2)
    assert words in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
