"""Which gaps to close first: group pairs ranked by observed / expected ties, and the
round-robin over them that spreads the suggestions across several gaps."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

from netzwerk.analysis._graph_arrays import EdgeArrays
from netzwerk.analysis.groups import Membership
from netzwerk.analysis.mixing import mixing_matrices


class GapRanking:
    """Group pairs ordered by observed/expected ties (lowest first, then larger expected);
    pairs across groups before pairs within one group."""

    def __init__(self, arrays: EdgeArrays, groups: Membership):
        self.groups = groups
        self.observed, self.expected, self.ratio, _, _ = mixing_matrices(arrays, groups)
        k = len(groups.groups)
        cells = [(i, j) for i in range(k) for j in range(i, k)]
        cells.sort(
            key=lambda c: (
                c[0] == c[1],
                np.inf if np.isnan(self.ratio[c]) else self.ratio[c],
                -self.expected[c],
                c,
            )
        )
        self.rank_of = np.full((k, k), len(cells), dtype=np.int64)
        for position, (i, j) in enumerate(cells):
            self.rank_of[i, j] = self.rank_of[j, i] = position
        self.unranked = len(cells)
        self.k = k
        self.codes = groups.codes() if groups.single_valued else None
        self.lists = (
            [
                groups.matrix.indices[groups.matrix.indptr[i] : groups.matrix.indptr[i + 1]]
                for i in range(groups.matrix.shape[0])
            ]
            if self.codes is None
            else None
        )

    def rank(
        self, low: np.ndarray, high: np.ndarray, between: Sequence[str] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Gap rank of each pair and its group cell (g·k + h, −1 if ungrouped)."""
        if self.k == 0:  # nobody has a group: every pair unranked
            return np.full(len(low), self.unranked, dtype=np.int64), np.full(len(low), -1)
        if between is not None:
            g, h = (self.groups.groups.index(x) for x in between)
            cell = np.full(len(low), min(g, h) * self.k + max(g, h), dtype=np.int64)
            return np.full(len(low), self.rank_of[g, h]), cell
        if self.codes is not None:
            a, b = self.codes[low], self.codes[high]
            grouped = (a >= 0) & (b >= 0)
            rank = np.where(
                grouped, self.rank_of[np.maximum(a, 0), np.maximum(b, 0)], self.unranked
            )
            cell = np.where(grouped, np.minimum(a, b) * self.k + np.maximum(a, b), -1)
            return rank, cell
        rank = np.full(len(low), self.unranked, dtype=np.int64)
        cell = np.full(len(low), -1, dtype=np.int64)
        assert self.lists is not None  # built whenever codes is None
        for index, (u, v) in enumerate(zip(low.tolist(), high.tolist(), strict=True)):
            for g in self.lists[u]:
                for h in self.lists[v]:
                    if self.rank_of[g, h] < rank[index]:
                        rank[index] = self.rank_of[g, h]
                        cell[index] = min(g, h) * self.k + max(g, h)
        return rank, cell


def shortlist(rank: np.ndarray, prescore: np.ndarray, per_rank: int) -> np.ndarray:
    """Indices of the ``per_rank`` best-prescored pairs of every gap rank.

    Pairs come sorted by key (low, high); the stable sort keeps that order among equals.
    """
    if not len(rank):
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(rank * (float(prescore.max()) + 1.0) - prescore, kind="stable")
    sorted_rank = rank[order]
    starts = np.flatnonzero(np.concatenate([[True], sorted_rank[1:] != sorted_rank[:-1]]))
    block_start = np.repeat(starts, np.diff(np.append(starts, len(order))))
    return order[np.arange(len(order)) - block_start < per_rank]


def gap_between(gaps: GapRanking, cell: int, first_groups: list[str]) -> dict[str, Any] | None:
    """Observed and expected ties between the pair's groups, a's group first: the cell of
    the one mixing matrix (`netzwerk.analysis.mixing.mixing`, each tie counted once)."""
    if cell < 0:
        return None
    g, h = divmod(cell, gaps.k)
    names = gaps.groups.groups
    if names[g] not in first_groups and names[h] in first_groups:
        g, h = h, g
    observed = float(gaps.observed[g, h])
    ratio = gaps.ratio[g, h]
    return {
        "groups": [gaps.groups.groups[g], gaps.groups.groups[h]],
        "observed": int(round(observed)),
        "expected": round(float(gaps.expected[g, h]), 3),
        "ratio": None if np.isnan(ratio) else round(float(ratio), 3),
    }


def round_robin(
    candidates: list[tuple[int, int, dict[str, Any]]],
    top: int,
    max_per_actor: int,
    for_actor: Hashable | None,
) -> list[tuple[int, dict[str, Any]]]:
    """One pair per gap per round, biggest gap first, best score first within a gap.

    Returns (group cell, shared) of the chosen pairs."""
    by_rank: dict[int, list[tuple[int, dict[str, Any]]]] = {}
    for rank, cell, shared in candidates:
        by_rank.setdefault(rank, []).append((cell, shared))
    queues = [
        sorted(by_rank[r], key=lambda c: (-c[1]["score"], str(c[1]["a"]), str(c[1]["b"])))
        for r in sorted(by_rank)
    ]
    chosen: list[tuple[int, dict[str, Any]]] = []
    used: dict[Hashable, int] = {}
    while len(chosen) < top and any(queues):
        for queue in queues:
            while queue:
                cell, shared = queue.pop(0)
                capped = [x for x in (shared["a"], shared["b"]) if x != for_actor]
                if all(used.get(x, 0) < max_per_actor for x in capped):
                    for x in capped:
                        used[x] = used.get(x, 0) + 1
                    chosen.append((cell, shared))
                    break
            if len(chosen) == top:
                break
    return chosen
