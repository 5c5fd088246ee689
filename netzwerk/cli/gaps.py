"""`netzwerk gaps` and `netzwerk suggest`: where the holes are, and whom to introduce next.

Both are thin layers over `netzwerk.analysis.gaps.gaps_report` and
`netzwerk.analysis.introductions.suggest_introductions`: parse options, call, relabel
groups (German labels by default), pseudonymise persons, print.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

import click
import networkx as nx

from netzwerk.analysis.communities import METHODS
from netzwerk.analysis.gaps import gaps_report
from netzwerk.analysis.gaps_arrays import NOT_GROUPINGS
from netzwerk.analysis.gaps_candidates import topic_names
from netzwerk.analysis.introductions import suggest_introductions
from netzwerk.analysis.mixing import group_label
from netzwerk.analysis.views import DEFAULT_SHARED_KINDS, actor_view
from netzwerk.cli.common import (
    emit,
    format_option,
    names_option,
    parse_day,
    parse_tie_kinds,
    store_from,
    view_options,
)
from netzwerk.cli.main import cli
from netzwerk.errors import ConfigError, NotFound
from netzwerk.model import ACTOR_TYPES, SECTORS, normalise_token
from netzwerk.report.pseudonyms import Pseudonymiser
from netzwerk.report.tables import to_table

# What --by accepts besides raw attribute names.
BY_ALIASES = {
    "sector": "sector",
    "sektor": "sector",
    "topic": "topics",
    "topics": "topics",
    "thema": "topics",
    "themen": "topics",
    "type": "type",
    "typ": "type",
}

# Headings of the table output, German next to English.
HEADINGS = {
    "groups": ("Gruppen", "Groups"),
    "mixing": (
        "Verbindungen zwischen Gruppen: beobachtet / erwartet (kleinstes Verhältnis zuerst)",
        "Ties between groups: observed / expected (smallest ratio first)",
    ),
    "missing": ("Gruppen ohne jede Verbindung", "Groups without any tie"),
    "summary": ("Überblick", "Summary"),
    "communities": ("Gemeinschaften", "Communities"),
    "holes": ("Lücken zwischen Gemeinschaften", "Holes between communities"),
    "unreached": ("Noch nicht erreicht", "Not yet reached"),
    "silent": ("Themen ohne Zusammenarbeit", "Topics without cooperation"),
}
HOLE_KINDS = {
    "none": ("keine Verbindung", "no tie"),
    "coordinator_only": ("nur über das QM", "only through the QM"),
    "single_actor": ("hängt an einem Akteur", "hangs on one actor"),
}
STATUS = {
    "isolate": ("ohne Verbindung", "no tie"),
    "coordinator_only": ("nur mit dem QM", "only the QM"),
    "peripheral": ("am Rand (Kernzahl 1)", "on the edge (core number 1)"),
}


# Column headers of the table output (English: the key in words).
COLUMN_HEADERS_DE = {
    "group": "Gruppe",
    "actors": "Akteure",
    "internal_ties": "intern",
    "external_ties": "extern",
    "ei_index": "E-I",
    "group_a": "Gruppe A",
    "group_b": "Gruppe B",
    "ties": "Verbindungen",
    "expected": "erwartet",
    "ratio": "Verhältnis",
    "size": "Größe",
    "main_groups": "vor allem",
    "examples": "z. B.",
    "communities": "Gemeinschaften",
    "sizes": "Größen",
    "kind": "Art",
    "through": "über",
    "actor": "Akteur",
    "status": "Lage",
    "partners": "verbunden mit",
    "topic": "Thema",
    "a_name": "Akteur A",
    "b_name": "Akteur B",
    "score": "Punkte",
    "reasons": "Warum?",
    "introducer_name": "Wer stellt vor?",
    "gap_text": "Lücke",
    "value": "Wert",
    "detail": "",
}


def _headers(columns: list[str], lang: str) -> dict[str, str]:
    if lang == "de":
        return {c: COLUMN_HEADERS_DE.get(c, c) for c in columns}
    return {c: c.replace("_name", "").replace("_", " ") for c in columns}


def _say(table: Mapping[str, tuple[str, str]], key: str, lang: str) -> str:
    return table[key][0 if lang == "de" else 1]


def _load(
    ctx: click.Context, as_of: str | None, tie_kinds: str, unweighted: bool, *, shared: bool
) -> tuple[nx.MultiDiGraph, nx.Graph]:
    """The store's graph and the actor view (with or without shared projects/events)."""
    day = parse_day(as_of)
    kinds = parse_tie_kinds(tie_kinds)
    with store_from(ctx) as store:
        graph = store.graph()
    view = actor_view(
        graph,
        tie_kinds=kinds,
        shared=DEFAULT_SHARED_KINDS if shared else (),
        as_of_date=day,
        weighted=not unweighted,
    )
    return graph, view


