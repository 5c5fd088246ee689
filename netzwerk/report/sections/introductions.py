"""The introductions section: pairs of actors worth introducing to each other, and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.analysis.introductions.candidates import topic_names
from netzwerk.present.introductions import introduction_texts
from netzwerk.report.sections.context import Context, column_headers, rounded
from netzwerk.report.sections.parts import Section, Table

SHOWN_COLUMNS = ["rank", "pair_a", "pair_b", "reasons", "introducer"]
CSV_COLUMNS = [
    "rank",
    "a_id",
    "a",
    "a_sector",
    "b_id",
    "b",
    "b_sector",
    "score",
    "reasons",
    "introducer",
]


def introductions_section(ctx: Context) -> Section:
    """The suggested introductions (on the ties of the gap analysis they cite), all of
    them shown and in ``introductions.csv``."""
    section = Section(
        "introductions", ctx.t("section.introductions"), lead=ctx.t("introductions.lead")
    )
    names = topic_names(ctx.store_graph)
    worded = [introduction_texts(item, ctx.lang, names) for item in ctx.results.introductions]
    rows = [_table_row(ctx, rank, item) for rank, item in enumerate(worded, start=1)]
    if not rows:
        section.paragraphs.append(ctx.t("introductions.none"))
    headers = column_headers(
        ctx.lang,
        CSV_COLUMNS,
        {
            "a_id": f"{ctx.t('col.a')} ({ctx.t('col.id')})",
            "b_id": f"{ctx.t('col.b')} ({ctx.t('col.id')})",
            "a_sector": f"{ctx.t('col.sector')} A",
            "b_sector": f"{ctx.t('col.sector')} B",
        },
    )
    headers.update(column_headers(ctx.lang, SHOWN_COLUMNS))
    section.tables.append(
        Table(
            ctx.t("section.introductions"),
            SHOWN_COLUMNS,
            headers,
            rows,
            csv="introductions.csv",
            csv_columns=CSV_COLUMNS,
            numeric=frozenset({"rank"}),
        )
    )
    section.method = [ctx.view_line(), ctx.t("introductions.method")]
    return section


def _table_row(ctx: Context, rank: int, item: Mapping[str, Any]) -> dict[str, Any]:
    reasons = item.get("reasons") or ""
    gap = item.get("gap_text") or ""
    return {
        "rank": rank,
        "a": ctx.name(item["a"]),
        "a_id": ctx.shown_id(item["a"]),
        "a_sector": ctx.sector(item["a"]),
        "b": ctx.name(item["b"]),
        "b_id": ctx.shown_id(item["b"]),
        "b_sector": ctx.sector(item["b"]),
        "reasons": (
            f"{reasons}. {ctx.t('introductions.gap', gap=gap)}".strip(". ") if gap else reasons
        ),
        "pair_a": f"{ctx.name(item['a'])} ({ctx.sector(item['a'])})",
        "pair_b": f"{ctx.name(item['b'])} ({ctx.sector(item['b'])})",
        "introducer": ctx.name(item["introducer"]) if item.get("introducer") else "–",
        "score": rounded(item.get("score"), 3),
    }
