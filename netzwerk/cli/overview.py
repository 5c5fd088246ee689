"""Commands for looking at what is in the store: status (counts and last ingests) and
export (the network as a file for Gephi and other tools)."""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import format_option, lang_option, names_option, period_option_flags
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.cli.output import emit
from netzwerk.present.sources import ALL_RUNS, data_sources, last_read
from netzwerk.present.tables import to_table
from netzwerk.present.texts import text
from netzwerk.present.view_line import period_line
from netzwerk.report.export import EXPORT_FORMATS, export_graph
from netzwerk.report.overview import summarise


@cli.command()
@format_option
@lang_option
@click.pass_context
def status(ctx: click.Context, fmt: str, lang: str) -> None:
    """What is in the store: counts by kind, type and sector, date range, last ingests."""
    with store_from(ctx) as store:
        summary = summarise(store.census(), lang)
        log = store.ingest_log(limit=ALL_RUNS)
        summary["ingests"] = log[:5]
        summary["sources"] = data_sources(log)
        summary["store"] = store.description
    if fmt == "json":
        emit(summary, "json")
        return
    click.echo(f"Speicher: {summary['store']}")
    click.echo(f"Zeitraum: {summary['first_date'] or '–'} bis {summary['last_date'] or '–'}")
    for title, key in (
        ("Knoten", "nodes"),
        ("Akteurstypen", "actor_types"),
        ("Sektoren", "sectors"),
        ("Beziehungen", "ties"),
    ):
        rows = [{"": label, "Anzahl": n} for label, n in summary[key].items()]
        click.echo(f"\n{title}\n" + (to_table(rows) if fmt == "table" else ""))
        if fmt == "csv":
            emit(rows, "csv")
    click.echo(
        f"\nPersonen: {summary['persons']} (davon mit Einwilligung "
        f"{summary['persons_with_consent']})"
    )
    ingests = [
        {
            "Lauf": r["run_id"],
            "Zeit": r["started"],
            "Dateien": r["files"],
            "neu": sum(r["created"].values()),
            "geändert": sum(r["updated"].values()),
        }
        for r in summary["ingests"]
    ]
    click.echo("\nLetzte Importe\n" + to_table(ingests))
    sources = [
        {
            text("sources.col.file"): source["file"],
            text("sources.col.last"): last_read(source),
            text("sources.col.loads"): source["loads"],
        }
        for source in summary["sources"]
    ]
    click.echo(f"\n{text('sources.heading')}\n" + to_table(sources))


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="gexf",
    show_default=True,
    help="gexf opens in Gephi.",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write (CSV writes FILE-nodes.csv and FILE-ties.csv).",
)
@period_option_flags
@names_option
@click.pass_context
def export(ctx: click.Context, fmt: str, out: Path, view: NetworkView, show_names: bool) -> None:
    """Export the network for Gephi and other tools (persons pseudonymised): what was
    valid today, on --as-of, or in every period (--alle-zeitraeume)."""
    with store_from(ctx) as store:
        graph = store.graph(as_of=view.as_of)
    click.echo(f"# {period_line(view)}")
    for path in export_graph(graph, out, fmt, show_names=show_names):
        click.echo(f"Geschrieben: {path}")
