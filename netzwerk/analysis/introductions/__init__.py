"""Introductions: whom the QM should introduce to whom next, why, and who can do it.

`suggest_introductions` proposes pairs of actors who are not tied yet, ranked so that the
biggest gaps between groups (sectors by default) are closed first, each with a reason in
plain German or English and the best person to make the introduction.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date
from itertools import chain

import networkx as nx
import numpy as np

from netzwerk.analysis.gaps_arrays import EdgeArrays, Membership, edge_arrays
from netzwerk.analysis.introductions.candidates import (
    ACTIVITY_WEIGHT,
    STREET_WEIGHT,
    TOPIC_WEIGHT,
    StoreContext,
    buckets,
    store_context,
    window_pairs,
)
from netzwerk.analysis.mixing import mixing_matrices, view_membership
from netzwerk.errors import OPTION_PLACE, ConfigError, NotFound
from netzwerk.performance import gc_paused
from netzwerk.present.introductions import LANGUAGES, gap_text, reason_text


def suggest_introductions(
    view: nx.Graph,
    store_graph: nx.MultiDiGraph | None = None,
    *,
    for_actor: Hashable | None = None,
    between: Sequence[str] | None = None,
    by: str = "sector",
    top: int = 10,
    lang: str = "de",
    as_of: date | None = None,
    per_bucket: int = 25,
    max_per_actor: int = 2,
    max_pairs: int = 5_000_000,
    seed: int = 42,
) -> list[dict]:
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
    lang : {'de', 'en'}
        Language of ``reasons`` and ``gap_text``.
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
        ``a``, ``b``, ``score``, ``reasons`` (one sentence), ``introducer``,
        ``introducer_via`` ('shared_partner', 'coordinator' or None), ``groups`` (of a
        and b), ``gap`` ({observed, expected, ratio} between their groups), ``gap_text``,
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
    >>> best = suggest_introductions(V, top=1, lang="en")[0]
    >>> best["a"], best["b"], best["introducer"], best["score"]
    ('school', 'shop', 'club', 1.0)
    >>> best["reasons"]
    'Both work on jugend and have a partner in common'
    """
    if lang not in LANGUAGES:
        raise ConfigError(f'unbekannte Sprache "{lang}" — erlaubt: de, en')
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
            lang,
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
    lang: str,
    as_of: date | None,
    per_bucket: int,
    max_per_actor: int,
    max_pairs: int,
    seed: int,
) -> list[dict]:
    context = store_context(store_graph)
    arrays = edge_arrays(view, "weight")
    groups = view_membership(view, arrays, by)
    if between is not None:
        _check_groups(between, groups, by)
    allowed = _allowed(view, arrays, as_of or date.today())
    if for_actor is not None and not allowed[arrays.index[for_actor]]:
        return []

    gaps = _GapRanking(arrays, groups)
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
    first_side = _members(groups, arrays, between[0]) if between is not None else set()
    rounds = -(-top // max(1, len(np.unique(rank)))) if len(rank) else 0
    candidates = []
    for i in _shortlist(rank, prescores, per_rank=2 * rounds + 5):
        u, v = arrays.nodes[low[i]], arrays.nodes[high[i]]
        if v == for_actor or (between is not None and u not in first_side):
            u, v = v, u
        shared = _shared(view, context, u, v)
        if shared is not None:
            candidates.append((int(rank[i]), int(cell[i]), shared))
    chosen = _round_robin(candidates, top, max_per_actor, for_actor)
    return [
        _record(view, context, groups, arrays, gaps, cell, shared, day, lang, by)
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
        allowed[i] = _active_and_consented(view.nodes[node], day) and not view.nodes[node].get(
            "coordinator"
        )
    return allowed


def _active_and_consented(data: dict, day: date) -> bool:
    until = data.get("until")
    if isinstance(until, date) and until < day:
        return False
    return not (data.get("natural_person") and not data.get("consent"))


def _store_tie_keys(context: StoreContext, arrays: EdgeArrays) -> np.ndarray:
    """Keys of the store's direct ties between actors of the view."""
    lookup = arrays.index.get
    ends = np.fromiter(
        (lookup(x, -1) for x in chain.from_iterable(context.direct_ties)),
        dtype=np.int64,
        count=2 * len(context.direct_ties),
    ).reshape(-1, 2)
    ends = ends[(ends >= 0).all(axis=1)]
    return ends.min(axis=1) * arrays.n + ends.max(axis=1)


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Which ``keys`` occur in ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=bool)
    position = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[position] == keys


def _pair_filter(
    arrays: EdgeArrays,
    groups: Membership,
    for_actor: Hashable | None,
    between: Sequence[str] | None,
):
    """Vectorised filter for the generated pairs (None: keep all)."""
    checks = []
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


class _GapRanking:
    """Group pairs ordered by observed/expected ties (lowest first, then larger expected);
    pairs across groups before pairs within one group."""

    def __init__(self, arrays: EdgeArrays, groups: Membership):
        self.groups = groups
        self.observed, self.expected, self.ratio, _, _ = mixing_matrices(arrays, groups)
        k = len(groups.groups)
        cells = [(i, j) for i in range(k) for j in range(i, k)]
        cells.sort(
            key=lambda c: (
                c[0] == c[1],
                np.inf if np.isnan(self.ratio[c]) else self.ratio[c],
                -self.expected[c],
                c,
            )
        )
        self.rank_of = np.full((k, k), len(cells), dtype=np.int64)
        for position, (i, j) in enumerate(cells):
            self.rank_of[i, j] = self.rank_of[j, i] = position
        self.unranked = len(cells)
        self.k = k
        self.codes = groups.codes() if groups.single_valued else None
        self.lists = (
            [
                groups.matrix.indices[groups.matrix.indptr[i] : groups.matrix.indptr[i + 1]]
                for i in range(groups.matrix.shape[0])
            ]
            if self.codes is None
            else None
        )

    def rank(
        self, low: np.ndarray, high: np.ndarray, between: Sequence[str] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Gap rank of each pair and its group cell (g·k + h, −1 if ungrouped)."""
        if between is not None:
            g, h = (self.groups.groups.index(x) for x in between)
            cell = np.full(len(low), min(g, h) * self.k + max(g, h), dtype=np.int64)
            return np.full(len(low), self.rank_of[g, h]), cell
        if self.codes is not None:
            a, b = self.codes[low], self.codes[high]
            grouped = (a >= 0) & (b >= 0)
            rank = np.where(
                grouped, self.rank_of[np.maximum(a, 0), np.maximum(b, 0)], self.unranked
            )
            cell = np.where(grouped, np.minimum(a, b) * self.k + np.maximum(a, b), -1)
            return rank, cell
        rank = np.full(len(low), self.unranked, dtype=np.int64)
        cell = np.full(len(low), -1, dtype=np.int64)
        for index, (u, v) in enumerate(zip(low.tolist(), high.tolist(), strict=True)):
            for g in self.lists[u]:
                for h in self.lists[v]:
                    if self.rank_of[g, h] < rank[index]:
                        rank[index] = self.rank_of[g, h]
                        cell[index] = min(g, h) * self.k + max(g, h)
        return rank, cell


def _shortlist(rank: np.ndarray, prescore: np.ndarray, per_rank: int) -> np.ndarray:
    """Indices of the ``per_rank`` best-prescored pairs of every gap rank.

    Pairs come sorted by key (low, high); the stable sort keeps that order among equals.
    """
    if not len(rank):
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(rank * (float(prescore.max()) + 1.0) - prescore, kind="stable")
    sorted_rank = rank[order]
    starts = np.flatnonzero(np.concatenate([[True], sorted_rank[1:] != sorted_rank[:-1]]))
    block_start = np.repeat(starts, np.diff(np.append(starts, len(order))))
    return order[np.arange(len(order)) - block_start < per_rank]


def _shared(view: nx.Graph, context: StoreContext, u: Hashable, v: Hashable) -> dict | None:
    """What u and v have in common, and the exact score; None if tied or nothing shared."""
    if view.has_edge(u, v):
        return None  # belt and braces: the array filter already removed these
    data_u, data_v = view.nodes[u], view.nodes[v]
    partners = sorted(set(view[u]) & set(view[v]), key=str)
    topics = sorted(set(data_u.get("topics") or ()) & set(data_v.get("topics") or ()))
    activities = sorted(
        context.activities.get(u, frozenset()) & context.activities.get(v, frozenset()),
        key=lambda a: (-context.activity_days.get(a, 0), context.activity_names.get(a, a)),
    )
    street = data_u.get("street") or ""
    same_street = bool(street) and street == data_v.get("street")
    score = (
        sum(1.0 / view.degree(z) for z in partners)
        + TOPIC_WEIGHT * len(topics)
        + ACTIVITY_WEIGHT * len(activities)
        + STREET_WEIGHT * same_street
    )
    if score <= 0:
        return None
    return {
        "a": u,
        "b": v,
        "score": round(score, 6),
        "partners": partners,
        "topics": topics,
        "activities": activities,
        "street": street if same_street else "",
    }


def _record(
    view: nx.Graph,
    context: StoreContext,
    groups: Membership,
    arrays: EdgeArrays,
    gaps: _GapRanking,
    cell: int,
    shared: dict,
    day: date,
    lang: str,
    by: str,
) -> dict:
    """The suggestion as returned: reasons, introducer, groups and the gap it closes."""
    u, v = shared["a"], shared["b"]
    private = bool(view.nodes[u].get("natural_person") or view.nodes[v].get("natural_person"))
    introducer, via = _introducer(view, u, v, shared["partners"], day)
    first_groups = _groups_of(groups, arrays, u)
    gap = _gap(gaps, cell, first_groups)
    activities = shared["activities"]
    return {
        "a": u,
        "b": v,
        "score": shared["score"],
        "reasons": reason_text(
            lang,
            [context.topic_names.get(t, t) for t in shared["topics"]],
            [
                (context.activity_kinds.get(a, "event"), context.activity_names.get(a, a))
                for a in activities
            ],
            len(shared["partners"]),
            shared["street"],
            private,
        ),
        "introducer": introducer,
        "introducer_via": via,
        "groups": [first_groups, _groups_of(groups, arrays, v)],
        "gap": gap,
        "gap_text": gap_text(lang, by, gap, context.topic_names) if gap else "",
        "shared_partners": shared["partners"],
        "shared_topics": shared["topics"],
        "shared_activities": [context.activity_names.get(a, a) for a in activities],
        "same_street": bool(shared["street"]),
    }


def _members(groups: Membership, arrays: EdgeArrays, group: str) -> set:
    column = groups.groups.index(group)
    member = groups.matrix.tocsc()[:, column]
    return {arrays.nodes[i] for i in member.indices}


def _groups_of(groups: Membership, arrays: EdgeArrays, node: Hashable) -> list[str]:
    row = arrays.index[node]
    matrix = groups.matrix
    return [groups.groups[g] for g in matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]]


def _gap(gaps: _GapRanking, cell: int, first_groups: list[str]) -> dict | None:
    """Observed and expected ties between the pair's groups, a's group first."""
    if cell < 0:
        return None
    g, h = divmod(cell, gaps.k)
    names = gaps.groups.groups
    if names[g] not in first_groups and names[h] in first_groups:
        g, h = h, g
    observed = float(gaps.observed[g, h]) / (2 if g == h else 1)
    ratio = gaps.ratio[g, h]
    return {
        "groups": [gaps.groups.groups[g], gaps.groups.groups[h]],
        "observed": int(round(observed)),
        "expected": round(float(gaps.expected[g, h]) / (2 if g == h else 1), 3),
        "ratio": None if np.isnan(ratio) else round(float(ratio), 3),
    }


def _introducer(
    view: nx.Graph, u: Hashable, v: Hashable, partners: list, day: date
) -> tuple[Hashable | None, str | None]:
    usable = [z for z in partners if _active_and_consented(view.nodes[z], day)]
    plain = [z for z in usable if not view.nodes[z].get("coordinator")]

    def strength(z: Hashable) -> tuple:
        a = view[u][z].get("weight", 1.0)
        b = view[v][z].get("weight", 1.0)
        return (-min(a, b), -(a + b), str(z))

    if plain:
        return min(plain, key=strength), "shared_partner"
    coordinators = [z for z in usable if view.nodes[z].get("coordinator")]
    if not coordinators:
        coordinators = sorted(
            (z for z in (*view[u], *view[v]) if view.nodes[z].get("coordinator")), key=str
        )
    return (coordinators[0], "coordinator") if coordinators else (None, None)


def _round_robin(
    candidates: list[tuple[int, int, dict]],
    top: int,
    max_per_actor: int,
    for_actor: Hashable | None,
) -> list[tuple[int, dict]]:
    """One pair per gap per round, biggest gap first, best score first within a gap.

    Returns (group cell, shared) of the chosen pairs."""
    by_rank: dict[int, list[tuple[int, dict]]] = {}
    for rank, cell, shared in candidates:
        by_rank.setdefault(rank, []).append((cell, shared))
    queues = [
        sorted(by_rank[r], key=lambda c: (-c[1]["score"], str(c[1]["a"]), str(c[1]["b"])))
        for r in sorted(by_rank)
    ]
    chosen: list[tuple[int, dict]] = []
    used: dict[Hashable, int] = {}
    while len(chosen) < top and any(queues):
        for queue in queues:
            while queue:
                cell, shared = queue.pop(0)
                capped = [x for x in (shared["a"], shared["b"]) if x != for_actor]
                if all(used.get(x, 0) < max_per_actor for x in capped):
                    for x in capped:
                        used[x] = used.get(x, 0) + 1
                    chosen.append((cell, shared))
                    break
            if len(chosen) == top:
                break
    return chosen
