"""The network map section: the figure, the strongest brokers and the cut points."""

from __future__ import annotations

from netzwerk.present.formats import join_names
from netzwerk.report.sections.context import Context
from netzwerk.report.sections.parts import Section


def map_section(ctx: Context) -> Section:
    """The network map with the brokers it marks (besides the coordinators) and the cut
    points named."""
    results = ctx.results
    section = Section("map", ctx.t("section.map"), lead=ctx.t("map.lead"))
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
    section.method = [ctx.view_line(), ctx.t("map.method")]
    return section
