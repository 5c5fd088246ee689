"""Figures for reports and notebooks: network map, sector mixing, ego network, dependency.

Every function returns a `matplotlib.figure.Figure` built without pyplot (so no GUI backend
and no global figure state); `save_figure` writes it as PNG or SVG, `png_bytes` and
`svg_text` render it in memory. Rendering is deterministic: the layout uses a fixed seed,
SVG ids come from a fixed hash salt and no creation date is written, so the same data give
byte-identical files.

Readable for everyone and on a black-and-white printout: sector colours come from the
Okabe–Ito and Paul Tol colour-blind-safe palettes, and every role is also a marker shape
(star = district management, diamond = broker, ring = cut-point, triangle = person);
heatmap cells carry their numbers, and cells without a single tie are hatched.

Natural persons are never labelled by their real name: labels come from ``names``
(`netzwerk.present.names.display_names`), and persons are labelled only when they are highlighted.

Figures draw results; they compute nothing the analysis returns (the dependency figure
reads `netzwerk.analysis.dependency`).

Modules: `style` (page, fonts, palette, markers), `layout` (positions), `drawing` and
`legend` (shared blocks), one module per figure (`network_map`, `groups` for large
networks, `ego`, `mixing`, `dependency`) and `output` (PNG, SVG, files).
"""

from netzwerk.report.figures.dependency import (
    connectivity_numbers,
    cut_off_actors,
    dependency_figure,
)
from netzwerk.report.figures.ego import ego_network
from netzwerk.report.figures.groups import GROUP_MAP_FROM, group_map, shows_groups
from netzwerk.report.figures.layout import SEED, ego_layout, network_layout
from netzwerk.report.figures.mixing import mixing_heatmap
from netzwerk.report.figures.network_map import network_map
from netzwerk.report.figures.output import png_bytes, save_figure, svg_text
from netzwerk.report.figures.style import (
    CUT_OFF_COLOUR,
    DPI,
    EDGE_COLOUR,
    SECTOR_COLOURS,
    SPOKE_COLOUR,
    UNKNOWN_COLOUR,
    WIDTH_INCHES,
    sector_colour,
)

__all__ = [
    "CUT_OFF_COLOUR",
    "GROUP_MAP_FROM",
    "DPI",
    "EDGE_COLOUR",
    "SECTOR_COLOURS",
    "SEED",
    "SPOKE_COLOUR",
    "UNKNOWN_COLOUR",
    "WIDTH_INCHES",
    "connectivity_numbers",
    "cut_off_actors",
    "dependency_figure",
    "ego_layout",
    "ego_network",
    "group_map",
    "mixing_heatmap",
    "network_layout",
    "network_map",
    "png_bytes",
    "save_figure",
    "shows_groups",
    "sector_colour",
    "svg_text",
]
