"""Ties falling asleep: which ties have had no contact for long, and which of them matter."""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis._parts import sort_key
from netzwerk.analysis.betweenness import betweenness
from netzwerk.analysis.cohesion import cut_points_kernel
from netzwerk.analysis.network_view import NetworkView
from netzwerk.analysis.views import PARTICIPATION_KINDS
from netzwerk.errors import OPTION_PLACE, ConfigError
from netzwerk.model import is_valid_on, node_is_valid
from netzwerk.performance import gc_paused

MONTHS = 12
#: the reasons a tie matters, strongest first (see `dormant_ties`)
REASONS = ("bridge", "only_link", "introducer", "cut_point", "broker")


def dormant_ties(
    store_graph: nx.MultiDiGraph,
    *,
    view: NetworkView | None = None,
    graph: nx.Graph | None = None,
    months: int = MONTHS,
    top: int | None = None,
    broker_values: Mapping[Hashable, float] | None = None,
    introductions: Iterable[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    r"""The ties of the network whose last contact lies more than ``months`` before the
    view's day, ranked by what the network would lose if they ended.

    **Last contact** of two actors joined in the view: the latest of — a direct tie's
    ``last_contact`` (Beziehungen: letzter_kontakt) or its start (``since``: starting is a
    contact); a dated event both took part in (held by the day); a project both take part
    in: the day itself while it runs, else its end. Ties with none of these have no known
    contact (``without_date``; not listed).

    **What a tie carries**, the ``reasons`` in order of weight: ``bridge`` (the only way
    between two parts of the network), ``only_link`` (the only tie between the two
    actors' groups, ``view.by``), ``introducer`` (the tie links a suggested introducer to
    one of the two it would introduce, `netzwerk.analysis.introductions`: if it sleeps,
    the introduction has no way), ``cut_point`` (an end holds parts of the network
    together), ``broker`` (an end is among the 10 % with the highest betweenness).
    Dormant ties are sorted by their strongest reason, then by ``importance`` = the sum of
    the two ends' betweenness, then by the oldest contact.

    **Who should call** (``caller``): the coordinator (the QM) at one end of the tie, else
    the coordinator with the strongest tie to either end, else None.

    Parameters
    ----------
    store_graph : networkx.MultiDiGraph
        `Store.graph()`.
    view : NetworkView, optional
        The network looked at (default: today's); its day must be set.
    graph : networkx.Graph, optional
        ``view``'s actor graph, if already built.
    months : int
        Months without contact after which a tie counts as falling asleep.
    top : int, optional
        Keep only the first ``top`` dormant ties.
    broker_values : mapping, optional
        Betweenness of the actors (the broker table's), else computed.
    introductions : iterable of suggestions, optional
        `suggest_introductions` results (``a``, ``b``, ``introducer``) for the
        ``introducer`` reason; none: the reason is not given.

    Raises
    ------
    ConfigError
        The view has no day (all periods).

    Returns
    -------
    dict
        ``day``, ``months``, ``threshold`` (contacts before it count as old), ``ties``
        (rows: source, target, last_contact, contact_kind, months_ago, reasons,
        importance, caller), ``dormant`` (their number before ``top``), ``by_reason``
        (how many dormant ties have each strongest reason; ties without one are not
        counted), ``recent``, ``without_date`` and ``ties_total``.

    Examples
    --------
    a and b cooperate since 2020; b and c met at a festival in 2025:

    >>> G = nx.MultiDiGraph()
    >>> for actor, sector in [("a", "social"), ("b", "social"), ("c", "culture")]:
    ...     G.add_node(actor, kind="actor", name=actor, sector=sector)
    >>> _ = G.add_edge("a", "b", kind="cooperation", weight=1.0, since=date(2020, 3, 1))
    >>> G.add_node("event:fest", kind="event", name="Fest", since=date(2025, 9, 6))
    >>> for actor in "bc":
    ...     _ = G.add_edge(actor, "event:fest", kind="participation")
    >>> found = dormant_ties(G, view=NetworkView(as_of=date(2026, 6, 30)))
    >>> [(t["source"], t["target"], t["last_contact"], t["reasons"]) for t in found["ties"]]
    [('a', 'b', datetime.date(2020, 3, 1), ['bridge', 'cut_point', 'broker'])]
    >>> found["recent"], found["dormant"]
    (1, 1)
    """
    view = view or NetworkView()
    day = view.as_of
    if day is None:
        raise ConfigError(
            f"{OPTION_PLACE}: einschlafende Verbindungen brauchen einen Stichtag — die Option "
            "weglassen (Standard: heute) oder --as-of DATUM angeben",
            option="alle_zeitraeume",
        )
    graph = graph if graph is not None else view.actor_graph(store_graph)
    threshold = _months_before(day, months)
    with gc_paused():  # a pair and a day per tie: millions of tuples and no cycles
        contacts = last_contacts(store_graph, graph, day)
        old = [(pair, found) for pair, found in contacts.items() if found[0] < threshold]
    marks = _reasons(graph, view.by, broker_values, _introducer_ties(introductions))
    strongest: Counter[int] = Counter()

    def ranked() -> Iterator[tuple[RankKey, int, Hashable, Hashable, date, str]]:
        for number, ((u, v), (last, kind)) in enumerate(old):
            key = _rank_key(marks(u, v), last, u, v)
            strongest[key[0]] += 1
            yield key, number, u, v, last, kind

    chosen = heapq.nsmallest(top, ranked()) if top is not None else sorted(ranked())
    callers = _callers(graph)
    rows: list[dict[str, Any]] = []
    for _, _, u, v, last, kind in chosen:
        reasons, importance = marks(u, v)
        rows.append(
            {
                "source": u,
                "target": v,
                "last_contact": last,
                "contact_kind": kind,
                "months_ago": _months_between(last, day),
                "reasons": reasons,
                "importance": importance,
                "caller": callers(u, v),
            }
        )
    return {
        "day": day,
        "months": months,
        "threshold": threshold,
        "ties": rows,
        "dormant": len(old),
        "by_reason": {reason: strongest[i] for i, reason in enumerate(REASONS) if strongest[i]},
        "recent": len(contacts) - len(old),
        "without_date": graph.number_of_edges() - len(contacts),
        "ties_total": graph.number_of_edges(),
    }


def last_contacts(
    store_graph: nx.MultiDiGraph, graph: nx.Graph, day: date
) -> dict[tuple[Hashable, Hashable], tuple[date, str]]:
    """(latest contact, its kind) per pair of actors joined in ``graph`` (pairs sorted by
    `sort_key`), from the store graph as `dormant_ties` describes it."""
    found: dict[tuple[Hashable, Hashable], tuple[date, str]] = {}
    has_edge = graph.has_edge

    def seen(u: Hashable, v: Hashable, when: date | None, kind: str) -> None:
        if when is None or when > day or not has_edge(u, v):
            return
        # graph nodes are never None: `sort_key` order is the order of their texts
        pair = (u, v) if str(u) <= str(v) else (v, u)
        known = found.get(pair)
        if known is None or when > known[0]:
            found[pair] = (when, kind)

    members: dict[Hashable, set[Hashable]] = defaultdict(set)
    for u, v, tie in store_graph.edges(data=True):
        if u not in graph or not is_valid_on(tie.get("since"), tie.get("until"), day):
            continue
        if v in graph:
            seen(u, v, *_direct_contact(tie, day))
        elif tie.get("kind") in PARTICIPATION_KINDS:
            members[v].add(u)
    for activity, actors in members.items():
        data = store_graph.nodes[activity]
        when, kind = _activity_contact(data, day)
        ordered = sorted(actors, key=sort_key)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1 :]:
                seen(u, v, when, kind)
    return found


def _direct_contact(tie: Mapping[str, Any], day: date) -> tuple[date | None, str]:
    """A direct tie's latest contact by ``day``: its last contact, or its start if that is
    later (None: neither by then). Of two equal days the last contact wins.

    >>> _direct_contact({"last_contact": date(2024, 5, 1), "since": date(2020, 1, 1)},
    ...                 date(2024, 12, 31))
    (datetime.date(2024, 5, 1), 'contact')
    >>> _direct_contact({"last_contact": date(2025, 5, 1), "since": date(2020, 1, 1)},
    ...                 date(2024, 12, 31))
    (datetime.date(2020, 1, 1), 'since')
    """
    contact, since = tie.get("last_contact"), tie.get("since")
    if contact is not None and contact > day:
        contact = None
    if since is not None and since <= day and (contact is None or since > contact):
        return since, "since"
    return contact, "contact"


def _activity_contact(data: Mapping[str, Any], day: date) -> tuple[date | None, str]:
    """When taking part together in an activity was a contact: an event on its day (once
    held), a project the day itself while it runs, else its end."""
    kind, since, until = data.get("kind"), data.get("since"), data.get("until")
    if kind == "event":
        return (since if since is not None and since <= day else None), "event"
    if kind == "project":
        if node_is_valid("project", since, until, day):
            return day, "project"
        return until, "project"
    return None, str(kind)


def _introducer_ties(introductions: Iterable[Mapping[str, Any]]) -> set[frozenset[Hashable]]:
    """The ties from each suggested introducer to the two it would introduce."""
    found: set[frozenset[Hashable]] = set()
    for suggestion in introductions:
        introducer = suggestion.get("introducer")
        if introducer is not None:
            found.update(frozenset((introducer, suggestion[end])) for end in ("a", "b"))
    return found


def _reasons(
    graph: nx.Graph,
    by: str,
    broker_values: Mapping[Hashable, float] | None,
    introducer_ties: set[frozenset[Hashable]],
) -> Callable[[Hashable, Hashable], tuple[list[str], float]]:
    """A function (u, v) → (reasons, importance) for the ties of ``graph``."""
    values = broker_values if broker_values is not None else betweenness(graph).values
    ranked = sorted(values.values(), reverse=True)
    cut = ranked[max(0, len(ranked) // 10 - 1)] if ranked else 0.0
    brokers = {n for n, b in values.items() if b > 0 and b >= cut}
    bridge_set: set[frozenset[Hashable]] = set()
    cuts: set[Hashable] = set()
    if graph.number_of_edges():
        arrays = graph_arrays(graph, weight=None, distance=None)
        bridge_set = {
            frozenset((arrays.nodes[arrays.tail[e]], arrays.nodes[arrays.head[e]]))
            for e in arrays.igraph.bridges()
        }
        cuts = set(cut_points_kernel(arrays))
    group = {n: graph.nodes[n].get(by) for n in graph}
    pairs = Counter(
        frozenset((group[u], group[v]))
        for u, v in graph.edges()
        if group[u] != group[v] and group[u] is not None and group[v] is not None
    )

    def reasons_of(u: Hashable, v: Hashable) -> tuple[list[str], float]:
        reasons = []
        if frozenset((u, v)) in bridge_set:
            reasons.append("bridge")
        if group[u] != group[v] and pairs.get(frozenset((group[u], group[v]))) == 1:
            reasons.append("only_link")
        if frozenset((u, v)) in introducer_ties:
            reasons.append("introducer")
        if u in cuts or v in cuts:
            reasons.append("cut_point")
        if u in brokers or v in brokers:
            reasons.append("broker")
        return reasons, float(values.get(u, 0.0) + values.get(v, 0.0))

    return reasons_of


def _callers(graph: nx.Graph) -> Callable[[Hashable, Hashable], Hashable | None]:
    """A function (u, v) → who should call: a coordinator at one end, else the coordinator
    with the strongest tie to either end (ties broken by name), else None."""
    coordinators = {n for n, d in graph.nodes(data=True) if d.get("coordinator")}
    strongest: dict[Hashable, tuple[float, str, Hashable]] = {}
    for c in coordinators:
        for end, tie in graph[c].items():
            offer = (tie.get("weight", 1.0), str(c), c)
            if end not in strongest or offer[:2] > strongest[end][:2]:
                strongest[end] = offer

    def caller(u: Hashable, v: Hashable) -> Hashable | None:
        for end in (u, v):
            if end in coordinators:
                return end
        offers = [strongest[end] for end in (u, v) if end in strongest]
        return max(offers, key=lambda offer: offer[:2])[2] if offers else None

    return caller


RankKey = tuple[int, float, date, tuple[bool, str], tuple[bool, str]]


def _rank_key(marks: tuple[list[str], float], last: date, u: Hashable, v: Hashable) -> RankKey:
    """Strongest reason first, then the larger importance, the older contact, the ends."""
    reasons, importance = marks
    strongest = min((REASONS.index(r) for r in reasons), default=len(REASONS))
    return (strongest, -importance, last, sort_key(u), sort_key(v))


def _months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month]
    return date(year, month + 1, min(day.day, last))


def _months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later``."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)
