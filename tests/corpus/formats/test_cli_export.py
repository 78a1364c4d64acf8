"""`alliance-corpus export --format ...` for the folder formats, run as a researcher runs it."""

from __future__ import annotations

import pytest

from alliance_corpus.cli import FOLDER_FORMATS
from alliance_corpus.corpus.formats import FORMATS, brat, conll, docbin, graph, parquet
from tests.conftest import DATA
from tests.test_cli import run

ANNOTATED = DATA / "annotated"


def test_cli_export_offers_every_format_of_the_package():
    assert set(FOLDER_FORMATS) == set(FORMATS)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_cli_export_writes_each_folder_format(name, tmp_path):
    from alliance_corpus import load_corpus

    result = run("export", str(ANNOTATED), "--format", name, "-o", str(tmp_path / name))
    assert result.returncode == 0, result.stderr
    assert b"wrote" in result.stderr
    documents = list(load_corpus(ANNOTATED))
    folder = tmp_path / name
    if name == "parquet":
        assert parquet.read(folder) == documents
    elif name == "docbin":
        assert docbin.read(folder) == documents
    elif name == "conll":
        assert len(conll.read(folder / conll.FILE_NAME)[0].entities()) == len(documents[0].entities)
    elif name == "brat":
        assert len(brat.read_ann(folder / f"{documents[0].id}.ann")) == len(documents[0].entities)
    elif name == "graph":
        import networkx

        assert networkx.read_graphml(folder / "cooccurrence.graphml").number_of_nodes() == len(graph.network(documents)[0])
    else:
        assert (folder / "README.md").is_file() and (folder / "data" / "train.jsonl").is_file()


def test_cli_export_folder_format_needs_an_output_folder():
    result = run("export", str(ANNOTATED), "--format", "parquet")
    assert result.returncode == 2 and b"-o DIR" in result.stderr
