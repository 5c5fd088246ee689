"""Coverage of the stated 95 % error of sampled betweenness.

    .venv/bin/python benchmarks/bench_betweenness_error.py           # 5,000 and 20,000 actors
    .venv/bin/python benchmarks/bench_betweenness_error.py --quick   # 5,000 actors only

On the synthetic district networks (`benchmarks.synthetic.store_graph(n, 4n)`, actor view)
betweenness is computed exactly once, then estimated from 256 sources with several seeds.
Printed per size: the share of actors whose interval value ± ``betweenness_error_95``
contains the exact value (target 93–97 %), the same for the ten and fifty highest, the
largest stated error and the root-mean-square actual error. The exact run at 20,000
actors takes a few minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import store_graph  # noqa: E402
from netzwerk.analysis._graph_arrays import graph_arrays  # noqa: E402
from netzwerk.analysis.betweenness import betweenness_kernel  # noqa: E402
from netzwerk.analysis.views import actor_view  # noqa: E402

SIZES = {5_000: 10, 20_000: 4}
"""Actors → seeds of the source sample."""
TARGET = (0.93, 0.97)


def coverage(n: int, seeds: int) -> dict[str, float]:
    """Coverage of the stated 95 % error over ``seeds`` samples of 256 sources."""
    arrays = graph_arrays(actor_view(store_graph(n, 4 * n)), weight="weight", distance="distance")
    start = time.perf_counter()
    # igraph in one process: at 20,000 actors 4× quicker than the worker pool under load
    pairs = (arrays.n - 1) * (arrays.n - 2) / 2
    truth = np.asarray(arrays.igraph.betweenness(weights="distance")) / pairs
    exact_seconds = time.perf_counter() - start
    top = np.argsort(-truth)
    covered = np.zeros(arrays.n)
    squared, largest = 0.0, 0.0
    for seed in range(seeds):
        estimate = betweenness_kernel(arrays, seed=1000 + seed)
        values = np.array([estimate.values[v] for v in arrays.nodes])
        error = np.array([estimate.error_95[v] for v in arrays.nodes])
        covered += np.abs(values - truth) <= error
        squared += float(np.mean((values - truth) ** 2)) / seeds
        largest = max(largest, estimate.max_error_95 or 0.0)
    covered /= seeds
    return {
        "all": float(covered.mean()),
        "top10": float(covered[top[:10]].mean()),
        "top50": float(covered[top[:50]].mean()),
        "largest": largest,
        "rms": squared**0.5,
        "exact_s": exact_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5,000 actors only")
    args, _ = parser.parse_known_args()  # tools/run-benchmarks.sh passes every option on
    sizes = {5_000: SIZES[5_000]} if args.quick else SIZES
    for n, seeds in sizes.items():
        result = coverage(n, seeds)
        low, high = TARGET
        verdict = "ok" if low <= result["all"] <= high else "OUTSIDE TARGET"
        print(
            f"betweenness error, {n:,} actors, 256 sources, {seeds} seeds: "
            f"coverage of the 95 % interval {result['all']:.1%} ({verdict}, target "
            f"{low:.0%}–{high:.0%}); top 10 {result['top10']:.1%}, top 50 "
            f"{result['top50']:.1%}; largest stated error {result['largest']:.4f}, actual "
            f"RMS error {result['rms']:.5f} (exact run {result['exact_s']:.0f} s)",
            flush=True,
        )


if __name__ == "__main__":
    main()
