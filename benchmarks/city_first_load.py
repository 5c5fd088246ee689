"""First load of the synthetic city network by neo4j-admin import, in a process of its own.

    python benchmarks/city_first_load.py ACTORS TIES

The server is the one ``NETZWERK_NEO4J_HOME`` / ``NEO4J_BOLT_PORT`` / ``NEO4J_PASSWORD``
name (bench_city's own, `benchmarks.own_neo4j`; never the team server): its database must be
empty. The changeset is `bench_neo4j.build_changeset`'s, as in `city_load`; the load is the
one ``tools/neo4j/neo4j.sh import`` runs (`tools/neo4j/first_load.load_changeset`): files
for the importer, proof of emptiness, server stop, neo4j-admin, server start, schema setup.
neo4j-admin runs as a child of this process, so /usr/bin/time counts its CPU seconds; the
restarted server's are not. The last line on stdout is JSON: seconds of the whole load and
of each step, ties.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools" / "neo4j"))

from benchmarks.bench_neo4j import build_changeset  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("actors", type=int)
    parser.add_argument("ties", type=int)
    args = parser.parse_args()
    from first_load import load_changeset  # tools/neo4j/first_load.py

    changeset = build_changeset(args.actors, args.ties)
    steps: dict[str, float] = {}
    start = time.perf_counter()
    code = load_changeset(changeset, ["bench.csv"], steps)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "steps": steps, "ties": len(changeset.ties)}))
    return code


if __name__ == "__main__":
    sys.exit(main())
