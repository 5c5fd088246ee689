"""Where each actor sits on the interactive map: the report's layout, then pushed apart so
that no two actors overlap.

The positions come from `netzwerk.report.figures.layout.network_layout` (the report's own
layout: Kamada–Kawai for parts up to 1,000 actors, Fruchterman–Reingold with igraph's grid
above, isolates in a row below), computed once for every actor of every slider position.
Then `spread_apart` removes overlaps: each actor gets a disc (larger for more important
actors) and overlapping discs are pushed apart along the line between their centres, a
few rounds, with a k-d tree so that only near pairs are looked at (about n log n per
round). Deterministic: the same network always gets the same map.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

from netzwerk.report.figures.layout import network_layout

SPREAD_ROUNDS = 30
DISC_SHARE = 0.35
"""A disc's radius for an actor of importance 0, as a share of the mean distance between
actors if they were spread evenly over the square; importance 1 gets three times that."""


def map_positions(
    union: nx.Graph, importance: Mapping[Hashable, float], order: Sequence[Hashable]
) -> np.ndarray:
    """Positions of the actors in ``order`` (rows), roughly within [-1, 1]², overlaps
    removed (`spread_apart`); ``importance`` (0–1) sets each actor's disc."""
    if not order:
        return np.zeros((0, 2))
    laid_out = network_layout(union)
    xy = np.array([laid_out[a] for a in order], dtype=float)
    spacing = 2 / math.sqrt(len(order))
    radii = spacing * DISC_SHARE * (1 + 2 * np.array([importance.get(a, 0.0) for a in order]))
    return spread_apart(xy, np.minimum(radii, 0.08))


def spread_apart(
    xy: np.ndarray, radii: np.ndarray, rounds: int = SPREAD_ROUNDS, *, rescale: bool = True
) -> np.ndarray:
    """``xy`` moved so that discs of ``radii`` around them overlap less, round by round.

    In each round every pair closer than the sum of its radii moves apart by half the
    overlap each (along the line between them; a pair on the same spot along a fixed
    direction from its index), stopping early when nothing overlaps. Afterwards (with
    ``rescale``) the positions are rescaled into [-1, 1]² keeping their aspect.

    Reference: the same idea as the overlap removal of ForceAtlas2's ``prevent overlap``
    (Jacomy, M. et al. (2014). ForceAtlas2, a continuous graph layout algorithm for handy
    network visualization designed for the Gephi software. PLoS ONE 9(6), e98853),
    done as a separate step.

    >>> xy = spread_apart(np.array([[0.0, 0.0], [0.01, 0.0], [1.0, 1.0]]), np.full(3, 0.1))
    >>> bool(np.linalg.norm(xy[0] - xy[1]) > 0.01)
    True
    """
    xy = xy.copy()
    reach = 2 * float(radii.max()) if len(radii) else 0.0
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[j] - xy[i]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        overlap = radii[i] + radii[j] - distance
        keep = overlap > 0
        if not keep.any():
            break
        i, j, delta, distance, overlap = (
            i[keep],
            j[keep],
            delta[keep],
            distance[keep],
            overlap[keep],
        )
        same = distance < 1e-12
        angle = (i[same] * 2.399963) % (2 * math.pi)
        delta[same] = np.column_stack([np.cos(angle), np.sin(angle)])
        distance[same] = 1.0
        push = (delta / distance[:, None]) * (overlap / 2)[:, None]
        moves = np.zeros_like(xy)
        np.add.at(moves, i, -push)
        np.add.at(moves, j, push)
        xy += moves
    return _rescaled(xy) if rescale else xy


def _rescaled(xy: np.ndarray) -> np.ndarray:
    low, high = xy.min(axis=0), xy.max(axis=0)
    span = float((high - low).max()) or 1.0
    return (xy - (low + high) / 2) / span * 2
