"""What `netzwerk brokers`, `dependency` and `keyplayers` share: how betweenness is
sampled (its options are in `netzwerk.cli.arguments`), persons pseudonymised, and the
results printed.

Every printout shows how it was computed (view options, weighting, betweenness
sampling): a ``#`` line before a table, on stderr for CSV, an ``options`` key in JSON.
Tables, CSV and xlsx show column titles and vocabulary labels (sectors) in ``lang``; JSON
keeps the machine keys.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import networkx as nx

from netzwerk.analysis.brokers import TABLE_COLUMNS
from netzwerk.cli.common import pseudonymise_records
from netzwerk.cli.output import Printout, Section
from netzwerk.present.labels import capitalised, group_label
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


def _cell(value: Any) -> Any:
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


def _labelled(rows: list[dict], field: str, by: str, lang: str) -> list[dict]:
    """``rows`` with the group key in ``field`` replaced by its label in ``lang``."""
    return [
        {**row, field: capitalised(group_label(by, row[field], lang)) if row.get(field) else "–"}
        for row in rows
    ]


def _option_cells(options: dict) -> dict:
    return {key: _cell(value) for key, value in options.items()}


def brokers_printout(rows: list[dict], options: dict, lang: str = "de") -> Printout:
    """One row per actor (the broker table's columns; sectors as labels in ``lang``)."""
    shown_rows = _labelled(rows, "sector", "sector", lang)
    return Printout(
        {"options": options, "rows": rows},
        [Section(shown_rows, TABLE_COLUMNS)],
        _option_cells(options),
    )


def dependency_printout(
    result: dict, view: nx.Graph, options: dict, show_names: bool, lang: str = "de"
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
        {"measure": text(f"measure.{key}", lang), "value": _cell(result[key])}
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
            _labelled(result["successors"], "group", by, lang),
            SUCCESSOR_COLUMNS,
            heading=text(heading("successors"), lang),
        ),
    ]
    return Printout({"options": options, **result}, sections, _option_cells(options))


def keyplayers_printout(
    result: dict, view: nx.Graph, options: dict, show_names: bool, lang: str = "de"
) -> Printout:
    """The key players, each row with the measure before and after their loss."""
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
    before, after = f"{measure}_before", f"{measure}_after"
    rows = [{**player, before: result["before"], after: result["after"]} for player in players]
    data = {
        "options": options,
        "before": result["before"],
        "after": result["after"],
        "players": players,
    }
    columns = ["id", "name", "sector", before, after]
    rows = _labelled(rows, "sector", "sector", lang)
    return Printout(data, [Section(rows, columns)], _option_cells(options))
