"""The annotated corpus as a Python container: :class:`Corpus`.

:class:`Corpus` streams documents from disk and offers the first analyses
researchers reach for::

    corpus = load_corpus("data/annotated")
    corpus.entity_counts(label="PERSON").most_common(5)
    corpus.documents_mentioning("Q244631")       # Leon Panetta
    for line in corpus.concordance("Q766445"):   # Okinawa, in context
        print(line.left, "[", line.match, "]", line.right)
    corpus.cooccurrences().most_common(5)        # pairs named in one sentence
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import CorpusWarning, RecordError, warning
from ..records import NAMED_LABELS, AnnotatedDocument, Entity
from .analysis import Line, concordance, cooccurrences
from .io import load_index, read_document, record_path


class Corpus:
    """An annotated corpus on disk: ``len``, iteration, lookup by id, and counts.

    Documents are read only when asked for; the index answers ``len`` and ids.
    ``corpus[id]`` raises :class:`~alliance_corpus.errors.RecordError` for a
    record that cannot be read; iteration skips such a record with a
    :class:`~alliance_corpus.errors.CorpusWarning` (W102) and lists it in
    :attr:`problems`, so one damaged file never hides the rest.
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"{self.folder}: no such corpus folder")
        index = load_index(self.folder)
        for text in index.warnings:
            warnings.warn(text, CorpusWarning, stacklevel=2)
        self._entries: dict[str, dict[str, Any]] = index.entries
        self.problems: list[RecordError] = []

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def __iter__(self) -> Iterator[AnnotatedDocument]:
        for doc_id in self.ids:
            try:
                yield self[doc_id]
            except RecordError as error:
                if all(str(error) != str(seen) for seen in self.problems):
                    self.problems.append(error)
                warnings.warn(warning("W102", path=error.path, problem=error.problem), CorpusWarning, stacklevel=2)

    def __getitem__(self, doc_id: str) -> AnnotatedDocument:
        if doc_id not in self._entries:
            raise KeyError(doc_id)
        path = record_path(self.folder, doc_id)
        if path.is_symlink():
            raise RecordError(path, "it is a symbolic link; records are read only from the corpus folder itself")
        return read_document(path)

    def __repr__(self) -> str:
        return f"Corpus({str(self.folder)!r}, documents={len(self)})"

    @property
    def ids(self) -> list[str]:
        """Document ids in sorted order."""
        return sorted(self._entries)

    def mentions(self, *, label: str | None = None, kb_id: str | None = None) -> Iterator[tuple[str, Entity]]:
        """``(document id, entity)`` for every mention, optionally filtered by label and Wikidata id."""
        for document in self:
            for entity in document.entities:
                if (label is None or entity.label == label) and (kb_id is None or entity.kb_id == kb_id):
                    yield document.id, entity

    def entity_counts(self, *, by: str = "canonical", label: str | None = None) -> Counter[str]:
        """Mentions counted across the corpus, keyed by ``canonical`` name (or the mention text when unlinked), ``kb_id`` or ``text``."""
        if by not in {"canonical", "kb_id", "text"}:
            raise ValueError("by must be 'canonical', 'kb_id' or 'text'")
        counts: Counter[str] = Counter()
        for _, entity in self.mentions(label=label):
            key = getattr(entity, by) if by != "canonical" else (entity.canonical or entity.text)
            if key is not None:
                counts[key] += 1
        return counts

    def concordance(self, entity: str, *, width: int = 60) -> Iterator[Line]:
        """Keyword in context for ``entity`` (see :func:`alliance_corpus.analysis.concordance`)."""
        return concordance(self, entity, width=width)

    def cooccurrences(self, *, within: str = "sentence", labels: Iterable[str] = NAMED_LABELS) -> Counter[tuple[str, str]]:
        """Entity pairs mentioned together (see :func:`alliance_corpus.analysis.cooccurrences`)."""
        return cooccurrences(self, within=within, labels=labels)

    def documents_mentioning(self, entity: str) -> list[str]:
        """Ids of the documents that mention ``entity``, given as a Wikidata id or a canonical name."""
        return sorted(
            {doc_id for doc_id, e in self.mentions() if entity in (e.kb_id, e.canonical)}
        )


def load_corpus(path: str | Path) -> Corpus:
    """Open the annotated corpus in ``path`` (a folder written by ``alliance-corpus annotate``)."""
    return Corpus(path)
