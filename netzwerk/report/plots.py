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
(`Pseudonymiser.names_for`), and persons are labelled only when they are highlighted.
"""

from __future__ import annotations

import io
import math
from collections.abc import Collection, Hashable, Mapping
from pathlib import Path

import igraph
import matplotlib
import networkx as nx
import numpy as np
import PIL.Image
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from netzwerk.errors import ConfigError
from netzwerk.model import SECTORS
from netzwerk.report.files import atomic_write_bytes, safe_output_path
from netzwerk.report.i18n import text

SEED = 7
"""Seed of every layout: the same network is always drawn the same way."""

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

_RC = {
    "svg.hashsalt": "netzwerk",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 7,
    "axes.titlesize": 9,
    "hatch.linewidth": 0.6,
}


def sector_label(sector: str, lang: str = "de") -> str:
    """The vocabulary label, capitalised ('Local economy')."""
    label = SECTORS.label(sector, lang)
    return label[:1].upper() + label[1:]


def sector_colour(sector: str | None) -> str:
    return SECTOR_COLOURS.get(sector or "", UNKNOWN_COLOUR)


def _figure(width: float = WIDTH_INCHES, height: float = 6.0) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), dpi=DPI)


# --------------------------------------------------------------------------- writing


def png_bytes(figure: Figure, dpi: int = DPI) -> bytes:
    """The figure as an RGB PNG on white (no timestamp, no alpha channel: smaller files)."""
    with matplotlib.rc_context(_RC):
        original = figure.dpi
        figure.set_dpi(dpi)
        try:
            canvas = FigureCanvasAgg(figure)
            figure.patch.set_facecolor("white")
            canvas.draw()
            pixels = np.asarray(canvas.buffer_rgba())[..., :3]
        finally:
            figure.set_dpi(original)
    buffer = io.BytesIO()
    PIL.Image.fromarray(pixels).save(buffer, format="png", compress_level=3)
    return buffer.getvalue()


def svg_text(figure: Figure) -> str:
    """The figure as SVG; deterministic (fixed hash salt, no date)."""
    buffer = io.StringIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(
            buffer, format="svg", metadata={"Date": None, "Creator": None}, facecolor="white"
        )
    return buffer.getvalue()


def save_figure(figure: Figure, path: Path | str) -> Path:
    """Write the figure atomically; the format follows the suffix (.png or .svg)."""
    path = safe_output_path(Path(path))
    suffix = path.suffix.lower()
    if suffix == ".png":
        data = png_bytes(figure)
    elif suffix == ".svg":
        data = svg_text(figure).encode("utf-8")
    else:
        raise ConfigError(
            f'{path.name}: unbekanntes Bildformat "{suffix or "(keins)"}" — .png oder .svg wählen'
        )
    return atomic_write_bytes(path, data)


# --------------------------------------------------------------------------- layout


def network_layout(view: nx.Graph, seed: int = SEED) -> dict[Hashable, np.ndarray]:
    """Positions for every actor: Kamada–Kawai layout of the tied actors, isolates in a row
    below.

    Kamada–Kawai places actors so that distances on paper follow path lengths in the
    network, which spreads a hub-and-spoke network better than a spring layout. It starts
    from a circle in sorted node order, so the result is the same in every run (``seed``
    only orders ties between equal names and is kept for a random start if ever needed).
    Separate parts are laid out one by one and placed side by side, largest first.
    Positions lie in [-1, 1] × [-1, 1]; isolates sit on a line at y = -1.2.
    """
    tied = sorted((n for n in view if view.degree(n) > 0), key=str)
    lonely = sorted((n for n in view if view.degree(n) == 0), key=str)
    positions: dict[Hashable, np.ndarray] = {}
    parts = sorted(
        (sorted(c, key=str) for c in nx.connected_components(view.subgraph(tied))),
        key=lambda c: (-len(c), str(c[0])),
    )
    if parts:
        largest = len(parts[0])
        offset = 0.0
        for part in parts:
            coords = _kamada_kawai(view, part)
            scale = math.sqrt(len(part) / largest)
            coords = coords * scale
            width = float(np.ptp(coords[:, 0])) if len(part) > 1 else 0.0
            shift = np.array([offset - float(coords[:, 0].min()), 0.0])
            for n, xy in zip(part, coords + shift, strict=True):
                positions[n] = xy
            offset += width + 0.12
        coords = np.array([positions[n] for n in tied])
        low, high = coords.min(axis=0), coords.max(axis=0)
        span = np.where(high - low > 0, high - low, 1.0)
        for n in tied:
            positions[n] = (positions[n] - low) / span * 2 - 1
    for i, n in enumerate(lonely):
        x = -1 + 2 * (i + 0.5) / len(lonely) if len(lonely) > 1 else 0.0
        positions[n] = np.array([x, -1.2])
    return positions


def _kamada_kawai(view: nx.Graph, part: list[Hashable]) -> np.ndarray:
    """Kamada–Kawai coordinates (igraph's C implementation) for one connected part."""
    if len(part) == 1:
        return np.zeros((1, 2))
    index = {n: i for i, n in enumerate(part)}
    edges = sorted(
        (min(index[u], index[v]), max(index[u], index[v])) for u, v in view.subgraph(part).edges()
    )
    graph = igraph.Graph(n=len(part), edges=edges)
    coords = np.array(graph.layout_kamada_kawai(maxiter=50 * len(part)).coords, dtype=float)
    return coords - coords.mean(axis=0)


# --------------------------------------------------------------------------- drawing


def _shorten(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _node_size(degree: int, person: bool) -> float:
    base = 9 if person else 16
    return base + 7 * math.sqrt(degree)


def _draw_edges(
    ax,
    view: nx.Graph,
    positions: Mapping,
    nodes: Collection | None = None,
    colour: str = EDGE_COLOUR,
) -> None:
    chosen = set(view) if nodes is None else set(nodes)
    segments, widths = [], []
    for u, v, data in view.edges(data=True):
        if u in chosen and v in chosen:
            segments.append((positions[u], positions[v]))
            weight = float(data.get("weight") or 1.0)
            widths.append(0.25 + 0.55 * min(math.sqrt(weight), 2.5))
    if segments:
        ax.add_collection(
            LineCollection(segments, colors=colour, linewidths=widths, alpha=0.45, zorder=1)
        )


def _draw_nodes(
    ax,
    view: nx.Graph,
    positions: Mapping,
    nodes: Collection,
    *,
    brokers: Collection = (),
    cut_points: Collection = (),
    emphasis: Collection = (),
    emphasis_colour: str = CUT_OFF_COLOUR,
    scale: float = 1.0,
) -> None:
    """Nodes by shape: coordinator star, broker diamond, person triangle, else circle;
    cut-points get a ring, ``emphasis`` nodes a thick coloured outline."""
    brokers, cut_points, emphasis = set(brokers), set(cut_points), set(emphasis)
    groups: dict[tuple[str, bool], list] = {}
    for n in nodes:
        data = view.nodes[n]
        if data.get("coordinator"):
            marker = "*"
        elif n in brokers:
            marker = "D"
        elif data.get("natural_person"):
            marker = "^"
        else:
            marker = "o"
        groups.setdefault((marker, n in brokers or data.get("coordinator", False)), []).append(n)
    for (marker, strong), members in sorted(groups.items(), key=lambda item: item[0][1]):
        xy = np.array([positions[n] for n in members])
        sizes = [
            scale
            * _node_size(view.degree(n), bool(view.nodes[n].get("natural_person")))
            * (3.2 if marker == "*" else 1.8 if marker == "D" else 1.0)
            for n in members
        ]
        colours = [sector_colour(view.nodes[n].get("sector")) for n in members]
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=sizes,
            c=colours,
            marker=marker,
            edgecolors="black",
            linewidths=1.1 if strong else 0.4,
            zorder=4 if strong else 3,
        )
    rings = [n for n in nodes if n in cut_points]
    if rings:
        xy = np.array([positions[n] for n in rings])
        sizes = [scale * 4.0 * _node_size(view.degree(n), False) for n in rings]
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=sizes,
            facecolors="none",
            edgecolors="black",
            linewidths=0.9,
            marker="o",
            zorder=5,
        )
    marked = [n for n in nodes if n in emphasis]
    if marked:
        xy = np.array([positions[n] for n in marked])
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=scale * 60,
            facecolors="none",
            edgecolors=emphasis_colour,
            linewidths=1.4,
            marker="s",
            zorder=6,
        )


