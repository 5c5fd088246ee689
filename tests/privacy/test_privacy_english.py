"""The privacy commands speak English with --lang en / NETZWERK_LANG=en, German by default;
every privacy text has both languages."""

from __future__ import annotations

import json
import re
import shutil
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.privacy import ErasureReport
from netzwerk.privacy.texts import TEXTS, counted, erasure, privacy_text, record

GERMAN_WORDS = (
    "Speicher",
    "gelöscht",
    "Gelöscht",
    "Person wurde",
    "keine",
    "Keine",
    "Datei",
    "und",
    "Akteur",
    "Beziehung",
    "Jahre",
    "Zeile",
    "nicht",
    "löschen",
    "Aufbewahrungsfrist",
    "Stichtag",
    "Hinweis",
    "Anzahl",
    "Verzeichnis",
)
"""Words of our German texts that must not appear in English output (whole words). Not the
plurals "Akteure", "Beziehungen": they are sheet names of the workbook, which `forget` names
as the person's sources."""


def german_in(text: str) -> list[str]:
    return [word for word in GERMAN_WORDS if re.search(rf"(?<![\w-]){word}(?![\w-])", text)]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path_factory.mktemp("sample"))
    return store_path


@pytest.fixture
def store_copy(sample_store, tmp_path) -> Path:
    """A copy of the sample store to delete from."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(sample_store, copy)
    return copy


@pytest.fixture(scope="module")
def person_id(sample_store) -> str:
    """A natural person of the sample with ties (taken from the store, not from the code)."""
    from netzwerk.store.sqlite import SqliteStore

    with SqliteStore(sample_store) as store:
        graph = store.graph()
    persons = [
        data["id"]
        for node, data in graph.nodes(data=True)
        if data.get("natural_person") and graph.degree(node) > 2
    ]
    return sorted(persons)[0]


def run(store: Path, *arguments: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments], env=env)
    assert result.exit_code == 0, result.output
    return result.output


# ------------------------------------------------------------------------------- the texts


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_privacy_text_has_german_and_english_with_the_same_placeholders(key):
    german, english = TEXTS[key]
    assert german.strip() and english.strip(), key
    assert placeholders(german) == placeholders(english), key
    if key.startswith("noun."):
        assert german.count("|") == 1 and english.count("|") == 1, key


def test_no_privacy_text_key_is_in_two_modules():
    from netzwerk.privacy import texts

    tables = (texts._OWN, erasure.TEXTS, record.TEXTS)
    assert len(TEXTS) == sum(len(table) for table in tables)  # a repeated key would be lost


def test_counted_uses_the_singular_for_one():
    assert counted(1, "tie") == "1 Beziehung" and counted(2, "tie") == "2 Beziehungen"
    assert counted(1, "year", "en") == "1 year" and counted(0, "actor", "en") == "0 actors"


# ------------------------------------------------------------------------------- commands

READ_ONLY = {
    "privacy-record": ["privacy-record"],
    "retention": ["retention"],
    "retention --years 1": ["retention", "--years", "1"],
}


@pytest.mark.parametrize("name", READ_ONLY)
def test_read_only_privacy_commands_are_english_with_lang_en(sample_store, name):
    english = run(sample_store, *READ_ONLY[name], "--lang", "en")
    assert german_in(english) == [], english[:2000]
    from_environment = run(sample_store, *READ_ONLY[name], env={"NETZWERK_LANG": "en"})
    assert _without_time(from_environment) == _without_time(english)


@pytest.mark.parametrize("name", READ_ONLY)
def test_read_only_privacy_commands_are_german_by_default(sample_store, name):
    german = run(sample_store, *READ_ONLY[name])
    assert german_in(german), german[:2000]
    assert "Aufbewahrungsfrist: " in german
    assert _without_time(run(sample_store, *READ_ONLY[name], "--lang", "de")) == _without_time(
        german
    )


def _without_time(output: str) -> str:
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "TIME", output)


def test_privacy_record_json_has_the_same_keys_and_counts_in_both_languages(sample_store):
    german = json.loads(run(sample_store, "privacy-record", "--format", "json"))
    english = json.loads(run(sample_store, "privacy-record", "--format", "json", "--lang", "en"))

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(item) for item in value]
        return value if isinstance(value, int | float) else type(value).__name__

    assert shape(german) == shape(english)
    assert english["title"].startswith("Record of processing activities")
    assert german["title"].startswith("Verzeichnis von Verarbeitungstätigkeiten")
    texts = [english["title"], english["introduction"], english["retention"]["rule"]]
    texts += [category["category"] + " " + category["note"] for category in english["categories"]]
    texts += english["measures"] + english["to_complete"]
    assert german_in("\n".join(texts)) == []


def test_export_person_explains_in_english_with_the_same_keys(sample_store, person_id, tmp_path):
    german = json.loads(run(sample_store, "export-person", person_id))
    english = json.loads(run(sample_store, "export-person", person_id, "--lang", "en"))
    assert german.keys() == english.keys()
    assert german["actor"] == english["actor"] and german["ties"] == english["ties"]
    assert german_in(english["explanation"]) == [] and german_in(german["explanation"])
    written = run(
        sample_store, "export-person", person_id, "--out", str(tmp_path / "a.json"), "--lang", "en"
    )
    assert written.startswith("Written: ") and german_in(written) == []


def test_forget_reports_in_english(store_copy, person_id, tmp_path):
    outputs = tmp_path / "berichte"
    outputs.mkdir()
    (outputs / "liste.txt").write_text(f"{person_id} war dabei\n", encoding="utf-8")
    english = run(
        store_copy, "forget", person_id, "--outputs", str(outputs), "--yes", "--lang", "en"
    )
    assert english.startswith(f"Deleted: actor {person_id}, ")
    assert "row " in english and "liste.txt" in english
    assert german_in(english) == [], english
    assert not (outputs / "liste.txt").exists()


def test_forget_is_german_by_default(store_copy, person_id):
    german = run(store_copy, "forget", person_id, "--yes")
    assert german.startswith(f"Gelöscht: Akteur {person_id}, ") and "Zeile " in german


def test_forget_plan_and_refusal_without_terminal_are_english(store_copy, person_id):
    result = CliRunner().invoke(
        cli, ["--store", str(store_copy), "forget", person_id], env={"NETZWERK_LANG": "en"}
    )
    assert result.exit_code == 2
    assert result.output.startswith(f"To delete: person {person_id}, ")
    refusal = result.output.splitlines()[-1]
    assert "--yes" in refusal and german_in(refusal.removeprefix("Fehler: ")) == [], refusal


def test_retention_apply_reports_in_english(store_copy):
    english = run(store_copy, "retention", "--years", "1", "--apply", "--yes", "--lang", "en")
    deleted = english.splitlines()[-1]
    assert re.fullmatch(r"Deleted: \d+ actors?, \d+ ties?\.", deleted), deleted
    assert "Nothing to delete." in run(
        store_copy, "retention", "--years", "1", "--apply", "--lang", "en"
    )


def test_erasure_report_translates_mentions_and_rows():
    report = ErasureReport(
        "erika",
        {"actors": 1, "ties": 1},
        0,
        0,
        mentions=["Beziehung cooperation|a|b|: note", "actor a: note"],
        sources=["netz.xlsx, Akteure, Zeile 5"],
        source_locations=[{"file": "netz.xlsx", "sheet": "Akteure", "row": 5}],
    )
    english = "\n".join(report.lines("en"))
    assert "  - tie cooperation|a|b|: note" in english and "  - actor a: note" in english
    assert "  - netz.xlsx, Akteure, row 5" in english
    assert "1 tie (of which 0 participations)" in english
    german = "\n".join(report.lines())
    assert "  - Beziehung cooperation|a|b|: note" in german
    assert "  - netz.xlsx, Akteure, Zeile 5" in german
    assert (
        privacy_text("forget.backups") in german and privacy_text("forget.backups", "en") in english
    )
