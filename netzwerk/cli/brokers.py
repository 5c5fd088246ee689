"""`netzwerk brokers` and `netzwerk keyplayers`: who holds the network together, and whom
it cannot do without (`netzwerk dependency` lives in `netzwerk.cli.dependency`).

Thin layers over `netzwerk.analysis.brokers`: parse options, call one library function,
print (`netzwerk.cli.brokers_printout`; persons pseudonymised unless --names and consent).
"""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.brokers import broker_analysis, key_players, view_options
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import (
    BROKER_OUTPUT,
    by_option,
    sampling_option_flags,
    seed_option,
    top_option,
)
from netzwerk.cli.brokers_printout import (
    betweenness_sources,
    brokers_printout,
    keyplayers_printout,
    shown,
)
from netzwerk.cli.common import load_view, shown_view
from netzwerk.cli.main import cli
from netzwerk.cli.output import emit
from netzwerk.errors import ConfigError


@cli.command()
@by_option(metavar="ATTRIBUTE")
@top_option()
@click.option(
    "--constraint-model",
    type=click.Choice(["whole", "ego"]),
    default="whole",
    show_default=True,
)
@sampling_option_flags
@BROKER_OUTPUT
@click.pass_context
def brokers(
    ctx: click.Context,
    top: int | None,
    constraint_model: str,
    k_sample: int | None,
    precision: float | None,
    exact: bool,
    seed: int,
    view: NetworkView,
    show_names: bool,
    fmt: str,
    lang: str,
    out_file: Path | None,
) -> None:
    """Brokers: betweenness, structural holes, brokerage roles and cut-points per actor."""
    graph = load_view(ctx, view)
    analysis = broker_analysis(
        graph,
        by=view.by,
        top=top,
        k_sample=betweenness_sources(graph, k_sample, exact),
        precision=None if exact else precision,
        seed=seed,
        weighted=view.weighted,
        constraint_model=constraint_model,
    )
    rows = shown(analysis.rows, graph, show_names)
    seen = shown_view(view, graph, show_names, lang)
    emit(brokers_printout(rows, analysis.options, seen, lang), fmt)


@cli.command()
@click.option(
    "-k",
    "k",
    type=click.IntRange(min=1),
    required=True,
    metavar="N",
)
@click.option(
    "--measure",
    type=click.Choice(["F", "DF"]),
    default="F",
    show_default=True,
)
@seed_option()
@BROKER_OUTPUT
@click.pass_context
def keyplayers(
    ctx: click.Context,
    k: int,
    measure: str,
    seed: int,
    view: NetworkView,
    show_names: bool,
    fmt: str,
    lang: str,
    out_file: Path | None,
) -> None:
    """Key players: the k actors whose loss would fragment the network most."""
    graph = load_view(ctx, view)
    if k >= len(graph):
        raise ConfigError(
            f"-k {k} ist zu groß: das Netzwerk hat {len(graph)} Akteure — ein kleineres -k wählen"
        )
    result = key_players(graph, k, measure=measure, seed=seed)
    options = {
        **view_options(graph),
        "measure": measure,
        "k": k,
        "seed": seed,
        "restarts": result["restarts"],
    }
    seen = shown_view(view, graph, show_names, lang)
    emit(keyplayers_printout(result, graph, options, show_names, seen, lang), fmt)
