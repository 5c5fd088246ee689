"""--compare: what changed between two dates, on the sample data's consortium end."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk.analysis.changes import compare_views
from netzwerk.errors import ConfigError

from .conftest import AS_OF, COMPARE, read_text


def test_compare_reports_end_of_consortium(sample):
    changes = compare_views(sample["graph"], COMPARE, AS_OF)
    lost = {
        tie["partner"]: tie["kinds"]
        for tie in changes["coordinator_ties_lost"]
        if tie["coordinator"] == "qm-wehringhausen"
    }
    assert {"diakonie-mark-ruhr", "caritas-hagen"} <= set(lost)
    for partner in ("diakonie-mark-ruhr", "caritas-hagen"):
        assert {"cooperation", "runs"} <= set(lost[partner])
    assert "stern" not in lost  # STERN stays the QM's operator
    assert "traegerverbund" in changes["lost_actors"]


def test_report_names_the_consortium_end_in_both_languages(written):
    for lang, heading in (
        ("de", "Verbindungen zum QM beendet"),
        ("en", "Ties to the QM that ended"),
    ):
        section = written[lang]["report"].section("changes")
        finding = next(f for f in section.findings if f.startswith(heading))
        assert "Diakonie Mark-Ruhr gGmbH" in finding
        assert "Caritasverband Hagen e.V." in finding
        html = read_text(written[lang]["folder"], "report.html")
        assert "Diakonie Mark-Ruhr gGmbH (" in html
    ties = read_text(written["de"]["folder"], "changes_ties.csv")
    assert "qm-wehringhausen;Quartiersmanagement Wehringhausen;diakonie-mark-ruhr" in ties
    assert "qm-wehringhausen;Quartiersmanagement Wehringhausen;caritas-hagen" in ties


def test_changes_count_actors_and_ties_consistently(sample):
    changes = compare_views(sample["graph"], COMPARE, AS_OF)
    assert (
        changes["actors_before"] + len(changes["new_actors"]) - len(changes["lost_actors"])
        == changes["actors_after"]
    )
    assert (
        changes["ties_before"] + len(changes["new_ties"]) - len(changes["lost_ties"])
        == changes["ties_after"]
    )
    assert set(changes["brokers_gained"]).isdisjoint(changes["brokers_before"])


def test_compare_date_must_be_earlier(sample):
    with pytest.raises(ConfigError):
        compare_views(sample["graph"], date(2024, 6, 30), date(2022, 6, 30))
