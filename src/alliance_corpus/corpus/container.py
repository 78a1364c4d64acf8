"""The annotated corpus as a Python container: :class:`Corpus`.

:class:`Corpus` streams documents from disk and offers the first analyses
researchers reach for::

    corpus = load_corpus("data/annotated")
    corpus.entity_counts(label="PERSON").most_common(5)
    corpus.documents_mentioning("Q244631")       # Leon Panetta
    for line in corpus.concordance("Q766445"):   # Okinawa, in context
        print(line.left, "[", line.match, "]", line.right)
    corpus.concordance("host-nation support")    # any word or phrase
    corpus.cooccurrences().most_common(5)        # pairs named in one sentence
    corpus.mentions_over_time(entity="Q244631")  # Leon Panetta, mentions per month
    recent = corpus.filter(since="2015-01-01", language="en", max_garble=0.5)
    corpus.to_pandas("entities")                 # a DataFrame per table

Records are read when first asked for and kept, per corpus object, until
their file changes (its modification time, size or inode), so repeated
queries do not read and validate every file again.
"""

from __future__ import annotations

import copy
import re
import stat
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import CorpusWarning, RecordError, warning
from ..records import LANGUAGE_CODE, NAMED_LABELS, AnnotatedDocument, Entity, known_label
from .analysis import Line, concordance, cooccurrences, keyword_in_context, mentions_over_time
from .dates import as_date
from .io import INDEX, load_index, read_document, record_ids, record_path
from .sources import RAW_SUFFIXES

KB_ID = re.compile(r"Q\d+|[a-z]+:\S+")
"""A knowledge-base id: a Wikidata id or a local one (``ac:...``)."""


