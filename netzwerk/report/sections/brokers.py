"""The brokers section: who connects whom, in which roles, and where the network breaks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from netzwerk.analysis.keyplayers import RESTARTS
from netzwerk.present.formats import format_share, join_names
from netzwerk.present.texts import text
from netzwerk.report.sections.context import Context, column_headers, rounded
from netzwerk.report.sections.parts import Section, Table

RANKED = 10
"""How many top ranks the report says are (or are not) surely in the right order."""
ERROR = "betweenness_error_95"
"""The 95 % error a row of estimated betweenness carries (`netzwerk.analysis.brokers`)."""
ROLE_SHARE = 0.2
"""A role is named for an actor if it makes up at least this share of its brokerage."""

ROLES = ("liaison", "gatekeeper", "representative", "itinerant", "coordinator")
"""The Gould–Fernandez brokerage roles, in the order of the table columns."""

SHOWN_COLUMNS = [
    "rank",
    "actor",
    "sector",
    "roles",
    "betweenness",
    "constraint",
    "brokerage_total",
    "cut_point",
]
CSV_COLUMNS = [
    "rank",
    "id",
    "actor",
    "sector",
    "roles",
    "betweenness",
    "constraint",
    "effective_size",
    "efficiency",
    "hierarchy",
    *ROLES,
    "brokerage_total",
    "cut_point",
]
DIGITS = {"betweenness": 3, "constraint": 3, "effective_size": 1, "efficiency": 2, "hierarchy": 2}
NUMERIC = frozenset({"rank", *DIGITS, *ROLES, "brokerage_total"})


def role_words(row: Mapping[str, Any], lang: str = "de", limit: int = 2) -> str:
    """The actor's main brokerage roles in plain words, strongest first.

    In an undirected view gatekeeper and representative counts are equal by definition;
    they are then named together.

    >>> role_words({"liaison": 8, "itinerant": 1, "gatekeeper": 3, "representative": 3,
    ...             "coordinator": 0}, "de")
    'Brückenbauer, Türöffner/Vertreter'
    >>> role_words({"liaison": 0, "itinerant": 0, "gatekeeper": 0, "representative": 0,
    ...             "coordinator": 0}, "en")
    'no broker role'
    """
    counts = {
        key: int(row.get(key) or 0)
        for key in ("liaison", "itinerant", "coordinator", "gatekeeper", "representative")
    }
    if counts["gatekeeper"] == counts["representative"]:
        counts["gatekeeper_representative"] = counts.pop("gatekeeper") + counts.pop(
            "representative"
        )
    total = sum(counts.values())
    if not total:
        return text("role.none", lang)
    ranked = sorted(
        ((n, key) for key, n in counts.items() if n >= ROLE_SHARE * total),
        key=lambda item: (-item[0], item[1]),
    )[:limit]
    return ", ".join(text(f"role.{key}", lang) for _, key in ranked)


def brokers_section(ctx: Context, top: int = 12) -> Section:
    """The ``top`` brokers shown (all in ``brokers.csv``), with the roles explained."""
    rows = ctx.results.brokers
    estimated = bool(rows) and ERROR in rows[0]
    shown_columns = _with_error(SHOWN_COLUMNS) if estimated else SHOWN_COLUMNS
    csv_columns = _with_error(CSV_COLUMNS) if estimated else CSV_COLUMNS
    section = Section(
        "brokers", ctx.t("section.brokers"), lead=ctx.t("brokers.lead", n=min(top, len(rows)))
    )
    section.findings += _findings(ctx, rows)
    section.tables.append(
        Table(
            ctx.t("section.brokers"),
            shown_columns,
            column_headers(ctx.lang, csv_columns),
            [_table_row(ctx, rank, row) for rank, row in enumerate(rows, start=1)],
            csv="brokers.csv",
            csv_columns=csv_columns,
            limit=top,
            digits={**DIGITS, ERROR: 3} if estimated else DIGITS,
            numeric=NUMERIC | {ERROR} if estimated else NUMERIC,
        )
    )
    roles = ["liaison", "gatekeeper_representative", "itinerant", "coordinator"]
    section.glossary = [(ctx.t(f"role.{r}"), ctx.t(f"role_help.{r}")) for r in roles]
    section.glossary.append((ctx.t("col.cut_point"), ctx.t("role_help.cut_point")))
    section.method = [ctx.view_line(), ctx.t("brokers.method", by=ctx.t("col.sector"))]
    return section


def _with_error(columns: list[str]) -> list[str]:
    """``columns`` with the 95 % error right after betweenness."""
    at = columns.index("betweenness") + 1
    return [*columns[:at], ERROR, *columns[at:]]


def _findings(ctx: Context, rows: list[dict[str, Any]]) -> list[str]:
    """The strongest broker, the other brokers, the cut points and the key players."""
    findings = []
    if rows and rows[0]["betweenness"]:
        findings.append(
            ctx.t(
                "brokers.top",
                name=ctx.name(rows[0]["id"]),
                share=format_share(rows[0]["betweenness"], ctx.lang),
            )
        )
    if rows and ERROR in rows[0]:
        findings.append(_ranking_words(ctx, rows))
    others = [r["id"] for r in rows if r["id"] not in ctx.coordinators and r["betweenness"]][:4]
    findings.append(
        ctx.t("brokers.top_other", names=join_names([ctx.name(a) for a in others], ctx.lang))
    )
    cuts = [r["id"] for r in rows if r["cut_point"]]
    findings.append(
        ctx.t("brokers.cut_points", names=join_names([ctx.name(a) for a in cuts], ctx.lang, 10))
    )
    players = ctx.results.key_players
    if players and players.get("players"):
        findings.append(
            ctx.t(
                "brokers.key_players",
                k=len(players["players"]),
                names=join_names([ctx.name(a) for a in players["players"]], ctx.lang),
            )
        )
        if players["restarts"] == 0:  # the report cut the search on a huge network
            findings.append(ctx.t("brokers.key_players_greedy_only", usual=RESTARTS))
        elif players["restarts"] < RESTARTS:
            findings.append(
                ctx.t("brokers.key_players_shortened", starts=players["restarts"], usual=RESTARTS)
            )
    return findings


def sure_ranks(rows: Sequence[Mapping[str, Any]], limit: int = RANKED) -> int:
    """How many of the first ``limit`` ranks are sure at 95 %: rank i counts (with all
    before it) if its interval betweenness ± error lies wholly above the intervals of every
    later row.

    >>> sure_ranks([{"betweenness": 0.5, ERROR: 0.1}, {"betweenness": 0.3, ERROR: 0.05},
    ...             {"betweenness": 0.25, ERROR: 0.05}])
    1
    """
    highest_below = float("-inf")
    above = []
    for row in reversed(rows):
        above.append(row["betweenness"] - row[ERROR] > highest_below)
        highest_below = max(highest_below, row["betweenness"] + row[ERROR])
    above.reverse()
    sure = 0
    while sure < min(limit, len(rows)) and above[sure]:
        sure += 1
    return sure


def _ranking_words(ctx: Context, rows: list[dict[str, Any]]) -> str:
    """How sure the order of the first `RANKED` brokers is, in words."""
    shown = min(RANKED, len(rows))
    sure = sure_ranks(rows, shown)
    if sure >= shown:
        return ctx.t("brokers.ranking_sure", n=shown)
    if sure == 0:
        return ctx.t("brokers.ranking_unsure", n=shown)
    if sure == 1:
        return ctx.t("brokers.ranking_first")
    return ctx.t("brokers.ranking_partly", sure=sure, next=sure + 1)


def _table_row(ctx: Context, rank: int, row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "rank": rank,
        "id": ctx.shown_id(row["id"]),
        "actor": ctx.name(row["id"]),
        "sector": ctx.sector(row["id"]),
        "roles": role_words(row, ctx.lang),
        "betweenness": rounded(row["betweenness"]),
        "constraint": rounded(row["constraint"]),
        "effective_size": rounded(row["effective_size"], 2),
        "efficiency": rounded(row["efficiency"]),
        "hierarchy": rounded(row["hierarchy"]),
        **{role: row[role] for role in ROLES},
        "brokerage_total": row["brokerage_total"],
        "cut_point": ctx.t("report.yes") if row["cut_point"] else "",
        **({ERROR: rounded(row[ERROR])} if ERROR in row else {}),
    }
