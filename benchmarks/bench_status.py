"""`netzwerk status` speed: the store's census from aggregate queries, against the graph.

    .venv/bin/python benchmarks/bench_status.py                    # 100k actors, 750k ties
    .venv/bin/python benchmarks/bench_status.py --actors 10000 --ties 75000
    .venv/bin/python benchmarks/bench_status.py --neo4j            # also a Neo4j of its own

Target (issue 13): `status` counts in at most 1 s at 100,000 actors, on both stores, because
it never builds the graph (`Store.census`). The verdict reads this process's CPU seconds
(wall time is printed too; on a loaded machine it grows while CPU time does not; for Neo4j
the server's work is in the wall time only). For comparison the old way is timed too:
reading the whole graph and counting it (`census_of_graph(store.graph())`); both must give
the same census. Building and loading the store (cooperation ties between actors, built
like `bench_neo4j.build_changeset`) is not timed. ``--neo4j`` starts a server of its own
(`benchmarks.own_neo4j`), never one on port 7687.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_neo4j import build_changeset  # noqa: E402
from benchmarks.own_neo4j import ServerNotStarted, own_server, use_credentials  # noqa: E402
from netzwerk.model import Changeset  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402
from netzwerk.store import Store, open_store  # noqa: E402
from netzwerk.store.census import census_of_graph  # noqa: E402

TARGET_SECONDS = 1.0
NEO4J_PART = 50_000
"""Records per Neo4j load (one transaction each: the 2g server holds about 150k ties)."""


def measure(store: Store, changeset, label: str, part: int | None = None) -> bool:
    """Load ``changeset`` (untimed; in sources of ``part`` records each if given, for a
    server whose single transaction cannot hold it all), then time the census and the
    graph-based count."""
    store.init()
    if part is None:
        store.apply(changeset)
    else:
        records = [("actors", a) for a in changeset.actors] + [("ties", t) for t in changeset.ties]
        for number, start in enumerate(range(0, len(records), part)):
            chunk = records[start : start + part]
            store.apply(
                Changeset(
                    actors=[r for kind, r in chunk if kind == "actors"],
                    ties=[r for kind, r in chunk if kind == "ties"],
                    files=["bench.csv"],
                    source=f"bench-{number}",
                )
            )
    watch = Stopwatch()
    counted = watch.time("census", store.census)
    from_graph = watch.time("graph + count", lambda: census_of_graph(store.graph()))
    for step, (wall, cpu) in watch.timings.items():
        print(f"  {label} {step:<14} {wall:6.2f} s wall  {cpu:6.2f} s CPU")
    wall = watch.timings["census"][0]
    verdict = "ok" if wall <= TARGET_SECONDS else "MISSED"
    print(
        f"  {label} census ≤ {TARGET_SECONDS:.0f} s: {verdict}; same as the graph's: "
        f"{counted == from_graph}"
    )
    return wall <= TARGET_SECONDS and counted == from_graph


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=750_000)
    parser.add_argument("--neo4j", action="store_true", help="also measure a Neo4j of its own")
    args = parser.parse_args()
    changeset = build_changeset(args.actors, args.ties)
    print(f"{len(changeset.actors):,} actors, {len(changeset.ties):,} ties")
    ok = True
    with (
        tempfile.TemporaryDirectory(prefix="netzwerk-bench-status-") as folder,
        open_store(str(Path(folder) / "netz.sqlite")) as store,
    ):
        ok &= measure(store, changeset, "SQLite")
    if args.neo4j:
        try:
            with own_server(heap=None, keep_home=False) as server:
                use_credentials(server)
                with open_store(server.uri) as store:
                    ok &= measure(store, changeset, "Neo4j ", part=NEO4J_PART)
        except ServerNotStarted as error:
            print(f"bench_status: Neo4j skipped — could not be started: {error.first_line()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
