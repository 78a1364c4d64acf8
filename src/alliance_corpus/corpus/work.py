"""One unit of the main job, as any engine runs it: a few documents in, finished records out.

The work is cut into parcels before it is handed out (:func:`parcels`):
documents go longest first, each long document alone, and short ones a few
together, never more than a small share of the whole corpus per parcel, so
that two workers (or two hundred) finish at about the same time.  A worker
turns a parcel into :class:`Finished` records (:func:`annotate_parcel`): the
JSON bytes and the index entry are made where the document was annotated, so
the process that writes the files only writes them.

A parcel that fails is annotated again one document at a time, so one bad
document never costs the others.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..annotation import annotate_documents
from ..errors import AllianceCorpusError, DocumentError
from ..records import RawDocument, Source
from ..resources import Resources
from ..text.chunks import count_words
from .io import index_entry, json_pieces

PARCEL_WORDS = 2_000
"""Short documents go to a worker together up to about this many words: spaCy reads a batch faster than its documents one by one."""
PARCELS_PER_JOB = 8
"""A parcel holds at most 1/(jobs x this) of the corpus's words, so that the work spreads however few the documents."""
TAIL_SHARES = 2
"""A parcel holds at most 1/(jobs x this) of the words still to hand out, so that the last parcels are small and the workers finish together."""


@dataclass(frozen=True)
class Settings:
    """What every worker needs besides the documents: the model, the resources and the batch size."""

    model: str | None
    resources: Resources
    batch_size: int


@dataclass(frozen=True)
class Finished:
    """A document's record, ready to be written: its id, its JSON bytes and its index entry."""

    id: str
    data: tuple[bytes, ...]
    entry: dict[str, Any]


Outcome = Finished | DocumentError
"""What becomes of one document."""


def words(document: RawDocument) -> int:
    """The size of a document as the runner counts it: whitespace-separated words of the raw text."""
    return count_words(document.text)


def parcels(documents: Sequence[RawDocument], jobs: int, batch_size: int) -> list[list[RawDocument]]:
    """The documents in parcels, longest first: short ones together, up to :data:`PARCEL_WORDS` and ``batch_size`` documents.

    A parcel never holds more than ``1 / (jobs * PARCELS_PER_JOB)`` of all
    the words, so a small corpus still spreads over every worker, nor more
    than ``1 / (jobs * TAIL_SHARES)`` of the words not yet handed out, so the
    last parcels are small and no worker is left with a large one while the
    others have nothing to do.  Handing the longest out first keeps a long
    document from being the last one started.

    >>> from alliance_corpus.records import RawDocument, Source
    >>> docs = [RawDocument(f"d{n}", "word " * n, Source(path=f"d{n}.txt", sha256="0" * 64)) for n in (5, 500, 50, 5000)]
    >>> [[d.id for d in parcel] for parcel in parcels(docs, jobs=2, batch_size=16)]
    [['d5000'], ['d500'], ['d50'], ['d5']]
    >>> many = [RawDocument(f"e{n}", "word " * 100, Source(path=f"e{n}.txt", sha256="0" * 64)) for n in range(120)]
    >>> [len(parcel) for parcel in parcels(many, jobs=2, batch_size=16)]
    [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 5, 4, 3, 2, 2, 1, 1, 1, 1, 1, 1]
    """
    sizes = [words(document) for document in documents]
    ceiling = min(PARCEL_WORDS, sum(sizes) // (max(1, jobs) * PARCELS_PER_JOB))
    remaining = sum(sizes)
    ordered = sorted(range(len(documents)), key=sizes.__getitem__, reverse=True)  # stable: equal sizes keep the corpus order
    found: list[list[RawDocument]] = []
    parcel: list[RawDocument] = []
    size = 0
    budget = 0
    for number in ordered:
        if parcel and (size + sizes[number] > budget or len(parcel) >= batch_size):
            found.append(parcel)
            parcel, size = [], 0
        if not parcel:  # a new parcel's budget: its share of what is left
            budget = max(1, min(ceiling, remaining // (max(1, jobs) * TAIL_SHARES)))
        parcel.append(documents[number])
        size += sizes[number]
        remaining -= sizes[number]
    if parcel:
        found.append(parcel)
    return found


def annotate_parcel(parcel: Sequence[RawDocument], settings: Settings) -> list[Outcome]:
    """Annotate ``parcel`` in this process and make each record's bytes and index entry.

    Each record is serialised as soon as it is made and then let go, so a
    long document's record is never held twice.  If annotating fails, the
    documents not yet finished are annotated again one at a time to isolate
    the culprit, which becomes a :class:`~alliance_corpus.errors.DocumentError`;
    a resource or model error concerns every document and is raised.
    """
    finished: list[Outcome] = []
    documents = list(parcel)
    try:
        for record in annotate_documents(documents, model=settings.model, resources=settings.resources, batch_size=settings.batch_size):
            data = json_pieces(record)
            finished.append(Finished(record.id, data, index_entry(record, data)))
            del record, data
        return finished
    except AllianceCorpusError as error:
        if not isinstance(error, DocumentError):
            raise  # a resource or model error concerns every document: stop the run once
        if len(documents) == 1:
            return [error]
    except Exception:
        if len(documents) == 1:
            return [_failure(documents[0])]
    done = {outcome.id for outcome in finished if isinstance(outcome, Finished)}
    for document in documents:
        if document.id not in done:
            finished += annotate_parcel([document], settings)
    return finished


WARM_UP_TEXT = "The alliance v Japan has actually been vital since people War II."


def warm_up(settings: Settings) -> None:
    """Load the model and everything restoration reads, by annotating a short text and dropping the result.

    A worker does this as it starts, so its first parcel does not wait for
    the model.  A failure is left for that first parcel to report, as a
    coded error naming the document, rather than breaking the worker here.
    """
    document = RawDocument("warm-up", WARM_UP_TEXT, Source(path="warm-up.txt", sha256="0" * 64))
    with contextlib.suppress(Exception):
        for _ in annotate_documents([document], model=settings.model, resources=settings.resources, batch_size=1):
            pass


def _failure(document: RawDocument) -> DocumentError:  # called while handling the exception
    last = traceback.format_exc().strip().splitlines()[-1]
    return DocumentError(document.source.path, "E199", reason=last)
