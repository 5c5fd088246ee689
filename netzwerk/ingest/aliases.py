"""Later ingests of a merged actor land on the one it was merged into.

After ``netzwerk merge KEEP OTHER`` the store remembers OTHER's id and name as aliases of
KEEP (`Merging.aliases`). A workbook that still lists OTHER — by its id or by its name —
is read as listing KEEP: OTHER's row is dropped (KEEP's own record stays as the workbook
or the store says it), OTHER's ties become KEEP's and parallel ties are combined by the
same rule the store's merge used (`netzwerk.model.merging`), so re-ingesting the workbook
the merge started from changes nothing.

>>> from netzwerk.model import Actor, NodeRef, Tie
>>> cs = Changeset(
...     actors=[Actor("caritas", "Caritasverband Hagen e.V.", "association", "social"),
...             Actor("caritas-hagen", "Caritas Hagen", "association", "social"),
...             Actor("qm", "QM", "institution", "social")],
...     ties=[Tie("cooperation", NodeRef("actor", "qm"), NodeRef("actor", "caritas-hagen"))])
>>> redirected = apply_aliases(cs, [{"other": "caritas-hagen", "other_name": "Caritas Hagen",
...                                  "keep": "caritas"}])
>>> [a.id for a in redirected.changeset.actors], [t.key for t in redirected.changeset.ties]
(['caritas', 'qm'], ['cooperation|caritas|qm|'])
>>> redirected.actors, redirected.ties
(1, 1)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netzwerk.model import Changeset, NodeRef, Tie, normalise_token
from netzwerk.model.merging import combine_all, moved


@dataclass(frozen=True)
class Redirected:
    """The changeset as it lands, and how many actor rows and ties were redirected."""

    changeset: Changeset
    actors: int
    ties: int


def apply_aliases(changeset: Changeset, aliases: Sequence[Mapping[str, str]]) -> Redirected:
    """``changeset`` with every actor that is an alias (``other`` id or ``other_name``)
    replaced by its ``keep`` (see the module docstring)."""
    by_id = {alias["other"]: alias["keep"] for alias in aliases}
    by_name = {normalise_token(alias["other_name"]): alias["keep"] for alias in aliases}
    target: dict[str, str] = {}
    for actor in changeset.actors:
        keep = by_id.get(actor.id) or by_name.get(normalise_token(actor.name))
        if keep is not None and keep != actor.id:
            target[actor.id] = keep
    if not target:
        return Redirected(changeset, 0, 0)
    actors = [actor for actor in changeset.actors if actor.id not in target]
    ties, redirected = [], 0
    for tie in changeset.ties:
        result: Tie | None = tie
        for end in (tie.source, tie.target):
            if end.kind == "actor" and end.id in target and result is not None:
                result = moved(result, end, NodeRef("actor", target[end.id]))
        redirected += result is not tie
        if result is not None:
            ties.append(result)
    landed = dataclasses.replace(changeset, actors=actors, ties=combine_all(ties))
    return Redirected(landed, len(target), redirected)
