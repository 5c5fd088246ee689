"""What the report takes from elsewhere instead of computing it again is the same: the
cut-off actors and separate parts are the dependency analysis's own and equal what
networkx counts on the same view; the overview's counts from the store's census equal
those counted from the graph. Every analysis the report runs beside the betweenness runs
equals the same analysis run alone."""

from __future__ import annotations

import networkx as nx

from netzwerk.analysis import betweenness
from netzwerk.analysis.brokers import broker_analysis, coordinator_dependency, key_players
from netzwerk.analysis.contacts import dormant_ties
from netzwerk.analysis.funding import funding_outlook
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report import figures
from netzwerk.report.analyses import funding_horizon, key_player_restarts
from netzwerk.report.build import ReportOptions, compute
from netzwerk.store import open_store
from tests.report.conftest import AS_OF, KEY


def _options(**changed) -> ReportOptions:
    fields = {
        "view": None,
        "lang": "de",
        "as_of": AS_OF,
        "compare": None,
        "show_names": False,
        "ingest_log": (),
        "tie_kinds": DEFAULT_TIE_KINDS,
        "weighted": True,
        "pseudonymiser": Pseudonymiser(KEY),
        "today": AS_OF,
        "figures": False,
        "interactive_map": False,
        "key_players": False,
    }
    return ReportOptions(**{**fields, **changed})


def test_cut_off_and_parts_agree_with_networkx(sample):
    ctx = compute(sample["graph"], _options()).context
    view, coordinators = ctx.view, ctx.coordinators
    assert coordinators and ctx.results.dependency is not None
    rest = view.subgraph([n for n in view if n not in set(coordinators)])
    assert ctx.results.components == (
        nx.number_connected_components(view),
        nx.number_connected_components(rest),
    )
    assert ctx.results.cut_off == figures.cut_off_actors(view, coordinators)
    assert ctx.results.cut_off == ctx.results.dependency["cut_off"] != []


def test_without_a_coordinator_nothing_is_cut_off(sample):
    graph = sample["graph"].copy()
    for _, data in graph.nodes(data=True):
        data.pop("coordinator", None)
    ctx = compute(graph, _options()).context
    assert ctx.results.dependency is None
    assert ctx.results.cut_off == []
    parts = nx.number_connected_components(ctx.view)
    assert ctx.results.components == (parts, parts)


def test_overview_from_the_store_census_equals_the_graph_count(sample):
    with open_store(str(sample["store"])) as store:
        census = store.census()
    counted = compute(sample["graph"], _options()).context.results.summary
    given = compute(sample["graph"], _options(census=census)).context.results.summary
    assert given == counted
    assert counted["nodes"]["Akteur"] > 100


def test_every_analysis_equals_the_same_analysis_run_alone(sample, monkeypatch):
    """Betweenness sampled in worker processes (limits lowered), in the report's second
    thread while the others run: each result is the one its function gives alone, in
    order, outside the report (so with arrays of its own)."""
    monkeypatch.setattr(betweenness, "EXACT_LIMIT", 50)
    monkeypatch.setattr(betweenness, "SCIPY_FROM", 0)
    monkeypatch.setattr(betweenness, "PARALLEL_WORK", 1)
    monkeypatch.setattr(betweenness, "DEFAULT_SAMPLE", 64)
    store_graph = sample["graph"]
    ctx = compute(store_graph, _options(key_players=True)).context
    view, results, spec, day = ctx.view, ctx.results, ctx.network_view, ctx.day
    alone = broker_analysis(view, spec.by)
    assert alone.betweenness.batches is not None  # sampled, as intended
    assert results.brokers == alone.rows
    assert results.dependency == coordinator_dependency(
        view, ctx.coordinators, by=spec.by, intact=alone.betweenness
    )
    assert results.key_players == key_players(view, 5, seed=42, restarts=key_player_restarts(view))
    assert results.gaps == gaps_report(view, spec.by, permutations=1000, seed=42)
    introductions = suggest_introductions(view, store_graph, by=spec.by, top=12, as_of=day, seed=42)
    assert results.introductions == introductions
    assert results.funding == funding_outlook(
        store_graph, spec, funding_horizon(day), before=view, intact=alone.betweenness
    )
    assert results.contacts == dormant_ties(
        store_graph,
        view=spec,
        graph=view,
        broker_values=dict(alone.betweenness.values),
        introductions=introductions,
        top=10_000,
    )