def parse_by(text: str, view: nx.Graph) -> str:
    """--by value → node attribute; ConfigError naming the choices if unknown."""
    attribute = BY_ALIASES.get(normalise_token(text), text.strip())
    if len(view) and not any(attribute in data for _, data in view.nodes(data=True)):
        present = sorted(
            {k for _, d in view.nodes(data=True) for k in d}
            - NOT_GROUPINGS
            - {"sector", "topics", "type"}
        )
        raise ConfigError(
            f'unbekanntes Merkmal "{text}" für --by — möglich: sector, topic, '
            f"type{', ' if present else ''}{', '.join(present)}"
        )
    return attribute


def parse_group(text: str, by: str, view: nx.Graph, names: Mapping[str, str]) -> str:
    """A group typed as key or label (German or English) → its key."""
    vocabulary = {"sector": SECTORS, "type": ACTOR_TYPES}.get(by)
    if vocabulary is not None and vocabulary.parse(text):
        return vocabulary.parse(text)
    values = {
        str(v)
        for _, value in view.nodes(data=by)
        for v in (value if isinstance(value, list | tuple | set) else [value])
        if v not in (None, "")
    }
    wanted = normalise_token(text)
    for value in sorted(values):
        if wanted in (normalise_token(value), normalise_token(names.get(value, value))):
            return value
    shown = ", ".join(group_label(by, v, "de", names) for v in sorted(values))
    raise ConfigError(f'unbekannte Gruppe "{text}" für --by {by} — vorhanden: {shown}')


def find_actor(text: str, view: nx.Graph, pseudonymiser: Pseudonymiser) -> Hashable:
    """An actor typed as id, exact name (any case) or pseudonym → its id."""
    if text in view:
        return text
    wanted = text.strip().casefold()
    for node, data in view.nodes(data=True):
        if str(data.get("name", "")).casefold() == wanted:
            return node
        if data.get("natural_person") and pseudonymiser.pseudonym(str(node)).casefold() == wanted:
            return node
    raise NotFound(
        f'unbekannter Akteur "{text}" — Kennung (ID), genauen Namen oder Pseudonym '
        "angeben (Liste: netzwerk export)"
    )


class Shown:
    """Turns actor ids and group keys into what output may show."""

    def __init__(
        self, view: nx.Graph, by: str, lang: str, names: Mapping[str, str], show_names: bool
    ):
        self.view, self.by, self.lang, self.names = view, by, lang, names
        self.show_names = show_names
        self.pseudonymiser = Pseudonymiser()

    def id(self, actor: Hashable) -> Any:
        if actor is None or actor not in self.view:
            return actor
        return self.pseudonymiser.display_id(str(actor), self.view.nodes[actor], self.show_names)

    def name(self, actor: Hashable) -> Any:
        if actor is None or actor not in self.view:
            return actor
        return self.pseudonymiser.display_name(str(actor), self.view.nodes[actor], self.show_names)

    def group(self, key: str, by: str | None = None) -> str:
        return group_label(by or self.by, key, self.lang, self.names)


def relabel_report(report: dict, shown: Shown) -> dict:
    """The gap report with group labels and pseudonymised actor ids."""
    group, ident = shown.group, shown.id

    def matrix(table: Mapping) -> dict:
        return {group(g): {group(h): value for h, value in row.items()} for g, row in table.items()}

    out = dict(report)
    out["groups"] = [{**g, "group": group(g["group"]), "key": g["group"]} for g in report["groups"]]
    for key in ("observed", "expected", "ratio"):
        out[key] = matrix(report[key])
    out["missing_pairs"] = [
        {**p, "groups": [group(g) for g in p["groups"]]} for p in report["missing_pairs"]
    ]
    out["actor_ei"] = {ident(a): value for a, value in report["actor_ei"].items()}
    out["communities"] = [
        {
            **c,
            "members": [ident(m) for m in c["members"]],
            "main_groups": {group(g): n for g, n in c["main_groups"].items()},
        }
        for c in report["communities"]
    ]
    out["community_holes"] = [
        {**h, "bridging_actors": [ident(a) for a in h["bridging_actors"]]}
        for h in report["community_holes"]
    ]
    out["isolates"] = [ident(a) for a in report["isolates"]]
    out["coordinator_only"] = [
        {"actor": ident(c["actor"]), "coordinators": [ident(x) for x in c["coordinators"]]}
        for c in report["coordinator_only"]
    ]
    out["peripheral"] = [
        {**p, "actor": ident(p["actor"]), "partners": [ident(x) for x in p["partners"]]}
        for p in report["peripheral"]
    ]
    out["silent_topics"] = [
        {**t, "group": group(t["group"], "topics")} for t in report["silent_topics"]
    ]
    return out


