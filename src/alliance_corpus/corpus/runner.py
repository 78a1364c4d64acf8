"""The main job: annotate every raw document of a corpus folder.

``annotate_corpus("data/raw", "data/annotated")`` reads each document,
skips those whose raw bytes and pipeline fingerprint are unchanged, hands
the rest out in small parcels (:mod:`.work`) to an engine (:mod:`.engines`:
this process, ``jobs`` local processes, or a Dask cluster given as
``client``), writes each record atomically as soon as it is finished,
rewrites the index and returns a :class:`RunSummary`.  A document that
cannot be read or annotated is reported with its path and reason; the others
are still written.  ``progress`` is called once before the first document
and once after each one, with the words per second so far::

    summary = annotate_corpus("data/raw", "data/annotated", jobs=2)
    print(summary.render())       # documents, words, edits by kind, entities by label, time
    for error in summary.errors:  # DocumentError: path, code, problem
        print(error)

A spun document whose original is known is restored by aligning it to that
original: the original is named by its sidecar (``reference``), or found
(:mod:`.discovery`) among the corpus's documents and those of an optional
``reference/`` folder beside ``raw/``; the document's ``derived_from`` then
names the original's path, unless its sidecar already says where it came from.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import orjson

from ..annotation import BATCH_SIZE, check_resources, pipeline_info, text_sha256
from ..errors import AllianceCorpusError, CannotWrite, DocumentError, Interrupted, warning
from ..records import SCHEMA_VERSION, RawDocument
from ..records.corrections import Correction
from ..resources import Resources
from ..resources.corrections import read_corrections
from ..restore.detect import GARBLED, garble_score
from .corrections import by_document, digest, unfit
from .discovery import find_originals
from .engines import Engine, InProcess, Processes
from .io import (
    file_in_the_way,
    load_index,
    provenance_digest,
    read_document,
    record_digest,
    record_path,
    remove_temporaries,
    write_atomic,
    write_index,
)
from .lock import exclusive
from .sources import read_all
from .work import Finished, Settings, parcels, words

__all__ = ["INDEX_EVERY_SECONDS", "Progress", "ProgressReport", "RunSummary", "annotate_corpus", "summary_json"]

INDEX_EVERY_SECONDS = 5.0
"""How often a long run brings ``index.json`` up to date, so an interruption loses little."""
PROCESSES_FROM_WORDS = 10_000
"""Below this many words to annotate, ``jobs`` > 1 runs in this process: a worker's start-up (a few seconds to load the model) would cost more than it saves."""


@dataclass(frozen=True)
class ProgressReport:
    """How far a run has got: documents and raw words done (annotated or failed) out of those to do."""

    documents: int
    total_documents: int
    words: int
    total_words: int
    seconds: float
    """Since the first document was handed out."""

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


Progress = Callable[[ProgressReport], None]
"""Called before the first document and after each one (e.g. to move a progress bar)."""


@dataclass
class RunSummary:
    """What one run did, and the corpus it left behind."""

    annotated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: int = 0
    words: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def render(self) -> str:
        """A short human-readable report."""
        lines = [
            f"documents: {self.documents} in corpus ({len(self.annotated)} annotated, "
            f"{len(self.skipped)} unchanged, {len(self.errors)} failed)",
            f"words: {self.words}",
            "edits by kind: " + counts_text(self.edits),
            "entities by label: " + counts_text(self.entities),
            f"elapsed: {self.seconds:.1f} s",
        ]
        lines += [f"warning: {text}" for text in self.warnings]
        lines += [f"error: {error}" for error in self.errors]
        return "\n".join(lines)


