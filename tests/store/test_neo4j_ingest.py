"""The Neo4j store against a real server: re-ingest is a no-op, concurrent ingests do not
duplicate, hostile text is stored as given and touches nothing else, the schema is complete.

Every test starts from an empty database on the server of ``NETZWERK_TEST_NEO4J_URI``.
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from neo4j import GraphDatabase

from netzwerk.ingest import read_files
from netzwerk.model import (
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    TIE_ENDPOINTS,
    Actor,
    Changeset,
    NodeRef,
    Provenance,
    Tie,
    Topic,
    graph_key,
)
from netzwerk.store.neo4j import Neo4jStore, keyed_write_queries
from netzwerk.store.queries import get_query
from netzwerk.store.sqlite import SqliteStore

pytestmark = pytest.mark.neo4j

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wehringhausen" / "wehringhausen.xlsx"
HOSTILE = "Rob'\"`$param}) DETACH DELETE n //\n<img src=x onerror=alert(1)>=1+1\r\n\\u0000"


@pytest.fixture(scope="module")
def sample_changeset() -> Changeset:
    return read_files([SAMPLE]).changeset


@pytest.fixture
def neo4j_store(neo4j_uri):
    with Neo4jStore(neo4j_uri) as store:
        store.init()
        store.wipe()
        yield store


@pytest.fixture
def cypher(neo4j_uri):
    """Run a query on the test server directly (not through the store): list of records."""
    auth = (os.environ.get("NEO4J_USERNAME") or "neo4j", os.environ["NEO4J_PASSWORD"])
    with GraphDatabase.driver(neo4j_uri, auth=auth) as driver:

        def run(query: str, **parameters) -> list:
            records, _, _ = driver.execute_query(query, parameters, database_="neo4j")
            return records

        yield run


def snapshot(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    """Nodes and edges with every attribute except the ingest run that wrote them."""
    nodes = {node: dict(data) for node, data in graph.nodes(data=True)}
    edges = {
        (u, v, key): {name: value for name, value in data.items() if name != "ingest_run"}
        for u, v, key, data in graph.edges(keys=True, data=True)
    }
    return nodes, edges


def clean_load(changeset: Changeset, tmp_path: Path) -> tuple[dict, dict]:
    with SqliteStore(tmp_path / "clean.sqlite") as store:
        store.init()
        store.apply(changeset)
        return snapshot(store.graph())


def totals(cypher) -> tuple[int, int]:
    """Every node (ingest runs included) and every relationship in the database."""
    (record,) = cypher("MATCH (n) RETURN count(n) AS nodes")
    (rels,) = cypher("MATCH ()-[r]->() RETURN count(r) AS rels")
    return record["nodes"], rels["rels"]


def duplicate_keys(cypher) -> dict[str, int]:
    """Per label and relationship type: how many ids/keys are stored more than once."""
    found = {}
    for label in NODE_LABELS.values():
        (record,) = cypher(
            f"MATCH (n:{label}) WITH n.id AS id, count(*) AS c WHERE c > 1 "
            "RETURN count(*) AS duplicates"
        )
        found[label] = record["duplicates"]
    for rel_type in RELATIONSHIP_TYPES.values():
        (record,) = cypher(
            f"MATCH ()-[r:{rel_type}]->() WITH r.key AS key, count(*) AS c "
            "WHERE c > 1 RETURN count(*) AS duplicates"
        )
        found[rel_type] = record["duplicates"]
    return found


# ---------------------------------------------------------------------- idempotence


def test_reingest_creates_nothing(neo4j_store, sample_changeset, cypher):
    first = neo4j_store.apply(sample_changeset)
    assert first.created == sample_changeset.counts()
    counts, (nodes, rels) = neo4j_store.counts(), totals(cypher)

    again = neo4j_store.apply(sample_changeset)

    assert not again.changed_anything
    assert again.unchanged == sample_changeset.counts()
    assert neo4j_store.counts() == counts
    assert totals(cypher) == (nodes + 1, rels)  # one more IngestRun node, nothing else
    assert [entry["run_id"] for entry in neo4j_store.ingest_log()] == [again.run_id, first.run_id]


def test_sample_graph_equals_a_load_into_the_embedded_store(
    neo4j_store, sample_changeset, tmp_path
):
    neo4j_store.apply(sample_changeset)
    assert snapshot(neo4j_store.graph()) == clean_load(sample_changeset, tmp_path)
    day = date(2022, 6, 30)
    with SqliteStore(tmp_path / "clean.sqlite") as embedded:
        assert snapshot(neo4j_store.graph(as_of=day)) == snapshot(embedded.graph(as_of=day))


def test_changed_tie_is_updated_in_place(neo4j_store, small_changeset, cypher):
    neo4j_store.apply(small_changeset)
    small_changeset.ties[1] = replace(small_changeset.ties[1], weight=3.0, note="neu")
    result = neo4j_store.apply(small_changeset)
    assert result.updated["ties"] == 1 and result.created["ties"] == 0
    assert result.unchanged["ties"] == 4
    (record,) = cypher(
        "MATCH ()-[r:COOPERATION {key: $key}]->() RETURN r.weight AS w, r.note AS note",
        key=small_changeset.ties[1].key,
    )
    assert (record["w"], record["note"]) == (3.0, "neu")


def test_cooperation_named_the_other_way_round_replaces_the_one_tie(store, small_changeset):
    """Cooperation is undirected: a later file naming its ends the other way round updates
    the stored tie (now in the new direction); it is not a second tie and not an error."""
    store.apply(small_changeset)
    tie = small_changeset.ties[0]
    small_changeset.ties[0] = replace(tie, source=tie.target, target=tie.source)
    result = store.apply(small_changeset)
    assert result.updated["ties"] == 1 and result.created["ties"] == 0
    assert store.counts()["ties"] == 5
    graph = store.graph()
    assert graph.has_edge("schule", "qm") and not graph.has_edge("qm", "schule")


def test_apply_on_a_database_without_schema_creates_it_first(neo4j_uri, small_changeset, cypher):
    with Neo4jStore(neo4j_uri) as store:
        store.wipe()
        for (name,) in cypher("SHOW CONSTRAINTS YIELD name"):
            cypher(f"DROP CONSTRAINT `{name}`")
        store.apply(small_changeset)
        assert store.counts()["ties"] == 5
    assert len(cypher("SHOW CONSTRAINTS YIELD name")) == len(store.constraint_names())


# ---------------------------------------------------------------------- concurrency


def test_overlapping_concurrent_ingests_create_no_duplicates(
    neo4j_store, neo4j_uri, sample_changeset, cypher, tmp_path
):
    ties = sample_changeset.ties
    third = len(ties) // 3
    shared = ties[third : 2 * third]
    # both runs start with the same nodes and the same third of the ties, at the same moment;
    # they are two sources (two workbooks), so neither withdraws what the other states
    first = replace(sample_changeset, ties=shared + ties[:third], source="teil-1.xlsx")
    second = replace(sample_changeset, ties=shared + ties[2 * third :], source="teil-2.xlsx")
    start = threading.Barrier(2)

    def ingest(changeset: Changeset):
        with Neo4jStore(neo4j_uri, batch_size=100) as store:
            start.wait(timeout=60)
            return store.apply(changeset)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(ingest, [first, second]))

    for result, changeset in zip(results, [first, second], strict=True):
        seen = result.created["ties"] + result.updated["ties"] + result.unchanged["ties"]
        assert seen == len(changeset.ties)
    assert sum(result.created["ties"] for result in results) == len(ties)  # none twice
    assert set(duplicate_keys(cypher).values()) == {0}
    assert neo4j_store.counts() == sample_changeset.counts()
    assert snapshot(neo4j_store.graph()) == clean_load(sample_changeset, tmp_path)


# ---------------------------------------------------------------------- hostile text


def hostile_changeset() -> Changeset:
    actor_id = "x-" + HOSTILE
    where = Provenance(HOSTILE, HOSTILE, 7)
    return Changeset(
        actors=[
            Actor(
                id=actor_id,
                name=HOSTILE,
                type="person",
                sector="culture",
                topics=(HOSTILE,),
                address=HOSTILE,
                contact=HOSTILE,
                note=HOSTILE,
                since=date(2020, 1, 1),
                source=where,
            )
        ],
        topics=[Topic(HOSTILE, HOSTILE, note=HOSTILE)],
        ties=[
            Tie(
                "cooperation",
                NodeRef("actor", actor_id),
                NodeRef("actor", "qm"),
                topic=HOSTILE,
                role=HOSTILE,
                note=HOSTILE,
                since=date(2021, 1, 1),
                provenance=where,
            ),
            Tie(
                "works_on",
                NodeRef("actor", actor_id),
                NodeRef("topic", HOSTILE),
                note=HOSTILE,
                provenance=where,
            ),
        ],
        files=[HOSTILE],
    )


def test_hostile_text_is_stored_byte_identical_and_touches_nothing_else(
    neo4j_store, small_changeset, cypher
):
    neo4j_store.apply(small_changeset)
    before_nodes, before_edges = snapshot(neo4j_store.graph())
    before_counts, (nodes, rels) = neo4j_store.counts(), totals(cypher)
    hostile = hostile_changeset()
    actor_id = hostile.actors[0].id

    result = neo4j_store.apply(hostile, files=[HOSTILE])

    assert result.created == {
        "actors": 1,
        "topics": 1,
        "projects": 0,
        "events": 0,
        "places": 0,
        "ties": 2,
    }
    assert totals(cypher) == (nodes + 2 + 1, rels + 2)  # + actor, topic, ingest run
    counts = neo4j_store.counts()
    assert counts == {
        **before_counts,
        "actors": before_counts["actors"] + 1,
        "topics": before_counts["topics"] + 1,
        "ties": before_counts["ties"] + 2,
    }
    graph = neo4j_store.graph()
    node = graph.nodes[actor_id]
    assert (node["id"], node["name"], node["note"], node["topics"]) == (
        actor_id,
        HOSTILE,
        HOSTILE,
        [HOSTILE],
    )
    topic_key = graph_key("topic", HOSTILE)
    assert graph.nodes[topic_key]["name"] == HOSTILE
    assert graph.nodes[topic_key]["note"] == HOSTILE
    (cooperation,) = graph.get_edge_data(actor_id, "qm").values()
    assert cooperation["topic"] == cooperation["role"] == cooperation["note"] == HOSTILE
    assert (cooperation["source_file"], cooperation["source_sheet"]) == (HOSTILE, HOSTILE)
    (works_on,) = graph.get_edge_data(actor_id, topic_key).values()
    assert works_on["note"] == HOSTILE
    record = neo4j_store.actor_record(actor_id)
    assert record["address"] == record["contact"] == HOSTILE
    assert neo4j_store.ingest_log(limit=1)[0]["files"] == [HOSTILE]
    # everything that was there before is exactly as it was
    after_nodes, after_edges = snapshot(graph)
    assert {n: d for n, d in after_nodes.items() if n in before_nodes} == before_nodes
    assert {k: d for k, d in after_edges.items() if k in before_edges} == before_edges

    # a hostile query parameter finds the hostile actor and changes nothing
    rows = neo4j_store.run_query(get_query("actors_on_topic"), {"topic": HOSTILE})
    assert [row["actor"] for row in rows] == [actor_id]
    assert neo4j_store.run_query(get_query("ego_network"), {"actor": HOSTILE}) == []
    assert totals(cypher) == (nodes + 3, rels + 2)

    assert neo4j_store.forget(actor_id) == {"actors": 1, "ties": 2}
    assert snapshot(neo4j_store.graph()) == (
        {**before_nodes, topic_key: graph.nodes[topic_key]},
        before_edges,
    )


def test_reingest_of_hostile_text_creates_nothing(neo4j_store):
    neo4j_store.apply(hostile_changeset())
    assert not neo4j_store.apply(hostile_changeset()).changed_anything


# ---------------------------------------------------------------------- schema


def constraints(cypher) -> set[tuple]:
    return {
        (
            record["name"],
            record["type"],
            tuple(record["labelsOrTypes"]),
            tuple(record["properties"]),
        )
        for record in cypher("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
    }


def test_init_twice_is_a_no_op_on_the_schema(neo4j_store, cypher):
    before = constraints(cypher)
    indexes = {record["name"] for record in cypher("SHOW INDEXES YIELD name")}
    neo4j_store.init()
    neo4j_store.init()
    assert constraints(cypher) == before
    assert {record["name"] for record in cypher("SHOW INDEXES YIELD name")} == indexes
    assert len(before) == len(neo4j_store.constraint_names())


def test_every_label_and_relationship_type_is_unique_on_its_key(neo4j_store, cypher):
    unique = {(kind, labels, properties) for _, kind, labels, properties in constraints(cypher)}
    for label in NODE_LABELS.values():
        assert ("UNIQUENESS", (label,), ("id",)) in unique
    for rel_type in RELATIONSHIP_TYPES.values():
        assert ("RELATIONSHIP_UNIQUENESS", (rel_type,), ("key",)) in unique


def test_every_keyed_write_the_store_sends_has_its_uniqueness_constraint(neo4j_store, cypher):
    """New nodes and ties are written with CREATE (changed nodes with MERGE): either way
    the uniqueness constraint on the key is what keeps a second copy out."""
    unique = {
        (labels[0], properties[0])
        for _, kind, labels, properties in constraints(cypher)
        if kind in ("UNIQUENESS", "RELATIONSHIP_UNIQUENESS") and len(properties) == 1
    }
    queries = keyed_write_queries()
    shapes = sum(len(sources) * len(targets) for sources, targets in TIE_ENDPOINTS.values())
    assert len(queries) == len(NODE_LABELS) + shapes
    written = set()
    for query in queries:
        patterns = re.findall(r"(?:MERGE|CREATE) \(\w+:(\w+) \{(\w+):", query)
        patterns += re.findall(r"(?:MERGE|CREATE) \(\w+\)-\[\w+:(\w+) \{(\w+):", query)
        assert len(patterns) == 1, query
        written.update(patterns)
    assert {label for label, _ in written} == {*NODE_LABELS.values(), *RELATIONSHIP_TYPES.values()}
    assert written <= unique


# ---------------------------------------------------------------------- conflicts


def test_tie_listed_twice_in_one_changeset_is_stored_once_last_wins(store, small_changeset):
    small_changeset.ties.append(replace(small_changeset.ties[0], weight=5.0))
    store.apply(small_changeset)
    assert store.counts()["ties"] == 5
    (data,) = store.graph().get_edge_data("qm", "schule").values()
    assert data["weight"] == 5.0


def test_write_that_meets_a_key_written_concurrently_is_run_again(neo4j_store, small_changeset):
    neo4j_store.apply(small_changeset)
    attempts = []

    def work(tx):
        attempts.append(len(attempts) + 1)
        if len(attempts) == 1:  # as if another ingest had created "qm" a moment earlier
            tx.run("CREATE (:Actor {id: 'qm'})").consume()
        return len(attempts)

    assert neo4j_store._write(work) == 2
    assert neo4j_store.counts()["actors"] == 4


def test_concurrent_ingests_of_one_workbook_log_what_each_really_created(
    neo4j_store, neo4j_uri, sample_changeset
):
    """Two clients load the same workbook at the same moment: the ingests take turns (one
    transaction each, under the ingest lock), so one logs every record as new and the other
    logs them as unchanged."""
    start = threading.Barrier(2)

    def ingest(_: int):
        with Neo4jStore(neo4j_uri) as store:
            start.wait(timeout=60)
            return store.apply(sample_changeset)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(ingest, [1, 2]))

    created = sorted(result.created["ties"] for result in results)
    assert created == [0, len(sample_changeset.ties)]
    logged = sorted(entry["created"]["ties"] for entry in neo4j_store.ingest_log())
    assert logged == [0, len(sample_changeset.ties)]
    assert neo4j_store.counts() == sample_changeset.counts()
