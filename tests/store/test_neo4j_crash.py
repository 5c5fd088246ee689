"""A Neo4j server killed in the middle of an ingest: after a restart the store holds the old
state (the ingest is one transaction), and ingesting again gives exactly a clean load.

The test kills (SIGKILL) and restarts the test server with ``tools/neo4j/neo4j.sh``, so it
runs only when that script manages the server at ``NETZWERK_TEST_NEO4J_URI`` (same
``NETZWERK_NEO4J_HOME`` and ``NEO4J_BOLT_PORT`` in the environment); otherwise it is
skipped. It always leaves the server running for the tests after it.
"""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
import pytest

from netzwerk.errors import StoreError, StoreUnavailable
from netzwerk.ingest import read_files
from netzwerk.model import Changeset
from netzwerk.store import neo4j_ingest
from netzwerk.store.neo4j import Neo4jStore
from netzwerk.store.sqlite import SqliteStore

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"
SERVER_SCRIPT = REPO / "tools" / "neo4j" / "neo4j.sh"
BATCH_SIZE = 50
SERVER_TIMEOUT = 300  # seconds for start/kill on 2 busy cores (a start can take 25-45 s)


def server(command: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(SERVER_SCRIPT), command],
        capture_output=True,
        text=True,
        timeout=SERVER_TIMEOUT,
        check=False,
    )


@pytest.fixture
def managed_server(neo4j_uri):
    """The test server, if neo4j.sh manages it; restarted afterwards whatever happened."""
    status = server("status")
    port = urlsplit(neo4j_uri).port or 7687
    if status.returncode != 0 or f":{port} " not in status.stdout:
        pytest.skip(
            f"{neo4j_uri} is not the server tools/neo4j/neo4j.sh manages with this "
            f"environment ({status.stdout.strip()}); set NETZWERK_NEO4J_HOME and "
            "NEO4J_BOLT_PORT to match"
        )
    yield neo4j_uri
    if server("status").returncode != 0:
        started = server("start")
        assert started.returncode == 0, started.stdout + started.stderr


def snapshot(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    nodes = {node: dict(data) for node, data in graph.nodes(data=True)}
    edges = {
        (u, v, key): {name: value for name, value in data.items() if name != "ingest_run"}
        for u, v, key, data in graph.edges(keys=True, data=True)
    }
    return nodes, edges


def expected_batches(changeset: Changeset, batch_size: int) -> int:
    shapes: dict[tuple, int] = {}
    for tie in changeset.ties:
        shape = (tie.kind, tie.source.kind, tie.target.kind)
        shapes[shape] = shapes.get(shape, 0) + 1
    node_counts = [n for kind, n in changeset.counts().items() if kind != "ties" and n]
    return sum(-(-n // batch_size) for n in [*node_counts, *shapes.values()])


def test_ingest_killed_halfway_leaves_the_old_state_then_converges(
    managed_server, tmp_path, monkeypatch
):
    changeset = read_files([SAMPLE]).changeset
    with Neo4jStore(managed_server) as store:
        store.init()
        store.wipe()
    half = expected_batches(changeset, BATCH_SIZE) // 2
    halfway, killed = threading.Event(), threading.Event()
    written: list[int] = []
    real_write_batch = neo4j_ingest.write_batch

    def write_batch_then_wait(*args: Any) -> tuple[int, int]:
        counts = real_write_batch(*args)
        written.append(1)
        if len(written) == half:
            halfway.set()
            # the transaction is open with half the batches written when the server dies
            assert killed.wait(timeout=SERVER_TIMEOUT)
        return counts

    monkeypatch.setattr(neo4j_ingest, "write_batch", write_batch_then_wait)
    outcome: dict[str, BaseException | None] = {}

    def ingest() -> None:
        with Neo4jStore(managed_server, batch_size=BATCH_SIZE, retry_seconds=2.0) as store:
            try:
                store.apply(changeset)
                outcome["error"] = None
            except BaseException as error:  # noqa: BLE001 - handed to the test thread
                outcome["error"] = error

    worker = threading.Thread(target=ingest, name="ingest-until-killed")
    worker.start()
    try:
        assert halfway.wait(timeout=SERVER_TIMEOUT), "ingest never reached half its batches"
        kill = server("kill")
        assert kill.returncode == 0, kill.stdout + kill.stderr
        killed.set()
        worker.join(timeout=SERVER_TIMEOUT)
        assert not worker.is_alive(), "ingest did not end after the server was killed"
    finally:
        killed.set()
    monkeypatch.undo()
    assert isinstance(outcome["error"], StoreUnavailable), outcome
    assert "\n" not in str(outcome["error"])

    started = server("start")
    assert started.returncode == 0, started.stdout + started.stderr
    with Neo4jStore(managed_server) as store:
        _wait_until_answers(store)
        assert set(store.counts().values()) == {0}  # the old state: nothing, not half
        assert store.ingest_log() == []

        again = store.apply(changeset)

        assert again.created == changeset.counts()
        assert store.counts() == changeset.counts()
        assert not store.apply(changeset).changed_anything
        recovered = snapshot(store.graph())
    with SqliteStore(tmp_path / "clean.sqlite") as clean:
        clean.init()
        clean.apply(changeset)
        assert recovered == snapshot(clean.graph())


def _wait_until_answers(store: Neo4jStore, timeout: float = SERVER_TIMEOUT) -> None:
    """Poll until the database accepts a query (recovery may still run after "Started.")."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            store.counts()
            return
        except StoreError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)  # poll interval
