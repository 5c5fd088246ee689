"""report.html is one self-contained, script-free page with every section, in both
languages, laid out for A4 printing."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

import pytest

from netzwerk.present.texts import SECTION_KEYS, section_title, text

from .conftest import read_text

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class Page(HTMLParser):
    """Collects every start tag with its attributes, the text of each heading and whether
    there was a <style> text referring to anything outside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: dict[str, list[str]] = {"h1": [], "h2": [], "h3": []}
        self._open: str | None = None
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.headings:
            self._open = tag
            self.headings[tag].append("")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._open:
            self.headings[self._open][-1] += data
        if self._in_style:
            self.style += data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.mark.parametrize("lang", ["de", "en"])
def test_images_are_inline_pngs_that_decode(written, lang):
    page = parse(read_text(written[lang]["folder"], "report.html"))
    images = [attrs for tag, attrs in page.tags if tag == "img"]
    assert len(images) == 3  # map, dependency, mixing
    for attrs in images:
        source = attrs["src"] or ""
        assert source.startswith("data:image/png;base64,"), source[:40]
        data = base64.b64decode(source.split(",", 1)[1], validate=True)
        assert data.startswith(PNG_SIGNATURE)
        assert attrs.get("alt")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_scripts_and_nothing_loaded_from_outside(written, lang):
    html = read_text(written[lang]["folder"], "report.html")
    page = parse(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "iframe", "object", "embed", "link", "base", "form"}
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "action", "srcset", "poster", "data"):
                assert not re.match(r"\s*(https?:|//|javascript:)", value or "", re.I), value
            if name == "href":  # in-page anchors, and the map written beside the report
                assert (value or "").startswith("#") or value == "karte.html", value
    assert not re.search(r"url\(|@import", page.style)
    assert "default-src 'none'" in html  # Content-Security-Policy: nothing may be loaded


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_section_has_its_heading(written, lang):
    page = parse(read_text(written[lang]["folder"], "report.html"))
    headings = [h.strip() for h in page.headings["h2"]]
    assert headings == [section_title(key, lang) for key in SECTION_KEYS]
    assert page.headings["h1"] == [text("report.title", lang)]


def test_headings_differ_between_languages():
    for key in SECTION_KEYS:
        assert section_title(key, "de") != section_title(key, "en") or key == "overview"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_section_states_how_the_view_was_built(written, lang):
    report = written[lang]["report"]
    day = "30.06.2024" if lang == "de" else "30 Jun 2024"
    first_word = "Sicht:" if lang == "de" else "View:"
    for section in report.sections:
        view_lines = [line for line in section.method if line.startswith(first_word)]
        assert view_lines, section.key
        assert any(day in line for line in view_lines), section.key
        weighting = text("view_line.weighted", lang)
        assert any(weighting in line for line in view_lines), section.key
        if section.key != "changes":  # (the changes compare the view on two days)
            assert view_lines == [report.view_line], section.key
    html = read_text(written[lang]["folder"], "report.html")
    assert html.count(first_word) >= len(report.sections) + 1  # and the box at the top
    companion = read_text(written[lang]["folder"], "netzwerksicht.txt")
    assert companion.splitlines()[0] == report.view_line


def test_print_layout_is_a4_with_page_breaks(written):
    html = read_text(written["de"]["folder"], "report.html")
    assert "@page { size: A4; margin: 15mm; }" in html
    assert "break-before: page" in html
    assert re.search(r"tr \{ break-inside: avoid;", html)
    assert "display: table-header-group" in html


def test_markdown_has_every_section_and_figure_files(written):
    folder = written["en"]["folder"]
    markdown = read_text(folder, "report.md")
    for key in SECTION_KEYS:
        assert f"\n## {section_title(key, 'en')}\n" in markdown
    for name in ("network-map", "dependency", "mixing"):
        assert f"(figures/{name}.png)" in markdown
        assert (folder / "figures" / f"{name}.png").read_bytes().startswith(PNG_SIGNATURE)


def test_expected_tables_are_written_as_csv(written):
    names = {path.name for path in written["de"]["files"]}
    assert {
        "report.html",
        "report.md",
        "brokers.csv",
        "introductions.csv",
        "unreached.csv",
        "mixing.csv",
        "missing_pairs.csv",
        "overview.csv",
        "dependency.csv",
        "changes_ties.csv",
        "changes_actors.csv",
        "changes_brokers.csv",
    } <= names


def test_broker_section_names_roles_in_plain_words(written):
    html = read_text(written["de"]["folder"], "report.html")
    for word in (
        "Brückenbauer",
        "Türöffner",
        "Vertreter",
        "Vermittler von außen",
        "Koordinator innerhalb der Gruppe",
        "Nadelöhr",
    ):
        assert word in html
    html_en = read_text(written["en"]["folder"], "report.html")
    for word in ("Bridge builder", "Gatekeeper", "Outside go-between", "Cut-point"):
        assert word in html_en


def test_sample_report_shows_designed_structure(written):
    report = written["de"]["report"]
    brokers = report.section("brokers").tables[0].rows
    assert brokers[0]["actor"] == "Quartiersmanagement Wehringhausen"
    top_five = {row["actor"] for row in brokers[:5]}
    assert {
        "Wir in Wehringhausen e.V.",
        "Evangelische Kirchengemeinde Wehringhausen",
        "Stadtteilladen Wehringhausen",
    } <= top_five
    missing = report.section("gaps").tables[0].rows
    pairs = {frozenset((row["sector_a"], row["sector_b"])) for row in missing}
    assert frozenset(("Bildung", "Lokale Wirtschaft")) in pairs
    assert frozenset(("Gesundheit", "Kultur/Kreativwirtschaft")) in pairs
    unreached = {row["actor"]: row["status"] for row in report.section("unreached").tables[0].rows}
    assert unreached["Café Lieblingsplatz"] == "nur mit dem QM"
    assert len(report.section("introductions").tables[0].rows) > 0
