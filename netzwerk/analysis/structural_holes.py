"""Burt's structural holes: how much an actor's contacts are tied among themselves.

An actor whose contacts do not know each other bridges "structural holes": they hear
different things and can connect people. Constraint, effective size, efficiency and
hierarchy (Burt 1992) measure this from the actor's ties and the ties among its contacts.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import asdict, dataclass
from itertools import permutations
from typing import Any

import networkx as nx
import numpy as np

from netzwerk.analysis._graph_arrays import GraphArrays, graph_arrays

MODELS = ("whole", "ego")
DEFAULT_MODEL = "whole"


@dataclass(frozen=True)
class StructuralHoles:
    """Burt's measures for one actor; None where undefined (isolates; hierarchy needs ≥ 2
    contacts)."""

    constraint: float | None
    effective_size: float | None
    efficiency: float | None
    hierarchy: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def structural_holes(
    graph: nx.Graph, *, weight: str | None = "weight", model: str = DEFAULT_MODEL
) -> dict[Hashable, StructuralHoles]:
    r"""Burt's constraint, effective size, efficiency and hierarchy of every actor.

    Low constraint and a large effective size mean an actor's contacts are not tied to
    each other: the actor bridges structural holes. High constraint means the contacts
    all know each other (a closed circle); high hierarchy means one contact dominates.

    With :math:`a_{ij}` the tie strength (``weight``; both directions added, so ties need
    not be symmetric) and :math:`N(i)` the contacts of i:

    - proportional strength :math:`p_{ij} = (a_{ij}+a_{ji}) / \sum_k (a_{ik}+a_{ki})`;
    - constraint :math:`c_i = \sum_{j \in N(i)} c_{ij}`,
      :math:`c_{ij} = (p_{ij} + \sum_{q \in N(i), q \ne i,j} p_{iq} p_{qj})^2`;
    - effective size :math:`ES_i = \sum_{j \in N(i)} [1 - \sum_{q \ne i,j} p_{iq} m_{jq}]`
      with :math:`m_{jq} = (a_{jq}+a_{qj}) / \max_k (a_{jk}+a_{kj})`; for binary ties this
      is Borgatti's :math:`n - 2t/n` (n contacts, t ties among them);
    - efficiency :math:`ES_i / |N(i)|`;
    - hierarchy :math:`H_i = \sum_j r_j \ln r_j / (N \ln N)`,
      :math:`r_j = c_{ij} / (c_i / N)`, :math:`N = |N(i)|`.

    Two models differ in the indirect terms :math:`p_{qj}` and :math:`m_{jq}`, i.e. in
    whose ties count when asking how much contact q is invested in contact j:

    - ``"whole"`` (default; what networkx and igraph compute): q's proportions over all of
      q's ties in the network;
    - ``"ego"``: only over q's ties inside i's ego network (i, its contacts and the ties
      among them), as when only ego-network survey data exist.

    Ego 0 with ties 0–1, 0–2, 1–2, 1–3: contact 1 also spends a third of its ties on 3, so
    the whole-network model gives 0 a constraint of 1.007, the ego-network model 1.125.

    Why "whole" by default: netzwerk records the district's whole network, so we know the
    contacts' other ties, and Burt's :math:`p_{qj}` is "the proportion of q's network time
    and energy invested in j" — all of q's network. The ego model discards that knowledge
    (it exists for ego-network surveys, which see nothing beyond the ego network), and
    "whole" can be cross-checked with networkx and igraph.

    Conventions: self-loops are ignored; isolates get None for all four measures (no
    contacts: undefined; NaN is not JSON); hierarchy is None for one contact
    (0/0: N ln N = 0). A single contact gives constraint 1, effective size 1.

    Computed with scipy.sparse/numpy from the list of triangles: the indirect sums only run
    over contacts q tied to both i and j.

    Parameters
    ----------
    graph : networkx.Graph or networkx.DiGraph
    weight : str or None
        Edge attribute holding the tie strength (higher = stronger); None: every tie 1.
    model : {"whole", "ego"}

    Returns
    -------
    dict
        actor → `StructuralHoles`.

    References
    ----------
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard
    University Press.
    Borgatti, S. P. (1997). Structural holes: Unpacking Burt's redundancy measures.
    Connections 20(1), 35–38.

    Examples
    --------
    A triangle: each actor is constrained by contacts who know each other.

    >>> T = structural_holes(nx.complete_graph(3), weight=None)
    >>> round(T[0].constraint, 3), T[0].effective_size, T[0].efficiency
    (1.125, 1.0, 0.5)

    A star with 4 leaves: the centre's contacts are unconnected (constraint 1/4, effective
    size 4); evenly spread constraint means hierarchy 0.

    >>> S = structural_holes(nx.star_graph(4), weight=None)[0]
    >>> S.constraint, S.effective_size, S.efficiency, S.hierarchy
    (0.25, 4.0, 1.0, 0.0)
    """
    arrays = graph_arrays(graph, weight=weight, distance=None)
    columns = structural_holes_kernel(arrays, model)
    rows = zip(*(column.tolist() for column in columns), strict=True)
    return {
        node: StructuralHoles(*(None if value != value else value for value in row))
        for node, row in zip(arrays.nodes, rows, strict=True)
    }


def structural_holes_kernel(arrays: GraphArrays, model: str) -> tuple[np.ndarray, ...]:
    """Constraint, effective size, efficiency, hierarchy as arrays (NaN = undefined)."""
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}, not {model!r}")
    matrix = arrays.strength
    n = arrays.n
    rows = np.repeat(np.arange(n), np.diff(matrix.indptr))
    a = matrix.data
    degree = arrays.degree
    strength = np.bincount(rows, weights=a, minlength=n)
    p = a / strength[rows]
    strongest = np.zeros(n)
    np.maximum.at(strongest, rows, a)

    # every triangle read in its six orders (i, j, q): ego i, contact j, common contact q
    entries = arrays.triangle_entries
    orders = list(permutations(range(3)))
    if model == "whole":
        p_qj = [p[entries[q, j]] for _, j, q in orders]
        m_jq = [a[entries[q, j]] / strongest[arrays.triangles[:, j]] for _, j, q in orders]
    else:
        # q's and j's ties inside i's ego network: their tie to i plus ties to i's contacts
        in_ego = a.copy()  # entry (i, q) starts with q's tie to i (symmetric: a_qi = a_iq)
        ego_strongest = a.copy()  # entry (i, j) starts with j's tie to i
        for i, j, q in orders:
            in_ego += np.bincount(entries[i, q], weights=a[entries[q, j]], minlength=len(a))
            np.maximum.at(ego_strongest, entries[i, j], a[entries[q, j]])
        p_qj = [a[entries[q, j]] / in_ego[entries[i, q]] for i, j, q in orders]
        m_jq = [a[entries[q, j]] / ego_strongest[entries[i, j]] for i, j, q in orders]
    indirect = np.zeros(len(a))
    redundancy = np.zeros(n)
    for (i, j, q), pqj, mjq in zip(orders, p_qj, m_jq, strict=True):
        p_iq = p[entries[i, q]]
        indirect += np.bincount(entries[i, j], weights=p_iq * pqj, minlength=len(a))
        redundancy += np.bincount(arrays.triangles[:, i], weights=p_iq * mjq, minlength=n)

    term = (p + indirect) ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        constraint = np.bincount(rows, weights=term, minlength=n).astype(float)
        effective = degree - redundancy
        undefined = degree == 0
        constraint[undefined] = np.nan
        effective = np.where(undefined, np.nan, effective)
        efficiency = effective / degree
        ratio = term * degree[rows] / constraint[rows]
        concentration = np.bincount(rows, weights=ratio * np.log(ratio), minlength=n).astype(float)
        hierarchy = concentration / (degree * np.log(degree))
    hierarchy[degree < 2] = np.nan
    return constraint, effective, efficiency, hierarchy
