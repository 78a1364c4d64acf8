"""The committed corpus is exactly what the main job produces from data/raw."""

from __future__ import annotations

from alliance_corpus import annotate_corpus
from tests.conftest import DATA


def test_bundled_corpus_is_what_the_main_job_produces(tmp_path):
    summary = annotate_corpus(DATA / "raw", tmp_path / "annotated")
    assert summary.ok and summary.documents >= 1
    committed = {p.name: p.read_bytes() for p in sorted((DATA / "annotated").iterdir())}
    produced = {p.name: p.read_bytes() for p in sorted((tmp_path / "annotated").iterdir())}
    assert produced.keys() == committed.keys()
    stale = [name for name in committed if committed[name] != produced[name]]
    assert not stale, f"data/annotated is stale for {stale}: run `make annotate`"


def test_bundled_corpus_seed_has_its_provenance():
    from alliance_corpus import load_corpus

    (document,) = list(load_corpus(DATA / "annotated"))
    assert document.source.path == "raw/000_ff174e8760ddc370.txt"
    assert "Council on Foreign Relations" in (document.source.derived_from or "")