def _draw_labels(
    ax,
    view: nx.Graph,
    positions: Mapping,
    labels: Mapping[Hashable, str],
    fontsize: float = 6.0,
    must: Collection[Hashable] = (),
) -> None:
    """Label nodes without overlaps: each label tries above, below, right and left of its
    node; labels in ``must`` are drawn even if all places are taken, others are dropped.
    Call after the axes limits are final (`_frame`)."""
    halo = [patheffects.withStroke(linewidth=2.0, foreground="white")]
    must = set(must)
    points = ax.figure.dpi / 72.0
    placed: list[tuple[float, float, float, float]] = []
    for n in must:  # keep the marked actors' own markers free of other labels
        x, y = ax.transData.transform(positions[n])
        half = 5.5 * points
        placed.append((x - half, y - half, x + half, y + half))
    order = sorted(labels, key=lambda n: (n not in must, -view.degree(n), str(n)))
    for n in order:
        label = _shorten(labels[n])
        x, y = ax.transData.transform(positions[n])
        width = len(label) * fontsize * 0.56 * points
        height = fontsize * 1.25 * points
        gap = 4.5 * points
        candidates = [  # (dx, dy) of the box's lower-left corner, in pixels; alignments
            ((-width / 2, gap), ("center", "bottom")),
            ((-width / 2, -gap - height), ("center", "top")),
            ((gap, -height / 2), ("left", "center")),
            ((-gap - width, -height / 2), ("right", "center")),
        ]
        chosen = None
        for (dx, dy), align in candidates:
            box = (x + dx, y + dy, x + dx + width, y + dy + height)
            if not any(
                box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed
            ):
                chosen = (box, align)
                break
        if chosen is None:
            if n not in must:
                continue
            (dx, dy), align = candidates[0]
            chosen = ((x + dx, y + dy, x + dx + width, y + dy + height), align)
        box, (ha, va) = chosen
        placed.append(box)
        offset = {"bottom": (0, 4.5), "top": (0, -4.5)}.get(va) or (
            (4.5, 0) if ha == "left" else (-4.5, 0)
        )
        ax.annotate(
            label,
            positions[n],
            xytext=offset,
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=fontsize,
            zorder=7,
            path_effects=halo,
        )


