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
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import psutil

REPO = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time"
LOADER = REPO / "benchmarks" / "city_load.py"
PERMUTATIONS = 200
STEPS = {
    "status": ["status", "--format", "json"],
    "brokers": ["brokers", "--format", "json"],
    "gaps": ["gaps", "--format", "json", "--permutations", str(PERMUTATIONS)],
    "report": ["report", "--out", "{folder}/bericht"],
    "map": ["karte", "--out", "{folder}/karte.html"],
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
    """Run ``command`` under /usr/bin/time (niced like its parent) and read its figures.

    /usr/bin/time counts the step's process and what it waited for; worker processes of a
    forkserver (betweenness) are not waited for by the step, so `TreeWatch` samples their
    CPU seconds from /proc every 0.25 s and adds them, and the peak RSS is the larger of the
    step's own and the sampled sum over its process tree. Stdout goes to a file (a 1M-actor
    JSON output is large); only its last line is kept."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(
            [TIME, "-f", "@@ %e %U %S %M", *command],
            stdout=out,
            stderr=err,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        with TreeWatch(child.pid) as tree:
            child.wait()
        stdout, stderr = _last_line(out), _tail(err)
    marks = [line for line in stderr if line.startswith("@@ ")]
    if child.returncode != 0 or not marks:
        raise StepFailed(" | ".join(stderr[-3:] or [stdout])[:300])
    wall, user, system, rss_kb = marks[-1].split()[1:]
    notes = [line for line in stderr if line and not line.startswith("@@ ")]
    return Measured(
        float(wall),
        float(user) + float(system) + tree.worker_cpu,
        max(int(rss_kb) * 1024, tree.peak) / 1024**2,
        stdout,
        notes[-1][:120] if notes else "",
    )


def _last_line(file: IO[str]) -> str:
    file.seek(max(0, file.seek(0, os.SEEK_END) - 4096))
    lines = file.read().strip().splitlines()
    return lines[-1] if lines else ""


def _tail(file: IO[str]) -> list[str]:
    file.seek(max(0, file.seek(0, os.SEEK_END) - 16384))
    return file.read().splitlines()


class TreeWatch:
    """CPU seconds of the worker processes below a step (its grandchildren and deeper, which
    nobody in the step waits for) and the peak RSS of the whole tree, sampled every 0.25 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak = pid, 0
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    @property
    def worker_cpu(self) -> float:
        return sum(self._cpu.values())

    def _watch(self) -> None:
        with contextlib.suppress(psutil.Error):
            root = psutil.Process(self.pid)
            while not self._stop.is_set():
                self._sample(root)
                self._stop.wait(0.25)

    def _sample(self, root: psutil.Process) -> None:
        with contextlib.suppress(psutil.Error):
            step = root.children()  # the step itself, under /usr/bin/time
            near = {p.pid for p in step} | {c.pid for p in step for c in p.children()}
            total = 0
            for process in root.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
                    if process.pid not in near:
                        times = process.cpu_times()
                        self._cpu[process.pid] = times.user + times.system
            self.peak = max(self.peak, total)

    def __enter__(self) -> TreeWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


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
    """Run status, brokers, gaps, report and map on ``store``; one row each (printed as
    they end). The map is refused past `MAP_ACTOR_LIMIT` actors: its row says so."""
    rows = []
    for step in STEPS:
        try:
            note = f"{PERMUTATIONS} permutations" if step == "gaps" else ""
            row = measured(cli_command(store, step, folder)).row(step, note)
        except StepFailed as error:
            row = failed_row(step, error)
            if step == "map" and "--um" in str(error):  # refused: too large for a browser
                row = f"  {step:<16} refused as asked: {str(error).removeprefix('Fehler: ')[:150]}"
        print(row, flush=True)
        rows.append(row)
    if (folder / "karte.html").exists():
        row = browser_row(folder / "karte.html")
        print(row, flush=True)
        rows.append(row)
    return rows


def browser_row(page: Path) -> str:
    """The written map opened in headless Chromium (`benchmarks.bench_karte_browser`):
    first frame warm (cold), pan/zoom frames per second, file size."""
    from benchmarks.bench_karte_browser import measure_file

    try:
        found = measure_file(page, runs=3, fps_ms=2000)
    except Exception as error:  # no chromium/driver here: the table goes on
        return f"  {'map in browser':<16} not measured: {str(error).splitlines()[0][:100]}"
    return (
        f"  {'map in browser':<16} first frame {found['first_frame_warm_s']:.2f} s "
        f"(cold {found['first_frame_cold_s']:.2f} s), pan/zoom {found['fps']:.0f} fps, "
        f"file {found['file_mb']:.1f} MB ({found['actors']:,} actors, {found['ties']:,} ties)"
    )


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


def neo4j_rows(actors: int, ties: int) -> list[str]:
    """Load the same changeset into a Neo4j server of our own (fresh, free port, deleted
    after); its row: wall, client + server CPU, client peak RSS; the server's in the note.
    Then, in the same server, the "Neo4j ceiling" row (`benchmarks/neo4j_ceiling.py`): what
    raw Cypher writes there, with nothing of the store around it. Without Java or a server:
    one line saying it is skipped."""
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
            ceiling = ceiling_row(server.uri, actors, ties)
    except ServerNotStarted as error:
        return [f"  {step:<16} skipped — Neo4j could not be started: {error.first_line()}"]
    except StepFailed as error:
        return [failed_row(step, error)]
    note = f"{loaded_note(run, ties)}; CPU incl. server {server_cpu:.1f} s, server peak {server_rss:,.0f} MB"
    run.cpu += server_cpu
    return [run.row(step, note), ceiling]


CEILING = REPO / "benchmarks" / "neo4j_ceiling.py"


def ceiling_row(uri: str, actors: int, ties: int) -> str:
    """The "Neo4j ceiling" row: ties per second of raw Cypher in the ingest's server."""
    step = "Neo4j ceiling"
    try:
        run = measured([sys.executable, str(CEILING), uri, str(actors), str(ties)])
    except StepFailed as error:
        return failed_row(step, error)
    rates = json.loads(run.stdout.strip().splitlines()[-1])
    note = (
        f"raw Cypher, {rates['ties']:,} new ties: key only {rates['key_only']:,.0f} ties/s, "
        f"the store's statement {rates['store_statement']:,.0f} (one transaction each); "
        f"3 concurrent transactions {rates['concurrent']:,.0f} (not all-or-nothing)"
    )
    return f"  {step:<16} {'':>8} {'':>8} {'':>9}   {note}"


FIRST_LOADER = REPO / "benchmarks" / "city_first_load.py"
SERVER_ENV = ("NETZWERK_NEO4J_HOME", "NEO4J_BOLT_PORT", "NEO4J_HTTP_PORT", "NEO4J_USERNAME")


def neo4j_first_load_row(actors: int, ties: int) -> str:
    """The same changeset loaded by neo4j-admin import (`benchmarks/city_first_load.py`, the
    steps of ``neo4j.sh import``) into a fresh server of our own: wall and CPU of the client
    and neo4j-admin; the note gives each step and the restarted server's CPU (its start-up
    and the schema setup)."""
    from benchmarks.own_neo4j import ServerNotStarted, own_server, use_credentials

    step = "Neo4j first load"
    saved = {name: os.environ.get(name) for name in SERVER_ENV}
    try:
        with (
            contextlib.redirect_stdout(io.StringIO()),
            own_server(heap=None, keep_home=False) as server,
        ):
            use_credentials(server)
            os.environ.update({name: server.env[name] for name in SERVER_ENV})
            run = measured([sys.executable, str(FIRST_LOADER), str(actors), str(ties)])
            server_cpu = process_cpu_seconds(server.pid())
    except ServerNotStarted as error:
        return f"  {step:<16} skipped — Neo4j could not be started: {error.first_line()}"
    except StepFailed as error:
        return failed_row(step, error)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    result = json.loads(run.stdout.strip().splitlines()[-1])
    steps = result["steps"]
    note = (
        f"{ties / result['seconds']:,.0f} ties/s in all; neo4j-admin {steps['neo4j-admin']:.1f} s "
        f"= {ties / steps['neo4j-admin']:,.0f} ties/s; "
        + ", ".join(f"{name} {seconds:.1f}" for name, seconds in steps.items())
        + f" s; restarted server CPU {server_cpu:.1f} s"
    )
    return run.row(step, note)
