"""Called from a notebook (no CLI, so no umask 077), the report and export writers still
create owner-only files (0600) and folders (0700)."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.private_files import atomic_write_text
from netzwerk.report.build import build_report, write_report
from netzwerk.report.export import export_graph

from .conftest import KEY

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes mean nothing on Windows")


@pytest.fixture(autouse=True)
def usual_umask():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_library_report_and_exports_are_owner_only(hostile_graph, tmp_path):
    graph, log = hostile_graph
    report = build_report(
        graph, as_of=date(2024, 6, 30), ingest_log=log, pseudonymiser=Pseudonymiser(KEY)
    )
    write_report(report, tmp_path / "out" / "bericht")
    export_graph(graph, tmp_path / "out" / "export" / "netz.csv", "csv")
    paths = list((tmp_path / "out").rglob("*"))
    assert any(p.name == "report.html" for p in paths) and any(p.is_dir() for p in paths)
    assert {p.name: oct(mode(p)) for p in paths} == {
        p.name: oct(0o700 if p.is_dir() else 0o600) for p in paths
    }
    assert mode(tmp_path / "out") == 0o700


def test_replacing_a_world_readable_file_makes_it_owner_only(tmp_path):
    target = tmp_path / "brokers.csv"
    target.write_text("alt")
    target.chmod(0o644)
    atomic_write_text(target, "neu")
    assert mode(target) == 0o600 and target.read_text() == "neu"
