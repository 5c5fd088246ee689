"""Every German and English text a person reads, in one place, looked up by key.

Each module of this package holds a ``TEXTS`` table of one area, every entry the German
wording (the default) next to its English twin; `MODULES` names them, and `TEXTS` here is
their union (a key may appear in one module only). Vocabulary labels (sectors, actor
types, tie kinds) come from `netzwerk.model` (shown through `netzwerk.present.labels`).

>>> text("section.brokers", "de"), text("section.brokers", "en")
('Brückenbauer und Schlüsselakteure', 'Bridge builders and key players')
>>> text("role.liaison", "de")
'Brückenbauer'
"""

from __future__ import annotations

from importlib import import_module

from netzwerk.present.texts.analyses import ROLE_KEYS
from netzwerk.present.texts.report import SECTION_KEYS

__all__ = ["MODULES", "ROLE_KEYS", "SECTION_KEYS", "TEXTS", "section_title", "text"]

MODULES = (
    "report",
    "analyses",
    "figures",
    "cli",
    "introductions",
    "counts",
    "view",
    "tables",
    "help",
    "usage",
    "karte",
    "verstetigung",
    "data_care",
)
"""The modules whose ``TEXTS`` are merged, by area (add a new area here)."""


def _merged(modules: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name in modules:
        table = import_module(f"{__name__}.{name}").TEXTS
        twice = merged.keys() & table.keys()
        if twice:
            raise RuntimeError(f"texts.{name} repeats keys of another module: {sorted(twice)}")
        merged.update(table)
    return merged


TEXTS: dict[str, tuple[str, str]] = _merged(MODULES)


def text(key: str, lang: str = "de", /, **values: object) -> str:
    """The text ``key`` in ``lang`` ('de' or 'en'), with ``{placeholders}`` filled in.

    A name ending in a full stop does not double the sentence's own:

    >>> text("brokers.top_other", "en", names="Wir in Wehringhausen e.V.")
    'Main brokers besides the district management: Wir in Wehringhausen e.V.'
    """
    german, english = TEXTS[key]
    template = english if lang == "en" else german
    if not values:
        return template
    filled = template.format(**values)
    return filled[:-1] if filled.endswith("..") and not filled.endswith("...") else filled


def section_title(key: str, lang: str = "de") -> str:
    """Heading of a report section (see `SECTION_KEYS`)."""
    return text(f"section.{key}", lang)
