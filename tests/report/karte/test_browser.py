"""The map's page mechanics in real headless Chromium, on the hand-made payload of
conftest.py: every expected count below follows from its tables, not from the page."""

from __future__ import annotations

import re

import pytest

from .conftest import (
    FLAGS,
    LABELS,
    NODE_YEARS,
    SECTOR,
    TIES,
    boxes_overlap,
    data_url_pixels,
    open_map,
    png_pixels,
    settle,
    small_payload,
    wait_camera,
)

CURRENT = 2


def visible_nodes(year: int, hidden_sector: int | None = None, without_coordinator=False):
    return [
        i
        for i in range(len(LABELS))
        if NODE_YEARS[i] >> year & 1
        and SECTOR[i] != hidden_sector
        and not (without_coordinator and FLAGS[i] & 4)
    ]


def visible_ties(year: int) -> list[int]:
    nodes = set(visible_nodes(year))
    return [j for j, (s, t, _, y) in enumerate(TIES) if y >> year & 1 and {s, t} <= nodes]


@pytest.fixture
def page(browser, small_pages):
    open_map(browser, small_pages["de"])
    return browser


def test_canvas_is_drawn_not_blank(page, shots):
    from selenium.webdriver.common.by import By

    shot = shots.take(page, "gezeichnet")
    assert shot.stat().st_size > 0
    image = png_pixels(page.find_element(By.ID, "karte").screenshot_as_png)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None
    white = sum(count for count, rgb in colours if min(rgb) > 245)
    total = image.width * image.height
    assert total - white > 2000  # nodes, ties and labels
    # the sector colours of the hand-made payload are drawn (WebGL works, not only labels)
    assert any(abs(r - 0xE6) < 12 and abs(g - 0x9F) < 12 and b < 40 for _, (r, g, b) in colours)


def test_counter_shows_the_view_years_actors(page):
    from selenium.webdriver.common.by import By

    expected = len(visible_nodes(CURRENT))
    assert page.execute_script("return karte.visibleCount()") == expected
    assert page.find_element(By.ID, "sichtbar").text == f"{expected} Akteure sichtbar"
    assert page.execute_script("return karte.visibleEdges()") == visible_ties(CURRENT)


@pytest.mark.parametrize("ratio", [1.0, 0.35, 0.1, 2.5])
def test_no_label_boxes_overlap_at_any_zoom(page, shots, ratio):
    page.execute_script(
        "karte.view.sigma.getCamera().setState({x: 0.5, y: 0.5, ratio: arguments[0], angle: 0})",
        ratio,
    )
    settle(page)
    boxes = page.execute_script("return karte.labelBoxes()")
    shots.take(page, f"zoom-{ratio}")
    assert boxes_overlap(boxes) == []
    assert boxes  # some labels are shown at every zoom
    if ratio == 1.0:
        # the whole map at rest: the most important actor is labelled
        assert "Quartiersbüro Mitte" in [box["label"] for box in boxes]


