"""Hugging Face datasets: the export loads with load_dataset as it is, typed, and rows rebuild the records."""

from __future__ import annotations

import pytest

from alliance_corpus.corpus.formats import export, hf
from alliance_corpus.records import AnnotatedDocument

datasets = pytest.importorskip("datasets")


def _load(*args, tmp_path, **kwargs):
    return datasets.load_dataset(*args, cache_dir=str(tmp_path / "hf-cache"), **kwargs)


def test_hf_folder_loads_as_it_is_and_rows_rebuild_the_records(documents, tmp_path):
    folder = tmp_path / "export"
    export(documents, "hf", folder)
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == ["README.md", "train.jsonl"]
    train = _load(str(folder), tmp_path=tmp_path)["train"]
    assert train.num_rows == len(documents)
    assert train.features == hf.features()
    assert [AnnotatedDocument.model_validate(row) for row in train] == documents


def test_hf_lists_empty_in_every_document_are_typed_not_null(documents, tmp_path):
    quiet = [d for d in documents if not d.flags and not d.garble_evidence]
    assert quiet
    folder = tmp_path / "export"
    hf.write(quiet, folder)
    train = _load(str(folder), tmp_path=tmp_path)["train"]
    flags = train.features["flags"]
    assert "null" not in repr(flags).lower() and "suggestions" in repr(flags)
    assert train[0]["flags"] == [] and train[0]["garble_evidence"] == []
    assert AnnotatedDocument.model_validate(train[0]) == quiet[0]


def test_hf_json_loader_reads_the_data_file_with_the_declared_features(documents, tmp_path):
    folder = tmp_path / "export"
    hf.write(documents, folder)
    train = _load("json", data_files=str(folder / hf.DATA_FILE), features=hf.features(), tmp_path=tmp_path)["train"]
    assert AnnotatedDocument.model_validate(train[len(documents) - 1]) == documents[-1]


def test_hf_card_declares_the_split_and_every_record_field():
    card = hf.card()
    assert card.startswith("---\nconfigs:\n- config_name: default\n")
    assert f"path: {hf.DATA_FILE}" in card
    names = [line.split("name: ")[1] for line in hf.feature_yaml() if line.startswith("- name: ")]
    assert names == list(AnnotatedDocument.model_fields)
