"""The dependency figure: the network with and without its coordinators, and what changes.

The numbers come from the analysis (`netzwerk.analysis.dependency`); this module only
draws them.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from typing import Any

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from netzwerk.analysis.dependency import coordinator_connectivity
from netzwerk.present.texts import text
from netzwerk.report.figures.drawing import (
    display_names,
    draw_edges,
    draw_labels,
    draw_nodes,
    frame,
)
from netzwerk.report.figures.layout import network_layout
from netzwerk.report.figures.style import (
    ROLE_STYLES,
    SPOKE_COLOUR,
    WITH_COLOUR,
    WITHOUT_COLOUR,
    german_number,
    new_figure,
)


def dependency_figure(
    view: nx.Graph,
    coordinators: Collection[Hashable],
    *,
    numbers: Mapping[str, tuple[float, float]] | None = None,
    names: Mapping[Hashable, str] | None = None,
    lang: str = "de",
    positions: Mapping | None = None,
    dependency: Mapping[str, Any] | None = None,
) -> Figure:
    """The network with and without the coordinators side by side, plus a bar chart.

    Actors who lose every path to the main part of the network when the coordinators are
    removed get a square orange outline (and are marked the same way on both sides).

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    coordinators : collection of ids
        The actors taken out (ids not in ``view`` are ignored).
    numbers : mapping measure label -> (with, without), optional
        The bars; by default connected pairs and the number of separate parts
        (`connectivity_numbers`).
    names : mapping actor -> shown name
        Default: all persons pseudonymised.
    lang : 'de' or 'en'.
    positions : layout to reuse (default `network_layout`).
    dependency : mapping, optional
        The result of `netzwerk.analysis.dependency.coordinator_dependency` (or
        `coordinator_connectivity`) for these coordinators; read for the cut-off actors and
        the default bars. Without it, `coordinator_connectivity` is asked.

    Returns
    -------
    matplotlib.figure.Figure
    """
    names = display_names(view, names)
    positions = positions if positions is not None else network_layout(view)
    coordinators = [c for c in coordinators if c in view]
    connectivity: Mapping[str, Any] = (
        dependency if dependency is not None else coordinator_connectivity(view, coordinators)
    )
    cut_off: list[Hashable] = connectivity["cut_off"]
    without = view.subgraph([n for n in view if n not in set(coordinators)])
    figure = new_figure(height=6.6)
    for index, (graph, label) in enumerate(
        ((view, text("dependency.with", lang)), (without, text("dependency.without", lang)))
    ):
        ax = figure.add_axes((0.005 + index * 0.5, 0.36, 0.49, 0.58))
        draw_edges(ax, without, positions)
        if index == 0:  # the coordinators' own ties: what disappears on the right
            spokes = nx.Graph()
            spokes.add_edges_from(view.edges(coordinators, data=True))
            draw_edges(ax, spokes, positions, colour=SPOKE_COLOUR)
        draw_nodes(ax, view, positions, list(graph), emphasis=cut_off, scale=0.75)
        frame(ax, positions, list(view))
        ax.set_title(label, loc="center", fontweight="bold")
        if index == 0:
            shown = {c: names.get(c, str(c)) for c in coordinators}
            draw_labels(ax, view, positions, shown, must=coordinators)
    if numbers is None:
        numbers = _bar_numbers(connectivity, lang)
    _before_after_bars(figure, numbers, lang)
    figure.legend(
        handles=[
            Line2D([], [], color=SPOKE_COLOUR, linewidth=1.2, label=text("legend.spokes", lang)),
            Line2D(
                [],
                [],
                linestyle="",
                label=f"{text('legend.cut_off', lang)} ({len(cut_off)})",
                **ROLE_STYLES["cut_off"],
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
            color=[WITH_COLOUR, WITHOUT_COLOUR],
            edgecolor="black",
            linewidth=0.5,
        )
        bars[1].set_hatch("////")
        top = max(max(values), 1)
        for x, value in enumerate(values):
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:.2f}"
            if lang == "de":
                shown = german_number(shown)
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
    coordinators: ``cut_off`` of `netzwerk.analysis.dependency.coordinator_connectivity`
    (ids not in ``view`` are ignored)."""
    connectivity: Mapping[str, Any] = coordinator_connectivity(
        view, [c for c in coordinators if c in view]
    )
    return connectivity["cut_off"]


def connectivity_numbers(
    view: nx.Graph, coordinators: Collection[Hashable], lang: str = "de"
) -> dict[str, tuple[float, float]]:
    """Connected pairs and separate parts with and without the coordinators (for the bars),
    from `netzwerk.analysis.dependency.coordinator_connectivity`."""
    connectivity = coordinator_connectivity(view, [c for c in coordinators if c in view])
    return _bar_numbers(connectivity, lang)


def _bar_numbers(dependency: Mapping, lang: str) -> dict[str, tuple[float, float]]:
    """The default bars from a dependency result: connected pairs (with: counted with the
    coordinators) and separate parts, with and without the coordinators."""
    return {
        text("dependency.connected_pairs", lang): (
            dependency["connected_pairs_including_coordinators"],
            dependency["connected_pairs_after"],
        ),
        text("dependency.n_components", lang): (
            dependency["components_before"],
            dependency["components_after"],
        ),
    }
