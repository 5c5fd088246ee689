"""Betweenness centrality: how often an actor lies on the shortest way between two others."""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import random
import sys
import types
from collections.abc import Hashable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from netzwerk.analysis._betweenness_sparse import PathGraph, dependency_sums, path_graph
from netzwerk.analysis._graph_arrays import GraphArrays, graph_arrays

EXACT_LIMIT = 2_000
"""Up to this many actors betweenness is computed exactly by default, above it is sampled."""
DEFAULT_SAMPLE = 256
"""Number of sampled sources for networks larger than `EXACT_LIMIT`."""
CONFIDENCE = 0.95
BATCHES = 16
SCIPY_FROM = 100_000
"""From this many ties on, betweenness runs on the scipy kernel (`_betweenness_sparse`), else igraph."""
PARALLEL_WORK = 20_000_000
"""Betweenness of large networks runs in several processes from this many sources × ties."""


@dataclass(frozen=True)
class Betweenness:
    """Betweenness of every actor and how it was obtained.

    ``values`` are normalised to [0, 1] unless asked otherwise. For a sampled estimate,
    ``standard_error`` holds each actor's estimated standard error (same units as
    ``values``; None where undefined), ``max_standard_error`` the largest of them and
    ``error_bound`` the distribution-free 95 % bound on any single actor's error
    (Hoeffding).
    """

    values: dict[Hashable, float]
    weighted: bool
    normalized: bool
    exact: bool
    sources: int
    seed: int | None
    standard_error: dict[Hashable, float | None] | None = None
    max_standard_error: float | None = None
    error_bound: float | None = None

    def method(self) -> dict[str, Any]:
        """How the values were computed, for the output's options line."""
        return {
            "betweenness": "exact" if self.exact else "sampled",
            "betweenness_weighted": self.weighted,
            "betweenness_sources": self.sources,
            "betweenness_seed": None if self.exact else self.seed,
            "betweenness_max_standard_error": self.max_standard_error,
            "betweenness_error_bound_95": self.error_bound,
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def betweenness(
    graph: nx.Graph,
    *,
    weighted: bool = True,
    normalized: bool = True,
    k_sample: int | None = None,
    seed: int | None = 42,
    processes: int | None = None,
) -> Betweenness:
    r"""How often each actor lies on the shortest ways between two other actors.

    An actor with high betweenness connects others who would otherwise be far apart: the
    QM can reach groups through them, and much depends on them.

    Freeman's betweenness (1977), computed with Brandes' algorithm (2001):

    .. math:: C_B(v) = \sum_{s \ne v \ne t} \frac{\sigma_{st}(v)}{\sigma_{st}}

    with :math:`\sigma_{st}` the number of shortest paths between s and t and
    :math:`\sigma_{st}(v)` those passing through v. Each unordered pair counts once in an
    undirected graph; normalised by the number of pairs not involving v,
    :math:`(n-1)(n-2)/2` (directed graphs: :math:`(n-1)(n-2)` ordered pairs), as networkx does.

    Weighted (``weighted=True``): path lengths are sums of the edge attribute ``distance``
    (in the actor view ``distance = 1/weight``, so a stronger tie is a shorter way; where
    ``distance`` is missing 1/``weight`` is used). Path lengths equal to within a relative
    1e-10 count as equally short (sums of the same lengths in another order may differ in
    the last bits). Unweighted: every tie has length 1.

    Computed with igraph up to 100,000 ties, above with the scipy kernel of
    `netzwerk.analysis._betweenness_sparse` (twice as fast there), in worker processes for large jobs;
    both are checked against networkx in the tests.

    Large networks (more than `EXACT_LIMIT` = 2,000 actors, unless ``k_sample`` is given):
    the estimate of Brandes & Pich (2007) from k = `DEFAULT_SAMPLE` = 256 sources drawn
    without replacement with ``seed`` (the same sources networkx picks for the same seed),
    scaled by (number of sources that could count for v) / (sources used), which is
    unbiased and exact when every actor is a source. The limit keeps exact runs to about
    2 s; a district network of a few hundred actors is always computed exactly. The
    estimate's error is reported two ways:

    - each actor's estimated standard error, from the spread between 16 batches of
      sources with the finite-population correction (``standard_error``; on the synthetic
      benchmark networks of 5,000 and 100,000 actors the largest is about 0.006 and 0.004);
    - a worst-case bound that holds for any network and actor with 95 % probability
      (Hoeffding): :math:`\sqrt{\ln(2/0.05)/(2k)}`, 0.085 for k = 256.

    In large networks even the top brokers' values are small (0.01–0.05), so an estimated
    ranking is approximate: compare the values with their standard errors.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
    weighted : bool
        Use ``distance`` as path length (default) or count ties (False).
    normalized : bool
        Divide by the number of pairs (default); False gives pair counts.
    k_sample : int or None
        None: exact up to 2,000 actors, else 256 sampled sources. An integer k ≥ 2 samples
        k sources; k ≥ number of actors gives the exact value.
    seed : int or None
        Seed of the source sample (fixed by default, so results are reproducible).
    processes : int or None
        Worker processes for a sampled estimate; None: as many as there are cores (at
        most 4) for large jobs, else 1. The result does not depend on it.

    Returns
    -------
    Betweenness
        ``values`` (actor → betweenness) and how they were obtained.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40(1), 35–41.
    Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
    Mathematical Sociology 25(2), 163–177.
    Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. International
    Journal of Bifurcation and Chaos 17(7), 2303–2318.

    Examples
    --------
    In the path a – b – c, b lies on the only path between a and c:

    >>> P = nx.path_graph(["a", "b", "c"])
    >>> betweenness(P, weighted=False).values
    {'a': 0.0, 'b': 1.0, 'c': 0.0}

    A strong detour (distance 0.5 + 0.5) is as short as the weak direct tie (1.0), so half
    the shortest ways between a and c run through b:

    >>> T = nx.Graph([("a", "b", {"distance": 0.5}), ("b", "c", {"distance": 0.5}),
    ...               ("a", "c", {"distance": 1.0})])
    >>> betweenness(T, normalized=False).values["b"]
    0.5
    """
    arrays = graph_arrays(graph, weight="weight", distance="distance" if weighted else None)
    return betweenness_kernel(
        arrays,
        weighted=weighted,
        normalized=normalized,
        k_sample=k_sample,
        seed=seed,
        processes=processes,
    )


def betweenness_kernel(
    arrays: GraphArrays,
    *,
    weighted: bool = True,
    normalized: bool = True,
    k_sample: int | None = None,
    seed: int | None = 42,
    pool: Sequence[int] | None = None,
    processes: int | None = None,
) -> Betweenness:
    """`betweenness` on prepared arrays; ``pool`` restricts sources and targets to a subset.

    With a pool, only pairs of pool members count, and values are normalised by the number
    of such pairs not involving the actor.
    """
    n = arrays.n
    members = list(range(n)) if pool is None else list(pool)
    k = _sources_to_use(len(members), k_sample)
    exact = k >= len(members)
    in_pool = np.zeros(n, dtype=bool)
    in_pool[members] = True
    # sources that could count for v: every pool member except v itself
    valid = len(members) - in_pool.astype(np.int64)
    if exact:
        raw = _exact(arrays, weighted, None if pool is None else members, processes)
        error = None
    else:
        raw, error = _sampled(arrays, weighted, members, k, seed, valid, in_pool, processes)
    pairs = valid * (valid - 1) / (1 if arrays.directed else 2)
    scale = np.divide(1.0, pairs, out=np.zeros(n), where=pairs > 0) if normalized else np.ones(n)
    values = raw * scale
    result = {node: float(values[i]) for i, node in enumerate(arrays.nodes)}
    if error is None:
        return Betweenness(result, weighted, normalized, True, len(members), seed)
    error = error * scale
    errors = {
        node: (None if math.isnan(error[i]) else float(error[i]))
        for i, node in enumerate(arrays.nodes)
    }
    finite = error[~np.isnan(error)]
    bound = math.sqrt(math.log(2 / (1 - CONFIDENCE)) / (2 * k)) if normalized else None
    return Betweenness(
        result,
        weighted,
        normalized,
        False,
        k,
        seed,
        errors,
        float(finite.max()) if len(finite) else None,
        bound,
    )


def _sources_to_use(pool_size: int, k_sample: int | None) -> int:
    if k_sample is None:
        return pool_size if pool_size <= EXACT_LIMIT else DEFAULT_SAMPLE
    if k_sample < 2:
        raise ValueError("k_sample must be at least 2 (or None for the default)")
    return min(k_sample, pool_size)


def _exact(
    arrays: GraphArrays, weighted: bool, members: list[int] | None, processes: int | None
) -> np.ndarray:
    """Σ over all (pool) sources of δ_s(v), each unordered pair once if undirected."""
    if not _large(arrays):
        weights = "distance" if weighted else None
        if members is None:
            return np.asarray(arrays.igraph.betweenness(weights=weights), dtype=float)
        return np.asarray(
            arrays.igraph.betweenness(weights=weights, sources=members, targets=members),
            dtype=float,
        )
    sources = list(range(arrays.n)) if members is None else members
    batches = [sources[i : i + 64] for i in range(0, len(sources), 64)]
    totals: NDArray[np.float64] = _batch_sums(arrays, weighted, batches, members, processes).sum(
        axis=0
    )
    return totals


def _sampled(
    arrays: GraphArrays,
    weighted: bool,
    members: list[int],
    k: int,
    seed: int | None,
    valid: np.ndarray,
    in_pool: np.ndarray,
    processes: int | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Estimate and standard error from ``k`` sources sampled from ``members``.

    The sources are run in about `BATCHES` batches (one kernel call each; a call per
    source costs igraph twice as much); the standard error is the ratio estimator's, from the spread of the batch sums, with the
    finite-population correction for sampling without replacement.
    """
    chosen = random.Random(seed).sample(members, k)
    targets = None if len(members) == arrays.n else members
    size = max(1, k // BATCHES)
    batches = [chosen[i : i + size] for i in range(0, k, size)]
    sums = _batch_sums(arrays, weighted, batches, targets, processes)
    used = np.empty((len(batches), arrays.n))
    for b, batch in enumerate(batches):
        # a source never lies between itself and others: for v among the sources only
        # the other sources sample the pairs that count for v
        used[b] = len(batch)
        used[b, batch] -= in_pool[batch]
    total, count = sums.sum(axis=0), used.sum(axis=0)
    ratio = total / count
    raw = valid * ratio
    spread = ((sums - ratio * used) ** 2).sum(axis=0) / (len(batches) - 1)
    correction = np.clip(1.0 - count / np.maximum(valid, 1), 0.0, 1.0)
    mean_used = count / len(batches)
    error = valid * np.sqrt(spread / len(batches) * correction) / mean_used
    return raw, error


def _large(arrays: GraphArrays) -> bool:
    return len(arrays.tail) >= SCIPY_FROM


def _batch_sums(
    arrays: GraphArrays,
    weighted: bool,
    batches: list[list[int]],
    targets: list[int] | None,
    processes: int | None,
) -> np.ndarray:
    """Per batch of sources, Σ_s δ_s(v) for every v (batches × n array; halved if
    undirected, so that summed over all sources each pair counts once).

    Small networks: igraph, one call per batch. From `SCIPY_FROM` ties on: the scipy
    kernel of `netzwerk.analysis._betweenness_sparse` (twice as fast there); large jobs
    (``processes=None``: sources × ties ≥ `PARALLEL_WORK`) run in a pool of worker
    processes, one per available core (at most 4) — the kernels hold the GIL, so threads
    would not help. The sums do not depend on the kernel (up to rounding) or on how batches
    are spread over processes.
    """
    if not _large(arrays):
        weights = "distance" if weighted else None
        return np.array(
            [
                arrays.igraph.betweenness(weights=weights, sources=batch, targets=targets)
                for batch in batches
            ]
        )
    lengths = arrays.distance if weighted else np.ones(len(arrays.tail))
    graph = path_graph(arrays.n, arrays.tail, arrays.head, lengths, arrays.directed)
    mask = None
    if targets is not None:
        mask = np.zeros(arrays.n, dtype=bool)
        mask[targets] = True
    work = sum(len(batch) for batch in batches) * len(arrays.tail)
    if processes is None:
        processes = min(_available_cores(), 4) if work >= PARALLEL_WORK else 1
    if processes <= 1 or len(batches) < 2:
        return np.array([dependency_sums(graph, batch, mask) for batch in batches])
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with (
        _callers_script_hidden(),
        ProcessPoolExecutor(
            min(processes, len(batches)),
            mp_context=context,
            initializer=_start_worker,
            initargs=(graph, mask),
        ) as pool,
    ):
        return np.array(list(pool.map(_worker_sums, batches)))


@contextlib.contextmanager
def _callers_script_hidden() -> Iterator[None]:
    """Start worker processes without running the caller's script again.

    A forkserver or spawn worker imports the parent's ``__main__`` (by its file) before it
    runs anything; a notebook user's script without an ``if __name__ == "__main__":``
    guard would then run once more in every worker. The workers need nothing from it (the
    kernel lives in this package), so while the pool starts and runs, ``__main__`` is an
    empty module without a file: `multiprocessing.spawn.get_preparation_data` then tells
    the workers to leave their ``__main__`` alone.
    """
    callers = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = callers


def _available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


_worker_graph: tuple[PathGraph, np.ndarray | None] | None = None


def _start_worker(graph: PathGraph, targets: np.ndarray | None) -> None:
    global _worker_graph
    _worker_graph = (graph, targets)


def _worker_sums(batch: list[int]) -> np.ndarray:
    if _worker_graph is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("worker started without a graph")
    graph, targets = _worker_graph
    return dependency_sums(graph, batch, targets)
