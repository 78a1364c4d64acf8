"""Parquet tables: typed columns, read by pyarrow and pandas, and records rebuilt exactly."""

from __future__ import annotations

import pytest

from alliance_corpus.corpus.formats import export, parquet
from alliance_corpus.corpus.formats.tables import TABLES, table_rows

pq = pytest.importorskip("pyarrow.parquet")


def test_parquet_round_trip_gives_back_equal_records(documents, tmp_path):
    written = export(documents, "parquet", tmp_path)
    assert sorted(path.name for path in written) == sorted(f"{name}.parquet" for name in TABLES)
    assert parquet.read(tmp_path) == documents


def test_parquet_tables_have_one_row_per_item_and_declared_types(documents, tmp_path):
    parquet.write(documents, tmp_path)
    entities = pq.read_table(tmp_path / "entities.parquet")
    assert entities.num_rows == sum(len(d.entities) for d in documents)
    assert str(entities.schema.field("raw_start").type) == "int64"
    assert entities.schema.metadata[b"alliance_corpus.table"] == b"entities"
    documents_table = pq.read_table(tmp_path / "documents.parquet")
    assert documents_table.column("doc_id").to_pylist() == [d.id for d in documents]


def test_parquet_empty_table_keeps_its_column_types(documents, tmp_path):
    english = [d for d in documents if not d.flags]
    parquet.write(english, tmp_path)
    flags = pq.read_table(tmp_path / "flags.parquet")
    assert flags.num_rows == 0
    suggestions = flags.schema.field("suggestions").type
    assert str(suggestions.value_type) == "string" and str(flags.schema.field("start").type) == "int64"
    assert parquet.read(tmp_path) == english


def test_parquet_reads_into_pandas_with_joinable_keys(documents, tmp_path):
    pytest.importorskip("pandas")
    parquet.write(documents, tmp_path)
    edits = pq.read_table(tmp_path / "edits.parquet").to_pandas()
    assert len(edits) == len(table_rows(documents, "edits"))
    first = documents[0].edits[0]
    row = edits[(edits.doc_id == documents[0].id) & (edits.n == 0)].iloc[0]
    assert (row.before, row.after, row.rule) == (first.before, first.after, first.rule)
