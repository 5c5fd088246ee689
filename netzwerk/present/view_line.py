"""The one line that says which network view an output shows (*Sicht: Stand …*).

Every output builds it here: the `#` line before a table, the stderr line before CSV,
the ``view`` key of JSON (`view_metadata`), the report's box at the top and each
section's method note, and ``sicht.txt`` beside the report's CSV files. Words are
vocabulary labels and texts (`netzwerk.present.texts.view`), never internal codes.

>>> from datetime import date
>>> from netzwerk.analysis.network_view import NetworkView
>>> view_line(NetworkView(as_of=date(2026, 12, 3)))
'Sicht: Stand 03.12.2026 · Beziehungen: Kooperation, Mitgliedschaft, Träger, gemeinsame Projekte und Veranstaltungen · gewichtet · Gruppen nach Sektor'
>>> view_line(NetworkView(as_of=None, shared=(), weighted=False, by="topics"), "en")
'View: all periods · ties: cooperation, membership, runs · unweighted · groups by topic'
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any

from netzwerk.model import TIE_KINDS
from netzwerk.present.formats import format_date
from netzwerk.present.texts import TEXTS, text

if TYPE_CHECKING:
    from netzwerk.analysis.network_view import NetworkView

__all__ = ["period_line", "view_line", "view_metadata"]


def _when(view: NetworkView, lang: str) -> str:
    if view.as_of:
        return text("view_line.as_of", lang, day=format_date(view.as_of, lang))
    return text("view_line.all_periods", lang)


def period_line(view: NetworkView, lang: str = "de") -> str:
    """Only the view's day, for outputs of the store's records (``export``).

    >>> from datetime import date
    >>> from netzwerk.analysis.network_view import NetworkView
    >>> period_line(NetworkView(as_of=date(2026, 12, 3))), period_line(NetworkView(as_of=None))
    ('Sicht: Stand 03.12.2026', 'Sicht: alle Zeiträume')
    """
    return text("view_line.line", lang, parts=_when(view, lang))


def view_line(
    view: NetworkView, lang: str = "de", coordinator_names: Sequence[str] | None = None
) -> str:
    """The view in one line: date (or all periods), tie kinds and shared activities,
    weighting, grouping; with ``coordinator_names`` also who the coordinators are."""
    when = _when(view, lang)
    kinds = [TIE_KINDS.label(kind, lang) for kind in view.tie_kinds]
    if view.shared:
        shared = [text(f"view_line.{kind}", lang) for kind in view.shared]
        joined = f" {text('view_line.and', lang)} ".join(shared)
        kinds.append(text("view_line.shared", lang, kinds=joined))
    parts = [
        when,
        text("view_line.ties", lang, kinds=", ".join(kinds))
        if kinds
        else text("view_line.no_ties", lang),
        text("view_line.weighted" if view.weighted else "view_line.unweighted", lang),
        text("view_line.by", lang, attribute=grouping_label(view.by, lang)),
    ]
    if coordinator_names:
        parts.append(text("view_line.coordinators", lang, names=", ".join(coordinator_names)))
    return text("view_line.line", lang, parts=" · ".join(parts))


def grouping_label(by: str, lang: str = "de") -> str:
    """How the grouping attribute is named: sector, topic, actor type; other attributes
    by their own name."""
    key = f"view_line.by.{by}"
    return text(key, lang) if key in TEXTS else by


def view_metadata(
    view: NetworkView,
    coordinators: Sequence[Hashable],
    lang: str = "de",
    shown_id: Callable[[Hashable], Any] = lambda actor: actor,
    shown_name: Callable[[Hashable], str] = str,
) -> dict[str, Any]:
    """The ``view`` key of every JSON output: ``as_of`` (ISO date, null for all periods),
    ``tie_kinds``, ``shared``, ``weighted``, ``by``, ``coordinators`` (ids as output may
    show them, through ``shown_id``) and ``line`` (`view_line`; it names the coordinators,
    through ``shown_name``, only when they were chosen rather than taken from the data)."""
    chosen = None if view.coordinators is None else [shown_name(c) for c in coordinators]
    return {
        **view.metadata(),
        "coordinators": [shown_id(c) for c in coordinators],
        "line": view_line(view, lang, chosen),
    }
