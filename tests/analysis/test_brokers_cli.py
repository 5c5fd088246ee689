"""`netzwerk brokers`, `dependency` and `keyplayers` end to end, on a real embedded store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from netzwerk.analysis.brokers import SAMPLED_COLUMNS, TABLE_COLUMNS
from netzwerk.cli import cli
from netzwerk.model import Actor, Changeset, NodeRef, Tie
from netzwerk.present.labels import column_titles
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.store import open_store

PSEUDONYM = Pseudonymiser(b"test-key").pseudonym  # the key tests/conftest.py sets


def actor(key: str, sector: str, **fields) -> Actor:
    fields.setdefault("type", "institution")
    fields.setdefault("name", key.title())
    return Actor(id=key, sector=sector, **fields)


def cooperation(u: str, v: str, weight: float = 1.0, **fields) -> Tie:
    return Tie("cooperation", NodeRef("actor", u), NodeRef("actor", v), weight=weight, **fields)


@pytest.fixture
def store_path(tmp_path) -> Path:
    """The QM ties school, church, association and shop together; Erika (a person without
    consent) is the shop's only other tie and a broker herself; Tom consented. The
    association's tie to the QM ended in 2022."""
    changeset = Changeset(
        actors=[
            actor(
                "qm",
                "district_management",
                name="Quartiersmanagement",
                coordinator=True,
                type="committee",
            ),
            actor("schule", "education", name="Grundschule"),
            actor("kirche", "religion", name="Kirchengemeinde"),
            actor("verein", "social", name="Wir in Wehringhausen e.V.", type="association"),
            actor("laden", "economy", name="Bäckerei", type="business"),
            actor("kiosk", "economy", name="Kiosk", type="business"),
            actor("erika", "culture", name="Erika Muster", type="person"),
            actor("tom", "neighbourhood", name="Tom Taler", type="person", consent=True),
        ],
        ties=[
            cooperation("qm", "schule", 2.0),
            cooperation("qm", "kirche"),
            cooperation("qm", "verein", until=date(2022, 12, 31)),
            cooperation("schule", "kirche"),
            cooperation("verein", "erika"),
            cooperation("verein", "tom"),
            cooperation("qm", "tom"),
            cooperation("erika", "laden", 3.0),
            cooperation("laden", "kiosk"),
        ],
    )
    path = tmp_path / "s.sqlite"
    with open_store(str(path)) as store:
        store.init()
        store.apply(changeset)
    return path


