"""The contacts section: ties falling asleep, the ones that matter first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import format_number, join_names
from netzwerk.report.sections.context import Context, column_headers
from netzwerk.report.sections.parts import Section, Table

LISTED = 10
"""Ties in the report's table (the weekly call list)."""
IN_CSV = 10_000
"""Ties in dormant_ties.csv, most important first: at city size millions of ties sleep,
and a call list that long helps no one (the count and the reasons still cover all)."""


def contacts_section(ctx: Context) -> Section:
    """`netzwerk.analysis.contacts.dormant_ties` on the report's view: how many ties sleep,
    which ten to call about first, and whom."""
    section = Section("contacts", ctx.t("section.contacts"))
    result = ctx.results.contacts
    if not result or not result["ties_total"]:
        section.method = [ctx.view_line()]
        section.lead = ctx.t("contacts.none")
        return section
    listed = format_number(len(result["ties"]), ctx.lang)
    section.method = [ctx.view_line(), ctx.t("contacts.method", listed=listed)]
    section.lead = ctx.t("contacts.lead", months=result["months"])
    section.findings += _findings(ctx, result)
    section.tables.append(_calls_table(ctx, result))
    return section


def _findings(ctx: Context, result: Mapping[str, Any]) -> list[str]:
    lang = ctx.lang
    findings = [
        ctx.t(
            "contacts.counts",
            dormant=format_number(result["dormant"], lang),
            total=format_number(result["ties_total"], lang),
            months=result["months"],
            unknown=format_number(result["without_date"], lang),
            cut=(
                ctx.t("contacts.cut", listed=format_number(len(result["ties"]), lang))
                if len(result["ties"]) < result["dormant"]
                else ""
            ),
        )
    ]
    carrying = sum(result["by_reason"].get(reason, 0) for reason in ("bridge", "only_link"))
    if carrying:
        findings.append(ctx.t("contacts.carrying", n=format_number(carrying, lang)))
    callers = sorted(
        {t["caller"] for t in result["ties"][:LISTED] if t["caller"] is not None}, key=str
    )
    if callers:
        findings.append(
            ctx.t("contacts.callers", names=join_names([ctx.name(c) for c in callers], lang))
        )
    return findings


def _calls_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    rows = [
        {
            "caller": ctx.name(t["caller"]) if t["caller"] is not None else "–",
            "actor": ctx.name(t["source"]),
            "other": ctx.name(t["target"]),
            "last_contact": ctx.format_day(t["last_contact"]),
            "contact_kind": ctx.t(f"contacts.kind.{t['contact_kind']}"),
            "reasons": "; ".join(ctx.t(f"contacts.reason.{r}") for r in t["reasons"]),
        }
        for t in result["ties"]
    ]
    columns = ["caller", "actor", "other", "last_contact", "contact_kind", "reasons"]
    headers = column_headers(
        ctx.lang, columns, {"other": ctx.t("col.target"), "actor": ctx.t("col.source")}
    )
    return Table(
        ctx.t("contacts.calls_title"),
        columns,
        headers,
        rows,
        csv="dormant_ties.csv",
        limit=LISTED,
    )