def annotate_corpus(
    raw_dir: str | Path,
    out_dir: str | Path,
    *,
    model: str | None = None,
    resources: Resources | None = None,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
    force: bool = False,
    progress: Progress | None = None,
    follow_symlinks: bool = False,
    on_wait: Callable[[str], None] | None = None,
    client: Any = None,
    encoding: str | None = None,
) -> RunSummary:
    """Annotate ``raw_dir`` into ``out_dir``; extension rules and gazetteers are read from ``raw_dir/..``.

    Every resource file is checked before any document is read.  Only
    ``<id>.json`` files and ``index.json`` in ``out_dir`` are ever written or
    removed.  ``jobs`` local processes share the work, or the workers of a
    Dask cluster when ``client`` (a ``distributed.Client``) is given; the
    records are the same bytes either way.  ``encoding`` is that of raw files
    that are not UTF-8 and whose sidecar names none.  On ``KeyboardInterrupt`` the
    finished documents and a consistent index are kept and
    :class:`~alliance_corpus.errors.Interrupted` is raised.
    """
    started = time.perf_counter()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    blocked = file_in_the_way(out_dir)
    if blocked is not None:
        raise AllianceCorpusError(f"{blocked}: is a file, not a folder; the records need a folder of their own")
    if raw_dir.is_dir() and out_dir.is_dir() and raw_dir.samefile(out_dir):
        raise AllianceCorpusError(f"{out_dir}: is the raw folder; the records need a folder of their own (for example {raw_dir.parent / 'annotated'})")
    root = raw_dir.parent
    resources = resources or Resources.for_corpus(root)
    check_resources(resources)
    corrections = by_document(read_corrections(root))  # checked whole, like the resources, before any document is read
    fingerprint = pipeline_info(model, resources).fingerprint
    summary = RunSummary()
    with exclusive(out_dir, on_wait):
        remove_temporaries(out_dir)  # left by a run that was killed mid-write
        index = load_index(out_dir)
        summary.warnings += index.warnings
        previous = index.entries
        documents, errors, read_warnings = read_all(raw_dir, root, follow_symlinks=follow_symlinks, encoding=encoding, skip=out_dir)
        summary.errors += errors
        summary.warnings += read_warnings
        current: dict[str, dict[str, Any]] = {}
        pending: list[RawDocument] = []
        documents = [replace(d, corrections=corrections[d.id]) if d.id in corrections else d for d in documents]
        originals = _Originals(root, documents)
        for document in documents:
            entry = previous.get(document.id)
            if not force and entry and _unchanged(entry, document, fingerprint, out_dir) and originals.unchanged(entry, document):
                current[document.id] = entry
                summary.skipped.append(document.id)
            else:
                pending.append(document)
        settings = Settings(model, resources, batch_size)
        engine = _engine(jobs, client, len(pending), sum(words(document) for document in pending))
        engine.start(settings, len(pending))  # workers load the model while originals are looked for
        try:
            if pending:  # originals are looked for only for documents about to be annotated, so a rerun with nothing to do stays cheap
                pending = with_originals(documents, _references(root, summary), resources, only={document.id for document in pending})
            shared = parcels(pending, jobs, batch_size)
        except BaseException:
            engine.close()
            raise
        run = _Run(out_dir, previous, current, summary, fingerprint, progress)
        run.write_all(pending, shared, engine, settings)
        _prune(out_dir, previous, current, summary)
        write_index(out_dir, list(current.values()), SCHEMA_VERSION)
        summary.warnings += _unapplied(out_dir, corrections, current)
    _totals(summary, current.values())
    summary.seconds = time.perf_counter() - started
    return summary


REFERENCE_FOLDER = "reference"
"""Folder beside ``raw/`` with originals: searched for the sources of spun documents, never annotated."""


def _references(root: Path, summary: RunSummary) -> list[RawDocument]:
    """The readable documents of ``root/reference`` (none if there is no such folder); the others are warned of."""
    folder = root / REFERENCE_FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return []
    references, errors, warnings = read_all(folder, root)
    summary.warnings += [f"reference not read: {error}" for error in errors] + warnings
    return list(references)


