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
from netzwerk.cli.arguments import (
    GAPS_OUTPUT,
    by_option,
    parse_by,
    parse_day,
    parse_group,
    seed_option,
)
from netzwerk.cli.common import load_graphs
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
    by_text: str,
    permutations: int,
    method: str,
    seed: int,
    lang: str,
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    fmt: str,
    out_file: Path | None,
    show_names: bool,
) -> None:
    """Gaps: which groups do not talk to each other, communities, who is unreached."""
    graph, view = load_graphs(ctx, as_of, tie_kinds, unweighted, shared=True)
    by = parse_by(by_text, view)
    report = gaps_report(view, by, permutations=permutations, seed=seed, community_method=method)
    shown = Shown(view, by, lang, topic_names(graph), show_names)
    emit(gaps_printout(report, shown, lang), fmt)


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
    by_text: str,
    top: int,
    lang: str,
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    fmt: str,
    out_file: Path | None,
    show_names: bool,
) -> None:
    """Introductions to make next: pairs not yet tied, biggest gaps first, with reasons.

    Ties here are direct ties only; shared projects and events count as reasons.
    """
    graph, view = load_graphs(ctx, as_of, tie_kinds, unweighted, shared=False)
    by = parse_by(by_text, view)
    names = topic_names(graph)
    suggestions = suggest_introductions(
        view,
        graph,
        for_actor=find_actor(for_actor, view, "--for") if for_actor else None,
        between=tuple(parse_group(g, by, view, names) for g in between) if between else None,
        by=by,
        top=top,
        as_of=parse_day(as_of),
    )
    shown = Shown(view, by, lang, names, show_names)
    worded = [introduction_texts(s, lang, names) for s in suggestions]
    emit(suggestions_printout([shown_suggestion(s, shown) for s in worded], lang), fmt)
