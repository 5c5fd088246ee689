"""The network map: every actor, coloured by sector, brokers and cut-points marked."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from netzwerk.present.texts import text
from netzwerk.report.figures.drawing import (
    choose_labels,
    display_names,
    draw_edges,
    draw_labels,
    draw_nodes,
    frame,
)
from netzwerk.report.figures.layout import network_layout
from netzwerk.report.figures.legend import add_legends
from netzwerk.report.figures.style import new_figure


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
        Persons must already be pseudonymised (`netzwerk.present.names.display_names`); default: all
        persons pseudonymised.
    brokers, cut_points : actors to mark (diamond, ring).
    lang : 'de' or 'en' for legend and title.
    positions : layout to reuse (default `network_layout`).
    label_top : how many of the best-tied organisations to label besides the marked actors.
    title : shown above the map (default: none).

    Returns
    -------
    matplotlib.figure.Figure
    """
    names = display_names(view, names)
    positions = positions if positions is not None else network_layout(view)
    figure = new_figure(height=6.8)
    ax = figure.add_axes((0.0, 0.15, 1.0, 0.8))
    nodes = list(view)
    draw_edges(ax, view, positions)
    draw_nodes(ax, view, positions, nodes, brokers=brokers, cut_points=cut_points)
    highlighted = {
        *brokers,
        *cut_points,
        *(n for n, d in view.nodes(data=True) if d.get("coordinator")),
    }
    frame(ax, positions, nodes)
    draw_labels(
        ax,
        view,
        positions,
        choose_labels(view, names, nodes, highlighted, label_top),
        must=highlighted,
    )
    _name_isolate_row(ax, view, positions, lang)
    if title:
        ax.set_title(title, loc="left", fontweight="bold")
    add_legends(
        figure, view, lang, roles=["coordinator", "broker", "cut_point", "organisation", "person"]
    )
    return figure


def _name_isolate_row(ax: Axes, view: nx.Graph, positions: Mapping, lang: str) -> None:
    """'Without a tie:' left of the row of isolates (if there are any)."""
    isolates = [n for n in view if view.degree(n) == 0]
    if not isolates:
        return
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
