"""Graph → plain results: brokers, gaps, introductions, dependency, changes.

`NetworkView` (the *Netzwerksicht*) builds the actor–actor graph every analysis takes;
the analyses live in the submodules (`brokers`, `gaps`, `mixing`, `introductions`, ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netzwerk.analysis.network_view import NetworkView, network_view_of

__all__ = ["NetworkView", "network_view_of"]


def __getattr__(name: str) -> Any:
    """`NetworkView` and `network_view_of`, imported when first asked for: importing a
    light submodule (`views`) does not import scipy with them (PEP 562)."""
    if name in __all__:
        from netzwerk.analysis import network_view

        return getattr(network_view, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
