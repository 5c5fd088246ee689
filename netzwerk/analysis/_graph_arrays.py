"""Array form of a networkx graph, shared by the fast kernels of every measure.

Analyses exchange networkx graphs; the heavy kernels work on integer-indexed arrays
instead: actors become positions 0..n−1 in the graph's node order, ties two index arrays.

- `GraphArrays` (broker measures: betweenness, structural holes, brokerage, cut-points,
  key players) also holds directed graphs and tie lengths, checks that strengths are
  positive and keeps what several kernels need: a symmetric sparse strength matrix, the
  igraph twin, the ties by rank and the list of triangles (`_triangles`).
- `EdgeArrays` (gap measures: mixing, E-I index, communities, periphery, introductions) is
  the lighter undirected edge list, built without a Python loop over the ties.

Both list each undirected tie once, lower position first, in adjacency order. Nothing
here is public API.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import networkx as nx
import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from netzwerk.analysis._lazy_igraph import ig
from netzwerk.analysis._triangles import RankedTies, ranked_ties, triangle_ties
from netzwerk.analysis.reuse import reused_forms
from netzwerk.performance import gc_paused


@dataclass(eq=False)
class GraphArrays:
    """A graph as arrays: node ``i`` is ``nodes[i]``; arc ``e`` runs ``tail[e] -> head[e]``.

    Undirected graphs hold every tie once (``tail < head``). Self-loops are dropped: no
    broker measure gives them a meaning. ``weight`` is the tie strength (1 where missing),
    ``distance`` the length used for shortest paths (the ``distance`` attribute, else
    1/weight).
    """

    nodes: list[Hashable]
    directed: bool
    tail: np.ndarray
    head: np.ndarray
    weight: np.ndarray
    distance: np.ndarray

    @property
    def n(self) -> int:
        return len(self.nodes)

    @cached_property
    def index(self) -> dict[Hashable, int]:
        return {node: i for i, node in enumerate(self.nodes)}

    @cached_property
    def strength(self) -> sp.csr_matrix:
        """Symmetric n×n matrix of a_ij + a_ji (undirected: 2·w_ij), sorted indices."""
        n = self.n
        arcs = sp.coo_matrix((self.weight, (self.tail, self.head)), shape=(n, n))
        matrix = (arcs + arcs.T).tocsr()
        matrix.sum_duplicates()
        matrix.sort_indices()
        return matrix

    @cached_property
    def degree(self) -> np.ndarray:
        """Number of distinct neighbours (in or out) of every node."""
        return np.diff(self.strength.indptr)

    @cached_property
    def igraph(self) -> ig.Graph:
        """The same graph in igraph, with ``distance`` on its edges (built once).

        A list of pairs of Python ints converts faster than an (m, 2) array's ``tolist()``,
        and with the garbage collector paused the million short-lived tuples cost no
        collections (at 100,000 actors 0.3 s instead of 2.2 s)."""
        with gc_paused():
            edges = list(zip(self.tail.tolist(), self.head.tolist(), strict=True))
            graph = ig.Graph(n=self.n, edges=edges, directed=self.directed)
            graph.es["distance"] = self.distance.tolist()
        return graph

    @cached_property
    def skeleton(self) -> ig.Graph:
        """The undirected simple graph underneath (one edge per linked pair)."""
        if not self.directed:
            return self.igraph
        upper = sp.triu(self.strength, k=1).tocoo()
        return ig.Graph(n=self.n, edges=np.column_stack([upper.row, upper.col]).tolist())

    @cached_property
    def ranked(self) -> RankedTies:
        """Every tie once, between actors renumbered by (degree, position): see
        `netzwerk.analysis._triangles`."""
        return ranked_ties(self.n, self.tail, self.head, self.weight)

    @cached_property
    def triangle_ties(self) -> list[np.ndarray]:
        """Every triangle x < y < z (ranks in `ranked`) as its entries (x, y), (x, z),
        (y, z) of ``ranked.matrix`` and x: (4, t_k) arrays, one per chunk."""
        return triangle_ties(self.ranked)

    @cached_property
    def triangles(self) -> np.ndarray:
        """All triangles of the skeleton as a (t, 3) integer array, each listed once."""
        order, cols = self.ranked.order, self.ranked.cols
        found = [
            np.column_stack([order[x], order[cols[xy]], order[cols[xz]]])
            for xy, xz, _, x in self.triangle_ties
        ]
        return np.concatenate(found) if found else np.zeros((0, 3), dtype=np.int64)

    def subgraph(self, keep: np.ndarray) -> GraphArrays:
        """The arrays of the subgraph induced by the nodes where ``keep`` is True (order kept)."""
        new_index = np.cumsum(keep) - 1
        arcs = keep[self.tail] & keep[self.head]
        return GraphArrays(
            [node for node, k in zip(self.nodes, keep, strict=True) if k],
            self.directed,
            new_index[self.tail[arcs]],
            new_index[self.head[arcs]],
            self.weight[arcs],
            self.distance[arcs],
        )

    def has_arc(self, tails: np.ndarray, heads: np.ndarray) -> np.ndarray:
        """For directed graphs: which of the arcs tails[k] -> heads[k] exist."""
        keys = np.sort(self.tail * self.n + self.head)
        if not len(keys):
            return np.zeros(len(tails), dtype=bool)
        wanted = tails * self.n + heads
        found: NDArray[np.bool_] = (
            keys[np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)] == wanted
        )
        return found


def graph_arrays(
    graph: nx.Graph, weight: str | None = "weight", distance: str | None = "distance"
) -> GraphArrays:
    """Convert ``graph`` (nx.Graph or nx.DiGraph, not a multigraph) to `GraphArrays`.

    ``weight=None`` makes every tie strength 1; ``distance=None`` makes every tie length 1
    (hop counts). Strengths and distances must be positive.
    """
    if graph.is_multigraph():
        raise nx.NetworkXNotImplemented("not implemented for multigraphs")
    forms = reused_forms(graph)
    if forms is None:
        return _built(graph, weight, distance)
    if (weight, distance) not in forms:
        made = _derived(forms, weight, distance) or _built(graph, weight, distance)
        for values in (made.tail, made.head, made.weight, made.distance):
            values.flags.writeable = False  # shared by every analysis in the block
        forms[weight, distance] = made
    reused: GraphArrays = forms[weight, distance]
    return reused


def _derived(
    forms: dict[tuple[str | None, str | None], GraphArrays],
    weight: str | None,
    distance: str | None,
) -> GraphArrays | None:
    """A form from one already built: the same ties, with strengths and lengths 1 where
    not asked for. (Lengths fall back on 1/strength, so they are only shared along with
    the same strengths.)"""
    for (built_weight, built_distance), arrays in forms.items():
        same_weight = weight is None or weight == built_weight
        same_distance = distance is None or (distance, weight) == (built_distance, built_weight)
        if same_weight and same_distance:
            ones = np.ones(len(arrays.tail))
            return GraphArrays(
                arrays.nodes,
                arrays.directed,
                arrays.tail,
                arrays.head,
                arrays.weight if weight else ones,
                arrays.distance if distance else ones,
            )
    return None


def _built(graph: nx.Graph, weight: str | None, distance: str | None) -> GraphArrays:
    """`graph_arrays` from the graph itself."""
    with gc_paused():  # millions of short-lived tuples: collections would double the time
        nodes, tail_list, head_list, strength_list, length_list = _edge_lists(
            graph, weight, distance
        )
    tail = np.asarray(tail_list, dtype=np.int64)
    head = np.asarray(head_list, dtype=np.int64)
    strengths = np.asarray(strength_list, dtype=float) if weight else np.ones(len(tail))
    lengths: NDArray[np.float64]
    if distance:
        given = np.asarray(length_list, dtype=float)
        lengths = np.where(np.isnan(given), 1.0 / strengths, given)
    else:
        lengths = np.ones(len(tail))
    if np.any(strengths <= 0) or np.any(lengths <= 0):
        raise ValueError("tie strengths and distances must be positive")
    return GraphArrays(nodes, graph.is_directed(), tail, head, strengths, lengths)


def _edge_lists(
    graph: nx.Graph, weight: str | None, distance: str | None
) -> tuple[list[Hashable], list[int], list[int], list[float], list[float]]:
    """One pass over the adjacency: each undirected tie once (lower index first), every
    arc of a directed graph, no self-loops."""
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    directed = graph.is_directed()
    tail: list[int] = []
    head: list[int] = []
    strengths: list[float] = []
    lengths: list[float] = []
    nan = float("nan")
    for u, neighbours in graph.adjacency():
        i = index[u]
        for v, data in neighbours.items():
            j = index[v]
            if j == i or (not directed and j < i):
                continue
            tail.append(i)
            head.append(j)
            if weight:
                strengths.append(data.get(weight, 1.0))
            if distance:
                length = data.get(distance)
                lengths.append(nan if length is None else length)
    return nodes, tail, head, strengths, lengths


@dataclass(frozen=True)
class EdgeArrays:
    """A simple undirected graph as arrays: ``nodes[i]`` is actor i, ties are (source, target)."""

    nodes: list[Hashable]
    index: dict[Hashable, int]
    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def m(self) -> int:
        return len(self.source)

    def degree(self) -> np.ndarray:
        return np.bincount(np.concatenate([self.source, self.target]), minlength=self.n)

    def adjacency(self, weighted: bool = False) -> sp.csr_matrix:
        """Symmetric n × n adjacency matrix (tie counts, or weights if ``weighted``)."""
        values = self.weight if weighted else np.ones(self.m)
        rows = np.concatenate([self.source, self.target])
        cols = np.concatenate([self.target, self.source])
        return sp.csr_matrix(
            (np.concatenate([values, values]), (rows, cols)), shape=(self.n, self.n)
        )

    @cached_property
    def igraph(self) -> ig.Graph:
        """The same graph in igraph (built once; lists convert faster than numpy arrays, and
        the paused garbage collector skips collections over the short-lived tuples)."""
        with gc_paused():
            return ig.Graph(
                n=self.n,
                edges=list(zip(self.source.tolist(), self.target.tolist(), strict=True)),
            )

    def pair_keys(self) -> np.ndarray:
        """Sorted int64 keys min·n + max of every tie, for fast membership tests."""
        return np.sort(
            np.minimum(self.source, self.target) * self.n + np.maximum(self.source, self.target)
        )


def edge_arrays(view: nx.Graph, weight: str | None = "weight") -> EdgeArrays:
    """The view as arrays (each tie once, source < target); self-loops dropped, weight 1 if
    missing or ``weight=None``. Inside `arrays_reused`, the ties of the shared `GraphArrays`
    (the same ties in the same order: a second build took 10-15 s at 1,000,000 actors)."""
    shared = _shared_edges(view, weight)
    if shared is not None:
        return shared
    nodes = list(view)
    index = dict(zip(nodes, range(len(nodes)), strict=True))
    lookup = index.__getitem__
    ends = int(sum(len(neighbours) for _, neighbours in view.adjacency()))
    degree = np.fromiter(
        (len(neighbours) for _, neighbours in view.adjacency()), dtype=np.int64, count=len(nodes)
    )
    source = np.repeat(np.arange(len(nodes), dtype=np.int64), degree)
    target = np.fromiter(
        chain.from_iterable(map(lookup, neighbours) for _, neighbours in view.adjacency()),
        dtype=np.int64,
        count=ends,
    )
    if weight is None:
        weights = np.ones(ends)
    else:
        weights = np.fromiter(
            chain.from_iterable(
                (data.get(weight, 1.0) for data in neighbours.values())
                for _, neighbours in view.adjacency()
            ),
            dtype=float,
            count=ends,
        )
    keep = source < target
    return EdgeArrays(nodes, index, source[keep], target[keep], weights[keep])


def _shared_edges(view: nx.Graph, weight: str | None) -> EdgeArrays | None:
    """`edge_arrays` from the view's shared `GraphArrays` inside `arrays_reused` (None:
    outside a block, or a graph the broker arrays do not take)."""
    if reused_forms(view) is None or view.is_directed() or view.is_multigraph():
        return None
    try:
        arrays = graph_arrays(view, weight, None)
    except ValueError:  # a strength that is not positive: `graph_arrays` refuses it
        return None
    return EdgeArrays(arrays.nodes, arrays.index, arrays.tail, arrays.head, arrays.weight)
