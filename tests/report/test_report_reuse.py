"""What the report takes from elsewhere instead of computing it again is the same: the
cut-off actors and separate parts are the dependency analysis's own and equal what
networkx counts on the same view; the overview's counts from the store's census equal
those counted from the graph."""

from __future__ import annotations

import networkx as nx

from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report import figures
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
