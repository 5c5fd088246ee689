"""The core interface stays narrow; what only some stores can do is a capability."""

from __future__ import annotations

import pytest

from netzwerk.errors import ConfigError
from netzwerk.store import (
    DeletionResidue,
    NamedQueries,
    PersonalData,
    Store,
    StoreFiles,
    personal_data,
)
from netzwerk.store.neo4j import Neo4jStore
from netzwerk.store.sqlite import SqliteStore


def test_core_interface_has_at_most_eight_abstract_methods():
    assert len(Store.__abstractmethods__) <= 8


def test_every_store_handles_personal_data(store):
    assert isinstance(store, PersonalData)
    assert personal_data(store) is store


def test_embedded_store_names_its_files_and_runs_no_named_queries(tmp_path):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        assert isinstance(store, StoreFiles)
        assert store.store_files()[0] == tmp_path / "s.sqlite"
        assert not isinstance(store, NamedQueries)
        assert not isinstance(store, DeletionResidue)


def test_neo4j_store_runs_named_queries_and_keeps_deleted_data(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "unused")
    with Neo4jStore("bolt://127.0.0.1:1") as store:  # the driver connects lazily
        assert isinstance(store, PersonalData)
        assert isinstance(store, NamedQueries)
        assert isinstance(store, DeletionResidue)
        assert not isinstance(store, StoreFiles)


def test_a_store_without_personal_data_is_a_config_error():
    class Plain:
        description = "ein Speicher ohne Personendaten"

    with pytest.raises(ConfigError, match="ein Speicher ohne Personendaten"):
        personal_data(Plain())