def mixing_records(report: dict, shown: Shown) -> list[dict]:
    """Long form of the matrices, each pair once; inside a group: ties, not tie ends."""
    keys = [g["group"] for g in report["groups"]]
    rows = []
    for i, g in enumerate(keys):
        for h in keys[i:]:
            half = 2 if g == h else 1
            rows.append(
                {
                    "group_a": shown.group(g),
                    "group_b": shown.group(h),
                    "ties": report["observed"][g][h] / half,
                    "expected": round(report["expected"][g][h] / half, 3),
                    "ratio": report["ratio"][g][h],
                }
            )
    for row in rows:
        if float(row["ties"]).is_integer():
            row["ties"] = int(row["ties"])
    rows.sort(key=lambda r: (r["ratio"] is None, r["ratio"] or 0, -r["expected"]))
    return rows


def print_report_tables(report: dict, shown: Shown, lang: str) -> None:
    def section(key: str, records: list[dict]) -> None:
        columns = list(records[0]) if records else None
        table = to_table(records, columns, max_width=60, headers=_headers(columns or [], lang))
        click.echo(f"\n{_say(HEADINGS, key, lang)}\n" + table)

    test = report["ei_test"]
    section(
        "summary",
        [
            {
                "": "E-I-Index" if lang == "de" else "E-I index",
                "value": report["ei_index"],
                "detail": f"p = {_number(test['p_value'])} ({test['permutations']} Permutationen, "
                f"Startwert {test['seed']})"
                if lang == "de"
                else f"p = {_number(test['p_value'])} ({test['permutations']} permutations, "
                f"seed {test['seed']})",
            },
            {
                "": "Assortativität" if lang == "de" else "assortativity",
                "value": report["assortativity"],
                "detail": "",
            },
            {
                "": "Modularität" if lang == "de" else "modularity",
                "value": report["modularity"],
                "detail": report["community_method"],
            },
        ],
    )
    section(
        "groups",
        [
            {
                "group": shown.group(g["group"]),
                "actors": g["actors"],
                "internal_ties": g["internal_ties"],
                "external_ties": g["external_ties"],
                "ei_index": g["ei_index"],
            }
            for g in report["groups"]
        ],
    )
    section("mixing", mixing_records(report, shown))
    section(
        "missing",
        [
            {
                "group_a": shown.group(p["groups"][0]),
                "group_b": shown.group(p["groups"][1]),
                "expected": p["expected"],
            }
            for p in report["missing_pairs"]
        ],
    )
    section(
        "communities",
        [
            {
                "id": c["id"],
                "size": c["size"],
                "main_groups": ", ".join(
                    f"{shown.group(g)} ({n})" for g, n in c["main_groups"].items()
                ),
                "examples": ", ".join(
                    str(shown.name(m))
                    for m in sorted(c["members"], key=lambda m: (-shown.view.degree(m), str(m)))[:3]
                ),
            }
            for c in report["communities"]
            if c["size"] > 1
        ],
    )
    section(
        "holes",
        [
            {
                "communities": f"{h['communities'][0]} – {h['communities'][1]}",
                "sizes": f"{h['sizes'][0]} / {h['sizes'][1]}",
                "kind": _say(HOLE_KINDS, h["kind"], lang),
                "ties": h["ties"],
                "through": ", ".join(str(shown.name(a)) for a in h["bridging_actors"]),
            }
            for h in report["community_holes"]
        ],
    )
    unreached = [
        {"actor": shown.name(a), "status": _say(STATUS, "isolate", lang), "partners": ""}
        for a in report["isolates"]
    ]
    unreached += [
        {
            "actor": shown.name(c["actor"]),
            "status": _say(STATUS, "coordinator_only", lang),
            "partners": ", ".join(str(shown.name(x)) for x in c["coordinators"]),
        }
        for c in report["coordinator_only"]
    ]
    unreached += [
        {
            "actor": shown.name(p["actor"]),
            "status": _say(STATUS, "peripheral", lang),
            "partners": ", ".join(str(shown.name(x)) for x in p["partners"]),
        }
        for p in report["peripheral"]
    ]
    section("unreached", unreached)
    section(
        "silent",
        [
            {"topic": shown.group(t["group"], "topics"), "actors": t["actors"]}
            for t in report["silent_topics"]
        ],
    )


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


