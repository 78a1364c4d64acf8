"""The entity pass reuses the vectors restoration's context rules computed, and finds exactly what it finds without them.

Restoration tags the lines of a spun text that hold a context rule's word,
which runs the model's shared encoder (``tok2vec``).  The entity pass reads
the restored text paragraph by paragraph; a one-line paragraph that
restoration encoded as it stands goes to the parser and ``ner`` with its
vectors.  These tests read real spun texts with the real model.
"""

from __future__ import annotations

from alliance_corpus.annotation import annotate_documents, read_entities
from alliance_corpus.nlp import ENCODER, Analyses, load_pipeline
from alliance_corpus.records import RawDocument, Source
from alliance_corpus.restore import clean
from alliance_corpus.text.chunks import split_paragraphs
from tests.conftest import GARBLED_HOLDOUT_SET, SPUN_HOLDOUT_SET, read_garbled


def _spun_texts() -> list[str]:
    texts = [read_garbled(path).get("garbled") or read_garbled(path)["spun"] for path in GARBLED_HOLDOUT_SET + SPUN_HOLDOUT_SET]
    assert len(texts) >= 10
    return texts


def test_reused_vectors_give_the_mentions_and_sentences_of_a_fresh_reading():
    pipeline = load_pipeline()
    texts = _spun_texts()
    analyses = Analyses()
    restored = [clean(text, analyses=analyses).text for text in texts]
    kept_before = len(analyses)
    assert kept_before >= len(texts)  # restoration did encode lines of the spun texts
    reused = read_entities(pipeline, restored, analyses)
    taken = kept_before - len(analyses)
    paragraphs = sum(1 for text in restored for _ in split_paragraphs(text))
    assert taken >= paragraphs // 2  # most paragraphs skipped the encoder
    assert reused == read_entities(pipeline, restored)
    assert sum(len(mentions) for mentions, _ in reused) > 50


def test_annotation_encodes_little_beyond_what_restoration_encoded():
    pipeline = load_pipeline()
    assert ENCODER in pipeline.nlp.pipe_names
    encoder = pipeline.nlp.get_pipe(ENCODER)
    texts = _spun_texts()[:4]
    documents = [RawDocument(f"d{i}", text, Source(path=f"d{i}.txt", sha256="0" * 64)) for i, text in enumerate(texts)]
    encoded: list[int] = []
    original = encoder.predict
    encoder.predict = lambda docs: (encoded.append(sum(len(doc) for doc in docs)), original(docs))[1]
    try:
        restored = [clean(text).text for text in texts]
        by_restoration = sum(encoded)
        encoded.clear()
        list(annotate_documents(documents))
        by_annotation = sum(encoded)
    finally:
        del encoder.predict
    restored_tokens = sum(len(pipeline.nlp.make_doc(piece)) for text in restored for _, piece in split_paragraphs(text))
    assert by_restoration > restored_tokens // 2  # restoration did encode these spun texts
    # Without reuse the entity pass would encode every restored token again.
    assert by_annotation - by_restoration < 0.25 * restored_tokens


def test_a_paragraph_read_twice_is_encoded_afresh_the_second_time():
    pipeline = load_pipeline()
    line = _spun_texts()[0].split("\n")[0]
    text = f"{line}\n\n{line}"
    kept = Analyses()
    restored = clean(text, analyses=kept).text
    ((mentions, sentences),) = read_entities(pipeline, [restored], kept)
    ((fresh_mentions, fresh_sentences),) = read_entities(pipeline, [restored])
    assert (mentions, sentences) == (fresh_mentions, fresh_sentences)
    half = len(mentions) // 2
    assert half > 0 and [(m.end - m.start, m.label) for m in mentions[:half]] == [(m.end - m.start, m.label) for m in mentions[half:]]


def test_analyses_keep_no_more_than_their_limit():
    kept = Analyses(limit=100)
    assert kept.keep("a" * 60, object())
    assert not kept.keep("b" * 60, object())
    assert kept.keep("c" * 40, object())
    assert kept.take("b" * 60) is None and kept.take("c" * 40) is not None and kept.take("c" * 40) is None


def test_annotation_with_every_repair_step_disabled_keeps_the_text_as_it_is():
    from alliance_corpus.restore import STEPS, RestoreConfig

    texts = _spun_texts()[:3]
    documents = [RawDocument(f"d{number}", text, Source(path=f"d{number}.txt", sha256="0" * 64)) for number, text in enumerate(texts)]
    restored = list(annotate_documents(documents))
    as_is = list(annotate_documents(documents, restore=RestoreConfig(disable=tuple(STEPS))))
    assert all(record.text != text for record, text in zip(restored, texts))  # the default restores these spun texts
    assert [record.text for record in as_is] == texts
    assert all(not record.edits and record.garble_score >= 0.5 for record in as_is)  # detection still reads them
    assert all(record.entities for record in as_is)
