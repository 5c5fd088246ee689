"""`netzwerk dependency`: how much the network hangs on its coordinators (the QM), and
who could step in. A thin layer over `netzwerk.analysis.brokers.coordinator_dependency`."""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.brokers import coordinator_dependency, view_options
from netzwerk.cli.arguments import (
    BROKER_OUTPUT,
    by_option,
    parse_by,
    sampling_option_flags,
    top_option,
)
from netzwerk.cli.brokers_printout import betweenness_sources, dependency_printout
from netzwerk.cli.common import load_view
from netzwerk.cli.main import cli
from netzwerk.cli.output import emit
from netzwerk.present.names import find_actor


@cli.command()
@click.option(
    "--coordinator",
    "coordinator_ids",
    multiple=True,
    metavar="ID",
)
@by_option(metavar="ATTRIBUTE")
@top_option(default=10)
@sampling_option_flags
@BROKER_OUTPUT
@click.pass_context
def dependency(
    ctx: click.Context,
    coordinator_ids: tuple[str, ...],
    by_text: str,
    top: int,
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
    """What the network loses without its coordinators (the QM), and who could step in.

    Table and CSV: three sections — the summary, the pairs of groups left without any
    path, the successors (whose betweenness grows most). JSON: one object.
    """
    view = load_view(ctx, as_of, tie_kinds, unweighted)
    result = coordinator_dependency(
        view,
        [find_actor(text, view, "--coordinator") for text in coordinator_ids] or None,
        by=parse_by(by_text),
        weighted=not unweighted,
        k_sample=betweenness_sources(view, k_sample, exact),
        seed=seed,
        top=top,
    )
    options = {**view_options(view), "by": result["by"], **result.pop("betweenness")}
    emit(dependency_printout(result, view, options, show_names, lang), fmt)
