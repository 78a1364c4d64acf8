"""The corpus as a folder that Hugging Face ``datasets`` loads as it is.

The folder holds what a dataset repository on the Hub holds:

- ``data/train.jsonl``: one record a line, exactly as the corpus stores it
  (:class:`~alliance_corpus.records.AnnotatedDocument` fields, nested lists of
  edits, entities, sentences...), so ``AnnotatedDocument.model_validate(row)``
  rebuilds a record from a row;
- ``README.md``: a dataset card whose YAML header declares the ``train``
  split and the type of every field (``dataset_info.features``).

``datasets.load_dataset(folder)`` reads the card, so a list that is empty in
every document (no flags anywhere) is still a list of typed structs, never a
column of nulls.  ``load_dataset("json", data_files=...)`` on the JSON Lines
file alone cannot know those types; pass ``features=features()`` to it.
No ``index.json`` sits in the folder to trip the JSON loader.

>>> print("\\n".join(feature_yaml()[:4]))
- name: schema_version
  dtype: string
- name: id
  dtype: string
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import orjson

from ...records import AnnotatedDocument
from .tables import CHILD_TABLES, COLUMNS, PIPELINE_FIELDS, SOURCE_FIELDS

DATA_FILE = "data/train.jsonl"
CARD = "README.md"

Feature = str | list[tuple[str, "Feature"]] | tuple[str, "Feature"]
"""A field's type: a dtype name, a struct (list of named fields), or ``("list", item)``."""


def record_features() -> list[tuple[str, Feature]]:
    """The fields of a record and their types, in the order records are written."""
    children: dict[str, Feature] = {
        field: ("list", [(name, _column(kind)) for name, kind in COLUMNS[table]]) for table, (field, _) in CHILD_TABLES.items()
    }
    return [
        ("schema_version", "string"),
        ("id", "string"),
        ("source", [(name, "string") for name in SOURCE_FIELDS]),
        ("raw_text", "string"),
        ("text", "string"),
        ("edits", children["edits"]),
        ("segments", children["segments"]),
        ("flags", children["flags"]),
        ("sentences", children["sentences"]),
        ("entities", children["entities"]),
        ("garble_score", "float64"),
        ("pipeline", [(name, "string") for name in PIPELINE_FIELDS]),
        ("language", [("code", "string"), ("confidence", "float64")]),
        ("garble_evidence", children["garble_evidence"]),
    ]


def _column(kind: str) -> Feature:
    return ("list", kind[len("list<") : -1]) if kind.startswith("list<") else kind


def feature_yaml(features: list[tuple[str, Feature]] | None = None, indent: str = "") -> list[str]:
    """The ``features:`` list of a dataset card, in the YAML form ``datasets`` writes (``dtype``, ``struct``, ``list``)."""
    lines: list[str] = []
    for name, feature in record_features() if features is None else features:
        lines.append(f"{indent}- name: {name}")
        lines.extend(_type_yaml(feature, indent + "  "))
    return lines


def _type_yaml(feature: Feature, indent: str) -> list[str]:
    if isinstance(feature, str):
        return [f"{indent}dtype: {feature}"]
    if isinstance(feature, tuple):
        item = feature[1]
        if isinstance(item, str):
            return [f"{indent}list: {item}"]
        return [f"{indent}list:", *feature_yaml(item if isinstance(item, list) else [], indent)]
    return [f"{indent}struct:", *feature_yaml(feature, indent)]


def card() -> str:
    """The dataset card: YAML header (config, split, features) and a short description."""
    header = [
        "---",
        "configs:",
        "- config_name: default",
        "  data_files:",
        "  - split: train",
        f"    path: {DATA_FILE}",
        "dataset_info:",
        "  config_name: default",
        "  features:",
        *feature_yaml(indent="  "),
        "---",
    ]
    body = (
        "\n# Alliance corpus\n\n"
        "Restored, entity-annotated texts about the U.S.-Japan alliance, written by `alliance-corpus export --format hf`.\n"
        "Each row is one document: the raw text as found, the restored `text`, the `edits` that lead from one to the other\n"
        "(with offsets into both), and the `entities` of the restored text with their Wikidata or local ids.\n\n"
        "```python\nfrom datasets import load_dataset\ncorpus = load_dataset(\"path/to/this/folder\")[\"train\"]\n```\n"
    )
    return "\n".join(header) + "\n" + body


def write(documents: Iterable[AnnotatedDocument], destination: Path) -> list[Path]:
    """Write ``data/train.jsonl`` and the dataset card ``README.md`` into the folder ``destination``."""
    data = destination / DATA_FILE
    data.parent.mkdir(parents=True, exist_ok=True)
    with data.open("wb") as stream:
        for document in documents:
            stream.write(orjson.dumps(document.model_dump(mode="json")) + b"\n")
    (destination / CARD).write_text(card(), encoding="utf-8")
    return [data, destination / CARD]


def features() -> Any:
    """The records' fields as ``datasets.Features`` (needs ``datasets``), for ``load_dataset("json", ..., features=...)``."""
    from datasets import Features, Value

    def build(feature: Feature) -> Any:
        if isinstance(feature, str):
            return Value(feature)
        if isinstance(feature, tuple):
            return [build(feature[1])]  # a one-item Python list is a list feature in every datasets version
        return {name: build(item) for name, item in feature}

    return Features({name: build(feature) for name, feature in record_features()})
