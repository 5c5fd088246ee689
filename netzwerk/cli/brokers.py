"""`netzwerk brokers`, `netzwerk dependency`, `netzwerk keyplayers`: who holds the network
together, how much it hangs on the QM, and whom it cannot do without.

Thin layers over `netzwerk.analysis.brokers`: parse options, call one library function,
show persons pseudonymised (unless --names and consent), print with `emit`. Every output
shows how it was computed (view options, weighting, betweenness sampling): a ``#`` line
before a table, on stderr for CSV (so the CSV stays clean), an ``options`` key in JSON.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import click
import networkx as nx

from netzwerk.analysis.brokers import (
    TABLE_COLUMNS,
    broker_analysis,
    coordinator_dependency,
    key_players,
    view_options,
)
from netzwerk.cli.common import (
    display_names,
    emit,
    format_option,
    load_view,
    names_option,
    pseudonymise_records,
)
from netzwerk.cli.common import view_options as view_option_flags
from netzwerk.cli.main import cli
from netzwerk.errors import ConfigError
from netzwerk.model import normalise_token
from netzwerk.report.pseudonyms import Pseudonymiser

BY_ALIASES = {"sektor": "sector", "typ": "type", "art": "type"}


def sampling_options(function: Any) -> Any:
    """--sample K, --exact and --seed: how betweenness is computed."""
    function = click.option(
        "--seed",
        type=int,
        default=42,
        show_default=True,
        help="Seed for sampled betweenness (same seed, same result).",
    )(function)
    function = click.option(
        "--exact", is_flag=True, help="Exact betweenness even for large networks (slow)."
    )(function)
    return click.option(
        "--sample",
        "k_sample",
        type=click.IntRange(min=2),
        metavar="K",
        help="Estimate betweenness from K sampled actors (default: exact up to 2,000 "
        "actors, else 256).",
    )(function)


@cli.command()
@click.option(
    "--by",
    default="sector",
    show_default=True,
    metavar="ATTRIBUTE",
    help="Actor attribute for the brokerage roles (sector, type, ...).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    metavar="N",
    help="Only the N actors with the highest betweenness.",
)
@click.option(
    "--constraint-model",
    type=click.Choice(["whole", "ego"]),
    default="whole",
    show_default=True,
    help="Burt's constraint over the whole network or the ego network only.",
)
@sampling_options
@view_option_flags
@names_option
@format_option
@click.pass_context
def brokers(
    ctx: click.Context,
    by: str,
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
) -> None:
    """Brokers: betweenness, structural holes, brokerage roles and cut-points per actor."""
    view = load_view(ctx, as_of, tie_kinds, unweighted)
    analysis = broker_analysis(
        view,
        by=parse_by(by),
        top=top,
        k_sample=_sources(view, k_sample, exact),
        seed=seed,
        weighted=not unweighted,
        constraint_model=constraint_model,
    )
    rows = shown(analysis.rows, view, show_names)
    if fmt == "json":
        emit({"options": analysis.options, "rows": rows}, fmt)
    else:
        emit_with_options(rows, fmt, TABLE_COLUMNS, analysis.options)


@cli.command()
@click.option(
    "--coordinator",
    "coordinator_ids",
    multiple=True,
    metavar="ID",
    help="Actor to take out: id, exact name or pseudonym (repeatable). Default: actors "
    "marked as coordinator.",
)
@click.option(
    "--by",
    default="sector",
    show_default=True,
    metavar="ATTRIBUTE",
    help="Groups whose connections are checked (sector, type, ...).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    metavar="N",
    help="Number of successors listed.",
)
@sampling_options
@view_option_flags
@names_option
@format_option
@click.pass_context
def dependency(
    ctx: click.Context,
    coordinator_ids: tuple[str, ...],
    by: str,
    top: int,
    k_sample: int | None,
    exact: bool,
    seed: int,
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    show_names: bool,
    fmt: str,
) -> None:
    """What the network loses without its coordinators (the QM), and who could step in.

    Table and CSV: three sections — the summary, the pairs of groups left without any
    path, the successors (whose betweenness grows most). JSON: one object.
    """
    view = load_view(ctx, as_of, tie_kinds, unweighted)
    result = coordinator_dependency(
        view,
        [actor_id(text, view) for text in coordinator_ids] or None,
        by=parse_by(by),
        weighted=not unweighted,
        k_sample=_sources(view, k_sample, exact),
        seed=seed,
        top=top,
    )
    options = {**view_options(view), "by": result["by"], **result.pop("betweenness")}
    result = shown_dependency(result, view, show_names)
    if fmt == "json":
        emit({"options": options, **result}, fmt)
        return
    summary = [
        {"measure": key, "value": _cell(result[key])}
        for key in (
            "coordinators",
            "actors",
            "connected_pairs_before",
            "connected_pairs_after",
            "connected_pairs_lost",
            "fragmentation_before",
            "fragmentation_after",
            "betweenness_share",
        )
    ]
    emit_with_options(summary, fmt, ["measure", "value"], options)
    click.echo("")
    pairs = [{"group_a": a, "group_b": b} for a, b in result["group_pairs_lost"]]
    emit(pairs, fmt, ["group_a", "group_b"])
    click.echo("")
    emit(
        result["successors"],
        fmt,
        ["id", "name", "group", "betweenness_before", "betweenness_after", "gain"],
    )


@cli.command()
@click.option(
    "-k",
    "k",
    type=click.IntRange(min=1),
    required=True,
    metavar="N",
    help="Size of the key-player set.",
)
@click.option(
    "--measure",
    type=click.Choice(["F", "DF"]),
    default="F",
    show_default=True,
    help="F: fragmentation (who can reach whom); DF: distance-weighted.",
)
@click.option(
    "--seed", type=int, default=42, show_default=True, help="Seed for the random starting sets."
)
@view_option_flags
@names_option
@format_option
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
    players = shown(
        [
            {
                "id": node,
                "name": view.nodes[node].get("name", str(node)),
                "sector": view.nodes[node].get("sector"),
            }
            for node in result["players"]
        ],
        view,
        show_names,
    )
    if fmt == "json":
        emit(
            {
                "options": options,
                "before": result["before"],
                "after": result["after"],
                "players": players,
            },
            fmt,
        )
        return
    rows = [
        {**player, f"{measure}_before": result["before"], f"{measure}_after": result["after"]}
        for player in players
    ]
    emit_with_options(
        rows, fmt, ["id", "name", "sector", f"{measure}_before", f"{measure}_after"], options
    )


def parse_by(text: str) -> str:
    """--by value → node attribute (German spellings of sector/type accepted)."""
    return BY_ALIASES.get(normalise_token(text), text.strip())


def actor_id(text: str, view: nx.Graph) -> Hashable:
    """An actor typed as id, exact name (any case) or pseudonym → its id; unknown text is
    passed on unchanged (the library reports it)."""
    if text in view:
        return text
    wanted = text.strip().casefold()
    pseudonymiser = Pseudonymiser()
    for node, data in view.nodes(data=True):
        if str(data.get("name", "")).casefold() == wanted:
            return node
        if data.get("natural_person") and pseudonymiser.pseudonym(str(node)).casefold() == wanted:
            return node
    return text


def _sources(view: nx.Graph, k_sample: int | None, exact: bool) -> int | None:
    return max(len(view), 2) if exact else k_sample


def shown(records: list[dict], view: nx.Graph, show_names: bool) -> list[dict]:
    """``name`` and ``id`` of natural persons → pseudonym, unless --names and consent."""
    names = display_names(view, show_names)
    named = [{**record, "name": names.get(record["id"], record["name"])} for record in records]
    return pseudonymise_records(named, view, ["id"], show_names)


def shown_dependency(result: dict, view: nx.Graph, show_names: bool) -> dict:
    """The dependency result with every actor id and name as output may show it."""
    one = shown([{"id": c, "name": ""} for c in result["coordinators"]], view, show_names)
    shown_ids = {c: row["id"] for c, row in zip(result["coordinators"], one, strict=True)}
    return {
        **result,
        "coordinators": list(shown_ids.values()),
        "betweenness_share_by_coordinator": {
            shown_ids[c]: share for c, share in result["betweenness_share_by_coordinator"].items()
        },
        "successors": shown(result["successors"], view, show_names),
        "cut_off": [
            row["id"]
            for row in shown([{"id": a, "name": ""} for a in result["cut_off"]], view, show_names)
        ],
    }


def emit_with_options(rows: list[dict], fmt: str, columns: Any, options: dict) -> None:
    """`emit` with the options line; for CSV the line goes to stderr to keep the CSV clean."""
    line = {key: _cell(value) for key, value in options.items()}
    if fmt == "csv":
        click.echo("# " + ", ".join(f"{k}={v}" for k, v in line.items()), err=True)
    emit(rows, fmt, columns, options=line)


def _cell(value: Any) -> Any:
    """Lists and pairs as text for table and CSV cells."""
    if isinstance(value, list):
        return "; ".join(
            " – ".join(map(_text, v)) if isinstance(v, list) else _text(v) for v in value
        )
    if value is None:
        return "none"
    if isinstance(value, float):
        return round(value, 6)
    return value


def _text(value: Hashable) -> str:
    return "none" if value is None else str(value)
