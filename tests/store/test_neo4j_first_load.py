"""First load by neo4j-admin import (`store.neo4j_bulk`, ``tools/neo4j/neo4j.sh import``).

The files alone (no server): owner-only, in the importer's header format, counted as an
ingest into an empty database would count them. With a server of the test's own
(`benchmarks.own_neo4j`: a fresh home on a free port, deleted after; never the team
server): the sample workbook loaded by the tool gives node for node, tie for tie, property
for property (with Neo4j's value types) the database the transactional ingest gives; a
re-ingest of a changed workbook afterwards gives what two ingests give; a database with data
is refused; a failed import leaves the database as empty as it was; while a first load holds
the database (its mark), ingests stop until the mark is gone.

The server tests run with the other Neo4j tests (they are skipped when those are: the
``neo4j_uri`` fixture only asks whether Neo4j tests run, its server is not touched).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from netzwerk.errors import StoreError
from netzwerk.ingest import read_files
from netzwerk.model import Changeset, Tie
from netzwerk.store.neo4j_bulk import mark_first_load, write_import_files

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "wehringhausen" / "wehringhausen.xlsx"
NEO4J_SH = REPO / "tools" / "neo4j" / "neo4j.sh"
TOOL_TIMEOUT = 600  # seconds: stop, import and start on two busy cores


# ---------------------------------------------------------------------- the files alone


def test_files_are_owner_only_and_hold_every_record(small_changeset, tmp_path):
    load = write_import_files(small_changeset, tmp_path / "import", files=["netz.xlsx"])
    assert stat.S_IMODE((tmp_path / "import").stat().st_mode) == 0o700
    paths = [path for _, path in load.nodes + load.ties]
    assert sorted(paths) == sorted((tmp_path / "import").iterdir())
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in paths)
    # one data line per record (no value of the small changeset spans lines)
    lines = {path.name: path.read_text(encoding="utf-8").splitlines() for path in paths}
    assert len(lines["nodes-Actor.csv"]) - 1 == len(small_changeset.actors)
    assert sum(len(text) - 1 for name, text in lines.items() if name.startswith("ties-")) == len(
        small_changeset.ties
    )
    assert load.result.created == small_changeset.counts()
    assert load.ties_total == len(small_changeset.ties)
    assert load.result.source == "netz.xlsx"


def test_headers_name_id_spaces_and_types(small_changeset, tmp_path):
    load = write_import_files(small_changeset, tmp_path / "import")
    headers = {path.name: path.read_text().splitlines()[0].split(",") for _, path in load.nodes}
    actor = headers["nodes-Actor.csv"]
    assert actor[0] == "id:ID(Actor)"
    assert {"since:date", "topics:string[]", "consent:boolean", "digest:long"} <= set(actor)
    participation = next(path for _, path in load.ties if "PARTICIPATION" in path.name)
    tie_header = participation.read_text().splitlines()[0].split(",")
    assert tie_header[:3] == [":START_ID(Actor)", ":END_ID(Event)", "key"]
    assert {"weight:double", "sources:string[]", "source_row:long"} <= set(tie_header)


def test_text_quoting_keeps_empty_texts_and_quotes(tmp_path):
    changeset = read_files([SAMPLE]).changeset
    changeset.actors[0] = replace(changeset.actors[0], name='Verein "Mitte", e.V.')
    load = write_import_files(changeset, tmp_path / "import")
    text = (tmp_path / "import" / "nodes-Actor.csv").read_text(encoding="utf-8")
    assert '"Verein ""Mitte"", e.V."' in text
    assert ',"",' in text  # an empty note or contact stays an empty text, not null
    assert load.result.created["actors"] == len(changeset.actors)


def test_a_list_value_holding_the_array_delimiter_is_refused(small_changeset, tmp_path):
    small_changeset.actors[1] = replace(small_changeset.actors[1], topics=("a\x1fb",))
    with pytest.raises(StoreError, match="U\\+001F"):
        write_import_files(small_changeset, tmp_path / "import")


# ---------------------------------------------------------------------- with a server

#: every node and relationship with every property and Neo4j's name of its value type
DUMP_NODES = "MATCH (n) RETURN labels(n), [k IN keys(n) | [k, n[k], valueType(n[k])]] AS properties"
DUMP_TIES = (
    "MATCH (a)-[r]->(b) RETURN type(r), labels(a), a.id, labels(b), b.id, "
    "[k IN keys(r) | [k, r[k], valueType(r[k])]] AS properties"
)


@pytest.fixture(scope="module")
def server(neo4j_uri):
    """A Neo4j server of this module's own (the team server is not touched)."""
    from benchmarks.own_neo4j import ServerNotStarted, own_server

    try:
        with own_server(heap=None, keep_home=False) as started:
            yield started
    except ServerNotStarted as error:
        pytest.skip(f"no Neo4j server of our own: {error.first_line()}")


