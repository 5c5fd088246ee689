"""What falls apart: connected pairs, parts and groups of a network before and after some
actors or ties go (the coordinators, a funder's projects), from component labels."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypedDict

import numpy as np


class Connectivity(TypedDict):
    """What `netzwerk.analysis.dependency.coordinator_connectivity` returns (see there for the fields)."""

    connected_pairs_before: int
    connected_pairs_after: int
    connected_pairs_lost: int
    connected_pairs_including_coordinators: int
    components_before: int
    components_after: int
    cut_off: list[Hashable]


def connectivity(
    nodes: list[Hashable], before: np.ndarray, after: np.ndarray, others: np.ndarray
) -> Connectivity:
    """The fields of `netzwerk.analysis.dependency.coordinator_connectivity` from the
    component labels before (every node) and after (the ``others``; removed nodes
    labelled -1)."""
    pairs_before = connected_pairs(before[others])
    pairs_after = connected_pairs(after[others])
    cut_off = main_part(before) & others & ~main_part(after)
    return {
        "connected_pairs_before": pairs_before,
        "connected_pairs_after": pairs_after,
        "connected_pairs_lost": pairs_before - pairs_after,
        "connected_pairs_including_coordinators": connected_pairs(before),
        "components_before": count_components(before),
        "components_after": count_components(after[others]),
        "cut_off": sorted((nodes[i] for i in np.flatnonzero(cut_off)), key=str),
    }


def main_part(labels: np.ndarray) -> np.ndarray:
    """Mask of the largest component (labels -1: removed); of equally large ones, the one
    holding the earliest node."""
    main = np.zeros(len(labels), dtype=bool)
    alive = np.flatnonzero(labels >= 0)
    if len(alive) == 0:
        return main
    sizes = np.bincount(labels[alive])
    largest = alive[np.argmax(sizes[labels[alive]] == sizes.max())]
    main[labels == labels[largest]] = True
    return main


def count_components(labels: np.ndarray) -> int:
    return len(np.unique(labels))


def connected_pairs(labels: np.ndarray) -> int:
    sizes = np.bincount(labels).astype(np.int64) if len(labels) else np.zeros(0, np.int64)
    return int(np.sum(sizes * (sizes - 1) // 2))


def fragmentation(connected: int, all_pairs: int) -> float:
    return 1.0 - connected / all_pairs if all_pairs else 0.0


def group_pairs_lost(
    before: np.ndarray, after: np.ndarray, others: np.ndarray, groups: list[Hashable]
) -> list[list[Hashable]]:
    """Pairs of groups with members in a common component before, but not after."""
    labels = sorted({groups[i] for i in np.flatnonzero(others)}, key=sort_key)
    code = {label: c for c, label in enumerate(labels)}
    member = np.array([code[groups[i]] for i in np.flatnonzero(others)], dtype=np.int64)
    reach_before = _reachable_groups(before[others], member, len(labels))
    reach_after = _reachable_groups(after[others], member, len(labels))
    lost = np.argwhere(np.triu(reach_before & ~reach_after, k=1))
    return [[labels[g], labels[h]] for g, h in lost]


def _reachable_groups(components: np.ndarray, member: np.ndarray, n_groups: int) -> np.ndarray:
    """Boolean group × group matrix: some members share a component."""
    _, component = np.unique(components, return_inverse=True)
    incidence = np.zeros((component.max() + 1 if len(component) else 0, n_groups), dtype=bool)
    incidence[component, member] = True
    counts = incidence.T.astype(np.int64) @ incidence.astype(np.int64)
    return counts > 0


def sort_key(value: Hashable) -> tuple[bool, str]:
    return (value is None, str(value))
