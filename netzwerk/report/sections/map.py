"""The network map section: the figure, the strongest brokers and the cut points."""

from __future__ import annotations

from netzwerk.present.formats import format_number, join_names
from netzwerk.report.figures import groups as groups_figure
from netzwerk.report.sections.context import Context
from netzwerk.report.sections.parts import Section


def map_section(ctx: Context) -> Section:
    """The network map with the brokers it marks (besides the coordinators) and the cut
    points named."""
    results = ctx.results
    grouped = groups_figure.shows_groups(len(ctx.view))
    lead = (
        ctx.t("map.grouped_lead", actors=format_number(len(ctx.view), ctx.lang))
        if grouped
        else ctx.t("map.lead")
    )
    section = Section("map", ctx.t("section.map"), lead=lead)
    if results.map_figure is not None:
        section.figures.append(results.map_figure)
    others = [b for b in results.map_brokers if b not in ctx.coordinators]
    section.findings.append(
        ctx.t("brokers.top_other", names=join_names([ctx.name(b) for b in others], ctx.lang))
    )
    section.findings.append(
        ctx.t(
            "brokers.cut_points",
            names=join_names([ctx.name(c) for c in results.cut_points], ctx.lang, limit=10),
        )
    )
    method = (
        ctx.t("map.grouped_method", limit=format_number(groups_figure.GROUP_MAP_FROM, ctx.lang))
        if grouped
        else ctx.t("map.method")
    )
    if results.map_page is not None:
        section.findings.append(ctx.t("karte.report_link"))
    elif results.map_note:
        section.findings.append(results.map_note)
    section.method = [ctx.view_line(), method]
    return section
