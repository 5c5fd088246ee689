"""Time the broker table on a synthetic district network.

    .venv/bin/python benchmarks/bench_brokers.py            # 5,000 actors / 20,000 ties
    .venv/bin/python benchmarks/bench_brokers.py --large    # 100,000 actors / 500,000 ties

Targets (2 cores): the full `broker_table` in ≤ 3 s at the default size, ≤ 60 s and
≤ 4 GB peak RSS at the large size (betweenness sampled from 256 sources there). Building
the synthetic store graph and the actor view is timed separately: not part of the target.

Per measure, wall-clock and CPU seconds are printed, and the ratio to plain networkx on the
same graph (networkx's betweenness with the same 256 sources, constraint, effective size,
articulation points; brokerage has no networkx function, so a plain Python loop over the
two-paths stands in). On the large graph networkx would take hours, so its time is
estimated from a subset (a few sources, or a few hundred actors) and scaled up linearly;
the output says so. At the default size the coordinator dependency is timed too (not a
target). Peak RSS is sampled over the whole process tree (betweenness may run in
worker processes; sampled every 0.25 s). On a busy machine wall > CPU.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import store_graph  # noqa: E402
from netzwerk.analysis._graph_arrays import graph_arrays  # noqa: E402
from netzwerk.analysis.brokers import broker_analysis, coordinator_dependency  # noqa: E402
from netzwerk.analysis.gould_fernandez import group_values  # noqa: E402
from netzwerk.analysis.views import actor_view  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402

SIZES = {
    "default": {"actors": 5_000, "ties": 20_000, "budget": 3.0, "subset": None},
    "large": {"actors": 100_000, "ties": 500_000, "budget": 60.0, "subset": 300},
}
MEMORY_BUDGET = 4 * 1024**3


class ProcessTree:
    """Peak resident set of this process plus its children (betweenness may run in worker
    processes), and the CPU seconds the children used; sampled every 0.25 s."""

    def __init__(self) -> None:
        self.peak = 0
        self._child_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    @property
    def child_cpu(self) -> float:
        return sum(self._child_cpu.values())

    def _watch(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            with contextlib.suppress(psutil.Error):
                total += me.memory_info().rss
            for child in me.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_info().rss
                    times = child.cpu_times()
                    self._child_cpu[child.pid] = times.user + times.system
            self.peak = max(self.peak, total)
            self._stop.wait(0.25)

    def __enter__(self) -> ProcessTree:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def timed(function: Callable[[], object]) -> float:
    watch = Stopwatch()
    function()
    return watch.elapsed()[0]


def networkx_times(view: nx.Graph, subset: int | None) -> dict[str, tuple[float, str]]:
    """Seconds plain networkx needs per measure (estimated from a subset if asked)."""
    rng = random.Random(1)
    nodes = list(view)
    sources = rng.sample(nodes, 256)
    out: dict[str, tuple[float, str]] = {}
    if subset is None:
        out["betweenness"] = (
            timed(lambda: nx.betweenness_centrality(view, k=256, seed=42, weight="distance")),
            "measured",
        )
        out["structural_holes"] = (
            timed(lambda: nx.constraint(view, weight="weight"))
            + timed(lambda: nx.effective_size(view, nodes=nodes, weight="weight")),
            "measured (effective size on its per-node path)",
        )
        out["brokerage"] = (timed(lambda: _plain_brokerage(view, nodes)), "measured")
    else:
        few = sources[:8]
        seconds = timed(
            lambda: nx.betweenness_centrality_subset(view, few, nodes, weight="distance")
        )
        out["betweenness"] = (
            seconds * 256 / len(few),
            f"estimated: {len(few)} of 256 sources, scaled",
        )
        sample = rng.sample(nodes, subset)
        seconds = timed(lambda: nx.constraint(view, nodes=sample, weight="weight")) + timed(
            lambda: nx.effective_size(view, nodes=sample, weight="weight")
        )
        out["structural_holes"] = (
            seconds * len(nodes) / subset,
            f"estimated: {subset} actors, scaled",
        )
        seconds = timed(lambda: _plain_brokerage(view, sample))
        out["brokerage"] = (seconds * len(nodes) / subset, f"estimated: {subset} actors, scaled")
    out["cut_points"] = (timed(lambda: list(nx.articulation_points(view))), "measured")
    return out


def igraph_times(view: nx.Graph) -> dict[str, tuple[float, str]]:
    """Seconds igraph needs for what it also computes, on the same graph (built untimed):
    Burt's constraint alone (we compute four measures) and the articulation points."""
    arrays = graph_arrays(view, weight="weight", distance=None)
    graph = arrays.igraph
    weights = arrays.weight.tolist()
    return {
        "structural_holes": (
            timed(lambda: graph.constraint(weights=weights)),
            "constraint alone",
        ),
        "cut_points": (timed(graph.articulation_points), "articulation points"),
    }


