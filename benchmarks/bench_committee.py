"""Time `netzwerk gremium` (who is missing at a committee's table) on a synthetic network.

    .venv/bin/python benchmarks/bench_committee.py            # 5,000 actors / 20,000 ties
    .venv/bin/python benchmarks/bench_committee.py --large    # 100,000 actors / 500,000 ties

Targets (issue 15, 2 cores): ≤ 3 s at the default size, ≤ 60 s at the large size. The
synthetic store graph (`benchmarks.synthetic.store_graph`) gets a committee with 30
members drawn at random from three sectors, so the others are missing and every one of
their actors is a possible candidate. Building the store graph is not timed; the actor view is (the
command builds it too).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import store_graph  # noqa: E402
from netzwerk.analysis.committee import committee_seats  # noqa: E402
from netzwerk.analysis.network_view import NetworkView  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402

SIZES = {"default": (5_000, 20_000, 3.0), "large": (100_000, 500_000, 60.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true")
    actors, ties, budget = SIZES["large" if parser.parse_args().large else "default"]
    graph = store_graph(actors, ties)
    graph.add_node(
        "gremium",
        kind="actor",
        name="Lenkungskreis",
        sector="district_management",
        type="committee",
        since=None,
        until=None,
    )
    seated = sorted({d["sector"] for _, d in graph.nodes(data=True) if d["kind"] == "actor"})[:3]
    pool = [n for n, d in graph.nodes(data=True) if d.get("sector") in seated and n != "gremium"]
    for member in random.Random(7).sample(pool, 30):
        graph.add_edge(member, "gremium", kind="membership", weight=1.0)
    watch = Stopwatch()
    seats = watch.time(
        "committee",
        lambda: committee_seats(graph, "gremium", view=NetworkView(as_of=date(2026, 1, 1))),
    )
    wall, cpu = watch.timings["committee"]
    print(
        f"committee seats, {actors:,} actors / {ties:,} ties: {wall:.2f} s wall, {cpu:.2f} s CPU "
        f"(target ≤ {budget:.0f} s); {len(seats['missing'])} groups without a seat, "
        f"{len(seats['candidates'])} candidates"
    )


if __name__ == "__main__":
    main()
