"""Load the synthetic city network into a store, in a process of its own (for bench_city).

    python benchmarks/city_load.py STORE ACTORS TIES [--part RECORDS]

STORE is a SQLite path or a Neo4j URI (credentials from the environment, as
`benchmarks.own_neo4j.use_credentials` sets them). The changeset is built like
`bench_neo4j.build_changeset` and written only through the public API
(`open_store(...)`, `store.apply(changeset)`), so any change to a store's write path is
measured as it is. ``--part`` splits the changeset into sources of that many records (actors
first, then ties), one `apply` (one transaction) each, for a server whose single
transaction cannot hold it all. ``--wipe-after`` empties the store again (only for the
warm-up load into bench_city's own Neo4j server). The last line on stdout is JSON: seconds spent in `apply`,
ties, sources.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_neo4j import build_changeset  # noqa: E402
from netzwerk.model import Changeset  # noqa: E402
from netzwerk.store import open_store  # noqa: E402


def sources(changeset: Changeset, part: int | None) -> list[Changeset]:
    """The changeset itself, or sources of ``part`` records each (actors first)."""
    if part is None or len(changeset.actors) + len(changeset.ties) <= part:
        return [changeset]
    records = [("actors", a) for a in changeset.actors] + [("ties", t) for t in changeset.ties]
    return [
        Changeset(
            actors=[r for kind, r in records[start : start + part] if kind == "actors"],
            ties=[r for kind, r in records[start : start + part] if kind == "ties"],
            files=["bench.csv"],
            source=f"bench-{number}",
        )
        for number, start in enumerate(range(0, len(records), part))
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("actors", type=int)
    parser.add_argument("ties", type=int)
    parser.add_argument("--part", type=int, help="records per source (one transaction each)")
    parser.add_argument(
        "--wipe-after", action="store_true", help="warm-up: wipe the store after (own server)"
    )
    args = parser.parse_args()
    changeset = build_changeset(args.actors, args.ties)
    parts = sources(changeset, args.part)
    del changeset
    count = len(parts)
    parts.reverse()
    with open_store(args.store) as store:
        store.init()
        start = time.perf_counter()
        while parts:
            store.apply(parts.pop())  # dropped once written
        seconds = time.perf_counter() - start
        if args.wipe_after:
            store.wipe()
    print(json.dumps({"apply_seconds": seconds, "ties": args.ties, "sources": count}))


if __name__ == "__main__":
    main()