def run(store_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--store", str(store_path), *args])


def brokers_json(store_path: Path, *args: str) -> dict:
    result = run(store_path, "brokers", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- brokers


def test_brokers_json_rows_have_exactly_the_table_fields(store_path):
    output = brokers_json(store_path)
    assert len(output["rows"]) == 8
    assert all(list(row) == list(TABLE_COLUMNS) for row in output["rows"])
    betweenness = [row["betweenness"] for row in output["rows"]]
    assert betweenness == sorted(betweenness, reverse=True)


def test_brokers_json_shows_how_it_was_computed(store_path):
    output = brokers_json(store_path)
    options, view = output["options"], output["view"]
    assert options["tie_kinds"] == view["tie_kinds"] == ["cooperation", "membership", "runs"]
    assert options["as_of"] == view["as_of"] == date.today().isoformat()  # default: today
    assert view["coordinators"] == ["qm"] and view["line"].startswith("Sicht: Stand ")
    assert brokers_json(store_path, "--alle-zeitraeume")["view"]["as_of"] is None
    assert options["weighted"] is True
    assert options["by"] == "sector" and options["constraint_model"] == "whole"
    assert options["betweenness"] == "exact" and options["betweenness_sources"] == 8


def test_persons_are_pseudonymised_in_id_and_name(store_path):
    result = run(store_path, "brokers", "--format", "json")
    assert "erika" not in result.stdout.lower() and "Muster" not in result.stdout
    rows = {row["id"]: row for row in json.loads(result.stdout)["rows"]}
    erika = rows[PSEUDONYM("erika")]
    assert erika["name"] == PSEUDONYM("erika") and erika["cut_point"] is True
    assert rows[PSEUDONYM("tom")]["name"] == PSEUDONYM("tom")
    assert rows["qm"]["name"] == "Quartiersmanagement"


def test_names_show_only_persons_who_consented(store_path):
    rows = {row["id"]: row for row in brokers_json(store_path, "--names")["rows"]}
    assert rows["tom"]["name"] == "Tom Taler"
    assert PSEUDONYM("erika") in rows and "erika" not in rows


def test_brokers_csv_has_the_table_fields_and_options_on_stderr(store_path):
    result = run(store_path, "brokers", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines[0] == "\ufeff" + ";".join(column_titles(TABLE_COLUMNS, "de").values())
    assert len(lines) == 9
    english = run(store_path, "brokers", "--format", "csv", "--lang", "en").stdout.splitlines()
    assert english[0] == ",".join(column_titles(TABLE_COLUMNS, "en").values())
    view_line, options_line = result.stderr.splitlines()
    assert view_line.startswith("# Sicht: Stand ") and "Kooperation, Mitgliedschaft" in view_line
    assert options_line.startswith("# Berechnung: ") and "Betweenness exakt" in options_line


def test_brokers_table_starts_with_the_options(store_path):
    result = run(store_path, "brokers", "--top", "3", "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Sicht: Stand 30.06.2024 · ") and "gewichtet" in lines[0]
    assert lines[1].startswith("# Berechnung: ") and "Betweenness exakt" in lines[1]
    assert "=" not in lines[1]  # labels in words, not option codes
    assert lines[2].split()[:4] == ["Kennung", "Name", "Sektor", "Betweenness"]
    assert len(lines) == 3 + 1 + 3


def test_as_of_drops_ties_that_ended(store_path):
    before = {r["id"]: r for r in brokers_json(store_path, "--as-of", "2021-01-01")["rows"]}
    after = {r["id"]: r for r in brokers_json(store_path, "--as-of", "2024-01-01")["rows"]}
    # the QM-association tie ended 2022. Before, the association's contacts are QM, Erika
    # and Tom, with QM-Tom tied: 3 - (1/3 * m(QM, Tom) + 1/3 * m(Tom, QM)) with
    # m(QM, Tom) = 1/2 (QM's strongest tie, to the school, has strength 2), m(Tom, QM) = 1
    assert before["verein"]["effective_size"] == pytest.approx(2.5)
    assert after["verein"]["effective_size"] == 2.0


def test_unweighted_and_sampling_options_are_reported(store_path):
    options = brokers_json(store_path, "--unweighted", "--sample", "4", "--seed", "7")["options"]
    assert options["weighted"] is False
    assert options["betweenness"] == "sampled" and options["betweenness_sources"] == 4
    assert options["betweenness_seed"] == 7
    assert brokers_json(store_path, "--exact")["options"]["betweenness"] == "exact"


def test_brokers_by_type_and_ego_model(store_path):
    output = brokers_json(store_path, "--by", "typ", "--constraint-model", "ego")
    assert output["options"]["by"] == "type" and output["options"]["constraint_model"] == "ego"


def test_unknown_attribute_is_one_german_line_and_exit_2(store_path):
    result = run(store_path, "brokers", "--by", "farbe")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Fehler: ")
    assert 'unbekanntes Merkmal "farbe" für --by — möglich:' in lines[0] and "sector" in lines[0]


# --------------------------------------------------------------------------- dependency


def test_dependency_json_by_hand(store_path):
    result = run(store_path, "dependency", "--format", "json")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    # others: schule kirche verein laden kiosk erika tom (7), all connected (21 pairs);
    # without the QM: {schule, kirche} and {verein, erika, tom, laden, kiosk}: 1 + 10
    assert output["coordinators"] == ["qm"]
    assert (
        output["connected_pairs_before"],
        output["connected_pairs_after"],
        output["connected_pairs_lost"],
    ) == (21, 11, 10)
    assert ["education", "social"] in output["group_pairs_lost"]
    assert output["options"]["betweenness"] == "exact" and "tie_kinds" in output["options"]
    assert "erika" not in result.stdout.lower()


def test_dependency_for_a_given_coordinator(store_path):
    output = json.loads(
        run(store_path, "dependency", "--coordinator", "erika", "--format", "json").stdout
    )
    assert output["coordinators"] == [PSEUDONYM("erika")]
    assert output["connected_pairs_lost"] == 10  # shop and kiosk lose the other five
    assert list(output["betweenness_share_by_coordinator"]) == [PSEUDONYM("erika")]


def test_cut_off_persons_are_pseudonymised(store_path):
    result = run(store_path, "dependency", "--coordinator", "verein", "--format", "json")
    assert result.exit_code == 0, result.output
    # without the association, Erika, the shop and the kiosk lose the main part
    assert set(json.loads(result.stdout)["cut_off"]) == {"kiosk", "laden", PSEUDONYM("erika")}
    assert "erika" not in result.stdout.lower()


@pytest.mark.parametrize(
    "typed", ["Person-{pseudonym}", "wir in wehringhausen E.V.", "Wir in Wehringhausen e.V."]
)
def test_coordinator_can_be_typed_as_name_or_pseudonym(store_path, typed):
    text = typed.format(pseudonym=PSEUDONYM("erika")[len("Person-") :])
    result = run(store_path, "dependency", "--coordinator", text, "--format", "json")
    assert result.exit_code == 0, result.output
    expected = PSEUDONYM("erika") if "Person" in text else "verein"
    assert json.loads(result.stdout)["coordinators"] == [expected]


def test_dependency_table_has_summary_and_successors(store_path):
    result = run(store_path, "dependency")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert "verlorene Paare" in result.stdout and "Zuwachs" in result.stdout


def test_unknown_coordinator_is_one_german_line_and_exit_2(store_path):
    result = run(store_path, "dependency", "--coordinator", "niemand")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and 'unbekannter Akteur "niemand"' in lines[0]


# --------------------------------------------------------------------------- keyplayers


def test_keyplayers_json(store_path):
    result = run(store_path, "keyplayers", "-k", "1", "--format", "json", "--alle-zeitraeume")
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    # every period (the association's tie to the QM included); without the association: {QM, school, church, Tom} and {Erika, shop, kiosk}:
    # 1 - (4*3 + 3*2) / (7*6); without the QM or Erika only 1 - 22/42
    assert [p["id"] for p in output["players"]] == ["verein"]
    the_set = output["set"]
    assert the_set["before"] == 0.0 and the_set["after"] == pytest.approx(1 - 18 / 42)
    assert "before" not in output and "after" not in output["players"][0]
    # one player: alone is the set's figure, its share all of it (the set without it: 0)
    assert output["players"][0]["alone"] == pytest.approx(1 - 18 / 42)
    assert output["players"][0]["share"] == pytest.approx(1 - 18 / 42)
    assert output["options"]["measure"] == "F" and output["options"]["k"] == 1


def test_keyplayers_table_and_csv(store_path):
    table = run(store_path, "keyplayers", "-k", "2", "--measure", "DF")
    assert table.exit_code == 0, table.output
    set_figure = "Abstandsfragmentierung ohne die Gruppe"
    assert table.stdout.startswith("# ") and set_figure in table.stdout
    assert table.stdout.count(set_figure) == 1  # the set's figure once, not per row
    csv = run(store_path, "keyplayers", "-k", "2", "--format", "csv")
    assert csv.stdout.splitlines()[0] == (
        "\ufeffKennung;Name;Sektor;Fragmentierung nur ohne diesen Akteur;Anteil an der Gruppe"
    )


def test_keyplayers_k_too_large_is_a_german_error(store_path):
    result = run(store_path, "keyplayers", "-k", "8")
    assert result.exit_code == 2
    assert "ist zu groß" in result.output and len(result.output.strip().splitlines()) == 1


def test_sampled_rows_state_their_95_percent_error(store_path):
    output = brokers_json(store_path, "--sample", "4", "--seed", "7")
    assert all(tuple(row) == SAMPLED_COLUMNS for row in output["rows"])
    errors = [row["betweenness_error_95"] for row in output["rows"]]
    assert output["options"]["betweenness_max_error_95"] == max(errors) > 0
    csv = run(store_path, "brokers", "--format", "csv", "--sample", "4").stdout.splitlines()
    assert "± Fehler (95 %)" in csv[0].split(";")
    assert "betweenness_error_95" not in brokers_json(store_path)["rows"][0]


@pytest.mark.parametrize("flag", ["--genauigkeit", "--precision"])
def test_precision_is_asked_instead_of_a_sample(store_path, flag):
    options = brokers_json(store_path, flag, "0.3")["options"]
    assert options["betweenness_precision"] == 0.3
    if options["betweenness"] == "sampled":
        assert options["betweenness_max_error_95"] <= 0.3
    # a tiny network reaches any precision only with every source: then it is exact
    assert brokers_json(store_path, flag, "1e-9")["options"]["betweenness"] == "exact"


def test_precision_outside_zero_to_one_is_refused(store_path):
    result = run(store_path, "brokers", "--genauigkeit", "0")
    assert result.exit_code == 2
    assert "--genauigkeit" in result.output


def test_dependency_takes_a_precision_too(store_path):
    result = run(store_path, "dependency", "--format", "json", "--precision", "0.3")
    assert result.exit_code == 0, result.output
    options = json.loads(result.stdout)["options"]
    assert options["betweenness_precision"] == 0.3
