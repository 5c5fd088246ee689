"""The interactive map in a real browser: Debian's chromium driven by Selenium through
Debian's chromedriver (no browser or driver download: both paths are given, so Selenium
Manager is never asked), and a small hand-made payload whose visible counts are known by
construction.

Without chromium or chromedriver the browser tests are skipped (with the reason), unless CI
or NETZWERK_REQUIRE_NEO4J is set, which means the full tool chain must be there:
``tools/ensure-chromium.sh`` installs both Debian packages.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import time
from pathlib import Path

import pytest

from netzwerk.present.texts import TEXTS
from netzwerk.report.karte.page import render_page

CHROMIUM_ARGUMENTS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
    "--use-angle=swiftshader",  # software WebGL: no GPU in CI
    "--enable-unsafe-swiftshader",  # Chromium ≥ 137 needs it to offer WebGL on SwiftShader
    "--disable-gpu-compositing",  # compose the page on the CPU (cheaper than software GL)
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1400,900",
]
"""Flags of the browser under test (also used by benchmarks/bench_karte_browser.py)."""


def _unavailable(what: str, install: str) -> None:
    """Skip (with the reason), or fail when CI/NETZWERK_REQUIRE_NEO4J needs the tool chain."""
    if os.environ.get("CI") or os.environ.get("NETZWERK_REQUIRE_NEO4J"):
        pytest.fail(f"{what} fehlt, CI/NETZWERK_REQUIRE_NEO4J verlangt es — {install}")
    pytest.skip(f"{what} fehlt ({install}); die interaktive Karte wird nicht im Browser geprüft")


def _tool(names: tuple[str, ...], package: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    _unavailable(names[0], f"apt-get install {package} oder tools/ensure-chromium.sh")
    raise AssertionError("unreachable")


def start_browser():
    """A headless Chromium under Selenium, both from the system's packages."""
    binary = _tool(("chromium", "chromium-browser"), "chromium")
    driver_path = _tool(("chromedriver",), "chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium", "pip install -e '.[test]'")
        raise
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in CHROMIUM_ARGUMENTS:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console, for the tests
    # Both paths given: Selenium Manager is skipped, nothing is downloaded.
    return webdriver.Chrome(options=options, service=Service(executable_path=driver_path))


@pytest.fixture(scope="session")
def browser():
    driver = start_browser()
    yield driver
    driver.quit()


def open_map(driver, path: Path, timeout: float = 30.0) -> None:
    """Load the page and wait until its first frame is drawn (window.karte.firstFrameMs)."""
    driver.get("about:blank")
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = driver.execute_script(
            "return window.karte ? [window.karte.ready, window.karte.firstFrameMs,"
            " window.karte.error || null] : null"
        )
        if state and state[2]:
            pytest.fail(f"die Karte konnte nicht zeichnen: {state[2]}")
        if state and state[0] and state[1] is not None:
            return
        time.sleep(0.05)
    pytest.fail(f"die Karte hat nach {timeout} s noch kein Bild gezeichnet")


def settle(driver) -> None:
    """Wait until sigma has rendered what the last action asked for (two animation frames)."""
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));"
    )


def wait_camera(driver, ms: int = 700) -> None:
    """Wait for a camera animation (search focus: 500 ms) to end, then for a render."""
    driver.execute_async_script(
        f"const done = arguments[arguments.length - 1]; setTimeout(() => done(true), {ms});"
    )
    settle(driver)


class Shots:
    """Numbered screenshots of the test's steps in one folder (look at them)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def take(self, driver, name: str) -> Path:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        driver.save_screenshot(str(path))
        return path


def png_pixels(data: bytes):
    """The screenshot as a PIL RGB image."""
    from PIL import Image

    return Image.open(io.BytesIO(data)).convert("RGB")


def data_url_pixels(url: str):
    assert url.startswith("data:image/png;base64,")
    return png_pixels(base64.b64decode(url.split(",", 1)[1]))


def boxes_overlap(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of label boxes that overlap (open rectangles; touching is fine), and actors
    named twice (as a pair of the same label)."""
    named = [b["i"] for b in boxes]
    found = [(b["label"], b["label"]) for k, b in enumerate(boxes) if b["i"] in named[:k]]
    for k, a in enumerate(boxes):
        for b in boxes[k + 1 :]:
            if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]:
                found.append((a["label"], b["label"]))
    return found


# ---- a hand-made payload (PAYLOAD.md), small enough to check every number by hand ----------

LABELS = [
    "Quartiersbüro Mitte",
    "Caritas Süd",
    "Grundschule Nord",
    "Jugendclub Ost",
    "Bäckerei Kühn",
    "Müller-Stiftung",
    "Person 7F3A",
    "Sportverein Blau-Weiß",
    "Kita Sonnenschein",
    "Nachbarschaftshilfe",
]
SECTOR = [0, 1, 2, 1, 3, 1, -1, 4, 2, 1]
"""0 Verwaltung, 1 Soziales, 2 Bildung, 3 Wirtschaft, 4 Sport; -1 unknown."""
NODE_YEARS = [0b111, 0b010, 0b111, 0b111, 0b111, 0b110, 0b111, 0b111, 0b111, 0b100]
"""Years 2020, 2021, 2022 (the view's own day, `current` = 2): Caritas only in 2021."""
FLAGS = [1 | 2 | 4, 0, 1, 0, 0, 0, 8 | 16, 16, 0, 8]
TIES = [
    # source, target, kinds bitmask (1 Kooperation, 2 Mitgliedschaft), years bitmask
    (0, 2, 1, 0b111),
    (0, 3, 1, 0b111),
    (0, 4, 2, 0b111),
    (0, 6, 1, 0b111),
    (0, 7, 1, 0b111),
    (0, 1, 1, 0b010),
    (1, 3, 1, 0b010),
    (1, 5, 2, 0b010),
    (2, 8, 1, 0b111),
    (3, 5, 2, 0b110),
    (4, 8, 1, 0b111),
    (5, 9, 1, 0b100),
    (6, 7, 1, 0b111),
]
POSITIONS = [
    (0.0, 0.0),
    (-0.7, 0.6),
    (0.6, 0.5),
    (-0.5, -0.2),
    (0.7, -0.4),
    (-0.9, -0.6),
    (0.2, 0.9),
    (0.4, -0.9),
    (0.95, 0.1),
    (-0.95, 0.95),
]
BETWEENNESS = [0.8, 0.0, 0.25, 0.1, 0.05, 0.12, 0.0, 0.02, 0.0, 0.0]


