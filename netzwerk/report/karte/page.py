"""The interactive map as one self-contained HTML page (``karte.html``).

:func:`render_page` turns a map payload (see ``PAYLOAD.md`` next to this file; built by
``data.map_payload``) into one HTML document that opens from disk with no network: the
vendored renderer (sigma 3 + graphology, built by ``tools/karte-js/build.sh``), the
hand-written app scripts and the stylesheet are inlined, the payload sits in a
``<script type="application/json">`` element, and a Content-Security-Policy allows nothing
external (no request leaves the page; scripts run only when their SHA-256 hash matches).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

PAYLOAD_VERSION = 1
"""The payload version this page reads (PAYLOAD.md)."""

ASSETS = Path(__file__).resolve().parent / "assets"
RENDERER = "sigma-graphology.min.js"
APP_SCRIPTS = ("karte-daten.js", "karte-ansicht.js", "karte-panel.js", "karte.js")
"""The app's scripts, inlined in this order after the renderer (each builds on the last)."""
STYLESHEET = "karte.css"
LICENSES = ASSETS / "licenses"

RENDERER_PACKAGES = {
    "sigma": "3.0.3",
    "graphology": "0.26.0",
    "graphology-utils": "2.5.2",
    "events": "3.3.0",
}
"""The npm packages inside the renderer bundle, at the versions tools/karte-js pins."""

TEXT_KEYS = (
    *("search", "search_hint", "colour_by", "colour_sector", "colour_community"),
    *("size_by", "size_betweenness", "size_degree", "year", "filters", "filter_sector"),
    *("filter_type", "filter_kind", "filter_topic", "filter_project", "all", "none"),
    *("unknown", "visible", "questions", "show_brokers", "show_cut_points", "show_unreached"),
    *("without_coordinator", "cut_off_marked", "reset", "print", "panel_close", "type"),
    *("sector", "topics", "role", "figures_day", "ties", "introductions", "introducer"),
    *("ego", "ego_1", "ego_2", "ego_off"),
)
"""Every key of ``payload["texts"]`` the page needs (PAYLOAD.md lists them with examples)."""
OPTIONAL_TEXT_KEYS = (
    *("projects", "no_match", "visible_ties", "marked", "hidden_note", "webgl_missing"),
    *("needs_javascript", "map_label", "controls_label", "without_funding"),
    "funding_cut_off_marked",
)
"""Keys the page uses when present and leaves their element out (or falls back) without."""

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@cache
def asset(name: str) -> str:
    """The text of one file in ``assets/`` (read once per process)."""
    return (ASSETS / name).read_text(encoding="utf-8")


