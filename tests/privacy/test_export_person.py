"""`export-person`: everything stored about one actor as JSON (Art. 15/20 GDPR)."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.errors import NotFound
from netzwerk.privacy import export_person
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.store.sqlite import SqliteStore


def _direct(store, actor_id: str) -> tuple[dict, set[str]]:
    """The actor's properties and tie keys, read with a plain SQL or Cypher query."""
    if isinstance(store, SqliteStore):
        db = sqlite3.connect(store.path)
        name, props, file = db.execute(
            "SELECT name, props, source_file FROM nodes WHERE kind = 'actor' AND id = ?",
            (actor_id,),
        ).fetchone()
        ties = {
            key
            for (key,) in db.execute(
                "SELECT key FROM ties WHERE source = ? OR target = ?", (actor_id, actor_id)
            )
        }
        db.close()
        return {"name": name, **json.loads(props), "file": file}, ties
    (record,) = store._read("MATCH (a:Actor {id: $id}) RETURN properties(a)", id=actor_id)
    props = dict(record[0])
    ties = {r[0] for r in store._read("MATCH (:Actor {id: $id})-[r]-() RETURN r.key", id=actor_id)}
    return {**props, "file": props.get("source_file"), "topics": list(props["topics"])}, ties


def test_export_person_matches_a_direct_query(store, changeset, search):
    store.apply(changeset)
    data = export_person(store, "erika", now=datetime(2025, 3, 1, 12, tzinfo=UTC))
    direct, tie_keys = _direct(store, "erika")
    actor = data["actor"]
    for field in (
        "name",
        "type",
        "sector",
        "topics",
        "address",
        "contact",
        "consent",
        "coordinator",
        "note",
    ):
        assert actor[field] == direct[field], field
    assert actor["source"]["file"] == direct["file"]
    exported = {tie["key"] for tie in data["ties"] + data["participation"]}
    assert exported == tie_keys
    assert [tie["kind"] for tie in data["participation"]] == ["participation"]
    assert data["participation"][0]["other_name"] == "Stadtteilfest 2024"
    assert all(tie["kind"] != "participation" for tie in data["ties"])
    assert data["generated"] == "2025-03-01T12:00:00+00:00"
    assert "Art. 15 DSGVO" in data["explanation"]
    assert data["pseudonym"] == Pseudonymiser().pseudonym("erika")
    text = json.dumps(data, ensure_ascii=False)
    assert search.found_in_bytes(text.encode()) == list(search.PERSONAL)  # real data, in full


def test_export_person_of_an_organisation_has_no_pseudonym(store, changeset):
    store.apply(changeset)
    data = export_person(store, "verein")
    assert "pseudonym" not in data
    assert data["actor"]["address"] == "Lange Straße 22, 58089 Hagen"


def test_export_person_unknown_id_raises_not_found(store, changeset):
    store.apply(changeset)
    with pytest.raises(NotFound):
        export_person(store, "niemand")


def test_cli_export_person_writes_json_file(tmp_path, changeset):
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset)
    out = tmp_path / "auskunft" / "erika.json"
    result = CliRunner().invoke(
        cli, ["--store", str(path), "export-person", "erika", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "personenbezogene Daten" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["actor"]["name"] == "Erika Muster"
    assert set(data) == {"generated", "explanation", "actor", "ties", "participation", "pseudonym"}
    assert [p.name for p in out.parent.iterdir()] == ["erika.json"]  # no temporary left


def test_cli_export_person_prints_json_without_out(tmp_path, changeset):
    path = tmp_path / "netz.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset)
    result = CliRunner().invoke(cli, ["--store", str(path), "export-person", "erika"])
    assert result.exit_code == 0, result.output
    assert (
        json.loads(result.output)["actor"]["contact"] == "erika.muster@example.org; 02331 555-0147"
    )


def test_cli_export_person_unknown_id_exits_2(tmp_path, changeset):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.apply(changeset)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "s.sqlite"), "export-person", "x"])
    assert result.exit_code == 2
    assert "nicht im Speicher" in result.output
