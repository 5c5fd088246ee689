"""The map's time slider: the same network view on several days, as bits per actor and tie.

Each slider position is the report's view (`NetworkView`) moved to another day with
`NetworkView.on`: 31 December of every year of the data, and the view's own day last. An
actor or tie that is in the view of position ``y`` has bit ``y`` set, so the page shows
the network of any position without computing anything. The union of all positions is one
graph (`TimeSlices.union`): the map lays it out once, so nobody moves when the slider does.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import networkx as nx

from netzwerk.analysis.network_view import NetworkView

MAX_POSITIONS = 31
"""Slider positions at most: the page keeps the bits in 32-bit integers. Older years go
first."""


@dataclass
class TimeSlices:
    """The days of the slider and, per actor and tie (sorted pair), the bits of the days
    whose view holds it; ``union`` holds every actor and tie of any day (the attributes of
    the latest day that has it; ``kinds`` of a tie are those of all days)."""

    days: list[date | None]
    union: nx.Graph
    actor_bits: dict[Hashable, int] = field(default_factory=dict)
    tie_bits: dict[tuple[Hashable, Hashable], int] = field(default_factory=dict)


def slider_days(store_graph: nx.MultiDiGraph, day: date, limit: int = MAX_POSITIONS) -> list[date]:
    """31 December of each year from the first dated record up to the year before ``day``,
    then ``day`` itself; at most ``limit`` days (the latest ones).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="actor", since=date(2019, 5, 1))
    >>> [d.isoformat() for d in slider_days(g, date(2021, 6, 30))]
    ['2019-12-31', '2020-12-31', '2021-06-30']
    >>> len(slider_days(g, date(2060, 1, 1), limit=5))
    5
    """
    first = min(_dates(store_graph), default=day).year
    days = [date(year, 12, 31) for year in range(first, day.year)]
    days.append(day)
    return days[-limit:]


def _dates(store_graph: nx.MultiDiGraph) -> Iterable[date]:
    for _, data in store_graph.nodes(data=True):
        if data.get("kind") == "actor":
            yield from (d for d in (data.get("since"), data.get("until")) if d)
    for _, _, data in store_graph.edges(data=True):
        yield from (d for d in (data.get("since"), data.get("until")) if d)


def time_slices(
    store_graph: nx.MultiDiGraph,
    spec: NetworkView,
    view: nx.Graph,
    days: Sequence[date | None],
    part: Collection[Hashable] | None = None,
) -> TimeSlices:
    """The view of each of ``days`` (the last one is ``view`` itself, already built) and
    their union, with the bits of each actor and tie; ``part``: only these actors."""
    slices = TimeSlices(days=list(days), union=nx.Graph())
    actors: dict[Hashable, dict] = {}
    kinds: dict[tuple[Hashable, Hashable], set[str]] = {}
    weights: dict[tuple[Hashable, Hashable], float] = {}
    for position, day in enumerate(days):
        graph = view if position == len(days) - 1 else spec.on(day).actor_graph(store_graph)
        if part is not None:
            graph = graph.subgraph([a for a in part if a in graph])
        bit = 1 << position
        for actor, data in graph.nodes(data=True):
            slices.actor_bits[actor] = slices.actor_bits.get(actor, 0) | bit
            actors[actor] = data
        for u, v, data in graph.edges(data=True):
            pair = (u, v) if str(u) <= str(v) else (v, u)
            slices.tie_bits[pair] = slices.tie_bits.get(pair, 0) | bit
            kinds.setdefault(pair, set()).update(data.get("kinds") or ())
            weights[pair] = data.get("weight", 1.0)
    slices.union.add_nodes_from(actors.items())
    slices.union.add_edges_from(
        (u, v, {"weight": weights[(u, v)], "kinds": sorted(kinds[(u, v)])}) for u, v in kinds
    )
    return slices
