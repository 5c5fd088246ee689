"""One suggested pair: what the two share (and its exact score), who can introduce them,
and the record `suggest_introductions` returns."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.analysis._graph_arrays import EdgeArrays
from netzwerk.analysis.groups import Membership
from netzwerk.analysis.introductions.candidates import (
    ACTIVITY_WEIGHT,
    STREET_WEIGHT,
    TOPIC_WEIGHT,
    StoreContext,
)
from netzwerk.analysis.introductions.ranking import GapRanking, gap_between


def active_and_consented(data: Mapping[str, Any], day: date) -> bool:
    until = data.get("until")
    if isinstance(until, date) and until < day:
        return False
    return not (data.get("natural_person") and not data.get("consent"))


def shared_things(
    view: nx.Graph, context: StoreContext, u: Hashable, v: Hashable
) -> dict[str, Any] | None:
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


def suggestion_record(
    view: nx.Graph,
    context: StoreContext,
    groups: Membership,
    arrays: EdgeArrays,
    gaps: GapRanking,
    cell: int,
    shared: Mapping[str, Any],
    day: date,
    by: str,
) -> dict[str, Any]:
    """The suggestion as returned: what the two share, introducer, groups, the gap it closes."""
    u, v = shared["a"], shared["b"]
    private = bool(view.nodes[u].get("natural_person") or view.nodes[v].get("natural_person"))
    introducer, via = find_introducer(view, u, v, shared["partners"], day)
    first_groups = groups_of(groups, arrays, u)
    gap = gap_between(gaps, cell, first_groups)
    activities = shared["activities"]
    activity_kinds = [context.activity_kinds.get(a, "event") for a in activities]
    return {
        "a": u,
        "b": v,
        "score": shared["score"],
        "reason": {
            "codes": _reason_codes(shared, activity_kinds),
            "topics": [context.topic_names.get(t, t) for t in shared["topics"]],
            "activities": [
                (kind, context.activity_names.get(a, a))
                for kind, a in zip(activity_kinds, activities, strict=True)
            ],
            "partners": len(shared["partners"]),
            "same_street": bool(shared["street"]),
            "street": "" if private else shared["street"],
        },
        "introducer": introducer,
        "introducer_via": via,
        "by": by,
        "groups": [first_groups, groups_of(groups, arrays, v)],
        "gap": gap,
        "shared_partners": shared["partners"],
        "shared_topics": shared["topics"],
        "shared_activities": [context.activity_names.get(a, a) for a in activities],
        "same_street": bool(shared["street"]),
    }


def _reason_codes(shared: Mapping[str, Any], activity_kinds: list[str]) -> list[str]:
    """What the pair shares, as codes, in the order the sentence names them."""
    found = {
        "shared_topics": bool(shared["topics"]),
        "shared_events": "event" in activity_kinds,
        "shared_projects": "project" in activity_kinds,
        "shared_partners": bool(shared["partners"]),
        "same_street": bool(shared["street"]),
    }
    return [code for code, present in found.items() if present]


def find_introducer(
    view: nx.Graph, u: Hashable, v: Hashable, partners: Sequence[Hashable], day: date
) -> tuple[Hashable | None, str | None]:
    usable = [z for z in partners if active_and_consented(view.nodes[z], day)]
    plain = [z for z in usable if not view.nodes[z].get("coordinator")]

    def strength(z: Hashable) -> tuple[float, float, str]:
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


def members(groups: Membership, arrays: EdgeArrays, group: str) -> set[Hashable]:
    column = groups.groups.index(group)
    member = groups.matrix.tocsc()[:, column]
    return {arrays.nodes[i] for i in member.indices}


def groups_of(groups: Membership, arrays: EdgeArrays, node: Hashable) -> list[str]:
    row = arrays.index[node]
    matrix = groups.matrix
    return [groups.groups[g] for g in matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]]
