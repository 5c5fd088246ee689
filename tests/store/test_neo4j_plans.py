"""The Neo4j store's statements keep their plans when the index statistics are stale.

Neo4j plans a query from index samples that it refreshes in the background. Right after a
large load into a store it had sampled empty, a plain ``USING INDEX`` hint or a key
predicate let the planner choose an index *scan* for every row: a re-ingest of 100k ties
compared every row with every stored tie (it did not end within 13 minutes), and reading
the graph back took 190 s instead of 2 s. These tests make the statistics stale on
purpose (sample the empty indexes, then load) and plan every statement again; and an
ingest has the indexes it changed sampled again, for the queries of users.
"""

from __future__ import annotations

import importlib
import os
import re

import pytest
from neo4j import GraphDatabase

from benchmarks.bench_neo4j import build_changeset
from netzwerk.store.neo4j import Neo4jStore
from netzwerk.store.neo4j_cypher import GRAPH_TIES, GRAPH_TIES_ON_DAY, query
from netzwerk.store.neo4j_writes import WritePlan

pytestmark = pytest.mark.neo4j

MODULES = (
    "neo4j_cypher",
    "neo4j_writes",
    "neo4j_statements",
    "neo4j_merging",
    "neo4j_personal",
    "neo4j_bulk",
    "neo4j_logs",
    "migration",
)
#: a value for every parameter a store statement names (EXPLAIN needs them all)
PARAMETERS = dict.fromkeys(
    [
        "rows",
        "items",
        "ids",
        "keys",
        "source",
        "kind",
        "day",
        "chunk",
        "id",
        "sources",
        "run_id",
        "started",
        "merge",
        "snapshot",
        "written",
        "files",
        "entry",
        "other",
        "keep",
        "name",
        "names",
        "limit",
        "key",
    ]
)
#: actors and ties loaded: enough ties that stale statistics make a scan look cheaper than
#: a seek (the sample workbook has too few)
LOAD = (200, 2000)
#: a statement that reads or writes row by row: an index scan in it runs once per row
PER_ROW = re.compile(r"UNWIND \$|UNWIND range")


def statements() -> dict[str, str]:
    """Every Cypher statement of the Neo4j store's modules, with where it is defined."""

    def texts(value) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict | list | tuple):
            items = value.values() if isinstance(value, dict) else value
            return [text for item in items for text in texts(item)]
        if isinstance(value, WritePlan):
            fields = ("check", "create", "update", "refresh", "delete")
            return [getattr(value, name) or "" for name in fields]
        return []

    found: dict[str, str] = {}
    for name in MODULES:
        module = importlib.import_module(f"netzwerk.store.{name}")
        for variable, value in vars(module).items():
            for text in texts(value):
                if re.match(r"(MATCH|OPTIONAL MATCH|UNWIND|CREATE|MERGE|CALL) ", text):
                    found.setdefault(text, f"{name}.{variable}")
    return found


def operators(plan: dict) -> list[str]:
    own = plan["operatorType"].split("@")[0]
    return [own] + [op for child in plan.get("children", []) for op in operators(child)]


def sampled_empty(session) -> None:
    """Sample every range index of the (emptied) database now: the planner reads 0 entries."""
    for (name,) in session.run("SHOW INDEXES YIELD name, type WHERE type = 'RANGE' RETURN name"):
        session.run("CALL db.resampleIndex($name)", name=name).consume()


def planner(session):
    """``plan(text)``: the operators of ``text`` planned afresh (no cached plan)."""

    def plan(text: str) -> list[str]:
        explained = session.run("CYPHER replan=force EXPLAIN " + query(text), PARAMETERS)
        return operators(explained.consume().plan)

    return plan


@pytest.fixture
def fresh_database(neo4j_uri):
    """An emptied store whose indexes were just sampled, and a session on it."""
    auth = (os.environ.get("NEO4J_USERNAME") or "neo4j", os.environ["NEO4J_PASSWORD"])
    with (
        Neo4jStore(neo4j_uri) as store,
        GraphDatabase.driver(neo4j_uri, auth=auth) as driver,
        driver.session() as session,
    ):
        store.init()
        store.wipe()
        sampled_empty(session)
        yield store, session


@pytest.fixture
def stale_session(fresh_database):
    """``plan`` on a store loaded right after its indexes were sampled empty, before the
    server sampled them again: the planner's statistics say there are no ties."""
    store, session = fresh_database
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Neo4jStore, "_resample_outdated_indexes", lambda _self: None)
        store.apply(build_changeset(*LOAD))
    return planner(session)


def test_the_statements_are_all_found():
    found = statements()
    assert GRAPH_TIES in found and GRAPH_TIES_ON_DAY in found
    assert sum(1 for text in found if "USING INDEX" in text) > 20
    assert sum(1 for text in found if PER_ROW.search(text)) > 40


def test_every_index_hint_asks_for_a_seek():
    """A plain ``USING INDEX`` allows the planner a scan of the whole index."""
    for text, where in statements().items():
        assert text.count("USING INDEX") == text.count("USING INDEX SEEK"), where


def test_no_statement_scans_an_index_row_by_row(stale_session):
    for text, where in statements().items():
        if PER_ROW.search(text):
            used = stale_session(text)
            assert not [op for op in used if "IndexScan" in op], (where, used)


def test_hinted_lookups_seek(stale_session):
    for text, where in statements().items():
        if "USING INDEX SEEK" in text:
            assert any("IndexSeek" in op for op in stale_session(text)), where


def test_the_graph_read_expands_from_each_node(stale_session):
    for text in (GRAPH_TIES, GRAPH_TIES_ON_DAY):
        used = stale_session(text)
        assert "Expand(All)" in used, used
        assert not [op for op in used if "Scan" in op and "ByLabels" not in op], used


def test_an_ingest_leaves_statistics_a_plain_query_can_trust(fresh_database):
    """After `apply` the store has the changed indexes sampled again, so a query that
    gives the planner the choice (a user's, in Neo4j Browser; here the graph read as it
    was before it tested the key inside collect) expands from each node."""
    store, session = fresh_database
    plain = GRAPH_TIES.replace("WHERE true", "WHERE r.key IS NOT NULL")
    assert plain != GRAPH_TIES
    store.apply(build_changeset(*LOAD))
    used = planner(session)(plain)
    assert "Expand(All)" in used, used
    assert not [op for op in used if "Scan" in op and "ByLabels" not in op], used
