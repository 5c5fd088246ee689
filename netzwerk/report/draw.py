"""The report's figures, drawn from what `netzwerk.report.build.compute` found: the network
map (or, for large networks, the map of groups), the dependency figure and the mixing
heatmap, each rendered to PNG for the report's sections."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.performance import Stopwatch
from netzwerk.present.texts import text
from netzwerk.report import figures as plots
from netzwerk.report.sections import Context, Figure


def draw_figures(ctx: Context, stopwatch: Stopwatch) -> None:
    """The network map, the dependency figure (if there is a dependency) and the mixing
    heatmap; on the way the actors cut off and the components without the coordinators."""
    view, results, lang = ctx.view, ctx.results, ctx.lang
    names = ctx.names()
    positions = _map_figure(ctx, names)
    stopwatch.lap("figure_map")
    if results.dependency and positions is not None:
        numbers = {
            text("dependency.connected_pairs", lang): (
                results.dependency["connected_pairs_before"],
                results.dependency["connected_pairs_after"],
            ),
            text("dependency.n_components", lang): results.components,
            text("dependency.cut_off_title", lang): (0, len(results.cut_off)),
        }
        results.dependency_figure = _figure(
            "dependency",
            text("dependency.title", lang),
            text("dependency.alt", lang),
            plots.dependency_figure(
                view, ctx.coordinators, numbers=numbers, names=names, lang=lang, positions=positions
            ),
        )
    stopwatch.lap("figure_dependency")
    results.mixing_figure = _figure(
        "mixing",
        text("gaps.title", lang),
        text("gaps.alt", lang),
        plots.mixing_heatmap(results.gaps, lang=lang),
    )
    stopwatch.lap("figure_mixing")


def _map_figure(ctx: Context, names: Mapping) -> Mapping | None:
    """The network map: every actor, or past `GROUP_MAP_FROM` actors the groups and the
    ties between them (then no actor positions are returned, and no figure draws every
    actor)."""
    view, results, lang = ctx.view, ctx.results, ctx.lang
    if plots.shows_groups(len(view)):
        brokers = [(names.get(b, str(b)), view.nodes[b].get("sector")) for b in results.map_brokers]
        results.map_figure = _figure(
            "network-map",
            text("group_map.title", lang),
            text("group_map.alt", lang),
            plots.group_map(results.gaps, brokers=brokers, lang=lang),
        )
        return None
    positions = plots.network_layout(view)
    results.map_figure = _figure(
        "network-map",
        text("map.title", lang),
        text("map.alt", lang),
        plots.network_map(
            view,
            names=names,
            brokers=results.map_brokers,
            cut_points=results.cut_points,
            lang=lang,
            positions=positions,
        ),
    )
    return positions


def _figure(name: str, title: str, alt: str, figure: Any) -> Figure:
    return Figure(name=name, title=title, alt=alt, png=plots.png_bytes(figure))
