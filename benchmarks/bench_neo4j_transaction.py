"""Neo4j single-transaction limit: the largest changeset one `apply` writes on the dev server.

    .venv/bin/python benchmarks/bench_neo4j_transaction.py                 # 50k … 1.6M ties
    .venv/bin/python benchmarks/bench_neo4j_transaction.py --sizes 50000,100000
    NEO4J_HEAP_MAX=2g .venv/bin/python benchmarks/bench_neo4j_transaction.py
    .venv/bin/python benchmarks/bench_neo4j_transaction.py --heap 2g      # the same

`Neo4jStore.apply` writes a whole changeset in ONE transaction, so the server holds all of
it (transaction state, locks) until the commit. This benchmark finds out how large that can
get on the server `tools/neo4j/neo4j.sh` runs (2g heap unless ``NEO4J_HEAP_MAX`` says
otherwise) and what happens past it: the store should raise a one-line `StoreError` for a
Neo4j memory error (`Neo4jStore._write`), not leave a dead server or a driver traceback.

It starts its OWN server with the project's tooling: a fresh home in a temporary folder (the
jars are hard-linked or copied from ``.neo4j/lib``, so nothing is downloaded when that is
current), a free Bolt port, HTTP off, a random password; it stops the server and deletes the
folder at the end, also on Ctrl-C. It never talks to the server on port 7687.

For every size (ties; about one actor per ``--ties-per-actor`` ties, all cooperation ties
between actors, built like `bench_neo4j.build_changeset`; building is not timed) it wipes
the database, applies the changeset with ``Neo4jStore(uri).apply`` and prints the wall
time, ties/s, the server's RSS (peak while applying and after; /proc/<pid>/status) and the
outcome. It stops at the first failure and then says whether the server survived and what
its logs say. Last, the largest size that succeeded is loaded again and applied once more
unchanged (the time of an unchanged re-run, which writes nothing).

A failed size can take several times its load time: the driver retries a transient error
(a memory-pool error is one) for up to 30 s (``retry_seconds``) by running the whole
transaction again; the "tries" column counts those runs.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import shutil
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.own_neo4j import OwnServer, own_server, use_credentials  # noqa: E402

MEMORY_SETTINGS = (
    "dbms.memory.transaction.total.max",
    "db.memory.transaction.total.max",
    "db.memory.transaction.max",
    "db.tx_state.memory_allocation",
    "server.memory.heap.max_size",
    "server.memory.pagecache.size",
)
DEFAULT_SIZES = "50000,100000,200000,400000,800000,1600000"
# ---------------------------------------------------------------- measuring


@dataclass
class Outcome:
    ties: int
    actors: int
    seconds: float
    rss_peak_mib: float | None
    rss_after_mib: float | None
    tries: int
    error: str = ""
    server_said: str = ""  # the driver error behind ours (`raise ... from None` keeps it)

    @property
    def ok(self) -> bool:
        return not self.error


class RssSampler:
    """The server's largest RSS while a block runs (sampled every 0.2 s)."""

    def __init__(self, server: OwnServer):
        self.server = server
        self.peak: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            rss = self.server.rss_mib()
            if rss is not None:
                self.peak = max(self.peak or 0.0, rss)
            if self._stop.wait(0.2):
                return

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


