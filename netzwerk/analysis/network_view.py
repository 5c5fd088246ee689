"""The network view (*Netzwerksicht*): which network every analysis, table and figure shows.

One `NetworkView` says on which day the network is looked at, which tie kinds link actors
directly, whether shared projects and events link their participants, whether ties are
weighted by strength, which attribute forms the groups and who the coordinators are.
Every command, the report, the figures, the exports and the notebooks build one from their
options and call `NetworkView.actor_graph` on the store graph, so the same options always
give the same numbers. The default is the network as it is **today** (``as_of`` = the
day it is built); ``as_of=None`` (``--alle-zeitraeume``) keeps every period, also actors
and ties that ended long ago.

Example (in a notebook)::

    from netzwerk.analysis import NetworkView
    view = NetworkView()                      # today, default ties, weighted, by sector
    graph = view.actor_graph(store.graph())   # the actor–actor graph every analysis takes
    NetworkView(as_of=None).actor_graph(store.graph())   # all periods
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.analysis.views import (
    DEFAULT_SHARED_KINDS,
    DEFAULT_TIE_KINDS,
    actor_view,
)
from netzwerk.analysis.views import coordinators as flagged_coordinators

__all__ = ["NetworkView", "network_view_of"]


@dataclass(frozen=True)
class NetworkView:
    """How the actor–actor network is built and grouped; one per run, shown in every output.

    Parameters
    ----------
    as_of : datetime.date or None
        Day the network is shown for: actors and ties valid on it (default: today, taken
        when the view is made). None: every period, also what has ended.
    tie_kinds : tuple of str
        Direct tie kinds that link two actors (`netzwerk.model.TIE_KINDS` keys).
    shared : tuple of str
        Activities ('project', 'event') whose participants are linked, with Newman's
        1/(n − 1) weighting (`netzwerk.analysis.views.actor_view`); () for direct ties only.
    weighted : bool
        Ties weighted by strength (True) or each counting 1.
    by : str
        Actor attribute that forms the groups (sector, topics, type, ...).
    coordinators : tuple or None
        The coordinators (the QM). None: the actors flagged ``coordinator`` in the data.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="actor", since=None, until=None, coordinator=True)
    >>> G.add_node("b", kind="actor", since=None, until=date(2022, 12, 31))
    >>> _ = G.add_edge("a", "b", kind="cooperation", weight=1.0)
    >>> today = NetworkView(as_of=date(2024, 6, 30))
    >>> sorted(today.actor_graph(G)), sorted(NetworkView(as_of=None).actor_graph(G))
    (['a'], ['a', 'b'])
    >>> today.metadata(today.actor_graph(G))["as_of"], today.coordinator_ids(today.actor_graph(G))
    ('2024-06-30', ['a'])
    """

    as_of: date | None = field(default_factory=date.today)
    tie_kinds: tuple[str, ...] = DEFAULT_TIE_KINDS
    shared: tuple[str, ...] = DEFAULT_SHARED_KINDS
    weighted: bool = True
    by: str = "sector"
    coordinators: tuple[Hashable, ...] | None = None

    def actor_graph(self, store_graph: nx.MultiDiGraph) -> nx.Graph:
        """The actor–actor graph of this view (`netzwerk.analysis.views.actor_view`).

        Given ``coordinators`` replace the data's ``coordinator`` flags, so every analysis
        that asks for the coordinators finds these. The view itself is recorded in
        ``graph.graph["network_view"]`` (and the build options in ``graph.graph["view"]``).
        """
        graph = actor_view(
            store_graph,
            tie_kinds=self.tie_kinds,
            shared=self.shared,
            as_of_date=self.as_of,
            weighted=self.weighted,
        )
        if self.coordinators is not None:
            chosen = set(self.coordinators)
            for node, data in graph.nodes(data=True):
                data["coordinator"] = node in chosen
        graph.graph["network_view"] = self
        graph.graph["view"]["by"] = self.by
        return graph

    def with_coordinators(self, coordinators: tuple[Hashable, ...] | None) -> NetworkView:
        """The same view with other coordinators (None: those flagged in the data)."""
        return replace(self, coordinators=coordinators)

    def on(self, day: date | None) -> NetworkView:
        """The same view on another day (None: all periods)."""
        return replace(self, as_of=day)

    def coordinator_ids(self, graph: nx.Graph) -> list[str]:
        """The coordinators in ``graph`` (built by `actor_graph`), sorted."""
        return flagged_coordinators(graph)

    def metadata(self, graph: nx.Graph | None = None) -> dict[str, Any]:
        """The view as plain data for JSON: ``as_of`` (ISO date or None for all periods),
        ``tie_kinds``, ``shared``, ``weighted``, ``by`` and ``coordinators`` (ids; from
        ``graph`` when the data flags them)."""
        coordinators: list[Any] | None
        if graph is not None:
            coordinators = self.coordinator_ids(graph)
        else:
            coordinators = None if self.coordinators is None else list(self.coordinators)
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "tie_kinds": list(self.tie_kinds),
            "shared": list(self.shared),
            "weighted": self.weighted,
            "by": self.by,
            "coordinators": coordinators,
        }


def network_view_of(graph: nx.Graph) -> NetworkView:
    """The `NetworkView` a graph was built with (`NetworkView.actor_graph`); for any other
    graph the view its ``graph["view"]`` options describe (default: today's)."""
    found = graph.graph.get("network_view")
    if isinstance(found, NetworkView):
        return found
    built = graph.graph.get("view") or {}
    if not built:
        return NetworkView()
    return NetworkView(
        as_of=built.get("as_of"),
        tie_kinds=tuple(built.get("tie_kinds", DEFAULT_TIE_KINDS)),
        shared=tuple(built.get("shared", DEFAULT_SHARED_KINDS)),
        weighted=bool(built.get("weighted", True)),
        by=str(built.get("by", "sector")),
    )
