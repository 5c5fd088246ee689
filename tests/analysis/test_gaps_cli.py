"""`netzwerk gaps` and `netzwerk suggest` end to end, against a real embedded store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.model import Actor, Changeset, Event, NodeRef, Tie, Topic
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.store import open_store

PSEUDONYM = Pseudonymiser(b"test-key").pseudonym  # the key tests/conftest.py sets


def actor(key: str, sector: str, **fields) -> Actor:
    fields.setdefault("type", "institution")
    fields.setdefault("name", key.title())
    return Actor(id=key, sector=sector, **fields)


def cooperation(u: str, v: str, weight: float = 1.0) -> Tie:
    return Tie("cooperation", NodeRef("actor", u), NodeRef("actor", v), weight=weight)


@pytest.fixture
def store_path(tmp_path) -> Path:
    """Church and integration initiative: same topic, street, festival (1 June 2024, a
    shared event ties them on that day only) and two partners, no tie. Erika (no consent) and Hans (no consent, no ties) must never show by name; Tom
    consented."""
    changeset = Changeset(
        actors=[
            actor(
                "qm",
                "district_management",
                name="Quartiersmanagement",
                coordinator=True,
                type="committee",
            ),
            actor(
                "church",
                "religion",
                name="Kirchengemeinde",
                topics=("integration",),
                address="Lange Straße 5",
            ),
            actor(
                "init",
                "integration",
                name="Integrationsinitiative",
                topics=("integration",),
                address="Lange Straße 9",
                type="initiative",
            ),
            actor("caritas", "social", name="Caritas", type="association"),
            actor("club", "social", name="Jugendclub", type="association"),
            actor("school", "education", name="Grundschule"),
            actor("shop", "economy", name="Bäckerei", type="business"),
            actor("erika", "neighbourhood", name="Erika Muster", type="person"),
            actor("hans", "neighbourhood", name="Hans Beispiel", type="person"),
            actor(
                "tom",
                "neighbourhood",
                name="Tom Taler",
                type="person",
                consent=True,
                topics=("integration",),
            ),
        ],
        topics=[Topic("integration", "Integration")],
        events=[
            Event("fest", "Stadtteilfest 2024", since=date(2024, 6, 1), until=date(2024, 6, 1))
        ],
        ties=[
            cooperation("caritas", "church", 2.0),
            cooperation("caritas", "init", 2.0),
            cooperation("club", "church"),
            cooperation("club", "init"),
            cooperation("qm", "caritas"),
            cooperation("qm", "club"),
            cooperation("qm", "school"),
            cooperation("qm", "shop"),
            cooperation("erika", "caritas"),
            cooperation("tom", "caritas"),
            *(
                Tie(
                    "participation",
                    NodeRef("actor", a),
                    NodeRef("event", "fest"),
                    since=date(2024, 6, 1),
                    until=date(2024, 6, 1),
                )
                for a in ("church", "init", "school")
            ),
        ],
    )
    path = tmp_path / "s.sqlite"
    with open_store(str(path)) as store:
        store.init()
        store.apply(changeset)
    return path


def run(store_path: Path, *args: str) -> object:
    return CliRunner().invoke(cli, ["--store", str(store_path), *args])


def test_gaps_json_has_every_key_with_german_group_labels(store_path):
    result = run(store_path, "gaps", "--format", "json", "--permutations", "99")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in (
        "groups",
        "observed",
        "expected",
        "ratio",
        "ei_index",
        "ei_p_value",
        "assortativity",
        "missing_pairs",
        "communities",
        "community_holes",
        "isolates",
        "peripheral",
        "coordinator_only",
        "permutations",
        "options",
    ):
        assert key in report
    assert report["permutations"] == 99
    assert "Religion" in report["observed"] and "Lokale Wirtschaft" in report["observed"]
    assert {
        "groups": ["Lokale Wirtschaft", "Religion"],
        "expected": pytest.approx(report["expected"]["Lokale Wirtschaft"]["Religion"]),
    } in report["missing_pairs"]
    assert "shop" in {c["actor"] for c in report["coordinator_only"]}


def test_gaps_pseudonymises_persons_everywhere(store_path):
    output = run(store_path, "gaps", "--format", "json", "--permutations", "9").output
    assert "hans" not in output and "Hans" not in output and "erika" not in output
    report = json.loads(output)
    assert PSEUDONYM("hans") in report["isolates"]
    named = run(store_path, "gaps", "--format", "json", "--permutations", "9", "--names").output
    assert "hans" not in named and "erika" not in named  # no consent: stays pseudonymised
    assert "tom" in named  # consented and asked for


def test_gaps_table_prints_readable_sections(store_path):
    result = run(store_path, "gaps", "--permutations", "9")
    assert result.exit_code == 0, result.output
    for heading in (
        "Überblick",
        "Gruppen",
        "Gruppen ohne jede Verbindung",
        "Gemeinschaften",
        "Noch nicht erreicht",
    ):
        assert f"\n{heading}\n" in result.output
    assert "E-I-Index" in result.output and "nur mit dem QM" in result.output
    english = run(store_path, "gaps", "--permutations", "9", "--lang", "en")
    assert "\nGroups without any tie\n" in english.output and "religion" in english.output


def test_gaps_csv_is_the_mixing_table(store_path):
    german = run(store_path, "gaps", "--format", "csv", "--permutations", "9")
    assert (
        german.stdout.splitlines()[0] == "\ufeffGruppe A;Gruppe B;Verbindungen;erwartet;Verhältnis"
    )
    assert german.stderr.startswith("# Sicht: Stand ")  # the view line, beside the CSV
    english = run(store_path, "gaps", "--format", "csv", "--permutations", "9", "--lang", "en")
    assert english.stdout.splitlines()[0] == "Group A,Group B,Ties,expected,ratio"


def test_gaps_by_topic_uses_topic_names(store_path):
    report = json.loads(
        run(store_path, "gaps", "--by", "topic", "--format", "json", "--permutations", "9").output
    )
    assert list(report["observed"]) == ["Integration"]


def test_unknown_attribute_is_one_german_line_and_exit_2(store_path):
    result = run(store_path, "gaps", "--by", "branche")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        line for line in result.output.strip().splitlines() if line.startswith("Fehler:")
    ]
    assert 'unbekanntes Merkmal "branche" für --by — möglich: sector, topic, type' in (
        result.output
    )


def test_suggest_json_records_with_reason_and_introducer(store_path):
    result = run(store_path, "suggest", "--format", "json", "--as-of", "2024-09-01")
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    assert output["view"]["as_of"] == "2024-09-01"
    records = output["suggestions"]
    [first] = [r for r in records if {r["a"], r["b"]} == {"church", "init"}]
    assert first["introducer"] == "caritas"
    assert first["reasons"] == (
        "Beide arbeiten zu Integration, waren bei „Stadtteilfest "
        "2024“, haben 2 gemeinsame Partner und sind in derselben "
        "Straße (Lange Straße)"
    )
    for record in records:
        assert {"a", "b", "score", "reasons", "introducer"} <= set(record)
    # on the festival day the shared event ties them, as it does in `gaps`: no suggestion
    festival = run(store_path, "suggest", "--format", "json", "--as-of", "2024-06-01")
    pairs = [{r["a"], r["b"]} for r in json.loads(festival.output)["suggestions"]]
    assert {"church", "init"} not in pairs


def test_suggest_between_groups_by_label_in_english(store_path):
    result = run(
        store_path,
        "suggest",
        "--between",
        "Kirche",
        "Integration",
        "--lang",
        "en",
        "--format",
        "json",
        "--top",
        "1",
    )
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.output)["suggestions"]
    assert (record["a"], record["b"]) == ("church", "init")
    assert record["reasons"].startswith("Both work on Integration, were at Stadtteilfest 2024")
    assert record["gap_text"].startswith("religion – integration: no tie yet")


def test_suggest_for_a_consenting_person_is_pseudonymised_unless_names(store_path):
    hidden = json.loads(run(store_path, "suggest", "--for", "tom", "--format", "json").output)[
        "suggestions"
    ]
    assert hidden and all(r["a"] == PSEUDONYM("tom") for r in hidden)
    assert all(r["a_name"] == PSEUDONYM("tom") for r in hidden)
    shown = json.loads(
        run(store_path, "suggest", "--for", "Tom Taler", "--format", "json", "--names").output
    )["suggestions"]
    assert all(r["a"] == "tom" and r["a_name"] == "Tom Taler" for r in shown)
    by_pseudonym = run(store_path, "suggest", "--for", PSEUDONYM("tom"), "--format", "json")
    assert json.loads(by_pseudonym.output)["suggestions"] == hidden


def test_suggest_never_shows_persons_without_consent(store_path):
    for args in (["--format", "json"], ["--format", "json", "--names"], ["--format", "csv"], []):
        output = run(store_path, "suggest", "--top", "50", *args).output
        assert "erika" not in output.lower() and "hans" not in output.lower()
        assert PSEUDONYM("erika") not in output


def test_suggest_table_names_the_pair_and_the_reason(store_path):
    result = run(store_path, "suggest", "--top", "3")
    assert result.exit_code == 0, result.output
    assert "Wer stellt vor?" in result.output and "Kirchengemeinde" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--for", "niemand"], 'unbekannter Akteur "niemand"'),
        (["--between", "Kirche", "Mond"], 'unbekannte Gruppe "Mond" für --by sector'),
        (["--by", "farbe"], 'unbekanntes Merkmal "farbe"'),
    ],
)
def test_suggest_unknown_input_is_one_german_line_and_exit_2(store_path, args, message):
    result = run(store_path, "suggest", *args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fehler: ") and message in lines[0]
