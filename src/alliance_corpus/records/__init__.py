"""Typed records: the public, versioned contract of the corpus.

- :mod:`.models`: the Pydantic models (:class:`AnnotatedDocument` and its parts)
  and the invariants they check when built;
- :mod:`.schema`: the published JSON Schema and the migrations of older records.

>>> from alliance_corpus.records import AnnotatedDocument, SCHEMA_VERSION
>>> SCHEMA_VERSION
'1.3.0'
"""

from .models import (
    ENTITY_LABELS,
    LANGUAGE_CODE,
    NAMED_LABELS,
    SCHEMA_VERSION,
    WORD_KINDS,
    AnnotatedDocument,
    CleanResult,
    Edit,
    EditKind,
    Entity,
    EntityLabel,
    EntitySource,
    Flag,
    GarbleEvidence,
    Language,
    PipelineInfo,
    Record,
    Segment,
    SegmentKind,
    Sentence,
    Source,
    Span,
    check_edits,
    known_label,
)
from .raw import RawDocument

__all__ = [
    "ENTITY_LABELS", "LANGUAGE_CODE", "NAMED_LABELS", "SCHEMA_VERSION", "WORD_KINDS", "AnnotatedDocument", "CleanResult", "Edit", "EditKind",
    "Entity", "EntityLabel", "EntitySource", "Flag", "GarbleEvidence", "Language", "PipelineInfo", "Record", "Segment", "SegmentKind",
    "RawDocument", "Sentence", "Source", "Span", "check_edits", "known_label",
]  # fmt: skip
