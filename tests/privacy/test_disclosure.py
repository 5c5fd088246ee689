"""Next to a pseudonym nothing names the person again: no note, street, address, contact
or source file/sheet/row, in exports (GEXF, GraphML, JSON, CSV, from both stores) and in
query results. ``--names`` changes only what consent allows."""

from __future__ import annotations

import json
from datetime import date

import pytest

from netzwerk.model import Actor, Changeset, NodeRef, Provenance, Tie
from netzwerk.privacy.disclosure import shareable_rows, withheld_fields
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.export import EXPORT_FORMATS, export_graph

PSEUDONYMS = Pseudonymiser(b"test-key")  # the key tests/conftest.py sets
# what would name Erika (no consent) again, wherever it appears
ERIKA_TRACES = (
    "Erika Muster",
    "erika-muster",
    "Nachbarin über dem Kiosk",
    "Kiosk-Straße",
    "0170 1234567",
    "erikas-liste.xlsx",
    "Erika bringt Kuchen",
    "Erikas Blatt",
)
TOM_NOTE = "Tom leitet den Chor"


def person(actor_id: str, name: str, consent: bool, note: str, address: str, contact: str):
    return Actor(
        id=actor_id,
        name=name,
        type="person",
        sector="culture",
        consent=consent,
        note=note,
        address=address,
        contact=contact,
        source=Provenance(
            f"{actor_id}s-liste.xlsx" if actor_id == "erika" else "netz.xlsx", "Akteure", 2
        ),
    )


def changeset() -> Changeset:
    erika = person(
        "erika-muster",
        "Erika Muster",
        False,
        "Nachbarin über dem Kiosk",
        "Kiosk-Straße 3, 58089 Hagen",
        "0170 1234567",
    )
    tom = person("tom-berg", "Tom Berg", True, TOM_NOTE, "Chorweg 1", "tom@example.org")
    verein = Actor(
        "verein", "Wir in Wehringhausen e.V.", "association", "neighbourhood", note="Vereinsnotiz"
    )
    return Changeset(
        actors=[erika, tom, verein],
        ties=[
            Tie(
                "cooperation",
                NodeRef("actor", "erika-muster"),
                NodeRef("actor", "verein"),
                note="Erika bringt Kuchen",
                since=date(2020, 1, 1),
                until=date(2022, 12, 15),
                provenance=Provenance("erikas-liste.xlsx", "Erikas Blatt", 7),
            ),
            Tie(
                "membership",
                NodeRef("actor", "tom-berg"),
                NodeRef("actor", "verein"),
                note="Tom im Vorstand",
                since=date(2021, 1, 1),
                until=date(2022, 12, 20),
                provenance=Provenance("netz.xlsx", "Beziehungen", 3),
            ),
        ],
    )


def exported(graph, folder, show_names: bool) -> str:
    texts = []
    for fmt in EXPORT_FORMATS:
        for path in export_graph(graph, folder / f"netz.{fmt}", fmt, show_names=show_names):
            texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.mark.parametrize("show_names", [False, True])
def test_exports_carry_nothing_next_to_a_pseudonym(store, tmp_path, show_names):
    store.apply(changeset())
    text = exported(store.graph(), tmp_path, show_names)
    for trace in ERIKA_TRACES:
        assert trace not in text, trace
    assert PSEUDONYMS.pseudonym("erika-muster") in text
    assert "Vereinsnotiz" in text  # organisations keep their notes
    assert "tom@example.org" not in text and "Chorweg" not in text  # never, for anyone
    assert (TOM_NOTE in text) is show_names  # consent and --names: Tom's own note
    assert ("Tom Berg" in text) is show_names


