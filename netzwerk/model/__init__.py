"""What exists in a district network: actors, topics, projects, events, places, typed ties.

`netzwerk.model` is the one name to import from; it gathers

- `vocabulary`: the controlled values (actor types, sectors, tie and node kinds) with their
  German and English labels, and which node kinds a tie kind may join;
- `records`: the frozen record dataclasses ingest produces and stores persist, and
  `GRAPH_SCHEMA`, the attributes of the networkx graph `Store.graph()` returns;
- `validity`: when a record belongs to the network (periods with open ends, events).
"""

from netzwerk.model.records import (
    GRAPH_SCHEMA,
    Actor,
    Changeset,
    DatedNode,
    Event,
    NodeRef,
    Place,
    Project,
    Provenance,
    Tie,
    Topic,
    graph_key,
    street_of,
)
from netzwerk.model.validity import (
    is_valid_on,
    node_is_valid,
    periods_overlap,
    periods_valid_on,
)
from netzwerk.model.vocabulary import (
    ACTOR_TYPES,
    NODE_KINDS,
    NODE_LABELS,
    RELATIONSHIP_TYPES,
    SECTORS,
    TIE_ENDPOINTS,
    TIE_KINDS,
    UNDIRECTED_TIE_KINDS,
    Term,
    Vocabulary,
    normalise_token,
    slugify,
)

__all__ = [
    "ACTOR_TYPES",
    "GRAPH_SCHEMA",
    "NODE_KINDS",
    "NODE_LABELS",
    "RELATIONSHIP_TYPES",
    "SECTORS",
    "TIE_ENDPOINTS",
    "TIE_KINDS",
    "UNDIRECTED_TIE_KINDS",
    "Actor",
    "Changeset",
    "DatedNode",
    "Event",
    "NodeRef",
    "Place",
    "Project",
    "Provenance",
    "Term",
    "Tie",
    "Topic",
    "Vocabulary",
    "graph_key",
    "is_valid_on",
    "node_is_valid",
    "normalise_token",
    "periods_overlap",
    "periods_valid_on",
    "slugify",
    "street_of",
]
