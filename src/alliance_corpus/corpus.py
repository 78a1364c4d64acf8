"""Reading and writing the annotated corpus: one JSON file per document plus an index.

Files are written with orjson, keys sorted and indented, so diffs are readable
and the same record always gives the same bytes; every write goes to a
temporary file that replaces the target in one step.  Reading never imports
spaCy.

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

import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterator

import orjson
from pydantic import BaseModel

from .records import NAMED_LABELS, AnnotatedDocument, Entity
from .schema import migrate

INDEX = "index.json"
JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0o666 less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def dumps(record: BaseModel | dict) -> bytes:
    """Stable JSON bytes for a record: sorted keys, two-space indent, final newline."""
    data = record.model_dump(mode="json") if isinstance(record, BaseModel) else record
    return orjson.dumps(data, option=JSON_OPTIONS) + b"\n"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".alliance-tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _new_file_mode())  # mkstemp makes it private; a corpus is meant to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_document(path: Path) -> AnnotatedDocument:
    """Read and validate one annotated document, upgrading older schema versions."""
    return AnnotatedDocument.model_validate(migrate(orjson.loads(Path(path).read_bytes()), path))


def index_entry(document: AnnotatedDocument) -> dict:
    """The summary of one document kept in ``index.json``."""
    return {
        "id": document.id,
        "file": f"{document.id}.json",
        "source": document.source.path,
        "sha256": document.source.sha256,
        "title": document.source.title,
        "fingerprint": document.pipeline.fingerprint,
        "garble_score": document.garble_score,
        "words": len(document.text.split()),
        "edits": dict(sorted(Counter(e.kind for e in document.edits).items())),
        "entities": dict(sorted(Counter(e.label for e in document.entities).items())),
    }


def write_index(folder: Path, entries: list[dict], schema_version: str) -> None:
    payload = {"schema_version": schema_version, "documents": sorted(entries, key=lambda e: e["id"])}
    write_atomic(folder / INDEX, dumps(payload))


def read_index(folder: Path) -> dict:
    path = Path(folder) / INDEX
    if not path.is_file():
        return {"documents": []}
    return orjson.loads(path.read_bytes())


class Corpus:
    """An annotated corpus on disk: ``len``, iteration, lookup by id, and counts.

    Documents are read only when asked for; the index answers ``len`` and ids.
    """

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if not self.folder.is_dir():
            raise FileNotFoundError(f"{self.folder}: no such corpus folder")
        self._entries = {entry["id"]: entry for entry in read_index(self.folder)["documents"]}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def __iter__(self) -> Iterator[AnnotatedDocument]:
        for doc_id in self.ids:
            yield self[doc_id]

    def __getitem__(self, doc_id: str) -> AnnotatedDocument:
        if doc_id not in self._entries:
            raise KeyError(doc_id)
        return read_document(self.folder / self._entries[doc_id]["file"])

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

    def entity_counts(self, *, by: str = "canonical", label: str | None = None) -> Counter:
        """Mentions counted across the corpus, keyed by ``canonical`` name (or the mention text when unlinked), ``kb_id`` or ``text``."""
        if by not in {"canonical", "kb_id", "text"}:
            raise ValueError("by must be 'canonical', 'kb_id' or 'text'")
        counts: Counter = Counter()
        for _, entity in self.mentions(label=label):
            key = getattr(entity, by) if by != "canonical" else (entity.canonical or entity.text)
            if key is not None:
                counts[key] += 1
        return counts

    def concordance(self, entity: str, *, width: int = 60):
        """Keyword in context for ``entity`` (see :func:`alliance_corpus.analysis.concordance`)."""
        from .analysis import concordance

        return concordance(self, entity, width=width)

    def cooccurrences(self, *, within: str = "sentence", labels=NAMED_LABELS) -> Counter:
        """Entity pairs mentioned together (see :func:`alliance_corpus.analysis.cooccurrences`)."""
        from .analysis import cooccurrences

        return cooccurrences(self, within=within, labels=labels)

    def documents_mentioning(self, entity: str) -> list[str]:
        """Ids of the documents that mention ``entity``, given as a Wikidata id or a canonical name."""
        return sorted(
            {doc_id for doc_id, e in self.mentions() if entity in (e.kb_id, e.canonical)}
        )


def load_corpus(path: str | Path) -> Corpus:
    """Open the annotated corpus in ``path`` (a folder written by ``alliance-corpus annotate``)."""
    return Corpus(path)
