"""`netzwerk kontakte` (English alias `dormant`): ties falling asleep, the ones that matter
first, and a weekly call list. A thin layer over `netzwerk.analysis.contacts.dormant_ties`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import networkx as nx

from netzwerk.analysis.brokers import view_options
from netzwerk.analysis.contacts import MONTHS, dormant_ties
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import BROKER_OUTPUT, top_option
from netzwerk.cli.brokers_printout import ShownView, option_cells, summary_cell
from netzwerk.cli.common import load_graphs, pseudonymise_records, shown_view
from netzwerk.cli.main import cli
from netzwerk.cli.output import Printout, Section, emit
from netzwerk.present.texts import text
from netzwerk.report.analyses import INTRODUCTIONS, SEED

WEEK = 10
"""Rows of the weekly call list (one A4 page)."""
SUMMARY = ("months", "threshold", "ties_total", "recent", "dormant", "without_date")
COLUMNS = ["source", "target", "last_contact", "contact_kind", "months_ago", "reasons", "caller"]
WEEK_COLUMNS = ["caller", "whom", "last_contact", "reasons"]


@cli.command()
@click.option(
    "--monate",
    "--months",
    "months",
    type=click.IntRange(min=1),
    default=MONTHS,
    show_default=True,
    metavar="N",
)
@click.option("--woche", "--week", "week", is_flag=True)
@top_option()
@BROKER_OUTPUT
@click.pass_context
def kontakte(
    ctx: click.Context,
    months: int,
    week: bool,
    top: int | None,
    view: NetworkView,
    show_names: bool,
    fmt: str,
    lang: str,
    out_file: Path | None,
) -> None:
    """Ties without contact for a long time, the ones the network needs most first."""
    store_graph, graph = load_graphs(ctx, view)
    # the report's suggested introductions, for the reason "introducer" (the same list)
    introductions = (
        suggest_introductions(
            graph, store_graph, by=view.by, top=INTRODUCTIONS, as_of=view.as_of, seed=SEED
        )
        if view.as_of is not None and graph.number_of_edges()
        else []
    )
    result = dormant_ties(
        store_graph,
        view=view,
        graph=graph,
        months=months,
        top=WEEK if week else top,
        introductions=introductions,
    )
    options = {**view_options(graph), "months": months}
    seen = shown_view(view, graph, show_names, lang)
    emit(contacts_printout(result, graph, options, show_names, seen, lang, week=week), fmt)


cli.add_command(kontakte, name="dormant")


def contacts_printout(
    result: dict[str, Any],
    view: nx.Graph,
    options: dict[str, Any],
    show_names: bool,
    seen: ShownView,
    lang: str = "de",
    *,
    week: bool = False,
) -> Printout:
    """The summary and the dormant ties (with ``week`` only the call list: who calls whom,
    since when, why); JSON one object. Persons as output may show them."""
    ties = pseudonymise_records(result["ties"], view, ["source", "target", "caller"], show_names)
    result = {**result, "ties": ties}
    rows = [
        {
            **tie,
            "contact_kind": text(f"contacts.kind.{tie['contact_kind']}", lang),
            "reasons": [text(f"contacts.reason.{r}", lang) for r in tie["reasons"]],
            "caller": tie["caller"] or "–",
            "whom": _whom(tie),
        }
        for tie in ties
    ]
    summary = [
        {"measure": text(f"measure.contacts_{key}", lang), "value": summary_cell(result[key])}
        for key in SUMMARY
    ]
    listing = Section(
        rows,
        WEEK_COLUMNS if week else COLUMNS,
        heading=text("cli.contacts.week" if week else "cli.contacts.ties", lang),
    )
    sections = (
        [listing]
        if week
        else [
            Section(summary, ["measure", "value"], heading=text("cli.contacts.summary", lang)),
            listing,
        ]
    )
    return Printout(
        {"view": seen[1], "options": options, **result},
        sections,
        option_cells(options),
        view_line=seen[0],
    )


def _whom(tie: dict[str, Any]) -> str:
    """The end of a tie the caller calls (both ends if the caller is at neither)."""
    if tie["caller"] == tie["source"]:
        return str(tie["target"])
    if tie["caller"] == tie["target"]:
        return str(tie["source"])
    return f"{tie['source']} – {tie['target']}"