class RetryCounter(logging.Handler):
    """Counts the driver's "Transaction failed and will be retried" warnings."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.retries = 0

    def emit(self, record: logging.LogRecord) -> None:
        if "will be retried" in record.getMessage():
            self.retries += 1


def one_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}" + (
        f" (+{len(text) - 1} more lines)" if len(text) > 1 else ""
    )


def build(n_ties: int, ties_per_actor: int, seed: int = 3):
    from benchmarks.bench_neo4j import build_changeset

    return build_changeset(max(2, n_ties // ties_per_actor), n_ties, seed=seed)


def apply_once(server: OwnServer, changeset, batch_size: int, retries: RetryCounter) -> Outcome:
    """Wipe, then apply the changeset in one `Neo4jStore.apply`; never raises."""
    from netzwerk.store.neo4j import Neo4jStore

    with Neo4jStore(server.uri, batch_size=batch_size) as store:
        store.init()
        store.wipe()
    server.mark_logs()
    retries.retries = 0
    error = server_said = ""
    with RssSampler(server) as sampler:
        start = time.perf_counter()
        try:
            with Neo4jStore(server.uri, batch_size=batch_size) as store:
                applied = store.apply(changeset)
            if applied.created["ties"] != len(changeset.ties):
                error = f"created {applied.created['ties']} of {len(changeset.ties)} ties"
        except Exception as failure:  # noqa: BLE001  # what happens IS the measurement
            error = one_line(failure)
            if failure.__context__ is not None:
                server_said = one_line(failure.__context__)
        seconds = time.perf_counter() - start
    return Outcome(
        len(changeset.ties),
        len(changeset.actors),
        seconds,
        sampler.peak,
        server.rss_mib(),
        retries.retries + 1,
        error,
        server_said,
    )


def server_settings(server: OwnServer) -> dict[str, str]:
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(server.uri, auth=("neo4j", server.password)) as driver:
            records, _, _ = driver.execute_query(
                "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
                names=list(MEMORY_SETTINGS),
            )
        return {record["name"]: record["value"] for record in records}
    except Exception as failure:  # noqa: BLE001  # informative only
        return {"SHOW SETTINGS": one_line(failure)}


def server_answers(server: OwnServer) -> str:
    from netzwerk.errors import NetzwerkError
    from netzwerk.store.neo4j import Neo4jStore

    try:
        with Neo4jStore(server.uri, retry_seconds=5) as store:
            store.ping()
            counts = store.counts()
        return f"answers; database now holds {counts.get('ties', 0)} ties"
    except NetzwerkError as failure:
        return f"does not answer ({one_line(failure)})"


def mib(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def print_header() -> None:
    print(
        f"{'ties':>10} {'actors':>8} {'seconds':>8} {'ties/s':>8} {'RSS peak':>9} "
        f"{'RSS after':>9} {'tries':>5}  outcome"
    )


def print_row(outcome: Outcome) -> None:
    rate = outcome.ties / outcome.seconds if outcome.ok else None
    print(
        f"{outcome.ties:>10,} {outcome.actors:>8,} {outcome.seconds:>8.1f} "
        f"{'—' if rate is None else f'{rate:,.0f}':>8} {mib(outcome.rss_peak_mib):>9} "
        f"{mib(outcome.rss_after_mib):>9} {outcome.tries:>5}  "
        f"{'ok' if outcome.ok else outcome.error}",
        flush=True,
    )


def reapply_largest(server: OwnServer, changeset, batch_size: int, retries: RetryCounter) -> None:
    """Load the changeset into the wiped database, then time applying it once more."""
    from netzwerk.store.neo4j import Neo4jStore

    try:
        with Neo4jStore(server.uri, batch_size=batch_size) as store:
            store.wipe()
            start = time.perf_counter()
            store.apply(changeset)
            loaded = time.perf_counter() - start
            retries.retries = 0
            with RssSampler(server) as sampler:
                start = time.perf_counter()
                again = store.apply(changeset)
                seconds = time.perf_counter() - start
    except Exception as failure:  # noqa: BLE001  # reported, like a failed size
        print(f"\nre-apply of {len(changeset.ties):,} ties failed: {one_line(failure)}")
        return
    verdict = "nothing written" if not again.changed_anything else f"CHANGED {again.as_dict()}"
    print(
        f"\nre-apply of {len(changeset.ties):,} ties (largest that succeeded): load "
        f"{loaded:.1f} s; unchanged re-run {seconds:.1f} s "
        f"({len(changeset.ties) / seconds:,.0f} ties/s, {retries.retries + 1} tries), "
        f"{verdict}; RSS peak {mib(sampler.peak)} MiB, after {mib(server.rss_mib())} MiB"
    )


def measure(
    server: OwnServer, sizes: list[int], ties_per_actor: int, batch_size: int, reapply: bool
) -> list[Outcome]:
    retries = RetryCounter()
    logging.getLogger("neo4j").addHandler(retries)
    for name, value in server_settings(server).items():
        print(f"  {name} = {value}")
    print("warm-up: 20,000 ties (untimed)", flush=True)
    apply_once(server, build(20_000, ties_per_actor, seed=11), batch_size, retries)
    print(f"RSS in MiB (server java process); batch size {batch_size}; one transaction each")
    print_header()
    outcomes: list[Outcome] = []
    largest = changeset = None
    for size in sizes:
        start = time.perf_counter()
        changeset = build(size, ties_per_actor)
        built = time.perf_counter() - start
        outcome = apply_once(server, changeset, batch_size, retries)
        outcomes.append(outcome)
        print_row(outcome)
        if outcome.ok:
            largest = changeset
            continue
        print(f"\nfailed at {size:,} ties (changeset built in {built:.0f} s, not timed)")
        print(f"  exception: {outcome.error}")
        if outcome.server_said:
            print(f"  behind it: {outcome.server_said}")
        print(f"  server process: {'alive, pid ' + str(server.pid()) if server.pid() else 'GONE'}")
        print(f"  server {server_answers(server)}")
        lines = server.new_log_lines()
        print(
            "  server logs since the ingest began:"
            if lines
            else "  server logs since the ingest began: nothing about memory or errors"
        )
        for line in lines:
            print(f"    {line}")
        if server.pid() is None:
            print("  restarting the server for the re-apply", flush=True)
            server.start()
        break
    del changeset
    if reapply and largest is not None:
        reapply_largest(server, largest, batch_size, retries)
    logging.getLogger("neo4j").removeHandler(retries)
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        help=f"ties per changeset, comma-separated [{DEFAULT_SIZES}]",
    )
    parser.add_argument("--ties-per-actor", type=int, default=8)
    parser.add_argument(
        "--batch-size", type=int, default=None, help="UNWIND batch size [the store's default]"
    )
    parser.add_argument(
        "--heap", default=None, help="the server's -Xmx (NEO4J_HEAP_MAX) [2g, neo4j.sh default]"
    )
    parser.add_argument("--no-reapply", action="store_true")
    parser.add_argument(
        "--keep-home",
        action="store_true",
        help="keep the server's temporary home (logs) after the run",
    )
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))

    java = Path(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None
    if not (java and java.exists()) and not shutil.which("java"):
        print("bench_neo4j_transaction: skipped — java not found (Java 17 or 21)")
        return
    from netzwerk.store.neo4j import DEFAULT_BATCH_SIZE

    batch_size = args.batch_size or DEFAULT_BATCH_SIZE
    with own_server(args.heap, args.keep_home) as server:
        use_credentials(server)
        outcomes = measure(server, sizes, args.ties_per_actor, batch_size, not args.no_reapply)
    succeeded = [outcome.ties for outcome in outcomes if outcome.ok]
    client = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nheap {server.heap}: largest single-transaction ingest that succeeded: "
        f"{max(succeeded):,} ties"
        if succeeded
        else f"\nheap {server.heap}: none succeeded"
    )
    print(f"(this client's peak RSS: {client:,.0f} MiB)")


if __name__ == "__main__":
    main()
