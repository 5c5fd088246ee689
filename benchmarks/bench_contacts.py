"""Time `netzwerk kontakte` (ties falling asleep) on a synthetic district network.

    .venv/bin/python benchmarks/bench_contacts.py            # 5,000 actors / 20,000 ties
    .venv/bin/python benchmarks/bench_contacts.py --large    # 100,000 actors / 500,000 ties

Targets (issue 15, 2 cores): ≤ 3 s at the default size, ≤ 60 s at the large size. The
synthetic store graph (`benchmarks.synthetic.store_graph`) gets a random start date
(2015–2026) and, for half of its direct ties, a last contact; its events are dated. The
actor view and the betweenness behind the "broker" reason are timed (the command
computes both).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import store_graph  # noqa: E402
from netzwerk.analysis.contacts import dormant_ties  # noqa: E402
from netzwerk.analysis.network_view import NetworkView  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402

SIZES = {"default": (5_000, 20_000, 3.0), "large": (100_000, 500_000, 60.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true")
    actors, ties, budget = SIZES["large" if parser.parse_args().large else "default"]
    graph = store_graph(actors, ties)
    rng = random.Random(7)
    for _, v, data in graph.edges(data=True):
        if graph.nodes[v].get("kind") == "actor":
            data["since"] = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
            if rng.random() < 0.5:
                data["last_contact"] = data["since"] + timedelta(days=rng.randrange(400))
    watch = Stopwatch()
    found = watch.time(
        "contacts", lambda: dormant_ties(graph, view=NetworkView(as_of=date(2026, 6, 30)))
    )
    wall, cpu = watch.timings["contacts"]
    print(
        f"dormant ties, {actors:,} actors / {ties:,} ties: {wall:.2f} s wall, {cpu:.2f} s CPU "
        f"(target ≤ {budget:.0f} s); {found['dormant']:,} of {found['ties_total']:,} ties "
        f"falling asleep, {found['without_date']:,} without a date"
    )


if __name__ == "__main__":
    main()
