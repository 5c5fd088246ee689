"""The actor–actor view every analysis works on, derived from the store's full graph.

The store's graph (`model.GRAPH_SCHEMA`) holds actors, topics, projects, events and places
with typed ties. Broker and gap measures need one simple undirected graph of actors:
two actors are linked if they have a direct tie of a chosen kind (cooperation, membership,
Träger by default) or took part in the same project or event. Shared projects and events
enter with Newman's collaboration weighting, so a 200-person festival does not swamp
everything: each project/event p with n_p participating actors adds 1/(n_p − 1) to every
pair of its participants (Newman 2001). Direct ties add their strength (``weight``).

The options used are stored in ``view.graph["view"]`` so every output can show them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from itertools import combinations
from typing import Any

import networkx as nx

from netzwerk.model import is_valid_on, node_is_valid
from netzwerk.performance import gc_paused

DEFAULT_TIE_KINDS = ("cooperation", "membership", "runs")
DEFAULT_SHARED_KINDS = ("project", "event")
# Tie kinds by which an actor takes part in a project or event.
PARTICIPATION_KINDS = ("participation", "runs", "funding")


@dataclass(frozen=True)
class ViewOptions:
    """How the actor–actor view was built; shown in every output."""

    tie_kinds: tuple[str, ...] = DEFAULT_TIE_KINDS
    shared: tuple[str, ...] = DEFAULT_SHARED_KINDS
    as_of: date | None = None
    weighted: bool = True


def as_of(graph: nx.MultiDiGraph, day: date | None) -> nx.MultiDiGraph:
    """The part of a store graph valid on ``day``: nodes and ties whose period contains it.

    Events stay once held (`model.node_is_valid`).
    A tie is kept only if both its ends are kept. ``day=None`` returns the graph unchanged.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="actor", since=date(2020, 1, 1), until=None)
    >>> G.add_node("b", kind="actor", since=None, until=date(2022, 12, 31))
    >>> sorted(as_of(G, date(2023, 6, 1)))
    ['a']
    """
    if day is None:
        return graph
    keep = [
        n
        for n, d in graph.nodes(data=True)
        if node_is_valid(d.get("kind", ""), d.get("since"), d.get("until"), day)
    ]
    sub = nx.MultiDiGraph()
    sub.graph.update(graph.graph)
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    sub.add_edges_from(
        (u, v, k, d)
        for u, v, k, d in graph.edges(keys=True, data=True)
        if u in sub and v in sub and is_valid_on(d.get("since"), d.get("until"), day)
    )
    return sub


def actor_view(
    graph: nx.MultiDiGraph,
    *,
    tie_kinds: Iterable[str] = DEFAULT_TIE_KINDS,
    shared: Iterable[str] = DEFAULT_SHARED_KINDS,
    as_of_date: date | None = None,
    weighted: bool = True,
) -> nx.Graph:
    """Project the store graph onto actors: one undirected, weighted graph of actors.

    Edge ``weight`` = sum of the strengths of direct ties of ``tie_kinds`` plus, for each
    shared project/event p, 1/(n_p − 1) (Newman's collaboration weighting). With
    ``weighted=False`` every edge has weight 1. Edge ``distance`` = 1/weight, for algorithms
    that need distances (stronger tie = shorter distance). Edge ``kinds`` lists what joins
    the pair ('cooperation', 'project', 'event', ...). Every actor valid on ``as_of_date``
    is a node, isolates included, with all its attributes.

    References
    ----------
    Newman, M. E. J. (2001). Scientific collaboration networks. II. Shortest paths,
    weighted networks, and centrality. Phys. Rev. E 64, 016132.
    Breiger, R. L. (1974). The duality of persons and groups. Social Forces 53(2).

    Examples
    --------
    Three actors at one festival, and a and b also cooperate with strength 2:

    >>> G = nx.MultiDiGraph()
    >>> for a in "abc":
    ...     G.add_node(a, kind="actor", name=a.upper())
    >>> G.add_node("event:fest", kind="event", name="Fest")
    >>> for a in "abc":
    ...     _ = G.add_edge(a, "event:fest", kind="participation", weight=1.0)
    >>> _ = G.add_edge("a", "b", kind="cooperation", weight=2.0)
    >>> V = actor_view(G)
    >>> V["a"]["b"]["weight"], V["a"]["c"]["weight"], V["a"]["b"]["kinds"]
    (2.5, 0.5, ['cooperation', 'event'])
    """
    with gc_paused():
        return _build_actor_view(graph, tuple(tie_kinds), tuple(shared), as_of_date, weighted)


def _build_actor_view(
    graph: nx.MultiDiGraph,
    tie_kinds: tuple[str, ...],
    shared: tuple[str, ...],
    as_of_date: date | None,
    weighted: bool,
) -> nx.Graph:
    nodes = _valid_nodes(graph, as_of_date)
    view = nx.Graph()
    view.graph["view"] = asdict(
        ViewOptions(tie_kinds=tie_kinds, shared=shared, as_of=as_of_date, weighted=weighted)
    )
    node_kind: dict[str, Any] = {n: d.get("kind") for n, d in nodes.items()}
    view.add_nodes_from((n, d) for n, d in nodes.items() if node_kind[n] == "actor")
    pairs = _PairSums()
    participants = _direct_ties(graph, node_kind, pairs, tie_kinds, shared, as_of_date)
    for activity, members in participants.items():
        if len(members) < 2:
            continue
        share = 1.0 / (len(members) - 1)
        activity_kind = node_kind[activity]
        for u, v in combinations(sorted(members), 2):
            pairs.add((u, v), share, activity_kind)
    view.add_edges_from(
        (
            u,
            v,
            {
                "weight": w if weighted else 1.0,
                "distance": 1.0 / w if weighted else 1.0,
                "kinds": pairs.kinds_of((u, v)),
            },
        )
        for (u, v), w in pairs.weights.items()
    )
    return view


class _PairSums:
    """Per pair of actors (u < v): the summed weight and the kinds that join them (one
    kind as a text, several as a set: most pairs have one, and a set per pair cost
    gigabytes at city scale)."""

    def __init__(self) -> None:
        self.weights: dict[tuple[str, str], float] = defaultdict(float)
        self.kinds: dict[tuple[str, str], str | set[str]] = {}

    def add(self, pair: tuple[str, str], amount: float, kind: str) -> None:
        self.weights[pair] += amount
        known = self.kinds.setdefault(pair, kind)
        if isinstance(known, set):
            known.add(kind)
        elif known != kind:
            self.kinds[pair] = {known, kind}

    def kinds_of(self, pair: tuple[str, str]) -> list[str]:
        """The kinds joining ``pair``, sorted."""
        known = self.kinds[pair]
        return sorted(known) if isinstance(known, set) else [known]


def _direct_ties(
    graph: nx.MultiDiGraph,
    node_kind: dict[str, Any],
    pairs: _PairSums,
    tie_kinds: tuple[str, ...],
    shared: tuple[str, ...],
    day: date | None,
) -> dict[str, set[str]]:
    """Add the direct ties of ``tie_kinds`` between valid actors (valid on ``day``) to
    ``pairs``; return the actors taking part in each valid project or event (``shared``).
    One pass over the store's ties, the cheap tests first (5,000,000 ties at city scale)."""
    participants: dict[str, set[str]] = defaultdict(set)
    add, kind_of = pairs.add, node_kind.get
    for u, v, data in graph.edges(data=True):
        if u == v or kind_of(u) != "actor":
            continue
        target_kind = kind_of(v)
        if target_kind is None or (
            day is not None and not is_valid_on(data.get("since"), data.get("until"), day)
        ):
            continue
        kind = data.get("kind")
        if target_kind == "actor":
            if kind in tie_kinds:
                add((u, v) if u < v else (v, u), float(data.get("weight") or 1.0), kind)
        elif target_kind in shared and kind in PARTICIPATION_KINDS:
            participants[v].add(u)
    return participants


def _valid_nodes(graph: nx.MultiDiGraph, day: date | None) -> dict[str, dict[str, Any]]:
    """The nodes of `as_of` (graph, day) with their attributes, in the graph's order,
    without copying the graph (a copy of a city-scale store graph took gigabytes)."""
    return {
        n: d
        for n, d in graph.nodes(data=True)
        if day is None or node_is_valid(d.get("kind", ""), d.get("since"), d.get("until"), day)
    }


def coordinators(view: nx.Graph) -> list[str]:
    """Actors flagged as coordinators (the QM team itself), sorted.

    >>> V = nx.Graph(); V.add_node("qm", coordinator=True); V.add_node("x")
    >>> coordinators(V)
    ['qm']
    """
    return sorted(n for n, d in view.nodes(data=True) if d.get("coordinator"))
