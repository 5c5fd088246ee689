"""How a group (a sector, an actor type, a topic) is shown to a person."""

from __future__ import annotations

from collections.abc import Mapping

from netzwerk.model import ACTOR_TYPES, SECTORS


def group_label(
    by: str, group: str, lang: str = "de", names: Mapping[str, str] | None = None
) -> str:
    """How a group is shown: vocabulary label for sector and type, else ``names`` or the key.

    >>> group_label("sector", "economy"), group_label("sector", "economy", "en")
    ('Lokale Wirtschaft', 'local economy')
    >>> group_label("topics", "jugend", names={"jugend": "Jugend"})
    'Jugend'
    """
    vocabulary = {"sector": SECTORS, "type": ACTOR_TYPES}.get(by)
    if vocabulary is not None:
        return vocabulary.label(group, lang)
    return (names or {}).get(group, group)
