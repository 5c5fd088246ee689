"""Gould–Fernandez brokerage roles: whom an actor connects, by group membership."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from itertools import permutations
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp

from netzwerk.analysis._graph_arrays import GraphArrays, graph_arrays
from netzwerk.errors import OPTION_PLACE, ConfigError

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
"""The five roles, in the column order of R ``sna::brokerage``: w_I, w_O, b_IO, b_OI, b_O."""
SNA_COLUMNS = dict(zip(ROLES, ("w_I", "w_O", "b_IO", "b_OI", "b_O"), strict=True))
TOTAL = "total"


@dataclass(frozen=True)
class ActorBrokerage:
    """One actor's role counts, their expected values and z-scores (keys: ROLES + total)."""

    id: Hashable
    group: Hashable
    counts: dict[str, int]
    expected: dict[str, float]
    z: dict[str, float | None]

    def as_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "group": self.group}
        record.update(self.counts)
        record.update({f"expected_{k}": v for k, v in self.expected.items()})
        record.update({f"z_{k}": v for k, v in self.z.items()})
        return record


@dataclass(frozen=True, eq=False)
class BrokerageRoles:
    """Brokerage of every actor plus the network totals, with the null model's parameters.

    ``counts``, ``expected`` and ``z`` are (actors × 6) arrays, columns `ROLES` + total,
    rows in graph order (``nodes``); z is NaN where undefined. ``actors`` gives them as
    records.
    """

    by: str
    nodes: list[Hashable]
    groups: list[Hashable]
    counts: np.ndarray
    expected: np.ndarray
    z: np.ndarray
    network: dict[str, dict[str, float | None]]
    group_sizes: dict[Hashable, int]
    density: float
    directed: bool

    @property
    def actors(self) -> list[ActorBrokerage]:
        keys = (*ROLES, TOTAL)
        return [
            ActorBrokerage(
                node,
                self.groups[i],
                dict(zip(keys, self.counts[i].tolist(), strict=True)),
                dict(zip(keys, self.expected[i].tolist(), strict=True)),
                dict(zip(keys, (None if v != v else v for v in self.z[i].tolist()), strict=True)),
            )
            for i, node in enumerate(self.nodes)
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "directed": self.directed,
            "density": self.density,
            "group_sizes": {str(k): v for k, v in self.group_sizes.items()},
            "network": self.network,
            "actors": [a.as_dict() for a in self.actors],
        }