class Corpus:
    """An annotated corpus on disk: ``len``, iteration, lookup by id, and counts.

    Documents are read only when asked for; the index answers ``len`` and ids.
    ``corpus[id]`` raises :class:`~alliance_corpus.errors.RecordError` for a
    record that cannot be read; iteration skips such a record with a
    :class:`~alliance_corpus.errors.CorpusWarning` (W102) and lists it in
    :attr:`problems`, so one damaged file never hides the rest.
    """

    def __init__(self, folder: str | Path, *, cache: bool = True):
        self.folder = Path(folder)
        self.cache = cache
        self._records: dict[str, tuple[tuple[int, int, int], AnnotatedDocument]] = {}
        if not self.folder.is_dir():
            raise FileNotFoundError(f"{self.folder}: no such corpus folder")
        if not (self.folder / INDEX).is_file() and (not record_ids(self.folder) or _holds_raw_documents(self.folder)):
            raise FileNotFoundError(f"{self.folder}: holds no annotated records (no {INDEX}, no record files){_hint(self.folder)}")
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
        try:
            status = path.lstat()
        except OSError:
            return read_document(path)  # raises the RecordError that names the problem
        if stat.S_ISLNK(status.st_mode):
            raise RecordError(path, "it is a symbolic link; records are read only from the corpus folder itself")
        version = (status.st_mtime_ns, status.st_size, status.st_ino)
        kept = self._records.get(doc_id)
        if kept is not None and kept[0] == version:
            return kept[1]
        document = read_document(path)
        if self.cache:
            self._records[doc_id] = (version, document)
        return document

    def __repr__(self) -> str:
        return f"Corpus({str(self.folder)!r}, documents={len(self)})"

    @property
    def ids(self) -> list[str]:
        """Document ids in sorted order."""
        return sorted(self._entries)

    def mentions(self, *, label: str | None = None, kb_id: str | None = None) -> Iterator[tuple[str, Entity]]:
        """``(document id, entity)`` for every mention, optionally filtered by label and by id (see :meth:`same_entity`).

        A ``label`` no mention can carry ("person", "PEOPLE") raises ``ValueError`` at once.
        """
        return self._mentions(None if label is None else known_label(label), None if kb_id is None else self.same_entity(kb_id))

    def _mentions(self, label: str | None, ids: frozenset[str] | None) -> Iterator[tuple[str, Entity]]:
        for document in self:
            for entity in document.entities:
                if (label is None or entity.label == label) and (ids is None or entity.kb_id in ids):
                    yield document.id, entity

    def same_entity(self, name: str) -> frozenset[str]:
        """``name`` and, for an id, every id of the same entity in the bundled gazetteer.

        A local id that a verified Wikidata id replaced still names the entity,
        so a corpus annotated before and after the change answers alike:
        ``same_entity("ac:les-aspin")`` is ``{"ac:les-aspin", "Q1820456"}``.
        """
        if not KB_ID.fullmatch(name):
            return frozenset((name,))
        from ..resources import Resources

        return Resources.bundled().gazetteer.same_entity(name)

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

    def concordance(self, term: str, *, width: int = 60, regex: bool = False, ignore_case: bool = False) -> Iterator[Line]:
        """Keyword in context for a word, phrase or pattern in the restored text, or for an entity given by its id.

        A Wikidata id (``Q766445``) or local id (``ac:anpo-protests``) lists the
        entity's mentions (:func:`~alliance_corpus.corpus.analysis.concordance`);
        anything else is looked for in the text, whole words only, or as a
        regular expression with ``regex=True``
        (:func:`~alliance_corpus.corpus.analysis.keyword_in_context`).
        """
        if not regex and KB_ID.fullmatch(term):
            return concordance(self, self.same_entity(term), width=width)
        return keyword_in_context(self, term, width=width, regex=regex, ignore_case=ignore_case)

    def cooccurrences(self, *, within: str = "sentence", labels: Iterable[str] = NAMED_LABELS) -> Counter[tuple[str, str]]:
        """Entity pairs mentioned together (see :func:`alliance_corpus.analysis.cooccurrences`)."""
        return cooccurrences(self, within=within, labels=labels)

    def mentions_over_time(
        self, period: str = "month", *, label: str | None = None, entity: str | None = None
    ) -> Counter[tuple[str | None, str]]:
        """Mentions per ``(period, entity)``, by month or year of publication (see :func:`alliance_corpus.corpus.analysis.mentions_over_time`).

        ``pandas.Series(corpus.mentions_over_time()).unstack()`` gives a table of periods by entities.
        """
        return mentions_over_time(self, period=period, label=label, entity=None if entity is None else self.same_entity(entity))

    def filter(
        self,
        *,
        publisher: str | Iterable[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        language: str | Iterable[str] | None = None,
        min_garble: float | None = None,
        max_garble: float | None = None,
    ) -> Corpus:
        """The documents that pass every filter given, as a corpus of their own (sharing this one's records).

        ``publisher`` and ``language`` take one value or several; publishers
        compare without regard to case.  ``since`` and ``until`` bound
        ``source.published`` (inclusive, ISO dates; a date given as a year or a
        month counts as its first day); a document with no readable date is
        left out when a bound is given.  ``min_garble`` and ``max_garble``
        bound the garble score, inclusive.  A bound that is no date, or a
        language that is no ISO 639 code ("English" for "en"), raises
        ``ValueError`` rather than filtering by nothing.
        """
        tests: list[Callable[[AnnotatedDocument], bool]] = []
        if publisher is not None:
            publishers = {p.casefold() for p in ([publisher] if isinstance(publisher, str) else publisher)}
            tests.append(lambda d: (d.source.publisher or "").casefold() in publishers)
        if language is not None:
            languages = set(map(_language_code, [language] if isinstance(language, str) else language))
            tests.append(lambda d: d.language is not None and d.language.code in languages)
        if since is not None or until is not None:
            low, high = _bound("since", since) or date.min, _bound("until", until) or date.max
            tests.append(lambda d: (published := as_date(d.source.published)) is not None and low <= published <= high)
        if min_garble is not None:
            tests.append(lambda d: d.garble_score >= min_garble)
        if max_garble is not None:
            tests.append(lambda d: d.garble_score <= max_garble)
        return self._subset(d.id for d in self if all(test(d) for test in tests))

    def _subset(self, ids: Iterable[str]) -> Corpus:
        chosen = set(ids)
        subset = copy.copy(self)  # the same folder, records and problems: only the entries differ
        subset._entries = {doc_id: entry for doc_id, entry in self._entries.items() if doc_id in chosen}
        return subset

    def table(self, name: str = "documents") -> list[dict[str, Any]]:
        """The rows of one table (``documents``, ``entities``, ``edits``, ``sentences``, ``flags``, ``segments``, ``evidence``)."""
        from .formats.tables import table_rows

        return table_rows(self, name)

    def to_pandas(self, table: str = "documents") -> Any:
        """One table as a pandas ``DataFrame``, every column typed even when empty (needs pandas)."""
        from .frames import to_pandas

        return to_pandas(self.table(table), table)

    def to_polars(self, table: str = "documents") -> Any:
        """One table as a polars ``DataFrame``, every column typed even when empty (needs polars)."""
        from .frames import to_polars

        return to_polars(self.table(table), table)

    def to_dataframe(self, table: str = "documents") -> Any:
        """One table as a DataFrame of whichever library is installed: pandas, else polars."""
        from .frames import to_dataframe

        return to_dataframe(self.table(table), table)

    def documents_mentioning(self, entity: str) -> list[str]:
        """Ids of the documents that mention ``entity``, given as a Wikidata or local id (see :meth:`same_entity`) or a canonical name."""
        names = self.same_entity(entity)
        return sorted({doc_id for doc_id, e in self.mentions() if not names.isdisjoint((e.kb_id, e.canonical))})


def load_corpus(path: str | Path, *, cache: bool = True) -> Corpus:
    """Open the annotated corpus in ``path`` (a folder written by ``alliance-corpus annotate``).

    With ``cache=False`` every lookup reads its record file again (for a corpus too large to keep in memory).
    """
    return Corpus(path, cache=cache)


def _holds_raw_documents(folder: Path) -> bool:
    """Whether ``folder`` holds raw documents (a raw folder, whose sidecars would pass for records)."""
    return any(path.name.lower().endswith(RAW_SUFFIXES) for path in folder.iterdir())


def _hint(folder: Path) -> str:
    """Where the records of ``folder`` may be: its ``annotated`` subfolder, if that holds an index; else how records are made."""
    inner = folder / "annotated"
    if (inner / INDEX).is_file():
        return f"; did you mean {inner}?"
    if _holds_raw_documents(folder):
        return "; it holds raw documents: their records are in the folder `alliance-corpus annotate --out` names (data/annotated by default)"
    return "; records are written by `alliance-corpus annotate`"


def _language_code(value: str) -> str:
    """``value`` if it is written as records write languages, else ``ValueError``.

    >>> _language_code("en")
    'en'
    >>> _language_code("English")
    Traceback (most recent call last):
    ...
    ValueError: language 'English' is not an ISO 639 code as records hold them ('en', 'ja', 'vi', 'und')
    """
    if not re.fullmatch(LANGUAGE_CODE, value):
        raise ValueError(f"language {value!r} is not an ISO 639 code as records hold them ('en', 'ja', 'vi', 'und')")
    return value


def _bound(name: str, value: str | date | None) -> date | None:
    """The date a filter's bound gives, or ``ValueError`` when ``value`` is given and is no ISO date.

    >>> _bound("since", "2015"), _bound("until", None)
    (datetime.date(2015, 1, 1), None)
    """
    bound = as_date(value)
    if value is not None and bound is None:
        raise ValueError(f"{name}={value!r} is not a date in ISO 8601 form (2021-04-16, 2021-04 or 2021)")
    return bound
