"""`netzwerk foerderung` (English alias `funding`): what the network would lose when
funding ends. A thin layer over `netzwerk.analysis.funding.funding_dependency`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import networkx as nx

from netzwerk.analysis.brokers import view_options
from netzwerk.analysis.funding import funding_dependency
from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import (
    BROKER_OUTPUT,
    by_option,
    parse_day,
    sampling_option_flags,
    top_option,
)
from netzwerk.cli.brokers_printout import (
    ShownView,
    betweenness_sources,
    labelled,
    option_cells,
    shown,
    summary_cell,
)
from netzwerk.cli.common import load_graphs, pseudonymise_records, shown_view
from netzwerk.cli.main import cli
from netzwerk.cli.output import Printout, Section, emit
from netzwerk.model import TIE_KINDS
from netzwerk.present.labels import group_label
from netzwerk.present.names import find_actor
from netzwerk.present.texts import text

SUMMARY = (
    "funders",
    "ends_by",
    "projects_ended",
    "all_actors",
    "ties_lost",
    "ties_weakened",
    "connected_pairs_before",
    "connected_pairs_after",
    "connected_pairs_lost",
    "fragmentation_before",
    "fragmentation_after",
    "components_before",
    "components_after",
    "cut_off",
)
PROJECT_COLUMNS = ["id", "name", "funders", "funded_until"]
TIE_COLUMNS = ["source", "target", "kinds", "weight"]
LOSING_COLUMNS = ["id", "name", "group", "betweenness_before", "betweenness_after", "loss"]
GAINING_COLUMNS = ["id", "name", "group", "betweenness_before", "betweenness_after", "gain"]


@cli.command()
@click.option("--foerdergeber", "--funder", "funder_ids", multiple=True, metavar="ACTOR")
@click.option("--bis", "--until", "ends_by_text", metavar="DATE")
@by_option(metavar="ATTRIBUTE")
@top_option(default=10)
@sampling_option_flags
@BROKER_OUTPUT
@click.pass_context
def foerderung(
    ctx: click.Context,
    funder_ids: tuple[str, ...],
    ends_by_text: str | None,
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
    """What the network would lose when funding ends, and who could take over."""
    ends_by = parse_day(ends_by_text, option="bis")
    store_graph, graph = load_graphs(ctx, view)
    funders = [
        find_actor(given, _with_all_actors(store_graph, graph), "--foerdergeber")
        for given in funder_ids
    ]
    result = funding_dependency(
        store_graph,
        funders,
        ends_by=ends_by,
        view=view,
        k_sample=betweenness_sources(graph, k_sample, exact),
        precision=None if exact else precision,
        seed=seed,
        top=top,
    )
    options = {**view_options(graph), "by": result["by"], **result.pop("betweenness")}
    seen = shown_view(view, graph, show_names, lang)
    emit(funding_printout(result, graph, options, show_names, seen, lang), fmt)


cli.add_command(foerderung, name="funding")


def _with_all_actors(store_graph: nx.MultiDiGraph, graph: nx.Graph) -> nx.Graph:
    """The view, where a funder is looked up (a funder that is no longer active today is
    still found in the store graph's actors)."""
    if all(n in graph for n, d in store_graph.nodes(data=True) if d.get("kind") == "actor"):
        return graph
    actors = nx.Graph()
    actors.add_nodes_from(
        (n, d) for n, d in store_graph.nodes(data=True) if d.get("kind") == "actor"
    )
    return actors


def funding_printout(
    result: dict[str, Any],
    view: nx.Graph,
    options: dict[str, Any],
    show_names: bool,
    seen: ShownView,
    lang: str = "de",
) -> Printout:
    """The summary, the ending projects, the lost ties, the pairs of groups left without a
    path, the brokers losing and the successors; in JSON one object. Persons as output may
    show them."""
    funders = _ids(result["funders"], view, show_names)
    cut_off = _ids(result["cut_off"], view, show_names)
    projects = [{**p, "funders": _ids(p["funders"], view, show_names)} for p in result["projects"]]
    ties = pseudonymise_records(result["ties_lost"], view, ["source", "target"], show_names)
    result = {
        **result,
        "funders": funders,
        "cut_off": cut_off,
        "projects": projects,
        "ties_lost": ties,
        "brokers_losing": shown(result["brokers_losing"], view, show_names),
        "successors": shown(result["successors"], view, show_names),
    }
    by = result["by"]
    counts = {
        **result,
        "ends_by": result["ends_by"] or text("measure.ends_now", lang),
        "projects_ended": len(projects),
        "all_actors": result["actors"],
        "ties_lost": len(ties),
    }
    summary = [
        {"measure": text(f"measure.{key}", lang), "value": summary_cell(counts[key])}
        for key in SUMMARY
    ]
    tie_rows = [{**t, "kinds": [_kind_label(k, lang) for k in t["kinds"]]} for t in ties]
    pairs = [
        {"group_a": group_label(by, a, lang), "group_b": group_label(by, b, lang)}
        for a, b in result["group_pairs_lost"]
    ]
    heading = "cli.funding.{}".format
    sections = [
        Section(summary, ["measure", "value"], heading=text(heading("summary"), lang)),
        Section(projects, PROJECT_COLUMNS, heading=text(heading("projects"), lang)),
        Section(tie_rows, TIE_COLUMNS, heading=text(heading("ties"), lang)),
        Section(pairs, ["group_a", "group_b"], heading=text(heading("pairs"), lang)),
        Section(
            labelled(result["brokers_losing"], "group", by, lang),
            LOSING_COLUMNS,
            heading=text(heading("losing"), lang),
        ),
        Section(
            labelled(result["successors"], "group", by, lang),
            GAINING_COLUMNS,
            heading=text(heading("successors"), lang),
        ),
    ]
    return Printout(
        {"view": seen[1], "options": options, **result},
        sections,
        option_cells(options),
        view_line=seen[0],
    )


def _ids(actors: list, view: nx.Graph, show_names: bool) -> list:
    rows = pseudonymise_records([{"id": a} for a in actors], view, ["id"], show_names)
    return [row["id"] for row in rows]


def _kind_label(kind: str, lang: str) -> str:
    """A tie kind's label; shared activities as their noun (Projekt, Veranstaltung)."""
    if kind in ("project", "event"):
        return text(f"noun.{kind}", lang).split("|")[0]
    return TIE_KINDS.label(kind, lang)
