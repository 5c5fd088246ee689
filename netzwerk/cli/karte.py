"""`netzwerk karte` (English alias `map`): the interactive network map, one HTML file.

A thin command: parse the options, call `netzwerk.workflows.write_store_map`, say where
the file is.
"""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import language_option, names_option, view_option_flags
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.present.texts import text


@cli.command()
@click.option(
    "--out",
    "out_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("karte.html"),
    show_default=True,
)
@language_option()
@view_option_flags
@click.option("--um", "--around", "around", metavar="ACTOR")
@click.option(
    "--schritte", "--steps", "steps", type=click.IntRange(1, 3), default=2, show_default=True
)
@click.option("--sektor", "--sector", "sector", metavar="SECTOR")
@names_option
@click.pass_context
def karte(
    ctx: click.Context,
    out_file: Path,
    lang: str,
    view: NetworkView,
    around: str | None,
    steps: int,
    sector: str | None,
    show_names: bool,
) -> None:
    """Write the interactive network map: one HTML file that opens offline in a browser.

    Persons are pseudonymised unless --names is given and they consented.
    """
    from netzwerk.workflows import write_store_map

    with store_from(ctx) as store:
        written = write_store_map(
            store,
            out_file,
            lang=lang,
            view=view,
            show_names=show_names,
            around=around,
            steps=steps,
            sector=sector,
        )
    click.echo(text("karte.written", lang, path=written))


cli.add_command(karte, name="map")
