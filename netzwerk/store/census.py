"""What a store holds, counted: the figures `netzwerk status` shows, without reading the graph.

`census_of_graph` is the definition, over a store graph (`model.GRAPH_SCHEMA`); each store
answers the same question with a few aggregate queries (`Store.census`), so `status` stays
fast at any size. The contract tests check that both stores agree with this definition.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date

import networkx as nx

from netzwerk.model import NODE_KINDS


@dataclass(frozen=True)
class Census:
    """Counts of a store's records.

    ``nodes``: per node kind (every kind of `NODE_KINDS`, 0 included); ``actor_types``,
    ``sectors`` and ``ties``: per stored key, only those that occur; ``persons``: natural
    persons, ``persons_with_consent`` those of them who consented, ``coordinators`` the
    actors flagged as coordinator; ``first_day``/``last_day``: the earliest and latest date
    of any record's ``since`` or ``until`` (None if no record has a date).
    """

    nodes: Mapping[str, int]
    actor_types: Mapping[str, int]
    sectors: Mapping[str, int]
    ties: Mapping[str, int]
    persons: int = 0
    persons_with_consent: int = 0
    coordinators: int = 0
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class ActorGroup:
    """Actors that share type, sector, consent and coordinator flag, and how many they are
    (one row of a store's grouped count)."""

    type: str
    sector: str
    consent: bool
    coordinator: bool
    count: int


def census_of_graph(graph: nx.MultiDiGraph) -> Census:
    """The census of a store graph: the definition the stores' queries must agree with.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", kind="actor", type="person", sector="culture", since=date(2019, 1, 1))
    >>> G.add_node("b", kind="actor", type="business", sector="economy", until=date(2024, 1, 1))
    >>> _ = G.add_edge("a", "b", kind="cooperation")
    >>> c = census_of_graph(G)
    >>> c.nodes["actor"], dict(c.ties), c.persons, c.first_day, c.last_day
    (2, {'cooperation': 1}, 1, datetime.date(2019, 1, 1), datetime.date(2024, 1, 1))
    """
    node_kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    actors = [
        ActorGroup(
            data.get("type", ""),
            data.get("sector", ""),
            bool(data.get("consent")),
            bool(data.get("coordinator")),
            1,
        )
        for _, data in graph.nodes(data=True)
        if data.get("kind") == "actor"
    ]
    days = [
        value
        for data in [
            *(d for _, d in graph.nodes(data=True)),
            *(d for *_, d in graph.edges(data=True)),
        ]
        for value in (data.get("since"), data.get("until"))
        if isinstance(value, date)
    ]
    return census_from_counts(
        node_kinds,
        actors,
        Counter(kind for *_, kind in graph.edges(data="kind")),
        min(days, default=None),
        max(days, default=None),
    )


def census_from_counts(
    node_kinds: Mapping[str, int],
    actors: Iterable[ActorGroup],
    tie_kinds: Mapping[str, int],
    first_day: date | None,
    last_day: date | None,
) -> Census:
    """A `Census` from a store's grouped counts (what its aggregate queries return)."""
    types: Counter[str] = Counter()
    sectors: Counter[str] = Counter()
    persons = consenting = coordinators = 0
    for group in actors:
        types[group.type] += group.count
        sectors[group.sector] += group.count
        if group.type == "person":
            persons += group.count
            consenting += group.count if group.consent else 0
        coordinators += group.count if group.coordinator else 0
    return Census(
        nodes={kind: int(node_kinds.get(kind, 0)) for kind in NODE_KINDS.keys()},
        actor_types=dict(types),
        sectors=dict(sectors),
        ties={kind: int(n) for kind, n in tie_kinds.items() if n},
        persons=persons,
        persons_with_consent=consenting,
        coordinators=coordinators,
        first_day=first_day,
        last_day=last_day,
    )


def census_as_text(census: Census) -> str:
    """A census as JSON text (to keep it; `census_from_text` reads it back).

    >>> c = Census({"actor": 2}, {"person": 1}, {}, {"cooperation": 1}, 1, 0, 0, date(2019, 1, 1))
    >>> census_from_text(census_as_text(c)) == c
    True
    """
    fields = asdict(census)
    for name in ("first_day", "last_day"):
        fields[name] = fields[name].isoformat() if fields[name] else None
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def census_from_text(text: str) -> Census:
    """The census `census_as_text` wrote."""
    fields = json.loads(text)
    for name in ("first_day", "last_day"):
        fields[name] = date.fromisoformat(fields[name]) if fields[name] else None
    return Census(**fields)
