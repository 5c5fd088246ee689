"""Merging two actors in a store, and undoing it: what both stores share (`Merging`).

``merge_actors(keep, other)`` moves every tie of OTHER to KEEP by the rule of
`netzwerk.model.merging` (a moved tie keeps the sources that state it; combined ties
state the sources of both), removes OTHER, remembers OTHER's id and name as an alias of
KEEP (`netzwerk.ingest.aliases`), and keeps what it replaced — OTHER's record and every
tie it removed — so ``undo_merge(run)`` can put the store back as it was. Both are one
transaction and an entry in the ingest log (source ``merge`` / ``merge-undo``, counts
only). A merge can be undone only while no ingest or merge has run after it: later runs
may build on it. Erasing KEEP or OTHER (`PersonalData.forget`) erases the merge record
and the alias too; erasing any other actor removes its ties from the kept rows
(`without_actor`), so an undo cannot bring them back.

Snapshots hold rows: a node row (`rows.NodeRow`) and tie rows (`rows.TieRow`), each with
its ingest run and sources, as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from netzwerk.errors import ConfigError, NotFound
from netzwerk.model import NodeRef, Provenance, Tie
from netzwerk.model.merging import combine_ties, moved
from netzwerk.store.rows import TieRow, day, parse_periods, tie_row

MERGE_SOURCE = "merge"
UNDO_SOURCE = "merge-undo"


@dataclass
class MergeResult:
    """What a merge did (or its undo undid): ``moved`` ties of OTHER now KEEP's,
    ``combined`` of them joined with a parallel tie, ``dropped`` ties between the two."""

    run_id: str
    keep: str
    other: str
    moved: int = 0
    combined: int = 0
    dropped: int = 0
    undone: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StoredTie:
    """A tie as a store holds it: the record, the run that wrote it, who states it."""

    tie: Tie
    run_id: str
    sources: list[str] = field(default_factory=list)

    def row(self) -> list[Any]:
        return [*tie_row(self.tie), self.run_id, self.sources]


def stored_tie(row: Sequence[Any]) -> StoredTie:
    """The inverse of `StoredTie.row`: `rows.TieRow` fields, run id, sources."""
    (key, kind, source, target, weight, topic, role, note, since, until, periods) = row[:11]
    contact, file, sheet, at_row, run_id, sources = row[11:17]
    tie = Tie(
        kind,
        node_ref(source),
        node_ref(target),
        float(weight),
        topic or "",
        role or "",
        day(since),
        day(until),
        note or "",
        tuple(parse_periods(periods)),
        day(contact),
        provenance=Provenance(file, sheet, at_row) if file is not None else None,
    )
    return StoredTie(tie, run_id, list(sources or []))


def node_ref(key: str) -> NodeRef:
    """The node a graph key names (`model.graph_key`: bare ids are actors)."""
    kind, colon, node_id = key.partition(":")
    return NodeRef(kind, node_id) if colon and kind != "actor" else NodeRef("actor", key)


@dataclass
class MergePlan:
    """What to write: ``written`` ties (new keys), ``deleted`` keys (OTHER's ties and
    KEEP's ties that were combined), ``replaced``: the deleted ties as they were (for the
    undo), and the counts."""

    written: list[StoredTie]
    deleted: list[str]
    replaced: list[StoredTie]
    result: MergeResult


def plan_merge(
    keep: str,
    other: str,
    run_id: str,
    other_ties: Iterable[StoredTie],
    parallel: Mapping[str, StoredTie],
) -> MergePlan:
    """Move ``other_ties`` to KEEP; ``parallel``: KEEP's stored ties by key (those the
    moved ties may meet)."""
    result = MergeResult(run_id, keep, other)
    keep_ref, other_ref = NodeRef("actor", keep), NodeRef("actor", other)
    written: dict[str, StoredTie] = {}
    deleted: list[str] = []
    moving = list(other_ties)
    replaced = list(moving)
    for stored in moving:
        deleted.append(stored.tie.key)
        tie = moved(stored.tie, other_ref, keep_ref)
        if tie is None:
            result.dropped += 1
            continue
        result.moved += 1
        found = written.get(tie.key) or parallel.get(tie.key)
        if found is None:
            written[tie.key] = StoredTie(tie, run_id, list(stored.sources))
            continue
        if tie.key in parallel and tie.key not in written:
            deleted.append(tie.key)
            replaced.append(parallel[tie.key])
        result.combined += 1
        sources = [*found.sources, *(s for s in stored.sources if s not in found.sources)]
        written[tie.key] = StoredTie(combine_ties(found.tie, tie), run_id, sources)
    return MergePlan(list(written.values()), deleted, replaced, result)


def check_merge(keep: str, other: str, actors_found: set[str]) -> None:
    """Refuse a merge of an actor with itself or of an actor the store does not hold."""
    if keep == other:
        raise ConfigError(f"„{keep}“ zweimal angegeben — zwei verschiedene Akteure nennen")
    for actor_id in (keep, other):
        if actor_id not in actors_found:
            raise NotFound(
                f'Akteur "{actor_id}" ist nicht im Speicher — Id mit `netzwerk dubletten` '
                "oder `netzwerk status` prüfen"
            )


def not_undoable(run_id: str, later: int) -> ConfigError:
    return ConfigError(
        f"Zusammenführung {run_id} kann nicht rückgängig gemacht werden: danach liefen "
        f"{later} weitere Lade- oder Zusammenführungsläufe — nur die letzte Änderung lässt "
        "sich zurücknehmen"
    )


def unknown_merge(run_id: str) -> NotFound:
    return NotFound(
        f"keine Zusammenführung {run_id} im Speicher — die Lauf-Id steht in der Ausgabe "
        "von `netzwerk merge` und in `netzwerk status`"
    )


def resolved_aliases(merges: Iterable[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Aliases from (other, other_name, keep) of every standing merge, chains followed
    (a merged into b, b later into c: a lands on c).

    >>> resolved_aliases([("a", "A", "b"), ("b", "B", "c")])  # doctest: +NORMALIZE_WHITESPACE
    [{'other': 'a', 'other_name': 'A', 'keep': 'c'},
     {'other': 'b', 'other_name': 'B', 'keep': 'c'}]
    """
    rows = list(merges)
    keep_of = {other: keep for other, _, keep in rows}
    aliases = []
    for other, name, keep in rows:
        seen = {other}
        while keep in keep_of and keep not in seen:
            seen.add(keep)
            keep = keep_of[keep]
        aliases.append({"other": other, "other_name": name, "keep": keep})
    return aliases


