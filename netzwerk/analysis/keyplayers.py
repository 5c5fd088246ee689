"""Key players: the few actors whose loss would break the network apart the most."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np

from netzwerk.analysis._graph_arrays import GraphArrays, graph_arrays
from netzwerk.analysis.cohesion import (
    components_kernel,
    distance_fragmentation_kernel,
    fragmentation_kernel,
)

MEASURES = ("F", "DF")
_TOLERANCE = 1e-12
ScoreAll = Callable[[GraphArrays, np.ndarray], np.ndarray]


def key_players(
    graph: nx.Graph, k: int, measure: str = "F", seed: int | None = 42, restarts: int = 10
) -> dict[str, Any]:
    r"""The k actors whose removal would fragment the network most (Borgatti's KPP-Neg).

    For the QM: the set of actors without whom the district network would fall apart
    (F) or whose members would drift furthest apart (DF) — the people and organisations
    most worth keeping on board, or backing up.

    Objective (after removing the set; n = remaining actors, :math:`s_c` component sizes,
    :math:`d_{ij}` steps between i and j, 1/∞ = 0, tie strengths do not enter):

    - ``"F"``: fragmentation :math:`1 - \sum_c s_c(s_c-1) / (n(n-1))`;
    - ``"DF"``: distance-weighted fragmentation
      :math:`1 - \sum_{i \ne j} (1/d_{ij}) / (n(n-1))`.

    Search (Borgatti 2006): from a starting set, swap a member for a non-member as long as
    the best swap raises the objective. Starting sets: the greedy set (add, k times, the
    actor whose removal raises the objective most) and ``restarts`` random sets drawn with
    ``seed``; the best local optimum wins. This is a heuristic: it finds a very good set,
    not provably the best (checked exhaustively in the tests on 12 small random graphs:
    the best set in 23 of 24 cases, the miss 6 % short). For F, the effect of removing an actor that is not a
    cut-point follows from the component sizes; only cut-points need a new component
    search. DF needs all distances per candidate (seconds for a few hundred actors, slow
    beyond a few thousand).

    Parameters
    ----------
    graph : networkx.Graph
    k : int
        Size of the set, 1 ≤ k < number of actors.
    measure : {"F", "DF"}
    seed : int or None
        Seed of the random starting sets and of the choice between equally good actors.
    restarts : int
        Number of random starting sets besides the greedy one (default 10).

    Returns
    -------
    dict
        ``players`` (the set), ``measure``, ``k``, ``before`` (objective of the intact
        network), ``after`` (with the set removed), ``restarts``, ``swaps`` (improving swaps
        made over all starts), ``seed``.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    Computational and Mathematical Organization Theory 12, 21–34.

    Examples
    --------
    Two stars whose centres a and b are linked: removing both centres leaves only isolates.

    >>> G = nx.Graph([("a", "b"), ("a", 1), ("a", 2), ("b", 3), ("b", 4)])
    >>> key_players(G, 2)["players"], key_players(G, 2)["after"]
    (['a', 'b'], 1.0)
    """
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {MEASURES}, not {measure!r}")
    arrays = graph_arrays(
        graph.to_undirected(as_view=True) if graph.is_directed() else graph,
        weight=None,
        distance=None,
    )
    if not 1 <= k < arrays.n:
        raise ValueError(f"k must be between 1 and {arrays.n - 1}, not {k}")
    score_all = _fragmentation_without_each if measure == "F" else _distance_without_each
    rng = random.Random(seed)
    before = _objective(arrays, np.ones(arrays.n, dtype=bool), measure)
    best_players, best_value, swaps = [], -np.inf, 0
    for attempt in range(restarts + 1):
        start = (
            _greedy(arrays, k, score_all, rng) if attempt == 0 else rng.sample(range(arrays.n), k)
        )
        players, value, made = _swap_until_stuck(arrays, start, measure, score_all, rng)
        swaps += made
        if value > best_value + _TOLERANCE:
            best_players, best_value = players, value
    return {
        "players": [arrays.nodes[i] for i in best_players],
        "measure": measure,
        "k": k,
        "before": before,
        "after": best_value,
        "restarts": restarts,
        "swaps": swaps,
        "seed": seed,
    }


def _greedy(arrays: GraphArrays, k: int, score_all: ScoreAll, rng: random.Random) -> list[int]:
    """Add, k times, the node whose removal raises the objective most."""
    alive = np.ones(arrays.n, dtype=bool)
    players = []
    for _ in range(k):
        best = _best(score_all(arrays, alive), alive, rng)
        players.append(best)
        alive[best] = False
    return players


def _swap_until_stuck(
    arrays: GraphArrays, start: list[int], measure: str, score_all: ScoreAll, rng: random.Random
) -> tuple[list[int], float, int]:
    """Make the best member/non-member swap while it raises the objective."""
    players = list(start)
    alive = np.ones(arrays.n, dtype=bool)
    alive[players] = False
    value = _objective(arrays, alive, measure)
    swaps = 0
    while True:
        best_value, best_swap = value + _TOLERANCE, None
        for position in rng.sample(range(len(players)), len(players)):
            alive[players[position]] = True
            scores = score_all(arrays, alive)  # -inf for the other members
            candidate = _best(scores, alive, rng)
            alive[players[position]] = False
            if scores[candidate] > best_value:
                best_value, best_swap = float(scores[candidate]), (position, candidate)
        if best_swap is None:
            return players, value, swaps
        position, candidate = best_swap
        alive[players[position]] = True
        alive[candidate] = False
        players[position] = candidate
        value = _objective(arrays, alive, measure)
        swaps += 1


def _best(scores: np.ndarray, alive: np.ndarray, rng: random.Random) -> int:
    """The living node with the highest score; ties broken at random (seeded)."""
    scores = np.where(alive, scores, -np.inf)
    top = np.flatnonzero(scores >= scores.max() - _TOLERANCE)
    return int(top[0]) if len(top) == 1 else int(rng.choice(top.tolist()))


def _objective(arrays: GraphArrays, alive: np.ndarray, measure: str) -> float:
    if measure == "DF":
        return float(distance_fragmentation_kernel(arrays, alive))
    return fragmentation_kernel(arrays, alive)


def _fragmentation_without_each(arrays: GraphArrays, alive: np.ndarray) -> np.ndarray:
    """F after additionally removing each living node (dead nodes: -inf).

    Removing a node that is not a cut-point only shrinks its component by one, so F
    follows from the component sizes; cut-points get a new component search.
    """
    labels = components_kernel(arrays, alive)
    living = np.flatnonzero(alive)
    remaining = len(living)
    scores = np.full(arrays.n, -np.inf)
    if remaining < 3:
        scores[living] = 0.0
        return scores
    sizes = np.bincount(labels[living]).astype(float)
    pairs = np.sum(sizes * (sizes - 1))
    own = sizes[labels[living]]
    after = pairs - own * (own - 1) + (own - 1) * (own - 2)
    scores[living] = 1.0 - after / ((remaining - 1) * (remaining - 2))
    sub = arrays.skeleton.induced_subgraph(living.tolist())
    for local in sub.articulation_points():
        node = living[local]
        alive[node] = False
        scores[node] = fragmentation_kernel(arrays, alive)
        alive[node] = True
    return scores


def _distance_without_each(arrays: GraphArrays, alive: np.ndarray) -> np.ndarray:
    scores = np.full(arrays.n, -np.inf)
    for node in np.flatnonzero(alive):
        alive[node] = False
        scores[node] = distance_fragmentation_kernel(arrays, alive)
        alive[node] = True
    return scores
