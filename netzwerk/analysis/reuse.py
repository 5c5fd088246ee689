"""Analyses of one unchanged view, sharing the view's array form.

Every fast kernel converts the networkx view to arrays first (`_graph_arrays`): at
1,000,000 actors and 3,500,000 ties that takes 10-12 s, and the report asks for it five
times (brokers, dependency, key players, funding, contacts). Inside
``with arrays_reused(view):`` each form (with or without strengths and lengths) is built
once and every analysis gets the same read-only arrays.

Use it only where nothing changes the view inside the block (the report does not): the
arrays are not rebuilt when the graph changes.

Example::

    with arrays_reused(view):
        brokers = broker_analysis(view)
        dependency = coordinator_dependency(view, intact=brokers.betweenness)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import networkx as nx

_REUSED: dict[int, tuple[nx.Graph, dict[tuple[str | None, str | None], Any]]] = {}


@contextmanager
def arrays_reused(graph: nx.Graph) -> Iterator[None]:
    """Within the block, build the array forms of ``graph`` once (see the module)."""
    key = id(graph)
    outer = _REUSED.get(key)
    if outer is None or outer[0] is not graph:
        _REUSED[key] = (graph, {})
    try:
        yield
    finally:
        if outer is None or outer[0] is not graph:
            _REUSED.pop(key, None)
            if outer is not None:
                _REUSED[key] = outer


def reused_forms(graph: nx.Graph) -> dict[tuple[str | None, str | None], Any] | None:
    """The forms built so far for ``graph`` inside `arrays_reused` (None: not inside)."""
    found = _REUSED.get(id(graph))
    return found[1] if found is not None and found[0] is graph else None
