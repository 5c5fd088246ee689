"""Neo4j store speed: write 100k ties, write them again (unchanged), read the graph back.

    .venv/bin/python benchmarks/bench_neo4j.py                       # 10k actors, 100k ties
    .venv/bin/python benchmarks/bench_neo4j.py --ties 20000 --batch-sizes 2000,5000
    .venv/bin/python benchmarks/bench_neo4j.py --compare-rust         # with and without
                                                                      # neo4j-rust-ext

It starts a Neo4j server of its own (`benchmarks.own_neo4j`: a fresh home in a temporary
folder, a free port that is never 7687, a random password) and deletes it at the end, so it
never wipes a database it did not create. It needs Java 17 or 21; without Java it says so and
stops.

Targets (issue 3): ingest at least 20,000 ties/s; reading the 100k-tie graph back into
networkx within 5 s. The changeset (about 10k actors and 100k cooperation ties with dates
and weights) is built directly as a `model.Changeset`; building it is not timed. Every
batch size is measured on an empty database; the best one is then used for the second,
unchanged run and the read-back. Two untimed loads of 20k ties warm the server up first.
Last, the same changeset is loaded into the emptied database by neo4j-admin import, as
``tools/neo4j/neo4j.sh import`` does (the first load: server stopped and started again).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.own_neo4j import (  # noqa: E402
    OwnServer,
    ServerNotStarted,
    own_server,
    use_credentials,
)

TARGET_TIES_PER_SECOND = 20_000
TARGET_READ_SECONDS = 5.0


def build_changeset(n_actors: int, n_ties: int, seed: int = 3):
    """``n_actors`` actors and ``n_ties`` cooperation ties with distinct keys."""
    from netzwerk.model import ACTOR_TYPES, SECTORS, Actor, Changeset, NodeRef, Provenance, Tie

    rng = random.Random(seed)
    types, sectors = ACTOR_TYPES.keys(), SECTORS.keys()
    actors = [
        Actor(
            id=f"a{i}",
            name=f"Akteur {i}",
            type=rng.choice(types),
            sector=rng.choice(sectors),
            since=date(2015 + rng.randint(0, 9), 1, 1),
            coordinator=i == 0,
            source=Provenance("bench.csv", "Akteure", i + 2),
        )
        for i in range(n_actors)
    ]
    first_day = date(2018, 1, 1)
    ties: dict[str, Tie] = {}
    while len(ties) < n_ties:
        u, v = rng.randrange(n_actors), rng.randrange(n_actors)
        if u == v:
            continue
        since = first_day + timedelta(days=rng.randrange(2500))
        until = since + timedelta(days=rng.randrange(30, 900)) if rng.random() < 0.3 else None
        tie = Tie(
            "cooperation",
            NodeRef("actor", f"a{u}"),
            NodeRef("actor", f"a{v}"),
            weight=float(rng.randint(1, 3)),
            since=since,
            until=until,
            provenance=Provenance("bench.csv", "Beziehungen", len(ties) + 2),
        )
        ties.setdefault(tie.key, tie)
    return Changeset(actors=actors, ties=list(ties.values()), files=["bench.csv"])


def measure(
    uri: str,
    n_actors: int,
    n_ties: int,
    batch_sizes: list[int],
    server_cpu: Callable[[], float] = lambda: 0.0,
) -> dict:
    """Time a clean load per batch size, then a second run and the read-back at the best.
    ``server_cpu``: the server's CPU seconds so far (the load's cost on a busy machine)."""
    from netzwerk.store.neo4j import Neo4jStore

    changeset = build_changeset(n_actors, n_ties)
    ties = len(changeset.ties)
    results: dict = {"ties": ties, "actors": len(changeset.actors), "loads": {}}
    # untimed: a freshly started server runs its first loads several times slower (JIT)
    with Neo4jStore(uri) as store:
        store.init()
        for _ in range(2):
            store.wipe()
            store.apply(build_changeset(min(n_actors, 5000), min(n_ties, 20_000), seed=11))
    for size in batch_sizes:
        with Neo4jStore(uri, batch_size=size) as store:
            store.init()
            store.wipe()
            start, server_start, client_start = (
                time.perf_counter(),
                server_cpu(),
                time.process_time(),
            )
            applied = store.apply(changeset)
            seconds = time.perf_counter() - start
            cpu = (server_cpu() - server_start, time.process_time() - client_start)
            assert applied.created["ties"] == ties, applied.as_dict()
        results["loads"][size] = {"seconds": seconds, "ties_per_second": ties / seconds}
        print(
            f"  batch {size:>6}: {seconds:6.2f} s  {ties / seconds:>9,.0f} ties/s   "
            f"CPU: server {cpu[0]:5.2f} s, client {cpu[1]:5.2f} s",
            flush=True,
        )
    best = max(results["loads"], key=lambda s: results["loads"][s]["ties_per_second"])
    results["best_batch_size"] = best
    with Neo4jStore(uri, batch_size=best) as store:
        store.init()
        store.wipe()
        store.apply(changeset)
        start = time.perf_counter()
        again = store.apply(changeset)
        results["second_run_seconds"] = time.perf_counter() - start
        assert not again.changed_anything, again.as_dict()
        start = time.perf_counter()
        graph = store.graph()
        results["read_seconds"] = time.perf_counter() - start
        assert graph.number_of_edges() == ties and graph.number_of_nodes() == n_actors
        start = time.perf_counter()
        store.graph(as_of=date(2022, 6, 30))
        results["read_as_of_seconds"] = time.perf_counter() - start
    return results


def _child(args: argparse.Namespace, uri: str, rust: bool) -> dict:
    """Run `measure` in a fresh interpreter, with or without the Rust packstream codec."""
    command = [
        sys.executable,
        __file__,
        "--json",
        "--ties",
        str(args.ties),
        "--actors",
        str(args.actors),
        "--batch-sizes",
        args.batch_sizes,
        "--uri",
        uri,
    ]
    if not rust:
        command.append("--no-rust")
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def _report(results: dict) -> None:
    best = results["best_batch_size"]
    rate = results["loads"][best]["ties_per_second"]
    verdict = "ok" if rate >= TARGET_TIES_PER_SECOND else "MISSED"
    print(
        f"best batch size {best}: {rate:,.0f} ties/s "
        f"(target ≥ {TARGET_TIES_PER_SECOND:,}: {verdict})"
    )
    print(f"second run, all unchanged: {results['second_run_seconds']:.2f} s")
    verdict = "ok" if results["read_seconds"] <= TARGET_READ_SECONDS else "MISSED"
    print(
        f"graph() read-back: {results['read_seconds']:.2f} s (target ≤ "
        f"{TARGET_READ_SECONDS:.0f} s: {verdict}); as of a date: "
        f"{results['read_as_of_seconds']:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--batch-sizes", default="1000,2000,5000,10000,20000")
    parser.add_argument(
        "--compare-rust",
        action="store_true",
        help="measure with and without neo4j-rust-ext (two child processes)",
    )
    parser.add_argument("--no-rust", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--uri", help=argparse.SUPPRESS)  # the child's: the parent's own server
    args = parser.parse_args()
    if args.no_rust:
        sys.modules["neo4j._rust"] = None  # type: ignore[assignment]  # import fails: pure Python
    sizes = [int(size) for size in args.batch_sizes.split(",")]
    if args.json:
        print(json.dumps(measure(args.uri, args.actors, args.ties, sizes)))
        return
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        print("bench_neo4j: skipped — java not found (Java 17 or 21)")
        return
    try:
        with own_server(heap=None, keep_home=False) as server:
            use_credentials(server)
            _run(args, server.uri, sizes, server.cpu_seconds)
            if not args.compare_rust:
                _first_load(server, args.actors, args.ties)
    except ServerNotStarted as error:
        print(f"bench_neo4j: skipped — Neo4j could not be started: {error.first_line()}")


def _first_load(server: OwnServer, n_actors: int, n_ties: int) -> None:
    """The same changeset by neo4j-admin import into the emptied database (the steps of
    ``tools/neo4j/neo4j.sh import``, in a child: `benchmarks/city_first_load.py`)."""
    from netzwerk.store.neo4j import Neo4jStore

    with Neo4jStore(server.uri) as store:
        store.wipe()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("city_first_load.py"))]
        + [str(n_actors), str(n_ties)],
        env={**server.env, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"first load (neo4j-admin import): FAILED — {done.stdout[-300:]}{done.stderr[-300:]}")
        return
    result = json.loads(done.stdout.strip().splitlines()[-1])
    admin = result["steps"]["neo4j-admin"]
    rate = result["ties"] / result["seconds"]
    verdict = "ok" if rate >= TARGET_TIES_PER_SECOND else "MISSED"
    print(
        f"first load (neo4j-admin import, empty database): {result['seconds']:.1f} s = "
        f"{rate:,.0f} ties/s with the server's stop and start (target ≥ "
        f"{TARGET_TIES_PER_SECOND:,}: {verdict}); neo4j-admin alone {admin:.1f} s = "
        f"{result['ties'] / admin:,.0f} ties/s"
    )


def _run(
    args: argparse.Namespace, uri: str, sizes: list[int], server_cpu: Callable[[], float]
) -> None:
    if not args.compare_rust:
        _report(measure(uri, args.actors, args.ties, sizes, server_cpu))
        return
    for rust in (True, False):
        print(f"--- neo4j-rust-ext {'on' if rust else 'off'}")
        results = _child(args, uri, rust)
        for size, load in results["loads"].items():
            print(
                f"  batch {int(size):>6}: {load['seconds']:6.2f} s  "
                f"{load['ties_per_second']:>9,.0f} ties/s"
            )
        results["loads"] = {int(k): v for k, v in results["loads"].items()}
        _report(results)


if __name__ == "__main__":
    main()