def brokerage_roles(graph: nx.Graph, by: str = "sector") -> BrokerageRoles:
    r"""Gould–Fernandez brokerage: in how many open two-paths an actor is the go-between,
    and between which groups.

    For the QM: a *liaison* links groups it does not belong to, a *gatekeeper* lets
    outsiders into its own group, a *representative* speaks for its group to outsiders, an
    *itinerant* (consultant) connects two members of another group, a *coordinator* links
    members of its own group.

    Definition: for every two-path a → b → c with a ≠ c and no tie a → c, broker b is
    (G = the ``by`` attribute)

    - coordinator if G(a) = G(b) = G(c) (sna's w_I),
    - itinerant if G(a) = G(c) ≠ G(b) (w_O),
    - representative if G(a) = G(b) ≠ G(c) (b_IO),
    - gatekeeper if G(a) ≠ G(b) = G(c) (b_OI),
    - liaison if all three differ (b_O).

    Undirected ties are read as ties in both directions (a symmetric matrix, as R
    ``sna::brokerage`` reads them): each open pair {a, c} around b counts twice, once per
    direction, and gatekeeper = representative. Actors without the attribute form one
    group (None). Tie strengths play no role.

    Expected counts and z-scores follow ``sna::brokerage`` (Gould & Fernandez's null
    model): a random graph of the observed density d = arcs / (n(n − 1)) with the observed
    group sizes. For a broker in a group of size :math:`n_g` among n actors, e.g.
    E[coordinator] = :math:`d^2(1-d)(n_g-1)(n_g-2)`, E[total] = :math:`d^2(1-d)(n-1)(n-2)`;
    the variances are sna's. z = (count − expected) / sd; None where the sd is 0 (e.g. a
    group of one). ``network`` holds the same for the whole network (sna's ``raw.gli``,
    ``exp.gli``, ``z.gli``).

    Computed without looping over pairs: per broker, open pairs = all (in-neighbour,
    out-neighbour) pairs by group (sparse neighbour-by-group counts) minus the pairs
    that are tied, which are found in the list of triangles.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
    by : str
        Node attribute defining the groups (default ``"sector"``).

    Returns
    -------
    BrokerageRoles
        ``actors`` (one `ActorBrokerage` per actor, graph order), ``network``
        (``{"count"|"expected"|"z": {role: value}}``), group sizes and density.

    Raises
    ------
    ConfigError
        If no actor has the attribute ``by`` or its values cannot be grouped.

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: A formal approach to
    brokerage in transaction networks. Sociological Methodology 19, 89–126.
    Butts, C. T. sna: Tools for Social Network Analysis (R package), ``brokerage``.

    Examples
    --------
    A school (education) links two youth clubs (social) that have no tie: an itinerant
    role, counted once per direction.

    >>> G = nx.Graph([("club1", "school"), ("school", "club2")])
    >>> nx.set_node_attributes(G, {"club1": "social", "school": "education",
    ...                            "club2": "social"}, "sector")
    >>> school = brokerage_roles(G).actors[1]
    >>> school.id, school.counts["itinerant"], school.counts["total"]
    ('school', 2, 2)
    """
    arrays = graph_arrays(graph, weight=None, distance=None)
    return brokerage_roles_kernel(arrays, group_values(graph, by), by)


NOT_GROUPINGS = frozenset({"id", "name", "note", "kind"})


def group_values(graph: nx.Graph, by: str) -> list[Hashable]:
    """The ``by`` attribute of every node (graph order); ConfigError if nobody has it."""
    values = [data.get(by) for _, data in graph.nodes(data=True)]
    if graph.number_of_nodes() and all(v is None for v in values):
        known = sorted(
            {key for _, data in graph.nodes(data=True) for key in data if _groupable(data[key])}
            - NOT_GROUPINGS
        )
        raise ConfigError(
            f'unbekanntes Merkmal "{by}" für {OPTION_PLACE} — möglich: {", ".join(known)}',
            option="by",
        )
    if not all(_groupable(v) for v in values):
        raise ConfigError(
            f'Merkmal "{by}" hat keine einfachen Werte (Listen oder Daten) — '
            f"für {OPTION_PLACE} ein Merkmal mit einem Wert je Akteur wählen, z. B. sector",
            option="by",
        )
    return values


def _groupable(value: object) -> bool:
    return value is None or isinstance(value, str | int | bool | float)


def brokerage_roles_kernel(arrays: GraphArrays, groups: list[Hashable], by: str) -> BrokerageRoles:
    """`brokerage_roles` on prepared arrays and the group of every node."""
    n = arrays.n
    labels = list(dict.fromkeys(groups))
    code = {label: c for c, label in enumerate(labels)}
    group = np.array([code[g] for g in groups], dtype=np.int64)
    counts = _open_two_paths(arrays, group, len(labels))
    sizes = np.bincount(group, minlength=len(labels)).astype(float)
    arcs = len(arrays.tail) * (1 if arrays.directed else 2)
    density = arcs / (n * (n - 1)) if n > 1 else 0.0
    expected, variance = _actor_moments(sizes, float(n), density)
    expected += 0.0  # no -0.0 for groups of one
    actor_expected, actor_sd = expected[group], np.sqrt(variance[group])
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (counts - actor_expected) / actor_sd
    z[~np.isfinite(z)] = np.nan
    network = _network_level(counts.sum(axis=0), sizes, float(n), density)
    return BrokerageRoles(
        by,
        list(arrays.nodes),
        list(groups),
        counts,
        actor_expected,
        z,
        network,
        {labels[c]: int(s) for c, s in enumerate(sizes)},
        density,
        arrays.directed,
    )


