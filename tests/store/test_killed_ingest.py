"""An ingest killed at any moment leaves the old network or the new one, never a mix.

A real client (`netzwerk ingest` in a subprocess) loads a 60,000-tie CSV workbook and is
killed with SIGKILL at 20 seeded random moments of its run, on each store. Two versions of
the workbook alternate under one source name: version "a" has weight 1 on every tie,
version "b" drops the first 1,000 of those ties, adds 1,000 others and has weight 2. After
each kill the store holds exactly one of the two versions, with one log entry per
completed run.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from netzwerk.store import open_store

pytestmark = pytest.mark.slow

ACTORS = 6_000
TIES = 60_000
CHANGED = 1_000
TRIALS = 20
NETZWERK = [sys.executable, "-c", "from netzwerk.cli import main; main()"]


def write_version(folder: Path, version: str) -> Path:
    """Akteure.csv and Beziehungen.csv of one version, in a folder named like the source."""
    folder.mkdir(parents=True)
    with open(folder / "Akteure.csv", "w", encoding="utf-8") as out:
        out.write("id;name;typ;sektor\n")
        out.writelines(f"a{n};Akteur {n};Verein;Soziales\n" for n in range(ACTORS))
    # ring offsets 1..11: every pair distinct, no tie to itself
    pairs = [(n % ACTORS, (n % ACTORS + 1 + n // ACTORS) % ACTORS) for n in range(TIES + CHANGED)]
    chosen = pairs[:TIES] if version == "a" else pairs[CHANGED:]
    weight = 1 if version == "a" else 2
    with open(folder / "Beziehungen.csv", "w", encoding="utf-8") as out:
        out.write("von;zu;art;staerke\n")
        out.writelines(f"a{a};a{b};Kooperation;{weight}\n" for a, b in chosen)
    return folder


def state_of(address: str) -> tuple[int, float, int]:
    """(ties, sum of tie weights, completed ingest runs) as the store reports them."""
    with open_store(address) as store:
        graph = store.graph()
        runs = len(store.ingest_log(limit=1000))
    return graph.number_of_edges(), sum(w for _, _, w in graph.edges(data="weight")), runs


def ingest(address: str, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*NETZWERK, "--store", address, "ingest", "--quelle", "netz", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def address(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "netz.sqlite")
    from netzwerk.store.neo4j import Neo4jStore

    uri = request.getfixturevalue("neo4j_uri")
    with Neo4jStore(uri) as store:
        store.init()
        store.wipe()
    return uri


def test_killed_ingest_leaves_the_old_or_the_new_network(address, tmp_path):
    versions = {
        "a": write_version(tmp_path / "a" / "netz", "a"),
        "b": write_version(tmp_path / "b" / "netz", "b"),
    }
    expected = {"a": (TIES, float(TIES)), "b": (TIES, 2.0 * TIES)}
    started = time.monotonic()
    assert ingest(address, versions["a"]).wait() == 0
    full_run = time.monotonic() - started
    current, completed = "a", 1
    rng = random.Random(20)
    outcomes = []
    for _ in range(TRIALS):
        target = "b" if current == "a" else "a"
        process = ingest(address, versions[target])
        try:
            process.wait(timeout=rng.uniform(0.05, 1.0) * full_run)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
        ties, weights, runs = state_of(address)
        if (ties, weights) == expected[target]:
            current, completed = target, completed + 1
        outcomes.append(process.returncode)
        assert (ties, weights) == expected[current], f"mixed state after kill: {ties}, {weights}"
        assert runs == completed
    assert any(code == -signal.SIGKILL for code in outcomes)  # kills did land mid-run
