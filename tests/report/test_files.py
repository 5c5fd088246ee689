"""Report files are written atomically and only inside the output folder."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk.errors import ConfigError
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report import render
from netzwerk.report.build import build_report, write_report
from netzwerk.report.sections import Table

from .conftest import KEY


@pytest.fixture
def small_report(hostile_graph):
    graph, log = hostile_graph
    return build_report(
        graph, as_of=date(2024, 6, 30), ingest_log=log, pseudonymiser=Pseudonymiser(KEY)
    )


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_failed_report_leaves_every_file_as_it_was(small_report, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    write_report(small_report, folder)
    before = snapshot(folder)
    small_report.sections[0].lead = "geändert"

    def crash(report):
        raise KeyboardInterrupt  # the report is killed while rendering the HTML

    monkeypatch.setattr(render, "render_html", crash)
    with pytest.raises(KeyboardInterrupt):
        write_report(small_report, folder)
    assert snapshot(folder) == before


def test_killed_write_keeps_old_file_and_removes_temporary(tmp_path, monkeypatch):
    from netzwerk import private_files as files

    target = tmp_path / "brokers.csv"
    target.write_text("old")

    def killed(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        files.atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_table_names_cannot_leave_the_output_folder(small_report, tmp_path):
    small_report.sections[0].tables.append(
        Table("böse", ["a"], {"a": "a"}, [{"a": 1}], csv="../escaped.csv")
    )
    with pytest.raises(ConfigError):
        write_report(small_report, tmp_path / "out")
    assert not (tmp_path / "escaped.csv").exists()


def test_output_folder_must_be_a_folder(small_report, tmp_path):
    not_a_folder = tmp_path / "datei"
    not_a_folder.write_text("x")
    with pytest.raises(ConfigError):
        write_report(small_report, not_a_folder)


def test_report_without_coordinator_or_ties_still_builds(tmp_path):
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node(
        "a",
        kind="actor",
        name="Allein e.V.",
        sector="social",
        type="association",
        natural_person=False,
    )
    report = build_report(graph, as_of=date(2024, 1, 1), pseudonymiser=Pseudonymiser(KEY))
    written = write_report(report, tmp_path / "leer")
    assert (tmp_path / "leer" / "report.html").exists()
    assert written
