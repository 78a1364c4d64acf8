"""Model loading: configurable by name or path, loaded once per process, ruler before ner."""

from __future__ import annotations

import pytest

from alliance_corpus import annotate
from alliance_corpus.errors import ModelNotFoundError
from alliance_corpus.nlp import DEFAULT_MODEL, RULER, _cached_pipeline, load_model, load_pipeline, model_name, model_version


def test_nlp_ruler_sits_before_ner():
    names = load_pipeline().nlp.pipe_names
    assert names.index(RULER) == names.index("ner") - 1


def test_nlp_pipeline_is_loaded_once_and_reused(seed_raw):
    first = load_pipeline()
    misses = _cached_pipeline.cache_info().misses
    annotate(seed_raw)
    annotate("Leon Panetta visited Okinawa.")
    assert load_pipeline() is first
    assert _cached_pipeline.cache_info().misses == misses


def test_nlp_model_name_comes_from_argument_then_environment(monkeypatch):
    monkeypatch.delenv("ALLIANCE_CORPUS_MODEL", raising=False)
    assert model_name() == DEFAULT_MODEL
    monkeypatch.setenv("ALLIANCE_CORPUS_MODEL", "my_model")
    assert model_name() == "my_model" and model_name("other") == "other"


def test_nlp_model_can_be_a_folder(tmp_path):
    folder = tmp_path / "my_model"
    load_model().to_disk(folder)
    doc = annotate("Leon Panetta visited Okinawa.", model=str(folder))
    assert doc.pipeline.model == str(folder) and doc.pipeline.model_version == model_version()
    assert [(e.text, e.kb_id) for e in doc.entities] == [("Leon Panetta", "Q244631"), ("Okinawa", "Q766445")]


def test_nlp_missing_model_error_says_how_to_install():
    with pytest.raises(ModelNotFoundError, match=r"\[E301\].*pip install"):
        load_model("en_no_such_model")
    with pytest.raises(ModelNotFoundError):
        model_version("en_no_such_model")
