"""`netzwerk report` (the full report) and `netzwerk plot map|gaps|ego|dependency` (one figure).

Thin commands: parse the options, call `netzwerk.workflows.write_store_report` or
`netzwerk.report.single_figure.plot_figure`, print where the files are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import (
    language_option,
    names_option,
    parse_day,
    stacked,
    view_option_flags,
)
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.present.formats import plural
from netzwerk.present.texts import text

LANG = language_option()


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("netzwerk-report"),
    show_default=True,
)
@LANG
@view_option_flags
@click.option(
    "--compare",
    "compare",
    metavar="DATE",
)
@names_option
@click.pass_context
def report(
    ctx: click.Context,
    out_dir: Path,
    lang: str,
    view: NetworkView,
    compare: str | None,
    show_names: bool,
) -> None:
    """Write the network report: one HTML file to print or send, Markdown and CSV tables.

    Persons are pseudonymised unless --names is given and they consented.
    """
    from netzwerk.workflows import write_store_report

    with store_from(ctx) as store:
        files = write_store_report(
            store,
            out_dir,
            lang=lang,
            view=view,
            compare=parse_day(compare, "compare"),
            show_names=show_names,
        )
    click.echo(text("msg.report", lang, report=out_dir / "report.html"))
    tables = plural(sum(1 for f in files if f.suffix == ".csv"), "csv_table", lang)
    click.echo(
        text(
            "msg.report_files",
            lang,
            files=plural(len(files), "file", lang),
            folder=out_dir,
            csv=tables,
        )
    )


@cli.group()
def plot() -> None:
    """Draw one figure of the report as PNG or SVG (format from the --out suffix)."""


_plot_options = stacked(
    click.option(
        "--out",
        "out",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
    ),
    LANG,
    view_option_flags,
    names_option,
)


def _plot(
    ctx: click.Context,
    kind: str,
    out: Path,
    lang: str,
    view: NetworkView,
    show_names: bool,
    **extra: Any,
) -> None:
    from netzwerk.report.figures import save_figure
    from netzwerk.report.single_figure import plot_figure

    with store_from(ctx) as store:
        graph = store.graph()
    figure = plot_figure(
        kind,
        graph,
        lang=lang,
        view=view,
        show_names=show_names,
        **extra,
    )
    click.echo(text("output.written", lang, path=save_figure(figure, out)))


@plot.command("map")
@_plot_options
@click.pass_context
def plot_map(ctx: click.Context, **options: Any) -> None:
    """Network map: colour = sector, star = QM, diamond = broker, ring = cut-point."""
    _plot(ctx, "map", **options)


@plot.command("gaps")
@_plot_options
@click.pass_context
def plot_gaps(ctx: click.Context, **options: Any) -> None:
    """Sector × sector matrix of observed / expected ties."""
    _plot(ctx, "gaps", **options)


@plot.command("ego")
@click.argument("actor")
@click.option(
    "--radius",
    type=click.IntRange(1, 2),
    default=1,
    show_default=True,
)
@_plot_options
@click.pass_context
def plot_ego(ctx: click.Context, actor: str, radius: int, **options: Any) -> None:
    """One actor and its contacts (ACTOR: id, pseudonym from a report or exact name)."""
    _plot(ctx, "ego", actor=actor, radius=radius, **options)


@plot.command("dependency")
@_plot_options
@click.pass_context
def plot_dependency(ctx: click.Context, **options: Any) -> None:
    """The network with and without the district management, side by side."""
    _plot(ctx, "dependency", **options)