def _plain_brokerage(view: nx.Graph, brokers: list) -> None:
    """Gould–Fernandez counts the plain way: every ordered neighbour pair of each broker."""
    group = dict(zip(view, group_values(view, "sector"), strict=True))
    for b in brokers:
        counts = [0] * 5
        neighbours = list(view[b])
        for a in neighbours:
            for c in neighbours:
                if a == c or view.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if ga == gb == gc:
                    counts[0] += 1
                elif ga == gc:
                    counts[1] += 1
                elif ga == gb:
                    counts[2] += 1
                elif gb == gc:
                    counts[3] += 1
                else:
                    counts[4] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="100,000 actors / 500,000 ties")
    parser.add_argument(
        "--no-networkx", action="store_true", help="skip the comparison with plain networkx"
    )
    args = parser.parse_args()
    size = SIZES["large" if args.large else "default"]

    watch = Stopwatch()
    view = actor_view(store_graph(size["actors"], size["ties"]))
    wall, _ = watch.elapsed()
    print(
        f"{size['actors']:,} actors, {size['ties']:,} ties -> view with "
        f"{view.number_of_nodes():,} actors, {view.number_of_edges():,} ties"
    )
    print(f"  setup (synthetic store graph + actor_view, not counted): {wall:.2f} s")

    with ProcessTree() as tree:
        watch = Stopwatch()
        analysis = broker_analysis(view)
        wall, cpu = watch.elapsed()
    options = analysis.options
    print(
        f"  betweenness: {options['betweenness']}, {options['betweenness_sources']} sources, "
        f"largest 95 % error {options['betweenness_max_error_95'] or 0:.4f}"
    )
    reference = {} if args.no_networkx else networkx_times(view, size["subset"])
    with_igraph = igraph_times(view)
    for step, (seconds, step_cpu) in analysis.timings.items():
        line = f"  broker_table: {step:<17} {seconds:7.2f} s (cpu {step_cpu:6.2f} s)"
        if step in reference:
            theirs, how = reference[step]
            line += f"   networkx {theirs:8.1f} s ({how}): {theirs / seconds:5.0f}x"
        if step in with_igraph:
            theirs, how = with_igraph[step]
            line += f"   igraph {theirs:6.2f} s ({how}): ours {seconds / theirs:4.1f}x its time"
        print(line)
    ok_time = wall <= size["budget"]
    ok_memory = tree.peak <= MEMORY_BUDGET
    print(
        f"  broker_table total: {wall:.2f} s wall, cpu {cpu:.2f} s here + "
        f"{tree.child_cpu:.2f} s in worker processes; target {size['budget']:.0f} s: "
        f"{'ok' if ok_time else 'OVER'}"
    )
    print(
        f"  peak RSS (process tree): {tree.peak / 1024**2:,.0f} MB, target 4,096 MB: "
        f"{'ok' if ok_memory else 'OVER'}"
    )
    print(f"  load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    if args.large:
        return  # dependency runs betweenness three times: minutes here, and not a target
    watch = Stopwatch()
    dependency = coordinator_dependency(view)
    wall, cpu = watch.elapsed()
    print(
        f"  coordinator_dependency (not a target): {wall:.2f} s (cpu {cpu:.2f} s); "
        f"{dependency['connected_pairs_lost']:,} pairs lost without {dependency['coordinators']}"
    )


if __name__ == "__main__":
    main()
