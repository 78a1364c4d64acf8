"""The files of an annotated corpus: one JSON file per document plus ``index.json``.

Files are written with orjson, keys sorted and indented, so diffs are readable
and the same record always gives the same bytes; every write goes to a
temporary file that replaces the target in one step.  Reading never imports
spaCy.

An annotated folder may come from anyone, so it is read as untrusted input:
JSON with a duplicate key is refused, an index entry must name a safe id and
the file ``<id>.json`` beside the index (nothing else), and an index that is
unreadable or invalid is rebuilt from the record files, with a warning.

>>> print(dumps({"b": 1, "a": True}).decode(), end="")
{
  "a": true,
  "b": 1
}
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from pydantic import BaseModel, ValidationError

from ..errors import RecordError, warning
from ..records import AnnotatedDocument, Source
from ..records.schema import migrate
from ..resources.jsonl import read_regular
from ..text.chunks import count_words
from .ids import is_safe_id

INDEX = "index.json"
JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0o666 less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def dumps(record: BaseModel | dict[str, Any]) -> bytes:
    """Stable JSON bytes for a record: sorted keys, two-space indent, final newline."""
    return b"".join(json_pieces(record))


LIST_PIECE = 1_000
"""Items of a record's list serialised at a time, so the JSON tree of a long document's record is never built whole."""


def json_pieces(record: BaseModel | dict[str, Any], *, piece: int = LIST_PIECE) -> tuple[bytes, ...]:
    """:func:`dumps`'s bytes in pieces: a model's lists longer than ``piece`` items are serialised ``piece`` items at a time.

    The pieces joined are the same bytes as the whole record serialised at
    once; a 20 MB document's record holds hundreds of thousands of entities
    and edits, whose JSON tree would take more memory than their bytes.

    >>> from alliance_corpus.records import Edit
    >>> class Record(BaseModel):
    ...     name: str
    ...     edits: list[Edit]
    >>> edit = Edit(raw_start=0, raw_end=1, clean_start=0, clean_end=4, before="v", after="with", rule="spin.v", kind="spin")
    >>> record = Record(name="x", edits=[edit] * 2_500)
    >>> b"".join(json_pieces(record)) == orjson.dumps(record.model_dump(mode="json"), option=JSON_OPTIONS) + b"\\n"
    True
    """
    if not isinstance(record, BaseModel):
        return (orjson.dumps(record, option=JSON_OPTIONS) + b"\n",)
    long = {name for name, value in record if isinstance(value, list) and len(value) > piece}
    head = orjson.dumps({**record.model_dump(mode="json", exclude=long), **{name: [] for name in long}}, option=JSON_OPTIONS) + b"\n"
    pieces: list[bytes] = []
    for name in sorted(long):  # the keys come sorted, so the lists come in the order of the head's empty ones
        before, marker, head = head.partition(b'\n  "' + name.encode() + b'": []')  # top-level key: two spaces, and strings hold no line ends
        pieces += [before, marker[:-1], b"\n"]
        items: list[Any] = getattr(record, name)
        for start in range(0, len(items), piece):
            chunk = orjson.dumps([item.model_dump(mode="json") if isinstance(item, BaseModel) else item for item in items[start : start + piece]], option=JSON_OPTIONS)
            pieces.append((b",\n" if start else b"") + b"  " + chunk[2:-2].replace(b"\n", b"\n  "))
        pieces.append(b"\n  ]")
    return (*pieces, head)


TEMPORARY_PREFIX = ".alliance-tmp-"


def file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where ``folder`` or one of the folders above it must be, or ``None``.

    >>> import tempfile
    >>> notes = Path(tempfile.mkdtemp()) / "notes"
    >>> _ = notes.write_text("a researcher's notes")
    >>> file_in_the_way(notes / "annotated") == notes, file_in_the_way(notes.parent / "annotated")
    (True, None)
    """
    return next((path for path in (folder, *folder.parents) if path.exists() and not path.is_dir()), None)


