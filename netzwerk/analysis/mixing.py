"""Mixing: which groups (sectors, topics, any attribute) are tied to which, against chance.

Three views on the same question — do the schools talk to the local businesses? —
are given here: the group × group mixing matrix compared with a random placement of ties
(`mixing`), Krackhardt & Stern's E-I index with a permutation test (`ei_index`), and
Newman's nominal assortativity (`assortativity`).

Groups follow `groups.group_memberships`: a list-valued attribute such as ``topics``
counts an actor in each of its groups; actors without a value are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypedDict

import networkx as nx
import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from netzwerk.analysis._graph_arrays import EdgeArrays, edge_arrays
from netzwerk.analysis.groups import Membership, group_memberships, membership
from netzwerk.model import ACTOR_TYPES, SECTORS


def group_order(by: str) -> list[str] | None:
    """Vocabulary order for controlled attributes (sector, type), else None (sorted)."""
    return {"sector": SECTORS.keys(), "type": ACTOR_TYPES.keys()}.get(by)


def view_membership(view: nx.Graph, arrays: EdgeArrays, by: str) -> Membership:
    return membership(arrays, group_memberships(view, by), group_order(by))


class MissingPair(TypedDict):
    """Two groups with no tie between them, and how many ties chance would give."""

    groups: list[str]
    expected: float


def mixing(view: nx.Graph, by: str = "sector", *, weight: str | None = None) -> dict[str, Any]:
    """How many ties run between each pair of groups, and how many chance would give.

    This is the one definition of observed and expected ties between groups: the gaps
    table, its CSV and JSON, the report's gap table, ``mixing.csv`` and heatmap, and the
    "erwartet" of the introductions all read it. Convention: **every tie is counted
    once.**

    Observed: O_gh = O_hg = the number of ties with one end in g and the other in h
    (g ≠ h); O_gg = the number of ties with both ends in g. In matrix form
    O = Mᵀ A M with its diagonal halved (M the actor × group membership, A the adjacency
    with a_ij = 1 for a tie, or its ``weight``). With one group per actor the cells on and
    above the diagonal sum to m, the number of ties.

    Expected: the same counts if the ties were placed at random keeping every actor's
    degree k_i (configuration model without self-pairs), with D_g = Σ_{i∈g} k_i and m the
    number of ties of the whole view:

        E_gh = D_g · D_h / (2m)                    for g ≠ h,
        E_gg = (D_g² − Σ_{i∈g} k_i²) / (4m)        inside g,

    so a group of one actor expects 0 ties within itself. Ratio O/E: below 1 the groups
    are tied less than chance, 0 not at all; None if E = 0. With ``weight``, k_i is the
    actor's strength and m the total weight. With a list-valued attribute an actor counts
    in each of its groups (a tie may add to several cells), and an actor in both g and h
    subtracts k_i²/(2m) from E_gh too: no actor is paired with itself.

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view (`netzwerk.analysis.network_view.NetworkView.actor_graph`).
    by : str
        Actor attribute that defines the groups ('sector', 'topics', 'type', ...).
    weight : str or None
        Edge attribute to sum instead of counting ties (None: count ties).

    Returns
    -------
    dict
        ``by``, ``groups`` (keys in vocabulary order), ``actors`` and ``tie_ends`` (D_g) per
        group, ``ties`` (m), ``observed``, ``expected``, ``ratio`` (dict of dict by group,
        symmetric) and ``missing_pairs``: pairs g ≠ h with no tie, largest expected first.

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. Phys. Rev. E 67, 026126.
    Newman, M. E. J. (2010). Networks: An Introduction, §7.13 (expected ties between two
    vertices in the configuration model, k_i k_j / 2m). Oxford University Press.

    Examples
    --------
    A path school1–school2–shop–church: degrees 1, 2, 2, 1, so m = 3, D_education = 3,
    D_economy = 2, D_religion = 1. Inside education: one tie observed, expected
    (3² − 1² − 2²) / 12 = 1/3. Education–economy: one tie, expected 3·2/6 = 1.
    Religion has one actor: expected (1² − 1²)/12 = 0 within itself.

    >>> V = nx.Graph([("school1", "school2"), ("school2", "shop"), ("shop", "church")])
    >>> sectors = {"school1": "education", "school2": "education", "shop": "economy",
    ...            "church": "religion"}
    >>> nx.set_node_attributes(V, sectors, "sector")
    >>> result = mixing(V)
    >>> result["observed"]["education"]["education"], result["expected"]["education"]["education"]
    (1, 0.3333333333333333)
    >>> result["observed"]["education"]["economy"], result["expected"]["education"]["economy"]
    (1, 1.0)
    >>> result["expected"]["religion"]["religion"], result["missing_pairs"]
    (0.0, [{'groups': ['education', 'religion'], 'expected': 0.5}])
    """
    arrays = edge_arrays(view, weight)
    result = mixing_kernel(arrays, view_membership(view, arrays, by), weighted=weight is not None)
    return {"by": by, **result}


def mixing_kernel(
    arrays: EdgeArrays, groups: Membership, *, weighted: bool = False
) -> dict[str, Any]:
    """`mixing` on arrays (shared by `gaps_report` so the view is converted once)."""
    observed, expected, ratio, tie_ends, two_m = mixing_matrices(arrays, groups, weighted=weighted)

    names = groups.groups
    plain = (lambda x: int(round(x))) if not weighted else float

    def table(
        matrix: np.ndarray, cast: Callable[[Any], float | int] = float
    ) -> dict[str, dict[str, float | int | None]]:
        return {
            g: {
                h: (None if np.isnan(matrix[i, j]) else cast(matrix[i, j]))
                for j, h in enumerate(names)
            }
            for i, g in enumerate(names)
        }

    missing: list[MissingPair] = [
        {"groups": [names[i], names[j]], "expected": float(expected[i, j])}
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if observed[i, j] == 0
    ]
    missing.sort(key=lambda pair: -pair["expected"])
    return {
        "groups": list(names),
        "actors": dict(zip(names, groups.sizes.tolist(), strict=True)),
        "tie_ends": {g: plain(d) for g, d in zip(names, tie_ends, strict=True)},
        "ties": plain(two_m / 2),
        "observed": table(observed, plain),
        "expected": table(expected),
        "ratio": table(ratio),
        "missing_pairs": missing,
    }


def mixing_matrices(
    arrays: EdgeArrays, groups: Membership, *, weighted: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """Observed, expected and ratio (NaN where E = 0) as k × k arrays (each tie counted
    once, see `mixing`), plus D_g and 2m."""
    adjacency = arrays.adjacency(weighted)
    member = groups.matrix
    observed = np.asarray((member.T @ adjacency @ member).todense())
    strength = np.asarray(adjacency.sum(axis=1)).ravel()
    tie_ends = np.asarray(member.T @ strength).ravel()
    two_m = float(strength.sum())
    if two_m:
        self_pairs = np.asarray((member.T @ sp.diags(strength**2) @ member).todense())
        expected = (np.outer(tie_ends, tie_ends) - self_pairs) / two_m
    else:
        expected = np.zeros_like(observed, dtype=float)
    diagonal = np.diag_indices_from(observed)
    observed = observed.astype(float)
    observed[diagonal] /= 2
    expected[diagonal] /= 2
    expected = np.maximum(expected, 0.0)  # no −1e-17 from rounding
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(expected > 0, observed / np.where(expected > 0, expected, 1), np.nan)
    return observed, expected, ratio, tie_ends, two_m


def assortativity(view: nx.Graph, by: str = "sector") -> float | None:
    """Do actors tie to their own group more than chance? +1 only within, 0 random, <0 across.

    Newman's nominal assortativity r = (Σ_g e_gg − Σ_g a_g²) / (1 − Σ_g a_g²), with e the
    mixing matrix normalised to sum 1 (`mixing`, ties counted) and a_g = Σ_h e_gh. Actors
    without a group are left out; with a list-valued attribute e is the normalised
    multi-membership matrix (a generalisation; networkx only handles one group per actor).
    None if there is only one group (r undefined).

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    by : str
        Actor attribute that defines the groups.

    Returns
    -------
    float or None

    References
    ----------
    Newman, M. E. J. (2003). Mixing patterns in networks. Phys. Rev. E 67, 026126.

    Examples
    --------
    Two triangles of different sectors joined by one tie: e_aa = e_bb = 6/14, a = 1/2.

    >>> V = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> nx.set_node_attributes(V, {i: "a" if i <= 3 else "b" for i in V}, "sector")
    >>> round(assortativity(V), 4), round(nx.attribute_assortativity_coefficient(V, "sector"), 4)
    (0.7143, 0.7143)
    """
    arrays = edge_arrays(view, None)
    return assortativity_kernel(arrays, view_membership(view, arrays, by))


def assortativity_kernel(arrays: EdgeArrays, groups: Membership) -> float | None:
    member = groups.matrix
    observed = np.asarray((member.T @ arrays.adjacency() @ member).todense())
    total = observed.sum()
    if total == 0:
        return None
    mix = observed / total
    a = mix.sum(axis=1)
    denominator = 1.0 - float(a @ a)
    if denominator <= 1e-12:
        return None
    return (float(np.trace(mix)) - float(a @ a)) / denominator


def ei_index(
    view: nx.Graph, by: str = "sector", *, permutations: int = 1000, seed: int = 42
) -> dict[str, Any]:
    """Do ties stay inside groups or cross them? −1 all inside, +1 all across (E-I index).

    EI = (EL − IL) / (EL + IL), EL the ties between actors of different groups, IL the ties
    within a group (Krackhardt & Stern 1988); ties are counted, not weighted. Network level
    over all ties; group level for group g over the ties of its members (IL: both ends in
    g; EL: one end outside g); actor level over the actor's own ties (IL: partners that share
    a group with it). With a list-valued attribute a tie is internal if its two actors share
    at least one group. Ties of actors without a group are left out.

    Significance as in UCINET: the group labels are shuffled among the grouped actors
    ``permutations`` times (numpy Generator seeded with ``seed``), keeping group sizes and
    ties fixed. ``p_value`` = (1 + #{EI_perm ≤ EI}) / (1 + permutations), the chance of
    groups this inward-looking at random; ``p_greater`` the same for EI_perm ≥ EI.

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    by : str
        Actor attribute that defines the groups.
    permutations : int
        Number of label permutations (0: no test).
    seed : int
        Seed of the permutation test.

    Returns
    -------
    dict
        ``by``, ``network`` (EI or None without ties), ``external``, ``internal``,
        ``groups`` ({group: {ei, external, internal}}), ``actors`` ({actor: EI or None}),
        ``permutations``, ``seed``, ``expected`` and ``sd`` (of EI_perm), ``p_value``,
        ``p_greater``.

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises:
    an experimental simulation. Social Psychology Quarterly 51(2), 123–140.

    Examples
    --------
    Two triangles of different sectors joined by one tie: EL = 1, IL = 6.

    >>> V = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> nx.set_node_attributes(V, {i: "a" if i <= 3 else "b" for i in V}, "sector")
    >>> result = ei_index(V, permutations=0)
    >>> round(result["network"], 4), result["actors"][3], result["groups"]["a"]["ei"]
    (-0.7143, -0.3333333333333333, -0.5)
    """
    arrays = edge_arrays(view, None)
    result = ei_kernel(arrays, view_membership(view, arrays, by), permutations, seed)
    return {"by": by, **result}


def ei_kernel(
    arrays: EdgeArrays, groups: Membership, permutations: int = 1000, seed: int = 42
) -> dict[str, Any]:
    """`ei_index` on arrays."""
    grouped = groups.grouped
    keep = grouped[arrays.source] & grouped[arrays.target]
    source, target = arrays.source[keep], arrays.target[keep]
    internal_tie = _internal(groups, source, target)
    total = int(keep.sum())
    internal = int(internal_tie.sum())
    external = total - internal

    def ei(ext: float, inside: float) -> float | None:
        return (ext - inside) / (ext + inside) if ext + inside else None

    member = groups.matrix.tocsr()
    in_source, in_target = member[source], member[target]
    both = np.asarray(in_source.multiply(in_target).sum(axis=0)).ravel()
    either = np.asarray((in_source + in_target).sum(axis=0)).ravel()
    group_level = {}
    for g, name in enumerate(groups.groups):
        inside, ext = int(both[g]), int(either[g] - 2 * both[g])
        group_level[name] = {"ei": ei(ext, inside), "external": ext, "internal": inside}

    n = arrays.n
    actor_internal = np.bincount(
        np.concatenate([source, target]),
        weights=np.tile(internal_tie, 2).astype(float),
        minlength=n,
    )
    actor_total = np.bincount(np.concatenate([source, target]), minlength=n)
    actors = {
        node: ei(float(actor_total[i] - actor_internal[i]), float(actor_internal[i]))
        if actor_total[i]
        else None
        for i, node in enumerate(arrays.nodes)
    }

    test = _permutation_test(groups, source, target, internal, total, permutations, seed)
    return {
        "network": ei(external, internal),
        "external": external,
        "internal": internal,
        "groups": group_level,
        "actors": actors,
        **test,
    }


def _internal(groups: Membership, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """True for ties whose two actors share a group."""
    if groups.single_valued:
        codes = groups.codes()
        same_group: NDArray[np.bool_] = codes[source] == codes[target]
        return same_group
    masks = groups.bitmasks()
    shared_group: NDArray[np.bool_] = np.any((masks[source] & masks[target]) != 0, axis=1)
    return shared_group


def _permutation_test(
    groups: Membership,
    source: np.ndarray,
    target: np.ndarray,
    internal: int,
    total: int,
    permutations: int,
    seed: int,
) -> dict[str, Any]:
    """Shuffle labels among grouped actors; count internal ties after each shuffle."""
    result: dict[str, Any] = {
        "permutations": permutations,
        "seed": seed,
        "expected": None,
        "sd": None,
        "p_value": None,
        "p_greater": None,
    }
    if permutations <= 0 or total == 0:
        return result
    rng = np.random.default_rng(seed)
    members = np.flatnonzero(groups.grouped)
    position = np.full(groups.matrix.shape[0], -1, dtype=np.int32)
    position[members] = np.arange(len(members), dtype=np.int32)
    ends_source, ends_target = position[source], position[target]
    if groups.single_valued:
        codes = groups.codes()[members]  # in the smallest type: less memory per shuffle
        labels = codes.astype(np.min_scalar_type(int(codes.max(initial=0))))
    else:
        labels = groups.bitmasks()[members]
        if labels.shape[1] == 1:
            labels = labels[:, 0]
    counts = np.empty(permutations, dtype=np.int64)
    for run in range(permutations):
        # One permutation at a time: the label array stays in cache, which beats batching.
        shuffled = rng.permutation(labels)
        left, right = np.take(shuffled, ends_source), np.take(shuffled, ends_target)
        if groups.single_valued:
            same = left == right
        else:
            same = (left & right) != 0
            if same.ndim == 2:
                same = same.any(axis=1)
        counts[run] = np.count_nonzero(same)
    ei_perm = (total - 2 * counts) / total
    result.update(
        expected=float(ei_perm.mean()),
        sd=float(ei_perm.std()),
        # EI_perm <= EI  <=>  internal_perm >= internal (integer comparison, exact)
        p_value=float((1 + np.count_nonzero(counts >= internal)) / (1 + permutations)),
        p_greater=float((1 + np.count_nonzero(counts <= internal)) / (1 + permutations)),
    )
    return result