def test_json_export_empties_the_fields_of_a_pseudonymised_person_and_its_ties(store, tmp_path):
    store.apply(changeset())
    (path,) = export_graph(store.graph(), tmp_path / "netz.json", "json", show_names=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    erika = PSEUDONYMS.pseudonym("erika-muster")
    (node,) = [n for n in data["nodes"] if n["id"] == erika]
    assert node["note"] == "" and node["street"] == ""
    assert "address" not in node and "contact" not in node
    (edge,) = [e for e in data["edges"] if erika in (e["source"], e["target"])]
    assert (edge["note"], edge["source_file"], edge["source_sheet"], edge["source_row"]) == (
        "",
        "",
        "",
        "",
    )
    (tom_edge,) = [e for e in data["edges"] if "tom-berg" in (e["source"], e["target"])]
    assert tom_edge["note"] == "Tom im Vorstand" and tom_edge["source_row"] == 3


def test_one_rule_decides_for_nodes():
    erika = {"natural_person": True, "consent": False}
    tom = {"natural_person": True, "consent": True}
    assert withheld_fields(erika, show_names=True) == withheld_fields(erika, show_names=False)
    assert "note" in withheld_fields(tom, show_names=False)
    assert "note" not in withheld_fields(tom, show_names=True)
    assert {"address", "contact", "street"} <= withheld_fields(tom, show_names=True)
    assert "street" not in withheld_fields({"natural_person": False}, show_names=False)


PERSONS = [
    {"id": "erika-muster", "name": "Erika Muster", "consent": False},
    {"id": "tom-berg", "name": "Tom Berg", "consent": True},
]


def test_query_rows_next_to_a_pseudonym_lose_notes_and_sources():
    rows = [
        {"from_id": "erika-muster", "to_id": "verein", "note": "Erika bringt Kuchen"},
        {"from_id": "tom-berg", "to_id": "verein", "note": "Tom im Vorstand"},
        {"from_id": "schule", "to_id": "verein", "note": "Schulfest", "partner_address": "X 1"},
        {
            "node": {
                "id": "erika-muster",
                "name": "Erika Muster",
                "note": "Kiosk",
                "contact": "0170",
            }
        },
    ]
    shared = shareable_rows(rows, PERSONS, show_names=True, pseudonymiser=PSEUDONYMS)
    erika = PSEUDONYMS.pseudonym("erika-muster")
    assert shared[0] == {"from_id": erika, "to_id": "verein", "note": ""}
    assert shared[1]["note"] == "Tom im Vorstand"  # consented, names asked for
    assert shared[2] == {"from_id": "schule", "to_id": "verein", "note": "Schulfest"}
    assert shared[3] == {"node": {"id": erika, "name": erika, "note": ""}}
    hidden = shareable_rows(rows[1:2], PERSONS, show_names=False, pseudonymiser=PSEUDONYMS)
    assert hidden[0]["note"] == "" and hidden[0]["from_id"] == PSEUDONYMS.pseudonym("tom-berg")


@pytest.mark.neo4j
@pytest.mark.parametrize("show_names", [False, True])
def test_named_query_results_carry_nothing_next_to_a_pseudonym(neo4j_uri, show_names):
    from click.testing import CliRunner

    from netzwerk.cli import cli
    from netzwerk.store.neo4j import Neo4jStore

    with Neo4jStore(neo4j_uri) as store:
        store.init()
        store.wipe()
        store.apply(changeset())
    arguments = ["--store", neo4j_uri, "query", "ties_ended_in_period", "--format", "json"]
    arguments += ["-p", "from=2022-12-01", "-p", "to=2022-12-31"]
    result = CliRunner().invoke(cli, arguments + (["--names"] if show_names else []))
    assert result.exit_code == 0, result.output
    for trace in ERIKA_TRACES:
        assert trace not in result.output, trace
    rows = {row["tie"]: row for row in json.loads(result.output)}
    erika = PSEUDONYMS.pseudonym("erika-muster")
    assert erika in (rows["cooperation"]["from_id"], rows["cooperation"]["to_id"])
    assert rows["cooperation"]["note"] == ""
    assert rows["membership"]["note"] == ("Tom im Vorstand" if show_names else "")
