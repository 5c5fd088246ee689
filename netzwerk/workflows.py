"""Whole jobs made of several layers, callable in one line from a notebook or the CLI."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import networkx as nx

from netzwerk.analysis.network_view import NetworkView
from netzwerk.ingest import read_files
from netzwerk.store import open_store
from netzwerk.store.base import ApplyResult, Store

PACKAGE_ROOT = Path(__file__).resolve().parent


def sample_data_path() -> Path:
    """The Wehringhausen sample workbook, installed with the package or in the repository."""
    for candidate in (
        PACKAGE_ROOT / "examples" / "wehringhausen" / "wehringhausen.xlsx",
        PACKAGE_ROOT.parent / "examples" / "wehringhausen" / "wehringhausen.xlsx",
    ):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("sample data examples/wehringhausen/wehringhausen.xlsx not found")


def load_sample_data(folder: Path) -> tuple[Path, ApplyResult, nx.MultiDiGraph]:
    """Load the sample data into a fresh embedded store ``folder/netzwerk.sqlite``.

    Returns the store path, what the load did and the store graph.
    """
    folder.mkdir(parents=True, exist_ok=True)
    store_path = folder / "netzwerk.sqlite"
    for stale in (store_path, Path(f"{store_path}-wal"), Path(f"{store_path}-shm")):
        stale.unlink(missing_ok=True)
    result = read_files([sample_data_path()])
    with open_store(str(store_path)) as store:
        store.init()
        applied = store.apply(result.changeset, files=[sample_data_path().name])
        graph = store.graph()
    return store_path, applied, graph


SAMPLE_COMPARE_DATE = date(2022, 6, 30)
"""Half a year before the QM consortium of the sample data ended (31.12.2022)."""


def write_store_report(
    store: Store,
    out_dir: Path,
    *,
    lang: str = "de",
    as_of: date | None = None,
    compare: date | None = None,
    show_names: bool = False,
    tie_kinds: Iterable[str] | None = None,
    weighted: bool = True,
    view: NetworkView | None = None,
) -> list[Path]:
    """Build the network report for everything in ``store`` and write it into ``out_dir``
    (report.html, report.md, figures, CSV tables). Returns the files written.

    ``view``: the `NetworkView` shown (default: today's; ``as_of``, ``tie_kinds`` and
    ``weighted`` build one when it is not given). One line from a notebook::

        with open_store("netzwerk.sqlite") as store:
            write_store_report(store, Path("bericht"), view=NetworkView(as_of=date(2024, 6, 30)))
    """
    from netzwerk.analysis.views import DEFAULT_TIE_KINDS
    from netzwerk.present.sources import ALL_RUNS
    from netzwerk.report.build import build_report, write_report

    report = build_report(
        store.graph(),
        view=view,
        lang=lang,
        as_of=as_of,
        compare=compare,
        show_names=show_names,
        ingest_log=store.ingest_log(limit=ALL_RUNS),  # each file once, from every run
        census=store.census(),
        tie_kinds=DEFAULT_TIE_KINDS if tie_kinds is None else tie_kinds,
        weighted=weighted,
    )
    return write_report(report, out_dir)


def sample_report(
    folder: Path,
    *,
    lang: str = "de",
    as_of: date | None = None,
    compare: date | None = SAMPLE_COMPARE_DATE,
) -> tuple[ApplyResult, list[Path]]:
    """Load the sample data into ``folder/netzwerk.sqlite`` and write the full report into
    ``folder`` (``folder/report.html``). Returns what the load did and the files written."""
    store_path, applied, _ = load_sample_data(folder)
    with open_store(str(store_path)) as store:
        files = write_store_report(store, folder, lang=lang, as_of=as_of, compare=compare)
    return applied, files


def write_store_map(
    store: Store,
    out: Path,
    *,
    lang: str = "de",
    view: NetworkView | None = None,
    show_names: bool = False,
    around: str | None = None,
    steps: int = 2,
    sector: str | None = None,
) -> Path:
    """Write the interactive map (one self-contained HTML file) of everything in ``store``
    to ``out``, with the report's figures for the same ``view``; ``around`` (an actor's
    id, pseudonym or name) with ``steps``, or ``sector`` (key or label), for a part only.
    One line from a notebook::

        with open_store("netzwerk.sqlite") as store:
            write_store_map(store, Path("karte.html"))
    """
    from netzwerk.analysis.views import DEFAULT_TIE_KINDS
    from netzwerk.model import SECTORS
    from netzwerk.present.names import find_actor
    from netzwerk.report.build import ReportOptions, compute
    from netzwerk.report.karte.part import map_part, require_fits_browser
    from netzwerk.report.karte.write import map_html, write_map

    options = ReportOptions(
        view=view,
        lang=lang,
        as_of=None,
        compare=None,
        show_names=show_names,
        ingest_log=(),
        tie_kinds=DEFAULT_TIE_KINDS,
        weighted=True,
        pseudonymiser=None,
        today=None,
        figures=False,
        interactive_map=False,
        key_players=False,
    )
    graph = store.graph()
    if around is None and sector is None:  # too large for one map: say so before analysing
        require_fits_browser((view or NetworkView()).actor_graph(graph), lang)
    computed = compute(graph, options)
    ctx = computed.context
    actor = (
        find_actor(around, ctx.view, "around", pseudonymiser=ctx.pseudonymiser) if around else None
    )
    sector_key = (SECTORS.parse(sector) or sector) if sector else None
    part = map_part(ctx.view, around=actor, steps=steps, sector=sector_key)
    return write_map(map_html(ctx, part), out)
