"""A changeset with one person whose traces are easy to search for, and a `search` fixture
(helpers cannot be imported from a conftest under --import-mode=importlib)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from netzwerk.model import Changeset

NAME = "Erika Muster"
EMAIL = "erika.muster@example.org"
PHONE = "02331 555-0147"
ADDRESS = "Lange Straße 5, 58089 Hagen"
PERSONAL = (NAME, EMAIL, PHONE, ADDRESS)


@pytest.fixture
def changeset(small_changeset) -> Changeset:
    """`small_changeset` with Erika's contact holding an e-mail and a phone number."""
    actors = [
        replace(actor, contact=f"{EMAIL}; {PHONE}", address=ADDRESS, note="kennt alle am Markt")
        if actor.id == "erika"
        else actor
        for actor in small_changeset.actors
    ]
    return replace(small_changeset, actors=actors)


class Search:
    """Searching stores, files and folders for Erika's personal data."""

    NAME, EMAIL, PHONE, ADDRESS, PERSONAL = NAME, EMAIL, PHONE, ADDRESS, PERSONAL

    @staticmethod
    def store_bytes(path: Path) -> bytes:
        """The embedded store's raw bytes: database, write-ahead log and shared memory."""
        return b"".join(
            candidate.read_bytes()
            for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm"))
            if candidate.exists()
        )

    @staticmethod
    def found_in_bytes(data: bytes, values=PERSONAL) -> list[str]:
        """Which personal values occur in raw bytes (UTF-8, any case)."""
        folded = data.decode("utf-8", errors="ignore").casefold()
        return [value for value in values if value.casefold() in folded]

    @staticmethod
    def found_in_folder(folder: Path, values=PERSONAL) -> dict[str, list[str]]:
        """Files under ``folder`` (name or content) that contain any personal value."""
        hits = {}
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found = Search.found_in_bytes(path.read_bytes() + path.name.encode(), values)
                if found:
                    hits[str(path.relative_to(folder))] = found
        return hits

    @staticmethod
    def neo4j_everything(store) -> str:
        """Every label, property and relationship of the Neo4j database as one string."""
        parts = []
        for record in store._read("MATCH (n) RETURN labels(n), properties(n)"):
            parts.append(repr(record.values()))
        for record in store._read("MATCH ()-[r]->() RETURN type(r), properties(r)"):
            parts.append(repr(record.values()))
        return "\n".join(parts)

    @staticmethod
    def everything_in(store) -> str:
        """All stored text: raw file bytes (embedded) or all properties via Cypher (Neo4j)."""
        path = getattr(store, "path", None)
        if path is not None:
            return Search.store_bytes(path).decode("utf-8", errors="ignore")
        return Search.neo4j_everything(store)


@pytest.fixture
def search() -> type[Search]:
    return Search
