"""The flat tables every tabular format shares, and the records the tests use."""

from __future__ import annotations

import pytest

from alliance_corpus.corpus.formats.tables import TABLES, corpus_tables, documents_from_tables, table_rows


def test_tables_fixture_covers_the_empty_and_full_cases(documents):
    assert any(d.flags for d in documents) and any(not d.flags for d in documents)
    assert any(not d.entities for d in documents) and any(e.kb_id is None for d in documents for e in d.entities)
    assert any(d.language and d.language.code != "en" for d in documents)


def test_tables_round_trip_without_any_library(documents):
    assert documents_from_tables(corpus_tables(documents)) == documents


def test_tables_rows_carry_document_and_position(documents):
    rows = table_rows(documents, "sentences")
    assert len(rows) == sum(len(d.sentences) for d in documents)
    assert all(set(row) == {"doc_id", "n", "start", "end"} for row in rows)
    with pytest.raises(ValueError, match="unknown table"):
        table_rows(documents, "mentions")
    assert TABLES[0] == "documents"


def test_tables_formats_other_than_docbin_never_load_spacy(tmp_path):
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from alliance_corpus import load_corpus\n"
        "from alliance_corpus.corpus.formats import export\n"
        "documents = list(load_corpus('data/annotated'))\n"
        f"for name in ('parquet', 'conll', 'brat', 'hf'): export(documents, name, __import__('pathlib').Path({str(tmp_path)!r}) / name)\n"
        "assert 'spacy' not in sys.modules and 'thinc' not in sys.modules, 'spaCy was loaded'\n"
    )
    from tests.conftest import ROOT

    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 0, result.stderr
