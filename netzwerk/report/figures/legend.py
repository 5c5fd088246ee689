"""The two legends under a network figure: sectors (with counts) and roles (by shape)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from netzwerk.model import SECTORS
from netzwerk.present.labels import sector_label
from netzwerk.present.texts import text
from netzwerk.report.figures.style import ROLE_STYLES, sector_colour

LEGEND_STYLE = dict(
    frameon=False,
    fontsize=6.3,
    handletextpad=0.3,
    borderaxespad=0.2,
    columnspacing=1.0,
    labelspacing=0.35,
    title_fontsize=7,
    alignment="left",
)


def add_legends(
    figure: Figure, view: nx.Graph, lang: str, *, roles: Collection[str], anchor_y: float = 0.0
) -> None:
    """Sectors present in ``view`` (with the number of actors) bottom left, the ``roles``
    (keys of `style.ROLE_STYLES`) bottom right."""
    figure.legend(
        handles=sector_handles(view, lang),
        title=text("legend.sectors", lang),
        loc="lower left",
        bbox_to_anchor=(0.01, anchor_y),
        ncol=3,
        **LEGEND_STYLE,
    )
    handles = role_handles(roles, lang)
    if handles:
        figure.legend(
            handles=handles,
            title=text("legend.roles", lang),
            loc="lower right",
            bbox_to_anchor=(0.99, anchor_y),
            ncol=1,
            **LEGEND_STYLE,
        )


def sector_handles(view: nx.Graph, lang: str) -> list[Line2D]:
    """One coloured dot per sector present, in vocabulary order, labelled with its count."""
    counts = Counter(d.get("sector") for _, d in view.nodes(data=True))
    return [
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
        for key in SECTORS.keys()
        if counts[key]
    ]


def role_handles(roles: Collection[str], lang: str) -> list[Line2D]:
    """One legend entry per role, in the order given."""
    handles = []
    for role in roles:
        style = {"markerfacecolor": "#FFFFFF", "markeredgecolor": "black", **ROLE_STYLES[role]}
        handles.append(Line2D([], [], linestyle="", label=text(f"legend.{role}", lang), **style))
    return handles
