"""Drawing blocks shared by the network figures: ties, actors, labels, the frame.

Natural persons are never labelled by their real name: labels come from ``names``
(`netzwerk.present.names.display_names`), and persons are labelled only when they are
highlighted.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Mapping

import networkx as nx
import numpy as np
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection

from netzwerk.present import names as present_names
from netzwerk.report.figures.style import (
    BROKER_MARKER,
    COORDINATOR_MARKER,
    CUT_OFF_COLOUR,
    EDGE_COLOUR,
    MARKER_SCALE,
    ORGANISATION_MARKER,
    PERSON_MARKER,
    sector_colour,
)

Box = tuple[float, float, float, float]
"""A label's box on the canvas in pixels: left, bottom, right, top."""


def white_halo() -> list:
    """A white outline around text, so labels stay readable over ties."""
    return [patheffects.withStroke(linewidth=2.0, foreground="white")]


def shorten(label: str, limit: int = 30) -> str:
    """``label`` cut to ``limit`` characters, with an ellipsis if cut."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def node_size(degree: int, person: bool) -> float:
    """Marker area in points²: grows with the square root of the number of ties."""
    base = 9 if person else 16
    return base + 7 * math.sqrt(degree)


def display_names(view: nx.Graph, names: Mapping[Hashable, str] | None) -> Mapping:
    """``names`` if given, else every person pseudonymised (with the default key)."""
    return names if names is not None else present_names.display_names(view)


def draw_edges(
    ax: Axes,
    view: nx.Graph,
    positions: Mapping,
    nodes: Collection | None = None,
    colour: str = EDGE_COLOUR,
) -> None:
    """The ties between ``nodes`` (default: all), thicker for stronger ties."""
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


def _marker(data: Mapping, is_broker: bool) -> str:
    if data.get("coordinator"):
        return COORDINATOR_MARKER
    if is_broker:
        return BROKER_MARKER
    if data.get("natural_person"):
        return PERSON_MARKER
    return ORGANISATION_MARKER


def draw_nodes(
    ax: Axes,
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
        strong = n in brokers or data.get("coordinator", False)
        groups.setdefault((_marker(data, n in brokers), strong), []).append(n)
    for (marker, strong), members in sorted(groups.items(), key=lambda item: item[0][1]):
        _scatter_group(ax, view, positions, members, marker, strong, scale)
    rings = [n for n in nodes if n in cut_points]
    if rings:
        xy = np.array([positions[n] for n in rings])
        sizes = [scale * 4.0 * node_size(view.degree(n), False) for n in rings]
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


def _scatter_group(
    ax: Axes,
    view: nx.Graph,
    positions: Mapping,
    members: list,
    marker: str,
    strong: bool,
    scale: float,
) -> None:
    """One marker shape in sector colours; coordinators and brokers with a thick edge, on
    top."""
    xy = np.array([positions[n] for n in members])
    sizes = [
        scale
        * node_size(view.degree(n), bool(view.nodes[n].get("natural_person")))
        * MARKER_SCALE.get(marker, 1.0)
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


def draw_labels(
    ax: Axes,
    view: nx.Graph,
    positions: Mapping,
    labels: Mapping[Hashable, str],
    fontsize: float = 6.0,
    must: Collection[Hashable] = (),
) -> None:
    """Label nodes without overlaps: each label tries above, below, right and left of its
    node; labels in ``must`` are drawn even if all places are taken, others are dropped.
    Call after the axes limits are final (`frame`)."""
    halo = white_halo()
    must = set(must)
    points = ax.figure.dpi / 72.0
    placed: list[Box] = []
    for n in must:  # keep the marked actors' own markers free of other labels
        x, y = ax.transData.transform(positions[n])
        half = 5.5 * points
        placed.append((x - half, y - half, x + half, y + half))
    order = sorted(labels, key=lambda n: (n not in must, -view.degree(n), str(n)))
    for n in order:
        label = shorten(labels[n])
        x, y = ax.transData.transform(positions[n])
        width = len(label) * fontsize * 0.56 * points
        height = fontsize * 1.25 * points
        chosen = _label_place(x, y, width, height, 4.5 * points, placed, forced=n in must)
        if chosen is None:
            continue
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


def _label_place(
    x: float,
    y: float,
    width: float,
    height: float,
    gap: float,
    placed: list[Box],
    forced: bool,
) -> tuple[Box, tuple[str, str]] | None:
    """The first free place for a label box at pixel (x, y) — above, below, right, left —
    with its alignment; if none is free, above when ``forced``, else None."""
    candidates = [  # (dx, dy) of the box's lower-left corner, in pixels; alignments
        ((-width / 2, gap), ("center", "bottom")),
        ((-width / 2, -gap - height), ("center", "top")),
        ((gap, -height / 2), ("left", "center")),
        ((-gap - width, -height / 2), ("right", "center")),
    ]
    for (dx, dy), align in candidates:
        box = (x + dx, y + dy, x + dx + width, y + dy + height)
        if not any(_overlap(box, other) for other in placed):
            return box, align
    if not forced:
        return None
    (dx, dy), align = candidates[0]
    return (x + dx, y + dy, x + dx + width, y + dy + height), align


def _overlap(box: Box, other: Box) -> bool:
    return box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]


def choose_labels(
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


def frame(ax: Axes, positions: Mapping, nodes: Collection, equal: bool = False) -> None:
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