@cli.command()
@click.option(
    "--by",
    "by_text",
    default="sector",
    show_default=True,
    metavar="sector|topic|ATTRIBUTE",
    help="Actor attribute that forms the groups.",
)
@click.option(
    "--permutations",
    default=1000,
    show_default=True,
    type=click.IntRange(0),
    help="Permutations of the E-I significance test.",
)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="leiden",
    show_default=True,
    help="Community detection.",
)
@click.option(
    "--seed",
    default=42,
    show_default=True,
    type=int,
    help="Seed of the permutation test and the community detection.",
)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@view_options
@format_option
@names_option
@click.pass_context
def gaps(
    ctx: click.Context,
    by_text: str,
    permutations: int,
    method: str,
    seed: int,
    lang: str,
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    fmt: str,
    show_names: bool,
) -> None:
    """Gaps: which groups do not talk to each other, communities, who is unreached."""
    graph, view = _load(ctx, as_of, tie_kinds, unweighted, shared=True)
    by = parse_by(by_text, view)
    report = gaps_report(view, by, permutations=permutations, seed=seed, community_method=method)
    shown = Shown(view, by, lang, topic_names(graph), show_names)
    if fmt == "json":
        emit(relabel_report(report, shown), "json")
    elif fmt == "csv":
        emit(mixing_records(report, shown), "csv")
    else:
        click.echo(
            "# "
            + ", ".join(
                f"{k}={_option_text(v)}" for k, v in {**report["options"], "by": by}.items()
            )
        )
        print_report_tables(report, shown, lang)


def _option_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "+".join(str(v) for v in value) or "–"
    return "–" if value is None else str(value)


@cli.command()
@click.option(
    "--for",
    "for_actor",
    metavar="ACTOR",
    help="Only suggestions for this actor (id, name or pseudonym).",
)
@click.option(
    "--between",
    nargs=2,
    metavar="GROUP_A GROUP_B",
    help="Only pairs with one actor in each group (e.g. Bildung 'Lokale Wirtschaft').",
)
@click.option(
    "--by",
    "by_text",
    default="sector",
    show_default=True,
    metavar="sector|topic|ATTRIBUTE",
    help="Groups whose gaps are closed first.",
)
@click.option(
    "--top", default=10, show_default=True, type=click.IntRange(1), help="Number of suggestions."
)
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@view_options
@format_option
@names_option
@click.pass_context
def suggest(
    ctx: click.Context,
    for_actor: str | None,
    between: tuple[str, str] | None,
    by_text: str,
    top: int,
    lang: str,
    as_of: str | None,
    tie_kinds: str,
    unweighted: bool,
    fmt: str,
    show_names: bool,
) -> None:
    """Introductions to make next: pairs not yet tied, biggest gaps first, with reasons.

    Ties here are direct ties only; shared projects and events count as reasons.
    """
    graph, view = _load(ctx, as_of, tie_kinds, unweighted, shared=False)
    by = parse_by(by_text, view)
    names = topic_names(graph)
    shown = Shown(view, by, lang, names, show_names)
    actor = find_actor(for_actor, view, shown.pseudonymiser) if for_actor else None
    groups = tuple(parse_group(g, by, view, names) for g in between) if between else None
    suggestions = suggest_introductions(
        view,
        graph,
        for_actor=actor,
        between=groups,
        by=by,
        top=top,
        lang=lang,
        as_of=parse_day(as_of),
    )
    records = [shown_suggestion(s, shown) for s in suggestions]
    if fmt == "table" and not records:
        click.echo("Keine Vorschläge." if lang == "de" else "No suggestions.")
    elif fmt == "table":
        columns = ["a_name", "b_name", "score", "reasons", "introducer_name", "gap_text"]
        click.echo(to_table(records, columns, max_width=90, headers=_headers(columns, lang)))
    else:
        emit(records, fmt)


def shown_suggestion(suggestion: dict, shown: Shown) -> dict:
    """A suggestion with pseudonymised ids, display names and group labels."""
    ident: Callable[[Hashable], Any] = shown.id
    return {
        "a": ident(suggestion["a"]),
        "b": ident(suggestion["b"]),
        "a_name": shown.name(suggestion["a"]),
        "b_name": shown.name(suggestion["b"]),
        "score": round(suggestion["score"], 3),
        "reasons": suggestion["reasons"],
        "introducer": ident(suggestion["introducer"]),
        "introducer_name": shown.name(suggestion["introducer"]),
        "introducer_via": suggestion["introducer_via"],
        "groups": [[shown.group(g) for g in side] for side in suggestion["groups"]],
        "gap_text": suggestion["gap_text"],
        "shared_partners": [ident(p) for p in suggestion["shared_partners"]],
        "shared_topics": [shown.group(t, "topics") for t in suggestion["shared_topics"]],
        "shared_activities": suggestion["shared_activities"],
        "same_street": suggestion["same_street"],
    }
