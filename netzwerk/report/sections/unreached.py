"""The unreached section: actors without ties, tied only to the coordinators, or to one."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from netzwerk.report.sections.context import Context, column_headers
from netzwerk.report.sections.parts import Section, Table

SHOWN_COLUMNS = ["actor", "type", "sector", "status", "partners"]
CSV_COLUMNS = ["id", *SHOWN_COLUMNS]


def unreached_actors(gaps: Mapping[str, Any]) -> list[Hashable]:
    """The actors the unreached section lists, in its order: isolates, actors reached only
    through the coordinators, actors with a single partner (from `gaps_report`)."""
    return [
        *(gaps.get("isolates") or []),
        *(item["actor"] for item in gaps.get("coordinator_only") or []),
        *(p["actor"] for p in gaps.get("peripheral") or [] if p.get("degree") == 1),
    ]


def unreached_section(ctx: Context) -> Section:
    """Isolates, actors reached only through the coordinators and actors with a single
    partner, counted and listed (also in ``unreached.csv``)."""
    gaps = ctx.results.gaps
    isolates = list(gaps.get("isolates") or [])
    coordinator_only = list(gaps.get("coordinator_only") or [])
    single = [p for p in gaps.get("peripheral") or [] if p.get("degree") == 1]
    section = Section("unreached", ctx.t("section.unreached"), lead=ctx.t("unreached.lead"))
    section.findings.append(
        ctx.t(
            "unreached.counts",
            isolates=len(isolates),
            coordinator_only=len(coordinator_only),
            single=len(single),
        )
    )
    rows = [_table_row(ctx, actor, "isolate", []) for actor in isolates]
    rows += [
        _table_row(
            ctx, item["actor"], "coordinator_only", item.get("coordinators") or ctx.coordinators
        )
        for item in coordinator_only
    ]
    rows += [
        _table_row(ctx, item["actor"], "single", item.get("partners") or []) for item in single
    ]
    section.tables.append(
        Table(
            ctx.t("section.unreached"),
            SHOWN_COLUMNS,
            column_headers(ctx.lang, CSV_COLUMNS),
            rows,
            csv="unreached.csv",
            csv_columns=CSV_COLUMNS,
        )
    )
    section.method = [ctx.view_line(), ctx.t("unreached.method")]
    return section


def _table_row(
    ctx: Context, actor: Hashable, status: str, partners: Sequence[Hashable]
) -> dict[str, Any]:
    return {
        "actor": ctx.name(actor),
        "id": ctx.shown_id(actor),
        "type": ctx.actor_type(actor),
        "sector": ctx.sector(actor),
        "status": ctx.t(f"unreached.{status}"),
        "partners": ", ".join(ctx.name(p) for p in partners) or "–",
    }
