"""`contacts.last_contacts` against a plain reference: for each pair of actors joined in
the view, the latest contact by the day (a tie's last contact or start; taking part in the
same activity), the last contact winning a tie with the start of the same tie, the first
one seen winning otherwise."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date

import pytest

from netzwerk.analysis._parts import sort_key
from netzwerk.analysis.contacts import _activity_contact, last_contacts
from netzwerk.analysis.views import PARTICIPATION_KINDS, actor_view
from netzwerk.model import is_valid_on

from .test_actor_view_reference import DAYS, random_store_graph

CONTACTS = [None, date(2018, 3, 1), date(2021, 6, 30), date(2022, 2, 2), date(2025, 1, 1)]


def reference(store_graph, graph, day):
    found = {}

    def seen(u, v, when, kind):
        if when is None or when > day or not graph.has_edge(u, v):
            return
        pair = (u, v) if str(u) <= str(v) else (v, u)
        if pair not in found or when > found[pair][0]:
            found[pair] = (when, kind)

    members = defaultdict(set)
    for u, v, tie in store_graph.edges(data=True):
        if u not in graph or not is_valid_on(tie.get("since"), tie.get("until"), day):
            continue
        if v in graph:
            seen(u, v, tie.get("last_contact"), "contact")
            seen(u, v, tie.get("since"), "since")
        elif tie.get("kind") in PARTICIPATION_KINDS:
            members[v].add(u)
    for activity, actors in members.items():
        when, kind = _activity_contact(store_graph.nodes[activity], day)
        ordered = sorted(actors, key=sort_key)
        for i, u in enumerate(ordered):
            for v in ordered[i + 1 :]:
                seen(u, v, when, kind)
    return found


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("day", [d for d in DAYS if d is not None] + [date(2026, 1, 1)])
def test_last_contacts_are_the_reference(seed, day):
    store_graph = random_store_graph(seed)
    rng = random.Random(seed)
    for _, _, tie in store_graph.edges(data=True):
        tie["last_contact"] = rng.choice(CONTACTS + [tie.get("since")])
    graph = actor_view(store_graph, as_of_date=day)
    assert last_contacts(store_graph, graph, day) == reference(store_graph, graph, day)
