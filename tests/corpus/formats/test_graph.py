"""The co-occurrence network export, read back by NetworkX (GraphML) and pandas (Gephi's node and edge tables)."""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections import Counter
from itertools import combinations

import networkx
import pytest

from alliance_corpus.corpus.formats import export, graph
from alliance_corpus.records import NAMED_LABELS


def _pairs_by_hand(documents) -> Counter:
    """Sentences naming both entities of each pair, counted straight from the records (not through the library)."""
    pairs: Counter = Counter()
    for document in documents:
        starts = [s.start for s in document.sentences]
        named: dict[int, set[str]] = {}
        for entity in document.entities:
            if entity.label in NAMED_LABELS:
                named.setdefault(bisect_right(starts, entity.start) - 1, set()).add(entity.canonical or entity.text)
        for names in named.values():
            pairs.update(combinations(sorted(names), 2))
    return pairs


@pytest.fixture(scope="module")
def written(documents, tmp_path_factory):
    folder = tmp_path_factory.mktemp("graph")
    return folder, export(documents, "graph", folder)


def test_graph_graphml_reads_in_networkx_with_every_node_edge_and_weight(documents, written):
    folder, paths = written
    assert [p.name for p in paths] == list(graph.FILES)
    read = networkx.read_graphml(folder / "cooccurrence.graphml")
    assert not read.is_directed()
    names = {node: data["name"] for node, data in read.nodes(data=True)}
    weights = Counter({tuple(sorted((names[a], names[b]))): data["weight"] for a, b, data in read.edges(data=True)})
    expected = _pairs_by_hand(documents)
    assert expected and weights == expected
    mentions = Counter(e.canonical or e.text for d in documents for e in d.entities if e.label in NAMED_LABELS)
    assert {data["name"]: data["mentions"] for _, data in read.nodes(data=True)} == dict(mentions)


def test_graph_nodes_carry_their_label_and_wikidata_id(written):
    folder, _ = written
    read = networkx.read_graphml(folder / "cooccurrence.graphml")
    by_name = {data["name"]: data for _, data in read.nodes(data=True)}
    assert by_name["Okinawa"]["kb_id"] == "Q766445" and by_name["Okinawa"]["label"] == "GPE"
    assert all(data["documents"] <= data["mentions"] for data in by_name.values())


def test_graph_csv_tables_follow_gephi_and_match_the_graphml(written):
    pandas = pytest.importorskip("pandas")
    folder, _ = written
    nodes = pandas.read_csv(folder / "nodes.csv", keep_default_na=False)
    edges = pandas.read_csv(folder / "edges.csv")
    assert list(nodes.columns[:2]) == ["Id", "Label"] and list(edges.columns) == ["Source", "Target", "Type", "Weight"]
    read = networkx.read_graphml(folder / "cooccurrence.graphml")
    assert set(nodes["Id"]) == set(read.nodes) and len(edges) == read.number_of_edges()
    assert set(edges["Type"]) == {"Undirected"}
    for row in edges.itertuples():
        assert read.edges[row.Source, row.Target]["weight"] == row.Weight


def test_graph_bytes_do_not_depend_on_the_order_of_documents(documents, tmp_path):
    one = export(documents, "graph", tmp_path / "one")
    two = export(list(reversed(documents)), "graph", tmp_path / "two")
    assert [p.read_bytes() for p in one] == [p.read_bytes() for p in two]


def test_graph_hostile_names_are_escaped_in_xml_and_inert_in_csv(tmp_path):
    nodes = [graph.Node("<script>alert(1)</script> & Co", "ORG", None, 2, 1), graph.Node("=HYPERLINK(\"x\")", "ORG", None, 2, 1)]
    edges = Counter({(nodes[1].name, nodes[0].name): 2})
    (tmp_path / "g.graphml").write_bytes(graph.graphml(nodes, edges))
    read = networkx.read_graphml(tmp_path / "g.graphml")
    assert {data["name"] for _, data in read.nodes(data=True)} == {node.name for node in nodes}
    assert b"<script>" not in (tmp_path / "g.graphml").read_bytes()
    rows = list(csv.reader(graph.node_table(nodes).decode().splitlines()))
    assert rows[2][1] == "'=HYPERLINK(\"x\")" and rows[1][1] == nodes[0].name