def with_originals(
    documents: list[RawDocument], references: list[RawDocument], resources: Resources | None = None, *, only: Collection[str] | None = None
) -> list[RawDocument]:
    """``documents`` (those whose ids are in ``only``, if given), each spun one given its original as its ``reference``.

    Every document may be another's original, but originals are looked for
    only for the documents of ``only``.  Documents whose sidecar names a
    reference are left as they are.  Within
    the corpus, of two documents that match, the one with the higher garble
    score is the copy, and only a copy at or over the gate (``GARBLED``) takes
    the other as its original: an edited text is never rewritten to another
    document's words.  A text of ``references`` is an original whatever the score.  The score is detection's alone
    (:func:`~alliance_corpus.restore.detect.garble_score`, which repairs
    nothing), so that finding originals costs little next to annotating, and
    a rerun that has nothing to annotate stays cheap.
    """
    chosen = [document for document in documents if only is None or document.id in only]
    if all(document.reference is not None for document in chosen):
        return chosen
    lacking = {document.id: document.text for document in documents if document.reference is None}
    originals = {f"{REFERENCE_FOLDER}:{document.id}": document for document in references}
    by_key = {**originals, **{document.id: document for document in documents}}
    scores: dict[str, float] = {}

    def spun_score(text: str) -> float:
        if text not in scores:
            scores[text] = garble_score(text, resources)
        return scores[text]

    copies = [document.id for document in chosen if document.reference is None]
    matches = find_originals(lacking, {key: document.text for key, document in originals.items()}, spun_score, copies=copies)
    # Within the corpus only a spun copy takes another document as its original: two edited versions of one story
    # (a wire report as two outlets ran it) keep their own words.  An original of reference/ was put there to be one.
    found = {m.copy: by_key[m.original] for m in matches if m.original in originals or spun_score(lacking[m.copy]) >= GARBLED}
    return [_derived(document, found[document.id]) if document.id in found else document for document in chosen]


def _derived(copy: RawDocument, original: RawDocument) -> RawDocument:
    source = copy.source if copy.source.derived_from else copy.source.model_copy(update={"derived_from": original.source.path})
    return replace(copy, source=source, reference=original.text)


def _engine(jobs: int, client: Any, documents: int, words: int) -> Engine:
    """Where ``documents`` documents of ``words`` words in all are annotated (two or more always make two parcels or more)."""
    if client is not None:
        from .distributed import DaskEngine

        return DaskEngine(client)
    if jobs > 1 and documents > 1 and words >= PROCESSES_FROM_WORDS:
        return Processes(jobs)
    return InProcess()


