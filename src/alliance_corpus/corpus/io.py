"""The files of an annotated corpus: one JSON file per document plus ``index.json``.

Files are written with orjson, keys sorted and indented, so diffs are readable
and the same record always gives the same bytes; every write goes to a
temporary file that replaces the target in one step.  Reading never imports
spaCy.

>>> print(dumps({"b": 1, "a": True}).decode(), end="")
{
  "a": true,
  "b": 1
}
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel

from ..records import AnnotatedDocument
from ..records.schema import migrate

INDEX = "index.json"
JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0o666 less the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def dumps(record: BaseModel | dict[str, Any]) -> bytes:
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


def index_entry(document: AnnotatedDocument) -> dict[str, Any]:
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


def write_index(folder: Path, entries: list[dict[str, Any]], schema_version: str) -> None:
    """Write ``index.json``: the schema version and one summary per document, by id."""
    payload = {"schema_version": schema_version, "documents": sorted(entries, key=lambda e: e["id"])}
    write_atomic(folder / INDEX, dumps(payload))


def read_index(folder: Path) -> dict[str, Any]:
    """The parsed ``index.json`` of ``folder``, or an empty index when there is none."""
    path = Path(folder) / INDEX
    if not path.is_file():
        return {"documents": []}
    index: dict[str, Any] = orjson.loads(path.read_bytes())
    return index
