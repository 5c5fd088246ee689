"""Which part of the network a map shows, and whether a browser can hold it."""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

from netzwerk.errors import ConfigError
from netzwerk.present.formats import format_number
from netzwerk.present.texts import text

MAP_ACTOR_LIMIT = 20_000
"""Actors one map may hold (measured: 10,000 actors / 50,000 ties open in about a second
in headless Chromium with software WebGL; twice that stays usable)."""
MAP_TIE_LIMIT = 100_000
"""Ties one map may hold (see `MAP_ACTOR_LIMIT`)."""


def fits_browser(view: nx.Graph) -> bool:
    """Whether one map of every actor of ``view`` stays usable in a browser."""
    return view.number_of_nodes() <= MAP_ACTOR_LIMIT and view.number_of_edges() <= MAP_TIE_LIMIT


def too_large_line(view: nx.Graph, lang: str, key: str = "karte.too_large") -> str:
    """The words saying that ``view`` is too large for one map, and what to do instead."""
    return text(
        key,
        lang,
        actors=format_number(view.number_of_nodes(), lang),
        limit=format_number(MAP_ACTOR_LIMIT, lang),
    )


def require_fits_browser(view: nx.Graph, lang: str) -> None:
    """Raise ConfigError (the `too_large_line`) when one map of ``view`` would be too large."""
    if not fits_browser(view):
        raise ConfigError(too_large_line(view, lang))


def map_part(
    view: nx.Graph,
    *,
    around: Hashable | None = None,
    steps: int = 2,
    sector: str | None = None,
) -> set[Hashable] | None:
    """The actors a partial map shows: ``steps`` steps around the actor ``around``, or the
    actors of ``sector`` with their direct contacts; None: everyone."""
    if around is not None:
        return set(nx.ego_graph(view, around, radius=steps))
    if sector is not None:
        members = {a for a, d in view.nodes(data=True) if d.get("sector") == sector}
        if not members:
            raise ConfigError(f'Sektor "{sector}" hat im Netz keine Akteure — Sektor prüfen')
        return members | {b for a in members for b in view[a]}
    return None
