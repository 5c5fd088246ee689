"""First load of workbooks into an empty Neo4j database by `neo4j-admin database import full`.

    bash tools/neo4j/neo4j.sh import FILE...        (runs this with the script's environment)

Same files as `netzwerk ingest FILE...`, same graph (`netzwerk.store.neo4j_bulk`), several
times faster, for a first load only. Steps:

1. read and validate the files (problems: one line each, exit 2, the server untouched);
2. write the importer's CSV files into a private folder under the server home (0700, files
   0600: persons' data), removed at the end whatever happens;
3. start the server if it is stopped, prove the database empty (no node but netzwerk's
   bookkeeping, no relationship) and mark it as held by this load in the same transaction,
   under netzwerk's ingest lock (`mark_first_load`): from then on every netzwerk ingest
   stops with one line saying so. Then stop the server. A database that is not empty is
   refused (exit 2) and the server left as it was;
4. import into a database folder of its own (`neo4j.sh admin-import`) and put it in place
   of the empty one only when the import succeeded: a failed import changes nothing (the
   server is started again and the mark removed);
5. start the server again and run the store's schema setup (`finish_first_load`).

``neo4j.sh import --release`` removes a mark a killed load left behind.

The database is the server's default one (``NEO4J_DATABASE``, default ``neo4j``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO = SCRIPT_DIR.parent.parent
sys.path.insert(0, str(REPO))

from netzwerk.errors import NetzwerkError  # noqa: E402
from netzwerk.ingest import read_files  # noqa: E402
from netzwerk.model import Changeset  # noqa: E402
from netzwerk.store.neo4j import Neo4jStore  # noqa: E402
from netzwerk.store.neo4j_bulk import (  # noqa: E402
    data_counts,
    finish_first_load,
    mark_first_load,
    release_first_load,
    write_import_files,
)

NEO4J_SH = SCRIPT_DIR / "neo4j.sh"
PREFIX = "neo4j.sh import:"


def say(message: str) -> None:
    print(f"{PREFIX} {message}", flush=True)


def script(command: str, *arguments: str) -> subprocess.CompletedProcess:
    """Run ``neo4j.sh COMMAND`` with this environment; its output passes through."""
    return subprocess.run(["bash", str(NEO4J_SH), command, *arguments], check=False)


def running() -> bool:
    done = subprocess.run(
        ["bash", str(NEO4J_SH), "status"], capture_output=True, text=True, check=False
    )
    return done.returncode == 0


def home() -> Path:
    return Path(os.environ.get("NETZWERK_NEO4J_HOME") or REPO / ".neo4j").resolve()


def first_load(paths: list[str]) -> int:
    """Read and validate ``paths``, then `load_changeset`; returns the exit code."""
    result = read_files(paths)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    return load_changeset(result.changeset, [Path(p).name for p in paths])


def load_changeset(
    changeset: Changeset, files: list[str], steps: dict[str, float] | None = None
) -> int:
    """Steps 2-5 of the module docstring for a validated changeset; returns the exit code.
    ``steps``: filled with the seconds of each step (for benchmarks)."""
    steps = {} if steps is None else steps
    uri = f"bolt://127.0.0.1:{os.environ.get('NEO4J_BOLT_PORT', '7687')}"
    run_folder = home() / "run"
    run_folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    staging = Path(tempfile.mkdtemp(prefix="first-load-", dir=run_folder))  # 0700
    clock = Clock(steps)
    try:
        load = write_import_files(changeset, staging / "csv", files=files)
        clock.lap("files")
        say(f"{load.nodes_total:,} nodes and {load.ties_total:,} ties written for the importer")
        was_running = running()
        if not was_running and script("start").returncode != 0:
            return 1
        clock.lap("start before")
        try:
            with Neo4jStore(uri) as store:
                bookkeeping = mark_first_load(store)
        except NetzwerkError:
            if not was_running:
                script("stop")  # refused: the server as it was
            raise
        say(f"database empty ({bookkeeping} bookkeeping nodes): stopping the server")
        clock.lap("proof")
        if script("stop").returncode != 0:
            with Neo4jStore(uri) as store:
                release_first_load(store)  # still running: ingests may go on
            return 1
        clock.lap("stop")
        imported = script("admin-import", str(staging), *load.admin_arguments())
        clock.lap("neo4j-admin")
        if script("start").returncode != 0:
            return 1
        clock.lap("start")
        if imported.returncode != 0:
            with Neo4jStore(uri) as store:
                release_first_load(store)
                nodes, ties = data_counts(store)
            say(
                "FAILED: neo4j-admin import did not succeed; the database is as before "
                f"({nodes} nodes, {ties} ties) — see the log named above"
            )
            return 1
        with Neo4jStore(uri) as store:
            store.init()  # the constraints' indexes are built here, from the imported data
            clock.lap("constraints")
            finish_first_load(store, load)
        clock.lap("check")
        say(
            f"loaded {load.result.source!r} (run {load.result.run_id}): "
            f"{load.nodes_total:,} nodes, {load.ties_total:,} ties in {clock.total():.1f} s ("
            + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in steps.items())
            + ")"
        )
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


class Clock:
    """Seconds per step, into ``steps``."""

    def __init__(self, steps: dict[str, float]) -> None:
        self.steps = steps
        self.started = self.last = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.steps[step] = now - self.last
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.started


def release() -> int:
    """Remove the mark of a first load that was killed before it ended."""
    uri = f"bolt://127.0.0.1:{os.environ.get('NEO4J_BOLT_PORT', '7687')}"
    with Neo4jStore(uri) as store:
        say("mark removed: ingests run again" if release_first_load(store) else "no mark found")
    return 0


def main(arguments: list[str]) -> int:
    releasing = arguments == ["--release"]
    if not arguments or (arguments[0].startswith("-") and not releasing):
        print("usage: neo4j.sh import FILE...  (workbooks, CSV or JSON, as netzwerk ingest)")
        print("       neo4j.sh import --release  (after a killed first load: ingests run again)")
        return 2
    try:
        return release() if releasing else first_load(arguments)
    except NetzwerkError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
