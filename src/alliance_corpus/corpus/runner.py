"""The main job: annotate every raw document of a corpus folder.

``annotate_corpus("data/raw", "data/annotated")`` reads each document,
skips those whose raw bytes and pipeline fingerprint are unchanged, annotates
the rest in batches (in ``jobs`` processes), writes each record atomically,
rewrites the index and returns a :class:`RunSummary`.  A document that cannot
be read or annotated is reported with its path and reason; the others are
still written::

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

import signal
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import orjson

from ..annotation import BATCH_SIZE, annotate_documents, check_resources, pipeline_info
from ..errors import AllianceCorpusError, DocumentError, Interrupted, warning
from ..records import SCHEMA_VERSION, AnnotatedDocument, RawDocument
from ..resources import Resources
from ..restore import clean
from .discovery import find_originals
from .io import dumps, index_entry, load_index, record_digest, record_path, remove_temporaries, write_atomic, write_index
from .lock import exclusive
from .sources import read_all

INDEX_EVERY_SECONDS = 5.0
"""How often a long run brings ``index.json`` up to date, so an interruption loses little."""

Progress = Callable[[Iterable[AnnotatedDocument | DocumentError], int], Iterable[AnnotatedDocument | DocumentError]]
"""Wraps the stream of results, given its length (e.g. a tqdm progress bar)."""


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
            "edits by kind: " + _counts(self.edits),
            "entities by label: " + _counts(self.entities),
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
    encoding: str | None = None,
) -> RunSummary:
    """Annotate ``raw_dir`` into ``out_dir``; extension rules and gazetteers are read from ``raw_dir/..``.

    ``encoding`` is that of raw files that are not UTF-8 and whose sidecar names none.

    Every resource file is checked before any document is read.  Only
    ``<id>.json`` files and ``index.json`` in ``out_dir`` are ever written or
    removed.  On ``KeyboardInterrupt`` the finished documents and a
    consistent index are kept and :class:`~alliance_corpus.errors.Interrupted` is raised.
    """
    started = time.perf_counter()
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    root = raw_dir.parent
    resources = resources or Resources.for_corpus(root)
    check_resources(resources)
    fingerprint = pipeline_info(model, resources).fingerprint
    summary = RunSummary()
    with exclusive(out_dir, on_wait):
        remove_temporaries(out_dir)  # left by a run that was killed mid-write
        index = load_index(out_dir)
        summary.warnings += index.warnings
        previous = index.entries
        documents, errors, read_warnings = read_all(raw_dir, root, follow_symlinks=follow_symlinks, encoding=encoding)
        summary.errors += errors
        summary.warnings += read_warnings
        documents = with_originals(documents, _references(root, summary), resources)
        current: dict[str, dict[str, Any]] = {}
        pending: list[RawDocument] = []
        for document in documents:
            entry = previous.get(document.id)
            if not force and entry and _unchanged(entry, document, fingerprint, out_dir):
                current[document.id] = entry
                summary.skipped.append(document.id)
            else:
                pending.append(document)
        _write_all(pending, out_dir, previous, current, summary, (model, resources, jobs, batch_size), progress)
        _prune(out_dir, previous, current, summary)
        write_index(out_dir, list(current.values()), SCHEMA_VERSION)
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


def with_originals(documents: list[RawDocument], references: list[RawDocument], resources: Resources | None = None) -> list[RawDocument]:
    """``documents``, each spun one whose original is found given that original as its ``reference``.

    Documents whose sidecar names a reference are left as they are.  Within
    the corpus, of two documents that match, the one with the higher garble
    score is the copy.
    """
    lacking = {document.id: document.text for document in documents if document.reference is None}
    if not lacking:
        return documents
    originals = {f"{REFERENCE_FOLDER}:{document.id}": document for document in references}
    by_key = {**originals, **{document.id: document for document in documents}}
    scores: dict[str, float] = {}

    def spun_score(text: str) -> float:
        if text not in scores:
            scores[text] = clean(text, resources=resources).garble_score
        return scores[text]

    matches = find_originals(lacking, {key: document.text for key, document in originals.items()}, spun_score)
    found = {match.copy: by_key[match.original] for match in matches}
    return [_derived(document, found[document.id]) if document.id in found else document for document in documents]


def _derived(copy: RawDocument, original: RawDocument) -> RawDocument:
    source = copy.source if copy.source.derived_from else copy.source.model_copy(update={"derived_from": original.source.path})
    return replace(copy, source=source, reference=original.text)


def _write_all(
    pending: list[RawDocument],
    out_dir: Path,
    previous: dict[str, dict[str, Any]],
    current: dict[str, dict[str, Any]],
    summary: RunSummary,
    work: tuple[str | None, Resources, int, int],
    progress: Progress | None,
) -> None:
    """Annotate and write ``pending``; the index is brought up to date now and then, and on interruption."""
    results = _annotate(pending, *work)
    last_index = time.monotonic()
    try:
        for outcome in progress(results, len(pending)) if progress else results:
            if isinstance(outcome, DocumentError):
                summary.errors.append(outcome)
                continue
            data = dumps(outcome)
            write_atomic(record_path(out_dir, outcome.id), data)
            current[outcome.id] = index_entry(outcome, data)
            summary.annotated.append(outcome.id)
            if time.monotonic() - last_index > INDEX_EVERY_SECONDS:
                write_index(out_dir, _so_far(previous, current), SCHEMA_VERSION)
                last_index = time.monotonic()
    except KeyboardInterrupt:
        write_index(out_dir, _so_far(previous, current), SCHEMA_VERSION)
        raise Interrupted(len(summary.annotated)) from None
    finally:
        close = getattr(results, "close", None)
        if close:
            close()


def _so_far(previous: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The index of a run in progress: finished documents, and the old entries of all the others (their files are untouched)."""
    return list({**previous, **current}.values())


