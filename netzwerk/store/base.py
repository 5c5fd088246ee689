"""The one narrow interface every store implements (embedded SQLite, Neo4j).

A store persists validated records (`model.Changeset`) and hands the network back as a
networkx graph (see `model.GRAPH_SCHEMA`). Writes are idempotent: applying the same
changeset twice changes nothing the second time. Operations only some stores offer are
capabilities (`netzwerk.store.capabilities`). The contract test suite in
`tests/store/` runs against every implementation.

**The workbook is the truth, per source.** Every record remembers the sources that state it
(a source is a workbook's file name as given to ``ingest``, or a name given with
``--quelle``). Applying a changeset of source S makes the store say what S now says:

- records in the changeset are created, or updated where their *content* differs
  (provenance — file, sheet, row — is refreshed but is no change);
- records S stated before and no longer states lose S; a record no source states any
  more is **removed** (not ended: an ending is a date the workbook itself records), and
  so is every tie that touches a removed node;
- records also stated by another source stay.

A tie's identity (`model.Tie.key`) is its kind, ends and topic, so a corrected date or
strength updates the tie; a tie that ended and started again is one tie with two periods.
"""

from __future__ import annotations

import secrets
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import networkx as nx

from netzwerk.model import Changeset
from netzwerk.store.census import Census, census_of_graph

RECORD_KINDS = ("actors", "topics", "projects", "events", "places", "ties")


@dataclass
class ApplyResult:
    """What one ingest run did: per record kind, how many were created, changed in content,
    left unchanged and removed (no longer stated by any source)."""

    run_id: str
    source: str = ""
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def __post_init__(self) -> None:
        for counts in (self.created, self.updated, self.unchanged, self.removed):
            for kind in RECORD_KINDS:
                counts.setdefault(kind, 0)

    @property
    def changed_anything(self) -> bool:
        return any(any(counts.values()) for counts in (self.created, self.updated, self.removed))

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "source": self.source,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "dry_run": self.dry_run,
        }


def source_of(changeset: Changeset, files: list[str] | None) -> str:
    """The source a changeset is stated under: its own, else the files' names joined."""
    return changeset.source or SOURCE_SEPARATOR.join(
        files if files is not None else changeset.files
    )


SOURCE_SEPARATOR = " + "


def renamed_source(source: str, replacements: dict[str, str]) -> str:
    """A source name with file names replaced (see `PersonalData.redact_ingest_files`).

    >>> renamed_source("netz.xlsx + Erika.csv", {"Erika.csv": "(entfernt)"})
    'netz.xlsx + (entfernt)'
    """
    return SOURCE_SEPARATOR.join(
        replacements.get(part, part) for part in source.split(SOURCE_SEPARATOR)
    )


def new_run_id() -> str:
    """A sortable, unique id for one ingest run: UTC time and 6 random hex digits."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


class Store(ABC):
    """A place where the district network lives. Use as a context manager.

    The core every store has: create the schema, apply a changeset, read the graph, the
    counts and the ingest log. What only some stores can do (personal-data operations,
    named queries, …) are capabilities, see `netzwerk.store.capabilities`.
    """

    #: short description for messages, never containing credentials (German; `describe`)
    description: str = "store"
    #: the same in English
    description_en: str = "store"

    def describe(self, lang: str = "de") -> str:
        """`description` in ``lang`` ('de' or 'en')."""
        return self.description_en if lang == "en" else self.description

    @abstractmethod
    def init(self) -> None:
        """Create tables/constraints/indexes. Running it twice is a no-op."""

    @abstractmethod
    def apply(
        self, changeset: Changeset, *, files: list[str] | None = None, dry_run: bool = False
    ) -> ApplyResult:
        """Make the store say what the changeset's source now says (see the module
        docstring) and record an ingest-log entry.

        All or nothing, on every store: the whole changeset, the removals and the log entry
        are one transaction, so no reader ever sees a half-applied ingest and a killed
        ingest leaves the old state. ``dry_run`` computes the same result and rolls back.
        ``files``: the file names for the log (default: ``changeset.files``).
        """

    @abstractmethod
    def graph(self, as_of: date | None = None) -> nx.MultiDiGraph:
        """The whole network, or only nodes and ties valid on ``as_of``."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Number of stored records per kind (keys of `RECORD_KINDS`)."""

    @abstractmethod
    def ingest_log(self, limit: int = 10) -> list[dict[str, Any]]:
        """Most recent ingest runs first: run_id, started (ISO time), files, source,
        created, updated, removed.

        Log entries hold file names and counts only, never personal data.
        """

    def census(self) -> Census:
        """What the store holds, counted (`netzwerk.store.census`). This default reads the
        whole graph; the stores answer with aggregate queries instead."""
        return census_of_graph(self.graph())

    def holds_actors(self) -> bool:
        """True if the store holds at least one actor (reading commands need one)."""
        return self.counts()["actors"] > 0

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
