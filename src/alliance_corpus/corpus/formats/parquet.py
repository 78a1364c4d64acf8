"""The corpus tables (:mod:`.tables`) as Parquet files, one per table, through pyarrow.

Every column has a declared type, so a table stays typed when it is empty
(no document has a flag) or a column holds only nulls (no entity is
linked): pandas, polars, DuckDB and R's arrow read the same schema whatever
the corpus holds.  ``doc_id`` joins the tables; ``n`` orders a document's rows.

pyarrow is an optional dependency (``pip install alliance-corpus[formats]``)
and is imported only here.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...errors import AllianceCorpusError
from ...records import SCHEMA_VERSION, AnnotatedDocument
from .tables import PIPELINE_FIELDS, SOURCE_FIELDS, TABLES, Row, corpus_tables, documents_from_tables

_INT, _FLOAT, _TEXT, _BOOL, _TEXTS = "int64", "float64", "string", "bool", "list<string>"

COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", _TEXT), ("schema_version", _TEXT), ("raw_text", _TEXT), ("text", _TEXT),
        ("garble_score", _FLOAT), ("language", _TEXT), ("language_confidence", _FLOAT),
        *((f"source_{name}", _TEXT) for name in SOURCE_FIELDS),
        *((f"pipeline_{name}", _TEXT) for name in PIPELINE_FIELDS),
    ],
    "entities": [
        ("text", _TEXT), ("label", _TEXT), ("start", _INT), ("end", _INT), ("raw_start", _INT), ("raw_end", _INT),
        ("canonical", _TEXT), ("kb_id", _TEXT), ("source", _TEXT), ("flagged", _BOOL),
    ],
    "edits": [
        ("raw_start", _INT), ("raw_end", _INT), ("clean_start", _INT), ("clean_end", _INT),
        ("before", _TEXT), ("after", _TEXT), ("rule", _TEXT), ("kind", _TEXT),
    ],
    "sentences": [("start", _INT), ("end", _INT)],
    "flags": [("start", _INT), ("end", _INT), ("text", _TEXT), ("kind", _TEXT), ("note", _TEXT), ("suggestions", _TEXTS)],
    "segments": [("start", _INT), ("end", _INT), ("kind", _TEXT)],
    "evidence": [
        ("raw_start", _INT), ("raw_end", _INT), ("text", _TEXT), ("kind", _TEXT), ("signal", _TEXT), ("weight", _FLOAT),
    ],
}  # fmt: skip
"""Each table's columns and their Arrow types; child tables also start with ``doc_id`` and ``n``."""


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:  # pragma: no cover - depends on the environment
        raise AllianceCorpusError("Parquet needs pyarrow: pip install 'alliance-corpus[formats]'") from None
    return pa, pq


def schema(table: str) -> Any:
    """The ``pyarrow.Schema`` of ``table``."""
    pa, _ = _pyarrow()
    types = {_INT: pa.int64(), _FLOAT: pa.float64(), _TEXT: pa.string(), _BOOL: pa.bool_(), _TEXTS: pa.list_(pa.string())}
    keys = [] if table == "documents" else [("doc_id", _TEXT), ("n", _INT)]
    fields = [pa.field(name, types[kind], nullable=name not in ("doc_id", "n")) for name, kind in [*keys, *COLUMNS[table]]]
    return pa.schema(fields, metadata={"alliance_corpus.schema_version": SCHEMA_VERSION, "alliance_corpus.table": table})


def to_arrow(rows: list[Row], table: str) -> Any:
    """``rows`` of ``table`` as a ``pyarrow.Table`` with the declared schema."""
    pa, _ = _pyarrow()
    return pa.Table.from_pylist(rows, schema=schema(table))


def write(documents: Iterable[AnnotatedDocument], destination: Path) -> list[Path]:
    """Write ``<table>.parquet`` for every table into the folder ``destination``; the files written."""
    _, pq = _pyarrow()
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in corpus_tables(documents).items():
        path = destination / f"{name}.parquet"
        pq.write_table(to_arrow(rows, name), path)
        written.append(path)
    return written


def read(folder: Path) -> list[AnnotatedDocument]:
    """The records a Parquet export holds, rebuilt and validated."""
    _, pq = _pyarrow()
    tables = {name: pq.read_table(Path(folder) / f"{name}.parquet").to_pylist() for name in TABLES}
    return documents_from_tables(tables)