def _choose_labels(
    view: nx.Graph,
    names: Mapping[Hashable, str],
    nodes: Collection,
    highlighted: Collection,
    top: int,
) -> dict[Hashable, str]:
    """Highlighted actors (persons by their display name) and the best-tied organisations."""
    nodes = set(nodes)
    chosen = {n for n in highlighted if n in nodes}
    organisations = sorted(
        (n for n in nodes if not view.nodes[n].get("natural_person")),
        key=lambda n: (-view.degree(n), str(n)),
    )
    chosen.update(organisations[:top])
    return {n: names.get(n, str(n)) for n in chosen}


def _frame(ax, positions: Mapping, nodes: Collection, equal: bool = False) -> None:
    """Hide the axes and fit them to the nodes; equal aspect only if asked (a network
    drawing reads fine slightly stretched, and filling the page matters more)."""
    ax.set_axis_off()
    if not nodes:
        return
    xy = np.array([positions[n] for n in nodes])
    low, high = xy.min(axis=0), xy.max(axis=0)
    pad = 0.08 * max(float((high - low).max()), 1.0)
    ax.set_xlim(low[0] - pad, high[0] + pad)
    ax.set_ylim(low[1] - pad, high[1] + pad)
    if equal:
        ax.set_aspect("equal", adjustable="box")
    ax.apply_aspect()


