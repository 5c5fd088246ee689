"""The report's analyses of one view, the betweenness runs beside the rest.

`run_analyses` computes what `netzwerk.report.build.compute` shows: brokers, dependency on
the coordinators, key players, gaps, introductions, funding, the committee's seats and
dormant ties, into ``ctx.results``.

The two sampled betweenness runs (the broker table's, and the dependency's network
without the coordinators) do their work in worker processes, and this process waits for
them with a core to spare. So they run in a second thread, and meanwhile this thread
computes what needs no betweenness: key players, gaps, introductions and the committee;
then funding and dormant ties, which need the broker table's betweenness, while the
dependency still runs. At 1,000,000 actors these analyses took 730 s one after the other
and 511 s side by side (the whole report: 967 s → 720 s, the same files).

The results are the same in any order: every analysis reads the unchanged view (its
array forms built once, `arrays_reused`) and draws from its own seed. Each step's seconds
(wall, and CPU of its own thread) go into ``timings``; steps in the two threads overlap.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import TypeVar

import networkx as nx

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis.brokers import BrokerAnalysis, broker_analysis, coordinator_dependency
from netzwerk.analysis.brokers import key_players as search_key_players
from netzwerk.analysis.committee import committee_seats, main_committee
from netzwerk.analysis.contacts import dormant_ties
from netzwerk.analysis.dependency import coordinator_connectivity
from netzwerk.analysis.funding import funding_outlook
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.keyplayers import RESTARTS
from netzwerk.analysis.reuse import arrays_reused
from netzwerk.report.sections import Context
from netzwerk.report.sections.contacts import IN_CSV as DORMANT_TIES_IN_CSV
from netzwerk.report.single_figure import map_marks

T = TypeVar("T")

KEY_PLAYERS = 5
KEY_PLAYER_WORK = 8_000_000
"""(actors + ties of the view) × starts of the key-player search the report allows: 10
random restarts up to about 700,000 actors + ties (each start costs some component searches
over the whole network), fewer above, none above 4,000,000 (then only the greedy start).
A city of 1,000,000 actors whose 5,000,000 stored ties make 3,500,000 ties in the view
gets no restart: one random restart cost it about 140 s of CPU."""
INTRODUCTIONS = 12
PERMUTATIONS = 1000
SEED = 42

Timings = dict[str, tuple[float, float]]


def run_analyses(ctx: Context, timings: Timings, *, key_players: bool = True) -> None:
    """Every analysis of the report on ``ctx.view`` into ``ctx.results`` (see the module)."""
    view = ctx.view
    with arrays_reused(view):  # nothing below changes the view
        if view.number_of_edges():
            timed(timings, "arrays", lambda: graph_arrays(view, *_forms(ctx.weighted)))
        with ThreadPoolExecutor(1, thread_name_prefix="netzwerk-betweenness") as beside:
            brokers = beside.submit(timed, timings, "brokers", lambda: _brokers(ctx))
            dependency = beside.submit(timed, timings, "dependency", lambda: _dependency(ctx))
            try:
                _without_betweenness(ctx, timings, key_players)
                brokers.result()
                _with_betweenness(ctx, timings)
                dependency.result()
            finally:
                dependency.cancel()
    timed(timings, "cut_off", lambda: _cut_off(ctx))


def timed(timings: Timings, step: str, work: Callable[[], T]) -> T:
    """Run ``work``; record its wall seconds and its thread's CPU seconds under ``step``."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = work()
    timings[step] = (time.perf_counter() - wall, time.thread_time() - cpu)
    return result


def _forms(weighted: bool) -> tuple[str | None, str | None]:
    """The array form the broker table asks for (every lighter form derives from it)."""
    return ("weight", "distance") if weighted else (None, None)


def _brokers(ctx: Context) -> BrokerAnalysis | None:
    """The broker table (none for a view without sectors or ties)."""
    view, results, by = ctx.view, ctx.results, ctx.network_view.by
    has_sectors = any(data.get(by) for _, data in view.nodes(data=True))
    analysis = (
        broker_analysis(view, by, weighted=ctx.weighted)
        if has_sectors and view.number_of_edges()
        else None
    )
    results.brokers = analysis.rows if analysis else []
    results.betweenness = analysis.betweenness if analysis else None
    results.cut_points, results.map_brokers = map_marks(results.brokers)
    return analysis


