"""Betweenness before and after the coordinators drop out, counting pairs of the others.

`coordinator_dependency` compares, for every other actor v, its betweenness over pairs
of other actors with the coordinators in the network (before) and without them (after).
Exact runs compute both directly. A sampled estimate reuses the sources of the intact
network's run (the broker table's): those that are not coordinators are the sources of
both runs, so before and after differ by the network, not by the sample, and "before"
needs no run of its own. For an undirected network and a batch b of sources, with K the
other actors and δ_st(v) = σ_st(v)/σ_st:

.. math:: \\sum_{s \\in b \\cap K} \\sum_{t \\in K} δ_{st}(v)
   = S_b(v) - \\sum_{s \\in b \\setminus K} \\sum_t δ_{st}(v)
     - \\sum_{c \\notin K} \\sum_{s \\in b \\cap K} δ_{cs}(v)

where S_b(v) is the batch's sum in the intact run and the last term uses δ_sc = δ_cs:
one shortest-path run from each coordinator per batch, instead of a full sample.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypedDict

import numpy as np

from netzwerk.analysis._betweenness_result import (
    Betweenness,
    SampledBatches,
    pair_scale,
    sampled_result,
    source_sample,
)
from netzwerk.analysis._graph_arrays import GraphArrays
from netzwerk.analysis.betweenness import betweenness_kernel, dependency_summer


class BetweennessOptions(TypedDict):
    """The `betweenness_kernel` options every run of `coordinator_dependency` shares."""

    weighted: bool
    k_sample: int | None
    seed: int | None
    precision: float | None


def before_and_after(
    arrays: GraphArrays,
    others: np.ndarray,
    intact: Betweenness,
    options: BetweennessOptions,
    max_sources: int | None = None,
) -> tuple[dict[Hashable, float], dict[Hashable, float], int]:
    """Normalised betweenness of the ``others`` over their pairs, before and after, and
    how many of the intact run's sources they were estimated from (``intact.sources``
    unless cut). A sampled estimate takes the intact run's batches, only the first ones up
    to ``max_sources`` sources (at least one batch; None: all); its sources that are
    coordinators drop out."""
    sampled = intact.batches
    if sampled is None or arrays.directed or sampled.nodes != arrays.nodes:
        pool = np.flatnonzero(others).tolist()
        before = betweenness_kernel(arrays, pool=pool, **options).values
        after = betweenness_kernel(arrays.subgraph(others), **options).values
        return before, after, intact.sources
    used = first_batches(sampled, max_sources)
    estimate = kept_pairs(arrays, intact, others, used)
    new_index = np.cumsum(others) - 1
    kept_sources = estimate.batches.parts if estimate.batches else []
    parts = [[int(new_index[s]) for s in part] for part in kept_sources]
    without = betweenness_kernel(
        arrays.subgraph(others), weighted=intact.weighted, parts=parts, seed=intact.seed
    )
    return estimate.values, without.values, sum(len(part) for part in used.parts)


def first_batches(sampled: SampledBatches, max_sources: int | None) -> SampledBatches:
    """The first batches of ``sampled`` with at most ``max_sources`` sources in all, at
    least one batch (None: all of them).

    >>> batches = SampledBatches(["a", "b", "c"], [[0, 1], [2], [1]], np.zeros((3, 3)))
    >>> first_batches(batches, 3).parts, first_batches(batches, 1).parts
    ([[0, 1], [2]], [[0, 1]])
    """
    if max_sources is None:
        return sampled
    count, total = 0, 0
    for part in sampled.parts:
        if count and total + len(part) > max_sources:
            break
        count, total = count + 1, total + len(part)
    return SampledBatches(sampled.nodes, sampled.parts[:count], sampled.sums[:count])


def kept_pairs(
    arrays: GraphArrays,
    intact: Betweenness,
    keep: np.ndarray,
    batches: SampledBatches | None = None,
) -> Betweenness:
    """A sampled estimate over pairs of kept actors from the intact run's batches (or the
    given ``batches`` of them; the identity above; undirected only), normalised by those
    pairs."""
    batches = batches if batches is not None else intact.batches
    if batches is None or arrays.directed:
        raise ValueError("needs the batches of a sampled run on an undirected network")
    sums_of = dependency_summer(arrays, intact.weighted)
    dropped = np.flatnonzero(~keep).tolist()
    parts: list[list[int]] = []
    sums: list[np.ndarray] = []
    for part, intact_sums in zip(batches.parts, batches.sums, strict=True):
        kept = [s for s in part if keep[s]]
        if not kept:
            continue
        gone = [s for s in part if not keep[s]]
        batch_sums = intact_sums - sums_of(dropped, kept)
        if gone:
            batch_sums -= sums_of(gone, None)
        parts.append(kept)
        sums.append(batch_sums)
    sample = source_sample(arrays, np.flatnonzero(keep).tolist(), lambda _: np.empty(0))
    raw, error = sample.given(parts, np.array(sums))
    scale = pair_scale(arrays, sample.valid, normalized=True)
    k = sum(len(part) for part in parts)
    return sampled_result(
        arrays, sample, raw, error, scale, intact.weighted, True, k, intact.seed, None
    )