def snapshot_text(node_row: Sequence[Any], ties: Iterable[StoredTie]) -> str:
    return json.dumps(
        {"node": list(node_row), "ties": [stored.row() for stored in ties]}, ensure_ascii=False
    )


def snapshot_of(text: str) -> tuple[list[Any], list[StoredTie]]:
    data = json.loads(text)
    return data["node"], [stored_tie(row) for row in data["ties"]]


def without_actor(snapshot: str, written: Sequence[str], key: str) -> tuple[str, list[str]] | None:
    """A merge record's kept rows and written tie keys without the ties of the actor with
    graph key ``key``; None if it holds none.

    >>> tie = ["membership|erika|c|", "membership", "erika", "c", 1.0, "", "", "", None,
    ...        None, "", None, None, None, None, "run", ["netz.xlsx"]]
    >>> kept, keys = without_actor(snapshot_text(["c2"], []).replace("[]", json.dumps([tie])),
    ...                            ["membership|erika|c|", "works_on|c|topic:x|"], "erika")
    >>> json.loads(kept)["ties"], keys
    ([], ['works_on|c|topic:x|'])
    """
    data = json.loads(snapshot)
    ties = [row for row in data["ties"] if key not in (row[2], row[3])]
    keys = [k for k in written if key not in k.split("|")[1:3]]
    if len(ties) == len(data["ties"]) and len(keys) == len(written):
        return None
    return json.dumps({**data, "ties": ties}, ensure_ascii=False), keys


def tie_rows(ties: Iterable[StoredTie]) -> list[TieRow]:
    return [tie_row(stored.tie) for stored in ties]
