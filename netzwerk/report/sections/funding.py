"""The funding section (*Verstetigung*): what the network would lose if the funding that
ends by the end of next year is not renewed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import format_number, format_share, join_names, plural
from netzwerk.present.labels import sector_label
from netzwerk.report.sections.context import Context, column_headers, rounded
from netzwerk.report.sections.parts import Section, Table

SHOWN = 3
"""Names in a finding (funders, successors)."""


def funding_section(ctx: Context) -> Section:
    """The scenario of `netzwerk.analysis.funding.funding_outlook`: who funds what until
    when, what ends, which ties go, who is cut off and who could carry the brokering (or
    what data would make the section possible)."""
    section = Section("funding", ctx.t("section.funding"))
    result = ctx.results.funding
    horizon = ctx.format_day(result["ends_by"]) if result else ""
    section.method = [ctx.view_line(), ctx.t("funding.method")]
    if not result:
        section.lead = ctx.t("funding.none")
        return section
    section.lead = ctx.t("funding.lead", day=horizon)
    section.findings += _findings(ctx, result, horizon)
    section.tables += [
        _funders_table(ctx, result),
        _projects_table(ctx, result),
        _changes_table(ctx, result),
        _actors_table(
            ctx, result["cut_off"], "funding.cut_off_title", "cut_off_without_funding.csv"
        ),
        _successors_table(ctx, result),
    ]
    return section


def _findings(ctx: Context, result: Mapping[str, Any], horizon: str) -> list[str]:
    lang = ctx.lang
    funders = [ctx.name(row["funder"]) for row in result["by_funder"]]
    findings = [
        ctx.t(
            "funding.ending",
            day=horizon,
            funders=join_names(funders, lang, limit=SHOWN),
            projects=plural(len(result["projects"]), "project", lang),
        ),
        ctx.t(
            "funding.ties",
            lost=format_number(len(result["ties_lost"]), lang),
            weakened=format_number(result["ties_weakened"], lang),
        ),
        ctx.t(
            "funding.pairs",
            lost=format_number(result["connected_pairs_lost"], lang),
            before=format_share(result["fragmentation_before"], lang),
            after=format_share(result["fragmentation_after"], lang),
        ),
        ctx.t("funding.cut_off", actors=plural(len(result["cut_off"]), "actor", lang)),
    ]
    if result["group_pairs_lost"]:
        pairs = [
            f"{sector_label(g, lang)} – {sector_label(h, lang)}"
            for g, h in result["group_pairs_lost"]
        ]
        findings.append(ctx.t("funding.group_pairs_lost", pairs=join_names(pairs, lang)))
    if result["successors"]:
        names = [ctx.name(row["id"]) for row in result["successors"][:SHOWN]]
        findings.append(ctx.t("funding.successors", names=join_names(names, lang)))
    return findings


def _funders_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    rows = [
        {
            "actor": ctx.name(row["funder"]),
            "projects": row["projects"],
            "funded_until": ctx.format_day(row["funded_until"]),
        }
        for row in result["by_funder"]
    ]
    columns = ["actor", "projects", "funded_until"]
    headers = column_headers(ctx.lang, columns, {"actor": ctx.t("col.funders")})
    return Table(ctx.t("funding.funders_title"), columns, headers, rows, csv="funders.csv")


def _projects_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    rows = [
        {
            "project": project["name"],
            "funders": join_names([ctx.name(f) for f in project["funders"]], ctx.lang),
            "funded_until": ctx.format_day(project["funded_until"]),
        }
        for project in result["projects"]
    ]
    columns = ["project", "funders", "funded_until"]
    return Table(
        ctx.t("funding.projects_title"),
        columns,
        column_headers(ctx.lang, columns),
        rows,
        csv="projects_ending.csv",
    )


def _changes_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    """Connected pairs, fragmentation and parts with and without the funding."""
    measures = [
        ("connected_pairs", result["connected_pairs_before"], result["connected_pairs_after"]),
        (
            "fragmentation",
            rounded(result["fragmentation_before"], 3),
            rounded(result["fragmentation_after"], 3),
        ),
        ("n_components", result["components_before"], result["components_after"]),
    ]
    rows = [
        {"measure": ctx.t(f"dependency.{key}"), "before": before, "after": after}
        for key, before, after in measures
    ]
    headers = {
        "measure": ctx.t("dependency.measure"),
        "before": ctx.t("funding.before"),
        "after": ctx.t("funding.after"),
    }
    return Table(
        ctx.t("funding.title"),
        ["measure", "before", "after"],
        headers,
        rows,
        csv="funding.csv",
        numeric=frozenset({"before", "after"}),
        digits={"before": 3, "after": 3},
    )


def _actors_table(ctx: Context, actors: list, title: str, csv: str) -> Table:
    rows = [
        {
            "actor": ctx.name(a),
            "id": ctx.shown_id(a),
            "sector": ctx.sector(a),
            "type": ctx.actor_type(a),
        }
        for a in actors
    ]
    rows.sort(key=lambda r: (r["sector"], r["actor"]))
    columns = ["actor", "type", "sector"]
    return Table(ctx.t(title), columns, column_headers(ctx.lang, columns), rows, csv=csv)


def _successors_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    """Who would gain most betweenness when the funding ends."""
    rows = [
        {
            "actor": ctx.name(s["id"]),
            "id": ctx.shown_id(s["id"]),
            "sector": ctx.sector(s["id"]),
            "betweenness_before": rounded(s["betweenness_before"]),
            "betweenness_after": rounded(s["betweenness_after"]),
            "gain": rounded(s["gain"]),
        }
        for s in result["successors"]
        if round(s["gain"], 3) > 0  # a gain the table would show as 0,000 is none
    ]
    columns = ["actor", "sector", "betweenness_before", "betweenness_after", "gain"]
    return Table(
        ctx.t("funding.successors_title"),
        columns,
        column_headers(ctx.lang, columns),
        rows,
        csv="successors_after_funding.csv",
        limit=8,
        numeric=frozenset(columns[2:]),
        digits={c: 3 for c in columns[2:]},
    )
