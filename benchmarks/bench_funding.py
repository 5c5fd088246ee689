"""Time the funding dependency (`netzwerk foerderung`) on a synthetic district network.

    .venv/bin/python benchmarks/bench_funding.py            # 5,000 actors / 20,000 ties
    .venv/bin/python benchmarks/bench_funding.py --large    # 100,000 actors / 500,000 ties

Targets (issue 15, 2 cores): ≤ 3 s at the default size, ≤ 60 s at the large size. The
synthetic store graph (`benchmarks.synthetic.store_graph`) gets one project per 50 actors,
each with 5–12 participants and one of five funders, funded until 2026, 2027 or open; the
scenario ends the first two funders' funding by the end of 2027. Building the store graph
is not timed; the scenario builds both actor views and runs betweenness twice (sampled
above 2,000 actors, with the same sources before and after).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import store_graph  # noqa: E402
from netzwerk.analysis.funding import funding_dependency  # noqa: E402
from netzwerk.analysis.network_view import NetworkView  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402

SIZES = {"default": (5_000, 20_000, 3.0), "large": (100_000, 500_000, 60.0)}
FUNDERS = ("a1", "a2", "a3", "a4", "a5")
ENDS = (date(2026, 12, 31), date(2027, 12, 31), None)


def add_funded_projects(graph: nx.MultiDiGraph, actors: int, seed: int = 7) -> None:
    """One project per 50 actors with 5–12 participants and one funder (see above)."""
    rng = random.Random(seed)
    for p in range(actors // 50):
        key = f"project:p{p}"
        graph.add_node(key, kind="project", id=f"p{p}", name=f"Projekt {p}", since=None, until=None)
        graph.add_edge(rng.choice(FUNDERS), key, kind="funding", until=rng.choice(ENDS))
        for member in rng.sample(range(actors), rng.randint(5, 12)):
            graph.add_edge(f"a{member}", key, kind="participation", weight=1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true")
    actors, ties, budget = SIZES["large" if parser.parse_args().large else "default"]
    graph = store_graph(actors, ties)
    add_funded_projects(graph, actors)
    watch = Stopwatch()
    result = watch.time(
        "funding",
        lambda: funding_dependency(
            graph, FUNDERS[:2], ends_by=date(2027, 12, 31), view=NetworkView(as_of=date(2026, 1, 1))
        ),
    )
    wall, cpu = watch.timings["funding"]
    print(
        f"funding dependency, {actors:,} actors / {ties:,} ties: {wall:.2f} s wall, "
        f"{cpu:.2f} s CPU (target ≤ {budget:.0f} s); {len(result['projects'])} projects end, "
        f"{len(result['ties_lost']):,} ties lost, {len(result['cut_off']):,} actors cut off"
    )


if __name__ == "__main__":
    main()