def _legends(
    figure: Figure, view: nx.Graph, lang: str, *, roles: Collection[str], anchor_y: float = 0.0
) -> None:
    present = [
        key
        for key in SECTORS.keys()
        if any(d.get("sector") == key for _, d in view.nodes(data=True))
    ]
    counts = {
        key: sum(1 for _, d in view.nodes(data=True) if d.get("sector") == key) for key in present
    }
    sector_handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=sector_colour(key),
            markeredgecolor="black",
            markeredgewidth=0.4,
            markersize=6,
            label=f"{sector_label(key, lang)} ({counts[key]})",
        )
        for key in present
    ]
    role_styles = {
        "coordinator": dict(marker="*", markersize=10, markeredgewidth=1.1),
        "broker": dict(marker="D", markersize=6, markeredgewidth=1.1),
        "cut_point": dict(marker="o", markersize=9, markerfacecolor="none", markeredgewidth=0.9),
        "organisation": dict(marker="o", markersize=5, markeredgewidth=0.4),
        "person": dict(marker="^", markersize=5, markeredgewidth=0.4),
        "cut_off": dict(
            marker="s",
            markersize=8,
            markerfacecolor="none",
            markeredgecolor=CUT_OFF_COLOUR,
            markeredgewidth=1.4,
        ),
        "ego": dict(marker="o", markersize=10, markeredgewidth=1.6),
    }
    role_handles = []
    for role in roles:
        style = {"markerfacecolor": "#FFFFFF", "markeredgecolor": "black", **role_styles[role]}
        role_handles.append(
            Line2D([], [], linestyle="", label=text(f"legend.{role}", lang), **style)
        )
    common = dict(
        frameon=False,
        fontsize=6.3,
        handletextpad=0.3,
        borderaxespad=0.2,
        columnspacing=1.0,
        labelspacing=0.35,
    )
    figure.legend(
        handles=sector_handles,
        title=text("legend.sectors", lang),
        loc="lower left",
        bbox_to_anchor=(0.01, anchor_y),
        ncol=3,
        title_fontsize=7,
        alignment="left",
        **common,
    )
    if role_handles:
        figure.legend(
            handles=role_handles,
            title=text("legend.roles", lang),
            loc="lower right",
            bbox_to_anchor=(0.99, anchor_y),
            ncol=1,
            title_fontsize=7,
            alignment="left",
            **common,
        )


def _display_names(view: nx.Graph, names: Mapping[Hashable, str] | None) -> Mapping:
    if names is not None:
        return names
    from netzwerk.report.pseudonyms import Pseudonymiser

    return Pseudonymiser().names_for(view.nodes)


def network_map(
    view: nx.Graph,
    *,
    names: Mapping[Hashable, str] | None = None,
    brokers: Collection[Hashable] = (),
    cut_points: Collection[Hashable] = (),
    lang: str = "de",
    positions: Mapping | None = None,
    label_top: int = 14,
    title: str | None = None,
) -> Figure:
    """The whole network, coloured by sector, brokers and cut-points marked.

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view (`netzwerk.analysis.views.actor_view`).
    names : mapping actor -> shown name
        Persons must already be pseudonymised (`Pseudonymiser.names_for`); default: all
        persons pseudonymised.
    brokers, cut_points : actors to mark (diamond, ring).
    lang : 'de' or 'en' for legend and title.
    positions : layout to reuse (default `network_layout`).
    label_top : how many of the best-tied organisations to label besides the marked actors.
    """
    names = _display_names(view, names)
    positions = positions if positions is not None else network_layout(view)
    figure = _figure(height=6.8)
    ax = figure.add_axes((0.0, 0.15, 1.0, 0.8))
    nodes = list(view)
    _draw_edges(ax, view, positions)
    _draw_nodes(ax, view, positions, nodes, brokers=brokers, cut_points=cut_points)
    highlighted = {
        *brokers,
        *cut_points,
        *(n for n, d in view.nodes(data=True) if d.get("coordinator")),
    }
    _frame(ax, positions, nodes)
    _draw_labels(
        ax,
        view,
        positions,
        _choose_labels(view, names, nodes, highlighted, label_top),
        must=highlighted,
    )
    isolates = [n for n in nodes if view.degree(n) == 0]
    if isolates:
        y = min(positions[n][1] for n in isolates)
        x = min(positions[n][0] for n in isolates)
        ax.annotate(
            text("legend.isolate", lang) + ":",
            (x, y),
            xytext=(-8, 0),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=6,
            style="italic",
        )
    if title:
        ax.set_title(title, loc="left", fontweight="bold")
    _legends(
        figure, view, lang, roles=["coordinator", "broker", "cut_point", "organisation", "person"]
    )
    return figure


