"""`netzwerk dubletten` (English alias `duplicates`): actors that are probably entered
twice. A thin layer over `netzwerk.ingest.duplicates.find_duplicates` on the store's
actors; addresses and contacts are compared there and never printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import networkx as nx

from netzwerk.cli.arguments import format_option, lang_option, names_option, top_option
from netzwerk.cli.common import store_from
from netzwerk.cli.main import cli
from netzwerk.cli.output import Printout, Section, emit
from netzwerk.ingest.duplicates import Duplicate, find_duplicates
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.store import personal_data

COLUMNS = ["score", "first_id", "first_name", "second_id", "second_name", "reasons"]


@cli.command()
@click.option(
    "--min-score", "--mindestens", "min_score", type=click.FloatRange(0, 100), default=0.0
)
@top_option(default=None)
@lang_option
@names_option
@format_option
@click.pass_context
def dubletten(
    ctx: click.Context,
    min_score: float,
    top: int | None,
    lang: str,
    show_names: bool,
    fmt: str,
    out_file: Path | None,
) -> None:
    """Actors that are probably entered twice, with a score and the reason."""
    with store_from(ctx) as store:
        identities = personal_data(store).actor_identities()
        graph = store.graph()
    found = [d for d in find_duplicates(identities) if d.score >= min_score]
    ids = [identity["id"] for identity in identities]
    emit(duplicates_printout(found[:top] if top else found, ids, graph, show_names, lang), fmt)


cli.add_command(dubletten, name="duplicates")


def duplicates_printout(
    found: list[Duplicate], ids: list[str], graph: nx.MultiDiGraph, show_names: bool, lang: str
) -> Printout:
    """One row per likely pair: score, both actors as output may show them, the reasons;
    in JSON the same rows with the reasons as keys and the name score."""
    actors = ActorNames(graph, show_names)
    rows: list[dict[str, Any]] = [
        {
            "score": round(d.score),
            "first_id": actors.id(ids[d.first]),
            "first_name": actors.name(ids[d.first]),
            "second_id": actors.id(ids[d.second]),
            "second_name": actors.name(ids[d.second]),
            "reasons": list(d.reasons),
            "name_score": round(d.name_score, 1),
        }
        for d in found
    ]
    shown: list[dict[str, Any]] = [
        {**row, "reasons": ", ".join(text(f"duplicates.reason.{r}", lang) for r in row["reasons"])}
        for row in rows
    ]
    return Printout(
        {"pairs": rows},
        [
            Section(
                shown,
                COLUMNS,
                heading=text("cli.duplicates.pairs", lang),
                empty=text("cli.duplicates.none", lang),
            )
        ],
    )
