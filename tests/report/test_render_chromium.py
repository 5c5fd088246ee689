"""report.html opens in a real browser (headless Chromium) and prints to A4.

What is checked, and why this is an honest check without putting a script in the report:

1. ``--print-to-pdf``: the PDF has more than one page, every page is A4
   (595 × 842 pt), and it embeds one raster image per ``<img>`` of the report, each at
   the pixel size of its PNG. Chromium only embeds an image it has loaded and decoded;
   a broken image would print as its alt text (or a tiny icon), not as a 1420-pixel-wide
   picture.
2. ``--screenshot`` of the first page (1240 × 1754, A4 at 150 dpi): not blank.

Without Chromium the test is skipped (with the reason), unless CI or
NETZWERK_REQUIRE_NEO4J is set, which means the full tool chain must be there:
``tools/ensure-chromium.sh`` installs Debian's package.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from .conftest import read_text

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--disable-dev-shm-usage",  # containers often have a tiny /dev/shm
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI") or os.environ.get("NETZWERK_REQUIRE_NEO4J"):
        pytest.fail(
            "chromium fehlt, CI/NETZWERK_REQUIRE_NEO4J verlangt ihn — "
            "tools/ensure-chromium.sh installiert ihn"
        )
    pytest.skip(
        "chromium ist nicht installiert (apt-get install chromium); "
        "die Darstellung im Browser wird nicht geprüft"
    )


def run_chromium(binary: str, profile: Path, *args: str) -> None:
    completed = subprocess.run(
        [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def rendered(written, tmp_path_factory) -> dict:
    binary = chromium()
    folder = written["de"]["folder"]
    work = tmp_path_factory.mktemp("chromium")
    url = (folder / "report.html").resolve().as_uri()
    pdf, screenshot = work / "report.pdf", work / "page1.png"
    run_chromium(
        binary, work / "profile-pdf", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url
    )
    run_chromium(
        binary, work / "profile-png", f"--screenshot={screenshot}", "--window-size=1240,1754", url
    )
    return {"pdf": pdf.read_bytes(), "png": screenshot, "folder": folder}


def test_pdf_has_several_a4_pages(rendered):
    pdf = rendered["pdf"]
    assert pdf.startswith(b"%PDF")
    pages = re.findall(rb"/Type\s*/Page\b", pdf)
    assert len(pages) > 1
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) >= len(pages)
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 1.5 and abs(float(height) - 841.9) < 1.5


def test_every_figure_was_loaded_and_printed(rendered):
    html = read_text(rendered["folder"], "report.html")
    sources = re.findall(r'<img src="data:image/png;base64,([^"]+)"', html)
    assert sources
    expected = sorted(png_size(base64.b64decode(s)) for s in sources)
    printed = []
    pdf = rendered["pdf"]
    for match in re.finditer(rb"/Subtype\s*/Image\b", pdf):
        dictionary = pdf[pdf.rfind(b"<<", 0, match.start()) : pdf.find(b">>", match.end())]
        width = re.search(rb"/Width\s+(\d+)", dictionary)
        height = re.search(rb"/Height\s+(\d+)", dictionary)
        if width and height:
            printed.append((int(width.group(1)), int(height.group(1))))
    for size in expected:
        assert size in printed, (size, printed)


def test_first_page_is_not_blank(rendered):
    from PIL import Image

    with Image.open(rendered["png"]) as image:
        assert image.size == (1240, 1754)
        grey = image.convert("L")
        histogram = grey.histogram()
    dark = sum(histogram[:128])
    assert dark > 5000  # headings, text and table lines
    assert histogram[255] > 0.5 * sum(histogram)  # mostly white paper, not a black screen