def _dependency(ctx: Context) -> None:
    """Dependency on the coordinators, on the broker table's sources (after `_brokers`)."""
    view, results = ctx.view, ctx.results
    if ctx.coordinators and len(view) > len(ctx.coordinators) and results.brokers:
        results.dependency = coordinator_dependency(
            view,
            ctx.coordinators,
            by=ctx.network_view.by,
            weighted=ctx.weighted,
            intact=results.betweenness,
        )


def _without_betweenness(ctx: Context, timings: Timings, key_players: bool) -> None:
    """Key players, gaps, introductions (on the same ties as the gaps they cite) and the
    committee's seats."""
    view, results, by = ctx.view, ctx.results, ctx.network_view.by
    if key_players and view.number_of_nodes() > KEY_PLAYERS + 1 and view.number_of_edges():
        results.key_players = timed(
            timings,
            "key_players",
            lambda: search_key_players(
                view, KEY_PLAYERS, seed=SEED, restarts=key_player_restarts(view)
            ),
        )
    results.gaps = timed(
        timings, "gaps", lambda: gaps_report(view, by, permutations=PERMUTATIONS, seed=SEED)
    )
    results.permutations, results.seed = PERMUTATIONS, SEED
    results.introductions = timed(
        timings,
        "introductions",
        lambda: suggest_introductions(
            view, ctx.store_graph, by=by, top=INTRODUCTIONS, as_of=ctx.day, seed=SEED
        ),
    )
    committee = main_committee(ctx.store_graph, view, ctx.coordinators, ctx.network_view.as_of)
    if committee is not None:
        results.committee = timed(
            timings,
            "committee",
            lambda: committee_seats(ctx.store_graph, committee, view=ctx.network_view, graph=view),
        )


def _with_betweenness(ctx: Context, timings: Timings) -> None:
    """Funding and dormant ties, which weigh actors by the broker table's betweenness."""
    store_graph, spec, view, results = ctx.store_graph, ctx.network_view, ctx.view, ctx.results
    results.funding = timed(
        timings,
        "funding",
        lambda: funding_outlook(
            store_graph, spec, funding_horizon(ctx.day), before=view, intact=results.betweenness
        ),
    )
    if spec.as_of is None:
        return
    broker_values = dict(results.betweenness.values) if results.betweenness is not None else None
    results.contacts = timed(
        timings,
        "contacts",
        lambda: dormant_ties(
            store_graph,
            view=spec,
            graph=view,
            broker_values=broker_values,
            introductions=results.introductions,
            top=DORMANT_TIES_IN_CSV,
        ),
    )


def _cut_off(ctx: Context) -> None:
    """Actors cut off without the coordinators and the number of parts with and without
    them: from the dependency result, which holds them (at 1,000,000 actors the two
    component searches cost 30-50 s), else searched."""
    view, results = ctx.view, ctx.results
    found = results.dependency or (
        coordinator_connectivity(view, [c for c in ctx.coordinators if c in view])
        if len(view)
        else None
    )
    results.cut_off = list(found["cut_off"]) if found else []
    results.components = (
        (found["components_before"], found["components_after"]) if found else (0, 0)
    )


def funding_horizon(day: date) -> date:
    """The report's funding scenario looks at funding that ends by the end of the next
    calendar year (the usual horizon of a funding application).

    >>> funding_horizon(date(2026, 12, 3))
    datetime.date(2027, 12, 31)
    """
    return date(day.year + 1, 12, 31)


def key_player_restarts(view: nx.Graph) -> int:
    """Random restarts of the report's key-player search on ``view`` (see `restarts_for`)."""
    return restarts_for(view.number_of_nodes() + view.number_of_edges())


def restarts_for(size: int) -> int:
    """Random restarts for a view of ``size`` actors + ties: `keyplayers.RESTARTS`, fewer
    where they would exceed `KEY_PLAYER_WORK`, none above 4,000,000 (the greedy start
    stays; `key_players` says how many restarts it made).

    >>> restarts_for(600_000), restarts_for(1_000_000), restarts_for(4_507_192)
    (10, 7, 0)
    """
    return max(0, min(RESTARTS, KEY_PLAYER_WORK // max(size, 1) - 1))