@pytest.fixture
def store(server, monkeypatch):
    """The server's database through the store, emptied."""
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", server.password)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    with opened(server) as emptied:
        emptied.init()
        emptied.wipe()
        yield emptied


def opened(server):
    """A new connection to the server (the tool restarts it: old connections are gone)."""
    from netzwerk.store.neo4j import Neo4jStore

    return Neo4jStore(server.uri)


def first_load(server, *files: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(NEO4J_SH), "import", *map(str, files)],
        env={**server.env, "NETZWERK_PYTHON": sys.executable, **env},
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT,
        check=False,
    )


def run_numbers(store) -> dict[str, str]:
    """Each ingest run's id → its place in time ("run-1", …): ids and times differ."""
    runs = sorted(store._read("MATCH (r:IngestRun) RETURN r.started, r.run_id"))
    return {run_id: f"run-{number}" for number, (_, run_id) in enumerate(runs, start=1)}


def normalised(properties: list[list[Any]], runs: dict[str, str]) -> tuple:
    """Properties with run ids numbered, without the start time and the lock's counter
    (it counts reads of the graph, not data)."""
    kept = []
    for name, value, kind in properties:
        if name in ("started", "taken"):
            continue
        kept.append((name, runs.get(value, value) if name == "run_id" else value, kind))
    return tuple(sorted(kept, key=lambda item: item[0]))


def dump(store) -> tuple[list, list]:
    """Every node and relationship of the database, comparable across loads."""
    runs = run_numbers(store)
    nodes = sorted(
        (tuple(labels), normalised(properties, runs))
        for labels, properties in store._read(DUMP_NODES)
    )
    ties = sorted(
        (rel_type, tuple(a), a_id, tuple(b), b_id, normalised(properties, runs))
        for rel_type, a, a_id, b, b_id, properties in store._read(DUMP_TIES)
    )
    return nodes, ties


def graph_and_log(store) -> tuple[dict, dict, list]:
    """`graph` and `ingest_log` with run ids numbered and start times left out."""
    runs = run_numbers(store)
    graph = store.graph()
    nodes = {node: dict(data) for node, data in graph.nodes(data=True)}
    edges = {
        (u, v, key): {**data, "ingest_run": runs[data["ingest_run"]]}
        for u, v, key, data in graph.edges(keys=True, data=True)
    }
    log = [
        {**entry, "run_id": runs[entry["run_id"]], "started": None}
        for entry in store.ingest_log(limit=100)
    ]
    return nodes, edges, log


def schema(store) -> set[str]:
    return {record[0] for record in store._read("SHOW INDEXES YIELD name")}


def changed_workbook(folder: Path) -> Path:
    """The sample workbook with one actor's note changed, one tie's strength changed and four ties
    deleted, under the same file name (so the same source)."""
    workbook = load_workbook(SAMPLE)
    workbook["Akteure"]["L2"] = "Auftraggeberin; seit 2024 auch Fachbereich Jugend und Soziales"
    ties = workbook["Beziehungen"]
    ties["D2"] = 3 if ties["D2"].value != 3 else 1
    ties.delete_rows(3, 4)
    folder.mkdir()
    path = folder / SAMPLE.name
    workbook.save(path)
    return path


