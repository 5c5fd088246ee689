"""City scale: every step a QM worker runs, at 10,000 and 100,000 actors, as the CLI runs it.

    .venv/bin/python benchmarks/bench_city.py                  # 10k and 100k actors
    .venv/bin/python benchmarks/bench_city.py --sizes 10000    # one size
    .venv/bin/python benchmarks/bench_city.py --huge           # also 1,000,000 actors

For each size a synthetic network (cooperation ties between actors, 7.5 ties per actor as
in the issue's 100k measurement, built like `bench_neo4j.build_changeset`) is written into
a fresh embedded store; then `netzwerk status`, `brokers`, `gaps` and `report` run on it,
each in a child process started through ``/usr/bin/time``, so every line gives the step's
own wall seconds, CPU seconds (user + system, worker processes included) and peak RSS.
The load average is printed with each size: on a loaded machine wall > CPU.

Targets (issue 13): status ≤ 1 s at 100k; the report bounded (no step worse than
O(m log n) except sampled betweenness); 1M actors: each step ≤ 10 minutes and ≤ 16 GB.
The Neo4j side is measured by `bench_neo4j.py` (its own server), the error bar's coverage
and the kernels' ratios to networkx and igraph by `bench_brokers.py` and `bench_gaps.py`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TIES_PER_ACTOR = 7.5
STEPS = {
    "status": ["status", "--format", "json"],
    "brokers": ["brokers", "--format", "json"],
    "gaps": ["gaps", "--format", "json", "--permutations", "200"],
    "report": ["report", "--out", "{folder}/bericht"],
}
TIME = "/usr/bin/time"


def load_store(store: Path, actors: int) -> list[str]:
    """Write the synthetic network into ``store`` in a child process (its time and RSS)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from benchmarks.bench_neo4j import build_changeset;"
        "from netzwerk.store import open_store;"
        "import time;"
        "changeset = build_changeset(int(sys.argv[3]), int(float(sys.argv[4])));"
        "store = open_store(sys.argv[2]); store.init();"
        "start = time.perf_counter(); store.apply(changeset); store.close();"
        "print(f'apply only: {time.perf_counter() - start:.1f} s', file=sys.stderr)"
    )
    repo = str(Path(__file__).resolve().parent.parent)
    return [sys.executable, "-c", code, repo, str(store), str(actors), str(actors * TIES_PER_ACTOR)]


def measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run ``command`` under /usr/bin/time: wall s, CPU s, peak RSS MB, and its last line."""
    done = subprocess.run(
        [TIME, "-f", "@@ %e %U %S %M", *command], capture_output=True, text=True, check=False
    )
    marks = [line for line in done.stderr.splitlines() if line.startswith("@@ ")]
    if done.returncode != 0 or not marks:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{' '.join(command[:4])} failed: {' | '.join(tail)}")
    wall, user, system, rss_kb = marks[-1].split()[1:]
    notes = [line for line in done.stderr.splitlines() if line and not line.startswith("@@ ")]
    return float(wall), float(user) + float(system), int(rss_kb) / 1024, notes[-1] if notes else ""


def run_size(actors: int, folder: Path) -> None:
    store = folder / "netz.sqlite"
    print(
        f"\n{actors:,} actors, {int(actors * TIES_PER_ACTOR):,} ties "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    print(f"  {'step':<16} {'wall s':>8} {'CPU s':>8} {'peak MB':>9}")
    wall, cpu, rss, note = measured(load_store(store, actors))
    print(f"  {'ingest (SQLite)':<16} {wall:8.1f} {cpu:8.1f} {rss:9,.0f}   {note}")
    netzwerk = [
        sys.executable,
        "-c",
        "from netzwerk.cli import main; main()",
        "--store",
        str(store),
    ]
    for step, arguments in STEPS.items():
        arguments = [a.format(folder=folder) for a in arguments]
        wall, cpu, rss, _ = measured([*netzwerk, *arguments])
        print(f"  {step:<16} {wall:8.1f} {cpu:8.1f} {rss:9,.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="actors, comma-separated")
    parser.add_argument("--huge", action="store_true", help="also 1,000,000 actors")
    args = parser.parse_args()
    if not shutil.which(TIME) and not Path(TIME).exists():
        print("bench_city: skipped — /usr/bin/time not found (Debian package 'time')")
        return 0
    sizes = [int(size) for size in args.sizes.split(",")] + ([1_000_000] if args.huge else [])
    for actors in sizes:
        with tempfile.TemporaryDirectory(prefix="netzwerk-bench-city-") as folder:
            run_size(actors, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
