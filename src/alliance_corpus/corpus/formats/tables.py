"""A corpus as flat tables, one row per document, entity, edit, sentence, flag, segment or sign.

The tables are plain dictionaries, so they need no library; Parquet
(:mod:`.parquet`) and the DataFrame helpers of
:class:`~alliance_corpus.corpus.Corpus` build on them.  Every child row
carries ``doc_id`` and ``n``, its position in its document's list, so
:func:`documents_from_tables` can put each record back together exactly.

>>> from alliance_corpus import load_corpus
>>> tables = corpus_tables(load_corpus("data/annotated"))
>>> sorted(tables)
['documents', 'edits', 'entities', 'evidence', 'flags', 'segments', 'sentences']
>>> row = tables["edits"][0]
>>> row["doc_id"], row["n"], row["before"], row["after"], row["kind"]
('000_ff174e8760ddc370', 0, 'v', 'with', 'spin')
>>> documents_from_tables(tables) == list(load_corpus("data/annotated"))
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ...records import AnnotatedDocument, Edit, Entity, Flag, GarbleEvidence, Segment, Sentence
from ...records.models import Record

Row = dict[str, Any]

CHILD_TABLES: dict[str, tuple[str, type[Record]]] = {
    "entities": ("entities", Entity),
    "edits": ("edits", Edit),
    "sentences": ("sentences", Sentence),
    "flags": ("flags", Flag),
    "segments": ("segments", Segment),
    "evidence": ("garble_evidence", GarbleEvidence),
}
"""Each child table's name, the record field it flattens, and the model of its rows."""

TABLES = ("documents", *CHILD_TABLES)
"""Every table :func:`corpus_tables` makes, the documents first."""

SOURCE_FIELDS = ("path", "sha256", "title", "url", "publisher", "published", "retrieved", "derived_from", "notes", "encoding")
PIPELINE_FIELDS = ("alliance_corpus", "spacy", "model", "model_version", "resources", "fingerprint")


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
"""Each table's columns and their types, named as Arrow and Hugging Face ``datasets`` name them; child tables also start with ``doc_id`` and ``n``."""


def document_row(document: AnnotatedDocument) -> Row:
    """The document's own fields, with its source and pipeline spread out as ``source_*`` and ``pipeline_*`` columns."""
    return {
        "doc_id": document.id,
        "schema_version": document.schema_version,
        "raw_text": document.raw_text,
        "text": document.text,
        "garble_score": document.garble_score,
        "language": document.language.code if document.language else None,
        "language_confidence": document.language.confidence if document.language else None,
        **{f"source_{name}": getattr(document.source, name) for name in SOURCE_FIELDS},
        **{f"pipeline_{name}": getattr(document.pipeline, name) for name in PIPELINE_FIELDS},
    }


def child_rows(document: AnnotatedDocument, table: str) -> list[Row]:
    """The rows of one child table (``entities``, ``edits``...) for one document."""
    field, _ = CHILD_TABLES[table]
    items: list[Record] = getattr(document, field)
    return [{"doc_id": document.id, "n": n, **item.model_dump()} for n, item in enumerate(items)]


def table_rows(documents: Iterable[AnnotatedDocument], table: str) -> list[Row]:
    """All rows of ``table`` (one of :data:`TABLES`) over ``documents``."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: choose one of {', '.join(TABLES)}")
    if table == "documents":
        return [document_row(document) for document in documents]
    return [row for document in documents for row in child_rows(document, table)]


def corpus_tables(documents: Iterable[AnnotatedDocument]) -> dict[str, list[Row]]:
    """Every table over ``documents``, read once."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for document in documents:
        tables["documents"].append(document_row(document))
        for name in CHILD_TABLES:
            tables[name].extend(child_rows(document, name))
    return tables


def documents_from_tables(tables: dict[str, list[Row]]) -> list[AnnotatedDocument]:
    """The records the tables were made from, validated again, in the order of the documents table."""
    children: dict[str, dict[str, list[Row]]] = {name: defaultdict(list) for name in CHILD_TABLES}
    for name in CHILD_TABLES:
        for row in tables.get(name, []):
            children[name][row["doc_id"]].append(row)
    return [_document(row, {name: rows.get(row["doc_id"], []) for name, rows in children.items()}) for row in tables["documents"]]


def _document(row: Row, children: dict[str, list[Row]]) -> AnnotatedDocument:
    fields: dict[str, Any] = {
        "id": row["doc_id"],
        "schema_version": row["schema_version"],
        "raw_text": row["raw_text"],
        "text": row["text"],
        "garble_score": row["garble_score"],
        "language": None if row["language"] is None else {"code": row["language"], "confidence": row["language_confidence"]},
        "source": {name: row.get(f"source_{name}") for name in SOURCE_FIELDS},  # an export of schema 1.2 has no source_encoding
        "pipeline": {name: row[f"pipeline_{name}"] for name in PIPELINE_FIELDS},
    }
    for name, (field, _) in CHILD_TABLES.items():
        ordered = sorted(children[name], key=lambda child: child["n"])
        fields[field] = [{key: value for key, value in child.items() if key not in ("doc_id", "n")} for child in ordered]
    return AnnotatedDocument.model_validate(fields)
