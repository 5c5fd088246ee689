"""Gaps: the one-call report of where the district network has holes.

`gaps_report` gathers the mixing matrix, the E-I index with its permutation test,
assortativity, communities and the holes between them, and the unreached actors, in one
plain dict (what ``netzwerk gaps --format json`` prints). Each part is also available on
its own: `netzwerk.analysis.mixing`, `.communities`, `.periphery`; whom to introduce next
is `netzwerk.analysis.introductions.suggest_introductions`.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from netzwerk.analysis._graph_arrays import EdgeArrays, edge_arrays
from netzwerk.analysis.communities import communities_kernel, holes_kernel
from netzwerk.analysis.groups import Membership
from netzwerk.analysis.mixing import (
    assortativity_kernel,
    ei_kernel,
    mixing_kernel,
    view_membership,
)
from netzwerk.analysis.periphery import periphery_kernel, silent_kernel
from netzwerk.analysis.views import coordinators as view_coordinators
from netzwerk.performance import Stopwatch, gc_paused

# How many of a community's most common groups are shown.
MAIN_GROUPS = 3


def gaps_report(
    view: nx.Graph,
    by: str = "sector",
    *,
    permutations: int = 1000,
    seed: int = 42,
    community_method: str = "leiden",
    timings: dict[str, tuple[float, float]] | None = None,
) -> dict[str, Any]:
    """Where the network has holes: group mixing, E-I index, communities, unreached actors.

    Combines, on one conversion of the view: `mixing.mixing` and `mixing.ei_index` and
    `mixing.assortativity` by ``by``; `communities.communities` (``community_method``,
    ``seed``) with `communities.community_holes`; `periphery.periphery`; and
    `periphery.silent_groups` by topics. See those functions for definitions and
    conventions (ties are counted for mixing and E-I, weighted by strength for
    communities).

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    by : str
        Actor attribute that defines the groups ('sector', 'topics', 'type', ...).
    permutations : int
        Permutations of the E-I test.
    seed : int
        Seed of the permutation test and the community search.
    community_method : {"leiden", "louvain"}
    timings : dict, optional
        If given, filled with (wall-clock, CPU) seconds per step.

    Returns
    -------
    dict
        ``by``, ``options`` (how the view was built), ``groups`` (per group: actors,
        tie_ends, internal_ties, external_ties, ei_index), ``ties``, ``observed``,
        ``expected``, ``ratio``, ``missing_pairs``, ``ei_index``, ``ei_p_value``,
        ``ei_test``, ``permutations``, ``actor_ei``, ``assortativity``,
        ``community_method``, ``modularity``, ``communities`` (id, size, members, main
        groups), ``community_holes``, ``isolates``, ``peripheral``, ``coordinator_only``,
        ``core_sizes``, ``silent_topics``.

    Examples
    --------
    >>> V = nx.Graph([(1, 2), (2, 3), (1, 3), (4, 5), (5, 6), (4, 6), (3, 4)])
    >>> nx.set_node_attributes(V, {i: "education" if i <= 3 else "economy" for i in V},
    ...                        "sector")
    >>> V.add_node(7, sector="religion")
    >>> report = gaps_report(V, permutations=100)
    >>> round(report["ei_index"], 3), report["isolates"], report["missing_pairs"][0]["groups"]
    (-0.714, [7], ['education', 'religion'])
    """
    with gc_paused():
        return _gaps_report(view, by, permutations, seed, community_method, Stopwatch(timings))


def _gaps_report(
    view: nx.Graph, by: str, permutations: int, seed: int, community_method: str, clock: Stopwatch
) -> dict[str, Any]:
    arrays = clock.time("arrays", lambda: edge_arrays(view, "weight"))
    groups = clock.time("groups", lambda: view_membership(view, arrays, by))
    mixed = clock.time("mixing", lambda: mixing_kernel(arrays, groups))
    ei = clock.time("ei_index", lambda: ei_kernel(arrays, groups, permutations, seed))
    assortativity = clock.time("assortativity", lambda: assortativity_kernel(arrays, groups))
    found = clock.time(
        "communities",
        lambda: communities_kernel(
            view, arrays, community_method, seed=seed, weighted=True, resolution=1.0
        ),
    )
    coordinators = view_coordinators(view)
    holes = clock.time(
        "community_holes", lambda: holes_kernel(arrays, found["communities"], coordinators)
    )
    outer = clock.time("periphery", lambda: periphery_kernel(view, arrays, coordinators))
    silent = clock.time("silent_topics", lambda: _silent_topics(view, arrays))

    membership = dict(zip(arrays.nodes, _group_lists(groups), strict=True))
    return {
        "by": by,
        "options": dict(view.graph.get("view", {})),
        "groups": [
            {
                "group": g,
                "actors": mixed["actors"][g],
                "tie_ends": mixed["tie_ends"][g],
                "internal_ties": ei["groups"][g]["internal"],
                "external_ties": ei["groups"][g]["external"],
                "ei_index": ei["groups"][g]["ei"],
            }
            for g in mixed["groups"]
        ],
        "ties": mixed["ties"],
        "observed": mixed["observed"],
        "expected": mixed["expected"],
        "ratio": mixed["ratio"],
        "missing_pairs": mixed["missing_pairs"],
        "ei_index": ei["network"],
        "ei_p_value": ei["p_value"],
        "ei_test": {
            key: ei[key]
            for key in ("permutations", "seed", "expected", "sd", "p_value", "p_greater")
        },
        "permutations": permutations,
        "actor_ei": ei["actors"],
        "assortativity": assortativity,
        "community_method": community_method,
        "modularity": found["modularity"],
        "communities": [
            {
                "id": i,
                "size": len(members),
                "members": members,
                "main_groups": dict(
                    Counter(g for m in members for g in membership[m]).most_common(MAIN_GROUPS)
                ),
            }
            for i, members in enumerate(found["communities"])
        ],
        "community_holes": holes,
        "isolates": outer["isolates"],
        "peripheral": outer["peripheral"],
        "coordinator_only": outer["coordinator_only"],
        "core_sizes": outer["core_sizes"],
        "silent_topics": silent,
    }


def _group_lists(groups: Membership) -> list[list[str]]:
    matrix = groups.matrix
    return [
        [groups.groups[g] for g in matrix.indices[matrix.indptr[i] : matrix.indptr[i + 1]]]
        for i in range(matrix.shape[0])
    ]


def _silent_topics(view: nx.Graph, arrays: EdgeArrays) -> list[dict[str, Any]]:
    if not any("topics" in data for _, data in view.nodes(data=True)):
        return []
    return silent_kernel(mixing_kernel(arrays, view_membership(view, arrays, "topics")))