def ego_layout(view: nx.Graph, actor: Hashable, radius: int = 1) -> dict[Hashable, np.ndarray]:
    """The actor in the middle, its contacts on a circle ordered by sector and name, contacts
    of contacts (``radius=2``) on an outer circle, each near the contact that leads to it."""
    ego = nx.ego_graph(view, actor, radius=radius)
    distance = nx.single_source_shortest_path_length(ego, actor)
    positions: dict[Hashable, np.ndarray] = {actor: np.array([0.0, 0.0])}
    sector_rank = {key: i for i, key in enumerate(SECTORS.keys())}

    def order(n: Hashable) -> tuple:
        data = view.nodes[n]
        return (
            sector_rank.get(data.get("sector"), 99),
            bool(data.get("natural_person")),
            str(data.get("name") or n),
            str(n),
        )

    first = sorted((n for n, d in distance.items() if d == 1), key=order)
    angle: dict[Hashable, float] = {}
    for i, n in enumerate(first):
        angle[n] = math.pi / 2 - 2 * math.pi * i / max(len(first), 1)
        positions[n] = np.array([math.cos(angle[n]), math.sin(angle[n])])
    second = [n for n, d in distance.items() if d == 2]
    if second:

        def anchor(n: Hashable) -> float:
            return min(angle[m] for m in ego[n] if m in angle)

        second.sort(key=lambda n: (-anchor(n), order(n)))
        for i, n in enumerate(second):
            theta = math.pi / 2 - 2 * math.pi * i / len(second)
            positions[n] = 1.9 * np.array([math.cos(theta), math.sin(theta)])
    return positions


def ego_network(
    view: nx.Graph,
    actor: Hashable,
    *,
    names: Mapping[Hashable, str] | None = None,
    radius: int = 1,
    lang: str = "de",
    cut_points: Collection[Hashable] = (),
    title: str | None = None,
) -> Figure:
    """One actor in the middle and its contacts around it, everyone labelled.

    Contacts are ordered by sector, so a glance shows which sectors the actor reaches.
    Persons are labelled with what ``names`` says (pseudonyms by default).
    """
    if actor not in view:
        from netzwerk.errors import NotFound

        raise NotFound(
            f'Akteur "{actor}" ist in dieser Netzwerksicht nicht enthalten — '
            "Kennung und Stichtag prüfen"
        )
    names = _display_names(view, names)
    ego = nx.ego_graph(view, actor, radius=radius)
    positions = ego_layout(view, actor, radius)
    nodes = sorted(ego, key=str)
    figure = _figure(height=8.2)
    ax = figure.add_axes((0.0, 0.13, 1.0, 0.8))
    _draw_edges(ax, ego, positions)
    _draw_nodes(
        ax, ego, positions, nodes, cut_points=[c for c in cut_points if c in ego], scale=1.3
    )
    ax.scatter([0.0], [0.0], s=520, facecolors="none", edgecolors="black", linewidths=1.8, zorder=6)
    extent = 1.9 if any(np.hypot(*positions[n]) > 1.5 for n in nodes) else 1.0
    room = extent + 0.62  # space for the labels around the circle
    ax.set_xlim(-room, room)
    ax.set_ylim(-room, room)
    ax.set_aspect("equal")
    ax.set_axis_off()
    crowded = len(nodes) > 60
    halo = [patheffects.withStroke(linewidth=2.0, foreground="white")]
    for n in nodes:
        label = _shorten(names.get(n, str(n)), 34)
        x, y = positions[n]
        if n == actor:
            ax.annotate(
                label,
                (0, 0),
                xytext=(0, -14),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=7.5,
                fontweight="bold",
                zorder=8,
                path_effects=halo,
            )
            continue
        theta = math.degrees(math.atan2(y, x))
        left = abs(theta) > 90
        offset = (7 * math.cos(math.radians(theta)), 7 * math.sin(math.radians(theta)))
        ax.annotate(
            label,
            (x, y),
            xytext=offset,
            textcoords="offset points",
            ha="right" if left else "left",
            va="center",
            rotation=theta + 180 if left else theta,
            rotation_mode="anchor",
            fontsize=5.0 if crowded else 6.0,
            zorder=7,
            path_effects=halo,
        )
    figure.text(
        0.01,
        0.985,
        title or text("ego.title", lang, name=names.get(actor, str(actor))),
        ha="left",
        va="top",
        fontsize=9,
        fontweight="bold",
    )
    _legends(figure, ego, lang, roles=["ego", "coordinator", "cut_point", "organisation", "person"])
    return figure


