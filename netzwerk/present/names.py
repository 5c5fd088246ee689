"""Actors as output may show them, and actors found again from what a person typed.

Natural persons are shown by their keyed pseudonym (`netzwerk.privacy.pseudonyms`) unless
names were asked for and the person consented; organisations by name. `ActorNames` applies
that rule to the actors of a graph, `display_names` gives every node's name at once, and
`find_actor` turns an id, a pseudonym (as reports show it) or an exact name back into an id.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx

from netzwerk.errors import ConfigError, NotFound
from netzwerk.privacy.pseudonyms import Pseudonymiser

UNKNOWN_ACTOR: Mapping = {"natural_person": True}
"""The attributes assumed for an actor no graph knows: a person, so nothing identifying leaks."""


class ActorNames:
    """What output may show for the actors of ``graph``.

    ``fallback`` is a second graph asked for actors ``graph`` does not hold (the report's
    store graph behind its dated view).

    >>> graph = nx.Graph()
    >>> graph.add_node("erika", name="Erika Muster", natural_person=True, consent=True)
    >>> graph.add_node("stadt-hagen", name="Stadt Hagen", natural_person=False)
    >>> shown = ActorNames(graph, pseudonymiser=Pseudonymiser(b"secret"))
    >>> shown.name("stadt-hagen"), shown.name("erika"), shown.id("erika")
    ('Stadt Hagen', 'Person-NCJR-M84Y-SNZ6', 'Person-NCJR-M84Y-SNZ6')
    >>> ActorNames(graph, True, Pseudonymiser(b"secret")).name("erika")
    'Erika Muster'
    """

    def __init__(
        self,
        graph: nx.Graph,
        show_names: bool = False,
        pseudonymiser: Pseudonymiser | None = None,
        fallback: nx.Graph | None = None,
    ):
        self.graph, self.show_names, self.fallback = graph, show_names, fallback
        self.pseudonymiser = pseudonymiser or Pseudonymiser()

    def knows(self, actor: Hashable) -> bool:
        """Whether ``graph`` or ``fallback`` holds ``actor``."""
        return actor in self.graph or (self.fallback is not None and actor in self.fallback)

    def attributes(self, actor: Hashable) -> Mapping:
        """The actor's attributes; an unknown actor is taken for a person (`UNKNOWN_ACTOR`)."""
        if actor in self.graph:
            return self.graph.nodes[actor]
        if self.fallback is not None and actor in self.fallback:
            return self.fallback.nodes[actor]
        return UNKNOWN_ACTOR

    def name(self, actor: Hashable) -> str:
        """The name to show: persons pseudonymised unless consented and names asked for."""
        return self.pseudonymiser.display_name(str(actor), self.attributes(actor), self.show_names)

    def id(self, actor: Hashable) -> str:
        """The id to show: person ids are often made from names, so they are hidden too."""
        return self.pseudonymiser.display_id(str(actor), self.attributes(actor), self.show_names)

    def names(self, graph: nx.Graph | None = None) -> dict[Hashable, str]:
        """The name to show for every node of ``graph`` (default: the actors' graph)."""
        return {node: self.name(node) for node in (self.graph if graph is None else graph)}


def display_names(
    graph: nx.Graph, show_names: bool = False, pseudonymiser: Pseudonymiser | None = None
) -> dict[Hashable, str]:
    """The name to show for every node of ``graph`` (see `ActorNames`)."""
    return ActorNames(graph, show_names, pseudonymiser).names()


def shown_actor_ids(graph: nx.Graph, pseudonymiser: Pseudonymiser | None = None) -> dict[str, str]:
    """Every id output may have shown for an actor of ``graph`` → the actor's id: its own
    id, and a person's pseudonym (`ActorNames.id`).

    >>> graph = nx.Graph()
    >>> graph.add_node("erika", kind="actor", natural_person=True)
    >>> sorted(shown_actor_ids(graph, Pseudonymiser(b"secret")).items())
    [('Person-NCJR-M84Y-SNZ6', 'erika'), ('erika', 'erika')]
    """
    pseudonymiser = pseudonymiser or Pseudonymiser()
    shown = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind", "actor") != "actor":
            continue
        shown[str(node)] = str(node)
        if data.get("natural_person"):
            shown[pseudonymiser.pseudonym(str(node))] = str(node)
    return shown


def find_actor(
    text: str,
    view: nx.Graph,
    option: str | None = None,
    *,
    pseudonymiser: Pseudonymiser | None = None,
) -> Hashable:
    """An actor typed as id, pseudonym (as reports show it) or exact name → its id.

    Ids are taken as they are; pseudonyms and names ignore case and surrounding spaces.
    A pseudonym wins over a name; a name must be unique (else ConfigError listing the
    actors it fits). Unknown text raises NotFound naming ``option`` (e.g. "--for").
    """
    if text in view:
        return text
    wanted = text.strip().casefold()
    pseudonymiser = pseudonymiser or Pseudonymiser()
    for node, data in view.nodes(data=True):
        if data.get("natural_person") and pseudonymiser.pseudonym(str(node)).casefold() == wanted:
            return node
    named = [
        node
        for node, data in view.nodes(data=True)
        if str(data.get("name") or "").strip().casefold() == wanted
    ]
    if len(named) == 1:
        return named[0]
    if named:
        shown = ", ".join(ActorNames(view, False, pseudonymiser).id(node) for node in named)
        raise ConfigError(
            f'Name "{text}" passt auf {len(named)} Akteure ({shown}) — Kennung (ID) angeben'
        )
    where = f" für {option}" if option else ""
    if option and not option.startswith("-"):  # a parameter's name: the CLI names its flag
        where, named_option = " für {option}", option
    else:
        named_option = None
    raise NotFound(
        f'unbekannter Akteur "{text}"{where} — Kennung (ID), genauen Namen oder Pseudonym '
        "angeben (Liste: netzwerk export)",
        option=named_option,
    )
