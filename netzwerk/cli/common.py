"""What commands share around the store: opening it, the actor view, names they may show.

The options live in `netzwerk.cli.arguments`, the output formats in `netzwerk.cli.output`;
``emit``, ``format_option`` and ``names_option`` are importable from here as well.
"""

from __future__ import annotations

from collections.abc import Sequence

import click
import networkx as nx

from netzwerk.analysis.views import DEFAULT_SHARED_KINDS, DEFAULT_TIE_KINDS, actor_view
from netzwerk.cli.arguments import format_option, names_option, parse_day, parse_tie_kinds
from netzwerk.cli.output import emit
from netzwerk.present.names import ActorNames
from netzwerk.store import Store, open_existing_store, open_store, store_exists

__all__ = [
    "emit",
    "format_option",
    "load_graphs",
    "load_view",
    "names_option",
    "pseudonymise_records",
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


def load_graphs(
    ctx: click.Context,
    as_of: str | None,
    tie_kinds: str = ",".join(DEFAULT_TIE_KINDS),
    unweighted: bool = False,
    *,
    shared: bool = True,
) -> tuple[nx.MultiDiGraph, nx.Graph]:
    """The store's graph and the actor–actor view the analyses use (built from the view
    options as typed; ``shared``: shared projects and events link their participants)."""
    day = parse_day(as_of)
    kinds = parse_tie_kinds(tie_kinds)
    with store_from(ctx) as store:
        graph = store.graph()
    view = actor_view(
        graph,
        tie_kinds=kinds,
        shared=DEFAULT_SHARED_KINDS if shared else (),
        as_of_date=day,
        weighted=not unweighted,
    )
    return graph, view


def load_view(
    ctx: click.Context,
    as_of: str | None,
    tie_kinds: str = ",".join(DEFAULT_TIE_KINDS),
    unweighted: bool = False,
) -> nx.Graph:
    """Read the store's graph and build the actor–actor view the analyses use."""
    return load_graphs(ctx, as_of, tie_kinds, unweighted)[1]


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