def mixing_heatmap(mixing: Mapping, *, lang: str = "de", title: str | None = None) -> Figure:
    """Sector × sector matrix: colour = observed/expected ties, numbers = observed over
    expected, hatched = no tie at all.

    ``mixing`` is the result of `netzwerk.analysis.mixing.mixing` or
    `netzwerk.analysis.gaps.gaps_report`: ``observed`` and ``expected`` (dicts of dicts by
    group, in display order). Groups without actors are left out.
    """
    order = list(mixing["observed"])
    actors = mixing.get("actors") or {}
    if (
        isinstance(mixing.get("groups"), list)
        and mixing["groups"]
        and isinstance(mixing["groups"][0], dict)
    ):  # gaps_report: one dict per group
        actors = {g["group"]: g.get("actors", 1) for g in mixing["groups"]}
    groups = [g for g in order if actors.get(g, 1)]
    size = len(groups)
    observed = np.array([[float(mixing["observed"][g][h] or 0) for h in groups] for g in groups])
    expected = np.array([[float(mixing["expected"][g][h] or 0) for h in groups] for g in groups])
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / np.where(expected > 0, expected, 1), np.nan)
        log_ratio = np.log2(np.clip(ratio, 0.125, 8))
    labels = [sector_label(g, lang) for g in groups]
    figure = _figure(height=6.6)
    ax = figure.add_axes((0.24, 0.22, 0.66, 0.69))
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="#EEEEEE")
    image = ax.imshow(
        np.ma.masked_invalid(log_ratio),
        cmap=cmap,
        norm=TwoSlopeNorm(vcenter=0.0, vmin=-3, vmax=3),
        aspect="equal",
    )
    for i in range(size):
        for j in range(size):
            if observed[i, j] == 0:
                ax.add_patch(
                    matplotlib.patches.Rectangle(
                        (j - 0.5, i - 0.5),
                        1,
                        1,
                        facecolor="white",
                        edgecolor="#A0A0A0",
                        hatch="///",
                        linewidth=0,
                        zorder=2,
                    )
                )
            dark = not np.isnan(log_ratio[i, j]) and abs(log_ratio[i, j]) > 1.8
            shown = f"{expected[i, j]:.1f}"
            ax.text(
                j,
                i,
                f"{int(observed[i, j])}\n" + (shown.replace(".", ",") if lang == "de" else shown),
                ha="center",
                va="center",
                fontsize=4.8 if size > 10 else 6,
                linespacing=0.95,
                color="white" if dark and observed[i, j] else "black",
                zorder=3,
            )
    ax.set_xticks(
        range(size), labels, rotation=50, ha="right", rotation_mode="anchor", fontsize=6.3
    )
    ax.set_yticks(range(size), labels, fontsize=6.3)
    ax.hlines(np.arange(-0.5, size), -0.5, size - 0.5, color="white", linewidth=0.8, zorder=4)
    ax.vlines(np.arange(-0.5, size), -0.5, size - 0.5, color="white", linewidth=0.8, zorder=4)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    colourbar_axes = figure.add_axes((0.93, 0.35, 0.018, 0.45))
    colourbar = figure.colorbar(image, cax=colourbar_axes, ticks=[-3, -2, -1, 0, 1, 2, 3])
    colourbar.ax.set_yticklabels(["⅛", "¼", "½", "1", "2", "4", "8"], fontsize=6)
    colourbar.set_label(text("gaps.colorbar", lang), fontsize=6.3)
    figure.text(
        0.01, 0.985, title or text("gaps.title", lang), fontsize=9, fontweight="bold", va="top"
    )
    figure.text(0.01, 0.955, text("gaps.cell_note", lang), fontsize=6.5, style="italic", va="top")
    return figure


