#!/usr/bin/env bash
# Run the whole test suite, with a real Neo4j server.
#
# If NETZWERK_TEST_NEO4J_URI is set, that server is used (your own). Otherwise a local server
# is started with tools/neo4j/neo4j.sh (unless one is already running) and stopped afterwards.
# With CI or NETZWERK_REQUIRE_NEO4J set, a Neo4j that cannot start fails the run; elsewhere
# the Neo4j tests are skipped with one line saying why.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEO4J_USERNAME="${NEO4J_USERNAME:-neo4j}"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-netzwerk-dev-pw}"
require_neo4j="${CI:-}${NETZWERK_REQUIRE_NEO4J:-}"
started_here=0

stop_neo4j() {
    if [ "$started_here" = 1 ]; then
        bash tools/neo4j/neo4j.sh stop >/dev/null 2>&1 || true
    fi
}
trap stop_neo4j EXIT

if [ -z "${NETZWERK_TEST_NEO4J_URI:-}" ]; then
    if bash tools/neo4j/neo4j.sh status >/dev/null 2>&1; then
        echo "run-tests: using the Neo4j server that is already running"
    elif bash tools/neo4j/neo4j.sh start; then
        started_here=1
    elif [ -n "$require_neo4j" ]; then
        echo "run-tests: Neo4j could not be started, and CI/NETZWERK_REQUIRE_NEO4J requires it" >&2
        exit 1
    else
        echo "run-tests: Neo4j could not be started: its tests will be skipped (see above)" >&2
    fi
fi

bash tools/ensure-chromium.sh || {
    [ -n "$require_neo4j" ] && { echo "run-tests: chromium and chromium-driver are required in CI" >&2; exit 1; }
}

.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
