"""Candidate pairs for introductions, drawn from a bounded neighbourhood (never all n² pairs).

A *bucket* is a set of actors who share something: the partners of one actor (so pairs in
it are two-hop neighbours with that actor in common), one topic, one project or event, one
street. Each bucket carries the weight a shared membership adds to a pair's score.

Within a bucket the members are put in a fixed random order (seeded) and every member is
paired with the next ``per_bucket`` members, cyclically. Buckets of up to 2·per_bucket + 1
members are thus paired completely; in larger ones (a busy partner, a popular topic) each
member gets 2·per_bucket partners, so an actor's candidates are capped per bucket it is in.
Scores summed over the generated pairs are a lower bound ("prescore"); the shortlist is
rescored exactly.

This module also reads what introductions need from the store graph: the projects and
events of every actor, topic names, and the direct ties.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeAlias

import networkx as nx
import numpy as np
from numpy.typing import NDArray

from netzwerk.analysis._graph_arrays import EdgeArrays
from netzwerk.analysis.groups import group_memberships
from netzwerk.analysis.views import PARTICIPATION_KINDS

PairFilter: TypeAlias = Callable[[NDArray[np.int64], NDArray[np.int64]], NDArray[np.bool_]]
"""``keep(low, high)``: which of the pairs (low[k], high[k]) of actor positions to keep."""

# What one shared thing adds to a pair's score; a shared partner z adds 1/|N(z)|.
TOPIC_WEIGHT = 0.5
ACTIVITY_WEIGHT = 0.5
STREET_WEIGHT = 0.25


@dataclass(frozen=True)
class StoreContext:
    """What introductions read from the store graph besides the view."""

    activities: dict[Hashable, frozenset[str]] = field(default_factory=dict)
    activity_names: dict[str, str] = field(default_factory=dict)
    activity_kinds: dict[str, str] = field(default_factory=dict)
    activity_days: dict[str, int] = field(default_factory=dict)  # ordinal of the start day
    topic_names: dict[str, str] = field(default_factory=dict)
    direct_ties: list[tuple[Hashable, Hashable]] = field(default_factory=list)


def store_context(store_graph: nx.MultiDiGraph | None) -> StoreContext:
    """Projects/events of each actor (any date: a shared past is a reason) with names,
    kinds and start days, topic names, and every direct actor–actor tie of any kind and
    date (never suggested again)."""
    if store_graph is None:
        return StoreContext()
    kind_of = dict(store_graph.nodes(data="kind"))
    activities: dict[Hashable, set[str]] = defaultdict(set)
    ties = []
    for u, v, kind in store_graph.edges(data="kind"):
        if u == v or kind_of.get(u) != "actor":
            continue
        if kind_of.get(v) == "actor":
            ties.append((u, v))
        elif kind_of.get(v) in ("project", "event") and kind in PARTICIPATION_KINDS:
            activities[u].add(v)
    names = {
        key: str(data.get("name") or data.get("id") or key)
        for key, data in store_graph.nodes(data=True)
        if data.get("kind") in ("project", "event")
    }
    return StoreContext(
        activities={actor: frozenset(items) for actor, items in activities.items()},
        activity_names=names,
        activity_kinds={key: kind_of[key] for key in names},
        activity_days={
            key: day.toordinal()
            for key, day in store_graph.nodes(data="since")
            if key in names and isinstance(day, date)
        },
        topic_names=topic_names(store_graph),
        direct_ties=ties,
    )


def topic_names(store_graph: nx.MultiDiGraph | None) -> dict[str, str]:
    """Topic id → name, from the store graph's topic nodes ({} without a store graph)."""
    if store_graph is None:
        return {}
    return {
        str(data.get("id")): str(data.get("name") or data.get("id"))
        for _, data in store_graph.nodes(data=True)
        if data.get("kind") == "topic"
    }


@dataclass(frozen=True)
class Buckets:
    """Flattened buckets: entry e says actor ``member[e]`` is in bucket ``bucket[e]``."""

    bucket: np.ndarray
    member: np.ndarray
    weight: np.ndarray  # per bucket


