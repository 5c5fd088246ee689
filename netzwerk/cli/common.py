"""Options and helpers every command shares: store, formats, dates, display names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click
import networkx as nx

from netzwerk.analysis.views import DEFAULT_TIE_KINDS, actor_view
from netzwerk.errors import ConfigError
from netzwerk.model import TIE_KINDS
from netzwerk.report.pseudonyms import Pseudonymiser
from netzwerk.report.tables import FORMATS, render
from netzwerk.store import Store, is_neo4j_address, open_store, store_address


def store_from(ctx: click.Context) -> Store:
    """Open the store chosen by the global --store option (use as a context manager)."""
    return open_store(ctx.find_root().obj.get("store_address"))


def store_exists(ctx: click.Context) -> bool:
    """False if the store is an embedded file that does not exist yet (a server is assumed
    to exist: opening it creates nothing)."""
    address = store_address(ctx.find_root().obj.get("store_address"))
    return is_neo4j_address(address) or Path(address).exists()


def parse_day(text: str | None) -> date | None:
    """Parse a CLI date: 2024-06-30, 30.06.2024 or 2024 (= 31 Dec)."""
    if not text:
        return None
    text = text.strip()
    try:
        if "." in text:
            day, month, year = text.split(".")
            return date(int(year), int(month), int(day))
        if len(text) == 4 and text.isdigit():
            return date(int(text), 12, 31)
        return date.fromisoformat(text)
    except ValueError as error:
        raise ConfigError(
            f'ungültiges Datum "{text}" — Format JJJJ-MM-TT oder TT.MM.JJJJ, z. B. 2024-06-30'
        ) from error


def format_option(function: Callable) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table",
                        show_default=True, help="Output format.")(function)


def as_of_option(function: Callable) -> Callable:
    return click.option("--as-of", "as_of", metavar="DATE",
                        help="Only actors and ties valid on this day (2024-06-30 or 30.06.2024)."
                        )(function)


def names_option(function: Callable) -> Callable:
    return click.option("--names", "show_names", is_flag=True,
                        help="Show real names of persons who consented (others stay "
                        "pseudonymised).")(function)


def view_options(function: Callable) -> Callable:
    """--as-of, --ties KIND,… and --unweighted: how the actor–actor view is built."""
    function = click.option("--unweighted", is_flag=True,
                            help="Treat every tie as strength 1.")(function)
    function = click.option(
        "--ties", "tie_kinds", default=",".join(DEFAULT_TIE_KINDS), show_default=True,
        help="Tie kinds that link actors directly (comma-separated; shared projects and events "
        "always link their participants).")(function)
    return as_of_option(function)


def parse_tie_kinds(text: str) -> tuple[str, ...]:
    kinds = []
    for part in text.split(","):
        if not part.strip():
            continue
        key = TIE_KINDS.parse(part)
        if key is None:
            allowed = ", ".join(TIE_KINDS.keys())
            raise ConfigError(f'unbekannte Beziehungsart "{part.strip()}" — erlaubt: {allowed}')
        kinds.append(key)
    return tuple(kinds)


def load_view(ctx: click.Context, as_of: str | None, tie_kinds: str = ",".join(DEFAULT_TIE_KINDS),
              unweighted: bool = False) -> nx.Graph:
    """Read the store's graph and build the actor–actor view the analyses use."""
    day = parse_day(as_of)
    kinds = parse_tie_kinds(tie_kinds)
    with store_from(ctx) as store:
        graph = store.graph()
    return actor_view(graph, tie_kinds=kinds, as_of_date=day, weighted=not unweighted)


def display_names(graph: nx.Graph, show_names: bool = False) -> dict[str, str]:
    """Name to show for every node: persons pseudonymised unless consented and asked."""
    return Pseudonymiser().names_for(graph.nodes, show_names)


def pseudonymise_records(records: list[dict], graph: nx.Graph, fields: Sequence[str],
                         show_names: bool = False) -> list[dict]:
    """Replace actor ids in ``fields`` by what may be shown (persons → pseudonyms)."""
    pseudonymiser = Pseudonymiser()
    out = []
    for record in records:
        record = dict(record)
        for field in fields:
            value = record.get(field)
            if isinstance(value, str) and value in graph:
                record[field] = pseudonymiser.display_id(value, graph.nodes[value], show_names)
        out.append(record)
    return out


def emit(data: Any, fmt: str, columns: Sequence[str] | None = None, *,
         options: dict | None = None) -> None:
    """Print records in the chosen format; ``options`` (how the view was built) go first
    as a comment line in table format and as a `options` key in JSON if data is a dict."""
    if options and fmt == "table":
        click.echo("# " + ", ".join(f"{k}={v}" for k, v in options.items()))
    click.echo(render(data, fmt, columns))
