"""Brandes' betweenness accumulation with scipy: for each source, one Dijkstra run and two
sparse triangular solves instead of a Python loop over nodes.

For a source s, order the reachable nodes by distance d. The shortest-path DAG has an arc
u → v wherever d(u) + length(u, v) = d(v) (equal to within a relative 1e-10, so that
equally long paths summed in a different order count as equal). Then

- path counts: σ(s) = 1, σ(v) = Σ_{u → v} σ(u) — a unit lower triangular system in
  distance order;
- dependencies (Brandes 2001): with y(v) = (1_T(v) + δ(v)) / σ(v),
  y(v) = 1_T(v)/σ(v) + Σ_{v → w} y(w) — a unit upper triangular system — and
  δ(v) = σ(v) y(v) − 1_T(v), where T are the targets counted (all actors by default).

This equals Brandes' algorithm step for step. On 100,000 actors it takes about half the
time of igraph's weighted betweenness per source (scipy's Dijkstra and the triangular
solves run in compiled code over flat arrays); on small networks igraph is faster, as the
per-source numpy calls dominate there.

Reference: Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
Mathematical Sociology 25(2), 163–177.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra
from scipy.sparse.linalg import spsolve_triangular

TOLERANCE = 1e-10
BLOCK = 16
"""Sources per Dijkstra call (a block × n distance matrix is held at once)."""


@dataclass(frozen=True)
class PathGraph:
    """What shortest paths need: the length matrix and every tie (or arc) once."""

    n: int
    directed: bool
    lengths: sp.csr_matrix
    tail: np.ndarray
    head: np.ndarray
    length: np.ndarray


def path_graph(
    n: int, tail: np.ndarray, head: np.ndarray, length: np.ndarray, directed: bool
) -> PathGraph:
    """Undirected ties are given once; the matrix holds them both ways."""
    matrix = sp.csr_matrix((length, (tail, head)), shape=(n, n))
    if not directed:
        matrix = (matrix + matrix.T).tocsr()
    return PathGraph(n, directed, matrix, tail, head, length)


def dependency_sums(
    graph: PathGraph, sources: Sequence[int], targets: np.ndarray | None = None
) -> np.ndarray:
    """Σ over ``sources`` of δ_s(v) for every node v (δ_s(s) = 0).

    ``targets``: boolean mask of the nodes t counted in δ_s(v) = Σ_t σ_st(v)/σ_st (None:
    all). For undirected graphs the sum is halved, as igraph and networkx report it:
    summed over all sources, every unordered pair then counts once.
    """
    total = np.zeros(graph.n)
    counted = np.ones(graph.n) if targets is None else targets.astype(float)
    for start in range(0, len(sources), BLOCK):
        block = list(sources[start : start + BLOCK])
        # the matrix of an undirected graph is symmetric: directed=True reads it as it is
        # (directed=False would also scan its transpose, half again as slow)
        distances = dijkstra(graph.lengths, directed=True, indices=block)
        for source, distance in zip(block, distances, strict=True):
            _accumulate(graph, source, distance, counted, total)
    return total if graph.directed else total / 2


def _accumulate(
    graph: PathGraph, source: int, distance: np.ndarray, counted: np.ndarray, total: np.ndarray
) -> None:
    reachable = np.flatnonzero(np.isfinite(distance))
    order = reachable[np.argsort(distance[reachable], kind="stable")]
    size = len(order)
    rank = np.full(graph.n, -1, dtype=np.int64)
    rank[order] = np.arange(size)
    tolerance = TOLERANCE * distance[order[-1]]
    # arcs of the shortest-path DAG (unreachable ends give inf - inf = nan: never chosen)
    with np.errstate(invalid="ignore"):
        step = distance[graph.head] - distance[graph.tail]
        forward = np.abs(step - graph.length) <= tolerance
        backward = None if graph.directed else np.abs(step + graph.length) <= tolerance
    earlier = [rank[graph.tail[forward]]]
    later = [rank[graph.head[forward]]]
    if backward is not None:
        earlier.append(rank[graph.head[backward]])
        later.append(rank[graph.tail[backward]])
    earlier_ranks, later_ranks = np.concatenate(earlier), np.concatenate(later)
    system = _path_system(size, earlier_ranks, later_ranks)
    start = np.zeros(size)
    start[0] = 1.0  # the source comes first in distance order
    sigma = _solve(system, start, lower=True)
    weight = counted[order]
    # the transpose of a CSC matrix is the CSR matrix of the same arrays (nothing copied)
    y = _solve(system.T, weight / sigma, lower=False)
    delta = sigma * y - weight
    delta[0] = 0.0
    total[order] += delta


def _path_system(size: int, earlier: np.ndarray, later: np.ndarray) -> sp.csc_matrix:
    """The unit lower triangular matrix I − A of the DAG's arcs (A[later, earlier] = 1),
    in distance order, with its diagonal stored: `_solve` then changes nothing in it, and
    both solves share it (scipy's solver would otherwise copy the matrix and insert the
    diagonal twice per source, more than half of the accumulation's time at 1,000,000
    actors)."""
    diagonal = np.arange(size)
    rows = np.concatenate([later, diagonal])
    columns = np.concatenate([earlier, diagonal])
    values = np.concatenate([np.full(len(later), -1.0), np.ones(size)])
    return sp.csc_matrix((values, (rows, columns)), shape=(size, size))


def _solve(matrix: sp.csc_matrix | sp.csr_matrix, right: np.ndarray, lower: bool) -> np.ndarray:
    """Solve the unit triangular ``matrix`` x = ``right`` (``right`` is overwritten).

    ``matrix`` holds its unit diagonal, so ``overwrite_A`` is safe: scipy only sets the
    stored diagonal to 1 again, in place."""
    solved: np.ndarray = spsolve_triangular(
        matrix, right, lower=lower, unit_diagonal=True, overwrite_A=True, overwrite_b=True
    )
    return solved
