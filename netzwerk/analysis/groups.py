"""Groups of actors by an attribute, as the gap measures count them.

The gap measures (mixing, E-I index, communities, periphery, introductions) turn an
attribute into a sparse actor × group membership matrix over the positions of
`netzwerk.analysis._graph_arrays.EdgeArrays`.

Group membership convention (used by every gap measure): an actor belongs to the group
named by its attribute value; a list-valued attribute (like ``topics``) puts the actor in
each of its groups; a missing or empty value puts it in none, and such actors are left
out of group measures (their ties are not counted as internal or external).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from netzwerk.analysis._graph_arrays import EdgeArrays
from netzwerk.errors import ConfigError

# Node attributes that are not groupings (identity, free text, dates).
NOT_GROUPINGS = frozenset({"id", "name", "note", "since", "until", "kind"})


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
        grouped: NDArray[np.bool_] = np.diff(self.matrix.indptr) > 0
        return grouped

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
    memberships: Mapping[Hashable, Sequence[str]],
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
