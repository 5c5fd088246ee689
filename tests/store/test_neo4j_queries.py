"""The named Cypher queries against a real Neo4j holding the Wehringhausen sample data, and
`netzwerk query` on top of them.

Expected answers come from the structure designed into the sample data
(examples/wehringhausen/README.md) or are recomputed from `Store.graph()`. The data is
loaded once for this module; no test here writes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.ingest import read_files
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.store.neo4j import Neo4jStore
from netzwerk.store.queries import get_query, load_queries

pytestmark = pytest.mark.neo4j

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wehringhausen" / "wehringhausen.xlsx"
SPOKES = {
    "uwe-nolte",
    "mehmet-haddad",
    "rana-lindner",
    "aylin-kowalski",
    "nicole-tiemann",
    "oliver-wulf",
    "zeynep-thiele",
    "cafe-lieblingsplatz",
    "immobilien-ruhrblick",
}
ISOLATES = {"unverpackt", "balkongaerten", "fatma-hahn", "carla-heinemann"}
ACTOR_TIES = {"cooperation", "membership", "runs", "funding"}
# sensible parameters for every query in the library (a new query needs an entry here)
PARAMETERS = {
    "activities_of_actor": {"actor": "wiw"},
    "actors_on_topic": {"topic": "integration"},
    "actors_without_ties": {},
    "coordinator_only": {},
    "ego_network": {"actor": "wiw"},
    "new_actors_since": {"since": "2025-01-01"},
    "partners_since": {"actor": "qm-wehringhausen", "since": "2024-01-01"},
    "sector_overview": {},
    "shortest_paths": {"from": "lesepaten", "to": "kfz-werkstatt"},
    "ties_between_sectors": {"sector_a": "culture", "sector_b": "housing"},
    "ties_ended_in_period": {"from": "2022-12-01", "to": "2022-12-31"},
}


@pytest.fixture(scope="module")
def sample_store(neo4j_uri):
    with Neo4jStore(neo4j_uri) as store:
        store.init()
        store.wipe()
        store.apply(read_files([SAMPLE]).changeset)
        yield store


@pytest.fixture(scope="module")
def sample_graph(sample_store):
    return sample_store.graph()


def run(store: Neo4jStore, name: str, **parameters: str) -> list[dict]:
    return store.run_query(get_query(name), parameters or PARAMETERS[name])


def actor_neighbours(graph, actor: str, kinds: set[str] | None = None) -> set[str]:
    """Actors tied directly to ``actor`` (either direction), by tie kinds."""
    found = set()
    for u, v, data in [*graph.out_edges(actor, data=True), *graph.in_edges(actor, data=True)]:
        other = v if u == actor else u
        if graph.nodes[other]["kind"] == "actor" and (kinds is None or data["kind"] in kinds):
            found.add(other)
    found.discard(actor)
    return found


def test_every_query_in_the_library_has_test_parameters():
    assert set(PARAMETERS) == set(load_queries())


@pytest.mark.parametrize("name", sorted(PARAMETERS))
def test_query_runs_and_returns_rows_with_its_columns(sample_store, name):
    rows = run(sample_store, name)
    assert rows, f"{name} returned nothing on the sample data"
    assert len({tuple(row) for row in rows}) == 1  # every row has the same columns


def test_coordinator_only_returns_the_designed_spokes(sample_store):
    rows = run(sample_store, "coordinator_only")
    assert {row["actor"] for row in rows} == SPOKES
    assert {tuple(row["coordinators"]) for row in rows} == {("Quartiersmanagement Wehringhausen",)}


def test_actors_without_ties_returns_the_designed_isolates(sample_store):
    assert {row["actor"] for row in run(sample_store, "actors_without_ties")} == ISOLATES


def test_ties_ended_in_december_2022_include_the_old_consortium(sample_store):
    rows = run(sample_store, "ties_ended_in_period")
    ended = {(row["from_id"], row["tie"], row["to_id"]) for row in rows}
    for partner in ("diakonie-mark-ruhr", "caritas-hagen"):
        assert (partner, "runs", "qm-wehringhausen") in ended
        assert (partner, "membership", "traegerverbund") in ended
        assert (partner, "cooperation", "qm-wehringhausen") in ended
    assert all(date(2022, 12, 1) <= row["until"] <= date(2022, 12, 31) for row in rows)
    assert not any(row["from_id"] == "stern" and row["tie"] == "runs" for row in rows)


def test_shortest_paths_finds_the_path_through_the_cut_point(sample_store):
    rows = run(sample_store, "shortest_paths")
    assert rows and {row["steps"] for row in rows} == {4}
    for row in rows:
        assert row["path"][0] == "Lesepaten Wehringhausen"
        assert row["path"][1] == "Kerstin Vogt"  # the only way out of the Lesepaten
        assert row["path"][-1] == "Kfz-Werkstatt Ruhrtal"
        assert len(row["ties"]) == row["steps"]


def test_shortest_paths_from_an_actor_to_itself_is_empty_not_an_error(sample_store):
    assert run(sample_store, "shortest_paths", **{"from": "wiw", "to": "wiw"}) == []


def test_ties_between_culture_and_housing_is_the_one_designed_pair(sample_store):
    rows = run(sample_store, "ties_between_sectors")
    assert {frozenset((row["from_actor"], row["to_actor"])) for row in rows} == {
        frozenset(("ute-stratmann", "lena-moeller"))
    }


def test_ties_between_education_and_economy_is_the_designed_gap(sample_store):
    assert run(sample_store, "ties_between_sectors", sector_a="education", sector_b="economy") == []


def test_ties_within_one_sector_are_listed_once(sample_store, sample_graph):
    rows = run(sample_store, "ties_between_sectors", sector_a="religion", sector_b="religion")
    expected = sum(
        1
        for u, v, data in sample_graph.edges(data=True)
        if data["kind"] != "works_on"
        and sample_graph.nodes[u].get("sector") == "religion"
        and sample_graph.nodes[v].get("sector") == "religion"
    )
    assert len(rows) == expected > 0


def test_actors_on_topic_agrees_with_the_graph(sample_store, sample_graph):
    expected = {
        node
        for node, data in sample_graph.nodes(data=True)
        if data["kind"] == "actor"
        and ("integration" in data["topics"] or sample_graph.has_edge(node, "topic:integration"))
    }
    assert {row["actor"] for row in run(sample_store, "actors_on_topic")} == expected


def test_ego_network_counts_ties_among_partners_from_both_ends(sample_store, sample_graph):
    rows = run(sample_store, "ego_network")
    partners = actor_neighbours(sample_graph, "wiw")
    assert {row["partner"] for row in rows} == partners
    for row in rows:
        among = sum(
            1
            for u, v in [
                *sample_graph.out_edges(row["partner"]),
                *sample_graph.in_edges(row["partner"]),
            ]
            if ({u, v} - {row["partner"]}) <= partners and u != v
        )
        assert row["ties_among_partners"] == among, row["partner"]


def test_new_actors_since_2025_are_the_newcomers(sample_store, sample_graph):
    rows = run(sample_store, "new_actors_since")
    expected = {
        node
        for node, data in sample_graph.nodes(data=True)
        if data["kind"] == "actor" and data["since"] and data["since"] >= date(2025, 1, 1)
    }
    assert {row["actor"] for row in rows} == expected >= ISOLATES


def test_partners_since_lists_ties_that_began_on_or_after_the_day(sample_store, sample_graph):
    rows = run(sample_store, "partners_since")
    assert rows and all(row["since"] >= date(2024, 1, 1) for row in rows)
    expected = sum(
        1
        for u, v, data in [
            *sample_graph.out_edges("qm-wehringhausen", data=True),
            *sample_graph.in_edges("qm-wehringhausen", data=True),
        ]
        if data["since"]
        and data["since"] >= date(2024, 1, 1)
        and sample_graph.nodes[v if u == "qm-wehringhausen" else u]["kind"] == "actor"
    )
    assert len(rows) == expected


def test_activities_of_actor_lists_its_events_and_projects(sample_store, sample_graph):
    rows = run(sample_store, "activities_of_actor")
    expected = {
        (graph_node.split(":", 1)[1], data["kind"])
        for _, graph_node, data in sample_graph.out_edges("wiw", data=True)
        if data["kind"] in {"participation", "runs", "funding"}
        and sample_graph.nodes[graph_node]["kind"] in {"event", "project"}
    }
    assert {(row["id"], row["as_what"]) for row in rows} == expected
    dates = [row["date"] for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_sector_overview_counts_each_tie_once(sample_store, sample_graph):
    rows = {row["sector"]: row for row in run(sample_store, "sector_overview")}
    actors = {node: data for node, data in sample_graph.nodes(data=True) if data["kind"] == "actor"}
    assert Counter(data["sector"] for data in actors.values()) == {
        sector: row["actors"] for sector, row in rows.items()
    }
    internal, external = Counter(), Counter()
    for u, v, data in sample_graph.edges(data=True):
        if data["kind"] in ACTOR_TIES and u in actors and v in actors:
            a, b = actors[u]["sector"], actors[v]["sector"]
            if a == b:
                internal[a] += 1
            else:
                external[a] += 1
                external[b] += 1
    for sector, row in rows.items():
        assert (row["internal_ties"], row["external_ties"]) == (
            internal[sector],
            external[sector],
        ), sector


# ---------------------------------------------------------------------- the command


def query_cli(*args: str):
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def test_query_as_json_pseudonymises_persons(sample_store, neo4j_uri):
    result = query_cli("--store", neo4j_uri, "query", "coordinator_only", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    pseudonyms = Pseudonymiser(b"test-key")
    shown = {row["actor"] for row in rows}
    assert "cafe-lieblingsplatz" in shown  # organisations keep their ids
    assert pseudonyms.pseudonym("uwe-nolte") in shown
    for person in ("uwe-nolte", "Uwe Nolte", "rana-lindner", "Rana Lindner"):
        assert person not in result.output


def test_query_with_names_shows_only_persons_who_consented(sample_store, neo4j_uri):
    result = query_cli(
        "--store", neo4j_uri, "query", "coordinator_only", "--names", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    names = {row["name"] for row in json.loads(result.output)}
    assert {"Rana Lindner", "Nicole Tiemann"} <= names  # consented
    assert "Uwe Nolte" not in names and "uwe-nolte" not in result.output


def test_query_with_parameters_as_csv(sample_store, neo4j_uri):
    result = query_cli(
        "--store",
        neo4j_uri,
        "query",
        "ties_ended_in_period",
        "-p",
        "from=2022-12-01",
        "-p",
        "to=2022-12-31",
        "--format",
        "csv",
        "--lang",
        "en",  # plain CSV: "," and ISO dates
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {"from_id", "tie", "to_id", "until"} <= set(rows[0])
    assert {"diakonie-mark-ruhr", "caritas-hagen"} <= {row["from_id"] for row in rows}
    assert all(row["until"].startswith("2022-12-") for row in rows)


def test_query_as_table(sample_store, neo4j_uri):
    result = query_cli(
        "--store",
        neo4j_uri,
        "query",
        "shortest_paths",
        "-p",
        "from=lesepaten",
        "-p",
        "to=kfz-werkstatt",
    )
    assert result.exit_code == 0, result.output
    assert "Lesepaten Wehringhausen" in result.output and "Kerstin Vogt" not in result.output


def test_query_with_a_missing_parameter_prints_the_usage(neo4j_uri):
    result = query_cli("--store", neo4j_uri, "query", "partners_since", "-p", "actor=wiw")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "fehlt: since" in result.output and "-p since=…" in result.output


def test_query_with_a_value_neo4j_cannot_use_is_one_line(sample_store, neo4j_uri):
    result = query_cli("--store", neo4j_uri, "query", "new_actors_since", "-p", "since=31.12.2024")
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert "new_actors_since" in line and "JJJJ-MM-TT" in line


def test_days_are_stored_as_cypher_dates(sample_store):
    """The ingest sends days as ISO text; the store must still hold Cypher dates (queries
    compare them with ``date(...)``, and text would compare as null)."""
    stored = (
        "MATCH (n) UNWIND [n.since, n.until] AS day WITH day WHERE day IS NOT NULL "
        "RETURN DISTINCT valueType(day) AS type UNION "
        "MATCH ()-[r]->() UNWIND [r.since, r.until, r.last_contact] AS day "
        "WITH day WHERE day IS NOT NULL RETURN DISTINCT valueType(day) AS type"
    )
    types = {record["type"] for record in sample_store._read(stored)}
    assert types == {"DATE NOT NULL"}
