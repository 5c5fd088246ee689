"""Commands for looking at what is in the store: status (counts and last ingests) and
export (the network as a file for Gephi and other tools)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from netzwerk.cli.arguments import format_option, lang_option, names_option, period_option_flags
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.cli.output import Printout, Section, emit
from netzwerk.present.conflicts import conflict_rows
from netzwerk.present.formats import default_language, format_cell, parse_iso_day, parse_iso_time
from netzwerk.present.sources import ALL_RUNS, data_sources
from netzwerk.present.texts import text
from netzwerk.present.view_line import period_line
from netzwerk.report.export import EXPORT_FORMATS, export_graph
from netzwerk.report.overview import summarise
from netzwerk.store import Store, TieStatements

if TYPE_CHECKING:
    from netzwerk.analysis.network_view import NetworkView


@cli.command()
@format_option
@lang_option
@click.pass_context
def status(ctx: click.Context, fmt: str, out_file: Path | None, lang: str) -> None:
    """What is in the store: counts by kind, type and sector, date range, last ingests."""
    with store_from(ctx) as store:
        summary = summarise(store.census(), lang)
        log = store.ingest_log(limit=ALL_RUNS)
        summary["ingests"] = log[:5]
        summary["sources"] = data_sources(log)
        summary["store"] = store.describe(lang)
        summary["contested"] = _contested(store, lang)
    if fmt == "json":
        emit(summary, "json")
        return
    emit(status_printout(summary, lang), fmt)


def status_printout(summary: dict, lang: str) -> Printout:
    """The counts as tables (one per kind of count, labels in ``lang``), the store, period
    and persons as the lines above them."""
    first, last = (parse_iso_day(summary[key]) for key in ("first_date", "last_date"))
    lines = [
        text("status.store", lang, store=summary["store"]),
        text(
            "status.period",
            lang,
            first=format_cell(first, lang) or "–",
            last=format_cell(last, lang) or "–",
        ),
        text(
            "status.persons",
            lang,
            persons=summary["persons"],
            consented=summary["persons_with_consent"],
        ),
    ]
    sections = [
        Section(
            [{"label": label, "count": n} for label, n in summary[key].items()],
            ["label", "count"],
            heading=text(f"status.{key}", lang),
        )
        for key in ("nodes", "actor_types", "sectors", "ties")
    ]
    ingests = [
        {
            "run": r["run_id"],
            "time": parse_iso_time(r["started"]),
            "files": r["files"] or _run_kind(r.get("source", ""), lang),
            "new": sum(r["created"].values()),
            "changed": sum(r["updated"].values()),
        }
        for r in summary["ingests"]
    ]
    sections.append(Section(ingests, heading=text("status.ingests", lang)))
    sources = [
        {
            "file": source["file"],
            "last": parse_iso_day(str(source["last"])[:10]),
            "loads": source["loads"],
        }
        for source in summary["sources"]
    ]
    titles = {key: text(f"sources.col.{key}", lang) for key in ("file", "last", "loads")}
    sections.append(Section(sources, headers=titles, heading=text("sources.heading", lang)))
    if summary["contested"]:
        rows = [
            {**row, "holds": text("conflict.holds" if row["holds"] else "conflict.overruled", lang)}
            for row in summary["contested"]
        ]
        titles = {key: text(f"conflict.col.{key}", lang) for key in CONFLICT_COLUMNS}
        sections.append(Section(rows, headers=titles, heading=text("conflict.status", lang)))
    return Printout(summary, sections, notes=lines)


CONFLICT_COLUMNS = ("tie", "source", "stated", "holds", "says")


def _contested(store: Store, lang: str) -> list[dict]:
    """Every statement of every contested tie (`present.conflicts.conflict_rows`); reads
    the graph for the names only when a tie is contested."""
    if not isinstance(store, TieStatements):
        return []
    contested = store.tie_statements()
    return conflict_rows(contested, store.graph(), lang) if contested else []


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="gexf",
    show_default=True,
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
)
@period_option_flags
@names_option
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path, view: NetworkView, show_names: bool) -> None:
    """Export the network for Gephi and other tools (persons pseudonymised): what was
    valid today, on --as-of, or in every period (--alle-zeitraeume)."""
    with store_from(ctx) as store:
        graph = store.graph(as_of=view.as_of)
    written = export_graph(graph, out, fmt, show_names=show_names)
    lang = default_language()
    click.echo(f"# {period_line(view, lang)}")  # after the export: an error stays one line
    for path in written:
        click.echo(text("output.written", lang, path=path))


def _run_kind(source: str, lang: str) -> str:
    """What a run without files was: a merge or its undo (`store.merging`), else blank."""
    key = {"merge": "status.run_merge", "merge-undo": "status.run_merge_undo"}.get(source)
    return text(key, lang) if key else ""
