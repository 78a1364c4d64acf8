"""The co-occurrence network: GraphML, and node and edge tables as CSV.

``alliance-corpus export --format graph -o DIR`` writes three files:

- ``cooccurrence.graphml``: GraphML (the XML format of graphdrawing.org) with
  one undirected graph, read as it is by NetworkX, igraph, Gephi and
  Cytoscape;
- ``nodes.csv`` and ``edges.csv``: the same graph as the node and edge tables
  Gephi's spreadsheet import expects (``Id``/``Label`` and
  ``Source``/``Target``/``Type``/``Weight``), with formula-like cells made
  inert as in the CSV export.

A node is an entity, keyed as :func:`~alliance_corpus.corpus.analysis.cooccurrences`
keys it (canonical name, else the mention text), with its most frequent label,
its knowledge-base id, and how often and in how many documents it is
mentioned.  An edge joins two entities named in one sentence; its weight is
the number of such sentences.  Only named labels count (no dates or numbers).
Nodes and edges are sorted, so the same corpus gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from ...records import NAMED_LABELS, AnnotatedDocument
from ..analysis import cooccurrences, entity_key
from ..export import neutralise
from ..io import write_atomic

GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
NODE_ATTRIBUTES = (("name", "string"), ("label", "string"), ("kb_id", "string"), ("mentions", "int"), ("documents", "int"))
EDGE_ATTRIBUTES = (("weight", "int"),)
FILES = ("cooccurrence.graphml", "nodes.csv", "edges.csv")


@dataclass(frozen=True)
class Node:
    """One entity of the network: its name, most frequent label and id, mentions and documents."""

    name: str
    label: str
    kb_id: str | None
    mentions: int
    documents: int


def network(documents: Iterable[AnnotatedDocument]) -> tuple[list[Node], Counter[tuple[str, str]]]:
    """The nodes (sorted by name) and the weighted edges (pairs of names) of the co-occurrence network."""
    documents = list(documents)
    labels: dict[str, Counter[str]] = {}
    ids: dict[str, Counter[str]] = {}
    in_documents: Counter[str] = Counter()
    for document in documents:
        seen = set()
        for entity in document.entities:
            if entity.label not in NAMED_LABELS:
                continue
            key = entity_key(entity)
            labels.setdefault(key, Counter())[entity.label] += 1
            ids.setdefault(key, Counter())
            if entity.kb_id:
                ids[key][entity.kb_id] += 1
            seen.add(key)
        in_documents.update(seen)
    nodes = [
        Node(name, _most_common(labels[name]) or "", _most_common(ids[name]), sum(labels[name].values()), in_documents[name])
        for name in sorted(labels)
    ]
    return nodes, cooccurrences(documents)


def _most_common(counts: Counter[str]) -> str | None:
    """The most frequent key, ties broken alphabetically, so the choice never depends on reading order."""
    return min(counts, key=lambda key: (-counts[key], key)) if counts else None


def graphml(nodes: list[Node], edges: Counter[tuple[str, str]]) -> bytes:
    """The network as a GraphML document (UTF-8); node ids are ``n0``, ``n1``, ... in name order."""
    ElementTree.register_namespace("", GRAPHML_NAMESPACE)
    root = ElementTree.Element(_tag("graphml"))
    for scope, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        for name, kind in attributes:
            ElementTree.SubElement(root, _tag("key"), {"id": f"{scope}_{name}", "for": scope, "attr.name": name, "attr.type": kind})
    graph = ElementTree.SubElement(root, _tag("graph"), {"id": "cooccurrence", "edgedefault": "undirected"})
    number = {node.name: f"n{index}" for index, node in enumerate(nodes)}
    for node in nodes:
        element = ElementTree.SubElement(graph, _tag("node"), {"id": number[node.name]})
        for name, _ in NODE_ATTRIBUTES:
            value = getattr(node, name)
            if value is not None:
                ElementTree.SubElement(element, _tag("data"), {"key": f"node_{name}"}).text = str(value)
    for (first, second), weight in sorted(edges.items()):
        element = ElementTree.SubElement(graph, _tag("edge"), {"source": number[first], "target": number[second]})
        ElementTree.SubElement(element, _tag("data"), {"key": "edge_weight"}).text = str(weight)
    ElementTree.indent(root)
    document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _tag(name: str) -> str:
    return f"{{{GRAPHML_NAMESPACE}}}{name}"


def node_table(nodes: list[Node]) -> bytes:
    """Gephi's node table: ``Id`` (as in the GraphML), ``Label`` (the name), then the entity's attributes."""
    rows: list[list[object]] = [["Id", "Label", "entity_label", "kb_id", "mentions", "documents"]]
    rows += [[f"n{index}", node.name, node.label, node.kb_id or "", node.mentions, node.documents] for index, node in enumerate(nodes)]
    return _csv(rows)


def edge_table(nodes: list[Node], edges: Counter[tuple[str, str]]) -> bytes:
    """Gephi's edge table: ``Source``, ``Target`` (node ids), ``Type`` (always ``Undirected``) and ``Weight``."""
    number = {node.name: f"n{index}" for index, node in enumerate(nodes)}
    rows: list[list[object]] = [["Source", "Target", "Type", "Weight"]]
    rows += [[number[first], number[second], "Undirected", weight] for (first, second), weight in sorted(edges.items())]
    return _csv(rows)


def _csv(rows: list[list[object]]) -> bytes:
    stream = io.StringIO()
    csv.writer(stream, lineterminator="\n").writerows([[neutralise(cell) for cell in row] for row in rows])
    return stream.getvalue().encode("utf-8")


def write(documents: Iterable[AnnotatedDocument], destination: Path) -> list[Path]:
    """Write :data:`FILES` into ``destination``, each atomically; the paths written."""
    nodes, edges = network(documents)
    contents = (graphml(nodes, edges), node_table(nodes), edge_table(nodes, edges))
    paths = [destination / name for name in FILES]
    for path, content in zip(paths, contents):
        write_atomic(path, content)
    return paths
