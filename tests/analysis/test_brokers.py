"""The broker table: exact columns, order, options and the measures behind it."""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
import pytest

from netzwerk.analysis import betweenness as betweenness_module
from netzwerk.analysis.brokers import (
    SAMPLED_COLUMNS,
    TABLE_COLUMNS,
    broker_analysis,
    broker_table,
    cut_points,
)
from netzwerk.analysis.gould_fernandez import brokerage_roles
from netzwerk.analysis.structural_holes import structural_holes
from netzwerk.analysis.views import actor_view
from netzwerk.errors import ConfigError
from netzwerk.present.tables import to_json


def star_of_groups() -> nx.Graph:
    """Broker b (group x) tied to x1, x2 (x), y1, y2 (y), z1 (z): 20 open ordered pairs."""
    graph = nx.star_graph(["b", "x1", "x2", "y1", "y2", "z1"])
    nx.set_node_attributes(graph, {n: n[0] for n in graph}, "sector")
    return graph


def florentine() -> nx.Graph:
    graph = nx.florentine_families_graph()
    graph.add_node("Isolated")
    nx.set_node_attributes(graph, {n: "house" for n in graph}, "sector")
    nx.set_node_attributes(graph, {n: n.upper() for n in graph}, "name")
    return graph


def test_rows_have_exactly_the_table_columns():
    rows = broker_table(florentine())
    assert all(tuple(row) == TABLE_COLUMNS for row in rows)
    assert TABLE_COLUMNS == (
        "id",
        "name",
        "sector",
        "betweenness",
        "constraint",
        "effective_size",
        "efficiency",
        "hierarchy",
        "coordinator",
        "itinerant",
        "gatekeeper",
        "representative",
        "liaison",
        "brokerage_total",
        "cut_point",
    )


def test_medici_lead_the_table():
    rows = broker_table(florentine(), weighted=False)
    assert rows[0]["id"] == "Medici" and rows[0]["name"] == "MEDICI"
    assert rows[0]["betweenness"] == pytest.approx(0.522 * (14 * 13) / (15 * 14), abs=1e-3)
    betweenness = [row["betweenness"] for row in rows]
    assert betweenness == sorted(betweenness, reverse=True)


def test_table_values_are_the_measures():
    graph = florentine()
    rows = {row["id"]: row for row in broker_table(graph, weighted=False)}
    holes = structural_holes(graph, weight=None)
    roles = {a.id: a.counts for a in brokerage_roles(graph).actors}
    cuts = set(cut_points(graph))
    reference = nx.betweenness_centrality(graph)
    for node, row in rows.items():
        assert row["betweenness"] == pytest.approx(reference[node], abs=1e-12)
        assert row["constraint"] == holes[node].constraint
        assert row["hierarchy"] == holes[node].hierarchy
        assert row["coordinator"] == roles[node]["coordinator"]
        assert row["brokerage_total"] == roles[node]["total"]
        assert row["cut_point"] == (node in cuts)


def test_isolates_have_none_not_nan():
    row = next(r for r in broker_table(florentine()) if r["id"] == "Isolated")
    assert (row["constraint"], row["effective_size"], row["efficiency"], row["hierarchy"]) == (
        None,
        None,
        None,
        None,
    )
    assert json.loads(to_json(broker_table(florentine())))  # plain JSON, no NaN


def test_top_keeps_the_strongest_brokers():
    rows = broker_table(florentine(), top=3)
    assert len(rows) == 3 and rows[0]["id"] == "Medici"


def test_roles_by_another_attribute():
    graph = star_of_groups()
    nx.set_node_attributes(graph, "same", "type")
    row = broker_table(graph, by="type")[0]
    assert row["id"] == "b" and row["coordinator"] == row["brokerage_total"] == 20
    by_sector = broker_table(graph)[0]  # b is alone in its sector "b"
    assert (by_sector["itinerant"], by_sector["liaison"]) == (4, 16)
    assert row["sector"] == "b"


def test_unknown_attribute_is_a_config_error():
    with pytest.raises(ConfigError, match="colour"):
        broker_table(florentine(), by="colour")


def test_weighted_and_unweighted_differ_where_strengths_matter():
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=4.0, distance=0.25)
    graph.add_edge("b", "c", weight=4.0, distance=0.25)
    graph.add_edge("a", "c", weight=1.0, distance=1.0)
    graph.add_edge("c", "d", weight=1.0, distance=1.0)
    nx.set_node_attributes(graph, "social", "sector")
    weighted = {r["id"]: r for r in broker_table(graph)}
    unweighted = {r["id"]: r for r in broker_table(graph, weighted=False)}
    assert weighted["b"]["betweenness"] > 0 and unweighted["b"]["betweenness"] == 0
    assert weighted["a"]["constraint"] != unweighted["a"]["constraint"]


def test_constraint_model_option():
    graph = nx.Graph([(0, 1), (0, 2), (1, 2), (1, 3)])
    nx.set_node_attributes(graph, "x", "sector")
    ego = {r["id"]: r for r in broker_table(graph, constraint_model="ego")}
    whole = {r["id"]: r for r in broker_table(graph)}
    assert ego[0]["constraint"] == pytest.approx(1.125)
    assert whole[0]["constraint"] == pytest.approx(1.0069, abs=1e-4)


def test_options_show_the_view_and_the_method():
    store = nx.MultiDiGraph()
    for key in "abc":
        store.add_node(key, kind="actor", name=key, sector="social")
    store.add_edge("a", "b", kind="cooperation", weight=1.0)
    store.add_edge("b", "c", kind="membership", weight=2.0)
    view = actor_view(store, tie_kinds=["cooperation", "membership"], as_of_date=date(2024, 6, 30))
    options = broker_analysis(view).options
    assert options["tie_kinds"] == ["cooperation", "membership"]
    assert options["as_of"] == "2024-06-30"
    assert options["weighted"] is True and options["by"] == "sector"
    assert options["constraint_model"] == "whole"
    assert options["betweenness"] == "exact" and options["betweenness_sources"] == 3
    assert json.loads(to_json(broker_analysis(view).as_dict()))["options"] == options


def test_sampling_is_reported(monkeypatch):
    graph = nx.gnp_random_graph(80, 0.08, seed=2)
    nx.set_node_attributes(graph, "x", "sector")
    monkeypatch.setattr(betweenness_module, "EXACT_LIMIT", 50)
    monkeypatch.setattr(betweenness_module, "DEFAULT_SAMPLE", 20)
    analysis = broker_analysis(graph)
    assert analysis.options["betweenness"] == "sampled"
    assert analysis.options["betweenness_sources"] == 20
    assert analysis.options["betweenness_seed"] == 42
    errors = [row["betweenness_error_95"] for row in analysis.rows]
    assert all(tuple(row) == SAMPLED_COLUMNS for row in analysis.rows)
    assert analysis.options["betweenness_max_error_95"] == max(errors) > 0
    assert set(analysis.timings) >= {"betweenness", "structural_holes", "brokerage"}
