"""`netzwerk brokers` and `netzwerk keyplayers`: who holds the network together, and whom
it cannot do without (`netzwerk dependency` lives in `netzwerk.cli.dependency`).

Thin layers over `netzwerk.analysis.brokers`: parse options, call one library function,
print (`netzwerk.cli.brokers_printout`; persons pseudonymised unless --names and consent).
"""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.brokers import broker_analysis, key_players, view_options
from netzwerk.cli.arguments import (
    BROKER_OUTPUT,
    by_option,
    parse_by,
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
from netzwerk.cli.common import load_view
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
    by_text: str,
    top: int | None,
    constraint_model: str,
    k_sample: int | None,
    exact: bool,
    seed: int,
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    show_names: bool,
    fmt: str,
    lang: str,
    out_file: Path | None,
) -> None:
    """Brokers: betweenness, structural holes, brokerage roles and cut-points per actor."""
    view = load_view(ctx, as_of, tie_kinds, unweighted)
    analysis = broker_analysis(
        view,
        by=parse_by(by_text),
        top=top,
        k_sample=betweenness_sources(view, k_sample, exact),
        seed=seed,
        weighted=not unweighted,
        constraint_model=constraint_model,
    )
    emit(brokers_printout(shown(analysis.rows, view, show_names), analysis.options, lang), fmt)


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
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    show_names: bool,
    fmt: str,
    lang: str,
    out_file: Path | None,
) -> None:
    """Key players: the k actors whose loss would fragment the network most."""
    view = load_view(ctx, as_of, tie_kinds, unweighted)
    if k >= len(view):
        raise ConfigError(
            f"-k {k} ist zu groß: das Netzwerk hat {len(view)} Akteure — ein kleineres -k wählen"
        )
    result = key_players(view, k, measure=measure, seed=seed)
    options = {
        **view_options(view),
        "measure": measure,
        "k": k,
        "seed": seed,
        "restarts": result["restarts"],
    }
    emit(keyplayers_printout(result, view, options, show_names, lang), fmt)
