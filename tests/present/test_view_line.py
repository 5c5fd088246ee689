"""The one view line: vocabulary labels, German and English, every part of the view."""

from __future__ import annotations

from datetime import date

import pytest

from netzwerk.analysis import NetworkView
from netzwerk.model import TIE_KINDS
from netzwerk.present.view_line import view_line, view_metadata


def test_german_line_uses_labels_never_codes():
    line = view_line(NetworkView(as_of=date(2026, 12, 3)), "de")
    assert line.startswith("Sicht: Stand 03.12.2026 · ")
    for kind in NetworkView().tie_kinds:
        assert TIE_KINDS.label(kind, "de") in line
    for code in ("cooperation", "membership", "runs", "project", "event", "sector"):
        assert code not in line


@pytest.mark.parametrize(
    ("view", "lang", "parts"),
    [
        (NetworkView(as_of=None), "de", ["alle Zeiträume", "gewichtet", "Gruppen nach Sektor"]),
        (NetworkView(as_of=None, weighted=False), "en", ["View: all periods", "unweighted"]),
        (NetworkView(by="topics"), "de", ["Gruppen nach Thema"]),
        (NetworkView(tie_kinds=(), shared=()), "de", ["keine direkten Beziehungen"]),
        (NetworkView(shared=("event",)), "en", ["shared events"]),
    ],
)
def test_line_says_each_part_of_the_view(view, lang, parts):
    line = view_line(view, lang)
    for part in parts:
        assert part in line, (part, line)


def test_json_metadata_carries_the_line_and_shown_coordinators():
    view = NetworkView(as_of=date(2024, 6, 30), coordinators=("qm",))
    metadata = view_metadata(view, ["qm"], "de", lambda a: f"id-{a}", lambda a: f"Name {a}")
    assert metadata["as_of"] == "2024-06-30" and metadata["coordinators"] == ["id-qm"]
    assert metadata["line"].endswith("Koordination: Name qm")
    flagged = view_metadata(NetworkView(as_of=None), ["qm"])
    assert flagged["as_of"] is None and "Koordination" not in flagged["line"]