@pytest.mark.neo4j
@pytest.mark.slow
def test_first_load_gives_the_graph_the_ingest_gives(server, store):
    changeset = read_files([SAMPLE]).changeset
    store.apply(changeset, files=[SAMPLE.name])
    ingested, ingested_schema = dump(store), schema(store)
    ingested_graph = graph_and_log(store)
    store.wipe()

    done = first_load(server, SAMPLE)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "loaded 'wehringhausen.xlsx'" in done.stdout
    with opened(server) as loaded_store:
        loaded = dump(loaded_store)
        assert loaded[0] == ingested[0]  # nodes, with every property and its type
        assert loaded[1] == ingested[1]  # ties, likewise
        assert len(loaded[1]) == len(changeset.ties)
        assert schema(loaded_store) == ingested_schema
        assert graph_and_log(loaded_store) == ingested_graph


@pytest.mark.neo4j
@pytest.mark.slow
def test_reingest_after_first_load_equals_two_ingests(server, store, tmp_path):
    changed = changed_workbook(tmp_path / "changed")
    store.apply(read_files([SAMPLE]).changeset, files=[SAMPLE.name])
    store.apply(read_files([changed]).changeset, files=[changed.name])
    twice = dump(store), graph_and_log(store)
    store.wipe()

    done = first_load(server, SAMPLE)
    assert done.returncode == 0, done.stdout + done.stderr
    with opened(server) as loaded:
        applied = loaded.apply(read_files([changed]).changeset, files=[changed.name])

        assert applied.removed["ties"] == 4
        assert applied.updated["actors"] == 1
        assert (dump(loaded), graph_and_log(loaded)) == twice


@pytest.mark.neo4j
@pytest.mark.slow
def test_first_load_refuses_a_database_with_data(server, store, small_changeset):
    store.apply(small_changeset)
    before = dump(store)

    done = first_load(server, SAMPLE)

    assert done.returncode == 2
    assert "ist nicht leer" in done.stderr
    assert "stopping the server" not in done.stdout
    assert dump(store) == before


@pytest.mark.neo4j
@pytest.mark.slow
def test_failed_import_leaves_the_database_as_empty_as_before(server, store):
    # reading an empty store leaves bookkeeping nodes (schema version, lock): still empty
    assert sum(store.counts().values()) == 0 and store.graph().number_of_nodes() == 0
    before = dump(store)
    assert {labels for labels, _ in before[0]} == {("NetzwerkSchema",), ("NetzwerkLock",)}

    # a heap too small for neo4j-admin's JVM: the import fails after the server stopped
    done = first_load(server, SAMPLE, NEO4J_ADMIN_HEAP="1k")

    assert done.returncode == 1
    assert "database empty (2 bookkeeping nodes): stopping the server" in done.stdout
    failed = [line for line in done.stdout.splitlines() if "FAILED" in line]
    assert len(failed) == 1 and "(0 nodes, 0 ties)" in failed[0], done.stdout
    with opened(server) as after:
        assert dump(after) == before
    assert not list((server.home / "run").glob("first-load-*"))  # CSV files removed


@pytest.mark.neo4j
def test_a_first_load_keeps_ingests_out_until_its_mark_is_released(server, store, small_changeset):
    assert mark_first_load(store) >= 1  # bookkeeping only: the lock at least
    with pytest.raises(StoreError, match="ein Erstladen .* hält die Datenbank") as refused:
        store.apply(small_changeset)
    assert "import --release" in str(refused.value)
    assert sum(store.counts().values()) == 0
    with pytest.raises(StoreError, match="anderes Erstladen"):
        mark_first_load(store)  # a second load waits for the first

    released = first_load(server, Path("--release"))

    assert released.returncode == 0, released.stdout + released.stderr
    assert "mark removed" in released.stdout
    assert store.apply(small_changeset).created["ties"] == len(small_changeset.ties)


def test_tie_ends_outside_the_changeset_are_not_written(small_changeset, tmp_path):
    stray = Tie("cooperation", small_changeset.ties[0].source, small_changeset.ties[0].target)
    changeset = Changeset(actors=small_changeset.actors[:1], ties=[stray], files=["x.xlsx"])
    load = write_import_files(changeset, tmp_path / "import")
    assert load.ties == [] and load.result.created["ties"] == 0
    assert load.result.unchanged["ties"] == 1
    assert os.listdir(tmp_path / "import")  # the actor and the bookkeeping are there
