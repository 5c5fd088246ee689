#!/usr/bin/env bash
# `make bench`: the issue-13 table (benchmarks/bench_city.py: every step at 10k and 100k
# actors, Neo4j of its own, kernels against networkx and igraph, the error bar's coverage).
# Options go to bench_city.py (`make bench BENCH_ARGS=--huge` adds 1,000,000 actors).
# BENCH_ALL=1 also runs every other benchmarks/bench_*.py afterwards, each with its defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "=== benchmarks/bench_city.py $*"
.venv/bin/python benchmarks/bench_city.py "$@"
if [ "${BENCH_ALL:-0}" = 1 ]; then
    for bench in benchmarks/bench_*.py; do
        [ "$bench" = benchmarks/bench_city.py ] && continue
        echo "=== $bench"
        .venv/bin/python "$bench"
    done
fi
