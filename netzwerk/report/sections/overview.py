"""The overview section: what is in the data (counts, sources, dates) and the view shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from netzwerk.model import NODE_KINDS
from netzwerk.present.formats import format_number
from netzwerk.present.labels import capitalised
from netzwerk.present.sources import data_sources, source_phrase
from netzwerk.report.sections.context import Context
from netzwerk.report.sections.parts import Section, Table

COUNT_TABLES = (
    ("actor_types", "overview.by_type", "col.type"),
    ("sectors", "overview.by_sector", "col.sector"),
    ("ties", "overview.by_tie", "col.kind"),
    ("nodes", "overview.nodes", "col.kind"),
)
"""The count tables: key in the summary, title text, header text of the label column."""


def overview_section(ctx: Context) -> Section:
    """What is in the data: counts by kind, type, sector and tie kind; sources and dates."""
    summary = ctx.results.summary
    section = Section("overview", ctx.t("section.overview"), lead=_lead(ctx, summary))
    all_periods = ctx.network_view.as_of is None
    section.findings.append(
        ctx.t(
            "overview.view_all_periods" if all_periods else "overview.view",
            day=ctx.format_day(ctx.day),
            actors=format_number(ctx.view.number_of_nodes(), ctx.lang),
            ties=format_number(ctx.view.number_of_edges(), ctx.lang),
        )
    )
    section.paragraphs.append(_sources(ctx, ctx.results.ingest_log))
    section.tables += _count_tables(ctx, summary)
    section.method = [ctx.t("overview.method"), ctx.view_line()]
    return section


def _lead(ctx: Context, summary: Mapping) -> str:
    first = date.fromisoformat(summary["first_date"]) if summary.get("first_date") else None
    last = date.fromisoformat(summary["last_date"]) if summary.get("last_date") else None
    return ctx.t(
        "overview.lead",
        actors=format_number(
            summary["nodes"].get(NODE_KINDS.label("actor", ctx.lang), 0), ctx.lang
        ),
        persons=format_number(summary["persons"], ctx.lang),
        consent=format_number(summary["persons_with_consent"], ctx.lang),
        ties=format_number(sum(summary["ties"].values()), ctx.lang),
        first=ctx.format_day(first),
        last=ctx.format_day(last),
    )


def _sources(ctx: Context, ingest_log: Sequence[Mapping]) -> str:
    """One paragraph naming each ingested file once: when it was last read, how often."""
    sources = [source_phrase(s, ctx.lang, ctx.format_day) for s in data_sources(ingest_log)]
    return f"{ctx.t('overview.sources')}: " + (
        "; ".join(sources) if sources else ctx.t("overview.no_sources")
    )


def _count_tables(ctx: Context, summary: Mapping) -> list[Table]:
    """One small table per count (shown), plus all of them in one CSV (``overview.csv``)."""
    tables, long_rows = [], []
    for key, title_key, header in COUNT_TABLES:
        rows = [
            {"label": capitalised(str(label)), "count": n} for label, n in summary[key].items() if n
        ]
        title = ctx.t(title_key)
        tables.append(
            Table(
                title,
                ["label", "count"],
                {"label": ctx.t(header), "count": ctx.t("col.count")},
                rows,
                numeric=frozenset({"count"}),
            )
        )
        long_rows += [{"table": title, "label": r["label"], "count": r["count"]} for r in rows]
    tables.append(
        Table(
            ctx.t("section.overview"),
            ["table", "label", "count"],
            {
                "table": ctx.t("report.contents"),
                "label": ctx.t("col.entry"),
                "count": ctx.t("col.count"),
            },
            long_rows,
            csv="overview.csv",
            limit=0,
        )
    )
    return tables
