"""Where each actor sits on the page: the whole network and one actor's ego network.

Both layouts are deterministic: the same network is always drawn the same way.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable

import networkx as nx
import numpy as np

from netzwerk.analysis._lazy_igraph import ig as igraph
from netzwerk.model import SECTORS

SEED = 7
"""Seed of every layout: the same network is always drawn the same way."""

PART_GAP = 0.12
"""Horizontal space between separate parts of the network (before rescaling)."""
ISOLATE_ROW = -1.2
"""Height of the row of actors without any tie, below the network in [-1, 1]."""
OUTER_RADIUS = 1.9
"""Radius of the ego layout's outer circle (contacts of contacts)."""
KAMADA_KAWAI_LIMIT = 1_000
"""Connected parts up to this many actors get Kamada–Kawai (about 1 s at the limit; its
time and memory grow with the square of the size), larger ones a grid-based force layout."""
FORCE_ITERATIONS = 500


def network_layout(view: nx.Graph, seed: int = SEED) -> dict[Hashable, np.ndarray]:
    """Positions for every actor: a force layout of the tied actors, isolates in a row
    below.

    A part of up to `KAMADA_KAWAI_LIMIT` actors gets Kamada–Kawai, which places actors so
    that distances on paper follow path lengths in the network and spreads a
    hub-and-spoke network better than a spring layout; it starts from a circle in sorted
    node order. Its time and memory grow with the square of the part's size (an n × n
    distance matrix: 80 GB at 100,000 actors), so a larger part gets Fruchterman–Reingold
    with igraph's grid, whose repulsion only looks at nearby actors: time and memory grow
    about linearly (1 s CPU for a part of 10,000 actors and 35,000 ties), from a start
    spread at random over a square (numpy's generator seeded with ``seed``) and with
    igraph's random numbers drawn from ``seed``. Either way the same network is
    drawn the same way in every run. Separate parts are laid out one by one and placed
    side by side, largest first. Positions lie in [-1, 1] × [-1, 1]; isolates sit on a
    line at y = -1.2.

    References: Kamada, T. & Kawai, S. (1989). An algorithm for drawing general undirected
    graphs. Information Processing Letters 31(1), 7–15. Fruchterman, T. M. J. & Reingold,
    E. M. (1991). Graph drawing by force-directed placement. Software: Practice and
    Experience 21(11), 1129–1164.
    """
    tied = sorted((n for n in view if view.degree(n) > 0), key=str)
    lonely = sorted((n for n in view if view.degree(n) == 0), key=str)
    positions: dict[Hashable, np.ndarray] = {}
    if tied:
        positions.update(_parts_side_by_side(view, tied, seed))
    for i, n in enumerate(lonely):
        x = -1 + 2 * (i + 0.5) / len(lonely) if len(lonely) > 1 else 0.0
        positions[n] = np.array([x, ISOLATE_ROW])
    return positions


def _parts_side_by_side(
    view: nx.Graph, tied: list[Hashable], seed: int
) -> dict[Hashable, np.ndarray]:
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
        coords = _part_layout(view, part, seed) * math.sqrt(len(part) / largest)
        width = float(np.ptp(coords[:, 0])) if len(part) > 1 else 0.0
        shift = np.array([offset - float(coords[:, 0].min()), 0.0])
        for n, xy in zip(part, coords + shift, strict=True):
            positions[n] = xy
        offset += width + PART_GAP
    coords = np.array([positions[n] for n in tied])
    low, high = coords.min(axis=0), coords.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    return {n: (xy - low) / span * 2 - 1 for n, xy in positions.items()}


def _part_layout(view: nx.Graph, part: list[Hashable], seed: int) -> np.ndarray:
    """Coordinates (igraph's C implementations) for one connected part, centred."""
    if len(part) == 1:
        return np.zeros((1, 2))
    index = {n: i for i, n in enumerate(part)}
    edges = sorted(
        (min(index[u], index[v]), max(index[u], index[v])) for u, v in view.subgraph(part).edges()
    )
    graph = igraph.Graph(n=len(part), edges=edges)
    if len(part) <= KAMADA_KAWAI_LIMIT:
        layout = graph.layout_kamada_kawai(maxiter=50 * len(part))
    else:
        # a seeded random start spread over a square of side √n: about one actor per grid
        # cell (a circle start crowds the cells on the ring: 6 s instead of 1 s at 10,000)
        start = (np.random.default_rng(seed).random((len(part), 2)) - 0.5) * math.sqrt(len(part))
        igraph.set_random_number_generator(random.Random(seed))
        try:
            layout = graph.layout_fruchterman_reingold(
                seed=start.tolist(), niter=FORCE_ITERATIONS, grid=True
            )
        finally:
            igraph.set_random_number_generator(random)
    coords = np.array(layout.coords, dtype=float)
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
