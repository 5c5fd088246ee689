#!/usr/bin/env bash
# Time-boxed libFuzzer runs of every reader harness.
#
# Usage: fuzz/run.sh [SECONDS_PER_HARNESS] [HARNESS...]   (default 60 s; all harnesses)
# Findings are written to fuzz/artifacts/ (crash-*, timeout-*, oom-*); the exit code is
# non-zero if any harness found one. Reproduce one with:
#   .venv/bin/python fuzz/fuzz_xlsx_sheet.py fuzz/artifacts/crash-…
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
SECONDS_PER_HARNESS="${1:-60}"
shift || true
HARNESSES=("$@")
[[ ${#HARNESSES[@]} -gt 0 ]] || HARNESSES=(csv json xlsx xlsx_sheet)
mkdir -p fuzz/artifacts
"$PYTHON" fuzz/seeds.py fuzz/corpus
status=0
for harness in "${HARNESSES[@]}"; do
  extra=()
  [[ "$harness" == xlsx_sheet ]] && extra=(-dict=fuzz/xlsx.dict)
  echo "== fuzz_${harness} for ${SECONDS_PER_HARNESS}s"
  if ! "$PYTHON" "fuzz/fuzz_${harness}.py" -max_total_time="$SECONDS_PER_HARNESS" \
      -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="fuzz/artifacts/${harness}-" "${extra[@]}" "fuzz/corpus/${harness}"; then
    echo "== fuzz_${harness}: FINDING (see fuzz/artifacts/)"
    status=1
  fi
done
exit "$status"
