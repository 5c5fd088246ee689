"""`netzwerk workshop`: printable workshop sheets, one per sector, and the correction form.
A thin layer over `netzwerk.report.workshop`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from netzwerk.cli.arguments import lang_option, names_option, parse_day
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.present.texts import text
from netzwerk.report.workshop import workshop_sheets, write_workshop


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("mappe"),
    show_default=True,
)
@click.option("--as-of", "as_of", metavar="DATE")
@lang_option
@names_option
@click.pass_context
def workshop(ctx: click.Context, out: Path, as_of: str | None, lang: str, show_names: bool) -> None:
    """Workshop sheets: one printable page per sector and korrekturen.xlsx."""
    day = parse_day(as_of) or date.today()
    with store_from(ctx) as store:
        graph = store.graph()
    sheets = workshop_sheets(graph, day, lang=lang, show_names=show_names)
    write_workshop(out, sheets, day, lang)
    click.echo(text("workshop.written", lang, sheets=len(sheets), folder=out))
