"""The map as a file: the page for a report context, refused when a browser cannot hold
it, and written as ``karte.html`` (atomically, owner-only)."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from netzwerk.private_files import atomic_write_text
from netzwerk.report.karte.data import map_payload
from netzwerk.report.karte.page import render_page
from netzwerk.report.karte.part import fits_browser, require_fits_browser, too_large_line
from netzwerk.report.sections.context import Context

FILE_NAME = "karte.html"
"""The map's file name beside report.html."""


def map_html(ctx: Context, part: set[Hashable] | None = None) -> str:
    """The whole map page for the report context ``ctx`` (see `map_payload`); raises
    ConfigError when the map of everyone would be too large for a browser."""
    require_fits_browser(ctx.view if part is None else ctx.view.subgraph(part), ctx.lang)
    return render_page(map_payload(ctx, part))


def report_map(ctx: Context) -> tuple[str | None, str | None]:
    """The report's map: the page of the whole view and no note, or no page and the words
    saying why (too large for a browser)."""
    if fits_browser(ctx.view):
        return map_html(ctx), None
    return None, too_large_line(ctx.view, ctx.lang, "karte.report_too_large")


def write_map(html: str, path: Path) -> Path:
    """``html`` written to ``path`` atomically, readable by the owner only."""
    return atomic_write_text(path, html)
