"""The published JSON Schema of the records, and upgrades of older records.

The schema version follows semantic versioning: a new optional field is a
minor change that old readers can ignore; removing or renaming a field, or
changing what an offset means, is a major change.  A major change adds an
entry to :data:`MIGRATIONS` that rewrites a record of the previous major
version, so corpora written by older releases stay readable.

>>> migrate({"schema_version": "1.0.0", "id": "x"})["id"]
'x'
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .models import SCHEMA_VERSION, AnnotatedDocument

SCHEMA_FILE = "annotated_document.schema.json"

# major version -> function that turns a record of that major version into one of the next
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`~alliance_corpus.records.AnnotatedDocument`."""
    schema = AnnotatedDocument.model_json_schema()
    schema["$id"] = f"https://alliance-corpus.invalid/schema/annotated_document/{SCHEMA_VERSION}"
    return schema


def migrate(data: dict[str, Any], path: str | Path = "<record>") -> dict[str, Any]:
    """Upgrade a record read from disk to the current schema version, or explain why not."""
    found = str(data.get("schema_version", "0"))
    major = _major(found)
    current = _major(SCHEMA_VERSION)
    if major > current:
        raise ValueError(f"{path}: schema version {found} is newer than this alliance_corpus ({SCHEMA_VERSION}); upgrade the package")
    while major < current:
        if major not in MIGRATIONS:
            raise ValueError(f"{path}: no migration from schema version {found}")
        data = MIGRATIONS[major](data)
        major += 1
    return data


def _major(version: str) -> int:
    try:
        return int(version.split(".", 1)[0])
    except ValueError:
        return 0
