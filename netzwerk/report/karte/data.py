"""The data of the interactive map: everything the page shows, computed in Python.

`map_payload` turns a computed report context (`netzwerk.report.build.compute`: the view,
the brokers, gaps, introductions and the dependency on the coordinators) into the plain
dict described in ``PAYLOAD.md`` beside this module. Every figure in it is the report's
own (one computation, one view); the page only draws, filters and shows. Persons appear as
the report shows them (pseudonymised unless they consented and names were asked for), and
the payload holds no notes, streets, contacts or source files at all.

Example (in a notebook)::

    computed = compute(store.graph(), ReportOptions(..., figures=False))
    payload = map_payload(computed.context)
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Mapping
from typing import Any

from netzwerk.model import ACTOR_TYPES, SECTORS, TIE_KINDS
from netzwerk.present.formats import format_date
from netzwerk.present.introductions import reason_text
from netzwerk.present.labels import actor_type_label, capitalised, sector_label
from netzwerk.present.texts import TEXTS, text
from netzwerk.report.figures.style import SECTOR_COLOURS, UNKNOWN_COLOUR
from netzwerk.report.karte.facts import node_facts
from netzwerk.report.karte.layout import map_positions
from netzwerk.report.karte.slices import TimeSlices, slider_days, time_slices
from netzwerk.report.karte.ties import tie_dates
from netzwerk.report.sections.brokers import role_words
from netzwerk.report.sections.context import Context
from netzwerk.report.sections.dependency import dependency_section
from netzwerk.report.sections.funding import funding_section
from netzwerk.report.sections.unreached import unreached_actors

VERSION = 1
COMMUNITY_COLOURS = [
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#999999",
]
"""Okabe & Ito (2008), repeated for more communities than colours."""
BROKER, CUT_POINT, COORDINATOR, UNREACHED, CUT_OFF = 1, 2, 4, 8, 16
"""The bits of a node's ``flags``."""


def map_payload(ctx: Context, part: Collection[Hashable] | None = None) -> dict[str, Any]:
    """The map's data for the report context ``ctx`` (see ``PAYLOAD.md``); ``part``: only
    these actors and the ties among them (default: everyone on any slider day)."""
    spec, lang = ctx.network_view, ctx.lang
    days = slider_days(ctx.store_graph, ctx.day) if spec.as_of is not None else [None]
    slices = time_slices(ctx.store_graph, spec, ctx.view, days, part)
    order = sorted(slices.union, key=str)
    rows = {row["id"]: row for row in ctx.results.brokers}
    importance = _importance(ctx, order, rows)
    xy = map_positions(slices.union, importance, order)
    groups = _Groups(ctx, slices, order)
    index = {actor: i for i, actor in enumerate(order)}
    return {
        "version": VERSION,
        "lang": lang,
        "texts": {key.removeprefix("karte."): TEXTS[key][lang == "en"] for key in _page_keys()},
        "meta": _meta(ctx, slices),
        "groups": groups.tables(),
        "nodes": _nodes(ctx, slices, order, rows, importance, xy, groups),
        "edges": _edges(ctx, slices, index, groups),
        "questions": _questions(ctx, index),
    }


def _page_keys() -> list[str]:
    return sorted(key for key in TEXTS if key.startswith("karte."))


def _meta(ctx: Context, slices: TimeSlices) -> dict[str, Any]:
    lang = ctx.lang
    years = [
        {
            "label": str(day.year),
            "day": format_date(day, lang),
        }
        if day is not None
        else {"label": text("karte.all_periods", lang), "day": ""}
        for day in slices.days
    ]
    privacy = (
        text("karte.privacy", lang)
        + " "
        + (text("karte.privacy_names" if ctx.show_names else "karte.privacy_pseudonyms", lang))
    )
    return {
        "title": text("karte.title", lang),
        "view_line": ctx.view_line(),
        "figures_day": ctx.format_day(ctx.day),
        "privacy": privacy,
        "names_shown": ctx.show_names,
        "years": years,
        "current": len(years) - 1,
    }


def _importance(
    ctx: Context, order: list[Hashable], rows: Mapping[Hashable, Mapping]
) -> dict[Hashable, float]:
    """0–1 per actor: the square root of betweenness relative to the largest (on the
    view's day), or of the degree when no actor has any betweenness."""
    betweenness = {a: float(rows[a]["betweenness"] or 0) if a in rows else 0.0 for a in order}
    top = max(betweenness.values(), default=0.0)
    if top <= 0:
        degree = {a: ctx.view.degree(a) if a in ctx.view else 0 for a in order}
        top = max(degree.values(), default=0) or 1
        return {a: math.sqrt(degree[a] / top) for a in order}
    return {a: math.sqrt(betweenness[a] / top) for a in order}