def _open_two_paths(arrays: GraphArrays, group: np.ndarray, n_groups: int) -> np.ndarray:
    """(n, 6) counts per broker: the five roles in `ROLES` order and their total."""
    n = arrays.n
    if n == 0:  # scipy cannot multiply the empty matrices below
        return np.zeros((0, len(ROLES) + 1), dtype=np.int64)
    ones = np.ones(len(arrays.tail))
    arcs = sp.csr_matrix((ones, (arrays.tail, arrays.head)), shape=(n, n))
    if not arrays.directed:
        arcs = arcs + arcs.T
    arcs.sum_duplicates()
    arcs.data[:] = 1.0
    member = sp.csr_matrix((np.ones(n), (np.arange(n), group)), shape=(n, n_groups))
    out_by_group = (arcs @ member).tocsr()
    in_by_group = (arcs.T @ member).tocsr()
    mutual_by_group = (arcs.multiply(arcs.T) @ member).tocsr()

    def own(matrix: sp.csr_matrix) -> np.ndarray:
        return np.asarray(matrix[np.arange(n), group]).ravel()

    out_degree = np.asarray(arcs.sum(axis=1)).ravel()
    in_degree = np.asarray(arcs.sum(axis=0)).ravel()
    mutual = np.asarray(mutual_by_group.sum(axis=1)).ravel()
    out_own, in_own, mutual_own = own(out_by_group), own(in_by_group), own(mutual_by_group)
    same_group_pairs = np.asarray(in_by_group.multiply(out_by_group).sum(axis=1)).ravel()
    other_same = same_group_pairs - in_own * out_own  # a, c in one group other than b's

    # all pairs (a in, c out, a != c) by role; a == c only happens within one group
    pairs = np.column_stack(
        [
            in_own * out_own - mutual_own,
            other_same - (mutual - mutual_own),
            in_own * (out_degree - out_own),
            (in_degree - in_own) * out_own,
            (in_degree - in_own) * (out_degree - out_own) - other_same,
        ]
    )
    closed = _closed_two_paths(arrays, group)
    roles = np.rint(pairs - closed).astype(np.int64)
    return np.column_stack([roles, roles.sum(axis=1)])


def _closed_two_paths(arrays: GraphArrays, group: np.ndarray) -> np.ndarray:
    """(n, 5) counts of two-paths a → b → c that are closed by a tie a → c, by role.

    Such a, b, c form a triangle of the underlying undirected graph; each triangle is read
    in its six orders (a, b, c).
    """
    n = arrays.n
    triangles = arrays.triangles
    a, b, c = (
        np.concatenate([triangles[:, order[k]] for order in permutations(range(3))])
        for k in range(3)
    )
    if arrays.directed:
        present = arrays.has_arc(a, b) & arrays.has_arc(b, c) & arrays.has_arc(a, c)
        a, b, c = a[present], b[present], c[present]
    ga, gb, gc = group[a], group[b], group[c]
    role = np.select(
        [(ga == gb) & (gb == gc), (ga == gc) & (ga != gb), ga == gb, gb == gc],
        [0, 1, 2, 3],
        default=4,
    )
    return np.bincount(b * 5 + role, minlength=n * 5).reshape(n, 5).astype(float)


