"""How vocabulary keys and groups are shown: the labels of `netzwerk.model`'s vocabularies
(sectors, actor types), capitalised where they start a cell, and group labels for any
grouping attribute."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from netzwerk.model import ACTOR_TYPES, SECTORS
from netzwerk.present.texts import TEXTS, text


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


def column_titles(columns: Sequence[str], lang: str = "de") -> dict[str, str]:
    """The shown title of each column: the text ``col.<column>`` (soft hyphens removed);
    a column without one keeps its name (the German-text test finds those).

    >>> column_titles(["id", "betweenness", "effective_size"])
    {'id': 'Kennung', 'betweenness': 'Betweenness', 'effective_size': 'Effektive Größe'}
    """
    return {
        column: text(f"col.{column}", lang).replace("\u00ad", "")
        if f"col.{column}" in TEXTS
        else column
        for column in columns
    }