def buckets(
    view: nx.Graph, arrays: EdgeArrays, context: StoreContext, allowed: np.ndarray
) -> Buckets:
    """Partner, topic, activity and street buckets over the ``allowed`` actors."""
    n = arrays.n
    degree = arrays.degree()
    parts_bucket = [np.concatenate([arrays.source, arrays.target])]
    parts_member = [np.concatenate([arrays.target, arrays.source])]
    weights = [np.divide(1.0, degree, out=np.zeros(n), where=degree > 0)]
    offset = n

    def add(groups: dict[Hashable, list[int]], weight: float) -> None:
        nonlocal offset
        sized = [members for members in groups.values() if len(members) > 1]
        if not sized:
            return
        lengths = np.array([len(members) for members in sized])
        parts_bucket.append(np.repeat(np.arange(offset, offset + len(sized)), lengths))
        parts_member.append(np.concatenate([np.asarray(m, dtype=np.int64) for m in sized]))
        weights.append(np.full(len(sized), weight))
        offset += len(sized)

    if any("topics" in data for _, data in view.nodes(data=True)):
        add(_invert(group_memberships(view, "topics"), arrays.index), TOPIC_WEIGHT)
    add(_invert(context.activities, arrays.index), ACTIVITY_WEIGHT)
    streets = {node: (street,) for node, street in view.nodes(data="street") if street}
    add(_invert(streets, arrays.index), STREET_WEIGHT)

    bucket = np.concatenate(parts_bucket)
    member = np.concatenate(parts_member)
    keep = allowed[member]
    return Buckets(bucket[keep], member[keep], np.concatenate(weights))


def _invert(
    groups_of: Mapping[Hashable, Iterable[Hashable]], index: Mapping[Hashable, int]
) -> dict[Hashable, list[int]]:
    members: dict[Hashable, list[int]] = defaultdict(list)
    for node, groups in groups_of.items():
        if node in index:
            for group in groups:
                members[group].append(index[node])
    return members


def window_pairs(
    found: Buckets,
    n: int,
    *,
    per_bucket: int,
    seed: int,
    max_pairs: int,
    keep_pair: PairFilter | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (keys low·n + high) and their prescores, summed over shared buckets.

    ``per_bucket`` is lowered if the windows would generate more than ``max_pairs`` pairs.
    ``keep_pair(low, high) -> bool array`` filters pairs as they are generated.
    """
    if not len(found.member):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    rng = np.random.default_rng(seed)
    # bucket number plus a random fraction: one sort groups buckets and shuffles within them
    order = np.argsort(found.bucket + rng.random(len(found.member)))
    bucket, member = found.bucket[order], found.member[order]
    starts_of, first, sizes_of = np.unique(bucket, return_index=True, return_counts=True)
    block = np.repeat(np.arange(len(starts_of)), sizes_of)
    start, size = first[block], sizes_of[block]
    position = np.arange(len(member)) - start
    weight = found.weight[bucket]
    window = _window(sizes_of, per_bucket, max_pairs)

    keys, scores = [], []
    for k in range(1, window + 1):
        valid = (2 * k < size) | ((2 * k == size) & (position < k))
        if not valid.any():
            break
        i = np.flatnonzero(valid)
        left, right = member[i], member[start[i] + (position[i] + k) % size[i]]
        low, high = np.minimum(left, right), np.maximum(left, right)
        if keep_pair is not None:
            chosen = keep_pair(low, high)
            low, high, i = low[chosen], high[chosen], i[chosen]
        keys.append(low * n + high)
        scores.append(weight[i])
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return sum_by_key(np.concatenate(keys), np.concatenate(scores))


def sum_by_key(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct keys (sorted) and the sum of the values of each (sort-based, fast).

    >>> sum_by_key(np.array([5, 2, 5]), np.array([1.0, 2.0, 3.0]))
    (array([2, 5]), array([2., 4.]))
    """
    if not len(keys):
        return keys, values
    order = np.argsort(keys, kind="stable")
    keys, values = keys[order], values[order]
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return keys[starts], np.add.reduceat(values, starts)


def _window(sizes: np.ndarray, per_bucket: int, max_pairs: int) -> int:
    """Largest window ≤ per_bucket whose pair count stays within max_pairs (at least 1)."""
    window = max(1, per_bucket)
    while window > 1 and int(np.minimum(window, sizes // 2) @ sizes) > max_pairs:
        window = max(1, window * 2 // 3)
    return window
