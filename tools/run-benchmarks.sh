#!/usr/bin/env bash
# Run every benchmark in benchmarks/ (performance targets live here, not in tests).
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in benchmarks/bench_*.py; do
    echo "=== $bench"
    .venv/bin/python "$bench" "$@"
done
