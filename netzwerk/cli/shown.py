"""Results as output may show them: persons pseudonymised, groups by their labels.

Used by `netzwerk gaps` and `netzwerk suggest` (`netzwerk.cli.gaps`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

from netzwerk.present.labels import group_label
from netzwerk.present.names import ActorNames


class Shown:
    """Turns actor ids and group keys into what output may show."""

    def __init__(
        self, view: nx.Graph, by: str, lang: str, names: Mapping[str, str], show_names: bool
    ):
        self.view, self.by, self.lang, self.names = view, by, lang, names
        self.show_names = show_names
        self.actors = ActorNames(view, show_names)

    def id(self, actor: Hashable) -> Any:
        """The id to show; ``None`` and actors outside the view stay as they are."""
        return actor if actor is None or actor not in self.view else self.actors.id(actor)

    def name(self, actor: Hashable) -> Any:
        """The name to show; ``None`` and actors outside the view stay as they are."""
        return actor if actor is None or actor not in self.view else self.actors.name(actor)

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


def shown_suggestion(suggestion: dict, shown: Shown) -> dict:
    """A suggestion with pseudonymised ids, display names and group labels."""
    ident = shown.id
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
