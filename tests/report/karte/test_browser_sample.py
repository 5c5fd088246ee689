"""The map of the Wehringhausen sample data in real headless Chromium: the panel shows the
same betweenness as `netzwerk brokers --format json`, the QM consortium's end (31.12.2022)
shows as Caritas ties vanishing on the time slider, and "ohne QM" marks the report's
cut-off actors."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from netzwerk.analysis.network_view import NetworkView
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.build import ReportOptions, compute
from netzwerk.report.karte.data import map_payload
from netzwerk.report.karte.page import render_page

from .conftest import boxes_overlap, open_map, settle, wait_camera

DAY = date(2026, 12, 3)
CARITAS = "Caritasverband Hagen e.V."
CONSORTIUM = "QM-Trägerverbund Wehringhausen"


@pytest.fixture(scope="module")
def sample_map(sample, tmp_path_factory) -> dict:
    options = ReportOptions(
        view=NetworkView(as_of=DAY),
        lang="de",
        as_of=None,
        compare=None,
        show_names=False,
        ingest_log=(),
        tie_kinds=(),
        weighted=True,
        pseudonymiser=Pseudonymiser(b"karte-browser-test"),
        today=DAY,
        figures=False,
    )
    computed = compute(sample["graph"], options)
    payload = map_payload(computed.context)
    path = tmp_path_factory.mktemp("karte-beispiel") / "karte.html"
    path.write_text(render_page(payload), encoding="utf-8")
    return {"payload": payload, "path": path, "context": computed.context}


@pytest.fixture
def page(browser, sample_map):
    open_map(browser, sample_map["path"])
    return browser


def brokers_json(store) -> list[dict]:
    from netzwerk.cli import cli

    result = CliRunner().invoke(
        cli, ["--store", str(store), "brokers", "--format", "json", "--as-of", DAY.isoformat()]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["rows"]


def test_panel_betweenness_of_the_top_broker_equals_the_brokers_command(page, sample, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    top = max(brokers_json(sample["store"]), key=lambda row: row["betweenness"])
    box = page.find_element(By.ID, "suche")
    box.send_keys(top["name"][:12].lower(), Keys.ENTER)
    wait_camera(page)
    shots.take(page, "beispiel-top-broker")
    assert page.find_element(By.ID, "panel-titel").text == top["name"]
    facts = page.find_element(By.ID, "kennzahlen").text.split("\n")
    shown = facts[facts.index("Betweenness") + 1]
    assert shown == f"{top['betweenness']:.4f}".replace(".", ",")


def test_slider_to_2021_and_back_shows_caritas_consortium_tie_appear_and_vanish(
    page, sample_map, shots
):
    from selenium.webdriver.common.by import By

    payload = sample_map["payload"]
    labels = payload["nodes"]["label"]
    caritas, consortium = labels.index(CARITAS), labels.index(CONSORTIUM)
    edges = payload["edges"]
    tie = next(
        j
        for j, ends in enumerate(zip(edges["source"], edges["target"], strict=True))
        if set(ends) == {caritas, consortium}
    )
    year_2021 = [y["label"] for y in payload["meta"]["years"]].index("2021")
    page.execute_script("karte.select(arguments[0])", caritas)
    wait_camera(page)
    shown_now = page.execute_script("return karte.visibleEdges()")
    page.execute_script("karte.setYear(arguments[0])", year_2021)
    settle(page)
    shots.take(page, "beispiel-caritas-2021")
    shown_2021 = page.execute_script("return karte.visibleEdges()")
    listed_2021 = page.find_element(By.ID, "panel-beziehungen").text
    page.execute_script("karte.setYear(arguments[0])", payload["meta"]["current"])
    settle(page)
    shots.take(page, "beispiel-caritas-heute")
    listed_now = page.find_element(By.ID, "panel-beziehungen").text
    assert tie in shown_2021 and tie not in shown_now
    assert CONSORTIUM in listed_2021 and CONSORTIUM not in listed_now
    assert page.execute_script("return karte.visibleEdges()") == shown_now


def test_without_qm_marks_the_reports_cut_off_actors(page, sample_map, shots):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "frage-without_coordinator").click()
    wait_camera(page, 500)
    shots.take(page, "beispiel-ohne-qm")
    ids = sample_map["payload"]["nodes"]["id"]
    marked = {ids[i] for i in page.execute_script("return karte.marked()")}
    context = sample_map["context"]  # the report's own list, in the ids the report shows
    assert marked == {context.shown_id(actor) for actor in context.results.cut_off}
    assert marked  # the sample data has actors that only the QM reaches
    coordinators = sample_map["payload"]["questions"]["coordinators"]
    assert not set(coordinators) & set(page.execute_script("return karte.visibleNodes()"))
    note = page.find_element(By.ID, "fragen-hinweis").text
    assert note.startswith(f"{len(marked)} Akteure")


def test_without_funding_marks_the_sections_cut_off_actors_and_hides_lost_ties(
    page, sample_map, shots
):
    """The funding question shows the funding section's scenario: its cut-off actors
    marked, exactly the ties it says are lost hidden (everything else stays)."""
    from selenium.webdriver.common.by import By

    before = set(page.execute_script("return karte.visibleEdges()"))
    page.find_element(By.ID, "frage-without_funding").click()
    wait_camera(page, 500)
    shots.take(page, "beispiel-ohne-foerderung")
    payload, context = sample_map["payload"], sample_map["context"]
    ids = payload["nodes"]["id"]
    marked = {ids[i] for i in page.execute_script("return karte.marked()")}
    assert marked == {context.shown_id(a) for a in context.results.funding["cut_off"]}
    lost = {j for j, flag in enumerate(payload["edges"]["funding"]) if flag}
    after = set(page.execute_script("return karte.visibleEdges()"))
    assert before & lost and after == before - lost
    note = page.find_element(By.ID, "fragen-hinweis").text
    assert note.startswith(f"{len(marked)} Akteure wären ohne die auslaufende Förderung")


@pytest.mark.parametrize("ratio", [1.0, 0.3, 0.08])
def test_sample_labels_never_overlap(page, shots, ratio):
    page.execute_script(
        "karte.view.sigma.getCamera().setState({x: 0.5, y: 0.5, ratio: arguments[0], angle: 0})",
        ratio,
    )
    settle(page)
    shots.take(page, f"beispiel-zoom-{ratio}")
    boxes = page.execute_script("return karte.labelBoxes()")
    assert len(boxes) >= (10 if ratio == 1.0 else 2)
    assert boxes_overlap(boxes) == []
