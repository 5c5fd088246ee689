"""How a result was computed, in one line a person reads: the ``#`` line under the view line.

The view line (`netzwerk.present.view_line`) says *what* network is shown; this line says
*how* the figures were computed (betweenness exact or sampled, with how many sources and
which error, the constraint model, the key-player search). Keys and values come from the
analysis as plain data (JSON keeps them as they are, under ``options``); here each known key
gets its label (``method.<key>``) and each coded value its word (``method.value.<value>``)
in the reader's language, numbers their decimal mark. Keys without a text are shown as
they are, so a new option is never lost; empty values (``None``) are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netzwerk.present.formats import format_cell, format_number
from netzwerk.present.texts import TEXTS, text

__all__ = ["method_line", "successor_sources_lines"]


def method_line(options: Mapping[str, Any], lang: str = "de") -> str:
    """``Berechnung: Betweenness exakt, Quellen 173, …`` for ``options``.

    >>> method_line({"betweenness": "sampled", "betweenness_sources": 256,
    ...              "betweenness_max_error_95": 0.0041, "betweenness_seed": None})
    'Berechnung: Betweenness geschätzt, Quellen 256, größter Fehler (95 %) ± 0,004'
    >>> method_line({"measure": "F", "k": 3, "restarts": 10}, "en")
    'Computed: measure fragmentation (F), k 3, restarts 10'
    """
    parts = [
        f"{_label(key, lang)} {_value(value, lang)}"
        for key, value in options.items()
        if value is not None
    ]
    return f"{text('method.intro', lang)}: {', '.join(parts)}"


def successor_sources_lines(used: int, sources: int, lang: str = "de") -> list[str]:
    """The sentence saying that the successors of `analysis.dependency` were estimated
    from ``used`` of the broker table's ``sources`` (a very large network, its
    ``successor_sources``), for the report's findings and `netzwerk dependency`; none when
    they took every source.

    >>> successor_sources_lines(256, 256)
    []
    >>> successor_sources_lines(128, 256, "en")[0][:68]
    'The network is very large: who could step in is estimated from 128 o'
    """
    if used >= sources:
        return []
    return [
        text(
            "dependency.successors_fewer_sources",
            lang,
            used=format_number(used, lang),
            sources=format_number(sources, lang),
        )
    ]


def _label(key: str, lang: str) -> str:
    return text(f"method.{key}", lang) if f"method.{key}" in TEXTS else key


def _value(value: Any, lang: str) -> str:
    if isinstance(value, str) and f"method.value.{value}" in TEXTS:
        return text(f"method.value.{value}", lang)
    return format_cell(value, lang)