class _Groups:
    """The lookup tables of the payload (sectors, communities, types, tie kinds, topics,
    projects) and each actor's entries in them."""

    def __init__(self, ctx: Context, slices: TimeSlices, order: list[Hashable]):
        self.lang = ctx.lang
        union = slices.union
        present = {union.nodes[a].get("sector") for a in order}
        self.sectors = [key for key in SECTORS.keys() if key in present]
        types = {union.nodes[a].get("type") for a in order}
        self.types = [key for key in ACTOR_TYPES.keys() if key in types]
        kinds = {k for _, _, d in union.edges(data=True) for k in d.get("kinds") or ()}
        self.kinds = [k for k in [*TIE_KINDS.keys(), "project", "event"] if k in kinds]
        self.community = {
            member: i
            for i, community in enumerate(ctx.results.gaps.get("communities") or [])
            for member in community["members"]
        }
        self.n_communities = len(ctx.results.gaps.get("communities") or [])
        self.topic_names = _names_of_kind(ctx, "topic")
        self.project_names = _names_of_kind(ctx, "project")
        self.projects = _projects(ctx, order)
        self.topics = sorted({t for a in order for t in union.nodes[a].get("topics") or ()})
        self.topic_index = {t: i for i, t in enumerate(self.topics)}
        self.project_list = sorted({p for ps in self.projects.values() for p in ps})
        self.project_index = {p: i for i, p in enumerate(self.project_list)}

    def tables(self) -> dict[str, list[dict[str, str]]]:
        lang = self.lang
        return {
            "sector": [
                {"label": sector_label(s, lang), "color": SECTOR_COLOURS.get(s, UNKNOWN_COLOUR)}
                for s in self.sectors
            ],
            "community": [
                {
                    "label": text("karte.community", lang, n=i + 1),
                    "color": COMMUNITY_COLOURS[i % len(COMMUNITY_COLOURS)],
                }
                for i in range(self.n_communities)
            ],
            "type": [{"label": actor_type_label(t, lang)} for t in self.types],
            "kind": [{"label": kind_label(k, lang)} for k in self.kinds],
            "topic": [{"label": self.topic_names.get(t, t)} for t in self.topics],
            "project": [{"label": self.project_names.get(p, p)} for p in self.project_list],
        }

    def kind_bits(self, kinds: list[str]) -> int:
        return sum(1 << i for i, k in enumerate(self.kinds) if k in kinds)


def kind_label(kind: str, lang: str) -> str:
    """How a tie kind of the view is named: the vocabulary's label, or 'shared project'
    and 'shared event' for ties made by taking part in the same one."""
    if kind in ("project", "event"):
        return capitalised(text(f"kind.{kind}", lang))
    return capitalised(TIE_KINDS.label(kind, lang))


def _names_of_kind(ctx: Context, kind: str) -> dict[str, str]:
    """Names of the store's topics or projects by id (not persons: no pseudonyms needed)."""
    return {
        str(data.get("id")): str(data.get("name") or data.get("id"))
        for _, data in ctx.store_graph.nodes(data=True)
        if data.get("kind") == kind
    }


def _projects(ctx: Context, order: list[Hashable]) -> dict[Hashable, list[str]]:
    """The projects each actor takes part in, runs or funds (any day)."""
    wanted = set(order)
    projects: dict[Hashable, set[str]] = {}
    graph = ctx.store_graph
    for actor, target in graph.edges():
        if actor in wanted and graph.nodes[target].get("kind") == "project":
            projects.setdefault(actor, set()).add(str(graph.nodes[target].get("id")))
    return {actor: sorted(ids) for actor, ids in projects.items()}


