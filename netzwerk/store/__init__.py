"""Stores: where the network lives. `open_store` picks one from an address.

- a file path (or nothing): the embedded SQLite store, the default for a single user;
- ``bolt://``, ``neo4j://``, ``neo4j+s://`` … URIs: the shared Neo4j team database
  (user and password only from ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``).

The address comes from ``--store``, else ``NETZWERK_STORE``, else `default_store_path()`.
"""

from __future__ import annotations

import os
from pathlib import Path

from netzwerk.store.base import ApplyResult, Store

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
STORE_ENV = "NETZWERK_STORE"

__all__ = ["ApplyResult", "Store", "default_store_path", "is_neo4j_address", "open_store",
           "store_address"]


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/netzwerk/netzwerk.sqlite`` (usually ~/.local/share/netzwerk/…)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "netzwerk" / "netzwerk.sqlite"


def store_address(explicit: str | None = None) -> str:
    """The store address in force: the explicit one, else NETZWERK_STORE, else the default."""
    return explicit or os.environ.get(STORE_ENV) or str(default_store_path())


def is_neo4j_address(address: str) -> bool:
    return address.lower().startswith(NEO4J_SCHEMES)


def open_store(address: str | None = None) -> Store:
    """Open the store at ``address`` (see module docstring). Use it as a context manager."""
    address = store_address(address)
    if is_neo4j_address(address):
        from netzwerk.store.neo4j import Neo4jStore

        return Neo4jStore(address)
    from netzwerk.store.sqlite import SqliteStore

    return SqliteStore(Path(address))
