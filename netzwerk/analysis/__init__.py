"""Graph → plain results: brokers, gaps, introductions, dependency, changes.

`NetworkView` (the *Netzwerksicht*) builds the actor–actor graph every analysis takes;
the analyses live in the submodules (`brokers`, `gaps`, `mixing`, `introductions`, ...).
"""

from netzwerk.analysis.network_view import NetworkView, network_view_of

__all__ = ["NetworkView", "network_view_of"]
