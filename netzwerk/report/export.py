"""Export the store graph for other tools: GraphML, GEXF (opens in Gephi), JSON, CSV.

Natural persons are pseudonymised by default, exactly as in reports: their node key, id and
name become the pseudonym, and address/contact never leave the store. Next to a pseudonym
there is no note, no street and no source file/sheet/row, on the node and on the ties that
touch it (`privacy.disclosure.withheld_fields` decides; ``show_names`` changes only what
consent allows). Dates become ISO
strings and lists are joined with '; ', since GraphML and GEXF know neither. CSV writes two
files (``…-nodes.csv`` and ``…-ties.csv``) with formula cells neutralised.

Distinct actors stay distinct nodes: if two nodes (or two ties) would get the same id in the
output, by a pseudonym collision or by escaping, the export stops with `ExportCollision`
instead of merging them. Files are written owner-only (`private_files`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Iterable
from datetime import date
from pathlib import Path

import networkx as nx

from netzwerk.present.tables import to_csv
from netzwerk.privacy.disclosure import tie_withheld_fields, withheld_fields, without_withheld
from netzwerk.privacy.pseudonyms import Pseudonymiser
from netzwerk.private_files import atomic_write_text, safe_output_path

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


class ExportCollision(RuntimeError):
    """Two distinct nodes or ties would become one in an export. An internal error: never
    expected (pseudonyms have 60 bits), so it is not caught and shows as a bug."""


def require_distinct(output_ids: Iterable[Hashable], what: str) -> None:
    """Raise `ExportCollision` if an output id occurs twice (``what``: 'Knoten' or 'Beziehungen').

    The message names the output id only (a pseudonym, never the person's id).

    >>> require_distinct(["Person-A", "schule"], "Knoten")
    >>> require_distinct(["Person-A", "Person-A"], "Knoten")
    Traceback (most recent call last):
    ...
    netzwerk.report.export.ExportCollision: interner Fehler beim Export: zwei verschiedene Knoten hätten dieselbe Kennung "Person-A" und würden zu einem verschmolzen — Export abgebrochen; bitte als Fehler in netzwerk melden
    """
    seen: set[Hashable] = set()
    for output_id in output_ids:
        if output_id in seen:
            raise ExportCollision(
                f"interner Fehler beim Export: zwei verschiedene {what} hätten dieselbe "
                f'Kennung "{output_id}" und würden zu einem verschmolzen — Export abgebrochen; '
                "bitte als Fehler in netzwerk melden"
            )
        seen.add(output_id)


def _flat(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> object:
    r"""XML 1.0 cannot hold most control characters, even escaped: show them as ``\x07``.

    >>> xml_text("Glocke\x07"), xml_text(3)
    ('Glocke\\x07', 3)
    """
    if not isinstance(value, str):
        return value
    return _XML_FORBIDDEN.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def _xml_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    require_distinct((xml_text(n) for n in graph), "Knoten")
    require_distinct(
        ((xml_text(u), xml_text(v), xml_text(k)) for u, v, k in graph.edges(keys=True)),
        "Beziehungen",
    )
    safe = nx.MultiDiGraph()
    safe.add_nodes_from(
        (xml_text(n), {k: xml_text(v) for k, v in d.items()}) for n, d in graph.nodes(data=True)
    )
    safe.add_edges_from(
        (xml_text(u), xml_text(v), xml_text(k), {a: xml_text(b) for a, b in d.items()})
        for u, v, k, d in graph.edges(keys=True, data=True)
    )
    return safe


def shareable_graph(
    graph: nx.MultiDiGraph, show_names: bool = False, pseudonymiser: Pseudonymiser | None = None
) -> nx.MultiDiGraph:
    """A copy safe to hand out: persons pseudonymised, attributes flat (str/number/bool).

    Raises `ExportCollision` rather than merge two nodes (or ties) under one output id.
    """
    pseudonymiser = pseudonymiser or Pseudonymiser()
    rename = {
        node: pseudonymiser.display_id(node, data, show_names)
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "actor"
    }
    require_distinct((rename.get(node, node) for node in graph), "Knoten")
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attributes = without_withheld(
            {k: _flat(v) for k, v in data.items()}, withheld_fields(data, show_names)
        )
        if node in rename:
            attributes["name"] = pseudonymiser.display_name(node, data, show_names)
        attributes["label"] = attributes.get("name", node)
        # GEXF and GraphML writers use an "id" attribute as the node id: make it the unique key
        attributes["id"] = rename.get(node, node)
        out.add_node(rename.get(node, node), **attributes)
    edges = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        u2, v2 = rename.get(u, u), rename.get(v, v)
        if (u2, v2) != (u, v):
            key = key.replace(u, u2).replace(v, v2)
        withheld = tie_withheld_fields(graph.nodes[u], graph.nodes[v], show_names=show_names)
        flat = {k: _flat(value) for k, value in data.items()}
        edges.append((u2, v2, key, without_withheld(flat, withheld)))
    require_distinct(((u, v, key) for u, v, key, _ in edges), "Beziehungen")
    out.add_edges_from(edges)
    return out


def export_graph(
    graph: nx.MultiDiGraph, path: Path | str, fmt: str, show_names: bool = False
) -> list[Path]:
    """Write ``graph`` to ``path`` in ``fmt``; returns the files written."""
    path = safe_output_path(Path(path))
    shareable = shareable_graph(graph, show_names)
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(_xml_safe(shareable)))
        return [atomic_write_text(path, text)]
    if fmt == "gexf":
        text = "\n".join(nx.generate_gexf(_xml_safe(shareable)))
        return [atomic_write_text(path, text)]
    if fmt == "json":
        data = nx.node_link_data(shareable, edges="edges")
        return [atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))]
    if fmt == "csv":
        stem = path.with_suffix("")
        nodes = [{"node": n, **d} for n, d in shareable.nodes(data=True)]
        ties = [
            {"source": u, "target": v, "key": k, **d}
            for u, v, k, d in shareable.edges(keys=True, data=True)
        ]
        return [
            # plain CSV ("," and ".") for Gephi and other programs
            atomic_write_text(Path(f"{stem}-nodes.csv"), to_csv(nodes, lang="en")),
            atomic_write_text(Path(f"{stem}-ties.csv"), to_csv(ties, lang="en")),
        ]
    raise ValueError(f"unknown export format {fmt!r}")
