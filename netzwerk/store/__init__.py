"""Stores: where the network lives. `open_store` picks one from an address.

- a file path (or nothing): the embedded SQLite store, the default for a single user;
- ``bolt://``, ``neo4j://``, ``neo4j+s://`` … URIs: the shared Neo4j team database
  (user and password only from ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD``).

Any other address with ``://`` (``http://localhost:7474``, ``foo://x``) is refused with a
`ConfigError` before anything is created; as a path it would silently become a new SQLite
file in a folder named ``http:``.

The address comes from the ``store`` option, else ``NETZWERK_STORE``, else `default_store_path()`.

Only what writes creates a store (``open_store``, as ``init``, ``ingest`` and ``demo`` do);
what only reads opens it with `open_existing_store`, which creates nothing and refuses a
missing store (`StoreMissing`) or one without actors (`StoreEmpty`) with what to do instead.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from netzwerk.errors import OPTION_PLACE, ConfigError, StoreEmpty, StoreMissing
from netzwerk.store.base import ApplyResult, Store
from netzwerk.store.capabilities import (
    DeletionResidue,
    Merging,
    NamedQueries,
    PersonalData,
    StoreFiles,
    TieStatements,
    personal_data,
)
from netzwerk.store.merging import MergeResult

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
STORE_ENV = "NETZWERK_STORE"

__all__ = [
    "ApplyResult",
    "DeletionResidue",
    "MergeResult",
    "Merging",
    "TieStatements",
    "NamedQueries",
    "PersonalData",
    "Store",
    "StoreFiles",
    "check_store_address",
    "default_store_path",
    "is_neo4j_address",
    "open_existing_store",
    "open_store",
    "personal_data",
    "store_address",
    "store_exists",
]


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/netzwerk/netzwerk.sqlite`` (usually ~/.local/share/netzwerk/…)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "netzwerk" / "netzwerk.sqlite"


def store_address(explicit: str | None = None) -> str:
    """The store address in force: the explicit one, else NETZWERK_STORE, else the default.

    Checked with `check_store_address`.
    """
    return check_store_address(explicit or os.environ.get(STORE_ENV) or str(default_store_path()))


def is_neo4j_address(address: str) -> bool:
    return address.lower().startswith(NEO4J_SCHEMES)


def check_store_address(address: str) -> str:
    """``address`` if it names a store: a Neo4j URI or a path without ``://``.

    >>> check_store_address("daten/netz.sqlite"), check_store_address("bolt://localhost:7687")
    ('daten/netz.sqlite', 'bolt://localhost:7687')
    >>> check_store_address("http://localhost:7474")
    Traceback (most recent call last):
    ...
    netzwerk.errors.ConfigError: Speicheradresse "http://localhost:7474" (store oder NETZWERK_STORE): http:// ist kein Speicher — Dateipfad für den eingebetteten Speicher oder bolt://, neo4j:// (auch +s, +ssc) für Neo4j angeben
    """
    if "://" not in address or is_neo4j_address(address):
        return address
    scheme = address.split("://", 1)[0].rsplit("/", 1)[-1] or "…"
    raise ConfigError(
        f'Speicheradresse "{_without_credentials(address)}" ({OPTION_PLACE} oder '
        f"NETZWERK_STORE): {scheme}:// ist kein Speicher — Dateipfad für den eingebetteten "
        "Speicher oder bolt://, neo4j:// (auch +s, +ssc) für Neo4j angeben",
        option="store",
    )


_USER_INFO = re.compile(r"(?<=://)[^/?#@]*@")


def _without_credentials(address: str) -> str:
    """The address with any ``user:password@`` replaced by ``…@`` (it goes to the terminal).

    >>> _without_credentials("http://ich:geheim@host:7474/db")
    'http://…@host:7474/db'
    """
    return _USER_INFO.sub("…@", address)


def store_exists(address: str | None = None) -> bool:
    """False if the store is an embedded file that does not exist yet (a server is assumed
    to exist: opening it creates nothing)."""
    address = store_address(address)
    return is_neo4j_address(address) or Path(address).exists()


def open_store(address: str | None = None, *, create: bool = True) -> Store:
    """Open the store at ``address`` (see module docstring). Use it as a context manager.

    ``create=False``: an embedded store that does not exist is `StoreMissing`, and nothing
    is created (a Neo4j server is assumed to exist: opening it creates nothing).
    """
    address = store_address(address)
    if is_neo4j_address(address):
        from netzwerk.store.neo4j import Neo4jStore

        return Neo4jStore(address)
    from netzwerk.store.sqlite import SqliteStore

    path = Path(address)
    if not create and not store_exists(address):
        raise StoreMissing(
            f"kein Speicher unter „{path}“ — zuerst „netzwerk ingest DATEI“ oder "
            f"„netzwerk demo“ ausführen, oder mit {OPTION_PLACE} oder NETZWERK_STORE einen "
            "vorhandenen Speicher wählen",
            option="store",
        )
    return SqliteStore(path)


def open_existing_store(address: str | None = None) -> Store:
    """Open the store at ``address`` for a command that reads it; creates nothing.

    Raises `StoreMissing` if there is no store there and `StoreEmpty` if it holds no actors
    (an empty Neo4j database, a file from ``init`` alone): both say what to do instead.
    """
    store = open_store(address, create=False)
    try:
        if not store.holds_actors():
            raise StoreEmpty(
                f"{store.description} ist leer (keine Akteure) — zuerst Daten mit "
                f"„netzwerk ingest DATEI“ laden, oder mit {OPTION_PLACE} oder NETZWERK_STORE "
                "einen anderen Speicher wählen",
                option="store",
            )
    except BaseException:
        store.close()
        raise
    return store
