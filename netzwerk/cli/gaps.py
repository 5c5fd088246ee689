"""`netzwerk gaps` and `netzwerk suggest`: where the holes are, and whom to introduce next.

Both are thin layers over `netzwerk.analysis.gaps.gaps_report` and
`netzwerk.analysis.introductions.suggest_introductions`: parse options, call, word the
reasons (`netzwerk.present.introductions`), relabel groups (German labels by default),
pseudonymise persons (`netzwerk.cli.shown`), print
(`netzwerk.cli.gaps_printout`).
"""

from __future__ import annotations

from pathlib import Path

import click

from netzwerk.analysis.communities import METHODS
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.introductions.candidates import topic_names
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import (
    GAPS_OUTPUT,
    by_option,
    parse_by,
    parse_group,
    seed_option,
)
from netzwerk.cli.common import load_graphs, shown_view
from netzwerk.cli.gaps_printout import gaps_printout, suggestions_printout
from netzwerk.cli.main import cli
from netzwerk.cli.output import emit
from netzwerk.cli.shown import Shown, shown_suggestion
from netzwerk.present.introductions import introduction_texts
from netzwerk.present.names import find_actor


@cli.command()
@by_option()
@click.option(
    "--permutations",
    default=1000,
    show_default=True,
    type=click.IntRange(0),
)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="leiden",
    show_default=True,
)
@seed_option()
@GAPS_OUTPUT
@click.pass_context
def gaps(
    ctx: click.Context,
    permutations: int,
    method: str,
    seed: int,
    lang: str,
    view: NetworkView,
    fmt: str,
    out_file: Path | None,
    show_names: bool,
) -> None:
    """Gaps: which groups do not talk to each other, communities, who is unreached."""
    store_graph, graph = load_graphs(ctx, view)
    by = parse_by(view.by, graph)
    report = gaps_report(graph, by, permutations=permutations, seed=seed, community_method=method)
    shown = Shown(graph, by, lang, topic_names(store_graph), show_names)
    emit(gaps_printout(report, shown, lang, shown_view(view, graph, show_names, lang)), fmt)


@cli.command()
@click.option(
    "--for",
    "for_actor",
    metavar="ACTOR",
)
@click.option(
    "--between",
    nargs=2,
    metavar="GROUP_A GROUP_B",
)
@by_option()
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(1),
)
@GAPS_OUTPUT
@click.pass_context
def suggest(
    ctx: click.Context,
    for_actor: str | None,
    between: tuple[str, str] | None,
    top: int,
    lang: str,
    view: NetworkView,
    fmt: str,
    out_file: Path | None,
    show_names: bool,
) -> None:
    """Introductions to make next: pairs not yet tied, biggest gaps first, with reasons.

    The ties are those of `netzwerk gaps` (the same view: direct ties and shared projects
    and events), so the gap each suggestion cites is the gap `gaps` shows; what two actors
    shared in the past (an ended project, a topic) counts as a reason.
    """
    store_graph, graph = load_graphs(ctx, view)
    by = parse_by(view.by, graph)
    names = topic_names(store_graph)
    suggestions = suggest_introductions(
        graph,
        store_graph,
        for_actor=find_actor(for_actor, graph, "--for") if for_actor else None,
        between=tuple(parse_group(g, by, graph, names) for g in between) if between else None,
        by=by,
        top=top,
        as_of=view.as_of,
    )
    shown = Shown(graph, by, lang, names, show_names)
    worded = [introduction_texts(s, lang, names) for s in suggestions]
    records = [shown_suggestion(s, shown) for s in worded]
    emit(suggestions_printout(records, lang, shown_view(view, graph, show_names, lang)), fmt)
