"""Funding dependency (*Verstetigung*): what the network loses when funding ends."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from datetime import date
from typing import Any, TypedDict

import networkx as nx
import numpy as np

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis._parts import connectivity, fragmentation, group_pairs_lost, sort_key
from netzwerk.analysis.betweenness import Betweenness, betweenness_kernel
from netzwerk.analysis.cohesion import components_kernel
from netzwerk.analysis.gould_fernandez import group_values
from netzwerk.analysis.network_view import NetworkView
from netzwerk.errors import OPTION_PLACE, ConfigError, NotFound
from netzwerk.model import is_valid_on, node_is_valid

TOP = 10


def funding_dependency(
    store_graph: nx.MultiDiGraph,
    funders: Iterable[Hashable],
    *,
    ends_by: date | None = None,
    view: NetworkView | None = None,
    k_sample: int | None = None,
    seed: int | None = 42,
    precision: float | None = None,
    top: int = TOP,
    before: nx.Graph | None = None,
    intact: Betweenness | None = None,
) -> dict[str, Any]:
    r"""What the network of ``view`` loses if the funding of ``funders`` ends.

    **The scenario.** A project ends when funding of one of the ``funders`` runs out and
    no other funding carries it on (`ending_projects`): with ``ends_by`` (``--bis``), the
    funders' funding ties that end on or before that day run out (a tie without an end
    date does not); without it, all their funding ends now. A project keeps going if
    any funding of it continues after ``ends_by`` (without ``ends_by``: any funding by
    someone else). The ended projects leave the network with all their ties, and so do the
    funders' direct funding ties (Beziehungen, kind Förderung) that run out. Everything
    else stays as it is on the view's day: a cooperation between two actors who also
    met in an ended project stays, only its share from the project goes.

    **The comparison** (the same actors before and after, nobody removed):

    - ``ties_lost``: pairs of actors joined before and not after (they were joined
      *only* through the ended projects), strongest first; ``ties_weakened``: pairs that
      stay joined, but more weakly;
    - ``connected_pairs_before`` / ``_after`` / ``_lost``, ``fragmentation_before`` /
      ``_after`` (Borgatti's F = 1 − connected pairs / all pairs), ``components_before`` /
      ``_after``, ``cut_off`` (actors in the largest part before and outside it after) and
      ``group_pairs_lost`` (pairs of groups, ``view.by``, with a path before and none
      after), as in `netzwerk.analysis.dependency.coordinator_dependency`;
    - ``brokers_losing``: the ``top`` actors whose betweenness falls most,
      loss = before − after; ``successors``: the ``top`` actors whose betweenness grows
      most, gain = after − before (they would carry the brokering that is left). Both
      normalised over all pairs of actors, sampled for large networks with the same
      sources before and after (`netzwerk.analysis.betweenness.betweenness`).

    Parameters
    ----------
    store_graph : networkx.MultiDiGraph
        `Store.graph()`: actors, projects and their ties.
    funders : iterable of actor ids
        The funders whose funding ends (several at once: all of them).
    ends_by : datetime.date, optional
        Only funding that ends by this day runs out (default: all of it, now).
    view : NetworkView, optional
        The network looked at (default: today's).
    k_sample, seed, precision
        Betweenness options, as in `netzwerk.analysis.betweenness.betweenness`.
    top : int
        Rows of ``brokers_losing`` and ``successors``.
    before, intact : optional
        ``view``'s actor graph and its betweenness with the same options (normalised), if
        already computed (the report's view and broker table): saves a view and a run.

    Returns
    -------
    dict
        The fields above and ``funders``, ``ends_by``, ``projects`` (the ended projects:
        id, name, funders, funded_until), ``actors``, ``by`` and ``betweenness`` (method).

    Raises
    ------
    NotFound
        A funder is not an actor of the store graph.
    ConfigError
        No funder given.

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social network.
    Computational and Mathematical Organization Theory 12, 21–34.
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40(1), 35–41.

    Examples
    --------
    The city funds a project of a and b until 2027; c works with b directly:

    >>> G = nx.MultiDiGraph()
    >>> for actor in ("stadt", "a", "b", "c"):
    ...     G.add_node(actor, kind="actor", name=actor, sector="social")
    >>> G.add_node("project:p", kind="project", name="Projekt")
    >>> _ = G.add_edge("stadt", "project:p", kind="funding", until=date(2027, 12, 31))
    >>> for actor in ("a", "b"):
    ...     _ = G.add_edge(actor, "project:p", kind="participation")
    >>> _ = G.add_edge("b", "c", kind="cooperation", weight=1.0)
    >>> f = funding_dependency(G, ["stadt"], ends_by=date(2027, 12, 31),
    ...                        view=NetworkView(as_of=date(2026, 1, 1)))
    >>> [p["id"] for p in f["projects"]], [(t["source"], t["target"]) for t in f["ties_lost"]]
    (['p'], [('a', 'b'), ('a', 'stadt'), ('b', 'stadt')])
    >>> f["connected_pairs_before"], f["connected_pairs_after"], f["cut_off"]
    (6, 1, ['a', 'stadt'])
    """
    view = view or NetworkView()
    chosen = _funders(store_graph, funders)
    projects = ending_projects(store_graph, chosen, ends_by, view.as_of)
    direct = _direct_funding_ending(store_graph, chosen, ends_by, view.as_of)
    scenario = nx.restricted_view(store_graph, [p["key"] for p in projects], direct)
    if before is None:
        before = view.actor_graph(store_graph)
    after = view.actor_graph(scenario)
    options = _BetweennessOptions(k_sample=k_sample, seed=seed, precision=precision)
    result = _compare(before, after, view.by, top, options, intact)
    return {
        "funders": chosen,
        "ends_by": ends_by,
        "projects": [{k: v for k, v in p.items() if k != "key"} for p in projects],
        **result,
    }


def funding_outlook(
    store_graph: nx.MultiDiGraph,
    view: NetworkView,
    horizon: date,
    *,
    top: int = TOP,
    before: nx.Graph | None = None,
    intact: Betweenness | None = None,
) -> dict[str, Any] | None:
    """The report's funding scenario: every funding of a project that ends by ``horizon``
    is not renewed (all funders at once; see `funding_dependency`), on the day of ``view``.

    Returns None if no project's funding (valid on that day) has an end date by then,
    else `funding_dependency`'s result with ``by_funder``: per funder whose funding runs
    out, the projects whose funding by it ends (``projects``) and the latest end
    (``funded_until``), sorted by most projects. ``before`` and ``intact`` as in
    `funding_dependency`.

    >>> G = nx.MultiDiGraph()
    >>> for actor in ("stadt", "a", "b"):
    ...     G.add_node(actor, kind="actor", name=actor, sector="social")
    >>> G.add_node("project:p", kind="project", name="P")
    >>> _ = G.add_edge("stadt", "project:p", kind="funding", until=date(2027, 6, 30))
    >>> _ = G.add_edge("a", "project:p", kind="participation")
    >>> _ = G.add_edge("b", "project:p", kind="participation")
    >>> view = NetworkView(as_of=date(2026, 12, 3))
    >>> funding_outlook(G, view, date(2027, 12, 31))["by_funder"]
    [{'funder': 'stadt', 'projects': 1, 'funded_until': datetime.date(2027, 6, 30)}]
    >>> funding_outlook(G, view, date(2026, 12, 31)) is None
    True
    """
    ends: dict[Hashable, list[date]] = {}
    for funder, target, tie in store_graph.edges(data=True):
        until = tie.get("until")
        if (
            tie.get("kind") == "funding"
            and until is not None
            and until <= horizon
            and store_graph.nodes[target].get("kind") == "project"
            and _valid_tie(tie, view.as_of)
            and _valid_node(store_graph.nodes[target], view.as_of)
        ):
            ends.setdefault(funder, []).append(until)
    if not ends:
        return None
    result = funding_dependency(
        store_graph, list(ends), ends_by=horizon, view=view, top=top, before=before, intact=intact
    )
    result["by_funder"] = sorted(
        (
            {"funder": funder, "projects": len(days), "funded_until": max(days)}
            for funder, days in ends.items()
        ),
        key=lambda row: (-row["projects"], sort_key(row["funder"])),
    )
    return result


def ending_projects(
    store_graph: nx.MultiDiGraph,
    funders: Iterable[Hashable],
    ends_by: date | None = None,
    on: date | None = None,
) -> list[dict[str, Any]]:
    """The projects that end when the ``funders``' funding runs out (see
    `funding_dependency`), valid on ``on`` (None: all), sorted by name: ``key`` (graph
    node), ``id``, ``name``, ``funders`` (the ending funders) and ``funded_until`` (the
    latest end of their funding; None: open).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("project:p", kind="project", name="P")
    >>> _ = G.add_edge("stadt", "project:p", kind="funding", until=date(2027, 12, 31))
    >>> _ = G.add_edge("stiftung", "project:p", kind="funding", until=date(2028, 6, 30))
    >>> [p["id"] for p in ending_projects(G, ["stadt"], date(2027, 12, 31))]
    []
    >>> [p["id"] for p in ending_projects(G, ["stadt", "stiftung"], date(2028, 12, 31))]
    ['p']
    """
    ending = set(funders)
    found = []
    for node, data in store_graph.nodes(data=True):
        if data.get("kind") != "project" or not _valid_node(data, on):
            continue
        funding = [
            (funder, tie.get("until"))
            for funder, _, tie in store_graph.in_edges(node, data=True)
            if tie.get("kind") == "funding" and _valid_tie(tie, on)
        ]
        ended = [(f, until) for f, until in funding if f in ending and _runs_out(until, ends_by)]
        if ended and not any(_continues(f, until, ending, ends_by) for f, until in funding):
            ends = [until for _, until in ended]
            found.append(
                {
                    "key": node,
                    "id": str(node).removeprefix("project:"),
                    "name": data.get("name", str(node)),
                    "funders": sorted({f for f, _ in ended}, key=str),
                    "funded_until": None if None in ends else max(ends),
                }
            )
    return sorted(found, key=lambda p: (str(p["name"]), str(p["id"])))


def _runs_out(until: date | None, ends_by: date | None) -> bool:
    return ends_by is None or (until is not None and until <= ends_by)


def _continues(
    funder: Hashable, until: date | None, ending: set[Hashable], ends_by: date | None
) -> bool:
    if ends_by is None:
        return funder not in ending
    return until is None or until > ends_by


def _direct_funding_ending(
    store_graph: nx.MultiDiGraph, funders: list[Hashable], ends_by: date | None, on: date | None
) -> list[tuple[Hashable, Hashable, Hashable]]:
    """The funders' funding ties to actors that run out (as edge keys)."""
    return [
        (funder, target, key)
        for funder in funders
        for _, target, key, tie in store_graph.out_edges(funder, keys=True, data=True)
        if tie.get("kind") == "funding"
        and store_graph.nodes[target].get("kind") == "actor"
        and _valid_tie(tie, on)
        and _runs_out(tie.get("until"), ends_by)
    ]


class _BetweennessOptions(TypedDict):
    k_sample: int | None
    seed: int | None
    precision: float | None


def _compare(
    before: nx.Graph,
    after: nx.Graph,
    by: str,
    top: int,
    options: _BetweennessOptions,
    intact: Betweenness | None,
) -> dict[str, Any]:
    """Ties, parts and brokering of the same actors in two networks."""
    weighted = bool(before.graph.get("view", {}).get("weighted", True))
    arrays = graph_arrays(before, weight="weight", distance="distance" if weighted else None)
    arrays_after = graph_arrays(after, weight="weight", distance="distance" if weighted else None)
    everyone = np.ones(arrays.n, dtype=bool)
    before_labels = components_kernel(arrays, everyone)
    after_labels = components_kernel(arrays_after, everyone)
    parts = connectivity(arrays.nodes, before_labels, after_labels, everyone)
    parts.pop("connected_pairs_including_coordinators")  # type: ignore[misc]
    all_pairs = arrays.n * (arrays.n - 1) // 2
    if intact is None or (intact.batches is not None and intact.batches.nodes != arrays.nodes):
        intact = betweenness_kernel(arrays, weighted=weighted, **options)
    # the same sources after as before (a sampled run's batches; exact runs take all)
    same_sources = intact.batches.parts if intact.batches else None
    changed = betweenness_kernel(
        arrays_after,
        weighted=weighted,
        seed=options["seed"],
        parts=same_sources,
        k_sample=max(arrays.n, 2) if intact.exact else None,
    )
    groups = group_values(before, by)
    rows = _betweenness_rows(
        before, intact.values, changed.values, dict(zip(arrays.nodes, groups, strict=True))
    )
    return {
        "actors": arrays.n,
        "ties_lost": _ties_lost(before, after),
        "ties_weakened": sum(
            1 for u, v, d in after.edges(data=True) if d["weight"] < before[u][v]["weight"] - 1e-12
        ),
        **parts,
        "fragmentation_before": fragmentation(parts["connected_pairs_before"], all_pairs),
        "fragmentation_after": fragmentation(parts["connected_pairs_after"], all_pairs),
        "by": by,
        "group_pairs_lost": group_pairs_lost(before_labels, after_labels, everyone, groups),
        "brokers_losing": _largest(rows, "loss", top),
        "successors": _largest(rows, "gain", top),
        "betweenness": intact.method(),
    }


def _ties_lost(before: nx.Graph, after: nx.Graph) -> list[dict[str, Any]]:
    lost = [
        {
            "source": min(u, v, key=sort_key),
            "target": max(u, v, key=sort_key),
            "kinds": list(data.get("kinds", [])),
            "weight": float(data["weight"]),
        }
        for u, v, data in before.edges(data=True)
        if not after.has_edge(u, v)
    ]
    return sorted(lost, key=lambda t: (-t["weight"], sort_key(t["source"]), sort_key(t["target"])))


def _betweenness_rows(
    graph: nx.Graph,
    before: Mapping[Hashable, float],
    after: Mapping[Hashable, float],
    group_of: Mapping[Hashable, Hashable],
) -> list[dict[str, Any]]:
    return [
        {
            "id": node,
            "name": graph.nodes[node].get("name", str(node)),
            "group": group_of[node],
            "betweenness_before": before[node],
            "betweenness_after": after[node],
            "loss": before[node] - after[node],
            "gain": after[node] - before[node],
        }
        for node in graph
    ]


def _largest(rows: list[dict[str, Any]], field: str, top: int) -> list[dict[str, Any]]:
    """The ``top`` rows with the largest positive ``field`` (ties by id)."""
    chosen = sorted(
        (row for row in rows if row[field] > 1e-12), key=lambda r: (-r[field], sort_key(r["id"]))
    )
    other = "gain" if field == "loss" else "loss"
    return [{k: v for k, v in row.items() if k != other} for row in chosen[:top]]


def _funders(store_graph: nx.MultiDiGraph, given: Iterable[Hashable]) -> list[Hashable]:
    chosen = list(dict.fromkeys(given))
    if not chosen:
        raise ConfigError(
            f"kein Fördergeber angegeben — {OPTION_PLACE} ID angeben (z. B. stadt-hagen)",
            option="funder",
        )
    for funder in chosen:
        if store_graph.nodes.get(funder, {}).get("kind") != "actor":
            raise NotFound(
                f'unbekannter Fördergeber "{funder}" für {OPTION_PLACE} — Kennung (ID), '
                "genauen Namen oder Pseudonym eines Akteurs angeben",
                option="funder",
            )
    return chosen


def _valid_node(data: Mapping[str, Any], on: date | None) -> bool:
    return on is None or node_is_valid("project", data.get("since"), data.get("until"), on)


def _valid_tie(tie: Mapping[str, Any], on: date | None) -> bool:
    return on is None or is_valid_on(tie.get("since"), tie.get("until"), on)