def test_search_enter_opens_the_panel_with_the_actors_facts(page, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = page.find_element(By.ID, "suche")
    box.send_keys("backerei ku")  # no umlauts typed, lower case, part of the name
    suggestions = page.find_elements(By.CSS_SELECTOR, "#vorschlaege li")
    assert [s.text for s in suggestions] == ["Bäckerei Kühn"]
    shots.take(page, "suche-vorschlag")
    box.send_keys(Keys.ENTER)
    wait_camera(page)
    shots.take(page, "suche-panel")
    assert not page.find_element(By.ID, "vorschlaege").is_displayed()  # no "Kein Treffer"
    assert page.find_element(By.ID, "panel").is_displayed()
    assert page.find_element(By.ID, "panel-titel").text == "Bäckerei Kühn"
    facts = page.find_element(By.ID, "kennzahlen").text.split("\n")
    expected = small_payload()["nodes"]["facts"][4]
    assert facts == [part for fact in expected for part in fact]
    ties = page.find_elements(By.CSS_SELECTOR, "#panel-beziehungen button")
    assert sorted(t.text for t in ties) == ["Kita Sonnenschein", "Quartiersbüro Mitte"]
    introductions = page.find_element(By.ID, "panel-vorstellungen").text
    assert "Sportverein Blau-Weiß" in introductions and "über Quartiersbüro Mitte" in introductions
    assert page.execute_script("return karte.selected()") == 4
    boxes = page.execute_script("return karte.labelBoxes()")
    assert 4 in [box["i"] for box in boxes]
    assert boxes_overlap(boxes) == []  # also: the selected actor is named once


def test_escape_closes_the_panel_and_focus_returns_to_search(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = page.find_element(By.ID, "suche")
    box.send_keys("kita", Keys.ENTER)
    assert page.switch_to.active_element.get_attribute("id") == "panel-titel"
    page.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not page.find_element(By.ID, "panel").is_displayed()
    assert page.switch_to.active_element.get_attribute("id") == "suche"


def test_tab_reaches_search_first(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first = page.switch_to.active_element.get_attribute("id")
    assert first in ("drucken", "suche")  # the print button sits in the top bar
    if first == "drucken":
        page.switch_to.active_element.send_keys(Keys.TAB)
    assert page.switch_to.active_element.get_attribute("id") == "suche"


def test_sector_filter_drops_the_count_to_the_expected_number(page, shots):
    from selenium.webdriver.common.by import By

    page.find_element(By.CSS_SELECTOR, "#filter-sector summary").click()
    social = page.find_element(By.CSS_SELECTOR, '#filter-sector input[value="1"]')
    social.click()  # "Soziales" off
    settle(page)
    shots.take(page, "filter-ohne-soziales")
    expected = len(visible_nodes(CURRENT, hidden_sector=1))
    assert expected < len(visible_nodes(CURRENT))
    assert page.execute_script("return karte.visibleCount()") == expected
    assert page.find_element(By.ID, "sichtbar").text.startswith(f"{expected} ")
    social.click()
    assert page.execute_script("return karte.visibleCount()") == len(visible_nodes(CURRENT))


def test_time_slider_shows_each_years_network_from_the_bitmasks(page, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    slider = page.find_element(By.ID, "jahr")
    caritas_ties = [j for j, tie in enumerate(TIES) if 1 in tie[:2]]
    for year, key in ((1, Keys.ARROW_LEFT), (0, Keys.ARROW_LEFT), (1, Keys.ARROW_RIGHT)):
        slider.send_keys(key)
        settle(page)
        shots.take(page, f"jahr-{year}")
        assert page.execute_script("return karte.year()") == year
        assert page.execute_script("return karte.visibleNodes()") == visible_nodes(year)
        assert page.execute_script("return karte.visibleEdges()") == visible_ties(year)
        shown = set(page.execute_script("return karte.visibleEdges()"))
        assert (year == 1) == bool(shown & set(caritas_ties))
    slider.send_keys(Keys.ARROW_RIGHT)
    assert page.execute_script("return karte.visibleEdges()") == visible_ties(CURRENT)
    assert page.find_element(By.ID, "jahr-anzeige").text.startswith("2022")


def test_without_qm_hides_the_coordinator_and_marks_exactly_the_cut_off(page, shots):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "frage-without_coordinator").click()
    wait_camera(page, 500)
    shots.take(page, "ohne-qm")
    cut_off = small_payload()["questions"]["cut_off"]
    assert page.execute_script("return karte.marked()") == cut_off
    assert page.execute_script("return karte.visibleCount()") == len(
        visible_nodes(CURRENT, without_coordinator=True)
    )
    note = page.find_element(By.ID, "fragen-hinweis").text
    assert "Ohne den Koordinator: 2 Akteure abgeschnitten" in note
    assert note.startswith(f"{len(cut_off)} Akteure")
    boxes = page.execute_script("return karte.labelBoxes()")
    assert set(cut_off) <= {box["i"] for box in boxes}  # marked actors are named first
    assert boxes_overlap(boxes) == []
    page.find_element(By.ID, "alles-zeigen").click()
    assert page.execute_script("return karte.marked()") == []
    assert page.execute_script("return karte.visibleCount()") == len(visible_nodes(CURRENT))


def test_ego_view_fades_everyone_further_than_one_step(page, shots):
    page.execute_script("karte.select(4); karte.setEgo(1)")
    settle(page)
    shots.take(page, "ego-1")
    near = {4} | {t if s == 4 else s for s, t, _, y in TIES if 4 in (s, t) and y >> CURRENT & 1}
    assert page.execute_script("return karte.faded()") == sorted(set(visible_nodes(CURRENT)) - near)


def test_print_snapshot_holds_the_drawn_map(page, shots):
    url = page.execute_script("return karte.snapshot()")
    image = data_url_pixels(url)
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20
    page.execute_script("document.getElementById('druckbild').src = arguments[0]", url)
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = page.execute_script(
            "return [getComputedStyle(document.getElementById('druckbild')).display,"
            " getComputedStyle(document.getElementById('steuerung')).display]"
        )
        shots.take(page, "druckansicht")
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == ["block", "none"]


def test_content_security_policy_blocks_every_request(page, small_pages):
    result = page.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const violations = [];
        document.addEventListener('securitypolicyviolation', e => violations.push(e.violatedDirective));
        const img = new Image();
        img.src = 'https://example.org/pixel.png';
        fetch('https://example.org/').then(() => 'geladen', e => 'blockiert')
          .then(outcome => setTimeout(() => done([outcome, violations]), 200));
        """
    )
    outcome, violations = result
    assert outcome == "blockiert"
    assert "connect-src" in violations and "img-src" in violations
    html = small_pages["de"].read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy and policy.group(1).startswith("default-src &#x27;none&#x27;")
    references = page.execute_script(
        "return Array.from(document.querySelectorAll('[src],[href]'))"
        ".map(e => e.getAttribute('src') || e.getAttribute('href'))"
    )
    assert all(ref == "" or ref.startswith("data:") for ref in references), references
    assert not re.search(r"<(?:link|iframe|object|embed)\b", html)


def test_english_payload_gives_english_page(browser, small_pages, shots):
    from selenium.webdriver.common.by import By

    open_map(browser, small_pages["en"])
    shots.take(browser, "englisch")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=suche]").text == "Search actor"
    expected = len(visible_nodes(CURRENT))
    assert browser.find_element(By.ID, "sichtbar").text == f"{expected} actors visible"
    assert browser.find_element(By.ID, "frage-without_coordinator").text == "Without the QM"
    assert browser.find_element(By.ID, "datenschutz").text == "This file may contain personal data."


def test_tie_kind_filter_hides_ties_of_that_kind_only(page):
    from selenium.webdriver.common.by import By

    page.find_element(By.CSS_SELECTOR, "#filter-kind summary").click()
    page.find_element(By.CSS_SELECTOR, '#filter-kind input[value="1"]').click()  # Mitgliedschaft
    expected = [j for j in visible_ties(CURRENT) if TIES[j][2] & 1]  # ties with Kooperation
    assert expected != visible_ties(CURRENT)
    assert page.execute_script("return karte.visibleEdges()") == expected
    assert page.execute_script("return karte.visibleCount()") == len(visible_nodes(CURRENT))


def test_colour_by_community_and_size_by_degree(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    payload = small_payload()
    Select(page.find_element(By.ID, "farbe")).select_by_value("community")
    colours = page.execute_script(
        "const g = karte.view.sigma.getGraph(); return g.nodes().map(k => g.getNodeAttribute(k, 'color'))"
    )
    communities = payload["groups"]["community"]
    assert colours == [communities[c]["color"] for c in payload["nodes"]["community"]]
    legend = page.find_element(By.ID, "legende").text.split("\n")
    assert legend == [c["label"] for c in communities]
    Select(page.find_element(By.ID, "groesse")).select_by_value("degree")
    sizes = page.execute_script(
        "const g = karte.view.sigma.getGraph(); return g.nodes().map(k => g.getNodeAttribute(k, 'size'))"
    )
    degree = payload["nodes"]["degree"]
    assert sizes.index(max(sizes)) == degree.index(max(degree))
    pairs = [
        (i, j) for i in range(len(degree)) for j in range(len(degree)) if degree[i] < degree[j]
    ]
    assert pairs and all(sizes[i] < sizes[j] for i, j in pairs)


def test_clicking_an_actor_on_the_map_opens_its_panel(page, shots):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    x, y = page.execute_script(
        "const s = karte.view.sigma; const d = s.getNodeDisplayData('2');"
        "const p = s.framedGraphToViewport(d); return [p.x, p.y];"
    )
    area = page.find_element(By.ID, "karte")
    size = area.size  # move_to_element_with_offset counts from the element's centre
    ActionChains(page).move_to_element_with_offset(
        area, round(x - size["width"] / 2), round(y - size["height"] / 2)
    ).click().perform()
    wait_camera(page)
    shots.take(page, "klick-auf-akteur")
    assert page.execute_script("return karte.selected()") == 2
    assert page.find_element(By.ID, "panel-titel").text == LABELS[2]


def test_a_lone_actor_without_ties_years_or_groups_still_opens(browser, tmp_path):
    from selenium.webdriver.common.by import By

    from netzwerk.report.karte.page import render_page

    payload = small_payload()
    payload["meta"]["years"] = [{"label": "alle Zeiträume", "day": ""}]
    payload["meta"]["current"] = 0
    payload["groups"] = {name: [] for name in payload["groups"]}
    payload["nodes"] = {
        name: column[:1] if isinstance(column, list) else column
        for name, column in payload["nodes"].items()
    }
    payload["nodes"].update(sector=[-1], community=[-1], type=[-1], topics=[[]], projects=[[]])
    payload["nodes"].update(years=[1], introductions=[[]])
    payload["edges"] = {name: [] for name in payload["edges"]}
    payload["questions"] = {name: [] for name in payload["questions"]}
    path = tmp_path / "karte.html"
    path.write_text(render_page(payload), encoding="utf-8")
    open_map(browser, path)
    assert browser.execute_script("return karte.visibleCount()") == 1
    assert browser.find_element(By.ID, "jahr-anzeige").text == "alle Zeiträume"
    assert [b["label"] for b in browser.execute_script("return karte.labelBoxes()")] == [LABELS[0]]


def test_using_every_control_logs_no_error(browser, small_pages):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_map(browser, small_pages["de"])
    browser.get_log("browser")  # start from an empty console
    browser.find_element(By.ID, "suche").send_keys("kita", Keys.ENTER)
    browser.find_element(By.ID, "ego-2").click()
    for question in ("brokers", "cut_points", "unreached", "without_coordinator"):
        browser.find_element(By.ID, f"frage-{question}").click()
    browser.find_element(By.ID, "jahr").send_keys(Keys.HOME)
    for name in ("sector", "type", "topic", "project", "kind"):
        browser.find_element(By.CSS_SELECTOR, f"#filter-{name} summary").click()
        browser.find_element(By.CSS_SELECTOR, f"#filter-{name} .alle-keine button + button").click()
    browser.find_element(By.ID, "alles-zeigen").click()
    browser.execute_script("karte.snapshot(); karte.setColourBy('community'); karte.close()")
    wait_camera(browser)
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    assert browser.execute_script("return karte.visibleCount()") == len(visible_nodes(CURRENT))
