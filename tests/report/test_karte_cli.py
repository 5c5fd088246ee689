"""`netzwerk karte` / `netzwerk map` and the map beside the report: the same figures as
`netzwerk brokers` and the report's CSV files, parts of the network, one-line errors."""

from __future__ import annotations

import csv
import html
import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.report import analyses
from netzwerk.report.karte import part

DAY = "2026-12-03"
DATA = re.compile(r'<script id="karte-daten" type="application/json">(.*?)</script>', re.S)


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def payload_of(page: Path) -> dict:
    """The data embedded in a written map page."""
    found = DATA.search(page.read_text(encoding="utf-8"))
    assert found, "no map data in the page"
    return json.loads(
        html.unescape(found.group(1)) if "&quot;" in found.group(1) else found.group(1)
    )


@pytest.fixture
def karte_de(sample, tmp_path) -> dict:
    """The map as `netzwerk karte` writes it (in the same test as the commands it is
    compared with: each test has its own pseudonym key)."""
    out = tmp_path / "karte.html"
    result = run("--store", sample["store"], "karte", "--out", out, "--as-of", DAY)
    assert result.exit_code == 0, result.output
    return {"path": out, "payload": payload_of(out), "output": result.output}


def test_the_map_has_the_betweenness_of_netzwerk_brokers(sample, karte_de):
    """Every actor's betweenness on the map equals `brokers --format json` (same view,
    same default pseudonyms), and so does its panel line (4 digits)."""
    brokers = run("--store", sample["store"], "brokers", "--format", "json", "--as-of", DAY)
    rows = json.loads(brokers.output)["rows"]
    nodes = karte_de["payload"]["nodes"]
    index = {actor: i for i, actor in enumerate(nodes["id"])}
    assert len(rows) > 100
    for row in rows:
        i = index[row["id"]]
        assert nodes["betweenness"][i] == row["betweenness"]
        assert nodes["facts"][i][0][1] == f"{row['betweenness']:.4f}".replace(".", ",")
    assert str(karte_de["path"]) in karte_de["output"]
    assert stat.S_IMODE(karte_de["path"].stat().st_mode) == 0o600


def test_map_alias_in_english_and_a_part_around_an_actor(sample, tmp_path):
    out = tmp_path / "map.html"
    result = run(
        "--store", sample["store"], "map", "--out", out, "--lang", "en", "--around",
        "qm-wehringhausen", "--steps", "1", "--as-of", DAY,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    payload = payload_of(out)
    assert payload["lang"] == "en" and payload["texts"]["search"] == "Search actor"
    degree = payload["nodes"]["degree"][payload["nodes"]["id"].index("qm-wehringhausen")]
    assert len(payload["nodes"]["id"]) == degree + 1


def test_unknown_actor_is_one_line_and_writes_nothing(sample, tmp_path):
    out = tmp_path / "karte.html"
    result = run("--store", sample["store"], "karte", "--out", out, "--um", "niemand-xyz")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "--around" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_too_large_for_a_browser(sample, tmp_path, monkeypatch):
    """With the limit set below the sample's size, `karte` refuses in one line (exit 2,
    no file) and names the way out; the report says why it has no map and writes none."""
    monkeypatch.setattr(part, "MAP_ACTOR_LIMIT", 50)
    out = tmp_path / "karte.html"
    with monkeypatch.context() as before_analysis:  # refused before any analysis runs
        before_analysis.setattr(analyses, "broker_analysis", _must_not_run)
        result = run("--store", sample["store"], "karte", "--out", out)
    assert result.exit_code == 2 and not out.exists()
    assert len(result.output.strip().splitlines()) == 1 and "--um" in result.output
    sector = run(
        "--store", sample["store"], "karte", "--out", out, "--sektor", "Religion"
    )  # a sector with its direct contacts fits
    assert sector.exit_code == 0, sector.output and out.exists()
    folder = tmp_path / "bericht"
    assert run("--store", sample["store"], "report", "--out", folder).exit_code == 0
    assert not (folder / "karte.html").exists()
    assert "zu groß" in (folder / "report.html").read_text(encoding="utf-8")


def _must_not_run(*_args, **_kwargs):
    raise AssertionError("the map is refused before the analyses")


def test_the_reports_map_marks_the_reports_cut_off_actors(sample, tmp_path):
    """karte.html beside report.html marks, for "ohne QM", exactly the actors of the
    report's cut_off_without_qm.csv."""
    folder = tmp_path / "bericht"
    assert run("--store", sample["store"], "report", "--out", folder, "--as-of", DAY).exit_code == 0
    payload = payload_of(folder / "karte.html")
    with open(folder / "cut_off_without_qm.csv", encoding="utf-8-sig", newline="") as handle:
        names = {row["Akteur"] for row in csv.DictReader(handle, delimiter=";")}
    marked = {payload["nodes"]["label"][i] for i in payload["questions"]["cut_off"]}
    assert marked == names and names
    assert '<a href="karte.html">' in (folder / "report.html").read_text(encoding="utf-8")