def map_texts(lang: str) -> dict[str, str]:
    """The page's texts exactly as the Python side hands them over (``karte.*`` keys)."""
    return {
        key.removeprefix("karte."): words[lang == "en"]
        for key, words in TEXTS.items()
        if key.startswith("karte.")
    }


def small_payload(lang: str = "de") -> dict:
    """Ten actors, thirteen ties over three years; every figure chosen by hand."""
    english = lang == "en"
    decimal = "." if english else ","
    yes, no = ("yes", "no") if english else ("ja", "nein")
    facts = [
        [
            ["Betweenness", f"{b:.4f}".replace(".", decimal)],
            ["Constraint", f"{0.1 + i / 20:.3f}".replace(".", decimal)],
            ["Cut-point" if english else "Nadelöhr", yes if FLAGS[i] & 2 else no],
        ]
        for i, b in enumerate(BETWEENNESS)
    ]
    sectors = ["Administration", "Social", "Education", "Economy", "Sport"]
    if not english:
        sectors = ["Verwaltung", "Soziales", "Bildung", "Wirtschaft", "Sport"]
    colours = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#CC79A7"]
    return {
        "version": 1,
        "lang": lang,
        "texts": map_texts(lang),
        "meta": {
            "title": "Network map" if english else "Netzwerkkarte",
            "view_line": "As of 31 Dec 2022" if english else "Stand 31.12.2022",
            "figures_day": "31 Dec 2022" if english else "31.12.2022",
            "privacy": "This file may contain personal data."
            if english
            else "Diese Datei kann personenbezogene Daten enthalten.",
            "names_shown": False,
            "years": [
                {"label": "2020", "day": "31.12.2020"},
                {"label": "2021", "day": "31.12.2021"},
                {"label": "2022", "day": "31.12.2022"},
            ],
            "current": 2,
        },
        "groups": {
            "sector": [{"label": s, "color": c} for s, c in zip(sectors, colours, strict=True)],
            "community": [{"label": "1", "color": "#0072B2"}, {"label": "2", "color": "#D55E00"}],
            "type": [{"label": "Verein"}, {"label": "Person"}],
            "kind": [{"label": "Kooperation"}, {"label": "Mitgliedschaft"}],
            "topic": [{"label": "Bildung"}, {"label": "Nachbarschaft"}],
            "project": [{"label": "Stadtteilfest"}],
        },
        "nodes": {
            "id": [f"a{i}" for i in range(len(LABELS))],
            "label": LABELS,
            "x": [x for x, _ in POSITIONS],
            "y": [y for _, y in POSITIONS],
            "size": BETWEENNESS,
            "sector": SECTOR,
            "community": [0, 1, 0, 1, 0, 1, 0, 0, 0, 1],
            "type": [0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
            "topics": [[0, 1], [1], [0], [], [], [1], [], [], [0], [1]],
            "projects": [[0], [], [0], [], [], [], [], [], [], []],
            "degree": [sum(i in (s, t) for s, t, _, _ in TIES) for i in range(len(LABELS))],
            "betweenness": BETWEENNESS,
            "facts": facts,
            "role": ["Brückenbauer" if f & 1 else "" for f in FLAGS],
            "flags": FLAGS,
            "years": NODE_YEARS,
            "introductions": [[] for _ in LABELS[:4]]
            + [[[7, 0, "gemeinsame Themen: Sport"]]]
            + [[] for _ in LABELS[5:]],
        },
        "edges": {
            "source": [s for s, _, _, _ in TIES],
            "target": [t for _, t, _, _ in TIES],
            "kinds": [k for _, _, k, _ in TIES],
            "years": [y for _, _, _, y in TIES],
            "weight": [1.0 for _ in TIES],
            "dates": ["Kooperation seit 01.01.2019" if k == 1 else "" for _, _, k, _ in TIES],
        },
        "questions": {
            "brokers": [i for i, f in enumerate(FLAGS) if f & 1],
            "cut_points": [i for i, f in enumerate(FLAGS) if f & 2],
            "unreached": [i for i, f in enumerate(FLAGS) if f & 8],
            "coordinators": [0],
            "cut_off": [6, 7],
            "without_coordinator": ["Ohne den Koordinator: 2 Akteure abgeschnitten"],
        },
    }


@pytest.fixture(scope="session")
def small_pages(tmp_path_factory) -> dict[str, Path]:
    """The hand-made payload written as karte.html, German and English."""
    folder = tmp_path_factory.mktemp("karte-klein")
    pages = {}
    for lang in ("de", "en"):
        path = folder / f"karte-{lang}.html"
        path.write_text(render_page(small_payload(lang)), encoding="utf-8")
        pages[lang] = path
    return pages


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Shots:
    """The folder the browser tests write their screenshots to."""
    return Shots(tmp_path_factory.mktemp("karte-bilder"))
