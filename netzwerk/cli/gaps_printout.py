"""How `netzwerk gaps` and `netzwerk suggest` print: the sections, headings and column
titles of the table output, the CSV and JSON shapes. Headings and cell texts (German next to
English) live in `netzwerk.present.texts.cli`."""

from __future__ import annotations

from typing import Any

from netzwerk.cli.output import Printout, Section
from netzwerk.cli.shown import Shown, relabel_report
from netzwerk.present.formats import format_cell
from netzwerk.present.texts import TEXTS, text

SUGGESTION_COLUMNS = ["a_name", "b_name", "score", "reasons", "introducer_name", "gap_text"]


def _headers(columns: list[str], lang: str) -> dict[str, str]:
    """Column titles from the texts ``cli.col.<column>`` (`netzwerk.present.texts.cli`)."""
    return {c: text(f"cli.col.{c}", lang) if f"cli.col.{c}" in TEXTS else c for c in columns}


def _number(value: float | None, lang: str) -> str:
    return "–" if value is None else format_cell(value, lang)


def _names(actors: list, shown: Shown) -> str:
    return ", ".join(str(shown.name(actor)) for actor in actors)


def mixing_records(report: dict, shown: Shown) -> list[dict]:
    """Long form of the mixing matrix, each pair of groups once (cells as
    `netzwerk.analysis.mixing.mixing` defines them: every tie counted once)."""
    keys = [g["group"] for g in report["groups"]]
    rows = [
        {
            "group_a": shown.group(g),
            "group_b": shown.group(h),
            "ties": report["observed"][g][h],
            "expected": round(report["expected"][g][h], 3),
            "ratio": report["ratio"][g][h],
        }
        for i, g in enumerate(keys)
        for h in keys[i:]
    ]
    rows.sort(key=lambda r: (r["ratio"] is None, r["ratio"] or 0, -r["expected"]))
    return rows


def _summary(report: dict, lang: str) -> list[dict]:
    test = report["ei_test"]
    detail = text(
        "cli.summary.test",
        lang,
        p=f"p = {_number(test['p_value'], lang)}",
        n=test["permutations"],
        seed=test["seed"],
    )
    return [
        {"": text("cli.summary.ei_index", lang), "value": report["ei_index"], "detail": detail},
        {
            "": text("cli.summary.assortativity", lang),
            "value": report["assortativity"],
            "detail": "",
        },
        {
            "": text("cli.summary.modularity", lang),
            "value": report["modularity"],
            "detail": report["community_method"],
        },
    ]


def _groups(report: dict, shown: Shown) -> list[dict]:
    keys = ("actors", "internal_ties", "external_ties", "ei_index")
    return [{"group": shown.group(g["group"]), **{k: g[k] for k in keys}} for g in report["groups"]]


def _missing(report: dict, shown: Shown) -> list[dict]:
    return [
        {
            "group_a": shown.group(p["groups"][0]),
            "group_b": shown.group(p["groups"][1]),
            "expected": p["expected"],
        }
        for p in report["missing_pairs"]
    ]


def _communities(report: dict, shown: Shown) -> list[dict]:
    def examples(members: list) -> list:
        return sorted(members, key=lambda m: (-shown.view.degree(m), str(m)))[:3]

    return [
        {
            "id": c["id"],
            "size": c["size"],
            "main_groups": ", ".join(
                f"{shown.group(g)} ({n})" for g, n in c["main_groups"].items()
            ),
            "examples": _names(examples(c["members"]), shown),
        }
        for c in report["communities"]
        if c["size"] > 1
    ]


def _holes(report: dict, shown: Shown, lang: str) -> list[dict]:
    return [
        {
            "communities": f"{h['communities'][0]} – {h['communities'][1]}",
            "sizes": f"{h['sizes'][0]} / {h['sizes'][1]}",
            "kind": text(f"cli.hole.{h['kind']}", lang),
            "ties": h["ties"],
            "through": _names(h["bridging_actors"], shown),
        }
        for h in report["community_holes"]
    ]


def _unreached(report: dict, shown: Shown, lang: str) -> list[dict]:
    def row(actor: Any, status: str, partners: list) -> dict:
        status_text = text(f"cli.status.{status}", lang)
        return {
            "actor": shown.name(actor),
            "status": status_text,
            "partners": _names(partners, shown),
        }

    return (
        [row(a, "isolate", []) for a in report["isolates"]]
        + [
            row(c["actor"], "coordinator_only", c["coordinators"])
            for c in report["coordinator_only"]
        ]
        + [row(p["actor"], "peripheral", p["partners"]) for p in report["peripheral"]]
    )


def gaps_printout(report: dict, shown: Shown, lang: str, seen: tuple[str, dict]) -> Printout:
    """The gap report: all sections as tables, the mixing table as CSV, everything as JSON
    (groups by label, persons pseudonymised); ``seen``: the view line and JSON ``view``."""
    silent = [
        {"topic": shown.group(t["group"], "topics"), "actors": t["actors"]}
        for t in report["silent_topics"]
    ]
    tables = {
        "summary": _summary(report, lang),
        "groups": _groups(report, shown),
        "mixing": mixing_records(report, shown),
        "missing": _missing(report, shown),
        "communities": _communities(report, shown),
        "holes": _holes(report, shown, lang),
        "unreached": _unreached(report, shown, lang),
        "silent": silent,
    }
    sections = [
        Section(
            records,
            heading=text(f"cli.gaps.{key}", lang),
            headers=_headers(list(records[0]) if records else [], lang),
            max_width=60,
            formats=("table", "csv", "xlsx") if key == "mixing" else ("table", "xlsx"),
        )
        for key, records in tables.items()
    ]
    return Printout(
        {"view": seen[1], **relabel_report(report, shown)},
        sections,
        options_in_csv=False,
        view_line=seen[0],
    )


def suggestions_printout(records: list[dict], lang: str, seen: tuple[str, dict]) -> Printout:
    """Suggested introductions: the main columns as a table, all of them as CSV; JSON is
    ``{"view": …, "suggestions": [...]}``."""
    table = Section(
        records,
        SUGGESTION_COLUMNS,
        headers=_headers(SUGGESTION_COLUMNS, lang),
        max_width=90,
        empty=text("cli.suggest.none", lang),
        formats=("table",),
    )
    columns = list(records[0]) if records else SUGGESTION_COLUMNS
    full = Section(records, headers=_headers(columns, lang), formats=("csv", "xlsx"))
    return Printout({"view": seen[1], "suggestions": records}, [table, full], view_line=seen[0])
