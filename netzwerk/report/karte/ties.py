"""Since when and until when two actors are tied, in words, for the map's ties list."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

from netzwerk.model import TIE_KINDS
from netzwerk.present.formats import format_date
from netzwerk.present.labels import capitalised
from netzwerk.present.texts import text


def tie_dates(
    store_graph: nx.MultiDiGraph, tie_kinds: Iterable[str], lang: str
) -> dict[tuple[Hashable, Hashable], str]:
    """Per pair of actors (sorted by id as text), their direct ties of ``tie_kinds`` with
    kind and dates: 'Kooperation seit 12.12.2018; Mitgliedschaft 01.01.2019–31.12.2022'.
    Ties through a shared project or event have no entry (their dates are the project's)."""
    kinds = set(tie_kinds)
    found: dict[tuple[Hashable, Hashable], list[str]] = {}
    for u, v, data in store_graph.edges(data=True):
        kind = data.get("kind")
        if kind not in kinds or store_graph.nodes[v].get("kind") != "actor":
            continue
        if store_graph.nodes[u].get("kind") != "actor":
            continue
        pair = (u, v) if str(u) <= str(v) else (v, u)
        found.setdefault(pair, []).append(_worded(kind, data, lang))
    return {pair: "; ".join(sorted(set(words))) for pair, words in found.items()}


def _worded(kind: str, data: dict, lang: str) -> str:
    since, until = data.get("since"), data.get("until")
    if since and until:
        when = text(
            "karte.period", lang, since=format_date(since, lang), until=format_date(until, lang)
        )
    elif since:
        when = text("karte.since", lang, day=format_date(since, lang))
    elif until:
        when = text("karte.until", lang, day=format_date(until, lang))
    else:
        when = ""
    label = capitalised(TIE_KINDS.label(kind, lang))
    return f"{label} {when}".strip()