def _nodes(
    ctx: Context,
    slices: TimeSlices,
    order: list[Hashable],
    rows: Mapping[Hashable, Mapping],
    importance: Mapping[Hashable, float],
    xy: Any,
    groups: _Groups,
) -> dict[str, list[Any]]:
    union, lang = slices.union, ctx.lang
    sector_index = {s: i for i, s in enumerate(groups.sectors)}
    type_index = {t: i for i, t in enumerate(groups.types)}
    flags = _flags(ctx)
    intros = _introductions(ctx, {a: i for i, a in enumerate(order)})
    return {
        "id": [ctx.shown_id(a) for a in order],
        "label": [ctx.name(a) for a in order],
        "x": [round(float(x), 5) for x in xy[:, 0]],
        "y": [round(float(y), 5) for y in xy[:, 1]],
        "size": [round(importance[a], 4) for a in order],
        "sector": [sector_index.get(union.nodes[a].get("sector"), -1) for a in order],
        "community": [groups.community.get(a, -1) for a in order],
        "type": [type_index.get(union.nodes[a].get("type"), -1) for a in order],
        "topics": [
            [groups.topic_index[t] for t in union.nodes[a].get("topics") or ()] for a in order
        ],
        "projects": [[groups.project_index[p] for p in groups.projects.get(a, ())] for a in order],
        "degree": [ctx.view.degree(a) if a in ctx.view else 0 for a in order],
        "betweenness": [float(rows[a]["betweenness"] or 0) if a in rows else 0.0 for a in order],
        "facts": [node_facts(ctx, rows.get(a), a in ctx.view) for a in order],
        "role": [role_words(rows[a], lang) if a in rows else "" for a in order],
        "flags": [flags.get(a, 0) for a in order],
        "years": [slices.actor_bits.get(a, 0) for a in order],
        "introductions": [intros.get(a, []) for a in order],
    }


def _flags(ctx: Context) -> dict[Hashable, int]:
    results = ctx.results
    flags: dict[Hashable, int] = {}
    marked = [
        (BROKER, results.map_brokers),
        (CUT_POINT, results.cut_points),
        (COORDINATOR, ctx.coordinators),
        (UNREACHED, unreached_actors(results.gaps)),
        (CUT_OFF, results.cut_off),
    ]
    for bit, actors in marked:
        for actor in actors:
            flags[actor] = flags.get(actor, 0) | bit
    return flags


def _introductions(ctx: Context, index: Mapping[Hashable, int]) -> dict[Hashable, list[list]]:
    """Per actor: [other, introducer (-1: none or not on the map), reason in words]."""
    found: dict[Hashable, list[list]] = {}
    for suggestion in ctx.results.introductions:
        a, b = suggestion["a"], suggestion["b"]
        if a not in index or b not in index:
            continue
        introducer = index.get(suggestion.get("introducer"), -1)
        reason = reason_text(ctx.lang, suggestion["reason"])
        found.setdefault(a, []).append([index[b], introducer, reason])
        found.setdefault(b, []).append([index[a], introducer, reason])
    return found


def _edges(
    ctx: Context, slices: TimeSlices, index: Mapping[Hashable, int], groups: _Groups
) -> dict[str, list[Any]]:
    pairs = sorted(slices.tie_bits, key=lambda p: (index[p[0]], index[p[1]]))
    dates = tie_dates(ctx.store_graph, ctx.network_view.tie_kinds, ctx.lang)
    funding = ctx.results.funding
    # the ties the funding section says would be lost (its scenario, the view's day)
    lost = (
        {frozenset((t["source"], t["target"])) for t in funding["ties_lost"]} if funding else set()
    )
    union = slices.union
    return {
        "source": [index[u] for u, _ in pairs],
        "target": [index[v] for _, v in pairs],
        "kinds": [groups.kind_bits(union.edges[u, v].get("kinds") or []) for u, v in pairs],
        "years": [slices.tie_bits[p] for p in pairs],
        "weight": [round(float(union.edges[u, v].get("weight", 1.0)), 4) for u, v in pairs],
        "dates": [dates.get(p, "") for p in pairs],
        "funding": [1 if frozenset(p) in lost else 0 for p in pairs],
    }


def _questions(ctx: Context, index: Mapping[Hashable, int]) -> dict[str, Any]:
    """The actors each question button marks, and the report's own words on the network
    without its coordinators (the dependency section's findings) and without the funding
    that runs out (the funding section's; empty lists when the data has no funding ends)."""
    results = ctx.results

    def on_map(actors: Any) -> list[int]:
        return [index[a] for a in actors if a in index]

    dependency = dependency_section(ctx)
    funding = results.funding
    return {
        "brokers": on_map(results.map_brokers),
        "cut_points": on_map(results.cut_points),
        "unreached": on_map(unreached_actors(results.gaps)),
        "coordinators": on_map(ctx.coordinators),
        "cut_off": on_map(results.cut_off),
        "without_coordinator": dependency.findings,
        "funding_cut_off": on_map(funding["cut_off"]) if funding else [],
        "without_funding": funding_section(ctx).findings if funding else [],
    }
