"""The Wehringhausen sample data reads cleanly, and its workbook and CSV folder agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from netzwerk.ingest import read_files

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wehringhausen"


@pytest.fixture
def sample() -> Path:
    if not (SAMPLE / "wehringhausen.xlsx").exists() or not (SAMPLE / "csv").is_dir():
        pytest.skip("examples/wehringhausen not generated yet")
    return SAMPLE


def test_sample_workbook_and_csv_folder_give_the_same_records_without_warnings(sample):
    workbook = read_files([sample / "wehringhausen.xlsx"])
    folder = read_files([sample / "csv"])
    assert workbook.warnings == [] and folder.warnings == []
    for kind in ("actors", "topics", "projects", "events", "places", "ties"):
        assert getattr(workbook.changeset, kind) == getattr(folder.changeset, kind), kind
    assert workbook.changeset.counts()["actors"] > 0
