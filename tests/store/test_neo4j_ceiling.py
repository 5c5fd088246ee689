"""The benchmark's "Neo4j ceiling" (`benchmarks/neo4j_ceiling.py`) writes what it says: its
three statements, the store's own create among them, run on a real server and create the
ties they time, with every property the store writes."""

from __future__ import annotations

import os

import pytest
from neo4j import GraphDatabase

from benchmarks.bench_neo4j import build_changeset
from benchmarks.neo4j_ceiling import CONCURRENT, CREATE, ceiling
from netzwerk.store.neo4j import Neo4jStore

pytestmark = pytest.mark.neo4j


def test_the_ceiling_writes_every_tie_it_times(neo4j_uri):
    with Neo4jStore(neo4j_uri) as store:
        store.init()
        store.wipe()
        store.apply(build_changeset(40, 60))
    auth = (os.environ.get("NEO4J_USERNAME") or "neo4j", os.environ["NEO4J_PASSWORD"])
    with (
        GraphDatabase.driver(neo4j_uri, auth=auth, notifications_min_severity="OFF") as driver,
        driver.session() as session,  # raw, as the benchmark writes
    ):
        rates = ceiling(session, 40, 30)
        (count,) = session.run("MATCH ()-[r:COOPERATION]->() RETURN count(r)").single()
        keys = session.run(
            "MATCH ()-[r:COOPERATION]->() WHERE r.key ENDS WITH 's' "
            "RETURN count(r), min(size(keys(r)))"
        ).single()
    assert set(rates) == {"key_only", "store_statement", "concurrent"}
    assert all(rate > 0 for rate in rates.values())
    assert count == 60 + 30 + 3 * 30
    assert keys[0] == 30  # the store's statement: every tie with the store's properties
    assert keys[1] >= 10
    assert CONCURRENT.count("CREATE (a)-[r:COOPERATION") == 1 == CREATE.count("CREATE (a)")
