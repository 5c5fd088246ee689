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
from netzwerk.analysis._triangles import RankedTies

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
    """Constraint, effective size, efficiency, hierarchy as arrays (NaN = undefined).

    Per tie i–j the indirect investment Σ_q p_iq p_qj over the common contacts q of i
    and j, and per actor the redundancy Σ_j Σ_q p_iq m_jq, both gathered from the
    triangles (`netzwerk.analysis._triangles`); then one sum per actor for each measure.
    With u_ij = (a_ij + K_ij)^2, K_ij = s_i Σ_q p_iq p_qj (s the actors' strengths), each
    term is c_ij = u_ij / s_i^2, so the ties are summed unscaled; and hierarchy uses
    Σ_j r_j ln r_j = (N/C) Σ_j c_ij ln c_ij + N ln(N/C), with
    Σ_j c_ij ln c_ij = (Σ_j u_ij ln u_ij - ln(s_i^2) Σ_j u_ij) / s_i^2."""
    if model not in MODELS:
        raise ValueError(f"model must be one of {MODELS}, not {model!r}")
    ranked = arrays.ranked
    degree = ranked.degree()
    strength = ranked.sums(ranked.matrix.data)
    sums = _whole_sums if model == "whole" else _ego_sums
    shared, redundancy = sums(ranked, strength, arrays.triangle_ties)

    with np.errstate(invalid="ignore", divide="ignore"):
        # in place: 100,000s of ties, and fresh memory costs a page fault per 4 kB
        a = np.resize(ranked.matrix.data, len(shared))  # (twice for the ego model's ends)
        u = np.square(np.add(a, shared, out=shared), out=shared)
        squared = strength**2
        u_sums = _per_actor(ranked, u)
        constraint = u_sums / squared
        effective = degree - redundancy
        undefined = degree == 0
        constraint[undefined] = np.nan
        effective[undefined] = np.nan
        efficiency = effective / degree
        spread = degree / constraint  # N / C
        u_log_u = np.log(u)
        u_log_u *= u
        c_log_c = (_per_actor(ranked, u_log_u) - np.log(squared) * u_sums) / squared
        concentration = spread * c_log_c + degree * np.log(spread)
        hierarchy = concentration / (degree * np.log(degree))
    hierarchy[degree < 2] = np.nan
    by_position = ranked.rank  # the arrays run by rank
    return tuple(values[by_position] for values in (constraint, effective, efficiency, hierarchy))


def _per_actor(ranked: RankedTies, values: np.ndarray) -> np.ndarray:
    """Per actor, the sum of ``values`` over its ties: one value per tie when the value
    is the same seen from both ends, else two (the row's end first, then the column's)."""
    if len(values) == ranked.matrix.nnz:
        return ranked.sums(values)
    n, nnz = len(ranked.order), ranked.matrix.nnz
    total = np.bincount(ranked.rows, values[:nnz], minlength=n) + np.bincount(
        ranked.cols, values[nnz:], minlength=n
    )
    return total.astype(float, copy=False)  # (integers when there are no ties)


def _whole_sums(
    ranked: RankedTies, strength: np.ndarray, triangles: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Per tie K_ij = s_i Σ_q p_iq p_qj, per actor i Σ_j Σ_q p_iq m_jq (whole network).

    As a is symmetric, K_ij = Σ_q a_iq a_qj / s_q = K_ji: one value per tie, and a
    triangle x, y, z adds a_xz a_zy / s_z to K_xy, and so on, three terms instead of six.
    It adds a_yz (a_xy / t_z + a_xz / t_y) / s_x to the redundancy of x (m_zy = a_zy / t_z,
    t the strongest tie of each actor)."""
    a, rows, cols = ranked.matrix.data, ranked.rows, ranked.cols
    strongest = np.zeros(len(strength))  # strengths are positive
    np.maximum.at(strongest, rows, a)
    np.maximum.at(strongest, cols, a)
    over_strongest = 1 / np.where(strongest > 0, strongest, 1.0)  # 1 / t
    over_strength = 1 / np.where(strength > 0, strength, 1.0)  # 1 / s
    shared, redundancy = np.zeros(len(a)), np.zeros(len(strength))
    for ties in triangles:  # in chunks: reused memory costs no page faults
        xy, xz, yz, x = ties.astype(np.intp)  # indexing casts other integers on every use
        y, z = cols[xy], cols[xz]
        a_xy, a_xz, a_yz = a[xy], a[xz], a[yz]
        at_x, at_y, at_z = a_xy * a_xz, a_xy * a_yz, a_xz * a_yz  # both ties of a corner
        np.add.at(shared, xy, at_z * over_strength[z])
        np.add.at(shared, xz, at_y * over_strength[y])
        np.add.at(shared, yz, at_x * over_strength[x])
        w_x, w_y, w_z = over_strongest[x], over_strongest[y], over_strongest[z]
        np.add.at(redundancy, x, at_y * w_z + at_z * w_y)
        np.add.at(redundancy, y, at_x * w_z + at_z * w_x)
        np.add.at(redundancy, z, at_x * w_y + at_y * w_x)
    redundancy *= over_strength
    return shared, redundancy


ORDERS = tuple(permutations(range(3)))
"""The six orders (i, j, q) in which a triangle's corners can be ego, contact, common contact."""
_PAIRS = [(i, j) for i, j, _ in ORDERS]
IQ = [_PAIRS.index((i, q)) for i, _, q in ORDERS]
"""For each order (i, j, q), the order whose (i, j) is this order's (i, q)."""
QJ = [_PAIRS.index((q, j)) for _, j, q in ORDERS]
"""For each order (i, j, q), the order whose (i, j) is this order's (q, j)."""


def _ego_sums(
    ranked: RankedTies, strength: np.ndarray, triangles: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Per tie and end i K_ij = s_i Σ_q p_iq p_qj, per actor i Σ_j Σ_q p_iq m_jq, with q's
    and j's ties counted only inside i's ego network (their tie to i plus their ties to
    i's other contacts). Tie e seen from its row's end is e, from its column's end
    e + nnz."""
    a, nnz = ranked.matrix.data, ranked.matrix.nnz
    a = np.concatenate([a, a])
    p = a / strength[np.concatenate([ranked.rows, ranked.cols])]
    xy, xz, yz, _ = np.concatenate(triangles, axis=1) if triangles else np.zeros((4, 0))
    xy, xz, yz = (ties.astype(np.intp) for ties in (xy, xz, yz))
    # row k: the ties (i, j) of every triangle read in the order (i, j, q) = ORDERS[k]
    ij = np.stack([xy, xz, xy + nnz, yz, xz + nnz, yz + nnz])
    iq, qj = ij[IQ], ij[QJ]
    a_qj = a[qj]
    # (i, q) starts with q's tie to i, then q's ties to i's other contacts j
    in_ego = a + np.bincount(iq.ravel(), weights=a_qj.ravel(), minlength=len(a))
    ego_strongest = a.copy()  # (i, j) starts with j's tie to i
    np.maximum.at(ego_strongest, ij.ravel(), a_qj.ravel())
    products = a[iq] * a_qj / in_ego[iq]  # s_i p_iq p_qj
    indirect = np.bincount(ij.ravel(), weights=products.ravel(), minlength=len(a))
    # redundancy_i = Σ_j Σ_q p_iq m_jq: summed at (i, q), m_jq over j's ego ties
    redundant = np.bincount(
        iq.ravel(), weights=(a_qj / ego_strongest[ij]).ravel(), minlength=len(a)
    )
    redundancy = _per_actor(ranked, p * redundant.astype(float, copy=False))
    return indirect.astype(float, copy=False), redundancy
