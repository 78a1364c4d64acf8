"""Reading a damaged corpus: bad records are named, the rest stays readable, nothing is accepted silently."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from alliance_corpus import annotate_corpus, load_corpus
from alliance_corpus.corpus import read_document
from alliance_corpus.errors import CorpusWarning, RecordError
from tests.conftest import make_corpus

CLI = [sys.executable, "-m", "alliance_corpus.cli"]


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("damaged")
    raw = make_corpus(root, {
        "a.txt": b"Defense Secretary Lloyd Austin met Prime Minister Fumio Kishida in Tokyo.\n",
        "b.txt": b"The Marines train at Camp Hansen on Okinawa.\n",
        "c.txt": b"Kadena Air Base is the largest U.S. air base in the Pacific.\n",
    })  # fmt: skip
    out = root / "annotated"
    annotate_corpus(raw, out)
    return out


def _copy(folder, tmp_path):
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in folder.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    return copy


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        (lambda data: data[: len(data) // 3], "line "),  # the JSON parser's message names the line and column
        (lambda data: data.replace(b'"id": "b"', b'"id": "b",\n  "id": "b"', 1), "duplicate key 'id'"),
        (lambda data: data.replace(b'"raw_text": "', b'"raw_text": "X', 1), "undoing the edits does not reproduce raw_text"),
        (lambda data: b"[1, 2]", "a record must be a JSON object"),
    ],
)
def test_damaged_record_is_named_and_the_rest_stays_readable(corpus_folder, tmp_path, damage, problem):
    folder = _copy(corpus_folder, tmp_path)
    (folder / "b.json").write_bytes(damage((folder / "b.json").read_bytes()))
    corpus = load_corpus(folder)
    with pytest.warns(CorpusWarning, match=r"\[W102\] .*b\.json: skipped: "):
        ids = [document.id for document in corpus]
    assert ids == ["a", "c"]
    assert len(corpus.problems) == 1 and problem in str(corpus.problems[0]) and corpus.problems[0].code == "E501"
    with pytest.raises(RecordError, match=r"\[E501\] .*b\.json: is not a readable record: "):
        corpus["b"]


def test_damaged_record_duplicate_key_is_refused_even_when_both_values_agree(corpus_folder):
    data = (corpus_folder / "a.json").read_bytes().replace(b'"id": "a"', b'"id": "a",\n  "id": "a"', 1)
    path = corpus_folder.parent / "dup.json"
    path.write_bytes(data)
    with pytest.raises(RecordError, match="duplicate key 'id'"):
        read_document(path)


def test_damaged_export_skips_a_bad_record_and_says_so_once(corpus_folder, tmp_path):
    folder = _copy(corpus_folder, tmp_path)
    (folder / "c.json").write_bytes(b"{")
    result = subprocess.run([*CLI, "export", str(folder), "--format", "jsonl"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert result.stderr.count("[W102]") == 1 and "c.json" in result.stderr
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"a", "b"}


def test_damaged_newer_minor_version_with_an_added_field_is_read(corpus_folder, tmp_path):
    record = json.loads((corpus_folder / "a.json").read_bytes())
    record["schema_version"] = "1.4.0"
    record["language"] = {"code": "en", "confidence": 0.99}  # a field a later minor release might add
    record["entities"][0]["confidence"] = 0.5  # and one inside a nested record
    path = tmp_path / "a.json"
    path.write_text(json.dumps(record))
    document = read_document(path)
    assert document.id == "a" and document.entities == read_document(corpus_folder / "a.json").entities


def test_damaged_newer_major_version_is_refused_with_advice(corpus_folder, tmp_path):
    record = json.loads((corpus_folder / "a.json").read_bytes())
    record["schema_version"] = "2.0.0"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(record))
    with pytest.raises(RecordError, match="schema version 2.0.0 is newer than this alliance_corpus .*upgrade the package"):
        read_document(path)


def test_damaged_record_that_is_a_link_out_of_the_corpus_is_not_read(corpus_folder, tmp_path):
    folder = _copy(corpus_folder, tmp_path)
    outside = tmp_path / "outside.json"
    outside.write_bytes((folder / "a.json").read_bytes())
    (folder / "a.json").unlink()
    (folder / "a.json").symlink_to(outside)
    with pytest.raises(RecordError, match="symbolic link"):
        load_corpus(folder)["a"]
