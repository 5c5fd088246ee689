"""How vocabulary keys and groups are shown: the labels of `netzwerk.model`'s vocabularies
(sectors, actor types), capitalised where they start a cell, and group labels for any
grouping attribute."""

from __future__ import annotations

from collections.abc import Mapping

from netzwerk.model import ACTOR_TYPES, SECTORS


def capitalised(label: str) -> str:
    """``label`` with its first letter in upper case ('local economy' → 'Local economy')."""
    return label[:1].upper() + label[1:]


def sector_label(key: str | None, lang: str = "de") -> str:
    """The sector's vocabulary label, capitalised; '–' for no sector.

    >>> sector_label("economy", "en"), sector_label(None)
    ('Local economy', '–')
    """
    return capitalised(SECTORS.label(key, lang)) if key else "–"


def actor_type_label(key: str | None, lang: str = "de") -> str:
    """The actor type's vocabulary label, capitalised ('' for no type)."""
    return capitalised(ACTOR_TYPES.label(key or "", lang))


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
