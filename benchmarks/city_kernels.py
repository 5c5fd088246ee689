"""bench_city below the step table: kernels against networkx and igraph, the error bar's coverage.

`kernel_rows` reads the store bench_city just loaded, builds the actor view (untimed) and
times netzwerk's broker kernels (`broker_analysis`: betweenness from 256 sources, the four
structural-hole measures, brokerage roles, cut points) next to plain networkx
(`bench_brokers.networkx_times`) and igraph (`bench_brokers.igraph_times`) on the same
view in the same process. Where networkx would take hours its time is estimated from a
subset and scaled (the row says so). `coverage_rows` measures how often the stated 95 %
interval of sampled betweenness contains the exact value (`bench_betweenness_error`).
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_betweenness_error import TARGET, coverage  # noqa: E402
from benchmarks.bench_brokers import igraph_times, networkx_times  # noqa: E402
from netzwerk.analysis._graph_arrays import graph_arrays  # noqa: E402
from netzwerk.analysis.brokers import broker_analysis  # noqa: E402
from netzwerk.analysis.views import actor_view  # noqa: E402
from netzwerk.store import open_store  # noqa: E402

KERNELS = ("betweenness", "structural_holes", "brokerage", "cut_points")
NETWORKX_FULL_UP_TO = 5_000
"""Up to this many actors networkx runs every kernel in full; above, from a subset."""
SUBSET = 300
COVERAGE_SIZES = (5_000, 20_000)


def kernel_rows(store: str, actors: int) -> list[str]:
    """Per kernel: our seconds (CPU), networkx's and igraph's on the same view, ratios."""
    with open_store(store) as opened:
        view = actor_view(opened.graph())
    analysis = broker_analysis(view)
    subset = None if actors <= NETWORKX_FULL_UP_TO else SUBSET
    networkx = networkx_times(view, subset)
    igraph = {**igraph_times(view), "betweenness": igraph_betweenness(view)}
    rows = [
        f"  kernels on the same view ({view.number_of_nodes():,} actors, "
        f"{view.number_of_edges():,} ties; betweenness from "
        f"{analysis.options.get('betweenness_sources')} sources; load average "
        f"{os.getloadavg()[0]:.1f}):",
        f"    {'kernel':<17} {'ours s':>7} {'networkx s':>11} {'×':>6} "
        f"{'igraph s':>9} {'ours/igraph':>12}   how networkx was timed",
    ]
    for kernel in KERNELS:
        ours = analysis.timings[kernel][0]
        theirs, how = networkx[kernel]
        line = f"    {kernel:<17} {ours:7.2f} {theirs:11.1f} {theirs / ours:6.0f}"
        if kernel in igraph:
            seconds, what = igraph[kernel]
            line += f" {seconds:9.2f} {ours / seconds:11.1f}×   {how}; igraph: {what}"
        else:
            line += f" {'—':>9} {'—':>12}   {how}; igraph: no such measure"
        rows.append(line)
    return rows


def igraph_betweenness(view) -> tuple[float, str]:
    """Seconds igraph needs for betweenness from 256 sources (``sources=``, weighted by
    distance) on the same view, arrays built untimed."""
    arrays = graph_arrays(view, weight="weight", distance="distance")
    sources = random.Random(1).sample(range(arrays.n), min(256, arrays.n))
    start = time.perf_counter()
    arrays.igraph.betweenness(weights="distance", sources=sources)
    return time.perf_counter() - start, "256 sources (sources=)"


def coverage_rows(seeds: int) -> Iterator[str]:
    """Coverage of the stated 95 % interval at 5,000 and 20,000 actors over ``seeds`` seeds."""
    low, high = TARGET
    yield (
        f"betweenness error bar: coverage of the stated 95 % interval ({seeds} seeds of "
        f"256 sources per size, exact values from igraph; target {low:.0%}–{high:.0%})"
    )
    for actors in COVERAGE_SIZES:
        result = coverage(actors, seeds)
        verdict = "ok" if low <= result["all"] <= high else "OUTSIDE TARGET"
        yield (
            f"  {actors:>6,} actors: {result['all']:.1%} ({verdict}); top 10 "
            f"{result['top10']:.1%}, top 50 {result['top50']:.1%}; largest stated error "
            f"{result['largest']:.4f}, actual RMS error {result['rms']:.5f} "
            f"(exact run {result['exact_s']:.0f} s; load average {os.getloadavg()[0]:.1f})"
        )
