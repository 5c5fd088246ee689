"""The step table of bench_city: each step in a child process, timed by /usr/bin/time.

Every step (loading the store, `netzwerk status`, `brokers`, `gaps`, `report`) runs in a
child process started through ``/usr/bin/time``, so its row gives the step's own wall
seconds, CPU seconds (user + system, worker processes included) and peak RSS. The Neo4j
ingest row adds the server's CPU seconds (from /proc, the server of our own only) to the
client's, and names the server's peak RSS in its note.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time"
LOADER = REPO / "benchmarks" / "city_load.py"
PERMUTATIONS = 200
STEPS = {
    "status": ["status", "--format", "json"],
    "brokers": ["brokers", "--format", "json"],
    "gaps": ["gaps", "--format", "json", "--permutations", str(PERMUTATIONS)],
    "report": ["report", "--out", "{folder}/bericht"],
}
HEADER = f"  {'step':<16} {'wall s':>8} {'CPU s':>8} {'peak MB':>9}   note"


@dataclass
class Measured:
    """One child process: wall and CPU seconds, peak RSS, its stdout and last stderr line."""

    wall: float
    cpu: float
    rss_mb: float
    stdout: str
    note: str

    def row(self, step: str, note: str | None = None) -> str:
        """The table row of this step."""
        shown = self.note if note is None else note
        return f"  {step:<16} {self.wall:8.1f} {self.cpu:8.1f} {self.rss_mb:9,.0f}   {shown}"


def measured(command: list[str]) -> Measured:
    """Run ``command`` under /usr/bin/time (niced like its parent) and read its figures."""
    done = subprocess.run(
        [TIME, "-f", "@@ %e %U %S %M", *command],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    marks = [line for line in done.stderr.splitlines() if line.startswith("@@ ")]
    if done.returncode != 0 or not marks:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise StepFailed(" | ".join(tail)[:300])
    wall, user, system, rss_kb = marks[-1].split()[1:]
    notes = [line for line in done.stderr.splitlines() if line and not line.startswith("@@ ")]
    return Measured(
        float(wall),
        float(user) + float(system),
        int(rss_kb) / 1024,
        done.stdout,
        notes[-1][:120] if notes else "",
    )


class StepFailed(RuntimeError):
    """A step's child process failed: its last lines."""


def failed_row(step: str, error: Exception) -> str:
    """The row of a step that failed (the table goes on)."""
    return f"  {step:<16} {'—':>8} {'—':>8} {'—':>9}   FAILED: {error}"


def load_command(store: str, actors: int, ties: int, part: int | None = None) -> list[str]:
    """The child that builds the changeset and applies it to ``store`` (benchmarks/city_load)."""
    command = [sys.executable, str(LOADER), store, str(actors), str(ties)]
    return command if part is None else [*command, "--part", str(part)]


def loaded_note(run: Measured, ties: int) -> str:
    """What the loader says: seconds in `apply`, ties per second of it, sources."""
    result = json.loads(run.stdout.strip().splitlines()[-1])
    seconds = result["apply_seconds"]
    note = f"apply {seconds:.1f} s = {ties / seconds:,.0f} ties/s"
    if result["sources"] > 1:
        note += f", in {result['sources']} sources (one transaction each)"
    return note


def cli_command(store: str, step: str, folder: Path) -> list[str]:
    """`netzwerk --store STORE <step ...>` as the console script runs it."""
    arguments = [a.format(folder=folder) for a in STEPS[step]]
    return [
        sys.executable,
        "-c",
        "from netzwerk.cli import main; main()",
        "--store",
        store,
        *arguments,
    ]


def cli_rows(store: str, folder: Path) -> list[str]:
    """Run status, brokers, gaps and report on ``store``; one row each (printed as they end)."""
    rows = []
    for step in STEPS:
        try:
            note = f"{PERMUTATIONS} permutations" if step == "gaps" else ""
            row = measured(cli_command(store, step, folder)).row(step, note)
        except StepFailed as error:
            row = failed_row(step, error)
        print(row, flush=True)
        rows.append(row)
    return rows


def process_cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of process ``pid`` so far (0 if it is gone)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid: int | None) -> float:
    """Peak resident set (VmHWM) of process ``pid`` in MB, 0 if it is gone."""
    if pid is None:
        return 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


WARM_UP = (5_000, 20_000)
"""Actors and ties of the untimed first load into a fresh server (then wiped)."""
NEO4J_PART = 100_000
"""Records per Neo4j source when a changeset is larger (one transaction each: the 2g server
of `own_neo4j` held 100k ties in one, not 400k)."""


def neo4j_row(actors: int, ties: int) -> str:
    """Load the same changeset into a Neo4j server of our own (fresh, free port, deleted
    after); its row: wall, client + server CPU, client peak RSS; the server's in the note.
    Without Java or a server: one line saying it is skipped."""
    from benchmarks.own_neo4j import ServerNotStarted, own_server, use_credentials

    step = "ingest (Neo4j)"
    try:
        with (
            contextlib.redirect_stdout(io.StringIO()),
            own_server(heap=None, keep_home=False) as server,
        ):
            use_credentials(server)
            # untimed: a fresh server runs its first loads several times slower (JIT)
            measured([*load_command(server.uri, *WARM_UP), "--wipe-after"])
            before = process_cpu_seconds(server.pid())
            part = NEO4J_PART if actors + ties > NEO4J_PART else None
            run = measured(load_command(server.uri, actors, ties, part))
            server_cpu = process_cpu_seconds(server.pid()) - before
            server_rss = peak_rss_mb(server.pid())
    except ServerNotStarted as error:
        return f"  {step:<16} skipped — Neo4j could not be started: {error.first_line()}"
    except StepFailed as error:
        return failed_row(step, error)
    note = f"{loaded_note(run, ties)}; CPU incl. server {server_cpu:.1f} s, server peak {server_rss:,.0f} MB"
    run.cpu += server_cpu
    return run.row(step, note)
