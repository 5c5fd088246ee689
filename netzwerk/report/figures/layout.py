"""Where each actor sits on the page: the whole network and one actor's ego network.

Both layouts are deterministic: the same network is always drawn the same way.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import igraph
import networkx as nx
import numpy as np

from netzwerk.model import SECTORS

SEED = 7
"""Seed of every layout: the same network is always drawn the same way."""

PART_GAP = 0.12
"""Horizontal space between separate parts of the network (before rescaling)."""
ISOLATE_ROW = -1.2
"""Height of the row of actors without any tie, below the network in [-1, 1]."""
OUTER_RADIUS = 1.9
"""Radius of the ego layout's outer circle (contacts of contacts)."""


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
    if tied:
        positions.update(_parts_side_by_side(view, tied))
    for i, n in enumerate(lonely):
        x = -1 + 2 * (i + 0.5) / len(lonely) if len(lonely) > 1 else 0.0
        positions[n] = np.array([x, ISOLATE_ROW])
    return positions


def _parts_side_by_side(view: nx.Graph, tied: list[Hashable]) -> dict[Hashable, np.ndarray]:
    """Each connected part laid out on its own (scaled by the square root of its size
    relative to the largest), placed left to right, the whole rescaled into [-1, 1]²."""
    parts = sorted(
        (sorted(c, key=str) for c in nx.connected_components(view.subgraph(tied))),
        key=lambda c: (-len(c), str(c[0])),
    )
    positions: dict[Hashable, np.ndarray] = {}
    largest = len(parts[0])
    offset = 0.0
    for part in parts:
        coords = _kamada_kawai(view, part) * math.sqrt(len(part) / largest)
        width = float(np.ptp(coords[:, 0])) if len(part) > 1 else 0.0
        shift = np.array([offset - float(coords[:, 0].min()), 0.0])
        for n, xy in zip(part, coords + shift, strict=True):
            positions[n] = xy
        offset += width + PART_GAP
    coords = np.array([positions[n] for n in tied])
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    return {n: (xy - low) / span * 2 - 1 for n, xy in positions.items()}


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
            positions[n] = OUTER_RADIUS * np.array([math.cos(theta), math.sin(theta)])
    return positions
