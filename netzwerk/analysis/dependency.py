"""Coordinator dependency: what the network loses if the district management drops out."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis._parts import (
    Connectivity,
    connectivity,
    fragmentation,
    group_pairs_lost,
)
from netzwerk.analysis._without_coordinators import BetweennessOptions, before_and_after
from netzwerk.analysis.betweenness import Betweenness, betweenness_kernel
from netzwerk.analysis.cohesion import components_kernel
from netzwerk.analysis.gould_fernandez import group_values
from netzwerk.analysis.views import coordinators as flagged_coordinators
from netzwerk.errors import OPTION_PLACE, ConfigError, NotFound

SUCCESSORS = 10
SUCCESSOR_WORK = 600_000_000
"""Sources × (actors + ties) a sampled estimate of the successors may cost: the run
without the coordinators takes one shortest-path search per source over the whole
network. Up to about 2,300,000 actors + ties every source of the intact run (256), fewer
above: a city of 1,000,000 actors and 3,500,000 ties in the view takes 128 (8 of the 16
batches), which saves that report about 45 s of its 10 minutes; its other figures keep
all 256 sources."""


def coordinator_dependency(
    graph: nx.Graph,
    coordinators: Iterable[Hashable] | None = None,
    *,
    by: str = "sector",
    weighted: bool = True,
    k_sample: int | None = None,
    seed: int | None = 42,
    top: int = SUCCESSORS,
    precision: float | None = None,
    intact: Betweenness | None = None,
) -> dict[str, Any]:
    r"""How much the network depends on its coordinators (the QM), and who could step in.

    Takes the coordinators out (those flagged ``coordinator`` in the view, or the ids
    given) and compares the network of all *other* actors before and after:

    - ``connected_pairs_before`` / ``_after`` / ``_lost``: pairs of other actors joined by
      some path (before: paths may run through the coordinators);
    - ``fragmentation_before`` / ``_after``: Borgatti's F over the other actors, i.e.
      1 − connected pairs / all pairs of other actors;
    - ``betweenness_share``: the coordinators' share of all betweenness in the intact
      network, Σ_c C_B(c) / Σ_v C_B(v) (per coordinator in ``betweenness_share_by_coordinator``);
    - ``connected_pairs_including_coordinators``: pairs of *all* actors (coordinators
      included) joined by some path in the intact network;
    - ``components_before`` / ``_after``: the number of separate parts of the network,
      before with everyone, after of the other actors only;
    - ``cut_off``: the other actors who lie in the largest part of the intact network and
      are no longer in the largest part without the coordinators (sorted by id; see
      `coordinator_connectivity` for the tie rule);
    - ``group_pairs_lost``: pairs of different groups (``by``, default sector) with a path
      between some of their members before and none after;
    - ``successors``: the actors who would carry most of the coordinators' brokering —
      those whose betweenness gains most, ``gain = after − before``, where both count only
      shortest paths between other actors (normalised by the pairs of other actors not
      involving the successor). Before, part of these paths ran through the coordinators;
      after, they run through the successors. Pairs that lose every path are in
      ``connected_pairs_lost``: nobody carries them. The ``top`` largest positive gains are
      listed.

    Betweenness follows `netzwerk.analysis.betweenness.betweenness` (weighted on
    ``distance`` by default; sampled for large networks: the intact run's sources that
    are not coordinators, before and after, see `netzwerk.analysis._without_coordinators`);
    its method is under ``betweenness``, and ``successor_sources`` says how many sources
    the successors' before and after were estimated from (a sampled estimate on a very large
    network takes only the first batches of the intact run, `SUCCESSOR_WORK`).

    Parameters
    ----------
    graph : networkx.Graph
        The actor view.
    coordinators : iterable of ids, optional
        Default: the actors flagged ``coordinator``.
    by : str
        Node attribute for ``group_pairs_lost``.
    weighted, k_sample, seed, precision
        Betweenness options (``precision``: largest 95 % error of normalised betweenness).
    intact : Betweenness, optional
        The betweenness of ``graph`` with the same options, if already computed (the broker
        table's, `broker_analysis`): the shares are ratios, so its normalisation cancels,
        and one of the three betweenness runs is saved (``betweenness`` then describes it,
        its error in its own units).
    top : int
        Number of successors listed.

    Returns
    -------
    dict

    Raises
    ------
    NotFound
        A given coordinator id is not in the network.
    ConfigError
        No coordinators are flagged or given; unknown ``by`` attribute.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    Computational and Mathematical Organization Theory 12, 21–34.
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40(1), 35–41.

    Examples
    --------
    The QM (qm) is the only link to d, and a shortcut between a and c that b also joins:

    >>> G = nx.Graph([("qm", "a"), ("qm", "c"), ("a", "b"), ("b", "c"), ("qm", "d")])
    >>> G.nodes["qm"]["coordinator"] = True
    >>> nx.set_node_attributes(G, {"a": "social", "b": "social", "c": "culture",
    ...                            "d": "education"}, "sector")
    >>> d = coordinator_dependency(G, weighted=False)
    >>> d["connected_pairs_before"], d["connected_pairs_after"], round(d["betweenness_share"], 3)
    (6, 3, 0.583)
    >>> d["group_pairs_lost"]
    [['culture', 'education'], ['education', 'social']]
    >>> d["cut_off"], d["components_before"], d["components_after"]
    (['d'], 1, 2)
    >>> [(s["id"], round(s["gain"], 3)) for s in d["successors"]]
    [('b', 0.167)]
    """
    chosen = _coordinators(graph, coordinators)
    groups = group_values(graph, by)
    arrays = graph_arrays(graph, weight="weight", distance="distance" if weighted else None)
    coordinator = np.zeros(arrays.n, dtype=bool)
    coordinator[[arrays.index[c] for c in chosen]] = True
    others = ~coordinator
    everyone = np.ones(arrays.n, dtype=bool)

    before_labels = components_kernel(arrays, everyone)
    after_labels = components_kernel(arrays, others)
    parts = connectivity(arrays.nodes, before_labels, after_labels, others)
    pairs_before = parts["connected_pairs_before"]
    pairs_after = parts["connected_pairs_after"]
    n_others = int(others.sum())
    all_pairs = n_others * (n_others - 1) // 2

    options = BetweennessOptions(
        weighted=weighted, k_sample=k_sample, seed=seed, precision=precision
    )
    # shares are the same normalised (one scale for all); a precision is in normalised units
    if intact is None:
        intact = betweenness_kernel(arrays, normalized=precision is not None, **options)
    raw = np.array([intact.values[node] for node in arrays.nodes])
    total = raw.sum()
    share = {c: (float(raw[arrays.index[c]] / total) if total else 0.0) for c in chosen}

    before, after, successor_sources = before_and_after(
        arrays, others, intact, options, max_sources=successor_budget(arrays.n, len(arrays.tail))
    )
    gains = sorted(
        ((after[node] - before[node], node) for node in after if after[node] > before[node]),
        key=lambda item: (-item[0], str(item[1])),
    )[:top]
    group_of = dict(zip(arrays.nodes, groups, strict=True))
    return {
        "coordinators": chosen,
        "actors": n_others,
        **parts,
        "fragmentation_before": fragmentation(pairs_before, all_pairs),
        "fragmentation_after": fragmentation(pairs_after, all_pairs),
        "betweenness_share": float(sum(share.values())),
        "betweenness_share_by_coordinator": share,
        "by": by,
        "group_pairs_lost": group_pairs_lost(before_labels, after_labels, others, groups),
        "successors": [
            {
                "id": node,
                "name": graph.nodes[node].get("name", str(node)),
                "group": group_of[node],
                "betweenness_before": before[node],
                "betweenness_after": after[node],
                "gain": gain,
            }
            for gain, node in gains
        ],
        "betweenness": intact.method(),
        "successor_sources": successor_sources,
    }


def successor_budget(actors: int, ties: int) -> int:
    """Most sources the successors' sampled estimate takes on a network of ``actors`` and
    ``ties`` (`SUCCESSOR_WORK`); whole batches of the intact run are taken, at least one.

    >>> successor_budget(100_000, 525_000), successor_budget(1_000_000, 3_500_000)
    (960, 133)
    """
    return max(1, SUCCESSOR_WORK // max(1, actors + ties))


def coordinator_connectivity(graph: nx.Graph, coordinators: Collection[Hashable]) -> Connectivity:
    """Who stays connected without the coordinators: connected pairs, separate parts and
    the actors cut off from the main part.

    The structural half of `coordinator_dependency` (no betweenness, so it is fast on any
    network); `coordinator_dependency` returns the same fields. The *main part* is the
    largest connected component; of several equally large ones, the one holding the actor
    that comes first in the graph's node order.

    Parameters
    ----------
    graph : networkx.Graph
        The actor view.
    coordinators : collection of ids
        The actors taken out; ids not in ``graph`` are ignored (nothing to take out).

    Returns
    -------
    dict
        ``connected_pairs_before`` / ``_after`` / ``_lost`` (pairs of other actors joined by
        a path), ``connected_pairs_including_coordinators`` (pairs of all actors joined by a
        path in the intact network), ``components_before`` (parts of the intact network),
        ``components_after`` (parts of the network of the other actors) and ``cut_off``
        (other actors in the main part before and outside the main part after, sorted by
        id).

    Examples
    --------
    The QM (qm) is the only link to d:

    >>> G = nx.Graph([("qm", "a"), ("a", "b"), ("qm", "d")])
    >>> c = coordinator_connectivity(G, ["qm"])
    >>> c["connected_pairs_including_coordinators"], c["connected_pairs_after"]
    (6, 1)
    >>> c["components_before"], c["components_after"], c["cut_off"]
    (1, 2, ['d'])
    """
    arrays = graph_arrays(graph, weight=None, distance=None)
    removed = set(coordinators)
    others = np.array([node not in removed for node in arrays.nodes], dtype=bool)
    before_labels = components_kernel(arrays, np.ones(arrays.n, dtype=bool))
    after_labels = components_kernel(arrays, others)
    return connectivity(arrays.nodes, before_labels, after_labels, others)


def _coordinators(graph: nx.Graph, given: Iterable[Hashable] | None) -> Sequence[Hashable]:
    chosen = list(dict.fromkeys(given)) if given is not None else []
    if not chosen:
        flagged = flagged_coordinators(graph)
        if not flagged:
            raise ConfigError(
                "keine Koordination markiert — beim Akteur coordinator=ja setzen "
                f"oder {OPTION_PLACE} ID angeben",
                option="coordinator",
            )
        return flagged
    for node in chosen:
        if node not in graph:
            raise NotFound(
                f'unbekannter Akteur "{node}" für {OPTION_PLACE} — Kennung (ID), genauen Namen '
                "oder Pseudonym angeben",
                option="coordinator",
            )
    return chosen
