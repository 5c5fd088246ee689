"""The look shared by every figure: page size, fonts, colours and role markers.

Readable for everyone and on a black-and-white printout: sector colours come from the
Okabe–Ito and Paul Tol colour-blind-safe palettes, and every role is also a marker shape
(star = district management, diamond = broker, ring = cut-point, triangle = person).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib
from matplotlib.figure import Figure

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

WIDTH_INCHES = 7.1
"""Figure width: the text width of an A4 page with 15 mm margins (180 mm)."""

DPI = 200

SECTOR_COLOURS: dict[str, str] = {
    # Okabe & Ito (2008) and Paul Tol (2021) colour-blind-safe qualitative palettes.
    "education": "#0072B2",
    "social": "#E69F00",
    "integration": "#009E73",
    "culture": "#CC79A7",
    "economy": "#F0E442",
    "housing": "#882255",
    "urban_development": "#56B4E9",
    "administration": "#332288",
    "religion": "#999933",
    "safety": "#D55E00",
    "health": "#AA4499",
    "environment": "#117733",
    "neighbourhood": "#BBBBBB",
    "district_management": "#444444",
}
UNKNOWN_COLOUR = "#FFFFFF"
EDGE_COLOUR = "#8C8C8C"
CUT_OFF_COLOUR = "#D55E00"
SPOKE_COLOUR = "#0072B2"
WITH_COLOUR = "#0072B2"
"""Bars of the network with the coordinators."""
WITHOUT_COLOUR = "#E69F00"
"""Bars of the network without the coordinators (also hatched)."""

RC_PARAMS: dict[RcKeyType, Any] = {
    "svg.hashsalt": "netzwerk",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 7,
    "axes.titlesize": 9,
    "hatch.linewidth": 0.6,
}
"""Matplotlib settings of every figure (fixed SVG hash salt: byte-identical files)."""

COORDINATOR_MARKER = "*"
BROKER_MARKER = "D"
PERSON_MARKER = "^"
ORGANISATION_MARKER = "o"
MARKER_SCALE = {COORDINATOR_MARKER: 3.2, BROKER_MARKER: 1.8}
"""How much larger than a plain node a marker is drawn (others: 1)."""

ROLE_STYLES: dict[str, dict] = {
    "coordinator": dict(marker=COORDINATOR_MARKER, markersize=10, markeredgewidth=1.1),
    "broker": dict(marker=BROKER_MARKER, markersize=6, markeredgewidth=1.1),
    "cut_point": dict(marker="o", markersize=9, markerfacecolor="none", markeredgewidth=0.9),
    "organisation": dict(marker=ORGANISATION_MARKER, markersize=5, markeredgewidth=0.4),
    "person": dict(marker=PERSON_MARKER, markersize=5, markeredgewidth=0.4),
    "cut_off": dict(
        marker="s",
        markersize=8,
        markerfacecolor="none",
        markeredgecolor=CUT_OFF_COLOUR,
        markeredgewidth=1.4,
    ),
    "ego": dict(marker="o", markersize=10, markeredgewidth=1.6),
}
"""Legend entry of every role (white face, black edge unless said otherwise)."""


def sector_colour(sector: str | None) -> str:
    """The sector's palette colour (white for an unknown or missing sector)."""
    return SECTOR_COLOURS.get(sector or "", UNKNOWN_COLOUR)


def new_figure(width: float = WIDTH_INCHES, height: float = 6.0) -> Figure:
    """An empty figure in the house style (no pyplot: no GUI backend, no global state)."""
    with matplotlib.rc_context(RC_PARAMS):
        return Figure(figsize=(width, height), dpi=DPI)


def german_number(shown: str) -> str:
    """'1,234.5' → '1.234,5' (thousands point, decimal comma)."""
    return shown.replace(",", "\0").replace(".", ",").replace("\0", ".")
