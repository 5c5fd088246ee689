"""Persons are pseudonymised everywhere, names only with --names and consent; hostile
actor names come out as text in HTML and Markdown and as inert cells in CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import build_report, render_html, render_markdown, write_report

from .conftest import FORMULA_NAME, KEY, XSS_NAME, read_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def all_output_text(folder) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8-sig")
        for path in sorted(folder.rglob("*"))
        if path.suffix in (".html", ".md", ".csv")
    )


def csv_cells(folder):
    for path in sorted(folder.glob("*.csv")):
        # German report tables: ";" between cells (German Excel)
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"):
            yield path.name, row


@pytest.fixture
def hostile_report(hostile_graph, tmp_path):
    graph, log = hostile_graph
    report = build_report(
        graph, as_of=date(2024, 6, 30), ingest_log=log, pseudonymiser=Pseudonymiser(KEY)
    )
    folder = tmp_path / "out"
    write_report(report, folder)
    return report, folder


def test_hostile_actor_name_is_escaped_in_html(hostile_report):
    _, folder = hostile_report
    html = read_text(folder, "report.html")
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img src=x" not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")  # only the escaped form
    assert "<script" not in html


def test_hostile_actor_name_is_escaped_in_markdown(hostile_report):
    _, folder = hostile_report
    markdown = read_text(folder, "report.md")
    assert "\\<img src=x onerror=alert(1)\\>" in markdown
    assert "<img" not in markdown.replace("\\<img", "")


def test_csv_cells_never_start_a_formula(hostile_report):
    _, folder = hostile_report
    seen_formula_actor = False
    for name, row in csv_cells(folder):
        for cell in row:
            cell = cell.lstrip("\ufeff")
            assert not cell.startswith(FORMULA_PREFIXES), (name, cell)
            seen_formula_actor |= cell == "'" + FORMULA_NAME
    assert seen_formula_actor


def test_persons_are_pseudonymised_everywhere_by_default(hostile_report):
    report, folder = hostile_report
    everything = all_output_text(folder)
    pseudonymiser = Pseudonymiser(KEY)
    for person_id, name in (("erika", "Erika Mustermann"), ("max", "Max Geheim")):
        assert name not in everything
        assert pseudonymiser.pseudonym(person_id) in everything
    assert "Quartiersbüro" in everything  # organisations keep their names
    assert XSS_NAME not in render_html(report)


def test_names_flag_shows_consenting_persons_only(hostile_graph, tmp_path):
    graph, log = hostile_graph
    report = build_report(
        graph,
        as_of=date(2024, 6, 30),
        ingest_log=log,
        show_names=True,
        pseudonymiser=Pseudonymiser(KEY),
    )
    write_report(report, tmp_path / "named")
    everything = all_output_text(tmp_path / "named")
    assert "Erika Mustermann" in everything
    assert "Max Geheim" not in everything
    assert Pseudonymiser(KEY).pseudonym("max") in everything
    assert Pseudonymiser(KEY).pseudonym("erika") not in everything


def test_pseudonyms_are_stable_across_runs_and_hide_the_name(hostile_graph):
    graph, log = hostile_graph
    first = build_report(
        graph, as_of=date(2024, 6, 30), pseudonymiser=Pseudonymiser(KEY), today=date(2024, 7, 1)
    )
    second = build_report(
        graph, as_of=date(2024, 6, 30), pseudonymiser=Pseudonymiser(KEY), today=date(2024, 7, 1)
    )
    assert render_markdown(first) == render_markdown(second)
    pseudonym = Pseudonymiser(KEY).pseudonym("max")
    assert pseudonym in render_markdown(first)
    assert "max" not in pseudonym.lower() and "geheim" not in pseudonym.lower()
    other_key = build_report(
        graph, as_of=date(2024, 6, 30), pseudonymiser=Pseudonymiser(b"another key")
    )
    assert pseudonym not in render_markdown(other_key)


def test_sample_report_has_no_person_names(written, sample):
    persons = [
        data["name"] for _, data in sample["graph"].nodes(data=True) if data.get("natural_person")
    ]
    assert len(persons) > 50
    for lang in ("de", "en"):
        everything = all_output_text(written[lang]["folder"])
        leaked = [name for name in persons if name in everything]
        assert not leaked
