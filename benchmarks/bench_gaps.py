"""Time the gap report and the top 50 introductions on a synthetic district network.

    .venv/bin/python benchmarks/bench_gaps.py            # 5,000 actors / 20,000 ties
    .venv/bin/python benchmarks/bench_gaps.py --large    # 100,000 actors / 500,000 ties

Targets (2 cores): ≤ 3 s at the default size with 1,000 permutations, ≤ 60 s at the large
size (200 permutations there, and a smaller candidate window for introductions). Building
the synthetic store graph and the actor view is timed separately: it is not part of the
target. Wall-clock and CPU seconds are printed per step; on a busy machine wall > CPU.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import store_graph  # noqa: E402
from netzwerk.analysis.gaps import gaps_report  # noqa: E402
from netzwerk.analysis.introductions import suggest_introductions  # noqa: E402
from netzwerk.analysis.views import actor_view  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402

SIZES = {
    "default": {
        "actors": 5_000,
        "ties": 20_000,
        "permutations": 1000,
        "per_bucket": 25,
        "budget": 3.0,
    },
    "large": {
        "actors": 100_000,
        "ties": 500_000,
        "permutations": 200,
        "per_bucket": 5,
        "budget": 60.0,
    },
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="100,000 actors / 500,000 ties")
    args = parser.parse_args()
    size = SIZES["large" if args.large else "default"]

    watch = Stopwatch()
    graph = store_graph(size["actors"], size["ties"])
    view = actor_view(graph)
    wall, cpu = watch.elapsed()
    print(
        f"{size['actors']:,} actors, {size['ties']:,} ties -> view with "
        f"{view.number_of_nodes():,} actors, {view.number_of_edges():,} ties"
    )
    print(f"  setup (synthetic store graph + actor_view, not counted): {wall:.2f} s")

    total = Stopwatch()
    timings: dict[str, tuple[float, float]] = {}
    report = gaps_report(
        view, permutations=size["permutations"], seed=42, community_method="leiden", timings=timings
    )
    for step, (wall, cpu) in timings.items():
        print(f"  gaps: {step:<16} {wall:7.3f} s (cpu {cpu:.3f} s)")
    watch = Stopwatch()
    suggestions = suggest_introductions(view, graph, top=50, per_bucket=size["per_bucket"])
    wall, cpu = watch.elapsed()
    print(
        f"  introductions (top 50, per_bucket={size['per_bucket']}): {wall:.3f} s (cpu {cpu:.3f} s)"
    )
    wall, cpu = total.elapsed()
    verdict = "OK" if wall <= size["budget"] else "OVER BUDGET"
    print(
        f"total gaps + introductions: {wall:.2f} s wall, {cpu:.2f} s cpu "
        f"(budget {size['budget']:.0f} s: {verdict})"
    )
    print(
        f"  E-I {report['ei_index']:.3f} (p = {report['ei_p_value']:.3f}, "
        f"{report['permutations']} permutations), assortativity "
        f"{report['assortativity']:.3f}, {len(report['communities'])} communities "
        f"(Leiden, Q = {report['modularity']:.3f}), {len(suggestions)} suggestions"
    )


if __name__ == "__main__":
    main()
