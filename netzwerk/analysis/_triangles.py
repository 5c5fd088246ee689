"""Every triangle of a network, found with numpy and scipy instead of a Python loop.

The actors are renumbered by rank, (degree, position) ascending, and each tie is stored
once, in the upper triangle of a sparse matrix (row = the lower-ranked end). A triangle
x < y < z is then found from x alone: its ties to y and z are two entries of x's row, and
the pair closes where the entry (y, z) exists. Each actor pairs only its ties to
higher-ranked actors (at most √(2m) of them), so O(m·√m) pairs are tested in all, in
chunks: index arrays that are reused cost no page faults, and a page fault per fresh
4 kB costs more than the arithmetic on it. Nothing here is public API.

Reference: Schank, T. & Wagner, D. (2005). Finding, counting and listing all triangles in
large graphs, an experimental study. WEA 2005, LNCS 3503, 606–609 (the "forward" order).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

PAIRS_PER_CHUNK = 16_384
"""Tie pairs tested for a closing tie at once: index arrays of 128 kB."""


@dataclass(frozen=True)
class RankedTies:
    """The ties of a network once each, between actors renumbered by rank.

    ``order[r]`` is the position of the actor ranked r (``rank`` the inverse); ``matrix``
    holds, at (r, c) with r < c, the tie strength a_ij + a_ji of the actors ranked r and c
    (sorted indices, self-loops left out); ``rows[e]`` is the row of entry e, and
    ``matrix.indices[e]`` its column."""

    order: np.ndarray
    rank: np.ndarray
    matrix: sp.csr_array
    rows: np.ndarray

    @property
    def cols(self) -> np.ndarray:
        """Column of every entry of ``matrix``."""
        cols: np.ndarray = self.matrix.indices
        return cols

    def degree(self) -> np.ndarray:
        """Number of distinct neighbours of every actor, by rank."""
        n = len(self.order)
        return np.bincount(self.rows, minlength=n) + np.bincount(self.cols, minlength=n)

    def sums(self, values: np.ndarray) -> np.ndarray:
        """Per actor (by rank), the sum of ``values`` over its ties (one value per entry)."""
        n = len(self.order)
        total = np.bincount(self.rows, values, minlength=n) + np.bincount(
            self.cols, values, minlength=n
        )
        return total.astype(float, copy=False)  # (integers when there are no ties)


def ranked_ties(n: int, tail: np.ndarray, head: np.ndarray, weight: np.ndarray) -> RankedTies:
    """`RankedTies` of the arcs ``tail[e] -> head[e]`` with strength ``weight[e]`` (both
    directions of a pair add up; no self-loops)."""
    order = np.argsort(
        np.bincount(tail, minlength=n) + np.bincount(head, minlength=n), kind="stable"
    )
    # 32-bit ranks where they fit: scipy keeps them as the matrix's indices (no copies)
    rank = np.empty(n, dtype=np.int32 if n < 2**31 - 1 else np.int64)
    rank[order] = np.arange(n)
    ends = rank[tail], rank[head]
    lower, upper = np.minimum(*ends), np.maximum(*ends)
    matrix = sp.csr_array((weight, (lower, upper)), shape=(n, n))
    matrix.sum_duplicates()  # a pair tied both ways
    matrix.sort_indices()
    rows = np.repeat(np.arange(n, dtype=matrix.indices.dtype), np.diff(matrix.indptr))
    return RankedTies(order, rank, matrix, rows)


def triangle_ties(ranked: RankedTies) -> list[np.ndarray]:
    """Every triangle x < y < z (ranks) as the entries (x, y), (x, z), (y, z) of
    ``ranked.matrix`` and the rank x: (4, t_k) arrays, one per chunk."""
    matrix = ranked.matrix
    later = np.repeat(matrix.indptr[1:], np.diff(matrix.indptr)) - np.arange(1, matrix.nnz + 1)
    ids = sp.csr_array(  # entry e holds e + 1; 0: no such entry
        (np.arange(1, matrix.nnz + 1, dtype=matrix.indices.dtype), matrix.indices, matrix.indptr),
        shape=matrix.shape,
    )
    # scipy looks entries up by binary search only for more than nnz/10 at once
    size = max(PAIRS_PER_CHUNK, matrix.nnz // 8)
    found = [_closed_pairs(ranked, ids, later, chunk) for chunk in _chunks(later, size)]
    return [ties for ties in found if ties.shape[1]]


def _closed_pairs(
    ranked: RankedTies, ids: sp.csr_array, later: np.ndarray, chunk: slice
) -> np.ndarray:
    """The triangles closed by pairing each entry (x, y) of ``chunk`` with the later
    entries (x, z) of its row, as in `triangle_ties`."""
    counts = later[chunk]
    pairs = np.cumsum(counts)
    dtype = ranked.cols.dtype
    if not len(pairs) or not pairs[-1]:  # (scipy answers an empty lookup with a sparse array)
        return np.zeros((4, 0), dtype=dtype)
    # pair k pairs entry s with entry s + 1 + (k - first pair of s)
    first = np.repeat(np.arange(chunk.start, chunk.stop), counts)
    second = np.arange(pairs[-1]) + np.repeat(
        np.arange(chunk.start + 1, chunk.stop + 1) - (pairs - counts), counts
    )
    closing = ids[ranked.cols[first], ranked.cols[second]]
    closed = np.flatnonzero(closing)
    first = first[closed]
    return np.stack([first, second[closed], closing[closed] - 1, ranked.rows[first]], dtype=dtype)


def _chunks(counts: np.ndarray, size: int) -> list[slice]:
    """Consecutive slices of ``counts`` whose sums stay near ``size``."""
    cumulative = np.cumsum(counts)
    total = int(cumulative[-1]) if len(counts) else 0
    cuts = np.searchsorted(cumulative, np.arange(size, total, size), side="right")
    bounds = [0, *np.unique(cuts).tolist(), len(counts)]
    return [slice(lo, hi) for lo, hi in zip(bounds, bounds[1:], strict=False) if hi > lo]
