"""Weak spots of a network: cut-points, bridges, local bridges and fragmentation."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, TypeVar, cast

import networkx as nx
import numpy as np
import scipy.sparse as sp
from networkx.utils import not_implemented_for
from scipy.sparse.csgraph import connected_components

from netzwerk.analysis._graph_arrays import GraphArrays, graph_arrays
from netzwerk.analysis._lazy_igraph import ig

_Function = TypeVar("_Function", bound=Callable[..., Any])


def _undirected_only(function: _Function) -> _Function:
    """networkx's ``not_implemented_for("directed")``, typed: networkx ships no types, so
    the decorator would otherwise erase the signature of the function it wraps."""
    return cast(_Function, not_implemented_for("directed")(function))


@_undirected_only
def cut_points(graph: nx.Graph) -> list[Hashable]:
    """Actors whose departure would split the network: articulation points (cut-points).

    An actor is a cut-point if removing it leaves more connected components than before:
    some others can reach each other only through it.

    Found with the depth-first search of Hopcroft & Tarjan (1973), in igraph; same set as
    `networkx.articulation_points`. Returned in graph order.

    Parameters
    ----------
    graph : networkx.Graph

    Returns
    -------
    list
        The cut-points.

    References
    ----------
    Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: Efficient algorithms for graph
    manipulation. Communications of the ACM 16(6), 372–378.

    Examples
    --------
    In the path a – b – c – d, b and c hold it together:

    >>> cut_points(nx.path_graph("abcd"))
    ['b', 'c']
    """
    return cut_points_kernel(graph_arrays(graph, weight=None, distance=None))


def cut_points_kernel(arrays: GraphArrays) -> list[Hashable]:
    return [arrays.nodes[i] for i in sorted(arrays.skeleton.articulation_points())]


@_undirected_only
def bridges(graph: nx.Graph) -> list[tuple[Hashable, Hashable]]:
    """Ties whose loss would split the network (bridges).

    A tie is a bridge if removing it leaves more connected components: it is the only
    way between the two sides. Same set as `networkx.bridges` (Tarjan 1974), computed in
    igraph. Each tie is given once, ends in graph order, sorted.

    Parameters
    ----------
    graph : networkx.Graph

    Returns
    -------
    list of (u, v)

    References
    ----------
    Tarjan, R. E. (1974). A note on finding the bridges of a graph. Information
    Processing Letters 2(6), 160–161.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])
    >>> bridges(G)
    [('c', 'd')]
    """
    arrays = graph_arrays(graph, weight=None, distance=None)
    found = sorted((int(arrays.tail[e]), int(arrays.head[e])) for e in arrays.igraph.bridges())
    return [(arrays.nodes[u], arrays.nodes[v]) for u, v in found]


@dataclass(frozen=True)
class LocalBridge:
    """A tie whose ends have no common contact; ``span`` = length of the next shortest way
    between them (None: there is none, the tie is a bridge)."""

    u: Hashable
    v: Hashable
    span: int | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@_undirected_only
def local_bridges(graph: nx.Graph, with_span: bool = True) -> list[LocalBridge]:
    """Ties between actors who have no contact in common (Granovetter's local bridges).

    Such a tie is the shortest way between two circles; its *span* says how much longer
    the way would be without it. Weak ties that are local bridges carry new information
    (Granovetter 1973).

    Definition: tie u–v is a local bridge if N(u) ∩ N(v) = ∅; its span is the number of
    steps of the shortest u–v path that avoids the tie (ties counted, strengths ignored,
    as in `networkx.local_bridges`). Span None (networkx: inf) means there is no other
    path: the tie is a bridge. Local bridges are found from the triangle list; spans by a
    bidirectional breadth-first search per local bridge.

    Parameters
    ----------
    graph : networkx.Graph
    with_span : bool
        Compute spans (default); False leaves them None.

    Returns
    -------
    list of LocalBridge
        Sorted by graph order of (u, v).

    References
    ----------
    Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology
    78(6), 1360–1380.

    Examples
    --------
    A square a–b–c–d–a: every tie is a local bridge of span 3; adding d–b closes two
    triangles and leaves none.

    >>> [(b.u, b.v, b.span) for b in local_bridges(nx.cycle_graph("abcd"))]
    [('a', 'b', 3), ('a', 'd', 3), ('b', 'c', 3), ('c', 'd', 3)]
    >>> local_bridges(nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("d", "b")]))
    []
    """
    arrays = graph_arrays(graph, weight=None, distance=None)
    upper = sp.triu(arrays.strength, k=1).tocsr()
    rows = np.repeat(np.arange(arrays.n), np.diff(upper.indptr))
    keys = rows * arrays.n + upper.indices
    closed = np.zeros(upper.nnz, dtype=bool)
    triangles = np.sort(arrays.triangles, axis=1)
    for x, y in ((0, 1), (0, 2), (1, 2)):
        closed[np.searchsorted(keys, triangles[:, x] * arrays.n + triangles[:, y])] = True
    open_ties = list(zip(rows[~closed].tolist(), upper.indices[~closed].tolist(), strict=True))
    neighbours = _neighbour_sets(arrays) if with_span else []
    return [
        LocalBridge(
            arrays.nodes[u], arrays.nodes[v], _detour(neighbours, u, v) if with_span else None
        )
        for u, v in open_ties
    ]


def _neighbour_sets(arrays: GraphArrays) -> list[set[int]]:
    matrix = arrays.strength
    indices = matrix.indices.tolist()
    bounds = matrix.indptr.tolist()
    return [set(indices[bounds[i] : bounds[i + 1]]) for i in range(arrays.n)]


def _detour(neighbours: list[set[int]], u: int, v: int) -> int | None:
    """Length of the shortest u–v path without the tie u–v (bidirectional BFS)."""
    seen = ({u: 0}, {v: 0})
    frontier = ([u], [v])
    while frontier[0] and frontier[1]:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        mine, theirs = seen[side], seen[1 - side]
        best = None
        following = []
        for node in frontier[side]:
            for other in neighbours[node]:
                if {node, other} == {u, v}:
                    continue
                if other in theirs:
                    length = mine[node] + 1 + theirs[other]
                    best = length if best is None else min(best, length)
                if other not in mine:
                    mine[other] = mine[node] + 1
                    following.append(other)
        if best is not None:
            return best
        frontier = (following, frontier[1]) if side == 0 else (frontier[0], following)
    return None


def fragmentation(graph: nx.Graph, removed: Iterable[Hashable] = ()) -> float:
    r"""Share of actor pairs that cannot reach each other (Borgatti's F).

    .. math:: F = 1 - \frac{\sum_k s_k (s_k - 1)}{n (n - 1)}

    over the connected components k (sizes :math:`s_k`) of the network after removing
    ``removed``; n counts the remaining actors. 0 = everyone can reach everyone, 1 = no
    ties at all. 0 when fewer than two actors remain (no pair to cut off). Directed
    graphs count weak components.

    Parameters
    ----------
    graph : networkx.Graph
    removed : iterable
        Actors taken out first (e.g. a key-player set).

    Returns
    -------
    float

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    Computational and Mathematical Organization Theory 12, 21–34.

    Examples
    --------
    Taking the middle out of the path 1–2–3–4–5 leaves {1, 2} and {4, 5}:
    1 − (2 + 2)/(4 · 3) = 2/3.

    >>> round(fragmentation(nx.path_graph([1, 2, 3, 4, 5]), removed=[3]), 4)
    0.6667
    """
    arrays = graph_arrays(graph, weight=None, distance=None)
    return fragmentation_kernel(arrays, _alive(arrays, removed))


def distance_fragmentation(graph: nx.Graph, removed: Iterable[Hashable] = ()) -> float:
    r"""How far apart actors are, as a share from 0 (all directly tied) to 1 (none can
    reach another): Borgatti's distance-weighted fragmentation DF.

    .. math:: DF = 1 - \frac{\sum_{i \ne j} 1/d_{ij}}{n (n - 1)}

    with :math:`d_{ij}` the number of steps between i and j (1/∞ = 0) in the network after
    removing ``removed``; tie strengths do not enter. 0 when fewer than two remain.

    Parameters
    ----------
    graph : networkx.Graph
    removed : iterable

    Returns
    -------
    float

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    Computational and Mathematical Organization Theory 12, 21–34.

    Examples
    --------
    Path a – b – c: distances 1, 1, 2, so DF = 1 − 2(1 + 1 + 1/2)/6 = 1/6.

    >>> round(distance_fragmentation(nx.path_graph("abc")), 4)
    0.1667
    """
    arrays = graph_arrays(graph, weight=None, distance=None)
    return distance_fragmentation_kernel(arrays, _alive(arrays, removed))


def _alive(arrays: GraphArrays, removed: Iterable[Hashable]) -> np.ndarray:
    alive = np.ones(arrays.n, dtype=bool)
    alive[[arrays.index[node] for node in removed]] = False
    return alive


def components_kernel(arrays: GraphArrays, alive: np.ndarray) -> np.ndarray:
    """Component label of every node in the network of the ``alive`` nodes (dead: -1),
    numbered in the order of each component's first node.

    The whole network goes to igraph; a part of it (`GraphArrays.subgraph`) to scipy, which
    at 1,000,000 actors took 0.5 s where igraph's induced subgraph took 1.2 s.
    """
    living = np.flatnonzero(alive)
    labels = np.full(arrays.n, -1, dtype=np.int64)
    if len(living) == arrays.n:
        labels[:] = ig.GraphBase.connected_components(arrays.skeleton)  # the bare membership
        return labels
    part = arrays.subgraph(alive)
    ties = sp.csr_matrix(
        (np.ones(len(part.tail), dtype=np.int8), (part.tail, part.head)), shape=(part.n, part.n)
    )
    labels[living] = connected_components(ties, directed=True, connection="weak")[1]
    return labels


def fragmentation_kernel(arrays: GraphArrays, alive: np.ndarray) -> float:
    """F of the network of the ``alive`` nodes (`fragmentation` on prepared arrays)."""
    labels = components_kernel(arrays, alive)
    remaining = int(alive.sum())
    if remaining < 2:
        return 0.0
    sizes = np.bincount(labels[alive]).astype(float)
    return float(1.0 - np.sum(sizes * (sizes - 1)) / (remaining * (remaining - 1)))


def distance_fragmentation_kernel(arrays: GraphArrays, alive: np.ndarray) -> float:
    remaining = np.flatnonzero(alive)
    if len(remaining) < 2:
        return 0.0
    sub = arrays.skeleton.induced_subgraph(remaining.tolist())
    closeness = sub.harmonic_centrality(mode="all", normalized=True)
    return float(1.0 - np.mean(closeness))
