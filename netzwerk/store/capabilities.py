"""What a store can do beyond the core `Store` interface, as protocols to ask for.

Code above ``store/`` never asks which store it has; it asks whether the store has a
capability (``isinstance(store, NamedQueries)``) and uses it:

=================  ==========================================  ===========  =====
capability         what it offers                              embedded     Neo4j
=================  ==========================================  ===========  =====
`PersonalData`     the persons' rights: access, erasure,       yes          yes
                   retention
`Merging`          merge two actors, undo it, aliases          yes          yes
`TieStatements`    each source's statement of contested ties   yes          yes
`NamedQueries`     the named Cypher queries (`store.queries`)  no           yes
`StoreFiles`       the local files that hold the store         yes          no
`DeletionResidue`  where deleted data lingers until pruned     no           yes
=================  ==========================================  ===========  =====

`personal_data` hands out the `PersonalData` side of a store, or says why it cannot.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from netzwerk.errors import ConfigError
from netzwerk.model.statements import Statement
from netzwerk.store.merging import MergeResult, StoredTie
from netzwerk.store.queries import NamedQuery

__all__ = [
    "DeletionResidue",
    "Merging",
    "NamedQueries",
    "PersonalData",
    "StoreFiles",
    "TieStatements",
    "personal_data",
]


@runtime_checkable
class PersonalData(Protocol):
    """A store that can answer and carry out the persons' rights (GDPR Art. 15, 17, 5(1)e)."""

    def actor_record(self, actor_id: str) -> dict[str, Any]:
        """Everything stored about one actor (properties incl. address/contact, ties with
        their provenance), for a data subject's access request. Raises NotFound."""
        ...

    def actor_identities(self) -> list[dict[str, str]]:
        """``id``, ``name``, ``type``, ``address`` and ``contact`` of every actor, by id:
        what tells a double entry apart (`netzwerk.ingest.duplicates`). Addresses and
        contacts are compared, never shown."""
        ...

    def redact_ingest_files(self, replacements: dict[str, str]) -> int:
        """Rename files in the ingest log and in the source names records carry
        (``{old name: new name}``): a file named after a person is personal data. Returns
        how many log entries changed."""
        ...

    def forget(self, actor_id: str) -> dict[str, int]:
        """Erase an actor and every tie touching it; return counts of what was removed.
        Raises NotFound."""
        ...

    def expired(self, before: date) -> dict[str, list[str]]:
        """Ids of actors and keys of ties whose ``until`` lies before ``before``."""
        ...

    def remove_expired(self, before: date) -> dict[str, int]:
        """Delete what `expired` lists (ties of removed actors too); return counts."""
        ...


@runtime_checkable
class NamedQueries(Protocol):
    """A store that runs the named Cypher queries of `netzwerk.store.queries`."""

    def run_query(self, query: NamedQuery, parameters: dict[str, Any]) -> list[dict[str, Any]]:
        """The rows one named query returns for ``parameters`` (plain Python values).
        A value the query cannot use raises `ConfigError` with the reason."""
        ...

    def persons(self) -> list[dict[str, Any]]:
        """Id, name and consent of every natural person (to pseudonymise query results)."""
        ...


@runtime_checkable
class Merging(Protocol):
    """A store that can merge two actors that are one, undo it, and name the aliases
    later ingests land on (`netzwerk.store.merging`)."""

    def merge_actors(self, keep: str, other: str) -> MergeResult:
        """Move OTHER's ties to KEEP, remove OTHER, remember its id and name as an alias.
        Raises NotFound for an unknown actor, ConfigError for the same actor twice."""
        ...

    def undo_merge(self, run_id: str) -> MergeResult:
        """Put back what merge ``run_id`` replaced. Raises NotFound for an unknown run,
        ConfigError if an ingest or merge ran after it."""
        ...

    def aliases(self) -> list[dict[str, str]]:
        """``other``, ``other_name`` and ``keep`` of every standing merge (chains
        followed)."""
        ...


@runtime_checkable
class TieStatements(Protocol):
    """A store that keeps each source's statement of a tie its sources disagree about
    (`netzwerk.store.statements`, rule in `netzwerk.model.statements`); `apply` writes
    `Changeset.statements` and `Changeset.restored` in its transaction."""

    def tie_statements(self) -> dict[str, list[Statement]]:
        """The statements of every contested tie, by tie key."""
        ...

    def stored_ties(self, keys: Collection[str]) -> dict[str, StoredTie]:
        """The stored ties with these keys (absent keys are left out), with the run that
        wrote them and the sources that state them."""
        ...

    def stated_by_others(self, source: str) -> bool:
        """True if any source but ``source`` (merges aside) has loaded into the store."""
        ...


@runtime_checkable
class StoreFiles(Protocol):
    """A store held in files on this machine, whose raw bytes can be searched."""

    def store_files(self) -> list[Path]:
        """The files that hold the store (database and its journals), existing or not."""
        ...


@runtime_checkable
class DeletionResidue(Protocol):
    """A store whose server keeps deleted data (in store files, transaction logs) until an
    administrator prunes it: an erasure must say so."""

    def deletion_residue(self) -> list[str]:
        """Where deleted data lingers until pruned, as the server administrator finds it."""
        ...


def personal_data(store: object) -> PersonalData:
    """``store`` as `PersonalData`; `ConfigError` if it cannot handle personal data."""
    if not isinstance(store, PersonalData):
        description = getattr(store, "description", type(store).__name__)
        raise ConfigError(
            f"{description} kann Auskunft, Löschung und Aufbewahrungsfristen "
            "nicht umsetzen — einen netzwerk-Speicher verwenden"
        )
    return store
