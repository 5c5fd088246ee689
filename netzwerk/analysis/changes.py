"""What changed in the network between two dates: actors, ties and brokers.

Both dates use the same actor view (same tie kinds, shared activities and weighting); only
the as-of date differs, so every difference comes from the data: actors who started or
ended, ties that began or ended, and events held in between (events count from their date
on, `netzwerk.model.node_is_valid`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.analysis.brokers import broker_table
from netzwerk.analysis.network_view import NetworkView
from netzwerk.analysis.views import DEFAULT_TIE_KINDS, coordinators
from netzwerk.errors import ConfigError

TOP_BROKERS = 10


def compare_views(
    store_graph: nx.MultiDiGraph,
    before: date,
    after: date,
    *,
    tie_kinds: Iterable[str] = DEFAULT_TIE_KINDS,
    weighted: bool = True,
    top: int = TOP_BROKERS,
    view: NetworkView | None = None,
) -> dict[str, Any]:
    """Compare the actor views as of ``before`` and ``after``.

    ``view``: the `NetworkView` to compare on the two days (its ``as_of`` is replaced by
    each day); without it, the default view with ``tie_kinds`` and ``weighted``.

    Returns
    -------
    dict
        ``before``, ``after`` (dates), ``actors_before``/``_after`` and
        ``ties_before``/``_after`` (counts), ``new_actors``, ``lost_actors`` (sorted ids),
        ``new_ties``, ``lost_ties`` (pairs tied on one date only: ``{a, b, kinds,
        coordinator}``; kinds as in the view, e.g. 'cooperation', 'event'; ``coordinator``
        true if a coordinator is at one end, then it is ``a``), ``changed_ties`` (pairs tied
        on both dates by different kinds: ``{a, b, kinds_before, kinds, lost_kinds,
        new_kinds, coordinator}``), ``coordinator_ties_lost``/``_new`` (``{coordinator,
        partner, kinds}``: ties to a coordinator that ended or began, or that lost or
        gained a direct tie kind — e.g. a partner that no longer runs the QM but still meets
        it at an event), ``brokers_before``/``_after`` (the ``top`` actors by betweenness),
        ``brokers_gained``, ``brokers_lost``, ``brokers_compared`` (union, strongest
        after first), ``betweenness_before``/``_after`` (by actor) and ``top``.

    Examples
    --------
    A partner leaves the QM at the end of 2022:

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("qm", kind="actor", coordinator=True, sector="district_management")
    >>> G.add_node("p", kind="actor", sector="social", until=date(2022, 12, 31))
    >>> G.add_node("s", kind="actor", sector="education")
    >>> _ = G.add_edge("qm", "p", kind="cooperation", weight=1.0, until=date(2022, 12, 31))
    >>> _ = G.add_edge("qm", "s", kind="cooperation", weight=1.0)
    >>> c = compare_views(G, date(2022, 6, 30), date(2024, 6, 30))
    >>> c["lost_actors"], c["coordinator_ties_lost"]
    (['p'], [{'coordinator': 'qm', 'partner': 'p', 'kinds': ['cooperation']}])
    """
    if before >= after:
        raise ConfigError(
            f"Vergleichsdatum {before.isoformat()} liegt nicht vor dem Stichtag "
            f"{after.isoformat()} — ein früheres Datum für --compare wählen"
        )
    view = view or NetworkView(tie_kinds=tuple(tie_kinds), weighted=weighted)
    old = view.on(before).actor_graph(store_graph)
    new = view.on(after).actor_graph(store_graph)
    weighted = view.weighted
    hubs = set(coordinators(old)) | set(coordinators(new))

    def ties(view: nx.Graph) -> dict[tuple[Hashable, Hashable], list[str]]:
        out = {}
        for u, v, data in view.edges(data=True):
            if v in hubs and u not in hubs or (u in hubs) == (v in hubs) and str(v) < str(u):
                u, v = v, u
            out[(u, v)] = list(data.get("kinds") or [])
        return out

    old_ties, new_ties = ties(old), ties(new)
    old_keys = {frozenset(pair) for pair in old_ties}
    new_keys = {frozenset(pair) for pair in new_ties}

    def records(
        source: dict[tuple[Hashable, Hashable], list[str]], other_keys: set[frozenset[Hashable]]
    ) -> list[dict[str, Any]]:
        chosen = [
            {"a": a, "b": b, "kinds": kinds, "coordinator": a in hubs or b in hubs}
            for (a, b), kinds in source.items()
            if frozenset((a, b)) not in other_keys
        ]
        return sorted(chosen, key=lambda r: (not r["coordinator"], str(r["a"]), str(r["b"])))

    lost_ties = records(old_ties, new_keys)
    gained_ties = records(new_ties, old_keys)
    old_by_key = {frozenset(pair): kinds for pair, kinds in old_ties.items()}
    changed_ties: list[dict[str, Any]] = []
    for (a, b), kinds in new_ties.items():
        before_kinds = old_by_key.get(frozenset((a, b)))
        if before_kinds is not None and set(before_kinds) != set(kinds):
            changed_ties.append(
                {
                    "a": a,
                    "b": b,
                    "kinds_before": before_kinds,
                    "kinds": kinds,
                    "lost_kinds": sorted(set(before_kinds) - set(kinds)),
                    "new_kinds": sorted(set(kinds) - set(before_kinds)),
                    "coordinator": a in hubs or b in hubs,
                }
            )
    changed_ties.sort(key=lambda r: (not r["coordinator"], str(r["a"]), str(r["b"])))
    direct = set(tie_kinds)

    def coordinator_ties(whole: list[dict[str, Any]], changed_kinds: str) -> list[dict[str, Any]]:
        """The coordinators' ties in ``whole`` (gone or new as a whole), then those that
        only lost or gained a direct kind (``changed_kinds`` of ``changed_ties``)."""
        return [
            {"coordinator": r["a"], "partner": r["b"], "kinds": r["kinds"]}
            for r in whole
            if r["coordinator"]
        ] + [
            {"coordinator": r["a"], "partner": r["b"], "kinds": r[changed_kinds]}
            for r in changed_ties
            if r["coordinator"] and direct & set(r[changed_kinds])
        ]

    coordinator_lost = coordinator_ties(lost_ties, "lost_kinds")
    coordinator_new = coordinator_ties(gained_ties, "new_kinds")
    old_rows = broker_table(old, view.by, weighted=weighted) if old.number_of_edges() else []
    new_rows = broker_table(new, view.by, weighted=weighted) if new.number_of_edges() else []
    old_top = [r["id"] for r in old_rows[:top] if r["betweenness"]]
    new_top = [r["id"] for r in new_rows[:top] if r["betweenness"]]
    between_old = {r["id"]: r["betweenness"] for r in old_rows}
    between_new = {r["id"]: r["betweenness"] for r in new_rows}
    compared = sorted(
        set(old_top) | set(new_top),
        key=lambda a: (-between_new.get(a, 0.0), -between_old.get(a, 0.0), str(a)),
    )
    return {
        "before": before,
        "after": after,
        "actors_before": old.number_of_nodes(),
        "actors_after": new.number_of_nodes(),
        "ties_before": old.number_of_edges(),
        "ties_after": new.number_of_edges(),
        "new_actors": sorted((n for n in new if n not in old), key=str),
        "lost_actors": sorted((n for n in old if n not in new), key=str),
        "new_ties": gained_ties,
        "lost_ties": lost_ties,
        "changed_ties": changed_ties,
        "coordinator_ties_lost": coordinator_lost,
        "coordinator_ties_new": coordinator_new,
        "brokers_before": old_top,
        "brokers_after": new_top,
        "brokers_gained": [a for a in new_top if a not in old_top],
        "brokers_lost": [a for a in old_top if a not in new_top],
        "brokers_compared": compared,
        "betweenness_before": between_old,
        "betweenness_after": between_new,
        "top": top,
    }