def _actor_moments(n: np.ndarray, total: float, d: float) -> tuple[np.ndarray, np.ndarray]:
    """Expected counts and variances per broker group, as R ``sna::brokerage`` (exp.grp)."""
    groups = len(n)
    expected = np.zeros((groups, 6))
    variance = np.zeros((groups, 6))
    base = d**2 * (1 - d)
    cubic = d**3 * (1 - d) ** 3
    for i in range(groups):
        others = np.delete(n, i)
        ni = n[i]
        expected[i, 0] = base * (ni - 1) * (ni - 2)
        variance[i, 0] = expected[i, 0] * (1 - base) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * cubic
        expected[i, 1] = base * np.sum(others * (others - 1))
        variance[i, 1] = (
            expected[i, 1] * (1 - base) + 2 * np.sum(others * (others - 1) * (others - 2)) * cubic
        )
        expected[i, 2] = base * (total - ni) * (ni - 1)
        variance[i, 2] = (
            expected[i, 2] * (1 - base)
            + 2 * ((ni - 1) * _choose2(total - ni) + (total - ni) * _choose2(ni - 1)) * cubic
        )
        expected[i, 3], variance[i, 3] = expected[i, 2], variance[i, 2]
        expected[i, 4] = base * (np.sum(np.outer(others, others)) - np.sum(others**2))
        variance[i, 4] = expected[i, 4] * (1 - base) + 4 * np.sum(
            others * _choose2(total - others - ni) * cubic
        )
        expected[i, 5] = base * (total - 1) * (total - 2)
        variance[i, 5] = (
            expected[i, 5] * (1 - base) + 2 * (total - 1) * (total - 2) * (total - 3) * cubic
        )
    return expected, variance


def _network_level(
    counts: np.ndarray, n: np.ndarray, total: float, d: float
) -> dict[str, dict[str, float | None]]:
    """Network totals with sna's expected values and variances (exp.gli, sd.gli)."""
    base = d**2 * (1 - d)
    c3, c4, c5 = d**3 * (1 - d) ** 3, d**4 * (1 - d) ** 2, d**5 * (1 - d)
    expected = np.zeros(6)
    variance = np.zeros(6)
    expected[0] = base * np.sum(n * (n - 1) * (n - 2))
    variance[0] = expected[0] * (1 - base) + np.sum(
        n * (n - 1) * (n - 2) * ((4 * n - 10) * c3 - 4 * (n - 3) * c4 + (n - 3) * c5)
    )
    expected[1] = base * np.sum(n * (total - n) * (n - 1))
    x, y = np.meshgrid(n, n, indexing="ij")
    variance[1] = expected[1] * (1 - base) + (
        np.sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * c3 + (total - x - 1) * c5))
        - np.sum(n * n * (n - 1) * ((4 * n - 6) * c3 + (total - n - 1) * c5))
    )
    expected[2] = base * np.sum(n * (total - n) * (n - 1))
    variance[2] = expected[2] * (1 - base) + np.sum(
        n * (total - n) * (n - 1) * ((total - 3) * c3 + (n - 2) * c5)
    )
    expected[3], variance[3] = expected[2], variance[2]
    expected[4] = base * (np.sum(x * y * (total - x - y)) - np.sum(n * n * (total - 2 * n)))
    variance[4] = expected[4] * (1 - base)
    groups = len(n)
    for i in range(groups):
        for j in range(groups):
            for k in range(groups):
                if i != j and j != k and i != k:
                    variance[4] += (
                        n[i]
                        * n[j]
                        * n[k]
                        * (
                            (4 * (total - n[j]) - 2 * (n[i] + n[k] + 1)) * c3
                            - (4 * (total - n[k]) - 2 * (n[i] + n[j] + 1)) * c4
                            + (total - (n[i] + n[k] + 1)) * c5
                        )
                    )
    expected[5] = base * total * (total - 1) * (total - 2)
    variance[5] = expected[5] * (1 - base) + total * (total - 1) * (total - 2) * (
        (4 * total - 10) * c3 - 4 * (total - 3) * c4 + (total - 3) * c5
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (counts - expected) / np.sqrt(variance)
    keys = (*ROLES, TOTAL)
    return {
        "count": dict(zip(keys, (int(v) for v in counts), strict=True)),
        "expected": dict(zip(keys, expected.tolist(), strict=True)),
        "z": dict(zip(keys, (float(v) if np.isfinite(v) else None for v in z), strict=True)),
    }


def _choose2(x: np.ndarray | float) -> np.ndarray | float:
    return x * (x - 1) / 2
