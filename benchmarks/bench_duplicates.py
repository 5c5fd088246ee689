"""Time the duplicate finder (`netzwerk dubletten`) and measure how right it is.

    .venv/bin/python benchmarks/bench_duplicates.py          # 10,000 actors + 1,000 doubles

Target (issue 16, 2 cores): 10,000 actors ≤ 5 s. The list (`benchmarks.duplicate_names`)
knows its double entries, so precision (found pairs that are true) and recall (true pairs
found) are printed beside the time.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.duplicate_names import duplicate_list  # noqa: E402
from netzwerk.ingest.duplicates import find_duplicates  # noqa: E402
from netzwerk.performance import Stopwatch  # noqa: E402

ORIGINALS, BUDGET = 10_000, 5.0


def main() -> None:
    actors, true_pairs = duplicate_list(ORIGINALS, seed=3)
    watch = Stopwatch()
    found = watch.time("duplicates", lambda: find_duplicates(actors))
    wall, cpu = watch.timings["duplicates"]
    pairs = {(d.first, d.second) for d in found}
    hits = len(pairs & true_pairs)
    print(
        f"duplicates, {len(actors):,} actors ({len(true_pairs):,} entered twice): "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU (target ≤ {BUDGET:.0f} s); "
        f"{len(pairs):,} pairs, precision {hits / max(1, len(pairs)):.3f}, "
        f"recall {hits / len(true_pairs):.3f}"
    )


if __name__ == "__main__":
    main()
