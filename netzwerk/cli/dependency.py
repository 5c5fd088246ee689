"""`netzwerk dependency`: how much the network hangs on its coordinators (the QM), and
who could step in. A thin layer over `netzwerk.analysis.brokers.coordinator_dependency`."""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.brokers import coordinator_dependency, view_options
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import (
    BROKER_OUTPUT,
    by_option,
    sampling_option_flags,
    top_option,
)
from netzwerk.cli.brokers_printout import betweenness_sources, dependency_printout
from netzwerk.cli.common import load_graphs, shown_view
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
    top: int,
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
    """What the network loses without its coordinators (the QM), and who could step in.

    Table and CSV: three sections — the summary, the pairs of groups left without any
    path, the successors (whose betweenness grows most). JSON: one object.
    """
    store_graph, graph = load_graphs(ctx, view)
    if coordinator_ids:
        chosen = tuple(find_actor(text, graph, "--coordinator") for text in coordinator_ids)
        view = view.with_coordinators(chosen)
        graph = view.actor_graph(store_graph)
    result = coordinator_dependency(
        graph,
        view.coordinator_ids(graph) or None,
        by=view.by,
        weighted=view.weighted,
        k_sample=betweenness_sources(graph, k_sample, exact),
        precision=None if exact else precision,
        seed=seed,
        top=top,
    )
    options = {**view_options(graph), "by": result["by"], **result.pop("betweenness")}
    seen = shown_view(view, graph, show_names, lang)
    emit(dependency_printout(result, graph, options, show_names, seen, lang), fmt)
