"""The dependency section: what the network would lose without its coordinators."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from netzwerk.present.formats import format_number, format_share, join_names
from netzwerk.present.labels import sector_label
from netzwerk.present.method_line import successor_sources_lines
from netzwerk.report.sections.context import Context, column_headers, rounded
from netzwerk.report.sections.parts import Section, Table


def dependency_section(ctx: Context) -> Section:
    """How much of the network runs through the coordinators, who would be cut off without
    them and who could take over (or a note that there is nothing to measure)."""
    section = Section("dependency", ctx.t("section.dependency"))
    result = ctx.results.dependency
    if not result:
        section.lead = ctx.t("dependency.none")
        section.method = [ctx.view_line()]
        return section
    names = join_names([ctx.name(c) for c in result["coordinators"]], ctx.lang)
    section.lead = ctx.t("dependency.lead", coordinators=names)
    section.findings += _findings(ctx, result, names, ctx.results.cut_off)
    if ctx.results.dependency_figure is not None:
        section.figures.append(ctx.results.dependency_figure)
    section.tables += [
        _measures_table(ctx, result),
        _successors_table(ctx, result),
        _cut_off_table(ctx, ctx.results.cut_off),
    ]
    section.method = [ctx.view_line(), ctx.t("dependency.method", coordinators=names)]
    return section


def _findings(
    ctx: Context, result: Mapping[str, Any], names: str, cut_off: Sequence[Hashable]
) -> list[str]:
    lang = ctx.lang
    findings = [
        ctx.t(
            "dependency.share", names=names, share=format_share(result["betweenness_share"], lang)
        ),
        ctx.t(
            "dependency.pairs",
            before=format_number(result["connected_pairs_before"], lang),
            after=format_number(result["connected_pairs_after"], lang),
            lost=format_number(result["connected_pairs_lost"], lang),
        ),
        ctx.t("dependency.cut_off", n=len(cut_off)),
    ]
    if result.get("group_pairs_lost"):
        pairs = [
            f"{sector_label(g, lang)} – {sector_label(h, lang)}"
            for g, h in result["group_pairs_lost"]
        ]
        findings.append(ctx.t("dependency.group_pairs_lost", pairs=join_names(pairs, lang)))
    if result.get("successors"):
        findings.append(
            ctx.t(
                "dependency.successors",
                names=join_names([ctx.name(s["id"]) for s in result["successors"][:3]], lang),
            )
        )
    findings += successor_sources_lines(  # a very large network: fewer sources
        result["successor_sources"], result["betweenness"]["betweenness_sources"], lang
    )
    return findings


def _measures_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    """Connected pairs, fragmentation and components with and without the coordinators."""
    components = ctx.results.components
    measures = [
        ("connected_pairs", result["connected_pairs_before"], result["connected_pairs_after"]),
        (
            "fragmentation",
            rounded(result["fragmentation_before"], 3),
            rounded(result["fragmentation_after"], 3),
        ),
        ("n_components", components[0], components[1]),
    ]
    rows = [
        {"measure": ctx.t(f"dependency.{key}"), "before": before, "after": after}
        for key, before, after in measures
    ]
    headers = {
        "measure": ctx.t("dependency.measure"),
        "before": ctx.t("dependency.before"),
        "after": ctx.t("dependency.after"),
    }
    return Table(
        ctx.t("dependency.title"),
        ["measure", "before", "after"],
        headers,
        rows,
        csv="dependency.csv",
        numeric=frozenset({"before", "after"}),
        digits={"before": 3, "after": 3},
    )


def _successors_table(ctx: Context, result: Mapping[str, Any]) -> Table:
    """Who would gain most betweenness without the coordinators."""
    rows = [
        {
            "actor": ctx.name(s["id"]),
            "id": ctx.shown_id(s["id"]),
            "sector": ctx.sector(s["id"]),
            "betweenness_before": rounded(s["betweenness_before"]),
            "betweenness_after": rounded(s["betweenness_after"]),
            "gain": rounded(s["gain"]),
        }
        for s in result.get("successors", [])
    ]
    columns = ["actor", "sector", "betweenness_before", "betweenness_after", "gain"]
    return Table(
        ctx.t("dependency.successors_title"),
        columns,
        column_headers(ctx.lang, columns),
        rows,
        csv="successors.csv",
        limit=8,
        numeric=frozenset(columns[2:]),
        digits={c: 3 for c in columns[2:]},
    )


def _cut_off_table(ctx: Context, cut_off: Sequence[Hashable]) -> Table:
    """The actors who would lose every path to the rest without the coordinators."""
    rows = [
        {
            "actor": ctx.name(a),
            "id": ctx.shown_id(a),
            "sector": ctx.sector(a),
            "type": ctx.actor_type(a),
        }
        for a in cut_off
    ]
    rows.sort(key=lambda r: (r["sector"], r["actor"]))
    return Table(
        ctx.t("dependency.cut_off_title"),
        ["actor", "type", "sector"],
        column_headers(ctx.lang, ["actor", "type", "sector"]),
        rows,
        csv="cut_off_without_qm.csv",
    )
