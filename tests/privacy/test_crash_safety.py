"""A process killed with SIGKILL mid-way leaves the old or the new state, never a mix.

Each test runs the work in a child process, waits until it has begun writing (the store's
write-ahead log grows; a temporary export file appears) and kills it. The waiting polls a
file, bounded by a deadline: the moment of the kill is the thing under test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from netzwerk.store.sqlite import SqliteStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

BIG_INGEST = textwrap.dedent("""
    import sys
    from netzwerk.model import Actor, Changeset, NodeRef, Tie
    from netzwerk.store.sqlite import SqliteStore
    n = int(sys.argv[2])
    changeset = Changeset(
        actors=[Actor(f"a{i}", f"Akteur {i}", "association", "social", note="x" * 60)
                for i in range(n)],
        ties=[Tie("cooperation", NodeRef("actor", f"a{i}"), NodeRef("actor", f"a{i + 1}"))
              for i in range(n - 1)])
    with SqliteStore(sys.argv[1]) as store:
        store.apply(changeset)
    print("committed", flush=True)
""")

BIG_EXPORT = textwrap.dedent("""
    import sys
    import networkx as nx
    from netzwerk.report.export import export_graph
    n = int(sys.argv[2])
    graph = nx.MultiDiGraph()
    for i in range(n):
        graph.add_node(f"a{i}", kind="actor", id=f"a{i}", name=f"Akteur {i}" + "x" * 200,
                       type="association", natural_person=False)
    for i in range(n - 1):
        graph.add_edge(f"a{i}", f"a{i + 1}", key=f"k{i}", kind="cooperation", weight=1.0)
    export_graph(graph, sys.argv[1], "gexf")
    print("written", flush=True)
""")


def _start(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until(condition, process: subprocess.Popen, timeout: float = 60.0) -> bool:
    """Poll ``condition`` until it holds (True) or the process ends / time runs out (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.002)
    return False


def _kill(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGKILL)
    out, _ = process.communicate(timeout=60)
    return out


def test_ingest_killed_mid_way_leaves_exactly_the_old_or_the_new_state(tmp_path, changeset):
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset)
        old = store.counts()
    wal = Path(f"{path}-wal")
    size = 50_000
    process = _start(BIG_INGEST, path, size)
    began = _wait_until(lambda: wal.exists() and wal.stat().st_size > 1_000_000, process)
    output = _kill(process)
    assert began, f"ingest ended before it was seen writing: {process.stderr.read()}"

    with SqliteStore(path) as store:
        assert store._db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts = store.counts()
    new = {**old, "actors": old["actors"] + size, "ties": old["ties"] + size - 1}
    assert counts in (old, new)
    if "committed" not in output:
        assert counts == old  # killed inside the transaction: nothing of it is visible


def test_export_killed_mid_way_leaves_no_half_written_file(tmp_path):
    out = tmp_path / "netz.gexf"
    caught = False
    for _attempt in range(5):
        process = _start(BIG_EXPORT, out, 30_000)
        caught = _wait_until(
            lambda: any(p.name.endswith(".part") for p in tmp_path.iterdir()), process
        )
        _kill(process)
        if out.exists():  # the rename happened before the kill: the file must be whole
            ET.parse(out)
            out.unlink()
        if caught:
            break
    assert caught, "never saw the export writing"
    assert not out.exists()
    leftovers = [p.name for p in tmp_path.iterdir()]
    assert all(name.startswith(".netz.gexf.") and name.endswith(".part") for name in leftovers)


def test_cli_ingest_killed_mid_way_leaves_old_state(tmp_path, changeset):
    """The same through `netzwerk ingest` with a large CSV file."""
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset)
        old = store.counts()
    rows = ["id;name;typ;sektor;notiz"] + [
        f"a{i};Akteur {i};Verein;Soziales;{'x' * 80}" for i in range(60_000)
    ]
    csv_file = tmp_path / "Akteure.csv"
    csv_file.write_text("\n".join(rows), encoding="utf-8")
    wal = Path(f"{path}-wal")
    env = {**os.environ, "NETZWERK_STORE": str(path)}
    process = subprocess.Popen(
        [sys.executable, "-c", "from netzwerk.cli import main; main()", "ingest", str(csv_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    began = _wait_until(lambda: wal.exists() and wal.stat().st_size > 1_000_000, process)
    output = _kill(process)
    assert began, process.stderr.read()
    with SqliteStore(path) as store:
        counts = store.counts()
    assert counts["actors"] in (old["actors"], old["actors"] + 60_000)
    if "Geladen" not in output:
        assert counts == old
