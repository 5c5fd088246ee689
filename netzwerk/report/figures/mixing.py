"""The sector mixing heatmap: which sectors are tied more, or less, than by chance.

Cells carry their numbers (observed over expected ties) and cells without a single tie are
hatched, so the figure reads without colour too.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib
import matplotlib.patches
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure

from netzwerk.present.labels import sector_label
from netzwerk.present.texts import text
from netzwerk.report.figures.style import german_number, new_figure

RATIO_LIMIT = 3
"""The colour scale ends at 2**±3: eight times more, or fewer, ties than expected."""
DARK_CELL = 1.8
"""Cells with |log2(observed/expected)| above this get white numbers."""


def mixing_heatmap(mixing: Mapping, *, lang: str = "de", title: str | None = None) -> Figure:
    """Sector × sector matrix: colour = observed/expected ties, numbers = observed over
    expected, hatched = no tie at all.

    Parameters
    ----------
    mixing : mapping
        The result of `netzwerk.analysis.mixing.mixing` or
        `netzwerk.analysis.gaps.gaps_report`: ``observed`` and ``expected`` (dicts of dicts
        by group, in display order). Groups without actors are left out.
    lang : 'de' or 'en'.
    title : default "Ties between sectors".

    Returns
    -------
    matplotlib.figure.Figure
    """
    groups = shown_groups(mixing)
    observed = _matrix(mixing["observed"], groups)
    expected = _matrix(mixing["expected"], groups)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / np.where(expected > 0, expected, 1), np.nan)
        log_ratio = np.log2(np.clip(ratio, 2.0**-RATIO_LIMIT, 2.0**RATIO_LIMIT))
    figure = new_figure(height=6.6)
    ax = figure.add_axes((0.24, 0.22, 0.66, 0.69))
    cmap = matplotlib.colormaps["RdBu"].with_extremes(bad="#EEEEEE")
    image = ax.imshow(
        np.ma.masked_invalid(log_ratio),
        cmap=cmap,
        norm=TwoSlopeNorm(vcenter=0.0, vmin=-RATIO_LIMIT, vmax=RATIO_LIMIT),
        aspect="equal",
    )
    _fill_cells(ax, observed, expected, log_ratio, lang)
    _grid_and_ticks(ax, [sector_label(g, lang) for g in groups])
    colourbar_axes = figure.add_axes((0.93, 0.35, 0.018, 0.45))
    colourbar = figure.colorbar(image, cax=colourbar_axes, ticks=[-3, -2, -1, 0, 1, 2, 3])
    colourbar.ax.set_yticklabels(["⅛", "¼", "½", "1", "2", "4", "8"], fontsize=6)
    colourbar.set_label(text("gaps.colorbar", lang), fontsize=6.3)
    figure.text(
        0.01, 0.985, title or text("gaps.title", lang), fontsize=9, fontweight="bold", va="top"
    )
    figure.text(0.01, 0.955, text("gaps.cell_note", lang), fontsize=6.5, style="italic", va="top")
    return figure


def shown_groups(mixing: Mapping) -> list:
    """The groups in display order, without those that have no actors (the number of actors
    comes from ``actors`` of a mixing result or ``groups`` of a gaps report)."""
    actors = mixing.get("actors") or {}
    per_group = mixing.get("groups")
    if isinstance(per_group, list) and per_group and isinstance(per_group[0], dict):
        actors = {g["group"]: g.get("actors", 1) for g in per_group}  # gaps_report
    return [g for g in mixing["observed"] if actors.get(g, 1)]


def _matrix(table: Mapping, groups: list) -> np.ndarray:
    return np.array([[float(table[g][h] or 0) for h in groups] for g in groups])


def _fill_cells(
    ax: Axes, observed: np.ndarray, expected: np.ndarray, log_ratio: np.ndarray, lang: str
) -> None:
    """Hatch the cells without a tie; write observed over expected in every cell."""
    size = len(observed)
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
            dark = not np.isnan(log_ratio[i, j]) and abs(log_ratio[i, j]) > DARK_CELL
            shown = f"{expected[i, j]:.1f}"
            ax.text(
                j,
                i,
                f"{int(observed[i, j])}\n" + (german_number(shown) if lang == "de" else shown),
                ha="center",
                va="center",
                fontsize=4.8 if size > 10 else 6,
                linespacing=0.95,
                color="white" if dark and observed[i, j] else "black",
                zorder=3,
            )


def _grid_and_ticks(ax: Axes, labels: list[str]) -> None:
    """Sector names on both axes, white lines between the cells, no frame."""
    size = len(labels)
    ax.set_xticks(
        range(size), labels, rotation=50, ha="right", rotation_mode="anchor", fontsize=6.3
    )
    ax.set_yticks(range(size), labels, fontsize=6.3)
    ax.hlines(np.arange(-0.5, size), -0.5, size - 0.5, color="white", linewidth=0.8, zorder=4)
    ax.vlines(np.arange(-0.5, size), -0.5, size - 0.5, color="white", linewidth=0.8, zorder=4)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
