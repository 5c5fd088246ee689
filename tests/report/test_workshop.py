"""`netzwerk workshop`: one printable sheet per sector and the correction form, checked on
the sample data and rendered in headless Chromium."""

from __future__ import annotations

import re
import stat
from datetime import date

import pytest
from openpyxl import load_workbook

from netzwerk.model import is_valid_on
from netzwerk.report.workshop import workshop_sheets, write_workshop

from .test_render_chromium import chromium, run_chromium

DAY = date(2026, 6, 30)


@pytest.fixture(scope="module")
def mappe(sample, tmp_path_factory):
    folder = tmp_path_factory.mktemp("mappe")
    sheets = workshop_sheets(sample["graph"], DAY)
    files = write_workshop(folder, sheets, DAY)
    return {"folder": folder, "sheets": sheets, "files": files}


def valid_actors(graph):
    return {
        n
        for n, d in graph.nodes(data=True)
        if d.get("kind") == "actor" and is_valid_on(d.get("since"), d.get("until"), DAY)
    }


def test_every_actor_has_one_number_on_the_sheet_of_its_sector(sample, mappe):
    graph = sample["graph"]
    numbered = [a for sheet in mappe["sheets"] for a in sheet.actors]
    assert sorted(a.id for a in numbered) == sorted(valid_actors(graph))
    assert [a.number for a in numbered] == list(range(1, len(numbered) + 1))
    for sheet in mappe["sheets"]:
        assert {graph.nodes[a.id]["sector"] for a in sheet.actors} == {sheet.group}
    for path in mappe["files"][:-1]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    education = next(s for s in mappe["sheets"] if s.group == "education")
    page = (mappe["folder"] / "workshop-bildung.html").read_text(encoding="utf-8")
    for actor in education.actors:
        assert f'<td class="nr">{actor.number}</td><td>{actor.name}' in page.replace("&amp;", "&")
    assert page.count('<td class="nr">') == len(education.actors) + 15  # and 15 blank lines


def test_ties_to_other_sectors_are_listed_from_both_ends(mappe):
    numbered = {a.number: a for sheet in mappe["sheets"] for a in sheet.actors}
    for actor in numbered.values():
        for tie in actor.ties:
            other = numbered[tie["number"]]
            assert other.group != actor.group
            assert actor.number in [t["number"] for t in other.ties]


def test_persons_without_consent_are_pseudonyms_on_every_sheet(sample, mappe):
    graph = sample["graph"]
    hidden = [
        d["name"]
        for _, d in graph.nodes(data=True)
        if d.get("natural_person") and not d.get("consent")
    ]
    assert hidden
    pages = "".join(p.read_text(encoding="utf-8") for p in mappe["files"][:-1])
    assert "Person-" in pages
    for name in hidden:
        assert name not in pages


def test_the_form_holds_the_numbering_and_the_dropdowns(mappe):
    book = load_workbook(mappe["folder"] / "korrekturen.xlsx")
    assert book.sheetnames == ["Korrekturen", "Nummern"]
    form = book["Korrekturen"]
    assert [c.value for c in form[1]][:4] == ["Nr.", "Was", "mit wem", "Art"]
    assert '"neu,beendet,Korrektur"' in [v.formula1 for v in form.data_validations.dataValidation]
    rows = list(book["Nummern"].iter_rows(min_row=2, values_only=True))
    numbered = [a for sheet in mappe["sheets"] for a in sheet.actors]
    assert [(r[0], r[1]) for r in rows] == [(a.number, a.shown_id) for a in numbered]
    persons = [a for a in numbered if a.name.startswith("Person-")]
    assert persons and all(a.shown_id == a.name != a.id for a in persons)  # no name in ids


def test_a_sheet_prints_in_chromium_with_every_actor_on_a4(mappe, tmp_path):
    """Looked at: the education sheet shows 15 actors with their ties and 15 lines."""
    binary = chromium()
    url = (mappe["folder"] / "workshop-bildung.html").resolve().as_uri()
    pdf, screenshot = tmp_path / "sheet.pdf", tmp_path / "sheet.png"
    run_chromium(binary, tmp_path / "p1", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url)
    run_chromium(
        binary, tmp_path / "p2", f"--screenshot={screenshot}", "--window-size=1240,1754", url
    )
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert boxes and all(abs(float(w) - 595.3) < 1.5 for w, _ in boxes)
    from PIL import Image

    with Image.open(screenshot) as image:
        histogram = image.convert("L").histogram()
    assert sum(histogram[:128]) > 5000 and histogram[255] > 0.5 * sum(histogram)
    dom = _dump_dom(binary, tmp_path / "p3", url)
    education = next(s for s in mappe["sheets"] if s.group == "education")
    for actor in education.actors:
        assert actor.name in dom.replace("&amp;", "&")


def _dump_dom(binary, profile, url) -> str:
    import subprocess

    from .test_render_chromium import CHROMIUM_FLAGS

    completed = subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return completed.stdout
