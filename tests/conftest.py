"""Fixtures shared by the whole suite: stores (embedded and Neo4j) and small changesets."""

from __future__ import annotations

import os
from datetime import date

import pytest

from netzwerk.model import Actor, Changeset, Event, NodeRef, Provenance, Tie, Topic

NEO4J_URI_ENV = "NETZWERK_TEST_NEO4J_URI"


def _neo4j_required() -> bool:
    return bool(os.environ.get("CI") or os.environ.get("NETZWERK_REQUIRE_NEO4J"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Keep every test away from the user's real store and pseudonym key."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("NETZWERK_PSEUDONYM_KEY", "test-key")
    monkeypatch.delenv("NETZWERK_STORE", raising=False)
    monkeypatch.delenv("NETZWERK_LANG", raising=False)


@pytest.fixture(scope="session")
def neo4j_uri() -> str:
    """URI of the test Neo4j server; skip (or fail in CI) when none answers."""
    uri = os.environ.get(NEO4J_URI_ENV, "bolt://127.0.0.1:7687")
    try:
        from netzwerk.store.neo4j import Neo4jStore

        with Neo4jStore(uri) as store:
            store.ping()
    except Exception as error:  # noqa: BLE001 - any failure means: no server for the tests
        message = f"Neo4j unter {uri} nicht erreichbar ({type(error).__name__}: {error})"
        if _neo4j_required():
            pytest.fail(message + " — CI/NETZWERK_REQUIRE_NEO4J verlangt einen Server")
        pytest.skip(message + " — `make neo4j-start` startet einen")
    return uri


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path):
    """Every store implementation, empty and initialised: the contract suite runs on each."""
    if request.param == "sqlite":
        from netzwerk.store.sqlite import SqliteStore

        instance = SqliteStore(tmp_path / "test.sqlite")
    else:
        from netzwerk.store.neo4j import Neo4jStore

        instance = Neo4jStore(request.getfixturevalue("neo4j_uri"))
        instance.init()
        instance.wipe()
    instance.init()
    yield instance
    instance.close()


def actor(actor_id: str, **fields) -> Actor:
    defaults = {
        "name": actor_id.replace("-", " ").title(),
        "type": "institution",
        "sector": "social",
    }
    defaults.update(fields)
    return Actor(id=actor_id, **defaults)


def tie(kind: str, source: str, target: str, **fields) -> Tie:
    target_kind = fields.pop("target_kind", "actor")
    return Tie(kind, NodeRef("actor", source), NodeRef(target_kind, target), **fields)


@pytest.fixture
def small_changeset() -> Changeset:
    """Four actors (one consenting person, one coordinator), a topic, an event, five ties."""
    where = Provenance("netz.xlsx", "Akteure", 2)
    return Changeset(
        actors=[
            actor(
                "qm",
                name="Quartiersmanagement",
                coordinator=True,
                sector="district_management",
                since=date(2018, 1, 1),
                source=where,
            ),
            actor("schule", name="Grundschule", sector="education", topics=("bildung",)),
            actor(
                "verein",
                name="Wir in Wehringhausen e.V.",
                type="association",
                address="Lange Straße 22, 58089 Hagen",
                until=date(2022, 12, 31),
            ),
            actor(
                "erika",
                name="Erika Muster",
                type="person",
                sector="culture",
                consent=True,
                contact="erika@example.org",
                address="Lange Straße 5",
            ),
        ],
        topics=[Topic("bildung", "Bildung")],
        events=[Event("fest-2024", "Stadtteilfest 2024", since=date(2024, 6, 1))],
        ties=[
            tie(
                "cooperation",
                "qm",
                "schule",
                weight=2.0,
                since=date(2019, 1, 1),
                provenance=Provenance("netz.xlsx", "Beziehungen", 2),
            ),
            tie("cooperation", "qm", "verein", until=date(2022, 12, 31)),
            tie("membership", "erika", "verein", since=date(2020, 5, 1)),
            tie("works_on", "schule", "bildung", target_kind="topic"),
            tie(
                "participation",
                "erika",
                "fest-2024",
                target_kind="event",
                role="Stand",
                since=date(2024, 6, 1),
            ),
        ],
        files=["netz.xlsx"],
    )
