"""The corpus as a spaCy ``DocBin``: restored text, entities with their links, edits as a span group.

Each record becomes one ``Doc`` over its restored text:

- ``doc.ents`` holds the entities, each with its ``label_`` and, when linked,
  its ``kb_id_`` (the Wikidata or local id);
- ``doc.spans["edits"]`` holds one span per edit, labelled with its kind, with
  the rule id as the span's ``id_`` (spans are whole tokens: the exact
  character offsets are in ``user_data``);
- sentence starts are set from the record's sentences;
- ``doc.user_data["alliance_corpus"]`` keeps what a ``Doc`` has no place for:
  the id, raw text, edits, segments, flags, sentences, language, source and
  pipeline, and each entity's canonical name, component and flag.

Tokens come from a blank English tokenizer, split further wherever an
entity, sentence or edit starts or ends inside one, so that every entity is
whole tokens and comes back with the same character offsets.
:func:`from_doc` rebuilds the record: text and entities from the ``Doc``,
raw offsets projected again through the edits.

spaCy is imported lazily, here only: reading or exporting a corpus in any
other format never loads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from ...records import AnnotatedDocument, Edit, Entity
from ...text.projection import Projection

USER_DATA_KEY = "alliance_corpus"
EDITS_GROUP = "edits"
FILE_NAME = "corpus.spacy"
_KEPT = ("id", "schema_version", "raw_text", "edits", "segments", "flags", "sentences", "garble_score",
         "garble_evidence", "language", "source", "pipeline")  # fmt: skip


@lru_cache(maxsize=1)
def _blank() -> Any:
    """A blank English pipeline: its tokenizer splits the texts, its vocabulary holds the strings of every Doc."""
    import spacy  # the one place the corpus package loads spaCy, and only when a DocBin is asked for

    return spacy.blank("en")


def to_doc(document: AnnotatedDocument) -> Any:
    """``document`` as a spaCy ``Doc`` (see the module docstring for where each field goes)."""
    nlp = _blank()
    from spacy.tokens import Doc, Span

    words, spaces = _words(document, nlp.tokenizer(document.text))
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    starts = {s.start for s in document.sentences}
    for token in doc[1:]:
        token.is_sent_start = token.idx in starts
    ents = []
    for entity in document.entities:
        span = doc.char_span(entity.start, entity.end, label=entity.label, kb_id=entity.kb_id or "")
        if span is None:  # pragma: no cover - _words cuts a token at every entity boundary
            raise ValueError(f"{document.id}: entity {entity.text!r} at {entity.start} is not whole tokens")
        ents.append(span)
    doc.ents = ents
    doc.spans[EDITS_GROUP] = [_edit_span(doc, Span, e.clean_start, e.clean_end, e.kind, e.rule) for e in document.edits]
    kept = document.model_dump(mode="json", include=set(_KEPT))
    kept["entities"] = [{"canonical": e.canonical, "source": e.source, "flagged": e.flagged} for e in document.entities]
    doc.user_data[USER_DATA_KEY] = kept
    return doc


def _words(document: AnnotatedDocument, tokens: Any) -> tuple[list[str], list[bool]]:
    """The tokenizer's words, cut wherever an entity, sentence or edit boundary falls inside one."""
    cuts = {offset for e in document.entities for offset in (e.start, e.end)}
    cuts |= {offset for s in document.sentences for offset in (s.start, s.end)}
    cuts |= {offset for e in document.edits for offset in (e.clean_start, e.clean_end)}
    words: list[str] = []
    spaces: list[bool] = []
    for token in tokens:
        start, end = token.idx, token.idx + len(token.text)
        bounds = [start, *sorted(c for c in cuts if start < c < end), end]
        for left, right in pairwise(bounds):
            words.append(document.text[left:right])
            spaces.append(right == end and bool(token.whitespace_))
    return words, spaces


def _edit_span(doc: Any, span_class: Any, start: int, end: int, kind: str, rule: str) -> Any:
    """The tokens an edit touches, counting each token's trailing space as its own (an edit may be just a space).

    A deletion is an empty span before the first token after it.
    """
    if start == end:
        first = next((t.i for t in doc if t.idx >= start), len(doc))
        return span_class(doc, first, first, label=kind, span_id=rule)
    first = next((t.i for t in doc if t.idx + len(t.text_with_ws) > start), len(doc))
    last = max(first, next((t.i + 1 for t in reversed(doc) if t.idx < end), first))
    return span_class(doc, first, last, label=kind, span_id=rule)


def from_doc(doc: Any) -> AnnotatedDocument:
    """The record a ``Doc`` made by :func:`to_doc` holds: text and entities from the ``Doc``, the rest from ``user_data``."""
    kept = dict(doc.user_data[USER_DATA_KEY])
    extras = list(kept.pop("entities"))
    projection = Projection([Edit.model_validate(dict(e)) for e in kept["edits"]])
    entities = []
    for span, extra in zip(doc.ents, extras):
        raw = projection.span(span.start_char, span.end_char)
        entities.append(
            Entity(
                text=span.text, label=span.label_, start=span.start_char, end=span.end_char,
                raw_start=raw[0] if raw else None, raw_end=raw[1] if raw else None,
                kb_id=span.kb_id_ or None, **extra,
            )  # fmt: skip
        )
    return AnnotatedDocument.model_validate({**kept, "text": doc.text, "entities": entities})


def write(documents: Iterable[AnnotatedDocument], destination: Path) -> list[Path]:
    """Write ``corpus.spacy`` (a ``DocBin`` with user data) into the folder ``destination``."""
    _blank()
    from spacy.tokens import DocBin

    bin_ = DocBin(attrs=["ORTH", "SENT_START", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"], store_user_data=True)
    for document in documents:
        bin_.add(to_doc(document))
    destination.mkdir(parents=True, exist_ok=True)
    path = destination / FILE_NAME
    bin_.to_disk(path)
    return [path]


def read(path: Path) -> list[AnnotatedDocument]:
    """The records in a ``DocBin`` file written by :func:`write` (or the folder holding ``corpus.spacy``)."""
    vocab = _blank().vocab
    from spacy.tokens import DocBin

    path = Path(path)
    bin_ = DocBin().from_disk(path / FILE_NAME if path.is_dir() else path)
    return [from_doc(doc) for doc in bin_.get_docs(vocab)]