class _Run:
    """Writes what the engine finishes, keeps the index up to date and reports progress."""

    def __init__(
        self,
        out_dir: Path,
        previous: dict[str, dict[str, Any]],
        current: dict[str, dict[str, Any]],
        summary: RunSummary,
        fingerprint: str,
        progress: Progress | None,
    ):
        self.out_dir, self.previous, self.current, self.summary = out_dir, previous, current, summary
        self.fingerprint, self.progress = fingerprint, progress
        self.corrected: dict[str, str] = {}
        """Document id -> digest of its corrections, for the index entries of the documents that have some."""
        self.originals: dict[str, str] = {}
        """Document id -> SHA-256 of the original it was restored against, for the index (see :class:`_Originals`)."""

    def write_all(self, pending: list[RawDocument], shared: list[list[RawDocument]], engine: Engine, settings: Settings) -> None:
        """Annotate and write ``pending`` (cut into ``shared`` parcels); the index is brought up to date now and then, and on interruption."""
        size = {document.id: words(document) for document in pending}
        self.corrected = {d.id: found for d in pending if (found := digest(d.corrections)) is not None}
        self.originals = {d.id: text_sha256(d.reference) for d in pending if d.reference is not None}
        by_path = {document.source.path: document.id for document in pending}
        order = {document.id: number for number, document in enumerate(pending)}
        total_words = sum(size.values())
        done = done_words = 0
        began = last_index = time.monotonic()
        self._report(0, len(pending), 0, total_words, 0.0)
        try:
            for outcome in engine.run(shared, settings):  # in the order parcels finish
                if isinstance(outcome, DocumentError):
                    self.summary.errors.append(outcome)
                    doc_id = by_path.get(outcome.path, "")
                else:
                    self._write(outcome)
                    doc_id = outcome.id
                done += 1
                done_words += size.get(doc_id, 0)
                self._report(done, len(pending), done_words, total_words, time.monotonic() - began)
                if time.monotonic() - last_index > INDEX_EVERY_SECONDS:
                    write_index(self.out_dir, self._so_far(), SCHEMA_VERSION)
                    last_index = time.monotonic()
        except KeyboardInterrupt:
            engine.close()
            write_index(self.out_dir, self._so_far(), SCHEMA_VERSION)
            remove_temporaries(self.out_dir)  # a record cut short between creating its temporary file and the guard that removes it
            raise Interrupted(len(self.summary.annotated)) from None
        except _Unwritable as refused:
            engine.close()
            remove_temporaries(self.out_dir)
            indexed = True
            try:  # the index may fit where a record did not; if not, the next run annotates the records it lacks again
                write_index(self.out_dir, self._so_far(), SCHEMA_VERSION)
            except OSError:
                indexed = False
            raise CannotWrite(refused.path, refused.reason, len(self.summary.annotated), indexed=indexed) from None
        finally:
            engine.close()
        self.summary.errors += _unanswered(pending, self.summary)
        self.summary.annotated.sort(key=order.__getitem__)  # the corpus order, whichever finished first

    def _write(self, finished: Finished) -> None:
        entry = finished.entry
        if finished.id in self.corrected:
            entry = {**entry, "corrections": self.corrected[finished.id]}
        if finished.id in self.originals:
            entry = {**entry, "reference_sha256": self.originals[finished.id]}
        if entry.get("fingerprint") != self.fingerprint:
            raise AllianceCorpusError(
                f"a worker annotated {finished.id!r} with another pipeline (fingerprint {finished.entry.get('fingerprint')}, "
                f"expected {self.fingerprint}): install the same alliance_corpus, spaCy and model on every worker"
            )
        path = record_path(self.out_dir, finished.id)
        try:
            write_atomic(path, finished.data)
        except OSError as error:
            raise _Unwritable(path, error.strerror or str(error)) from None
        self.current[finished.id] = entry
        self.summary.annotated.append(finished.id)
        if entry.get("words") == 0:
            self.summary.warnings.append(warning("W110", path=entry.get("source")))

    def _report(self, done: int, total: int, done_words: int, total_words: int, seconds: float) -> None:
        if self.progress is not None:
            self.progress(ProgressReport(done, total, done_words, total_words, seconds))

    def _so_far(self) -> list[dict[str, Any]]:
        """The index of a run in progress: finished documents, and the old entries of all the others (their files are untouched)."""
        return list({**self.previous, **self.current}.values())


class _Unwritable(Exception):
    """A record the output folder refused; :meth:`_Run.write_all` stops the run on it, keeping what was written."""

    def __init__(self, path: Path, reason: str):
        super().__init__(path, reason)
        self.path, self.reason = path, reason


def _unanswered(pending: list[RawDocument], summary: RunSummary) -> list[DocumentError]:
    """An error for each document the engine returned nothing for, so no document is ever lost without a word."""
    answered = set(summary.annotated) | {error.document for error in summary.errors}
    return [DocumentError(d.source.path, "E198") for d in pending if d.id not in answered and d.source.path not in answered]


