"""A Neo4j server of the benchmark's own: started by tools/neo4j/neo4j.sh in a fresh home.

A benchmark that writes to Neo4j must never touch a database it did not create (the team's
server on port 7687, or a developer's). `own_server()` gives it a server with a fresh home
in a temporary folder (the jars are hard-linked or copied from ``.neo4j/lib``, so nothing is
downloaded when that is current), a free Bolt port that is never 7687, HTTP off and a random
password; the server is stopped and its folder deleted when the block ends, also on Ctrl-C
or SIGTERM. `use_credentials()` points this process's `Neo4jStore` at it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEO4J_SH = REPO / "tools" / "neo4j" / "neo4j.sh"
SHARED_LIB = REPO / ".neo4j" / "lib"
LIB_MARKER = ".netzwerk-neo4j-version"
TEAM_BOLT_PORT = 7687
#: server log lines worth showing after a failure (the synthetic data holds no personal data)
LOG_SIGNS = (
    "OutOfMemoryError",
    "MemoryPoolOutOfMemory",
    "MemoryLimitExceeded",
    "memory",
    "Memory",
    "panic",
    "critical error",
    "ERROR",
)


class ServerNotStarted(RuntimeError):
    """The server of our own did not start (no Java, no jars, ...): the benchmark skips it."""

    def first_line(self) -> str:
        """The reason in one line, for a benchmark's "skipped" message."""
        lines = [line for line in str(self).splitlines()[1:] if line.strip()]
        return lines[-1].strip() if lines else str(self).splitlines()[0]


class OwnServer:
    """A Neo4j server started by tools/neo4j/neo4j.sh in a home of its own."""

    def __init__(self, heap: str | None):
        self.home = Path(tempfile.mkdtemp(prefix="netzwerk-neo4j-bench-"))
        self.port = free_port()
        # never a leading '-': neo4j-admin would read the password as an option and fail
        self.password = "pw" + secrets.token_urlsafe(18)
        self.env = {
            **os.environ,
            "NETZWERK_NEO4J_HOME": str(self.home),
            "NEO4J_BOLT_PORT": str(self.port),
            "NEO4J_HTTP_PORT": "0",
            "NEO4J_USERNAME": "neo4j",
            "NEO4J_PASSWORD": self.password,
        }
        if heap:
            self.env["NEO4J_HEAP_MAX"] = heap
        self.heap = self.env.get("NEO4J_HEAP_MAX", "2g (neo4j.sh default)")
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self._log_offsets: dict[Path, int] = {}

    def prepare_lib(self) -> str:
        """Hard-link (or copy) the shared jars when their marker is there; neo4j.sh compares
        the marker with the pom and fetches again (into this home only) if it is outdated."""
        if not (SHARED_LIB / LIB_MARKER).is_file():
            return "no shared jars: neo4j.sh fetches them (Maven, ~/.m2)"

        def link_or_copy(source: str, target: str) -> None:
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)

        shutil.copytree(SHARED_LIB, self.home / "lib", copy_function=link_or_copy)
        return f"jars linked from {SHARED_LIB}"

    def script(self, command: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["bash", str(NEO4J_SH), command],
            env=self.env,
            text=True,
            capture_output=True,
            check=False,
        )

    def start(self) -> None:
        done = self.script("start")
        if done.returncode != 0:
            raise ServerNotStarted(f"neo4j.sh start failed:\n{done.stdout}{done.stderr}")
        self.mark_logs()

    def stop(self) -> None:
        if self.pid() is not None:
            done = self.script("stop")
            if done.returncode != 0:
                print(f"  neo4j.sh stop: {done.stdout}{done.stderr}".rstrip())

    def pid(self) -> int | None:
        """The server's pid while it runs (the pid file of this home only)."""
        try:
            pid = int((self.home / "run" / "neo4j.pid").read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return None
        if state in ("Z", "X") or b"CommunityEntryPoint" not in command:
            return None
        return pid

    def cpu_seconds(self) -> float:
        """CPU seconds (user + system) the server has used so far; 0 when it is not running.
        On a loaded machine this, not wall time, says what a load cost the server."""
        pid = self.pid()
        if pid is None:
            return 0.0
        fields = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mib(self) -> float | None:
        pid = self.pid()
        if pid is None:
            return None
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            return None
        return None

    def log_files(self) -> list[Path]:
        return [self.home / "logs" / name for name in ("console.log", "neo4j.log", "debug.log")]

    def mark_logs(self) -> None:
        """Remember where the logs end, so `new_log_lines` shows only what came after."""
        for path in self.log_files():
            with contextlib.suppress(OSError):
                self._log_offsets[path] = path.stat().st_size

    def new_log_lines(self, signs: tuple[str, ...] = LOG_SIGNS, limit: int = 12) -> list[str]:
        lines: list[str] = []
        for path in self.log_files():
            try:
                with path.open("rb") as log:
                    log.seek(self._log_offsets.get(path, 0))
                    text = log.read().decode("utf-8", "replace")
            except OSError:
                continue
            for line in text.splitlines():
                if any(sign in line for sign in signs):
                    lines.append(f"{path.name}: {line.strip()[:300]}")
        return lines[:limit]

    def remove_home(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)


def free_port() -> int:
    """A port nobody listens on now (never the team server's 7687)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port != TEAM_BOLT_PORT:
            return port


@contextlib.contextmanager
def own_server(heap: str | None, keep_home: bool) -> Iterator[OwnServer]:
    """Start the server, and stop it (and delete its home) however the run ends."""
    server = OwnServer(heap)

    def stop_on_signal(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    previous = {
        number: signal.signal(number, stop_on_signal) for number in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        print(
            f"server: {server.prepare_lib()}; home {server.home}, {server.uri}, heap {server.heap}",
            flush=True,
        )
        server.start()
        yield server
    finally:
        server.stop()
        if keep_home:
            print(f"server home kept: {server.home}")
        else:
            server.remove_home()
        for number, handler in previous.items():
            signal.signal(number, handler)


def use_credentials(server: OwnServer) -> None:
    """Let `Neo4jStore` in this process (and its child processes) log in to ``server``:
    it reads its credentials from the environment."""
    os.environ["NEO4J_USERNAME"], os.environ["NEO4J_PASSWORD"] = "neo4j", server.password
    os.environ.pop("NEO4J_DATABASE", None)
