"""Unreached and peripheral actors, and groups whose members do not work together.

`periphery` lists isolates, actors tied only to the coordinator (hub and spoke) and the
k-core periphery; `silent_groups` lists groups (e.g. topics) with several actors but no tie
among them.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping
from typing import Any

import networkx as nx
import numpy as np

from netzwerk.analysis._graph_arrays import EdgeArrays, edge_arrays
from netzwerk.analysis.mixing import mixing_kernel, view_membership
from netzwerk.analysis.views import coordinators as view_coordinators


def periphery(view: nx.Graph, coordinators: Collection[Hashable] | None = None) -> dict[str, Any]:
    """Who the network does not reach yet: isolates, spokes of the QM, the outer shell.

    Three disjoint lists:

    - ``isolates``: actors without any tie;
    - ``coordinator_only``: actors whose every tie goes to a coordinator (hub and spoke:
      the QM knows them, nobody else does);
    - ``peripheral``: the remaining actors with core number 1, i.e. in the 1-core but not in
      the 2-core (the largest subgraph in which everyone has at least two ties within it).
      They hang on by tree-like branches: no cycle of ties passes through them, so losing
      one tie cuts them (or their branch) off. Actors with a single tie are always here.

    Core numbers as in Batagelj & Zaversnik (2003) (igraph ``coreness``, equal to
    ``networkx.core_number``).

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    coordinators : collection of actors, optional
        Default: the view's coordinators (`views.coordinators`).

    Returns
    -------
    dict
        ``isolates`` (actors), ``coordinator_only`` ({actor, coordinators}),
        ``peripheral`` ({actor, degree, partners}), each sorted by actor, and
        ``core_sizes`` (number of actors per core number).

    References
    ----------
    Seidman, S. B. (1983). Network structure and minimum degree. Social Networks 5, 269–287.
    Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of
    networks. arXiv cs/0310049.

    Examples
    --------
    The QM with a triangle of partners, a spoke and a chain hanging off the triangle:

    >>> V = nx.Graph([("qm", "a"), ("a", "b"), ("qm", "b"), ("qm", "spoke"), ("b", "c"),
    ...               ("c", "d")])
    >>> V.add_node("alone")
    >>> result = periphery(V, ["qm"])
    >>> result["isolates"], result["coordinator_only"]
    (['alone'], [{'actor': 'spoke', 'coordinators': ['qm']}])
    >>> [(p["actor"], p["degree"]) for p in result["peripheral"]]
    [('c', 2), ('d', 1)]
    """
    if coordinators is None:
        coordinators = view_coordinators(view)
    return periphery_kernel(view, edge_arrays(view, None), coordinators)


def periphery_kernel(
    view: nx.Graph, arrays: EdgeArrays, coordinators: Collection[Hashable]
) -> dict[str, Any]:
    degree = arrays.degree()
    is_coordinator = np.zeros(arrays.n, dtype=bool)
    is_coordinator[[arrays.index[c] for c in coordinators if c in arrays.index]] = True
    to_coordinator = np.bincount(
        np.concatenate(
            [
                arrays.source[is_coordinator[arrays.target]],
                arrays.target[is_coordinator[arrays.source]],
            ]
        ),
        minlength=arrays.n,
    )
    spoke = (degree > 0) & (to_coordinator == degree) & ~is_coordinator
    core = coreness(arrays)
    shell = (core == 1) & ~spoke
    nodes = arrays.nodes

    def sort(items: list[Any]) -> list[Any]:
        return sorted(
            items, key=lambda item: str(item["actor"] if isinstance(item, dict) else item)
        )

    return {
        "isolates": sort([nodes[i] for i in np.flatnonzero(degree == 0)]),
        "coordinator_only": sort(
            [
                {
                    "actor": nodes[i],
                    "coordinators": sorted(
                        (v for v in view[nodes[i]] if is_coordinator[arrays.index[v]]), key=str
                    ),
                }
                for i in np.flatnonzero(spoke)
            ]
        ),
        "peripheral": sort(
            [
                {
                    "actor": nodes[i],
                    "degree": int(degree[i]),
                    "partners": sorted(view[nodes[i]], key=str),
                }
                for i in np.flatnonzero(shell)
            ]
        ),
        "core_sizes": {
            int(k): int(c) for k, c in zip(*np.unique(core, return_counts=True), strict=True)
        },
    }


def coreness(arrays: EdgeArrays) -> np.ndarray:
    """Core number of every actor (igraph, linear time)."""
    return np.asarray(arrays.igraph.coreness(), dtype=np.int64)


def silent_groups(
    view: nx.Graph, by: str = "topics", *, min_actors: int = 2
) -> list[dict[str, Any]]:
    """Groups (e.g. topics) with several actors but no tie at all among them.

    A group is silent if at least ``min_actors`` actors belong to it and no tie of the view
    joins two of them (any tie: cooperation, membership, shared project or event — whatever
    the view was built from). Group membership as in `mixing`.

    Parameters
    ----------
    view : networkx.Graph
        Actor–actor view.
    by : str
        Actor attribute that defines the groups (default 'topics').
    min_actors : int
        Smallest group size to report.

    Returns
    -------
    list of dict
        ``group`` and ``actors`` (how many), largest first.

    Examples
    --------
    >>> V = nx.Graph([("a", "b"), ("b", "c")])
    >>> nx.set_node_attributes(V, {"a": ["jugend"], "b": ["senioren"], "c": ["jugend"]},
    ...                        "topics")
    >>> silent_groups(V)
    [{'group': 'jugend', 'actors': 2}]
    """
    arrays = edge_arrays(view, None)
    return silent_kernel(mixing_kernel(arrays, view_membership(view, arrays, by)), min_actors)


def silent_kernel(mixed: Mapping[str, Any], min_actors: int = 2) -> list[dict[str, Any]]:
    silent = [
        {"group": g, "actors": mixed["actors"][g]}
        for g in mixed["groups"]
        if mixed["actors"][g] >= min_actors and mixed["observed"][g][g] == 0
    ]
    return sorted(silent, key=lambda item: (-item["actors"], item["group"]))
