"""Contested ties as a person reads them (`netzwerk.model.statements`): for each tie, every
source's statement with its date, the one that holds first. Used by ``ingest`` (the ties a
load touched) and ``status`` (every contested tie); persons as output may show them.

A statement shows the tie's periods, and strength, role, note and last contact where the
statements differ in them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx

from netzwerk.model import TIE_KINDS, Tie
from netzwerk.model.statements import Statement, holding
from netzwerk.present.formats import format_cell
from netzwerk.present.names import ActorNames
from netzwerk.present.texts import text
from netzwerk.store.merging import node_ref

LISTED = 20
"""Contested ties shown; the rest are counted."""
_DETAILS = ("weight", "role", "note", "last_contact")


def conflict_rows(
    contested: Mapping[str, Sequence[Statement]],
    store_graph: nx.MultiDiGraph,
    lang: str = "de",
    show_names: bool = False,
) -> list[dict[str, Any]]:
    """One row per statement of every contested tie (tie key → its statements), the one
    that holds first: ``tie`` (ends and kind as shown), ``source``, ``stated`` (a date),
    ``holds`` (bool) and ``says`` (periods, and the details the statements differ in)."""
    names = ActorNames(store_graph, show_names)
    rows = []
    for key in sorted(contested):
        statements = contested[key]
        holds = holding(statements)
        tie = holds.tie
        ends = " – ".join(
            _node(names, store_graph, ref.graph_key) for ref in (tie.source, tie.target)
        )
        shown = f"{ends} ({TIE_KINDS.label(tie.kind, lang)})"
        differing = [f for f in _DETAILS if len({getattr(s.tie, f) for s in statements}) > 1]
        for statement in sorted(statements, key=lambda s: s is not holds):
            rows.append(
                {
                    "tie": shown,
                    "source": statement.source,
                    "stated": statement.stated,
                    "holds": statement is holds,
                    "says": _describe(statement.tie, differing, lang),
                }
            )
    return rows


def conflict_lines(
    contested: Mapping[str, Sequence[Statement]],
    store_graph: nx.MultiDiGraph,
    lang: str = "de",
    show_names: bool = False,
    listed: int = LISTED,
) -> list[str]:
    """Lines to print for ``contested`` (tie key → its statements); [] if none."""
    if not contested:
        return []
    lines = [text("conflict.heading", lang, n=len(contested))]
    shown_ties: list[str] = []
    for row in conflict_rows(contested, store_graph, lang, show_names):
        if row["tie"] not in shown_ties:
            shown_ties.append(row["tie"])
            if len(shown_ties) > listed:
                break
            lines.append(f"  ≠ {row['tie']}")
        mark = text("conflict.holds" if row["holds"] else "conflict.overruled", lang)
        lines.append(
            f"      {mark + ':':<10}{row['source']} ({format_cell(row['stated'], lang)}): {row['says']}"
        )
    if len(contested) > listed:
        lines.append("  " + text("diff.more", lang, n=len(contested) - listed))
    return lines


def _node(names: ActorNames, graph: nx.MultiDiGraph, key: str) -> str:
    if node_ref(key).kind == "actor" and names.knows(key):
        return names.name(key)
    return str(graph.nodes[key].get("name", key)) if key in graph else key


def _describe(tie: Tie, details: Sequence[str], lang: str) -> str:
    periods = tie.periods or ((tie.since, tie.until),)
    parts = [
        ", ".join(
            f"{format_cell(since, lang) or '…'}–{format_cell(until, lang) or '…'}"
            for since, until in periods
        )
    ]
    for field in details:
        value = getattr(tie, field)
        shown = f"{value:g}" if isinstance(value, float) else format_cell(value, lang) or "–"
        parts.append(f"{text(f'diff.field.{field}', lang)} {shown}")
    return "; ".join(parts)
