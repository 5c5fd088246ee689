"""Brokers: who connects the district network, and how much it depends on them.

One table per actor (`broker_table`) brings together the broker measures, each in its own
module with its definition and sources:

- betweenness (Freeman 1977; Brandes 2001; sampled for large networks, Brandes & Pich
  2007) — `netzwerk.analysis.betweenness`;
- Burt's structural holes: constraint, effective size, efficiency, hierarchy (Burt 1992)
  — `netzwerk.analysis.structural_holes`;
- Gould–Fernandez brokerage roles (1989) — `netzwerk.analysis.gould_fernandez`;
- cut-points, bridges, local bridges, fragmentation — `netzwerk.analysis.cohesion`;
- key players (Borgatti 2006) — `netzwerk.analysis.keyplayers`;
- coordinator dependency — `netzwerk.analysis.dependency`.

All take the actor–actor view (`netzwerk.analysis.views.actor_view`) or any networkx graph
and return plain data.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx
import numpy as np

from netzwerk.analysis._graph_arrays import graph_arrays
from netzwerk.analysis.betweenness import Betweenness, betweenness, betweenness_kernel
from netzwerk.analysis.cohesion import (
    LocalBridge,
    bridges,
    cut_points,
    cut_points_kernel,
    distance_fragmentation,
    fragmentation,
    local_bridges,
)
from netzwerk.analysis.dependency import coordinator_dependency
from netzwerk.analysis.gould_fernandez import (
    ROLES,
    ActorBrokerage,
    BrokerageRoles,
    brokerage_roles,
    brokerage_roles_kernel,
    group_values,
)
from netzwerk.analysis.keyplayers import key_players
from netzwerk.analysis.structural_holes import (
    DEFAULT_MODEL,
    StructuralHoles,
    structural_holes,
    structural_holes_kernel,
)
from netzwerk.performance import Stopwatch

__all__ = [
    "ERROR_COLUMN",
    "SAMPLED_COLUMNS",
    "TABLE_COLUMNS",
    "ActorBrokerage",
    "Betweenness",
    "BrokerAnalysis",
    "BrokerageRoles",
    "LocalBridge",
    "StructuralHoles",
    "betweenness",
    "bridges",
    "broker_analysis",
    "broker_table",
    "brokerage_roles",
    "coordinator_dependency",
    "cut_points",
    "distance_fragmentation",
    "fragmentation",
    "key_players",
    "local_bridges",
    "structural_holes",
    "view_options",
]

TABLE_COLUMNS = (
    "id",
    "name",
    "sector",
    "betweenness",
    "constraint",
    "effective_size",
    "efficiency",
    "hierarchy",
    "coordinator",
    "itinerant",
    "gatekeeper",
    "representative",
    "liaison",
    "brokerage_total",
    "cut_point",
)
ERROR_COLUMN = "betweenness_error_95"
"""Each row's 95 % error of an estimated betweenness (the exact value lies in betweenness ±
this for about 95 % of actors); only in rows of a sampled estimate."""
SAMPLED_COLUMNS = (*TABLE_COLUMNS[:4], ERROR_COLUMN, *TABLE_COLUMNS[4:])
"""The columns of a broker table whose betweenness was estimated."""


@dataclass(frozen=True)
class BrokerAnalysis:
    """The broker table with the options that produced it (``options``, shown in every
    output) and the seconds each measure took (``timings``: wall clock and CPU of this
    process, for benchmarks)."""

    rows: list[dict[str, Any]]
    options: dict[str, Any]
    timings: dict[str, tuple[float, float]] = field(default_factory=dict, compare=False)
    betweenness: Betweenness | None = field(default=None, compare=False, repr=False)
    """The betweenness behind the rows (for `coordinator_dependency`'s ``intact``)."""

    def as_dict(self) -> dict[str, Any]:
        return {"options": self.options, "rows": self.rows}


def broker_table(
    view: nx.Graph,
    by: str = "sector",
    top: int | None = None,
    k_sample: int | None = None,
    seed: int | None = 42,
    weighted: bool = True,
    constraint_model: str = DEFAULT_MODEL,
    precision: float | None = None,
) -> list[dict[str, Any]]:
    """One row per actor with every broker measure, the strongest brokers first.

    The rows have exactly the keys in `TABLE_COLUMNS` (`SAMPLED_COLUMNS` when betweenness
    was estimated):

    - ``id``, ``name``, ``sector``: the actor;
    - ``betweenness``: normalised betweenness, weighted on ``distance`` (stronger tie =
      shorter way) unless ``weighted=False``; exact up to 2,000 actors, above that
      estimated from 256 sampled sources (see `netzwerk.analysis.betweenness.betweenness`);
    - ``betweenness_error_95`` (only if estimated): the 95 % error, the exact value lies in
      betweenness ± this for about 95 % of actors;
    - ``constraint``, ``effective_size``, ``efficiency``, ``hierarchy``: Burt's structural
      holes on the tie strengths ``weight`` (binary if ``weighted=False``), whole-network
      model unless ``constraint_model="ego"``; None for isolates (hierarchy also for a
      single contact) — see `netzwerk.analysis.structural_holes.structural_holes`;
    - ``coordinator``, ``itinerant``, ``gatekeeper``, ``representative``, ``liaison``,
      ``brokerage_total``: Gould–Fernandez role counts by the attribute ``by`` (default
      sector), each open pair counted once per direction (expected values and z-scores:
      `netzwerk.analysis.gould_fernandez.brokerage_roles`);
    - ``cut_point``: True if the actor is an articulation point.

    Sorted by betweenness, highest first (ties by id); ``top`` keeps the first rows.

    Parameters
    ----------
    view : networkx.Graph
        The actor–actor view.
    by : str
        Attribute for the brokerage roles.
    top : int or None
        Keep only this many rows.
    k_sample, seed, precision
        Betweenness sampling: None = automatic (exact up to 2,000 actors); seed fixed;
        ``precision``: sample until every 95 % error is at most this.
    weighted : bool
        Use tie strengths (default) or only whether a tie exists.
    constraint_model : {"whole", "ego"}

    Returns
    -------
    list of dict

    Examples
    --------
    A school links two clubs of another sector that do not know each other:

    >>> G = nx.Graph([("club1", "school"), ("school", "club2")])
    >>> nx.set_node_attributes(G, {"club1": "social", "school": "education",
    ...                            "club2": "social"}, "sector")
    >>> row = broker_table(G)[0]
    >>> row["id"], row["betweenness"], row["constraint"], row["itinerant"], row["cut_point"]
    ('school', 1.0, 0.5, 2, True)
    """
    return broker_analysis(
        view,
        by=by,
        top=top,
        k_sample=k_sample,
        seed=seed,
        weighted=weighted,
        constraint_model=constraint_model,
        precision=precision,
    ).rows


def broker_analysis(
    view: nx.Graph,
    by: str = "sector",
    top: int | None = None,
    k_sample: int | None = None,
    seed: int | None = 42,
    weighted: bool = True,
    constraint_model: str = DEFAULT_MODEL,
    precision: float | None = None,
) -> BrokerAnalysis:
    """`broker_table` plus the options it was computed with (view, sampling, error)."""
    watch = Stopwatch()
    lap = watch.lap
    groups = group_values(view, by)
    arrays = graph_arrays(
        view, weight="weight" if weighted else None, distance="distance" if weighted else None
    )
    lap("arrays")
    between = betweenness_kernel(
        arrays, weighted=weighted, k_sample=k_sample, seed=seed, precision=precision
    )
    lap("betweenness")
    holes = structural_holes_kernel(arrays, constraint_model)
    lap("structural_holes")
    roles = brokerage_roles_kernel(arrays, groups, by)
    lap("brokerage")
    cuts = np.zeros(arrays.n, dtype=bool)
    cuts[[arrays.index[node] for node in cut_points_kernel(arrays)]] = True
    lap("cut_points")
    rows = _rows(view, arrays.nodes, between, holes, roles, cuts)
    rows.sort(key=lambda row: (-row["betweenness"], str(row["id"])))
    if top is not None:
        rows = rows[:top]
    lap("table")
    options = {
        **view_options(view),
        "weighted": weighted and view_options(view)["weighted"],
        "by": by,
        "constraint_model": constraint_model,
        **between.method(),
    }
    return BrokerAnalysis(rows, options, watch.timings, between)


def _rows(
    view: nx.Graph,
    nodes: list[Hashable],
    between: Betweenness,
    holes: tuple[np.ndarray, ...],
    roles: BrokerageRoles,
    cuts: np.ndarray,
) -> list[dict[str, Any]]:
    """Table rows from the measure arrays (column-wise: quick for 100,000 actors)."""

    def plain(column: np.ndarray) -> list[float | None]:
        return [None if value != value else value for value in column.tolist()]

    names = [data.get("name", str(node)) for node, data in view.nodes(data=True)]
    sectors = [data.get("sector") for _, data in view.nodes(data=True)]
    columns = [
        nodes,
        names,
        sectors,
        [between.values[node] for node in nodes],
        *([] if between.error_95 is None else [[between.error_95[node] for node in nodes]]),
        *(plain(column) for column in holes),
        *(roles.counts[:, ROLES.index(role)].tolist() for role in TABLE_COLUMNS[8:13]),
        roles.counts[:, -1].tolist(),
        cuts.tolist(),
    ]
    keys = TABLE_COLUMNS if between.error_95 is None else SAMPLED_COLUMNS
    return [dict(zip(keys, values, strict=True)) for values in zip(*columns, strict=True)]


def view_options(view: nx.Graph) -> dict[str, Any]:
    """How the view was built (``view.graph["view"]``) as plain data: tie kinds, shared
    activities, as-of date (ISO or None), weighted. Graphs not made by `actor_view` count
    as weighted with all ties."""
    built = view.graph.get("view", {})
    as_of = built.get("as_of")
    return {
        "tie_kinds": list(built.get("tie_kinds", ())),
        "shared": list(built.get("shared", ())),
        "as_of": as_of.isoformat() if isinstance(as_of, date) else as_of,
        "weighted": bool(built.get("weighted", True)),
    }
