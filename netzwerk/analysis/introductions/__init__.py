"""Introductions: whom the QM should introduce to whom next, why, and who can do it.

`suggest_introductions` proposes pairs of actors who are not tied yet, ranked so that the
biggest gaps between groups (sectors by default) are closed first, each with what the two
share (``reason``, plain data) and the best person to make the introduction. The sentences
saying it are made by `netzwerk.present.introductions.introduction_texts`.

The parts: `candidates` (bounded candidate pairs, what the store graph adds), `ranking`
(which gaps first), `pairs` (what a pair shares, its introducer, the returned record).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from itertools import chain
from typing import Any

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from netzwerk.analysis._graph_arrays import EdgeArrays, edge_arrays
from netzwerk.analysis.groups import Membership
from netzwerk.analysis.introductions.candidates import (
    PairFilter,
    StoreContext,
    buckets,
    store_context,
    window_pairs,
)
from netzwerk.analysis.introductions.pairs import (
    active_and_consented,
    members,
    shared_things,
    suggestion_record,
)
from netzwerk.analysis.introductions.ranking import GapRanking, round_robin, shortlist
from netzwerk.analysis.mixing import view_membership
from netzwerk.errors import OPTION_PLACE, ConfigError, NotFound
from netzwerk.performance import gc_paused

__all__ = ["suggest_introductions"]


def suggest_introductions(
    view: nx.Graph,
    store_graph: nx.MultiDiGraph | None = None,
    *,
    for_actor: Hashable | None = None,
    between: Sequence[str] | None = None,
    by: str = "sector",
    top: int = 10,
    as_of: date | None = None,
    per_bucket: int = 25,
    max_per_actor: int = 2,
    max_pairs: int = 5_000_000,
    seed: int = 42,
) -> list[dict[str, Any]]:
    """Pairs of actors to introduce to each other next, biggest group gaps first.

    Candidates come from a bounded neighbourhood (`candidates`): two-hop neighbours,
    actors sharing a topic, a project or event (from ``store_graph``, any date) or a street,
    at most 2·``per_bucket`` per actor and shared thing. A pair is never suggested if the
    two are tied in the view or directly in the store graph (any kind, any date), if
    either has left (``until`` before ``as_of``, default today), is a natural person
    without consent, or is a coordinator (the QM makes introductions; actors it alone
    reaches are listed by `periphery`).

    Score (higher = more in common):
    Σ_{z shared partner} 1/|N(z)| (resource allocation, Zhou et al. 2009)
    + 0.5 · shared topics + 0.5 · shared projects/events + 0.25 · same street.

    Ranking: the group pairs (of attribute ``by``) are ordered by the ratio observed /
    expected ties between them (`mixing`; lowest first, ties by larger expected count;
    pairs within one group only after all pairs across groups, as the QM's task is to
    connect sectors);
    suggestions are taken round-robin, the best-scored pair of the biggest gap first, then
    of the next gap, and so on, so the list covers several gaps. No actor appears more than
    ``max_per_actor`` times (except ``for_actor``).

    Introducer: the shared partner (active, consented if a person) with the strongest ties
    to both, preferably not a coordinator; else a coordinator tied to either; else None.

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view. For introductions build it from direct ties only
        (``actor_view(store_graph, shared=())``), so that shared events become reasons
        rather than ties.
    store_graph : networkx.MultiDiGraph, optional
        The store's graph: projects/events, topic names, direct ties of every kind.
    for_actor : actor, optional
        Only suggestions for this actor (``a`` is this actor). NotFound if not in the view;
        empty if the actor may not be suggested.
    between : (group, group), optional
        Only pairs with one actor in each group (keys of ``by``, e.g. 'education',
        'economy'); ConfigError for an unknown group.
    by : str
        Attribute whose gaps are closed first (default 'sector').
    top : int
        Number of suggestions.
    as_of : datetime.date, optional
        Day on which actors must still be active (default today).
    per_bucket, max_pairs : int
        Candidate bounds (see `candidates.window_pairs`).
    max_per_actor : int
        How often one actor may appear in the list.
    seed : int
        Seed of the candidate order within large buckets.

    Returns
    -------
    list of dict
        ``a``, ``b``, ``score``, ``reason`` (what the sentence needs: ``codes`` from
        'shared_topics', 'shared_events', 'shared_projects', 'shared_partners',
        'same_street'; topic names ``topics``; (kind, name) ``activities``, most recent
        first; the number of shared ``partners``; ``same_street`` and ``street``, empty if
        either is a person), ``introducer``, ``introducer_via`` ('shared_partner',
        'coordinator' or None), ``by``, ``groups`` (of a and b), ``gap`` ({groups,
        observed, expected, ratio} between their groups, None if either has no group),
        ``shared_partners``, ``shared_topics``, ``shared_activities`` (names),
        ``same_street``.

    References
    ----------
    Liben-Nowell, D. & Kleinberg, J. (2007). The link-prediction problem for social
    networks. JASIST 58(7), 1019–1031.
    Zhou, T., Lü, L. & Zhang, Y.-C. (2009). Predicting missing links via local
    information. Eur. Phys. J. B 71, 623–630.

    Examples
    --------
    A school and a shop both work with the youth club and on 'jugend'; nobody in
    education is tied to the local economy yet:

    >>> V = nx.Graph([("school", "club"), ("shop", "club"), ("shop", "bakery")])
    >>> sectors = {"school": "education", "club": "social", "shop": "economy",
    ...            "bakery": "economy"}
    >>> nx.set_node_attributes(V, sectors, "sector")
    >>> nx.set_node_attributes(V, {"school": ["jugend"], "shop": ["jugend"]}, "topics")
    >>> best = suggest_introductions(V, top=1)[0]
    >>> best["a"], best["b"], best["introducer"], best["score"]
    ('school', 'shop', 'club', 1.0)
    >>> best["reason"]["codes"], best["gap"]["groups"], best["gap"]["observed"]
    (['shared_topics', 'shared_partners'], ['education', 'economy'], 0)
    """
    if for_actor is not None and for_actor not in view:
        raise NotFound(f'unbekannter Akteur "{for_actor}" — Kennung (ID) oder Namen prüfen')
    with gc_paused():
        return _suggest(
            view,
            store_graph,
            for_actor,
            between,
            by,
            top,
            as_of,
            per_bucket,
            max_per_actor,
            max_pairs,
            seed,
        )


def _suggest(
    view: nx.Graph,
    store_graph: nx.MultiDiGraph | None,
    for_actor: Hashable | None,
    between: Sequence[str] | None,
    by: str,
    top: int,
    as_of: date | None,
    per_bucket: int,
    max_per_actor: int,
    max_pairs: int,
    seed: int,
) -> list[dict[str, Any]]:
    context = store_context(store_graph)
    arrays = edge_arrays(view, "weight")
    groups = view_membership(view, arrays, by)
    if between is not None:
        _check_groups(between, groups, by)
    allowed = _allowed(view, arrays, as_of or date.today())
    if for_actor is not None and not allowed[arrays.index[for_actor]]:
        return []

    gaps = GapRanking(arrays, groups)
    keep_pair = _pair_filter(arrays, groups, for_actor, between)
    keys, prescores = window_pairs(
        buckets(view, arrays, context, allowed),
        arrays.n,
        per_bucket=per_bucket,
        seed=seed,
        max_pairs=max_pairs,
        keep_pair=keep_pair,
    )
    tied = np.sort(np.concatenate([arrays.pair_keys(), _store_tie_keys(context, arrays)]))
    fresh = ~_contains(tied, keys)
    keys, prescores = keys[fresh], prescores[fresh]
    low, high = keys // arrays.n, keys % arrays.n
    rank, cell = gaps.rank(low, high, between)

    day = as_of or date.today()
    first_side = members(groups, arrays, between[0]) if between is not None else set()
    rounds = -(-top // max(1, len(np.unique(rank)))) if len(rank) else 0
    candidates = []
    for i in shortlist(rank, prescores, per_rank=2 * rounds + 5):
        u, v = arrays.nodes[low[i]], arrays.nodes[high[i]]
        if v == for_actor or (between is not None and u not in first_side):
            u, v = v, u
        shared = shared_things(view, context, u, v)
        if shared is not None:
            candidates.append((int(rank[i]), int(cell[i]), shared))
    chosen = round_robin(candidates, top, max_per_actor, for_actor)
    return [
        suggestion_record(view, context, groups, arrays, gaps, cell, shared, day, by)
        for cell, shared in chosen
    ]


def _check_groups(between: Sequence[str], groups: Membership, by: str) -> None:
    if len(between) != 2:
        raise ConfigError(
            f"zwischen genau zwei Gruppen wählen, z. B. {OPTION_PLACE} education economy",
            option="between",
        )
    for group in between:
        if group not in groups.groups:
            allowed = ", ".join(groups.groups)
            raise ConfigError(f'unbekannte Gruppe "{group}" für {by} — vorhanden: {allowed}')


def _allowed(view: nx.Graph, arrays: EdgeArrays, day: date) -> np.ndarray:
    """Actors who may be suggested: active on ``day``, consented if persons, not the QM."""
    allowed = np.ones(arrays.n, dtype=bool)
    for i, node in enumerate(arrays.nodes):
        allowed[i] = active_and_consented(view.nodes[node], day) and not view.nodes[node].get(
            "coordinator"
        )
    return allowed


def _store_tie_keys(context: StoreContext, arrays: EdgeArrays) -> np.ndarray:
    """Keys of the store's direct ties between actors of the view."""
    lookup = arrays.index.get
    ends = np.fromiter(
        (lookup(x, -1) for x in chain.from_iterable(context.direct_ties)),
        dtype=np.int64,
        count=2 * len(context.direct_ties),
    ).reshape(-1, 2)
    ends = ends[(ends >= 0).all(axis=1)]
    keys: NDArray[np.int64] = ends.min(axis=1) * arrays.n + ends.max(axis=1)
    return keys


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which ``keys`` occur in ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    position = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    found: NDArray[np.bool_] = sorted_keys[position] == keys
    return found


def _pair_filter(
    arrays: EdgeArrays,
    groups: Membership,
    for_actor: Hashable | None,
    between: Sequence[str] | None,
) -> PairFilter | None:
    """Vectorised filter for the generated pairs (None: keep all)."""
    checks: list[PairFilter] = []
    if for_actor is not None:
        focal = arrays.index[for_actor]
        checks.append(lambda low, high: (low == focal) | (high == focal))
    if between is not None:
        member = groups.matrix.tocsc()
        in_a = np.asarray(member[:, groups.groups.index(between[0])].todense()).ravel() > 0
        in_b = np.asarray(member[:, groups.groups.index(between[1])].todense()).ravel() > 0
        checks.append(lambda low, high: (in_a[low] & in_b[high]) | (in_b[low] & in_a[high]))
    if not checks:
        return None
    return lambda low, high: np.logical_and.reduce([check(low, high) for check in checks])
