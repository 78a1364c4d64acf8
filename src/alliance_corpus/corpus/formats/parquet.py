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
from .tables import COLUMNS, TABLES, Row, corpus_tables, documents_from_tables


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
    keys = [] if table == "documents" else [("doc_id", "string"), ("n", "int64")]
    fields = [pa.field(name, arrow_type(kind), nullable=name not in ("doc_id", "n")) for name, kind in [*keys, *COLUMNS[table]]]
    return pa.schema(fields, metadata={"alliance_corpus.schema_version": SCHEMA_VERSION, "alliance_corpus.table": table})


def arrow_type(kind: str) -> Any:
    """The Arrow type of a column type of :data:`~.tables.COLUMNS` (``int64``, ``string``, ``list<string>``...)."""
    pa, _ = _pyarrow()
    if kind.startswith("list<"):
        return pa.list_(arrow_type(kind[len("list<") : -1]))
    return {"int64": pa.int64(), "float64": pa.float64(), "string": pa.string(), "bool": pa.bool_()}[kind]


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