def payload_json(payload: Mapping[str, Any]) -> str:
    """The payload as compact JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (the same
    characters to ``JSON.parse``), so no label can close the element or open a comment.

    >>> payload_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script: ``'sha256-…'``.

    The hash is over the UTF-8 bytes between ``<script>`` and ``</script>``
    (W3C Content Security Policy Level 3, §8.4 "Does a source list allow all inline
    behavior"/hash-source).

    >>> script_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str]) -> str:
    """The page's policy: nothing external; these scripts only; inline styles; data images.

    ``default-src 'none'`` covers fetch/XHR/WebSocket (connect-src), fonts, frames, media
    and workers; ``img-src data: blob:`` lets print put the map's snapshot into an
    ``<img>``. WebGL and ``<canvas>`` need no directive.
    """
    hashes = " ".join(script_hash(source) for source in scripts)
    return (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; "
        "img-src data: blob:; "
        "base-uri 'none'; form-action 'none'"
    )


def _inline_safe(name: str, source: str) -> str:
    lowered = source.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError(f"{name}: enthält </script oder <!-- und kann nicht eingebettet werden")
    return source


def missing_texts(payload: Mapping[str, Any]) -> list[str]:
    """The keys of :data:`TEXT_KEYS` that ``payload["texts"]`` lacks (empty: complete)."""
    texts = payload.get("texts", {})
    return [key for key in TEXT_KEYS if key not in texts]


def _check(payload: Mapping[str, Any]) -> None:
    if payload.get("version") != PAYLOAD_VERSION:
        raise ValueError(
            f"map payload version {payload.get('version')!r}, page reads {PAYLOAD_VERSION}"
        )
    missing = missing_texts(payload)
    if missing:
        raise ValueError(f"map payload texts lack the keys {', '.join(missing)} (PAYLOAD.md)")
    if len(payload["meta"]["years"]) > 31:
        raise ValueError("map payload has more than 31 years (bitmasks are 32-bit in JavaScript)")


def license_comment() -> str:
    """An HTML comment with the licence texts of every package inside the renderer bundle."""
    parts = [
        "The map's renderer bundles these npm packages (MIT licence): "
        + ", ".join(f"{name} {version}" for name, version in RENDERER_PACKAGES.items())
    ]
    for path in sorted(LICENSES.iterdir()):
        text = path.read_text(encoding="utf-8")
        while "--" in text:  # "--" may not appear inside an HTML comment
            text = text.replace("--", "- -")
        parts.append(f"=== {path.name} ===\n{text.strip()}")
    return "<!--\n" + "\n\n".join(parts) + "\n-->"


def _head(payload: Mapping[str, Any], policy: str) -> str:
    title = html.escape(payload["meta"]["title"])
    return (
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f"<style>\n{_inline_safe(STYLESHEET, asset(STYLESHEET))}</style>\n"
        "</head>\n"
    )


def _body(payload: Mapping[str, Any]) -> str:
    meta, texts = payload["meta"], payload["texts"]

    def text(value: str) -> str:
        return html.escape(value, quote=True)

    controls = texts.get("controls_label", texts["filters"])
    map_label = texts.get("map_label", meta["title"])
    noscript = texts.get("needs_javascript", "")
    return (
        '<header class="kopf">\n'
        f"<h1>{text(meta['title'])}</h1>\n"
        f'<span class="ansicht">{text(meta["view_line"])}</span>\n'
        f'<p class="datenschutz" id="datenschutz" role="note">{text(meta["privacy"])}</p>\n'
        '<div id="kopf-aktionen"><span class="zaehler" id="sichtbar" aria-live="polite"></span>'
        '<span class="ansicht" id="sichtbar-beziehungen"></span></div>\n'
        "</header>\n"
        '<div class="arbeitsflaeche">\n'
        f'<nav id="steuerung" aria-label="{text(controls)}"></nav>\n'
        '<main class="kartenflaeche">\n'
        f'<div id="karte" role="img" aria-label="{text(map_label)}"></div>\n'
        f'<img id="druckbild" alt="{text(meta["title"])}">\n'
        '<aside id="panel" hidden aria-labelledby="panel-titel"></aside>\n'
        "</main>\n"
        "</div>\n"
        + (f'<noscript><p class="fehler">{text(noscript)}</p></noscript>\n' if noscript else "")
    )


def render_page(payload: Mapping[str, Any]) -> str:
    """One self-contained HTML document showing the map of ``payload`` (PAYLOAD.md).

    Raises ``ValueError`` when the payload is of another version or lacks a text the page
    shows (a bug in the code that built it, not a user's input problem).
    """
    _check(payload)
    scripts = [_inline_safe(RENDERER, asset(RENDERER))]
    scripts += [_inline_safe(name, asset(name)) for name in APP_SCRIPTS]
    lang = html.escape(str(payload["lang"]), quote=True)
    inline = "".join(f"<script>{source}</script>\n" for source in scripts)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n'
        + _head(payload, content_security_policy(scripts))
        + "<body>\n"
        + _body(payload)
        + f'<script id="karte-daten" type="application/json">{payload_json(payload)}</script>\n'
        + inline
        + "</body>\n"
        + license_comment()
        + "\n</html>\n"
    )