def remove_temporaries(folder: Path) -> int:
    """Remove the temporary files a killed writer left in ``folder``; how many there were.

    Only call it while holding the folder's lock (:mod:`.lock`), when no
    writer of ours can be using them.
    """
    if not Path(folder).is_dir():
        return 0
    stale = [path for path in Path(folder).iterdir() if path.name.startswith(TEMPORARY_PREFIX)]
    for path in stale:
        path.unlink(missing_ok=True)
    return len(stale)


def write_atomic(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes) to ``path`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in [data] if isinstance(data, bytes) else data:
                stream.write(piece)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _new_file_mode())  # mkstemp makes it private; a corpus is meant to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def parse_json(data: bytes) -> Any:
    """Parse JSON, refusing duplicate keys (which orjson and the standard parser accept silently).

    >>> parse_json(b'{"id": "a", "id": "b"}')
    Traceback (most recent call last):
    ...
    ValueError: duplicate key 'id'
    """
    return json.loads(data, object_pairs_hook=_without_duplicates)


def _without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"duplicate key {key!r}")
        found[key] = value
    return found


def read_document(path: Path) -> AnnotatedDocument:
    """Read and validate one annotated document, upgrading older schema versions.

    Raises :class:`~alliance_corpus.errors.RecordError` (E501) naming the file and the problem.
    """
    try:
        data = parse_json(Path(path).read_bytes())
        if not isinstance(data, dict):
            raise ValueError("a record must be a JSON object")
        return AnnotatedDocument.model_validate(migrate(data, path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RecordError(path, f"{where}: {first['msg']}" if where else first["msg"]) from None
    except (OSError, ValueError) as exc:
        raise RecordError(path, str(getattr(exc, "strerror", None) or exc).removeprefix(f"{path}: ")) from None


def index_entry(document: AnnotatedDocument, data: bytes | Sequence[bytes] | None = None) -> dict[str, Any]:
    """The summary of one document kept in ``index.json``; ``data`` are its record's bytes (or their pieces), if at hand.

    ``record_sha256`` lets a rerun tell a record that is still what it wrote
    from one that was damaged or replaced since.
    """
    return {
        "id": document.id,
        "file": f"{document.id}.json",
        "record_sha256": _sha256(json_pieces(document) if data is None else data),
        "source": document.source.path,
        "sha256": document.source.sha256,
        "provenance": provenance_digest(document.source),
        "title": document.source.title,
        "fingerprint": document.pipeline.fingerprint,
        "garble_score": document.garble_score,
        "language": document.language.code if document.language else None,
        "words": count_words(document.text),
        "edits": dict(sorted(Counter(e.kind for e in document.edits).items())),
        "entities": dict(sorted(Counter(e.label for e in document.entities).items())),
    }


def provenance_digest(source: Source) -> str:
    """SHA-256 of a document's ``source`` (its sidecar's fields among them), so a changed title, date or encoding is a change.

    ``derived_from`` is left out: the original found for a copy sets it after
    reading, and a changed original is told by its own text (see the runner).

    >>> a = Source(path="raw/a.txt", sha256="0" * 64, published="2021-04-16")
    >>> provenance_digest(a) == provenance_digest(a.model_copy()), provenance_digest(a) == provenance_digest(a.model_copy(update={"published": "2022"}))
    (True, False)
    """
    return hashlib.sha256(orjson.dumps(source.model_dump(mode="json", exclude={"derived_from"}), option=orjson.OPT_SORT_KEYS)).hexdigest()


def _sha256(data: bytes | Sequence[bytes]) -> str:
    digest = hashlib.sha256()
    for piece in [data] if isinstance(data, bytes) else data:
        digest.update(piece)
    return digest.hexdigest()


def write_index(folder: Path, entries: list[dict[str, Any]], schema_version: str) -> None:
    """Write ``index.json``: the schema version and one summary per document, by id."""
    payload = {"schema_version": schema_version, "documents": sorted(entries, key=lambda e: e["id"])}
    write_atomic(folder / INDEX, dumps(payload))


class Index(NamedTuple):
    """The documents of an annotated folder by id, and what was wrong with its ``index.json``."""

    entries: dict[str, dict[str, Any]]
    warnings: list[str]


def read_index(folder: Path) -> dict[str, Any]:
    """The index of ``folder`` as ``{"documents": [...]}``: validated, or rebuilt from the records."""
    return {"documents": list(load_index(folder).entries.values())}


def load_index(folder: Path) -> Index:
    """The validated entries of ``folder/index.json``, plus a bare entry for each record file it misses.

    An unreadable or invalid index is rebuilt from the record files (W101);
    with no index and no records, the folder is an empty corpus.
    """
    folder = Path(folder)
    path = folder / INDEX
    if not path.exists():
        entries: dict[str, dict[str, Any]] = {}
    else:
        try:
            entries = _valid_entries(parse_json(read_regular(path)))  # a pipe or a folder there: rebuilt, never waited on
        except (OSError, ValueError) as exc:
            entries = rebuild_index(folder)
            return Index(entries, [warning("W101", path=path, problem=exc)])
    for doc_id in record_ids(folder) - entries.keys():
        if _is_record(folder / f"{doc_id}.json", doc_id):  # a record the index missed (an interrupted run); another file is not ours
            entries[doc_id] = {"id": doc_id, "file": f"{doc_id}.json"}
    return Index(dict(sorted(entries.items())), [])


def _is_record(path: Path, doc_id: str) -> bool:
    """Whether ``path`` holds a record of this package for ``doc_id``: a JSON object with a schema version and that id.

    Only such files are indexed, and so pruned, when the index does not list
    them: a ``package.json`` or a researcher's notes in the output folder are
    not this package's to delete.
    """
    try:
        data = parse_json(path.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "schema_version" in data and data.get("id") == doc_id


def _valid_entries(index: Any) -> dict[str, dict[str, Any]]:
    """Index entries by id; ``ValueError`` naming the first entry that is not what this package writes."""
    documents = index.get("documents") if isinstance(index, dict) else None
    if not isinstance(documents, list):
        raise ValueError("it has no list of documents")
    entries: dict[str, dict[str, Any]] = {}
    for number, entry in enumerate(documents, start=1):
        doc_id = entry.get("id") if isinstance(entry, dict) else None
        if not is_safe_id(doc_id) or entry.get("file") != f"{doc_id}.json":
            raise ValueError(f"entry {number} does not name a record file of this folder")
        if doc_id in entries:
            raise ValueError(f"entry {number} repeats the id {doc_id!r}")
        entries[str(doc_id)] = entry
    return entries


def record_ids(folder: Path) -> set[str]:
    """Ids of the record files in ``folder`` (``<id>.json`` regular files with a safe id)."""
    if not Path(folder).is_dir():
        return set()
    return {
        path.name[: -len(".json")]
        for path in Path(folder).iterdir()
        if path.name.endswith(".json") and is_safe_id(path.name[: -len(".json")]) and path.is_file() and not path.is_symlink()
    }


def rebuild_index(folder: Path) -> dict[str, dict[str, Any]]:
    """Index entries read from the record files themselves; a record that fails validation gets a bare entry.

    A file that is no record of this package (not a JSON object with a
    schema version and its file's id) is left out, so it is never pruned.
    """
    entries = {}
    for doc_id in sorted(record_ids(folder)):
        path = Path(folder) / f"{doc_id}.json"
        if not _is_record(path, doc_id):
            continue
        try:
            entries[doc_id] = index_entry(read_document(path), path.read_bytes())
        except (RecordError, OSError):
            entries[doc_id] = {"id": doc_id, "file": f"{doc_id}.json"}
    return entries


def record_digest(path: Path) -> str | None:
    """SHA-256 of a record file's bytes, or ``None`` when it is missing, a link or not a regular file."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def record_path(folder: Path, doc_id: str) -> Path:
    """The record file of ``doc_id`` in ``folder``; ``ValueError`` for an id that could name another path."""
    if not is_safe_id(doc_id):
        raise ValueError(f"{doc_id!r} is not a document id")
    return Path(folder) / f"{doc_id}.json"
