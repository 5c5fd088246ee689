"""`privacy-record`: categories of personal data with counts, sources and retention."""

from __future__ import annotations

import json

from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.privacy import privacy_record
from netzwerk.store.sqlite import SqliteStore


def test_privacy_record_counts_each_category(store, changeset, monkeypatch):
    monkeypatch.setenv("NETZWERK_RETENTION_YEARS", "4")
    store.apply(changeset, files=["netz.xlsx"])
    record = privacy_record(store)
    counts = {c["key"]: c["count"] for c in record["categories"]}
    assert counts == {
        "person_names": 1,
        "person_contact": 1,
        "organisation_contact": 0,
        "person_addresses": 1,
        "person_notes": 1,
        "consent_flags": 1,
        "participation": 1,
        "person_ties": 1,
    }
    assert record["consent"] == {"yes": 1, "no": 0}
    assert record["data_subjects"]["persons"] == 1
    assert record["data_subjects"]["persons_in_events"] == 1
    assert [s["file"] for s in record["sources"]] == ["netz.xlsx"]
    assert record["retention"]["years"] == 4
    assert "NETZWERK_RETENTION_YEARS" in record["retention"]["setting"]


def test_privacy_record_holds_counts_not_values(store, changeset, search):
    store.apply(changeset)
    text = json.dumps(privacy_record(store), ensure_ascii=False)
    assert search.found_in_bytes(text.encode()) == []


def test_cli_privacy_record_table_and_json(tmp_path, changeset, search):
    path = tmp_path / "s.sqlite"
    with SqliteStore(path) as store:
        store.apply(changeset, files=["netz.xlsx"])
    runner = CliRunner()
    table = runner.invoke(cli, ["--store", str(path), "privacy-record"])
    assert table.exit_code == 0, table.output
    assert "Art. 30 DSGVO" in table.output
    assert "Namen natürlicher Personen" in table.output and "netz.xlsx" in table.output
    as_json = runner.invoke(cli, ["--store", str(path), "privacy-record", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output)["consent"] == {"yes": 1, "no": 0}
    assert search.found_in_bytes((table.output + as_json.output).encode()) == []
