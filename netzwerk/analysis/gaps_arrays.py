"""Integer arrays behind the gap measures: a view's edge list and its group memberships.

The gap measures (mixing, E-I index, communities, periphery, introductions) run their
kernels on numpy/scipy arrays rather than on networkx dicts. This module converts once:
actors become positions 0..n−1 (in the view's node order), ties become two index arrays,
and an attribute becomes a sparse actor × group membership matrix.

Group membership convention (used by every gap measure): an actor belongs to the group
named by its attribute value; a list-valued attribute (like ``topics``) puts the actor in
each of its groups; a missing or empty value puts it in none, and such actors are left
out of group measures (their ties are not counted as internal or external).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import igraph
import networkx as nx
import numpy as np
import scipy.sparse as sp

from netzwerk.errors import ConfigError

# Node attributes that are not groupings (identity, free text, dates).
NOT_GROUPINGS = frozenset({"id", "name", "note", "since", "until", "kind"})




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
    def igraph(self) -> igraph.Graph:
        """The same graph in igraph (built once; lists convert faster than numpy arrays)."""
        return igraph.Graph(
            n=self.n, edges=list(zip(self.source.tolist(), self.target.tolist(), strict=True))
        )

    def pair_keys(self) -> np.ndarray:
        """Sorted int64 keys min·n + max of every tie, for fast membership tests."""
        return np.sort(
            np.minimum(self.source, self.target) * self.n + np.maximum(self.source, self.target)
        )


def edge_arrays(view: nx.Graph, weight: str | None = "weight") -> EdgeArrays:
    """The view as arrays (each tie once, source < target); self-loops dropped, weight 1 if
    missing or ``weight=None``."""
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


def group_memberships(view: nx.Graph, by: str) -> dict[Hashable, tuple[str, ...]]:
    """Groups of every actor by attribute ``by`` (see the module docstring for the convention).

    Raises `ConfigError` if no actor has the attribute.

    >>> V = nx.Graph()
    >>> V.add_node("a", sector="education", topics=["jugend", "sprache"])
    >>> V.add_node("b", sector="", topics=[])
    >>> group_memberships(V, "topics"), group_memberships(V, "sector")["b"]
    ({'a': ('jugend', 'sprache'), 'b': ()}, ())
    """
    if len(view) and not any(by in data for _, data in view.nodes(data=True)):
        available = sorted(
            {key for _, data in view.nodes(data=True) for key in data} - NOT_GROUPINGS
        )
        raise ConfigError(
            f'unbekanntes Merkmal "{by}" — vorhanden sind: {", ".join(available) or "keine"}'
        )
    memberships = {}
    for node, value in view.nodes(data=by):
        if value is None or value == "":
            groups: tuple[str, ...] = ()
        elif isinstance(value, list | tuple | set | frozenset):
            groups = tuple(sorted({str(v) for v in value if v is not None and v != ""}))
        else:
            groups = (str(value),)
        memberships[node] = groups
    return memberships


@dataclass(frozen=True)
class Membership:
    """Actor × group membership: ``matrix[i, g] = 1`` if actor i is in ``groups[g]``."""

    groups: list[str]
    matrix: sp.csr_matrix

    @property
    def sizes(self) -> np.ndarray:
        return np.asarray(self.matrix.sum(axis=0)).ravel().astype(int)

    @property
    def grouped(self) -> np.ndarray:
        """Boolean mask of actors in at least one group."""
        return np.diff(self.matrix.indptr) > 0

    @property
    def single_valued(self) -> bool:
        return bool(np.all(np.diff(self.matrix.indptr) <= 1))

    def codes(self) -> np.ndarray:
        """Group position of each actor (−1 if none); only for single-valued memberships."""
        codes = np.full(self.matrix.shape[0], -1, dtype=np.int64)
        counts = np.diff(self.matrix.indptr)
        codes[counts == 1] = self.matrix.indices[self.matrix.indptr[:-1][counts == 1]]
        return codes

    def bitmasks(self) -> np.ndarray:
        """Each actor's groups as bits: shape (n, ⌈k/64⌉), uint64, for fast 'share a group?'."""
        n, k = self.matrix.shape
        words = max(1, -(-k // 64))
        masks = np.zeros((n, words), dtype=np.uint64)
        coo = self.matrix.tocoo()
        bits = np.left_shift(np.uint64(1), (coo.col % 64).astype(np.uint64))
        np.bitwise_or.at(masks, (coo.row, coo.col // 64), bits)
        return masks


def membership(
    arrays: EdgeArrays,
    memberships: dict[Hashable, Sequence[str]],
    order: Sequence[str] | None = None,
) -> Membership:
    """Membership matrix for ``arrays.nodes``; groups sorted (or in ``order``, then sorted)."""
    present = {g for node in arrays.nodes for g in memberships.get(node, ())}
    groups = [g for g in (order or ()) if g in present]
    groups += sorted(present - set(groups))
    position = {g: i for i, g in enumerate(groups)}
    rows, cols = [], []
    for i, node in enumerate(arrays.nodes):
        for group in memberships.get(node, ()):
            rows.append(i)
            cols.append(position[group])
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(arrays.n, len(groups)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return Membership(groups, matrix)
