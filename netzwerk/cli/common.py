"""What commands share around the store: opening it, the network view, names they may show.

The options live in `netzwerk.cli.arguments`, the output formats in `netzwerk.cli.output`;
``emit``, ``format_option`` and ``names_option`` are importable from here as well.
"""

from __future__ import annotations

from collections.abc import Sequence

import click
import networkx as nx

from netzwerk.analysis.network_view import NetworkView
from netzwerk.cli.arguments import format_option, names_option
from netzwerk.cli.output import emit
from netzwerk.present.names import ActorNames
from netzwerk.present.view_line import view_metadata
from netzwerk.store import Store, open_existing_store, open_store, store_exists

__all__ = [
    "emit",
    "format_option",
    "load_graphs",
    "load_view",
    "names_option",
    "pseudonymise_records",
    "shown_view",
    "chosen_store_exists",
    "store_from",
]


def store_from(ctx: click.Context, *, create: bool = False) -> Store:
    """Open the store chosen by the global --store option (use as a context manager).

    Only commands that write pass ``create=True``; for every other command a missing or
    empty store is one line saying what to do (`netzwerk.store.open_existing_store`), and
    nothing is created.
    """
    address = ctx.find_root().obj.get("store_address")
    return open_store(address) if create else open_existing_store(address)


def chosen_store_exists(ctx: click.Context) -> bool:
    """False if the store chosen by --store is an embedded file that does not exist yet
    (`netzwerk.store.store_exists`)."""
    return store_exists(ctx.find_root().obj.get("store_address"))


def load_graphs(ctx: click.Context, view: NetworkView) -> tuple[nx.MultiDiGraph, nx.Graph]:
    """The store's graph and the actor–actor graph of ``view`` (the run's one
    `NetworkView`, from `netzwerk.cli.arguments.view_option_flags`)."""
    with store_from(ctx) as store:
        graph = store.graph()
    return graph, view.actor_graph(graph)


def load_view(ctx: click.Context, view: NetworkView) -> nx.Graph:
    """The actor–actor graph of ``view``, read from the chosen store."""
    return load_graphs(ctx, view)[1]


def shown_view(
    view: NetworkView, graph: nx.Graph, show_names: bool = False, lang: str = "de"
) -> tuple[str, dict]:
    """The view as every output shows it: its one line (`netzwerk.present.view_line`)
    and the ``view`` key of JSON (coordinators pseudonymised like every actor)."""
    actors = ActorNames(graph, show_names)
    metadata = view_metadata(view, view.coordinator_ids(graph), lang, actors.id, actors.name)
    return metadata["line"], metadata


def pseudonymise_records(
    records: list[dict], graph: nx.Graph, fields: Sequence[str], show_names: bool = False
) -> list[dict]:
    """Replace actor ids in ``fields`` by what may be shown (persons → pseudonyms)."""
    actors = ActorNames(graph, show_names)
    out = []
    for record in records:
        record = dict(record)
        for field in fields:
            value = record.get(field)
            if isinstance(value, str) and value in graph:
                record[field] = actors.id(value)
        out.append(record)
    return out
