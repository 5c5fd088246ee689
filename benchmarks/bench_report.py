"""Report speed: the whole network report for the Wehringhausen sample data.

    .venv/bin/python benchmarks/bench_report.py            # 3 runs, German, with --compare
    .venv/bin/python benchmarks/bench_report.py --runs 5 --lang en

Target (issue 6): report.html, report.md, figures and CSV tables for the sample data in
at most 10 s. Loading the sample into a fresh store is done once first and not timed; each
run builds the report from the store graph and writes it (like `netzwerk report`). Wall
and CPU time are both printed: on a busy machine wall time grows while CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netzwerk.performance import Stopwatch  # noqa: E402
from netzwerk.privacy.pseudonyms import Pseudonymiser  # noqa: E402
from netzwerk.report.build import build_report, write_report  # noqa: E402
from netzwerk.store.sqlite import SqliteStore  # noqa: E402
from netzwerk.workflows import SAMPLE_COMPARE_DATE, load_sample_data  # noqa: E402

TARGET_SECONDS = 10.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", choices=("de", "en"), default="de")
    parser.add_argument("--as-of", default="2024-06-30")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="netzwerk-bench-report-") as tmp:
        folder = Path(tmp)
        store_path, _, _ = load_sample_data(folder / "store")
        pseudonymiser = Pseudonymiser(os.urandom(16))  # never touch the user's key file
        walls, cpus = [], []
        for run in range(args.runs):
            watch = Stopwatch()
            with SqliteStore(store_path) as store:
                graph, log = store.graph(), store.ingest_log(limit=5)
            report = build_report(
                graph,
                lang=args.lang,
                as_of=date.fromisoformat(args.as_of),
                compare=SAMPLE_COMPARE_DATE,
                ingest_log=log,
                pseudonymiser=pseudonymiser,
            )
            files = write_report(report, folder / f"report-{run}")
            wall, cpu = watch.elapsed()
            walls.append(wall)
            cpus.append(cpu)
            steps = ", ".join(f"{k} {v:.2f}" for k, v in report.timings.items())
            print(
                f"run {run + 1}: {walls[-1]:.2f} s wall, {cpus[-1]:.2f} s CPU, "
                f"{len(files)} files ({steps})"
            )
    best = min(walls)
    print(
        f"best {best:.2f} s wall (median {sorted(walls)[len(walls) // 2]:.2f} s), "
        f"best {min(cpus):.2f} s CPU; target ≤ {TARGET_SECONDS:.0f} s: "
        f"{'ok' if best <= TARGET_SECONDS else 'MISSED'}"
    )
    return 0 if best <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