def dependency_figure(
    view: nx.Graph,
    coordinators: Collection[Hashable],
    *,
    numbers: Mapping[str, tuple[float, float]] | None = None,
    names: Mapping[Hashable, str] | None = None,
    lang: str = "de",
    positions: Mapping | None = None,
) -> Figure:
    """The network with and without the coordinators side by side, plus a bar chart.

    Actors who lose every path to the main part of the network when the coordinators are
    removed get a square orange outline (and are marked the same way on both sides).
    ``numbers`` maps a measure label to (with, without) values for the bars; by default
    connected pairs and the number of separate parts.
    """
    names = _display_names(view, names)
    positions = positions if positions is not None else network_layout(view)
    coordinators = [c for c in coordinators if c in view]
    without = view.subgraph([n for n in view if n not in set(coordinators)])
    cut_off = cut_off_actors(view, coordinators)
    figure = _figure(height=6.6)
    for index, (graph, label) in enumerate(
        ((view, text("dependency.with", lang)), (without, text("dependency.without", lang)))
    ):
        ax = figure.add_axes((0.005 + index * 0.5, 0.36, 0.49, 0.58))
        nodes = list(graph)
        _draw_edges(ax, without, positions)
        if index == 0:  # the coordinators' own ties: what disappears on the right
            spokes = nx.Graph()
            spokes.add_edges_from(view.edges(coordinators, data=True))
            _draw_edges(ax, spokes, positions, colour=SPOKE_COLOUR)
        _draw_nodes(ax, view, positions, nodes, emphasis=cut_off, scale=0.75)
        _frame(ax, positions, list(view))
        ax.set_title(label, loc="center", fontweight="bold")
        if index == 0:
            _draw_labels(
                ax,
                view,
                positions,
                {c: names.get(c, str(c)) for c in coordinators},
                must=coordinators,
            )
    if numbers is None:
        numbers = connectivity_numbers(view, coordinators, lang)
    _before_after_bars(figure, numbers, lang)
    figure.legend(
        handles=[
            Line2D([], [], color=SPOKE_COLOUR, linewidth=1.2, label=text("legend.spokes", lang)),
            Line2D(
                [],
                [],
                marker="s",
                linestyle="",
                markersize=8,
                markerfacecolor="none",
                markeredgecolor=CUT_OFF_COLOUR,
                markeredgewidth=1.4,
                label=f"{text('legend.cut_off', lang)} ({len(cut_off)})",
            ),
        ],
        loc="lower center",
        bbox_to_anchor=(0.5, 0.29),
        frameon=False,
        fontsize=6.5,
        ncol=2,
    )
    return figure


def _before_after_bars(
    figure: Figure, numbers: Mapping[str, tuple[float, float]], lang: str
) -> None:
    """One small bar chart per measure (each on its own scale): with QM plain, without QM
    hatched, the value written on each bar."""
    measures = list(numbers)
    width = 0.84 / max(len(measures), 1)
    for index, measure in enumerate(measures):
        ax = figure.add_axes((0.1 + index * width, 0.05, width * 0.62, 0.2))
        values = numbers[measure]
        bars = ax.bar(
            [0, 1],
            values,
            width=0.7,
            color=["#0072B2", "#E69F00"],
            edgecolor="black",
            linewidth=0.5,
        )
        bars[1].set_hatch("////")
        top = max(max(values), 1)
        for x, value in enumerate(values):
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:.2f}"
            if lang == "de":
                shown = shown.replace(",", "\0").replace(".", ",").replace("\0", ".")
            ax.text(x, value + top * 0.03, shown, ha="center", va="bottom", fontsize=6.5)
        ax.set_ylim(0, top * 1.25)
        ax.set_xticks(
            [0, 1], [text("dependency.with", lang), text("dependency.without", lang)], fontsize=6.5
        )
        ax.set_yticks([])
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.set_title(measure, fontsize=7, loc="center", wrap=True)


def cut_off_actors(view: nx.Graph, coordinators: Collection[Hashable]) -> list[Hashable]:
    """Actors in the main part of the network who lose every path to it without the
    coordinators (drawing helper; the analysis reports the same in its own terms)."""
    removed = set(coordinators)
    if not removed or view.number_of_nodes() == 0:
        return []
    main_before = max(nx.connected_components(view), key=len)
    rest = view.subgraph([n for n in view if n not in removed])
    if rest.number_of_nodes() == 0:
        return []
    main_after = max(nx.connected_components(rest), key=len)
    return sorted((n for n in main_before if n not in removed and n not in main_after), key=str)


def connectivity_numbers(
    view: nx.Graph, coordinators: Collection[Hashable], lang: str = "de"
) -> dict[str, tuple[float, float]]:
    """Connected pairs and separate parts with and without the coordinators (for the bars)."""
    rest = view.subgraph([n for n in view if n not in set(coordinators)])

    def pairs(graph: nx.Graph) -> int:
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(graph))

    return {
        text("dependency.connected_pairs", lang): (pairs(view), pairs(rest)),
        text("dependency.n_components", lang): (
            nx.number_connected_components(view),
            nx.number_connected_components(rest),
        ),
    }