def _unchanged(entry: dict[str, Any], document: RawDocument, fingerprint: str, out_dir: Path) -> bool:
    return (
        entry.get("sha256") == document.source.sha256
        and entry.get("fingerprint") == fingerprint
        and entry.get("source") == document.source.path
        and record_digest(record_path(out_dir, document.id)) == entry.get("record_sha256")
    )


def _annotate(
    documents: list[RawDocument], model: str | None, resources: Resources, jobs: int, batch_size: int
) -> Iterator[AnnotatedDocument | DocumentError]:
    if not documents:
        return iter(())
    batches = [documents[i : i + batch_size] for i in range(0, len(documents), batch_size)]
    if jobs <= 1 or len(batches) == 1:
        return (outcome for batch in batches for outcome in annotate_batch(batch, model, resources, batch_size))
    return _in_processes(batches, model, resources, jobs, batch_size)


def _in_processes(
    batches: list[list[RawDocument]], model: str | None, resources: Resources, jobs: int, batch_size: int
) -> Iterator[AnnotatedDocument | DocumentError]:
    context = get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_leave_interrupts_to_the_parent)
    try:
        futures = [pool.submit(annotate_batch, batch, model, resources, batch_size) for batch in batches]
        for future in futures:
            yield from future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_interrupts_to_the_parent() -> None:
    """Workers ignore Ctrl-C: the parent saves what is finished and stops them, with no traceback from each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def annotate_batch(
    batch: list[RawDocument], model: str | None, resources: Resources | None, batch_size: int
) -> list[AnnotatedDocument | DocumentError]:
    """Annotate one batch; if it fails, annotate its documents one by one to isolate the culprit."""
    try:
        return list(annotate_documents(batch, model=model, resources=resources, batch_size=batch_size))
    except AllianceCorpusError as error:
        if not isinstance(error, DocumentError):
            raise  # a resource or model error concerns every document: stop the run once
        if len(batch) == 1:
            return [error]
    except Exception:
        if len(batch) == 1:
            return [_failure(batch[0])]
    return [outcome for document in batch for outcome in annotate_batch([document], model, resources, 1)]


def _failure(document: RawDocument) -> DocumentError:
    import traceback

    last = traceback.format_exc().strip().splitlines()[-1]
    return DocumentError(document.source.path, "E199", reason=last)


def _prune(out_dir: Path, previous: dict[str, dict[str, Any]], current: dict[str, dict[str, Any]], summary: RunSummary) -> None:
    """Remove records whose raw document is gone; keep those of documents that failed this time."""
    failed = {error.path for error in summary.errors}
    for doc_id, entry in previous.items():
        if doc_id in current:
            continue
        if entry.get("source") in failed:
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


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"


def summary_json(summary: RunSummary) -> bytes:
    """The summary as JSON, for scripts (``alliance-corpus annotate --json``)."""
    return orjson.dumps(
        {
            "documents": summary.documents,
            "annotated": summary.annotated,
            "skipped": summary.skipped,
            "errors": [str(e) for e in summary.errors],
            "warnings": summary.warnings,
            "words": summary.words,
            "edits": dict(summary.edits),
            "entities": dict(summary.entities),
            "seconds": round(summary.seconds, 3),
        },
        option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS,
    )
