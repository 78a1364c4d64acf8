"""The published JSON Schema of the records, and upgrades of older records.

The schema version follows semantic versioning: a new optional field is a
minor change that old readers can ignore; removing or renaming a field, or
changing what an offset means, is a major change.  A major change adds an
entry to :data:`MIGRATIONS` that rewrites a record of the previous major
version, so corpora written by older releases stay readable.

A record of a newer minor version of the same major version is read by
dropping the fields this release does not know (at any depth); everything
else is validated as usual.  A record of a newer major version is refused.

>>> migrate({"schema_version": "1.0.0", "id": "x"})["id"]
'x'
>>> migrate({"schema_version": "1.9.0", "id": "x", "topic": "bases"})
{'schema_version': '1.9.0', 'id': 'x'}
"""

from __future__ import annotations

import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

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
    if _minor(found) > _minor(SCHEMA_VERSION) and _major(found) == current:
        data = drop_unknown_fields(data, AnnotatedDocument)
    return data


def drop_unknown_fields(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` without the keys ``model`` (and the models inside it) does not declare."""
    kept = {}
    for key, value in data.items():
        field = model.model_fields.get(key)
        if field is not None:
            kept[key] = _drop_in_value(value, _models_in(field.annotation))
    return kept


def _drop_in_value(value: Any, models: list[type[BaseModel]]) -> Any:
    if not models:
        return value
    if isinstance(value, dict):
        return drop_unknown_fields(value, models[0])
    if isinstance(value, list):
        return [_drop_in_value(item, models) for item in value]
    return value


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The record models inside an annotation such as ``list[Edit]`` or ``Source | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if get_origin(annotation) in (list, tuple, Union, types.UnionType):
        return [model for argument in get_args(annotation) for model in _models_in(argument)]
    return []


def _major(version: str) -> int:
    return _part(version, 0)


def _minor(version: str) -> int:
    return _part(version, 1)


def _part(version: str, index: int) -> int:
    try:
        return int(version.split(".")[index])
    except (ValueError, IndexError):
        return 0
