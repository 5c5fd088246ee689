"""What `netzwerk brokers`, `dependency` and `keyplayers` share: how betweenness is
sampled (its options are in `netzwerk.cli.arguments`), persons pseudonymised, and the
results printed.

Every printout says which network view it shows (the ``# Sicht: …`` line before a table,
on stderr before CSV, a ``view`` key in JSON; `netzwerk.cli.output.Printout`) and how it
was computed (betweenness sampling, ...): a second ``#`` line, an ``options`` key in JSON.
Tables, CSV and xlsx show column titles and vocabulary labels (sectors) in ``lang``; JSON
keeps the machine keys.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from netzwerk.analysis.brokers import ERROR_COLUMN, SAMPLED_COLUMNS, TABLE_COLUMNS
from netzwerk.cli.common import pseudonymise_records
from netzwerk.cli.output import Printout, Section
from netzwerk.present.labels import capitalised, group_label
from netzwerk.present.method_line import successor_sources_lines
from netzwerk.present.names import display_names
from netzwerk.present.texts import text

DEPENDENCY_SUMMARY = (
    "coordinators",
    "actors",
    "connected_pairs_before",
    "connected_pairs_after",
    "connected_pairs_lost",
    "fragmentation_before",
    "fragmentation_after",
    "betweenness_share",
)
SUCCESSOR_COLUMNS = ["id", "name", "group", "betweenness_before", "betweenness_after", "gain"]


def betweenness_sources(view: nx.Graph, k_sample: int | None, exact: bool) -> int | None:
    """How many sources betweenness uses: all with --exact, else --sample (None: default)."""
    return max(len(view), 2) if exact else k_sample


def shown(records: list[dict], view: nx.Graph, show_names: bool) -> list[dict]:
    """``name`` and ``id`` of natural persons → pseudonym, unless --names and consent."""
    names = display_names(view, show_names)
    named = [{**record, "name": names.get(record["id"], record["name"])} for record in records]
    return pseudonymise_records(named, view, ["id"], show_names)


def summary_cell(value: Any) -> Any:
    """Lists and pairs as text for table and CSV cells."""
    if isinstance(value, list):
        return "; ".join(
            " – ".join(map(_text, v)) if isinstance(v, list) else _text(v) for v in value
        )
    if value is None:
        return "–"
    if isinstance(value, float):
        return round(value, 6)
    return value


def _text(value: Hashable) -> str:
    return "–" if value is None else str(value)


def labelled(rows: list[dict], field: str, by: str, lang: str) -> list[dict]:
    """``rows`` with the group key in ``field`` replaced by its label in ``lang``."""
    return [
        {**row, field: capitalised(group_label(by, row[field], lang)) if row.get(field) else "–"}
        for row in rows
    ]


# Options the view line already says (`netzwerk.present.view_line`): not repeated in the
# ``#`` options line (JSON keeps them in ``options``).
VIEW_KEYS = frozenset({"tie_kinds", "shared", "as_of", "weighted", "by", "betweenness_weighted"})

ShownView = tuple[str, dict]
"""The view line and the JSON ``view`` key (`netzwerk.cli.common.shown_view`)."""


def option_cells(options: dict) -> dict:
    """The options the ``#`` method line shows: those the view line does not say."""
    return {key: value for key, value in options.items() if key not in VIEW_KEYS}


def brokers_printout(
    rows: list[dict], options: dict, seen: ShownView, lang: str = "de"
) -> Printout:
    """One row per actor (the broker table's columns; sectors as labels in ``lang``; the
    95 % error of betweenness after it when betweenness was estimated)."""
    line, view = seen
    columns = SAMPLED_COLUMNS if rows and ERROR_COLUMN in rows[0] else TABLE_COLUMNS
    return Printout(
        {"view": view, "options": options, "rows": rows},
        [Section(labelled(rows, "sector", "sector", lang), columns)],
        option_cells(options),
        view_line=line,
    )


def dependency_printout(
    result: dict,
    view: nx.Graph,
    options: dict,
    show_names: bool,
    seen: ShownView,
    lang: str = "de",
) -> Printout:
    """The summary, the pairs of groups left without any path, the successors; in JSON
    one object. Actor ids and names as output may show them."""
    coordinators = shown([{"id": c, "name": ""} for c in result["coordinators"]], view, show_names)
    shown_ids = {c: row["id"] for c, row in zip(result["coordinators"], coordinators, strict=True)}
    result = {
        **result,
        "coordinators": list(shown_ids.values()),
        "betweenness_share_by_coordinator": {
            shown_ids[c]: share for c, share in result["betweenness_share_by_coordinator"].items()
        },
        "successors": shown(result["successors"], view, show_names),
        "cut_off": [
            row["id"]
            for row in shown([{"id": a, "name": ""} for a in result["cut_off"]], view, show_names)
        ],
    }
    by = result.get("by", "sector")
    summary = [
        {"measure": text(f"measure.{key}", lang), "value": summary_cell(result[key])}
        for key in DEPENDENCY_SUMMARY
    ]
    pairs = [
        {"group_a": group_label(by, a, lang), "group_b": group_label(by, b, lang)}
        for a, b in result["group_pairs_lost"]
    ]
    heading = "cli.dependency.{}".format
    sections = [
        Section(summary, ["measure", "value"], heading=text(heading("summary"), lang)),
        Section(pairs, ["group_a", "group_b"], heading=text(heading("pairs"), lang)),
        Section(
            labelled(result["successors"], "group", by, lang),
            SUCCESSOR_COLUMNS,
            heading=text(heading("successors"), lang),
        ),
    ]
    return Printout(
        {"view": seen[1], "options": options, **result},
        sections,
        option_cells(options),
        view_line=seen[0],
        notes=successor_sources_lines(
            result["successor_sources"], options["betweenness_sources"], lang
        ),
    )


def keyplayers_printout(
    result: dict,
    view: nx.Graph,
    options: dict,
    show_names: bool,
    seen: ShownView,
    lang: str = "de",
) -> Printout:
    """The set's figures once (the measure with the whole set lost), then one row per key
    player with its own contribution: ``<measure>_alone`` (only this actor lost) and
    ``<measure>_share`` (what the set's figure loses if this actor stays), see
    `analysis.keyplayers.member_contributions`. In JSON: ``set`` and ``players``."""
    measure = options["measure"]
    players = shown(
        [
            {
                "id": node,
                "name": view.nodes[node].get("name", str(node)),
                "sector": view.nodes[node].get("sector"),
            }
            for node in result["players"]
        ],
        view,
        show_names,
    )
    members = [
        {**player, **own} for player, own in zip(players, result["contributions"], strict=True)
    ]
    alone, share = f"{measure}_alone", f"{measure}_share"
    rows = [{**member, alone: member["alone"], share: member["share"]} for member in members]
    the_set = {
        "measure": measure,
        "k": result["k"],
        "before": result["before"],
        "after": result["after"],
    }
    summary = [
        {
            "measure": text(f"measure.{measure}_before", lang),
            "value": summary_cell(result["before"]),
        },
        {
            "measure": text(f"measure.{measure}_after_set", lang),
            "value": summary_cell(result["after"]),
        },
    ]
    data = {"view": seen[1], "options": options, "set": the_set, "players": members}
    sections = [
        Section(summary, ["measure", "value"], formats=("table",)),
        Section(labelled(rows, "sector", "sector", lang), ["id", "name", "sector", alone, share]),
    ]
    return Printout(data, sections, option_cells(options), view_line=seen[0])
