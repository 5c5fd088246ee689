"""The figure lines of an actor's panel on the map: the report's broker table row, in
words and numbers formatted for the chosen language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import format_number
from netzwerk.present.labels import column_titles
from netzwerk.report.sections.brokers import ERROR, ROLES
from netzwerk.report.sections.context import Context

DIGITS = {"betweenness": 4, "constraint": 3, "effective_size": 1}
"""Decimals shown (the report's CSV has betweenness to 4 digits as well)."""


def node_facts(ctx: Context, row: Mapping[str, Any] | None, in_view: bool) -> list[list[str]]:
    """[label, value] lines for one actor: betweenness (with its 95 % error when it was
    estimated), constraint, effective size, the brokerage counts of the five roles and
    whether it is a cut-point; one line saying there are no figures when the actor is not
    in the view's network on its day (it appears only on other slider positions)."""
    lang = ctx.lang
    if row is None:
        key = "karte.not_in_view" if not in_view else "karte.no_figures"
        return [[ctx.t("karte.figures"), ctx.t(key, day=ctx.format_day(ctx.day))]]
    titles = column_titles([*DIGITS, *ROLES, "cut_point", ERROR], lang)
    betweenness = format_number(row.get("betweenness") or 0.0, lang, DIGITS["betweenness"])
    if row.get(ERROR) is not None:
        betweenness += " ± " + format_number(row[ERROR], lang, 3)
    lines = [[titles["betweenness"], betweenness]]
    for column in ("constraint", "effective_size"):
        value = row.get(column)
        lines.append([titles[column], format_number(value, lang, DIGITS[column])])
    for column in ROLES:
        lines.append([titles[column], format_number(int(row.get(column) or 0), lang)])
    cut = ctx.t("karte.cut_point_yes" if row.get("cut_point") else "karte.cut_point_no")
    lines.append([titles["cut_point"], cut])
    return lines
