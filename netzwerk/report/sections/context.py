"""What the sections of one report share: the `Context` (view, language, who may be shown
by name), the typed `Results` the analyses produced for it, and small formatting helpers."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.analysis.betweenness import Betweenness
from netzwerk.analysis.network_view import NetworkView
from netzwerk.present.formats import format_date
from netzwerk.present.labels import actor_type_label, sector_label
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.present.view_line import view_line
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report.sections.parts import Figure


@dataclass
class Results:
    """What was computed for one report (by `netzwerk.report.build.compute`).

    The analyses (``brokers`` rows and their ``betweenness``, ``dependency`` on the coordinators, ``key_players``,
    ``gaps``, ``introductions``), what follows from them (``cut_points``, the
    ``map_brokers`` the map marks, the number of ``components`` with and without the
    coordinators, the actors ``cut_off`` without them), the rendered figures, the data
    ``summary`` and ``ingest_log`` for the overview, the ``changes`` since the comparison
    day (None: no comparison), the ``permutations`` and ``seed`` of the gap test, the
    interactive map's page (``map_page``) or why there is none (``map_note``), and the
    ``funding`` scenario (`netzwerk.analysis.funding.funding_outlook`; None: no funding
    ends by its horizon) and the seats of the main ``committee``
    (`netzwerk.analysis.committee.main_committee`; None: no committee with members), and
    the ``contacts`` falling asleep (`netzwerk.analysis.contacts.dormant_ties`; None for a
    view of all periods).
    """

    brokers: list[dict[str, Any]] = field(default_factory=list)
    betweenness: Betweenness | None = None
    cut_points: list[Hashable] = field(default_factory=list)
    map_brokers: list[Hashable] = field(default_factory=list)
    dependency: dict[str, Any] | None = None
    funding: dict[str, Any] | None = None
    committee: dict[str, Any] | None = None
    contacts: dict[str, Any] | None = None
    key_players: dict[str, Any] | None = None
    gaps: dict[str, Any] = field(default_factory=dict)
    introductions: list[dict[str, Any]] = field(default_factory=list)
    components: tuple[int, int] = (0, 0)
    cut_off: list[Hashable] = field(default_factory=list)
    map_figure: Figure | None = None
    dependency_figure: Figure | None = None
    mixing_figure: Figure | None = None
    summary: Mapping[str, Any] = field(default_factory=dict)
    ingest_log: Sequence[Mapping] = ()
    changes: Mapping[str, Any] | None = None
    permutations: int = 0
    seed: int = 0
    map_page: str | None = None
    map_note: str | None = None


@dataclass
class Context:
    """Everything the sections of one report share."""

    store_graph: nx.MultiDiGraph
    view: nx.Graph
    lang: str
    day: date
    show_names: bool
    pseudonymiser: Pseudonymiser
    network_view: NetworkView
    coordinators: Sequence[Hashable]
    results: Results = field(default_factory=Results)

    @property
    def tie_kinds(self) -> tuple[str, ...]:
        return self.network_view.tie_kinds

    @property
    def weighted(self) -> bool:
        return self.network_view.weighted

    @property
    def actors(self) -> ActorNames:
        """Names and ids as the report may show them (the view first, then the store graph;
        an actor unknown to both is taken for a person, so nothing identifying leaks)."""
        return ActorNames(self.view, self.show_names, self.pseudonymiser, self.store_graph)

    def name(self, actor: Hashable) -> str:
        """What may be shown for an actor: persons pseudonymised unless consented and
        names asked for; organisations by name."""
        return self.actors.name(actor)

    def shown_id(self, actor: Hashable) -> str:
        return self.actors.id(actor)

    def _attributes(self, actor: Hashable) -> Mapping:
        return self.actors.attributes(actor)

    def names(self, graph: nx.Graph | None = None) -> dict[Hashable, str]:
        return self.actors.names(graph)

    def sector(self, actor: Hashable) -> str:
        return sector_label(self._attributes(actor).get("sector"), self.lang)

    def actor_type(self, actor: Hashable) -> str:
        return actor_type_label(self._attributes(actor).get("type"), self.lang)

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    def format_day(self, day: date | None) -> str:
        return format_date(day, self.lang)

    def view_line(self, *, day: date | None = None) -> str:
        """The report's one view line (`netzwerk.present.view_line.view_line`); ``day``
        for the same view on another day (the comparison)."""
        view = self.network_view if day is None else self.network_view.on(day)
        return view_line(view, self.lang)


def column_headers(
    lang: str, columns: Sequence[str], overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The shown titles of ``columns`` (``col.*`` texts), with some ``overrides``."""
    overrides = overrides or {}
    return {c: overrides.get(c) or text(f"col.{c}", lang) for c in columns}


def rounded(value: float | None, digits: int = 4) -> float | None:
    """``value`` rounded for a table (None stays None)."""
    return None if value is None else round(float(value), digits)
