"""The changes section: actors, ties and brokers gained or lost since the comparison day."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from netzwerk.model import TIE_KINDS
from netzwerk.present.formats import join_names
from netzwerk.present.texts import text
from netzwerk.report.sections.context import Context, column_headers, rounded
from netzwerk.report.sections.parts import Section, Table

ACTOR_COLUMNS = ["actor", "type", "sector", "change"]
TIE_COLUMNS = ["a", "b", "change", "kinds_before", "kinds_after"]
BROKER_COLUMNS = ["actor", "sector", "betweenness_before", "betweenness_after", "change"]
TIE_ORDER = {"lost": 0, "changed": 1, "new": 2}
"""Ties are listed lost first, then changed, then new (coordinator ties before all)."""


def changes_section(ctx: Context) -> Section:
    """What changed between ``changes["before"]`` and ``changes["after"]``: counts,
    the coordinators' ties, brokers gained and lost, and the changed actors, ties and
    brokers as tables (all rows in ``changes_*.csv``)."""
    changes = ctx.results.changes
    assert changes is not None, "the changes section needs a comparison"
    before, after = changes["before"], changes["after"]
    section = Section(
        "changes",
        ctx.t("section.changes"),
        lead=ctx.t("changes.lead", before=ctx.format_day(before), after=ctx.format_day(after)),
    )
    section.findings += _findings(ctx, changes)
    section.tables += [
        _actors_table(ctx, changes),
        _ties_table(ctx, changes),
        _brokers_table(ctx, changes),
    ]
    section.method = [
        ctx.view_line(day=before),
        ctx.view_line(day=after),
        ctx.t("changes.method", top=changes["top"]),
    ]
    return section


def _findings(ctx: Context, changes: Mapping[str, Any]) -> list[str]:
    lang = ctx.lang
    findings = [
        ctx.t(
            "changes.counts",
            actors_before=changes["actors_before"],
            actors_after=changes["actors_after"],
            new_actors=len(changes["new_actors"]),
            lost_actors=len(changes["lost_actors"]),
            ties_before=changes["ties_before"],
            ties_after=changes["ties_after"],
            new_ties=len(changes["new_ties"]),
            lost_ties=len(changes["lost_ties"]),
            changed_ties=len(changes["changed_ties"]),
        )
    ]
    for key, ties in (
        ("changes.coordinator_lost", changes["coordinator_ties_lost"]),
        ("changes.coordinator_new", changes["coordinator_ties_new"]),
    ):
        if ties:
            partners = [
                f"{ctx.name(tie['partner'])} ({_kinds(tie['kinds'], lang)})" for tie in ties
            ]
            findings.append(ctx.t(key, names=join_names(partners, lang, 6)))
    for key in ("brokers_gained", "brokers_lost"):
        if changes[key]:
            findings.append(
                ctx.t(
                    f"changes.{key}",
                    names=join_names([ctx.name(a) for a in changes[key]], lang),
                )
            )
    return findings


def _actors_table(ctx: Context, changes: Mapping[str, Any]) -> Table:
    """New and lost actors: 20 shown, all in ``changes_actors.csv``."""
    rows = [_actor_row(ctx, a, "changes.new") for a in changes["new_actors"]]
    rows += [_actor_row(ctx, a, "changes.lost") for a in changes["lost_actors"]]
    return Table(
        ctx.t("changes.actors_title"),
        ACTOR_COLUMNS,
        column_headers(ctx.lang, [*ACTOR_COLUMNS, "id"], {"change": ctx.t("changes.change")}),
        rows,
        csv="changes_actors.csv",
        csv_columns=["id", *ACTOR_COLUMNS],
        limit=20,
    )


def _actor_row(ctx: Context, actor: Hashable, change: str) -> dict[str, Any]:
    return {
        "actor": ctx.name(actor),
        "id": ctx.shown_id(actor),
        "sector": ctx.sector(actor),
        "type": ctx.actor_type(actor),
        "change": ctx.t(change),
    }


def _ties_table(ctx: Context, changes: Mapping[str, Any]) -> Table:
    """Lost, changed and new ties (the coordinators' first): 25 shown, all in
    ``changes_ties.csv``."""
    rows = [_tie_row(ctx, tie, status) for status in TIE_ORDER for tie in changes[f"{status}_ties"]]
    rows.sort(key=lambda r: (not r["coordinator"], r["order"]))
    headers = column_headers(
        ctx.lang,
        ["a", "b", "kinds_before", "kinds_after", "a_id", "b_id"],
        {
            "a_id": f"{ctx.t('col.a')} ({ctx.t('col.id')})",
            "b_id": f"{ctx.t('col.b')} ({ctx.t('col.id')})",
        },
    )
    headers["change"] = ctx.t("changes.change")
    return Table(
        ctx.t("changes.ties_title"),
        TIE_COLUMNS,
        headers,
        rows,
        csv="changes_ties.csv",
        csv_columns=["a_id", "a", "b_id", "b", *TIE_COLUMNS[2:]],
        limit=25,
    )


def _tie_row(ctx: Context, tie: Mapping[str, Any], status: str) -> dict[str, Any]:
    before_kinds = {"lost": tie["kinds"], "changed": tie.get("kinds_before", [])}.get(status, [])
    after_kinds = tie["kinds"] if status != "lost" else []
    return {
        "a": ctx.name(tie["a"]),
        "a_id": ctx.shown_id(tie["a"]),
        "b": ctx.name(tie["b"]),
        "b_id": ctx.shown_id(tie["b"]),
        "kinds_before": _kinds(before_kinds, ctx.lang) or "–",
        "kinds_after": _kinds(after_kinds, ctx.lang) or "–",
        "change": ctx.t(f"changes.{status}"),
        "coordinator": tie["coordinator"],
        "order": TIE_ORDER[status],
    }


def _brokers_table(ctx: Context, changes: Mapping[str, Any]) -> Table:
    """Betweenness of the compared brokers on both days, gains and losses marked."""
    rows = []
    for actor in changes["brokers_compared"]:
        status = (
            "changes.gained_broker"
            if actor in changes["brokers_gained"]
            else "changes.lost_broker"
            if actor in changes["brokers_lost"]
            else None
        )
        rows.append(
            {
                "actor": ctx.name(actor),
                "id": ctx.shown_id(actor),
                "sector": ctx.sector(actor),
                "betweenness_before": rounded(changes["betweenness_before"].get(actor)),
                "betweenness_after": rounded(changes["betweenness_after"].get(actor)),
                "change": ctx.t(status) if status else "",
            }
        )
    return Table(
        ctx.t("changes.brokers"),
        BROKER_COLUMNS,
        column_headers(ctx.lang, [*BROKER_COLUMNS, "id"], {"change": ctx.t("changes.change")}),
        rows,
        csv="changes_brokers.csv",
        csv_columns=["id", *BROKER_COLUMNS],
        numeric=frozenset({"betweenness_before", "betweenness_after"}),
        digits={"betweenness_before": 3, "betweenness_after": 3},
    )


def _kinds(kinds: Sequence[str], lang: str) -> str:
    return ", ".join(_kind_label(k, lang) for k in kinds)


def _kind_label(kind: str, lang: str) -> str:
    if kind in ("project", "event"):
        return text(f"kind.{kind}", lang)
    return TIE_KINDS.label(kind, lang)
