"""Interchange formats: the corpus written in the forms other tools read, and read back.

One module per format, each following its own published conventions:

- :mod:`.tables`: flat rows per document, entity, edit, sentence, flag (no library);
- :mod:`.parquet`: those tables as Parquet files, through pyarrow;
- :mod:`.docbin`: a spaCy ``DocBin`` (the only module that needs spaCy);
- :mod:`.conll`: CoNLL-2003 named-entity columns, IOB tags;
- :mod:`.brat`: brat standoff ``.txt`` and ``.ann`` files;
- :mod:`.hf`: a folder Hugging Face ``datasets.load_dataset`` opens as it is;
- :mod:`.graph`: the co-occurrence network as GraphML and as node and edge CSV tables.

:func:`export` finds a format's module only when it is asked for, so that
writing Parquet never loads spaCy and writing a ``DocBin`` never loads pyarrow.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

from ...records import AnnotatedDocument

FORMATS: dict[str, str] = {
    "parquet": "parquet",
    "docbin": "docbin",
    "conll": "conll",
    "brat": "brat",
    "hf": "hf",
    "graph": "graph",
}
"""Format name (as ``alliance-corpus export --format`` takes it) to the module that writes it."""


def export(documents: Iterable[AnnotatedDocument], name: str, destination: Path) -> list[Path]:
    """Write ``documents`` in format ``name`` under ``destination``; the files written.

    Each format module has ``write(documents, destination) -> list[Path]``.
    """
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}: choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    written: list[Path] = module.write(documents, Path(destination))
    return written
