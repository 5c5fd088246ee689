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

from netzwerk.analysis.changes import compare_views
from netzwerk.analysis.network_view import NetworkView
from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.performance import Stopwatch
from netzwerk.present.formats import check_language
from netzwerk.present.texts import text
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.analyses import run_analyses
from netzwerk.report.draw import draw_figures
from netzwerk.report.karte.write import report_map
from netzwerk.report.overview import summarise
from netzwerk.report.render import render_html, render_markdown, write_report
from netzwerk.report.sections import Context, Figure, Section, Table, build_sections
from netzwerk.report.single_figure import find_actor, plot_figure
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
    stopwatch.time(
        "analyses", lambda: run_analyses(ctx, stopwatch.timings, key_players=options.key_players)
    )
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
