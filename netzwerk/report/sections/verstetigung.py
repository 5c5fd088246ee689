"""The Verstetigung page: on one page for the steering committee (Lenkungskreis), what
holds when the QM steps back, when funding ends, and where seats at its table are missing.

Every figure is the one of its own section (dependency, funding, committee): this page
only puts them side by side.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import format_number, join_names, plural
from netzwerk.report.sections.committee import committee_findings
from netzwerk.report.sections.context import Context, rounded
from netzwerk.report.sections.parts import Section, Table

SHOWN = 3


def verstetigung_section(ctx: Context) -> Section:
    """The three questions of Verstetigung in plain words and one table."""
    results = ctx.results
    section = Section("verstetigung", ctx.t("section.verstetigung"))
    section.lead = ctx.t("verstetigung.lead")
    section.method = [ctx.view_line(), ctx.t("verstetigung.method")]
    if results.dependency:
        section.findings.append(_without_qm(ctx, results.dependency, len(results.cut_off)))
    else:
        section.findings.append(ctx.t("dependency.none"))
    funding = results.funding
    section.findings.append(_funding(ctx, funding) if funding else ctx.t("verstetigung.no_funding"))
    if results.committee:
        section.findings += committee_findings(ctx, results.committee)
    else:
        section.findings.append(ctx.t("committee.none"))
    if results.dependency or funding:
        section.tables.append(_side_by_side(ctx, results.dependency, len(results.cut_off), funding))
    return section


def _without_qm(ctx: Context, dependency: Mapping[str, Any], cut_off: int) -> str:
    names = [ctx.name(s["id"]) for s in dependency.get("successors", [])[:SHOWN]]
    return ctx.t(
        "verstetigung.without_qm",
        lost=format_number(dependency["connected_pairs_lost"], ctx.lang),
        actors=plural(cut_off, "actor", ctx.lang),
        names=join_names(names, ctx.lang) if names else "–",
    )


def _funding(ctx: Context, funding: Mapping[str, Any]) -> str:
    names = [ctx.name(s["id"]) for s in funding["successors"][:SHOWN] if round(s["gain"], 3) > 0]
    return ctx.t(
        "verstetigung.funding",
        day=ctx.format_day(funding["ends_by"]),
        projects=plural(len(funding["projects"]), "project", ctx.lang),
        ties=plural(len(funding["ties_lost"]), "tie", ctx.lang),
        actors=plural(len(funding["cut_off"]), "actor", ctx.lang),
        names=join_names(names, ctx.lang) if names else "–",
    )


def _side_by_side(
    ctx: Context,
    dependency: Mapping[str, Any] | None,
    cut_off: int,
    funding: Mapping[str, Any] | None,
) -> Table:
    """Connected pairs, fragmentation and actors cut off: today (all actors), without the
    QM (the other actors, as in the dependency section), without the funding (all
    actors, as in the funding section)."""

    def pick(key: str, digits: int | None = None) -> tuple[Any, Any, Any]:
        today = funding[f"{key}_before"] if funding else None
        if today is None and dependency:
            today = dependency[f"{key}_before"]
            if key == "connected_pairs":  # all actors, as the funding's figure counts them
                today = dependency["connected_pairs_including_coordinators"]
        values = (
            today,
            dependency[f"{key}_after"] if dependency else None,
            funding[f"{key}_after"] if funding else None,
        )
        today_shown, qm, money = (
            rounded(v, digits) if digits and v is not None else v for v in values
        )
        return today_shown, qm, money

    measures = [
        ("connected_pairs", *pick("connected_pairs")),
        ("fragmentation", *pick("fragmentation", 3)),
        (
            "cut_off",
            0,
            cut_off if dependency else None,
            len(funding["cut_off"]) if funding else None,
        ),
    ]
    rows = [
        {"measure": ctx.t(f"verstetigung.{key}"), "today": today, "qm": qm, "money": money}
        for key, today, qm, money in measures
    ]
    headers = {
        "measure": ctx.t("dependency.measure"),
        "today": ctx.t("funding.before"),
        "qm": ctx.t("dependency.after"),
        "money": ctx.t("funding.after"),
    }
    return Table(
        ctx.t("verstetigung.table_title"),
        ["measure", "today", "qm", "money"],
        headers,
        rows,
        csv="verstetigung.csv",
        numeric=frozenset({"today", "qm", "money"}),
        digits={"today": 3, "qm": 3, "money": 3},
    )
