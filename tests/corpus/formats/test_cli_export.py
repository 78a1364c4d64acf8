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


@pytest.mark.parametrize(
    ("command", "target", "problem"),
    [
        (("export", str(ANNOTATED), "--format", "csv"), "folder", "folder: is a folder; name the file to write"),
        (("export", str(ANNOTATED), "--format", "brat"), "file", "file: is a file, not a folder"),
        (("export", str(ANNOTATED), "--format", "parquet"), "file/inside", "file: is a file, not a folder"),
        (("review", str(ANNOTATED)), "file", "file: is a file, not a folder"),
        (("induce", str(DATA.parent / "tests" / "data" / "garbled_dev")), "folder", "folder: is a folder; name the file to write"),
        (("annotate", "--raw", str(DATA / "raw")), "file/records", "file: is a file, not a folder"),
    ],
)
def test_cli_an_output_of_the_wrong_kind_is_refused_before_any_work(tmp_path, command, target, problem):
    """A folder where a file is to be written, or a file where a folder is, gets a clear error and exit status 2, and nothing is written."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_bytes(b"a researcher's notes")
    flag = "--out" if command[0] == "annotate" else "-o"
    result = run(*command, flag, target, cwd=tmp_path)
    assert result.returncode == 2 and b"Traceback" not in result.stderr and problem in result.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"] and not any((tmp_path / "folder").iterdir())
    assert (tmp_path / "file").read_bytes() == b"a researcher's notes"


def test_cli_a_file_the_system_refuses_is_named_without_a_traceback(tmp_path):
    (tmp_path / "site" / "index.html").mkdir(parents=True)  # a folder where the review site's first page goes
    result = run("review", str(ANNOTATED), "-o", str(tmp_path / "site"))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert "index.html" in result.stderr.decode() and "Is a directory" in result.stderr.decode()
