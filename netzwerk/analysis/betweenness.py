"""Betweenness centrality: how often an actor lies on the shortest way between two others."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import types
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from netzwerk.analysis._betweenness_result import (
    Betweenness,
    pair_scale,
    sampled_result,
    source_sample,
)
from netzwerk.analysis._betweenness_sparse import PathGraph, dependency_sums, path_graph
from netzwerk.analysis._graph_arrays import GraphArrays, graph_arrays

__all__ = ["Betweenness", "betweenness", "betweenness_kernel", "dependency_summer"]

EXACT_LIMIT = 2_000
"""Up to this many actors betweenness is computed exactly by default, above it is sampled."""
DEFAULT_SAMPLE = 256
"""Number of sampled sources for networks larger than `EXACT_LIMIT`."""
BATCHES = 16
"""A fixed sample is run in this many batches of sources (the error comes from their spread)."""
SCIPY_FROM = 100_000
"""From this many ties on, betweenness runs on the scipy kernel (`_betweenness_sparse`), else igraph."""
PARALLEL_WORK = 20_000_000
"""Betweenness of large networks runs in several processes from this many sources × ties."""


def betweenness(
    graph: nx.Graph,
    *,
    weighted: bool = True,
    normalized: bool = True,
    k_sample: int | None = None,
    seed: int | None = 42,
    processes: int | None = None,
    precision: float | None = None,
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
    `netzwerk.analysis._betweenness_sparse`, in worker processes for large jobs.

    Large networks (more than `EXACT_LIMIT` = 2,000 actors, unless ``k_sample`` is given):
    the estimate of Brandes & Pich (2007) from k = `DEFAULT_SAMPLE` = 256 sources drawn
    without replacement with ``seed`` (the same sources networkx picks for the same seed),
    scaled by (number of sources that could count for v) / (sources used), which is
    unbiased and exact when every actor is a source. The limit keeps exact runs to about
    2 s; a district network of a few hundred actors is always computed exactly.

    Each estimated value comes with its 95 % error (``error_95``): the exact value lies in
    value ± error for about 95 % of actors — measured, not proved (synthetic networks of
    5,000 and 20,000 actors: 95 %, of the top ten 92–97 %;
    `benchmarks/bench_betweenness_error.py`). It comes from pooled variances
    (`netzwerk.analysis._betweenness_error`). With
    ``precision`` (e.g. 0.01) sources are added until every actor's 95 % error is at most
    that (all sources: exact).

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
    precision : float or None
        Largest 95 % error wanted (normalised units); instead of ``k_sample``.

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
    Cochran, W. G. (1977). Sampling Techniques, 3rd ed., ch. 6 (ratio estimator).

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
        precision=precision,
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
    precision: float | None = None,
    parts: list[list[int]] | None = None,
) -> Betweenness:
    """`betweenness` on prepared arrays; ``pool`` restricts sources and targets to a subset.

    With a pool, only pairs of pool members count, and values are normalised by the number
    of such pairs not involving the actor. ``parts``: sample exactly these batches of
    sources (indices) instead of drawing them.
    """
    members = list(range(arrays.n)) if pool is None else list(pool)
    targets = None if len(members) == arrays.n else members
    sample = source_sample(
        arrays, members, lambda batches: _batch_sums(arrays, weighted, batches, targets, processes)
    )
    scale = pair_scale(arrays, sample.valid, normalized)
    raw: np.ndarray | None
    error: np.ndarray | None
    if parts is not None:
        raw, error = sample.given(parts, sample.sums_of(parts))
        k = sum(len(part) for part in parts)
    elif precision is not None:
        raw, error, k = sample.to_precision(precision, scale, seed, DEFAULT_SAMPLE)
    else:
        k = _sources_to_use(len(members), k_sample)
        raw, error = (None, None) if k >= len(members) else sample.fixed(k, seed, BATCHES)
    if raw is None or error is None:
        values = _exact(arrays, weighted, None if pool is None else members, processes) * scale
        result = {node: float(values[i]) for i, node in enumerate(arrays.nodes)}
        return Betweenness(
            result, weighted, normalized, True, len(members), seed, precision=precision
        )
    return sampled_result(
        arrays, sample, raw, error, scale, weighted, normalized, k, seed, precision
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


def _large(arrays: GraphArrays) -> bool:
    return len(arrays.tail) >= SCIPY_FROM


def _batch_sums(
    arrays: GraphArrays,
    weighted: bool,
    batches: list[list[int]],
    targets: list[int] | None,
    processes: int | None,
) -> np.ndarray:
    """Per batch of sources, Σ_s δ_s(v) for every v (batches × n; halved if undirected).

    igraph, one call per batch; from `SCIPY_FROM` ties on the scipy kernel, for large jobs
    (sources × ties ≥ `PARALLEL_WORK`) in up to 4 worker processes (the kernels hold the
    GIL). The sums do not depend on the kernel (up to rounding) or the processes.
    """
    work = sum(len(batch) for batch in batches) * len(arrays.tail)
    if processes is None:
        processes = min(_available_cores(), 4) if work >= PARALLEL_WORK else 1
    if not _large(arrays) or processes <= 1 or len(batches) < 2:
        sums_of = dependency_summer(arrays, weighted)
        return np.array([sums_of(batch, targets) for batch in batches])
    graph = _path_graph(arrays, weighted)
    mask = _mask(arrays.n, targets)
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


def dependency_summer(
    arrays: GraphArrays, weighted: bool
) -> Callable[[list[int], list[int] | None], np.ndarray]:
    """A function (sources, targets or None for all) → Σ_s δ_s(v) for every v, in this
    process (halved if undirected); igraph, from `SCIPY_FROM` ties the scipy kernel."""
    if not _large(arrays):
        weights = "distance" if weighted else None

        def by_igraph(sources: list[int], targets: list[int] | None) -> np.ndarray:
            sums = arrays.igraph.betweenness(weights=weights, sources=sources, targets=targets)
            return np.asarray(sums, dtype=float)

        return by_igraph
    graph = _path_graph(arrays, weighted)
    return lambda sources, targets: dependency_sums(graph, sources, _mask(arrays.n, targets))


def _path_graph(arrays: GraphArrays, weighted: bool) -> PathGraph:
    lengths = arrays.distance if weighted else np.ones(len(arrays.tail))
    return path_graph(arrays.n, arrays.tail, arrays.head, lengths, arrays.directed)


def _mask(n: int, members: list[int] | None) -> np.ndarray | None:
    if members is None:
        return None
    mask = np.zeros(n, dtype=bool)
    mask[members] = True
    return mask


@contextlib.contextmanager
def _callers_script_hidden() -> Iterator[None]:
    """Start worker processes without running the caller's script again.

    A forkserver or spawn worker imports the parent's ``__main__`` by its file; a script
    without an ``if __name__ == "__main__":`` guard would run again in every worker. While
    the pool runs, ``__main__`` is an empty module without a file, which workers skip.
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
