"""City scale: every step a QM worker runs, at 10,000 and 100,000 actors, in one table.

    .venv/bin/python benchmarks/bench_city.py                  # 10k and 100k actors
    .venv/bin/python benchmarks/bench_city.py --sizes 10000    # one size
    .venv/bin/python benchmarks/bench_city.py --huge           # also 1,000,000 actors
    .venv/bin/python benchmarks/bench_city.py --steps-only     # no kernels, no coverage

For each size a synthetic network (cooperation ties between random actors, built like
`bench_neo4j.build_changeset`; 7.5 ties per actor as in the issue's 100k measurement, 5 at
1,000,000 actors: the issue's 5,000,000 ties) is written into a fresh embedded store and,
with the same changeset, into a Neo4j server the benchmark starts itself
(`benchmarks.own_neo4j`: a free port, never 7687, deleted after; never a database it did
not create), and once more by neo4j-admin import into a fresh server of its own (the first
load of ``tools/neo4j/neo4j.sh import``, row "Neo4j first load"). Between the two, row
"Neo4j ceiling" gives what raw Cypher writes in the ingest's server with nothing of the
store around it (`benchmarks.neo4j_ceiling`): the most an ingest there could reach. Then `netzwerk status`,
`brokers`, `gaps`, `report` and `karte` (the map) run on the SQLite store.
Every step runs in a child process through ``/usr/bin/time`` (`benchmarks.city_steps`): its
own wall seconds, CPU seconds (user + system, worker processes included) and peak RSS.
The map is refused past 20,000 actors (too large for a browser; its row says so). The load
average is printed with each size: on a loaded machine wall > CPU.

Below each step table: netzwerk's broker kernels against networkx and igraph on the same
view in the same process (`benchmarks.city_kernels`), and once per run the measured
coverage of the betweenness error bar at 5,000 and 20,000 actors.

Targets (issue 13): status ≤ 1 s at 100k; Neo4j ingest ≥ 20,000 ties/s; structural holes
≤ 1.5× igraph's constraint; coverage 93–97 %; 1M actors: ingest, brokers, gaps and report
each ≤ 10 minutes and ≤ 16 GB on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.city_steps import (  # noqa: E402
    HEADER,
    TIME,
    StepFailed,
    cli_rows,
    failed_row,
    load_command,
    loaded_note,
    measured,
    neo4j_first_load_row,
    neo4j_rows,
)

TIES = {10_000: 75_000, 100_000: 750_000, 1_000_000: 5_000_000}
"""Actors → ties: 7.5 per actor (the issue's 100k store), 5 at 1M (the issue's stretch)."""
TIES_PER_ACTOR = 7.5
"""For sizes not in `TIES`."""
NEO4J_UP_TO = 100_000
"""Largest size loaded into Neo4j unless ``--neo4j-huge`` (the 1M stretch is SQLite only)."""
COVERAGE_SEEDS = 3


def ties_for(actors: int) -> int:
    """Ties of the synthetic network with ``actors`` actors."""
    return TIES.get(actors, int(actors * TIES_PER_ACTOR))


def run_size(actors: int, folder: Path, args: argparse.Namespace) -> None:
    """One size: the step table, then (unless ``--steps-only``) the kernels."""
    ties = ties_for(actors)
    store = str(folder / "netz.sqlite")
    print(
        f"\n{actors:,} actors, {ties:,} ties (load average "
        f"{', '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores)",
        flush=True,
    )
    print(HEADER, flush=True)
    try:
        run = measured(load_command(store, actors, ties))
        print(run.row("ingest (SQLite)", loaded_note(run, ties)), flush=True)
    except StepFailed as error:
        print(failed_row("ingest (SQLite)", error), flush=True)
        return
    if actors <= NEO4J_UP_TO or args.neo4j_huge:
        for row in neo4j_rows(actors, ties):
            print(row, flush=True)
        print(neo4j_first_load_row(actors, ties), flush=True)
    else:
        print(f"  {'ingest (Neo4j)':<16} not run at this size (--neo4j-huge runs it)")
    cli_rows(store, folder)
    print(f"  (load average after this size: {os.getloadavg()[0]:.1f})", flush=True)
    if args.steps_only:
        return
    if actors > NEO4J_UP_TO:
        print("  kernels against networkx and igraph: at 10k and 100k only", flush=True)
        return
    from benchmarks.city_kernels import kernel_rows

    for row in kernel_rows(store, actors):
        print(row, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="actors, comma-separated")
    parser.add_argument("--huge", action="store_true", help="also 1,000,000 actors")
    parser.add_argument("--neo4j-huge", action="store_true", help="Neo4j at 1M actors too")
    parser.add_argument("--steps-only", action="store_true", help="no kernels, no coverage")
    parser.add_argument("--coverage-seeds", type=int, default=COVERAGE_SEEDS)
    args = parser.parse_args()
    if not shutil.which(TIME) and not Path(TIME).exists():
        print("bench_city: skipped — /usr/bin/time not found (Debian package 'time')")
        return 0
    sizes = [int(size) for size in args.sizes.split(",") if size]
    sizes += [1_000_000] if args.huge else []
    started = time.perf_counter()
    for actors in sizes:
        with tempfile.TemporaryDirectory(prefix="netzwerk-bench-city-") as folder:
            run_size(actors, Path(folder), args)
    if not args.steps_only and args.coverage_seeds > 0:
        from benchmarks.city_kernels import coverage_rows

        print()
        for row in coverage_rows(args.coverage_seeds):
            print(row, flush=True)
    print(f"\nbench_city took {time.perf_counter() - started:,.0f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
