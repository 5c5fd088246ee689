"""`netzwerk dubletten` / `duplicates`: likely double entries in the store, with score and
reason; addresses and contacts compared, never printed; persons pseudonymised."""

from __future__ import annotations

import json

from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.model import Changeset
from netzwerk.store import open_store
from tests.conftest import actor


def store_with_doubles(path):
    changeset = Changeset(
        actors=[
            actor("caritas", name="Caritasverband Hagen e.V.", type="association"),
            actor("caritas-2", name="Caritas Hagen", type="association"),
            actor("schule", name="Grundschule Wehringhausen"),
            actor("kita", name="Kita Wehringhausen"),
            actor("erika", name="Erika Muster", type="person", contact="0171 2345678"),
            actor("e-muster", name="E. Muster", type="person", contact="+49 171 234 5678"),
            actor("laden", name="Stadtteilladen", address="Lange Straße 5, 58089 Hagen"),
            actor("buero", name="Stadtteilbüro", address="Lange Str. 5"),
        ]
    )
    with open_store(str(path)) as store:
        store.init()
        store.apply(changeset, files=["netz.xlsx"])
    return path


def invoke(store, *arguments):
    result = CliRunner().invoke(cli, ["--store", str(store), *arguments])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_three_kinds_of_double_entry_are_listed_with_their_reasons(tmp_path):
    store = store_with_doubles(tmp_path / "netz.sqlite")
    pairs = json.loads(invoke(store, "duplicates", "--format", "json"))["pairs"]
    found = {frozenset((p["first_name"], p["second_name"])): p["reasons"] for p in pairs}
    assert found[frozenset(("Caritasverband Hagen e.V.", "Caritas Hagen"))] == ["name"]
    assert found[frozenset(("Stadtteilladen", "Stadtteilbüro"))] == ["address"]
    person_pair = next(p for p in pairs if "contact" in p["reasons"])
    assert person_pair["first_name"].startswith("Person-")  # no consent: pseudonyms
    assert len(pairs) == 3  # the school and the kita are not one
    assert [p["score"] for p in pairs] == sorted((p["score"] for p in pairs), reverse=True)


def test_the_table_is_german_and_shows_neither_address_nor_contact_nor_person(tmp_path):
    store = store_with_doubles(tmp_path / "netz.sqlite")
    table = invoke(store, "dubletten")
    assert "Wahrscheinlich doppelte Akteure" in table and "gleiche Kontaktangabe" in table
    assert "Caritas Hagen" in table
    for secret in ("0171", "Lange", "Erika", "Muster"):
        assert secret not in table
    english = invoke(store, "duplicates", "--lang", "en", "--min-score", "95")
    assert "same contact" in english and "similar name" in english
    assert "Stadtteil" not in english  # the address pair scores below 95


def test_a_store_without_doubles_says_so(tmp_path):
    from netzwerk.workflows import load_sample_data

    store_path, _, _ = load_sample_data(tmp_path)
    assert "Keine wahrscheinlich doppelten Akteure" in invoke(store_path, "dubletten")
