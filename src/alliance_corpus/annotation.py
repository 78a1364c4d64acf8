"""From raw text to :class:`~alliance_corpus.records.AnnotatedDocument`.

Restoration runs first; the model then reads the restored text (in chunks of
whole paragraphs, a few at a time, so long scraped pages never hit
``nlp.max_length`` and the model's memory does not grow with them), the
gazetteer links the mentions, and every mention is projected back onto the
raw text.  Every step after the model costs time in proportion to the
document's length.

>>> doc = annotate("Leon Panetta visited Okinawa.", doc_id="example")
>>> [(e.text, e.label, e.kb_id) for e in doc.entities]
[('Leon Panetta', 'PERSON', 'Q244631'), ('Okinawa', 'GPE', 'Q766445')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, cast

from ._version import __version__
from .entities import Mention, confirmed_in_headings, credit_mentions, cut_at_lines, link_mentions, outside_boilerplate, overlay
from .entities.corrections import correct_mentions, reject_edits
from .errors import require_text
from .layout import find_credits
from .nlp import BATCH_CHARS, ENCODER, Analyses, Pipeline, check_token_rules, load_pipeline, model_name, model_version, spacy_version
from .records import AnnotatedDocument, CleanResult, Entity, EntityLabel, EntitySource, PipelineInfo, RawDocument, Sentence, Source
from .resources import Resources
from .resources.gazetteer import Gazetteer
from .restore import RestoreConfig, clean
from .text.chunks import CHUNK_CHARS, bounded_groups, split_paragraphs, split_text
from .text.projection import Projection

__all__ = ["BATCH_SIZE", "CHUNK_CHARS", "annotate", "annotate_documents", "check_resources", "pipeline_info", "read_entities", "split_text"]

ENGLISH_OR_UNDETERMINED = frozenset({"en", "und"})
DOC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
BATCH_SIZE = 16


def annotate(
    text: str,
    doc_id: str = "document",
    *,
    source: Source | None = None,
    model: str | None = None,
    resources: Resources | None = None,
) -> AnnotatedDocument:
    """Restore, tag and link one text."""
    require_text(text)
    if not DOC_ID.fullmatch(doc_id):
        raise ValueError(f"doc_id {doc_id!r} must be letters, digits, '.', '_' or '-', starting with a letter or digit")
    source = source or Source(path=f"{doc_id}.txt", sha256=text_sha256(text))
    return next(iter(annotate_documents([RawDocument(doc_id, text, source)], model=model, resources=resources)))


def annotate_documents(
    documents: Iterable[RawDocument],
    *,
    model: str | None = None,
    resources: Resources | None = None,
    batch_size: int = BATCH_SIZE,
    restore: RestoreConfig | None = None,
) -> Iterator[AnnotatedDocument]:
    """Annotate documents in batches through ``nlp.pipe``; the pipeline loads once per process.

    ``restore`` sets restoration's options (by default every step runs, and
    the context rules use ``model``); ``RestoreConfig(disable=tuple(STEPS))``
    annotates the text as it is, with its garble score and flags.
    """
    resources = resources or Resources.bundled()
    pipeline = load_pipeline(model, resources)
    info = pipeline_info(model, resources)
    config = restore if restore is not None else RestoreConfig(model=model)
    batch: list[RawDocument] = []
    for document in documents:
        batch.append(document)
        if len(batch) == batch_size:
            yield from _annotate_batch(batch, pipeline, resources, info, config)
            batch = []
    if batch:
        yield from _annotate_batch(batch, pipeline, resources, info, config)


def check_resources(resources: Resources) -> None:
    """Read and validate every rule, gazetteer and lexicon file now, before any document is touched.

    Raises :class:`~alliance_corpus.errors.ResourceError` naming the file and line.
    """
    check_token_rules(resources.rules)  # reading the cached properties validates the files
    resources.gazetteer  # noqa: B018
    resources.lexicon  # noqa: B018


def pipeline_info(model: str | None, resources: Resources) -> PipelineInfo:
    """Versions and resource fingerprint of a pipeline, read without loading the model (once per process and pipeline)."""
    return _pipeline_info(model_name(model), resources)


@lru_cache(maxsize=8)
def _pipeline_info(model: str, resources: Resources) -> PipelineInfo:
    name, version, spacy = model, model_version(model), spacy_version()
    parts = [__version__, spacy, name, version, resources.fingerprint]
    return PipelineInfo(
        alliance_corpus=__version__,
        spacy=spacy,
        model=name,
        model_version=version,
        resources=resources.fingerprint,
        fingerprint=text_sha256("\0".join(parts)),
    )


def _annotate_batch(
    batch: list[RawDocument], pipeline: Pipeline, resources: Resources, info: PipelineInfo, config: RestoreConfig
) -> Iterator[AnnotatedDocument]:
    analyses = Analyses() if ENCODER in pipeline.nlp.pipe_names else None  # one for the batch: its limit bounds the batch's vectors
    cleaned: list[CleanResult | None] = [
        reject_edits(doc.text, clean(doc.text, config=config, resources=resources, reference=doc.reference, analyses=analyses), doc.corrections)
        for doc in batch
    ]
    found: list[tuple[list[Mention], list[Sentence]] | None] = list(
        read_entities(pipeline, [result.text if result is not None and is_english(result) else None for result in cleaned], analyses)
    )
    del analyses
    for index, document in enumerate(batch):
        result, read = cleaned[index], found[index]
        cleaned[index] = found[index] = None  # a long document's intermediate results go as soon as its record is made
        assert result is not None and read is not None
        yield _record(document, result, *read, resources, info)
        del result, read


def read_entities(pipeline: Pipeline, texts: Sequence[str | None], analyses: Analyses | None = None) -> list[tuple[list[Mention], list[Sentence]]]:
    """The model's mentions and sentences in each text (none for a ``None``), with offsets into the whole text.

    Each text is read paragraph by paragraph (:func:`split_paragraphs`; a
    paragraph longer than :data:`CHUNK_CHARS` characters is cut), and the
    paragraphs go through the model in groups of at most :data:`BATCH_CHARS`
    characters, each group in its own memory zone: only plain offsets leave
    it, so the model's memory stays the same however long a document is.
    A paragraph already encoded during restoration (``analyses``) skips the
    encoder (see :class:`~alliance_corpus.nlp.Analyses`).
    """
    pieces = [(index, offset, piece) for index, text in enumerate(texts) if text is not None for offset, piece in split_paragraphs(text)]
    found: list[tuple[list[Mention], list[Sentence]]] = [([], []) for _ in texts]
    nlp = pipeline.nlp
    for group in bounded_groups(pieces, lambda piece: len(piece[2]), BATCH_CHARS):
        with nlp.memory_zone():
            encoded = [analyses.take(piece) if analyses is not None else None for _, _, piece in group]
            for (index, offset, _), doc in zip(group, _read(pipeline, [piece for _, _, piece in group], encoded)):
                mentions, sentences = found[index]
                mentions += [_mention(ent, offset) for ent in doc.ents]
                sentences += [Sentence(start=s.start_char + offset, end=s.end_char + offset) for s in doc.sents]
    return found


def _read(pipeline: Pipeline, pieces: list[str], encoded: list[Any | None]) -> list[Any]:
    """``pieces`` through the entity pass, in order; those with a doc in ``encoded`` skip the encoder."""
    nlp = pipeline.nlp
    docs: list[Any] = list(encoded)
    fresh = [i for i, doc in enumerate(encoded) if doc is None]
    reused = [i for i, doc in enumerate(encoded) if doc is not None]
    for positions, inputs, disable in (
        (fresh, [pieces[i] for i in fresh], pipeline.ner_disabled),
        (reused, [encoded[i] for i in reused], [*pipeline.ner_disabled, ENCODER]),
    ):
        for i, doc in zip(positions, nlp.pipe(inputs, disable=disable, batch_size=max(len(inputs), 1))):
            docs[i] = doc
    return docs


def _mention(ent: Any, offset: int) -> Mention:
    source = "gazetteer" if ent.ent_id_ else "model"
    return Mention(ent.start_char + offset, ent.end_char + offset, ent.label_, ent.ent_id_ or None, source)


def _record(
    document: RawDocument,
    result: CleanResult,
    mentions: list[Mention],
    sentences: list[Sentence],
    resources: Resources,
    info: PipelineInfo,
) -> AnnotatedDocument:
    gazetteer = resources.gazetteer
    credits = credit_mentions(find_credits(result.text, result.segments), result.text, gazetteer) if is_english(result) else []
    read = cut_at_lines(result.text, overlay(mentions, credits), result.segments)
    linked = outside_boilerplate(link_mentions(result.text, read, gazetteer), result.segments)
    linked = _outside(confirmed_in_headings(result.text, linked, result.segments, gazetteer), _foreign_lines(result), result.text)
    linked = correct_mentions(result.text, linked, document.corrections)  # the researcher has the last word
    projection = Projection(result.edits)
    return AnnotatedDocument(
        id=document.id,
        source=document.source,
        raw_text=document.text,
        text=result.text,
        edits=result.edits,
        segments=result.segments,
        flags=result.flags,
        sentences=sentences,
        entities=[_entity(m, result, gazetteer, projection) for m in linked],
        garble_score=result.garble_score,
        pipeline=info,
        language=result.language,
        garble_evidence=result.garble_evidence,
    )


def is_english(result: CleanResult) -> bool:
    """Whether the English model should read the text: English, or too short to tell."""
    return result.language is None or result.language.code in ENGLISH_OR_UNDETERMINED


def _foreign_lines(result: CleanResult) -> list[tuple[int, int]]:
    """Spans of the lines restoration flagged as not English."""
    return [(flag.start, flag.end) for flag in result.flags if flag.kind == "language"]


def _outside(mentions: list[Mention], spans: list[tuple[int, int]], text: str) -> list[Mention]:
    """The mentions that overlap none of ``spans`` (sorted, disjoint lines): the English model's reading of another language is noise.

    A gazetteer name that is its line's whole text is kept all the same: an
    infobox's "嘉手納飛行場" under "Kadena Air Base" is a name, not prose.
    """
    starts = [start for start, _ in spans]
    kept = []
    for mention in mentions:
        last = bisect_left(starts, mention.end) - 1  # the last line that starts before the mention ends
        if last < 0 or spans[last][1] <= mention.start or _name_alone(text, mention, spans[last]):
            kept.append(mention)
    return kept


def _name_alone(text: str, mention: Mention, line: tuple[int, int]) -> bool:
    """Whether ``mention`` is a gazetteer name and all there is on ``line`` (spaces aside)."""
    return mention.source == "gazetteer" and text[line[0] : line[1]].strip() == text[mention.start : mention.end]


SHAKY_FLAGS = frozenset({"suspect", "foreign-script"})
"""Flags over text that looks spun and was not repaired: a mention touching one is marked ``flagged``."""


def _entity(mention: Mention, result: CleanResult, gazetteer: Gazetteer, projection: Projection) -> Entity:
    raw_span = projection.span(mention.start, mention.end)
    entry = gazetteer.by_id.get(mention.kb_id or "")
    return Entity(
        text=result.text[mention.start : mention.end],
        label=cast(EntityLabel, mention.label),  # a spaCy or gazetteer label; the record validates it
        start=mention.start,
        end=mention.end,
        raw_start=raw_span[0] if raw_span else None,
        raw_end=raw_span[1] if raw_span else None,
        canonical=entry.name if entry else None,
        kb_id=mention.kb_id,
        source=cast(EntitySource, mention.source),
        flagged=any(flag.start < mention.end and mention.start < flag.end for flag in result.flags if flag.kind in SHAKY_FLAGS),
    )


def text_sha256(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes (hex)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
