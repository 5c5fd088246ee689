"""karte.html as text: one self-contained document whose policy admits exactly its own
scripts, whose payload survives hostile labels, and whose renderer is the pinned build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from netzwerk.report.karte import page
from netzwerk.report.karte.page import (
    OPTIONAL_TEXT_KEYS,
    RENDERER_PACKAGES,
    TEXT_KEYS,
    render_page,
    script_hash,
)

from .conftest import map_texts, small_payload

REPOSITORY = Path(__file__).resolve().parents[3]
SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def test_policy_admits_exactly_the_inline_scripts():
    html = render_page(small_payload())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy
    hashes = re.findall(r"sha256-[A-Za-z0-9+/=]+", policy.group(1))
    scripts = SCRIPT.findall(html)
    assert len(scripts) == 1 + len(page.APP_SCRIPTS)
    assert sorted(hashes) == sorted(script_hash(s).strip("'") for s in scripts)
    for directive in ("default-src &#x27;none&#x27;", "img-src data: blob:", "base-uri"):
        assert directive in policy.group(1)
    assert "unsafe-eval" not in policy.group(1)


def test_hostile_label_stays_inside_the_data_element():
    payload = small_payload()
    payload["nodes"]["label"][0] = "</script><script>alert(1)</script><!-- & >"
    html = render_page(payload)
    data = re.search(r'<script id="karte-daten" type="application/json">(.*?)</script>', html)
    assert data
    assert json.loads(data.group(1)) == payload
    assert "<script>alert(1)" not in html


def test_page_has_language_title_and_privacy_notice_on_its_face():
    html = render_page(small_payload("en"))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<p class="datenschutz" id="datenschutz" role="note">This file may contain' in html
    assert "<title>Network map</title>" in html


def test_payload_without_a_text_the_page_needs_is_refused():
    payload = small_payload()
    del payload["texts"]["search"]
    with pytest.raises(ValueError, match="search"):
        render_page(payload)


def test_payload_of_another_version_is_refused():
    payload = small_payload()
    payload["version"] = 2
    with pytest.raises(ValueError, match="version"):
        render_page(payload)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_python_side_texts_hold_every_key_the_page_needs(lang):
    assert set(TEXT_KEYS) <= set(map_texts(lang))


def test_text_keys_the_scripts_name_directly_are_declared():
    used: set[str] = set()
    for name in page.APP_SCRIPTS:
        source = (page.ASSETS / name).read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\(\s*"([a-z_0-9]+)"', source))
        used |= set(re.findall(r'(?:app\.text|optionalText)\(\s*[\w.]+,\s*"([a-z_0-9]+)"', source))
        used |= set(re.findall(r'\["\w+",\s*"((?:show|colour|size|ego)_[a-z_0-9]+)"\]', source))
    assert used, "no text keys found: the pattern no longer matches the scripts"
    assert used <= set(TEXT_KEYS) | set(OPTIONAL_TEXT_KEYS), used - set(TEXT_KEYS)


def test_renderer_versions_are_the_lockfiles():
    lock = json.loads((REPOSITORY / "tools/karte-js/package-lock.json").read_text())
    for name, version in RENDERER_PACKAGES.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    manifest = json.loads((REPOSITORY / "tools/karte-js/package.json").read_text())
    assert manifest["dependencies"] == {"graphology": "0.26.0", "sigma": "3.0.3"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["devDependencies"]["esbuild"])


def test_every_bundled_package_ships_its_licence_in_the_page():
    licences = sorted(p.name for p in page.LICENSES.iterdir())
    for name in RENDERER_PACKAGES:
        assert any(licence.startswith(f"{name}-LICEN") for licence in licences), name
    html = render_page(small_payload())
    comment = html[html.rindex("<!--") :]
    assert "Permission is hereby granted" in comment and "Alexis Jacomy" in comment
    assert comment.count("--") == 2  # "<!--" and "-->" only: the comment cannot end early


def test_page_is_one_file_without_external_references():
    html = render_page(small_payload())
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"<(?:link|iframe|object|embed|base)\b", html, re.IGNORECASE)
    for name in page.APP_SCRIPTS:  # the hand-written scripts name no address at all
        assert not re.search(r"https?:", (page.ASSETS / name).read_text(encoding="utf-8"))
