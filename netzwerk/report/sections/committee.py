"""The committee section: who is missing at the table of the QM's main committee."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import join_names, plural
from netzwerk.present.labels import group_label
from netzwerk.report.sections.context import Context, column_headers
from netzwerk.report.sections.parts import Section, Table

SHOWN = 3
"""Groups and names in a finding."""


def committee_section(ctx: Context) -> Section:
    """The seats of `netzwerk.analysis.committee.main_committee` by group, the groups
    without a seat, single seats and candidates (or what data the section needs)."""
    section = Section("committee", ctx.t("section.committee"))
    result = ctx.results.committee
    section.method = [ctx.view_line(), ctx.t("committee.method")]
    if not result:
        section.lead = ctx.t("committee.none")
        return section
    name = ctx.name(result["committee"])
    section.lead = ctx.t("committee.lead", committee=name)
    section.findings += committee_findings(ctx, result)
    section.tables += [
        _groups_table(ctx, result),
        _seats_table(ctx, result),
        _candidates(ctx, result),
    ]
    return section


def committee_findings(ctx: Context, result: Mapping[str, Any]) -> list[str]:
    """The at-a-glance sentences (also on the Verstetigung page)."""
    lang, by = ctx.lang, result["by"]
    seated = [s for s in result["sectors"] if s["members"]]
    findings = [
        ctx.t(
            "committee.members",
            committee=ctx.name(result["committee"]),
            members=plural(len(result["members"]), "actor", lang),
            seated=len(seated),
            groups=len(result["sectors"]),
        )
    ]
    if result["missing"]:
        missing = [
            ctx.t(
                "committee.group_size", group=group_label(by, s["group"], lang), actors=s["actors"]
            )
            for s in result["missing"][:SHOWN]
        ]
        findings.append(ctx.t("committee.missing", groups=join_names(missing, lang)))
    if result["single_seats"]:
        names = [ctx.name(s["id"]) for s in result["single_seats"][:SHOWN]]
        findings.append(ctx.t("committee.single_seats", names=join_names(names, lang)))
    if result["candidates"]:
        names = [ctx.name(c["id"]) for c in result["candidates"][:SHOWN]]
        findings.append(ctx.t("committee.candidates", names=join_names(names, lang)))
    return findings


def _groups_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    rows = [
        {**row, "group": group_label(result["by"], row["group"], ctx.lang)}
        for row in result["sectors"]
    ]
    columns = ["group", "actors", "tie_ends", "members"]
    return Table(
        ctx.t("committee.groups_title"),
        columns,
        column_headers(ctx.lang, columns),
        rows,
        csv="committee_seats.csv",
        numeric=frozenset(columns[1:]),
    )


def _seats_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    rows = [
        {
            "actor": ctx.name(s["id"]),
            "id": ctx.shown_id(s["id"]),
            "group": group_label(result["by"], s["group"], ctx.lang),
            "reach": s["reach"],
        }
        for s in result["single_seats"]
    ]
    columns = ["actor", "group", "reach"]
    return Table(
        ctx.t("committee.single_seats_title"),
        columns,
        column_headers(ctx.lang, columns),
        rows,
        csv="committee_single_seats.csv",
        numeric=frozenset({"reach"}),
    )


def _candidates(ctx: Context, result: Mapping[str, Any]) -> Table:
    rows = [
        {
            "actor": ctx.name(c["id"]),
            "id": ctx.shown_id(c["id"]),
            "group": group_label(result["by"], c["group"], ctx.lang),
            "committee_score": c["committee_score"],
            "members_tied": c["members_tied"],
            "reach": c["reach"],
        }
        for c in result["candidates"]
    ]
    columns = ["actor", "group", "committee_score", "members_tied", "reach"]
    return Table(
        ctx.t("committee.candidates_title"),
        columns,
        column_headers(ctx.lang, columns),
        rows,
        csv="committee_candidates.csv",
        numeric=frozenset(columns[2:]),
    )