class _Originals:
    """Whether the original a spun document was restored against is still there, unchanged.

    The index keeps the SHA-256 of that original's text (``reference_sha256``).
    A sidecar's reference is read again with its document; an original found
    by discovery must still be the text of one of the corpus's documents or
    of a file of ``reference/``.  If it changed or went, the copy is restored
    again.  The texts are hashed only when an unchanged copy has a found
    original, so a rerun of a corpus without spun copies pays nothing.
    """

    def __init__(self, root: Path, documents: list[RawDocument]):
        self.root, self.documents = root, documents
        self._known: set[str] | None = None

    def unchanged(self, entry: dict[str, Any], document: RawDocument) -> bool:
        recorded = entry.get("reference_sha256")
        if document.reference is not None:  # named by the sidecar, read with the document
            return recorded == text_sha256(document.reference)
        return recorded is None or recorded in self.known()

    def known(self) -> set[str]:
        if self._known is None:
            folder = self.root / REFERENCE_FOLDER
            references = read_all(folder, self.root)[0] if folder.is_dir() and not folder.is_symlink() else []
            self._known = {text_sha256(d.text) for d in [*self.documents, *references]}
        return self._known


def _unapplied(out_dir: Path, corrections: dict[str, tuple[Correction, ...]], current: dict[str, dict[str, Any]]) -> list[str]:
    """A warning for each correction that no longer fits its document's text, or names a document the corpus lacks."""
    found = []
    for doc_id, items in sorted(corrections.items()):
        if doc_id not in current:
            found += [warning("W107", id=c.id, doc_id=doc_id) for c in items]
            continue
        try:
            record = read_document(record_path(out_dir, doc_id))
        except AllianceCorpusError:
            continue  # a record that cannot be read is reported by whoever reads it
        found += [warning("W106", id=c.id, action=c.action, doc_id=doc_id) for c in unfit(record, items)]
    return found


def _unchanged(entry: dict[str, Any], document: RawDocument, fingerprint: str, out_dir: Path) -> bool:
    return (
        entry.get("sha256") == document.source.sha256
        and entry.get("corrections") == digest(document.corrections)
        and entry.get("fingerprint") == fingerprint
        and entry.get("source") == document.source.path
        and entry.get("provenance") == provenance_digest(document.source)  # a sidecar's new title or date makes a new record
        and record_digest(record_path(out_dir, document.id)) == entry.get("record_sha256")
    )


def _prune(out_dir: Path, previous: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]], summary: RunSummary) -> None:
    """Remove records whose raw document is gone; keep those of documents that failed this time."""
    failed = {error.document for error in summary.errors}  # a bad sidecar fails its document, whose record stays
    folders = tuple(document for document in failed if document.endswith("/"))  # a folder that could not be listed
    for doc_id, entry in previous.items():
        if doc_id in current:
            continue
        source = str(entry.get("source", ""))
        if source in failed or (folders and source.startswith(folders)):
            current[doc_id] = entry
            continue
        record_path(out_dir, doc_id).unlink(missing_ok=True)  # ids were validated: the path stays in out_dir


def _totals(summary: RunSummary, entries: Iterable[dict[str, Any]]) -> None:
    entries = list(entries)
    foreign = Counter(e["language"] for e in entries if e.get("language") not in (None, "en", "und"))
    if foreign:
        languages = ", ".join(f"{code} {count}" for code, count in sorted(foreign.items()))
        summary.warnings.append(warning("W103", count=sum(foreign.values()), languages=languages))
    for entry in entries:
        summary.documents += 1
        summary.words += entry.get("words", 0)
        summary.edits.update(entry.get("edits", {}))
        summary.entities.update(entry.get("entities", {}))


def counts_text(counter: Counter[str]) -> str:
    """``key count`` pairs, the most frequent first (``none`` for an empty counter)."""
    return ", ".join(f"{key} {value}" for key, value in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def summary_json(summary: RunSummary) -> bytes:
    """The summary as JSON, for scripts (``alliance-corpus annotate --json``)."""
    return orjson.dumps(
        {
            "documents": summary.documents,
            "annotated": summary.annotated,
            "skipped": summary.skipped,
            "errors": [str(e) for e in summary.errors],
            "words": summary.words,
            "edits": dict(summary.edits),
            "entities": dict(summary.entities),
            "seconds": round(summary.seconds, 3),
            "warnings": summary.warnings,
        },
        option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS,
    )
