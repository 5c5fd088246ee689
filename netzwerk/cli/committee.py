"""`netzwerk gremium` (English alias `committee`): who is missing at a committee's table.
A thin layer over `netzwerk.analysis.committee.committee_seats`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import networkx as nx

from netzwerk.analysis.brokers import view_options
from netzwerk.analysis.committee import committee_seats
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import BROKER_OUTPUT, by_option, top_option
from netzwerk.cli.brokers_printout import ShownView, labelled, option_cells, shown, summary_cell
from netzwerk.cli.common import load_graphs, pseudonymise_records, shown_view
from netzwerk.cli.main import cli
from netzwerk.cli.output import Printout, Section, emit
from netzwerk.present.names import find_actor
from netzwerk.present.texts import text

SUMMARY = ("committee", "members", "groups_seated", "groups_missing", "topics_missing")
SECTOR_COLUMNS = ["group", "actors", "tie_ends", "members"]
SEAT_COLUMNS = ["id", "name", "group", "reach"]
CANDIDATE_COLUMNS = ["id", "name", "group", "committee_score", "members_tied", "reach"]


@cli.command()
@click.argument("committee_text", metavar="GREMIUM")
@click.option("--ohne-teilnahme", "--without-attendance", "without_attendance", is_flag=True)
@by_option(metavar="ATTRIBUTE")
@top_option(default=10)
@BROKER_OUTPUT
@click.pass_context
def gremium(
    ctx: click.Context,
    committee_text: str,
    without_attendance: bool,
    top: int,
    view: NetworkView,
    show_names: bool,
    fmt: str,
    lang: str,
    out_file: Path | None,
) -> None:
    """Who is missing at a committee's table, and who could fill the gap."""
    store_graph, graph = load_graphs(ctx, view)
    committee = find_actor(committee_text, graph)
    result = committee_seats(
        store_graph,
        committee,
        view=view,
        graph=graph,
        attendance=not without_attendance,
        top=top,
    )
    options = {**view_options(graph), "by": result["by"], "attendance": not without_attendance}
    seen = shown_view(view, graph, show_names, lang)
    emit(committee_printout(result, graph, options, show_names, seen, lang), fmt)


cli.add_command(gremium, name="committee")


def committee_printout(
    result: dict[str, Any],
    view: nx.Graph,
    options: dict[str, Any],
    show_names: bool,
    seen: ShownView,
    lang: str = "de",
) -> Printout:
    """The summary, every group with its seats, the single seats and the candidates; in
    JSON one object. Persons as output may show them."""
    members = pseudonymise_records([{"id": m} for m in result["members"]], view, ["id"], show_names)
    result = {
        **result,
        "members": [row["id"] for row in members],
        "single_seats": shown(result["single_seats"], view, show_names),
        "candidates": shown(result["candidates"], view, show_names),
    }
    by = result["by"]
    counts = {
        "committee": result["name"],
        "members": len(result["members"]),
        "groups_seated": sum(1 for s in result["sectors"] if s["members"]),
        "groups_missing": [labelled([s], "group", by, lang)[0]["group"] for s in result["missing"]],
        "topics_missing": list(result["topics_missing"]),
    }
    summary = [
        {"measure": text(f"measure.committee_{key}", lang), "value": summary_cell(counts[key])}
        for key in SUMMARY
    ]
    heading = "cli.committee.{}".format
    sections = [
        Section(summary, ["measure", "value"], heading=text(heading("summary"), lang)),
        Section(
            labelled(result["sectors"], "group", by, lang),
            SECTOR_COLUMNS,
            heading=text(heading("groups"), lang),
        ),
        Section(
            labelled(result["single_seats"], "group", by, lang),
            SEAT_COLUMNS,
            heading=text(heading("single_seats"), lang),
        ),
        Section(
            labelled(result["candidates"], "group", by, lang),
            CANDIDATE_COLUMNS,
            heading=text(heading("candidates"), lang),
        ),
    ]
    return Printout(
        {"view": seen[1], "options": options, **result},
        sections,
        option_cells(options),
        view_line=seen[0],
    )
