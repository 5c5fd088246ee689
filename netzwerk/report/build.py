"""The network report: `build_report` computes it, `write_report` writes it.

`build_report` turns a store graph into a `Report`: plain data (sections with texts,
tables and rendered figures), in German or English, with natural persons pseudonymised.
It takes two steps: `compute` (the actor view, the analyses and the figures, in a
`Computed` whose context holds typed `Results`) and `assemble` (the sections, in the order
of `netzwerk.report.sections.SECTIONS`). `write_report` writes it into a folder:

- ``report.html``: one self-contained file (figures inline as PNG data URIs, styles inline,
  no scripts, fonts or external links; a Content-Security-Policy forbids loading anything),
  laid out for A4 printing;
- ``report.md`` with its figures in ``figures/*.png``;
- every table as CSV (``brokers.csv``, ``introductions.csv``, ``unreached.csv``,
  ``mixing.csv``, …), formula cells neutralised.

Every file is written atomically and only inside the output folder. One figure on its own
(`plot_figure`, `find_actor`) lives in `netzwerk.report.single_figure` and is importable
from here as before.

Example (in a notebook)::

    from netzwerk.report.build import build_report, write_report
    report = build_report(graph, view=NetworkView(as_of=date(2024, 6, 30)))
    write_report(report, Path("bericht"))

The report shows one `NetworkView` (default: today), the same as every command with the
same options; its one line stands in the box at the top and in ``netzwerksicht.txt``
beside the CSV files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from netzwerk.analysis.brokers import broker_analysis, coordinator_dependency
from netzwerk.analysis.brokers import key_players as search_key_players
from netzwerk.analysis.changes import compare_views
from netzwerk.analysis.committee import committee_seats, main_committee
from netzwerk.analysis.contacts import dormant_ties
from netzwerk.analysis.dependency import coordinator_connectivity
from netzwerk.analysis.funding import funding_outlook
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.keyplayers import RESTARTS
from netzwerk.analysis.network_view import NetworkView
from netzwerk.analysis.reuse import arrays_reused
from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.performance import Stopwatch
from netzwerk.present.formats import check_language
from netzwerk.present.texts import text
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.draw import draw_figures
from netzwerk.report.karte.write import report_map
from netzwerk.report.overview import summarise
from netzwerk.report.render import render_html, render_markdown, write_report
from netzwerk.report.sections import Context, Figure, Section, Table, build_sections
from netzwerk.report.sections.contacts import IN_CSV as DORMANT_TIES_IN_CSV
from netzwerk.report.single_figure import find_actor, map_marks, plot_figure
from netzwerk.store.census import Census

__all__ = [
    "Report",
    "ReportOptions",
    "assemble",
    "build_report",
    "compute",
    "find_actor",
    "plot_figure",
    "render_html",
    "render_markdown",
    "write_report",
]

KEY_PLAYERS = 5
KEY_PLAYER_WORK = 10_000_000
"""(actors + ties) × starts of the key-player search the report allows: 10 random restarts
up to about 900,000 actors + ties (each start costs some component searches over the whole
network), fewer above, none above 5,000,000 (then only the greedy start: 1,000,000 actors
with 5,000,000 ties took 261 s with one random restart)."""
INTRODUCTIONS = 12
PERMUTATIONS = 1000
SEED = 42


@dataclass
class Report:
    """A finished report: sections of plain data plus what it was built from."""

    lang: str
    title: str
    subtitle: str
    as_of: date
    compare: date | None
    generated: date
    show_names: bool
    privacy_note: str
    view_line: str
    sections: list[Section]
    all_periods: bool = False
    """The view spans every period (``--alle-zeitraeume``): the header says so, not a day."""
    timings: dict[str, float] = field(default_factory=dict)
    map_page: str | None = None
    """The interactive map (``karte.html``), None when there is none."""

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    @property
    def figures(self) -> list[Figure]:
        return [figure for section in self.sections for figure in section.figures]


def build_report(
    store_graph: nx.MultiDiGraph,
    *,
    view: NetworkView | None = None,
    lang: str = "de",
    as_of: date | None = None,
    compare: date | None = None,
    show_names: bool = False,
    ingest_log: Sequence[Mapping] = (),
    census: Census | None = None,
    tie_kinds: Iterable[str] = DEFAULT_TIE_KINDS,
    weighted: bool = True,
    pseudonymiser: Pseudonymiser | None = None,
    today: date | None = None,
) -> Report:
    """Compute the whole network report for the store graph (`compute`, then `assemble`).

    Parameters
    ----------
    store_graph : networkx.MultiDiGraph
        `Store.graph()` (all dates; the report picks the day itself).
    view : the `NetworkView` shown (default: today's, with ``as_of``, ``tie_kinds`` and
        ``weighted`` if given; these three are ignored when ``view`` is given).
    lang : 'de' (default) or 'en'.
    as_of : day the network is shown for (default: today).
    compare : earlier day; adds the section on what changed since then.
    show_names : show consenting persons by name (everyone else stays pseudonymised).
    ingest_log : `Store.ingest_log()`, for the data sources in the overview.
    census : `Store.census()`, for the counts in the overview (default: counted from
        ``store_graph``, the same numbers by the stores' contract, but slower: 20-30 s at
        1,000,000 actors).
    tie_kinds, weighted : how the actor view is built (see `actor_view`).
    pseudonymiser : default `Pseudonymiser()` with the key outside the outputs.
    today : the generation date printed on the report (default: today).
    """
    check_language(lang)
    options = ReportOptions(
        view=view,
        lang=lang,
        as_of=as_of,
        compare=compare,
        show_names=show_names,
        ingest_log=ingest_log,
        census=census,
        tie_kinds=tuple(tie_kinds),
        weighted=weighted,
        pseudonymiser=pseudonymiser,
        today=today,
    )
    computed = compute(store_graph, options)
    return assemble(computed)


@dataclass(frozen=True, kw_only=True)
class ReportOptions:
    """What `build_report` was asked for, handed to `compute` in one piece (the fields and
    their defaults are `build_report`'s keyword parameters)."""

    view: NetworkView | None
    lang: str
    as_of: date | None
    compare: date | None
    show_names: bool
    ingest_log: Sequence[Mapping]
    census: Census | None = None
    """The store's census for the overview (None: counted from the store graph)."""
    tie_kinds: tuple[str, ...]
    weighted: bool
    pseudonymiser: Pseudonymiser | None
    today: date | None
    figures: bool = True
    """Draw the report's figures (the interactive map alone needs only the analyses)."""
    interactive_map: bool = True
    """Build the interactive map (``karte.html``) as well, if a browser can hold it."""
    key_players: bool = True
    """Search the key players (the map alone does not show them)."""


@dataclass
class Computed:
    """What `compute` found for one report, ready for `assemble`.

    ``context`` is shared by all sections; its typed ``results`` hold the analyses, figures
    and data summary. ``compare`` is the comparison day (None: none), ``generated`` the day
    printed on the report, ``timings`` the seconds each step took.
    """

    context: Context
    compare: date | None
    generated: date
    timings: dict[str, float] = field(default_factory=dict)


def compute(store_graph: nx.MultiDiGraph, options: ReportOptions) -> Computed:
    """Everything the report shows, computed: the actor view, the analyses, the figures,
    the data summary and (with ``options.compare``) the changes."""
    stopwatch = Stopwatch()
    today = options.today or date.today()
    spec = options.view or NetworkView(
        as_of=options.as_of or today, tie_kinds=options.tie_kinds, weighted=options.weighted
    )
    day, lang = spec.as_of or today, options.lang
    view = spec.actor_graph(store_graph)
    ctx = Context(
        store_graph=store_graph,
        view=view,
        lang=lang,
        day=day,
        show_names=options.show_names,
        pseudonymiser=options.pseudonymiser or Pseudonymiser(),
        network_view=spec,
        coordinators=spec.coordinator_ids(view),
    )
    stopwatch.lap("view")
    with arrays_reused(view):  # nothing below changes the view
        _analyse(ctx, stopwatch, key_players=options.key_players)
        _verstetigung(ctx, stopwatch)
    if options.figures:
        draw_figures(ctx, stopwatch)
    if options.interactive_map:
        ctx.results.map_page, ctx.results.map_note = report_map(ctx)
        stopwatch.lap("interactive_map")
    ctx.results.summary = summarise(
        options.census if options.census is not None else store_graph, lang
    )
    ctx.results.ingest_log = options.ingest_log
    stopwatch.lap("summary")
    if options.compare is not None:
        ctx.results.changes = compare_views(store_graph, options.compare, day, view=spec)
        stopwatch.lap("changes")
    return Computed(
        context=ctx, compare=options.compare, generated=today, timings=stopwatch.wall_timings()
    )


def _analyse(ctx: Context, stopwatch: Stopwatch, *, key_players: bool = True) -> None:
    """Brokers, dependency on the coordinators, key players, gaps and introductions, all on
    the one view (introductions on the same ties as the gaps they cite)."""
    view, results, weighted, by = ctx.view, ctx.results, ctx.weighted, ctx.network_view.by
    has_sectors = any(d.get(by) for _, d in view.nodes(data=True))
    # (a view without any tie has no brokers to show: no table, no dependency section)
    analysis = (
        broker_analysis(view, by, weighted=weighted)
        if has_sectors and view.number_of_edges()
        else None
    )
    rows = analysis.rows if analysis else []
    results.brokers = rows
    results.betweenness = analysis.betweenness if analysis else None
    results.cut_points, results.map_brokers = map_marks(rows)
    stopwatch.lap("brokers")
    if ctx.coordinators and len(view) > len(ctx.coordinators) and rows:
        results.dependency = coordinator_dependency(
            view,
            ctx.coordinators,
            by=by,
            weighted=weighted,
            intact=analysis.betweenness if analysis else None,
        )
    stopwatch.lap("dependency")
    if key_players and view.number_of_nodes() > KEY_PLAYERS + 1 and view.number_of_edges():
        results.key_players = search_key_players(
            view, KEY_PLAYERS, seed=SEED, restarts=key_player_restarts(view)
        )
    stopwatch.lap("key_players")
    results.gaps = gaps_report(view, by, permutations=PERMUTATIONS, seed=SEED)
    results.permutations, results.seed = PERMUTATIONS, SEED
    stopwatch.lap("gaps")
    results.introductions = suggest_introductions(
        view, ctx.store_graph, by=by, top=INTRODUCTIONS, as_of=ctx.day, seed=SEED
    )
    stopwatch.lap("introductions")
    # the dependency result holds the same connectivity: computed once (at 1,000,000 actors
    # the two component searches cost 30-50 s)
    found = results.dependency or (
        coordinator_connectivity(view, [c for c in ctx.coordinators if c in view])
        if len(view)
        else None
    )
    results.cut_off = list(found["cut_off"]) if found else []
    results.components = (
        (found["components_before"], found["components_after"]) if found else (0, 0)
    )
    stopwatch.lap("cut_off")


def _verstetigung(ctx: Context, stopwatch: Stopwatch) -> None:
    """Funding, the committee's seats and dormant ties (with an as-of day) on the view."""
    store_graph, spec, view, day = ctx.store_graph, ctx.network_view, ctx.view, ctx.day
    ctx.results.funding = funding_outlook(
        store_graph, spec, funding_horizon(day), before=view, intact=ctx.results.betweenness
    )
    stopwatch.lap("funding")
    committee = main_committee(store_graph, view, ctx.coordinators, spec.as_of)
    if committee is not None:
        ctx.results.committee = committee_seats(store_graph, committee, view=spec, graph=view)
    stopwatch.lap("committee")
    if spec.as_of is not None:
        ctx.results.contacts = dormant_ties(
            store_graph,
            view=spec,
            graph=view,
            broker_values=_broker_values(ctx),
            introductions=ctx.results.introductions,
            top=DORMANT_TIES_IN_CSV,
        )
    stopwatch.lap("contacts")


def _broker_values(ctx: Context) -> dict | None:
    """The broker table's betweenness per actor (None: no table)."""
    found = ctx.results.betweenness
    return dict(found.values) if found is not None else None


def funding_horizon(day: date) -> date:
    """The report's funding scenario looks at funding that ends by the end of the next
    calendar year (the usual horizon of a funding application).

    >>> funding_horizon(date(2026, 12, 3))
    datetime.date(2027, 12, 31)
    """
    return date(day.year + 1, 12, 31)


def key_player_restarts(view: nx.Graph) -> int:
    """Random restarts of the report's key-player search: `keyplayers.RESTARTS`, fewer where
    the network is so large that they would exceed `KEY_PLAYER_WORK`, none at all above
    5,000,000 actors + ties (the greedy start stays; `key_players` says how many restarts
    it made).

    >>> key_player_restarts(nx.path_graph(100)), key_player_restarts(nx.empty_graph(6_000_000))
    (10, 0)
    """
    size = view.number_of_nodes() + view.number_of_edges()
    return max(0, min(RESTARTS, KEY_PLAYER_WORK // max(size, 1) - 1))


def assemble(computed: Computed) -> Report:
    """The `Report` from what `compute` found: its sections (`sections.build_sections`),
    title, subtitle naming the coordinators and privacy note."""
    ctx, lang = computed.context, computed.context.lang
    stopwatch = Stopwatch()
    built = build_sections(ctx)
    stopwatch.lap("sections")
    coordinator_names = [ctx.name(c) for c in ctx.coordinators]
    subtitle = (
        text("report.subtitle", lang, coordinators=", ".join(coordinator_names))
        if coordinator_names
        else text("report.subtitle_plain", lang)
    )
    return Report(
        lang=lang,
        title=text("report.title", lang),
        subtitle=subtitle,
        as_of=ctx.day,
        compare=computed.compare,
        generated=computed.generated,
        show_names=ctx.show_names,
        privacy_note=text(
            "report.privacy_names" if ctx.show_names else "report.privacy_pseudonyms", lang
        ),
        view_line=ctx.view_line(),
        sections=built,
        all_periods=ctx.network_view.as_of is None,
        timings={**computed.timings, **stopwatch.wall_timings()},
        map_page=ctx.results.map_page,
    )
