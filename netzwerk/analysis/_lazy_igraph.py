"""igraph, imported when first used: importing it costs about 0.7 s (it loads matplotlib for
its drawing module), which every command would pay at start-up, `status` included.

    from netzwerk.analysis._lazy_igraph import ig
    ig.Graph(...)   # the first attribute access imports igraph
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any


class LazyModule:
    """A module imported on its first attribute access."""

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)


if TYPE_CHECKING:
    import igraph as ig
else:
    ig = LazyModule("igraph")

__all__ = ["ig"]
