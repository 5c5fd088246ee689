"""Whole jobs made of several layers, callable in one line from a notebook or the CLI."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from netzwerk.ingest import read_files
from netzwerk.store.base import ApplyResult
from netzwerk.store.sqlite import SqliteStore

PACKAGE_ROOT = Path(__file__).resolve().parent


def sample_data_path() -> Path:
    """The Wehringhausen sample workbook, installed with the package or in the repository."""
    for candidate in (PACKAGE_ROOT / "examples" / "wehringhausen" / "wehringhausen.xlsx",
                      PACKAGE_ROOT.parent / "examples" / "wehringhausen" / "wehringhausen.xlsx"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("sample data examples/wehringhausen/wehringhausen.xlsx not found")


def load_sample_data(folder: Path) -> tuple[Path, ApplyResult, nx.MultiDiGraph]:
    """Load the sample data into a fresh embedded store ``folder/netzwerk.sqlite``.

    Returns the store path, what the load did and the store graph.
    """
    folder.mkdir(parents=True, exist_ok=True)
    store_path = folder / "netzwerk.sqlite"
    for stale in (store_path, Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        stale.unlink(missing_ok=True)
    result = read_files([sample_data_path()])
    with SqliteStore(store_path) as store:
        store.init()
        applied = store.apply(result.changeset, files=[sample_data_path().name])
        graph = store.graph()
    return store_path, applied, graph
