"""Reading the whole network back from Neo4j into networkx, in two streaming queries."""

from __future__ import annotations

from datetime import date

import networkx as nx
from neo4j import ManagedTransaction

from netzwerk.model import graph_key
from netzwerk.store.neo4j_cypher import (
    GRAPH_NODES,
    GRAPH_NODES_ON_DAY,
    GRAPH_TIES,
    GRAPH_TIES_ON_DAY,
    LOCK,
    query,
)
from netzwerk.store.rows import add_tie_edges, node_attributes

GRAPH_CHUNK = 1000  # nodes per record when reading the graph


def read_graph(tx: ManagedTransaction, as_of: date | None) -> nx.MultiDiGraph:
    """The network as a networkx graph (see `model.GRAPH_SCHEMA`), in a transaction that
    holds the ingest lock: two streaming queries, nodes then ties, each record a list of ``GRAPH_CHUNK``
    nodes (or of those nodes' outgoing ties).

    Dates travel as ISO text and records are few: building a driver `Record` or hydrating
    a driver `Date` costs more than the value itself.
    """
    graph = nx.MultiDiGraph()
    tx.run(query(LOCK)).consume()
    nodes = GRAPH_NODES if as_of is None else GRAPH_NODES_ON_DAY
    for record in tx.run(query(nodes), day=as_of, chunk=GRAPH_CHUNK):
        for (
            kind,
            node_id,
            name,
            since,
            until,
            note,
            type_,
            sector,
            topics,
            address,
            consent,
            coordinator,
        ) in record[0]:
            props = {"note": note or ""}
            if kind == "actor":
                props.update(
                    type=type_,
                    sector=sector,
                    topics=topics or [],
                    address=address or "",
                    consent=consent,
                    coordinator=coordinator,
                )
            graph.add_node(
                graph_key(kind, node_id),
                **node_attributes(kind, node_id, name, since, until, props),
            )
    ties = GRAPH_TIES if as_of is None else GRAPH_TIES_ON_DAY
    chunks = tx.run(query(ties), day=as_of, chunk=GRAPH_CHUNK)
    add_tie_edges(
        graph,
        (
            (graph_key(source_kind, source_id), graph_key(target_kind, target_id), *row)
            for record in chunks
            for source_kind, source_id, target_kind, target_id, *row in record[0]
        ),
        as_of,
    )
    return graph
