"""The one narrow interface every store implements (embedded SQLite, Neo4j).

A store persists validated records (`model.Changeset`) and hands the network back as a
networkx graph (see `model.GRAPH_SCHEMA`). Writes are idempotent: applying the same
changeset twice changes nothing the second time. The contract test suite in
`tests/store/` runs against every implementation.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from netzwerk.model import Changeset

RECORD_KINDS = ("actors", "topics", "projects", "events", "places", "ties")


@dataclass
class ApplyResult:
    """What one ingest run did: per record kind, how many were created, updated, unchanged."""

    run_id: str
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return any(self.created.values()) or any(self.updated.values())

    def as_dict(self) -> dict:
        return {"run_id": self.run_id, "created": self.created, "updated": self.updated,
                "unchanged": self.unchanged}


class Store(ABC):
    """A place where the district network lives. Use as a context manager."""

    #: short description for messages, never containing credentials
    description: str = "store"

    @abstractmethod
    def init(self) -> None:
        """Create tables/constraints/indexes. Running it twice is a no-op."""

    @abstractmethod
    def apply(self, changeset: Changeset, *, files: list[str] | None = None) -> ApplyResult:
        """Write a validated changeset (MERGE on keys) and record an ingest-log entry.

        Atomic: on the embedded store the whole changeset is one transaction; on Neo4j each
        batch is, and re-running after a crash converges to the same state.
        """

    @abstractmethod
    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        """The whole network, or only nodes and ties valid on ``as_of``."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Number of stored records per kind (keys of `RECORD_KINDS`)."""

    @abstractmethod
    def ingest_log(self, limit: int = 10) -> list[dict]:
        """Most recent ingest runs first: run_id, started (ISO time), files, created, updated.

        Log entries hold file names and counts only, never personal data.
        """

    @abstractmethod
    def actor_record(self, actor_id: str) -> dict:
        """Everything stored about one actor (properties incl. address/contact, ties with
        their provenance), for a data subject's access request. Raises NotFound."""

    @abstractmethod
    def redact_ingest_files(self, replacements: dict[str, str]) -> int:
        """Rename files in the ingest log (``{old name: new name}``): a file named after a
        person is personal data. Returns how many log entries changed."""

    @abstractmethod
    def forget(self, actor_id: str) -> dict[str, int]:
        """Erase an actor and every tie touching it; return counts of what was removed.
        Raises NotFound."""

    @abstractmethod
    def expired(self, before: date) -> dict[str, list[str]]:
        """Ids of actors and keys of ties whose ``until`` lies before ``before``."""

    @abstractmethod
    def remove_expired(self, before: date) -> dict[str, int]:
        """Delete what `expired` lists (ties of removed actors too); return counts."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
