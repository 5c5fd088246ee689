"""The gaps section: which sectors work together less than their size would suggest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import format_number, join_names
from netzwerk.present.labels import sector_label
from netzwerk.report.sections.context import Context, column_headers, rounded
from netzwerk.report.sections.parts import Section, Table

MISSING_COLUMNS = ["sector_a", "sector_b", "actors_a", "actors_b", "expected"]
MIXING_COLUMNS = ["sector_a", "sector_b", "observed", "expected", "ratio"]


def gaps_section(ctx: Context) -> Section:
    """The mixing heatmap, the sector pairs without any tie, the E-I index, assortativity
    and communities; the whole mixing matrix as CSV."""
    gaps = ctx.results.gaps
    section = Section("gaps", ctx.t("section.gaps"), lead=ctx.t("gaps.lead"))
    if ctx.results.mixing_figure is not None:
        section.figures.append(ctx.results.mixing_figure)
    section.findings += _findings(ctx, gaps)
    section.tables += [_missing_table(ctx, gaps), _mixing_table(ctx, gaps)]
    section.method = [
        ctx.view_line(),
        ctx.t("gaps.method", permutations=ctx.results.permutations, seed=ctx.results.seed),
    ]
    return section


def _findings(ctx: Context, gaps: Mapping[str, Any]) -> list[str]:
    lang = ctx.lang
    findings = []
    missing = gaps.get("missing_pairs") or []
    if missing:
        pairs = [
            f"{sector_label(p['groups'][0], lang)} – {sector_label(p['groups'][1], lang)}"
            for p in missing[:3]
        ]
        findings.append(ctx.t("gaps.missing", n=len(missing), pairs=join_names(pairs, lang)))
    if gaps.get("ei_index") is not None:
        p_value = gaps.get("ei_p_value")
        findings.append(
            ctx.t(
                "gaps.ei",
                ei=format_number(gaps["ei_index"], lang),
                p=ctx.t("gaps.ei_p", p=format_number(p_value, lang, 3))
                if p_value is not None
                else "",
            )
        )
    r = gaps.get("assortativity")
    if r is not None:
        meaning = (
            "gaps.assortative" if r > 0.1 else "gaps.disassortative" if r < -0.1 else "gaps.neutral"
        )
        findings.append(
            ctx.t("gaps.assortativity", r=format_number(r, lang), meaning=ctx.t(meaning))
        )
    communities = gaps.get("communities") or []
    if communities:
        findings.append(
            ctx.t(
                "gaps.communities", n=len(communities), holes=len(gaps.get("community_holes") or [])
            )
        )
    return findings


def _missing_table(ctx: Context, gaps: Mapping[str, Any]) -> Table:
    """The sector pairs without a tie although chance would give them some."""
    lang = ctx.lang
    actors = {g["group"]: g["actors"] for g in gaps.get("groups", []) if isinstance(g, dict)}
    rows = [
        {
            "sector_a": sector_label(p["groups"][0], lang),
            "sector_b": sector_label(p["groups"][1], lang),
            "actors_a": actors.get(p["groups"][0]),
            "actors_b": actors.get(p["groups"][1]),
            "expected": rounded(p["expected"], 2),
        }
        for p in gaps.get("missing_pairs") or []
    ]
    return Table(
        ctx.t("gaps.missing_title"),
        MISSING_COLUMNS,
        column_headers(lang, MISSING_COLUMNS),
        rows,
        csv="missing_pairs.csv",
        limit=10,
        numeric=frozenset(MISSING_COLUMNS[2:]),
        digits={"expected": 1},
    )


def _mixing_table(ctx: Context, gaps: Mapping[str, Any]) -> Table:
    """Observed and expected ties for every pair of sectors (CSV only; the figure shows it)."""
    groups = list(gaps["observed"])
    rows = [
        {
            "sector_a": sector_label(g, ctx.lang),
            "sector_b": sector_label(h, ctx.lang),
            "observed": gaps["observed"][g][h],
            "expected": rounded(gaps["expected"][g][h], 3),
            "ratio": rounded(gaps["ratio"][g][h], 3),
        }
        for i, g in enumerate(groups)
        for h in groups[i:]
    ]
    return Table(
        ctx.t("gaps.title"),
        MIXING_COLUMNS,
        column_headers(ctx.lang, MIXING_COLUMNS),
        rows,
        csv="mixing.csv",
        limit=0,
    )
