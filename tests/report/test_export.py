"""Exports keep distinct actors distinct: a pseudonym collision stops the export instead of
merging two persons into one node."""

from __future__ import annotations

import networkx as nx
import pytest
from click.testing import CliRunner

from netzwerk.cli import cli
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.export import EXPORT_FORMATS, ExportCollision, export_graph, shareable_graph

from .conftest import KEY


@pytest.fixture
def colliding(monkeypatch):
    """Every person gets the same pseudonym."""
    monkeypatch.setattr(Pseudonymiser, "pseudonym", lambda self, actor_id: "Person-AAAA-AAAA-AAAA")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_colliding_pseudonyms_stop_the_export_and_write_nothing(
    hostile_graph, colliding, tmp_path, fmt
):
    graph, _ = hostile_graph
    with pytest.raises(ExportCollision, match='dieselbe Kennung "Person-AAAA-AAAA-AAAA"'):
        export_graph(graph, tmp_path / "out" / f"netz.{fmt}", fmt)
    assert not (tmp_path / "out").exists()


def test_collision_message_does_not_name_the_persons(hostile_graph, colliding):
    graph, _ = hostile_graph
    with pytest.raises(ExportCollision) as raised:
        shareable_graph(graph, pseudonymiser=Pseudonymiser(KEY))
    message = str(raised.value)
    assert "erika" not in message.lower() and "max" not in message.lower()


def test_collision_with_an_organisation_id_is_caught_too(monkeypatch):
    graph = nx.MultiDiGraph()
    graph.add_node(
        "Person-AAAA-AAAA-AAAA", kind="actor", name="Seltsamer Verein", natural_person=False
    )
    graph.add_node("erika", kind="actor", name="Erika", natural_person=True)
    monkeypatch.setattr(Pseudonymiser, "pseudonym", lambda self, actor_id: "Person-AAAA-AAAA-AAAA")
    with pytest.raises(ExportCollision):
        shareable_graph(graph, pseudonymiser=Pseudonymiser(KEY))


def test_nodes_that_escaping_would_merge_stop_the_xml_export(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a\x07", kind="topic", name="Glocke")
    graph.add_node("a\\x07", kind="topic", name="Schon escaped")
    with pytest.raises(ExportCollision):
        export_graph(graph, tmp_path / "netz.gexf", "gexf")
    assert not (tmp_path / "netz.gexf").exists()


def test_distinct_persons_stay_distinct_nodes(hostile_graph):
    graph, _ = hostile_graph
    shared = shareable_graph(graph, pseudonymiser=Pseudonymiser(KEY))
    assert shared.number_of_nodes() == graph.number_of_nodes()
    assert shared.number_of_edges() == graph.number_of_edges()
    persons = [n for n, d in shared.nodes(data=True) if d.get("natural_person")]
    assert len(persons) == 2 and all(p.startswith("Person-") for p in persons)


def test_cli_export_with_colliding_pseudonyms_fails_as_a_bug(hostile_graph, colliding, tmp_path):
    store = tmp_path / "hostile.sqlite"  # where the hostile_graph fixture loaded its store
    result = CliRunner().invoke(
        cli, ["--store", str(store), "export", "--out", str(tmp_path / "out" / "netz.gexf")]
    )
    assert isinstance(result.exception, ExportCollision)
    assert not (tmp_path / "out").exists()
