"""One figure of the report on its own (``netzwerk plot KIND``): `plot_figure`, and
`find_actor` for the actor an ego network is drawn around.

The figures are the report's (`netzwerk.report.figures`), drawn on the same actor view and
with persons pseudonymised the same way; `map_marks` picks what the network map marks, for
the report (`netzwerk.report.build`) and here.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import networkx as nx

from netzwerk.analysis.brokers import broker_table
from netzwerk.analysis.mixing import mixing
from netzwerk.analysis.network_view import NetworkView
from netzwerk.analysis.views import DEFAULT_TIE_KINDS
from netzwerk.errors import ConfigError, NotFound
from netzwerk.present import names as actor_names
from netzwerk.present.formats import check_language
from netzwerk.present.texts import text
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.report import figures as plots

MAP_BROKERS = 6
"""How many of the strongest brokers the network map marks."""

PLOT_KINDS = ("map", "gaps", "ego", "dependency")


def find_actor(view: nx.Graph, wanted: str, pseudonymiser: Pseudonymiser | None = None) -> Hashable:
    """The actor id for what a user typed: an id, a pseudonym from a report
    (``Person-7F3A-2C9K-XQ4M``) or an exact name (case-insensitive), as
    `netzwerk.present.names.find_actor` finds it. NotFound otherwise (also for a name that
    fits several actors)."""
    try:
        return actor_names.find_actor(wanted, view, pseudonymiser=pseudonymiser)
    except (NotFound, ConfigError):
        raise NotFound(
            f'Akteur "{wanted}" nicht gefunden (Stichtag beachten) — Kennung (ID), '
            "Pseudonym aus dem Bericht oder genauen Namen angeben"
        ) from None


def plot_figure(
    kind: str,
    store_graph: nx.MultiDiGraph,
    *,
    actor: str | None = None,
    radius: int = 1,
    lang: str = "de",
    as_of: date | None = None,
    show_names: bool = False,
    tie_kinds: Iterable[str] = DEFAULT_TIE_KINDS,
    weighted: bool = True,
    pseudonymiser: Pseudonymiser | None = None,
    view: NetworkView | None = None,
) -> Any:
    """One figure of the report on its own (``netzwerk plot KIND``): 'map', 'gaps',
    'ego' (needs ``actor``) or 'dependency'. Returns a matplotlib Figure; save it with
    `plots.save_figure`. Persons are pseudonymised as in the report.

    Drawn on ``view`` (a `NetworkView`; default today's, with ``as_of``, ``tie_kinds``
    and ``weighted`` if given), the same view and mixing matrix as the report's."""
    if kind not in PLOT_KINDS:
        raise ConfigError(f'unbekannte Abbildung "{kind}" — erlaubt: {", ".join(PLOT_KINDS)}')
    check_language(lang)
    pseudonymiser = pseudonymiser or Pseudonymiser()
    spec = view or NetworkView(
        as_of=as_of or date.today(), tie_kinds=tuple(tie_kinds), weighted=weighted
    )
    view_graph = spec.actor_graph(store_graph)
    return _draw(kind, view_graph, spec, actor, radius, lang, show_names, pseudonymiser)


def _draw(
    kind: str,
    view: nx.Graph,
    spec: NetworkView,
    actor: str | None,
    radius: int,
    lang: str,
    show_names: bool,
    pseudonymiser: Pseudonymiser,
) -> Any:
    """The figure ``kind`` of the actor graph ``view`` built by ``spec``."""
    names = actor_names.display_names(view, show_names, pseudonymiser)
    if kind == "gaps":
        return plots.mixing_heatmap(mixing(view, spec.by), lang=lang)
    cut_points, brokers = map_marks(broker_table(view, spec.by, weighted=spec.weighted))
    if kind == "map":
        return plots.network_map(
            view,
            names=names,
            brokers=brokers,
            cut_points=cut_points,
            lang=lang,
            title=text("map.title", lang),
        )
    if kind == "ego":
        if not actor:
            raise ConfigError("für das Ego-Netzwerk einen Akteur angeben: netzwerk plot ego ID")
        found = find_actor(view, actor, pseudonymiser)
        return plots.ego_network(
            view, found, names=names, radius=radius, lang=lang, cut_points=cut_points
        )
    hubs = spec.coordinator_ids(view)
    if not hubs:
        raise ConfigError(text("dependency.none", "de"))
    return plots.dependency_figure(view, hubs, names=names, lang=lang)


def map_marks(rows: Sequence[Mapping[str, Any]]) -> tuple[list[Any], list[Any]]:
    """What the network map marks, from the broker table: the cut points and the strongest
    brokers (at most `MAP_BROKERS`, none without betweenness)."""
    cut_points = [r["id"] for r in rows if r["cut_point"]]
    return cut_points, [r["id"] for r in rows[:MAP_BROKERS] if r["betweenness"]]
