"""The network map of a large network: its groups (sectors) as circles, the ties between
them as lines whose width grows with their number, the strongest brokers named by group.

Past `GROUP_MAP_FROM` actors a picture of every actor is a hairball nobody can read (and
drawing hundreds of thousands of ties takes minutes); this map shows the same network one
level up. It draws the report's one mixing matrix (`netzwerk.analysis.mixing`, observed
ties, each counted once) and computes nothing itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.text import Annotation

from netzwerk.present.formats import format_number
from netzwerk.present.labels import capitalised, sector_label
from netzwerk.present.texts import text
from netzwerk.report.figures.drawing import shorten, white_halo
from netzwerk.report.figures.mixing import shown_groups
from netzwerk.report.figures.style import EDGE_COLOUR, new_figure, sector_colour

GROUP_MAP_FROM = 600
"""From this many actors on, the report's map shows groups instead of every actor."""


def shows_groups(actors: int) -> bool:
    """Whether a map of ``actors`` actors shows their groups instead of every actor."""
    return actors >= GROUP_MAP_FROM


WIDEST_LINE = 9.0
"""Line width (points) of the pair of groups with the most ties between them."""
BROKERS_PER_GROUP = 2


def group_map(
    mixing: Mapping,
    *,
    brokers: Sequence[tuple[str, str]] = (),
    lang: str = "de",
    title: str | None = None,
) -> Figure:
    """Groups on a circle (vocabulary order), circle area by actors, line width by ties.

    Parameters
    ----------
    mixing : mapping
        `netzwerk.analysis.gaps.gaps_report` (or `mixing.mixing`): ``observed`` ties per
        pair of groups and ``groups`` with each group's ``actors`` and ``internal_ties``.
    brokers : (shown name, group) of the strongest brokers, best first; up to
        `BROKERS_PER_GROUP` are named under their group.
    lang : 'de' or 'en'.
    title : shown above the map (default: none).

    Returns
    -------
    matplotlib.figure.Figure
    """
    groups = shown_groups(mixing)
    facts = {g["group"]: g for g in mixing.get("groups", []) if isinstance(g, dict)}
    angles = {g: math.pi / 2 - 2 * math.pi * i / max(len(groups), 1) for i, g in enumerate(groups)}
    where = {g: np.array([math.cos(a), math.sin(a)]) for g, a in angles.items()}
    figure = new_figure(height=6.8)
    ax = figure.add_axes((0.02, 0.04, 0.96, 0.88))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-1.4, 1.4)
    _draw_ties(ax, mixing["observed"], groups, where)
    largest = max((facts.get(g, {}).get("actors", 1) for g in groups), default=1)
    named = _brokers_by_group(brokers)
    labels = []
    for group in groups:
        actors = facts.get(group, {}).get("actors", 0)
        x, y = where[group]
        area = 60 + 1400 * actors / largest  # points²
        ax.scatter(
            [x],
            [y],
            s=area,
            c=sector_colour(group),
            edgecolors="#333333",
            linewidths=0.6,
            zorder=3,
        )
        radius = math.sqrt(area / math.pi)  # points
        label = _group_label(group, facts.get(group, {}), named.get(group, []), lang)
        labels.append(_place_label(ax, label, where[group], angles[group], radius))
    _make_room_for(figure, ax, labels)
    if title:
        ax.set_title(title, loc="left", fontweight="bold")
    return figure


def _draw_ties(ax, observed: Mapping, groups: list, where: Mapping) -> None:
    """One line per pair of groups with ties, width and darkness by number of ties."""
    pairs = [
        (g, h, float(observed[g][h] or 0))
        for i, g in enumerate(groups)
        for h in groups[i + 1 :]
        if float(observed[g][h] or 0) > 0
    ]
    most = max((ties for *_, ties in pairs), default=1.0)
    # many groups, many lines: thinner, so that evenly tied groups do not make a grey disc
    widest = WIDEST_LINE * min(1.0, 6 / max(len(groups), 1))
    for g, h, ties in sorted(pairs, key=lambda pair: pair[2]):
        share = ties / most  # squared below: the strongest pairs stand out
        (x1, y1), (x2, y2) = where[g], where[h]
        ax.plot(
            [x1, x2],
            [y1, y2],
            color=EDGE_COLOUR,
            linewidth=0.3 + widest * share**2,
            alpha=0.1 + 0.55 * share**2,
            solid_capstyle="round",
            zorder=1,
        )


def _brokers_by_group(brokers: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    named: dict[str, list[str]] = {}
    for name, group in brokers:
        if len(named.setdefault(group, [])) < BROKERS_PER_GROUP:
            named[group].append(name)
    return named


def _group_label(group: str, facts: Mapping, brokers: list[str], lang: str) -> str:
    """The group, its actors and inner ties, its named brokers (one per line)."""
    lines = [
        capitalised(sector_label(group, lang)),
        text(
            "group_map.counts",
            lang,
            actors=format_number(facts.get("actors", 0), lang),
            inside=format_number(facts.get("internal_ties", 0), lang),
        ),
        *(f"◆ {shorten(name, 28)}" for name in brokers),
    ]
    return "\n".join(lines)


def _place_label(ax, label: str, xy: np.ndarray, angle: float, radius: float) -> Annotation:
    """The label just outside its circle, pointing away from the ring's centre (offset in
    points, so it never covers the circle whatever its size). Only the labels straight
    above or below the ring are centred: two neighbours near the bottom extend away from
    each other."""
    side, up = math.cos(angle), math.sin(angle)
    gap = radius + 4
    return ax.annotate(
        label,
        xy=(float(xy[0]), float(xy[1])),
        xytext=(gap * side, gap * up),
        textcoords="offset points",
        ha="left" if side > 0.1 else "right" if side < -0.1 else "center",
        va="bottom" if up > 0.3 else "top" if up < -0.3 else "center",
        fontsize=6.5,
        linespacing=1.15,
        path_effects=white_halo(),
        zorder=4,
    )


def _make_room_for(figure: Figure, ax, labels: list[Annotation], margin: float = 0.05) -> None:
    """Widen the map's limits until every label lies inside them (labels are offset in
    points, so their size in map units changes with the limits: three rounds settle it)."""
    for _ in range(3):
        figure.draw_without_rendering()
        to_map = ax.transData.inverted()
        corners = [to_map.transform(label.get_window_extent().get_points()) for label in labels]
        if not corners:
            return
        low = np.min([corner.min(axis=0) for corner in corners], axis=0) - margin
        high = np.max([corner.max(axis=0) for corner in corners], axis=0) + margin
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        if low[0] >= x0 and high[0] <= x1 and low[1] >= y0 and high[1] <= y1:
            return
        ax.set_xlim(min(x0, low[0]), max(x1, high[0]))
        ax.set_ylim(min(y0, low[1]), max(y1, high[1]))
