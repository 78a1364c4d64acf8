"""Corpus tables as DataFrames: pandas or polars, whichever is installed, each imported only when asked for.

Columns are typed from :data:`~.formats.tables.COLUMNS`, so a table with no
rows still has its columns and their types (through pyarrow when it is
installed, as pandas and polars both read Arrow).
"""

from __future__ import annotations

import importlib.util
from typing import Any

from ..errors import AllianceCorpusError
from .formats.tables import COLUMNS

Row = dict[str, Any]


def column_names(table: str) -> list[str]:
    """The columns of ``table`` in order, the keys first."""
    keys = [] if table == "documents" else ["doc_id", "n"]
    return [*keys, *(name for name, _ in COLUMNS[table])]


def _arrow(rows: list[Row], table: str) -> Any | None:
    if importlib.util.find_spec("pyarrow") is None:
        return None
    from .formats.parquet import to_arrow

    return to_arrow(rows, table)


def to_pandas(rows: list[Row], table: str) -> Any:
    """``rows`` of ``table`` as a pandas ``DataFrame``."""
    try:
        import pandas as pd
    except ImportError:
        raise AllianceCorpusError("DataFrames need pandas: pip install 'alliance-corpus[pandas]'") from None
    arrow = _arrow(rows, table)
    if arrow is not None:
        return arrow.to_pandas()
    return pd.DataFrame.from_records(rows, columns=column_names(table))


def to_polars(rows: list[Row], table: str) -> Any:
    """``rows`` of ``table`` as a polars ``DataFrame``."""
    try:
        import polars as pl
    except ImportError:
        raise AllianceCorpusError("DataFrames need polars: pip install 'alliance-corpus[polars]'") from None
    arrow = _arrow(rows, table)
    if arrow is not None:
        return pl.from_arrow(arrow)
    types: dict[str, Any] = {"int64": pl.Int64, "float64": pl.Float64, "string": pl.String, "bool": pl.Boolean, "list<string>": pl.List(pl.String)}
    keys: dict[str, Any] = {} if table == "documents" else {"doc_id": pl.String, "n": pl.Int64}
    return pl.DataFrame(rows, schema={**keys, **{name: types[kind] for name, kind in COLUMNS[table]}})


def to_dataframe(rows: list[Row], table: str) -> Any:
    """pandas when it is installed, else polars."""
    if importlib.util.find_spec("pandas") is not None:
        return to_pandas(rows, table)
    if importlib.util.find_spec("polars") is not None:
        return to_polars(rows, table)
    raise AllianceCorpusError("DataFrames need pandas or polars: pip install 'alliance-corpus[pandas]'")
