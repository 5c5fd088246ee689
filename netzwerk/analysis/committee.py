"""Who is missing at the table: a committee's seats by sector and topic, and candidates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import networkx as nx

from netzwerk.analysis._parts import sort_key
from netzwerk.analysis.network_view import NetworkView
from netzwerk.errors import OPTION_PLACE, ConfigError, NotFound
from netzwerk.model import is_valid_on

TOP = 10
ATTENDANCE_DAYS = 365
"""A meeting of the committee counts as a seat for its participants for this long."""


def committee_seats(
    store_graph: nx.MultiDiGraph,
    committee: Hashable,
    *,
    view: NetworkView | None = None,
    graph: nx.Graph | None = None,
    attendance: bool = True,
    top: int = TOP,
) -> dict[str, Any]:
    r"""Which groups a committee (an actor of type Gremium) seats, which are missing, and
    who could fill the gap.

    **Members** are the actors with a membership tie (Mitgliedschaft) to the committee
    or who run it (Träger), valid on the view's day; with ``attendance``, also those who took part in a meeting
    of the committee (an event it runs) in the `ATTENDANCE_DAYS` before that day. Groups
    are ``view.by`` (default: sector); topics are the members' Handlungsfelder (``topics``).

    - ``sectors``: every group of the network with its ``actors``, ``tie_ends`` (ties of its
      actors in the actor view, each tie counted at both ends) and ``members``;
      ``missing``: the groups without a seat, largest first (actors + tie ends: the more
      of the network a group holds, the more its absence weighs);
    - ``topics_covered`` / ``topics_missing``: topics of members, and topics some actor
      works on that no member does (by number of actors);
    - ``single_seats``: members who are the only member of their group (if they leave, the
      group loses its seat), with ``reach``: the actors of their group they are tied to;
    - ``candidates``: actors of missing groups, organisations or persons who consented,
      ranked by their brokerage toward the committee, Gould & Fernandez's representative
      role, ``committee_score``: pairs (a, m) of an actor a of the candidate's own group and a member m, both
      tied to the candidate and not to each other (the candidate could carry a's concerns
      to m). ``reason`` gives ``members_tied`` and ``reach``.

    Parameters
    ----------
    store_graph : networkx.MultiDiGraph
        `Store.graph()`.
    committee : actor id
        The committee (its type should be Gremium; any actor with members works).
    view : NetworkView, optional
        The network looked at (default: today's).
    graph : networkx.Graph, optional
        ``view``'s actor graph, if already built.
    attendance : bool
        Count meeting participants as members too.
    top : int
        Number of candidates.

    Raises
    ------
    NotFound
        The committee is not an actor.
    ConfigError
        Nobody is a member of it on the view's day.

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. Sociological Methodology 19, 89–126.

    Examples
    --------
    A committee with a school (education) and a club (social) as members; a café
    (economy) knows both, and a shop (economy) knows the café:

    >>> G = nx.MultiDiGraph()
    >>> for actor, sector in [("lk", "district_management"), ("school", "education"),
    ...                       ("club", "social"), ("cafe", "economy"), ("shop", "economy")]:
    ...     G.add_node(actor, kind="actor", name=actor, sector=sector, type="association")
    >>> for member in ("school", "club"):
    ...     _ = G.add_edge(member, "lk", kind="membership", weight=1.0)
    >>> for u, v in [("cafe", "school"), ("cafe", "club"), ("cafe", "shop")]:
    ...     _ = G.add_edge(u, v, kind="cooperation", weight=1.0)
    >>> seats = committee_seats(G, "lk", view=NetworkView(as_of=None))
    >>> seats["members"], [s["group"] for s in seats["missing"]]
    (['club', 'school'], ['economy'])
    >>> [(c["id"], c["committee_score"], c["members_tied"], c["reach"])
    ...  for c in seats["candidates"]]
    [('cafe', 2, 2, 1), ('shop', 0, 0, 1)]
    """
    view = view or NetworkView()
    graph = graph if graph is not None else view.actor_graph(store_graph)
    if store_graph.nodes.get(committee, {}).get("kind") != "actor":
        raise NotFound(
            f'unbekanntes Gremium "{committee}" für {OPTION_PLACE} — Kennung (ID), genauen '
            "Namen oder Pseudonym eines Akteurs vom Typ Gremium angeben",
            option="committee",
        )
    members = committee_members(store_graph, committee, view.as_of, attendance=attendance)
    members = [m for m in members if m in graph]
    if not members:
        raise ConfigError(
            f'das Gremium "{committee}" hat am Stichtag keine Mitglieder — Mitgliedschaft-'
            "Beziehungen zum Gremium eintragen",
            option="committee",
        )
    by = view.by
    group = {n: _group(d.get(by)) for n, d in graph.nodes(data=True)}
    sectors = _sectors(graph, group, members, committee)
    return {
        "committee": committee,
        "name": graph.nodes[committee].get("name", str(committee))
        if committee in graph
        else str(committee),
        "members": members,
        "by": by,
        "sectors": sectors,
        "missing": [s for s in sectors if s["members"] == 0],
        **_topics(graph, members, committee),
        "single_seats": _single_seats(graph, group, members, committee),
        "candidates": _candidates(graph, group, members, sectors, committee, top),
    }


def main_committee(
    store_graph: nx.MultiDiGraph,
    graph: nx.Graph,
    coordinators: Iterable[Hashable],
    day: date | None,
) -> Hashable | None:
    """The committee a report looks at: of the actors of type committee (Gremium) in
    ``graph``, those the coordinators run (the QM's own, such as its Lenkungskreis), else
    all; of these the one with the most members on ``day`` (ties: by id). None if no
    committee has members.

    >>> G = nx.MultiDiGraph()
    >>> for actor, kind in [("qm", "association"), ("lk", "committee"), ("ak", "committee"),
    ...                     ("a", "association"), ("b", "association")]:
    ...     G.add_node(actor, kind="actor", type=kind)
    >>> _ = G.add_edge("qm", "lk", kind="runs")
    >>> for u, v in [("a", "lk"), ("a", "ak"), ("b", "ak")]:
    ...     _ = G.add_edge(u, v, kind="membership")
    >>> V = nx.Graph(); V.add_nodes_from(G.nodes(data=True))
    >>> main_committee(G, V, ["qm"], None), main_committee(G, V, [], None)
    ('lk', 'ak')
    """
    committees = [n for n, d in graph.nodes(data=True) if d.get("type") == "committee"]
    chosen = set(coordinators)
    run = [
        c
        for c in committees
        if any(
            u in chosen and tie.get("kind") == "runs" and _valid(tie, day)
            for u, _, tie in store_graph.in_edges(c, data=True)
        )
    ]
    sizes = {c: len(committee_members(store_graph, c, day)) for c in (run or committees)}
    best = sorted((c for c in sizes if sizes[c]), key=lambda c: (-sizes[c], sort_key(c)))
    return best[0] if best else None


def committee_members(
    store_graph: nx.MultiDiGraph, committee: Hashable, day: date | None, *, attendance: bool = True
) -> list[Hashable]:
    """The committee's members on ``day`` (None: ever), sorted: membership ties, its Träger
    (who runs it has a seat), and with ``attendance`` the participants of its meetings in
    the `ATTENDANCE_DAYS` before."""
    found = {
        member
        for member, _, tie in store_graph.in_edges(committee, data=True)
        if tie.get("kind") in ("membership", "runs") and _valid(tie, day)
    }
    if attendance:
        for _, event, runs in store_graph.out_edges(committee, data=True):
            held = store_graph.nodes[event].get("since")
            if runs.get("kind") != "runs" or store_graph.nodes[event].get("kind") != "event":
                continue
            if day is not None and (held is None or not day - _YEAR <= held <= day):
                continue
            found.update(
                actor
                for actor, _, tie in store_graph.in_edges(event, data=True)
                if tie.get("kind") == "participation" and actor != committee
            )
    found.discard(committee)
    return sorted(found, key=sort_key)


_YEAR = timedelta(days=ATTENDANCE_DAYS)


def _valid(tie: Mapping[str, Any], day: date | None) -> bool:
    return day is None or is_valid_on(tie.get("since"), tie.get("until"), day)


def _group(value: Any) -> Hashable:
    if isinstance(value, list | tuple | set):  # a multi-valued attribute: its first value
        first: Hashable = sorted(value, key=str)[0] if value else None
        return first
    found: Hashable = value
    return found


def _sectors(
    graph: nx.Graph,
    group: Mapping[Hashable, Hashable],
    members: list[Hashable],
    committee: Hashable,
) -> list[dict[str, Any]]:
    actors: Counter[Hashable] = Counter()
    ends: Counter[Hashable] = Counter()
    seats: Counter[Hashable] = Counter(group[m] for m in members)
    for node in graph:
        if node != committee and group[node] is not None:
            actors[group[node]] += 1
            ends[group[node]] += graph.degree(node)
    rows = [
        {"group": g, "actors": actors[g], "tie_ends": ends[g], "members": seats[g]} for g in actors
    ]
    return sorted(rows, key=lambda r: (-(r["actors"] + r["tie_ends"]), sort_key(r["group"])))


def _topics(graph: nx.Graph, members: list[Hashable], committee: Hashable) -> dict[str, Any]:
    covered: Counter[str] = Counter(t for m in members for t in graph.nodes[m].get("topics") or [])
    worked: Counter[str] = Counter(
        t for n, d in graph.nodes(data=True) if n != committee for t in d.get("topics") or []
    )
    return {
        "topics_covered": dict(sorted(covered.items(), key=lambda kv: (-kv[1], kv[0]))),
        "topics_missing": dict(
            sorted(
                ((t, k) for t, k in worked.items() if t not in covered),
                key=lambda kv: (-kv[1], kv[0]),
            )
        ),
    }


def _single_seats(
    graph: nx.Graph,
    group: Mapping[Hashable, Hashable],
    members: list[Hashable],
    committee: Hashable,
) -> list[dict[str, Any]]:
    seats = Counter(group[m] for m in members)
    rows = [
        {
            "id": m,
            "name": graph.nodes[m].get("name", str(m)),
            "group": group[m],
            "reach": sum(1 for n in graph[m] if group[n] == group[m] and n != committee),
        }
        for m in members
        if group[m] is not None and seats[group[m]] == 1
    ]
    return sorted(rows, key=lambda r: (-r["reach"], sort_key(r["group"])))


def _candidates(
    graph: nx.Graph,
    group: Mapping[Hashable, Hashable],
    members: list[Hashable],
    sectors: list[dict[str, Any]],
    committee: Hashable,
    top: int,
) -> list[dict[str, Any]]:
    missing = {s["group"] for s in sectors if s["members"] == 0}
    seated = set(members)
    rows = []
    for node, data in graph.nodes(data=True):
        if node == committee or group[node] not in missing or not _may_be_named(data):
            continue
        own = [n for n in graph[node] if group[n] == group[node] and n != committee]
        tied = [n for n in graph[node] if n in seated]
        score = sum(1 for a in own for m in tied if a != m and not graph.has_edge(a, m))
        rows.append(
            {
                "id": node,
                "name": data.get("name", str(node)),
                "group": group[node],
                "committee_score": score,
                "members_tied": len(tied),
                "reach": len(own),
            }
        )
    rows.sort(
        key=lambda r: (-r["committee_score"], -r["members_tied"], -r["reach"], sort_key(r["id"]))
    )
    return rows[:top]


def _may_be_named(data: Mapping[str, Any]) -> bool:
    """Organisations, and persons who consented (nobody is proposed without consent)."""
    return data.get("type") != "person" or bool(data.get("consent"))
