"""The ego network: one actor in the middle, its contacts around it, everyone labelled."""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Mapping

import networkx as nx
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from netzwerk.errors import NotFound
from netzwerk.present.texts import text
from netzwerk.report.figures.drawing import (
    display_names,
    draw_edges,
    draw_nodes,
    shorten,
    white_halo,
)
from netzwerk.report.figures.layout import OUTER_RADIUS, ego_layout
from netzwerk.report.figures.legend import add_legends
from netzwerk.report.figures.style import new_figure

CROWDED = 60
"""From this many actors on, the ego figure uses a smaller font."""


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

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    actor : id
        The actor in the middle.
    names : mapping actor -> shown name
        Default: all persons pseudonymised.
    radius : int
        1: contacts only; 2: also their contacts (outer circle).
    lang : 'de' or 'en'.
    cut_points : actors to mark with a ring.
    title : default "Ego network of …".

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NotFound
        ``actor`` is not in ``view``.
    """
    if actor not in view:
        raise NotFound(
            f'Akteur "{actor}" ist in dieser Netzwerksicht nicht enthalten — '
            "Kennung und Stichtag prüfen"
        )
    names = display_names(view, names)
    ego = nx.ego_graph(view, actor, radius=radius)
    positions = ego_layout(view, actor, radius)
    nodes = sorted(ego, key=str)
    figure = new_figure(height=8.2)
    ax = figure.add_axes((0.0, 0.13, 1.0, 0.8))
    draw_edges(ax, ego, positions)
    draw_nodes(ax, ego, positions, nodes, cut_points=[c for c in cut_points if c in ego], scale=1.3)
    ax.scatter([0.0], [0.0], s=520, facecolors="none", edgecolors="black", linewidths=1.8, zorder=6)
    outer = any(np.hypot(*positions[n]) > 1.5 for n in nodes)
    room = (OUTER_RADIUS if outer else 1.0) + 0.62  # space for the labels around the circle
    ax.set_xlim(-room, room)
    ax.set_ylim(-room, room)
    ax.set_aspect("equal")
    ax.set_axis_off()
    _label_around(ax, nodes, actor, positions, names)
    figure.text(
        0.01,
        0.985,
        title or text("ego.title", lang, name=names.get(actor, str(actor))),
        ha="left",
        va="top",
        fontsize=9,
        fontweight="bold",
    )
    add_legends(
        figure, ego, lang, roles=["ego", "coordinator", "cut_point", "organisation", "person"]
    )
    return figure


def _label_around(
    ax: Axes, nodes: list, actor: Hashable, positions: Mapping, names: Mapping
) -> None:
    """The actor's name under the centre in bold; every contact's name pointing outwards
    along its ray (turned upright on the left half)."""
    fontsize = 5.0 if len(nodes) > CROWDED else 6.0
    halo = white_halo()
    for n in nodes:
        label = shorten(names.get(n, str(n)), 34)
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
        x, y = positions[n]
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
            fontsize=fontsize,
            zorder=7,
            path_effects=halo,
        )
