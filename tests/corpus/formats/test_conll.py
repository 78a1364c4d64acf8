"""CoNLL-2003: four columns, -DOCSTART- lines, blank lines between sentences, entity spans back at token level."""

from __future__ import annotations

import re

import pytest

from alliance_corpus.corpus.formats import conll, export


def _expected_spans(document):
    """Each entity of the record as (first token, end token, label) over conll's tokens."""
    starts = [token.start for token in conll.tokens_of(document.text, document.entities)]
    spans = []
    for entity in document.entities:
        inside = [i for i, start in enumerate(starts) if entity.start <= start < entity.end]
        spans.append((inside[0], inside[-1] + 1, entity.label))
    return spans


@pytest.mark.parametrize("scheme", ["iob2", "iob1"])
def test_conll_round_trip_gives_back_every_entity_span_at_token_level(documents, tmp_path, scheme):
    [path] = conll.write(documents, tmp_path, scheme=scheme)
    read = conll.read(path)
    assert len(read) == len(documents)
    for document, back in zip(documents, read):
        assert back.entities() == _expected_spans(document)
        tokens = back.tokens()
        for (first, end, _), entity in zip(back.entities(), document.entities):
            assert "".join(tokens[first:end]) == re.sub(r"\s+", "", entity.text)


def test_conll_file_follows_the_shared_task_layout(documents, tmp_path):
    [path] = export(documents, "conll", tmp_path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[:2] == ["-DOCSTART- -X- -X- O", ""]
    assert sum(line.startswith("-DOCSTART-") for line in lines) == len(documents)
    for line in lines:
        if line:
            token, pos, chunk, tag = line.split(" ")
            assert token and (pos, chunk) == ("-X-", "-X-") and re.fullmatch(r"O|[BI]-[A-Z_]+", tag)
    assert "\n\n\n" not in path.read_text(encoding="utf-8")


def test_conll_sentences_follow_the_records(documents, tmp_path):
    [path] = conll.write(documents, tmp_path)
    for document, back in zip(documents, conll.read(path)):
        if document.sentences:
            assert len(back.sentences) <= len(document.sentences)
            assert len(back.sentences) >= len([s for s in document.sentences if conll.TOKEN.search(document.text[s.start : s.end])]) - 1


def test_conll_iob1_opens_with_b_only_between_neighbours_of_one_type():
    from alliance_corpus.records import Entity

    def gpe(start, end, text):
        return Entity(text=text, label="GPE", start=start, end=end, raw_start=start, raw_end=end, source="model")

    text = "Japan Korea and Tokyo"
    entities = [gpe(0, 5, "Japan"), gpe(6, 11, "Korea"), gpe(16, 21, "Tokyo")]
    assert [t.tag for t in conll.tokens_of(text, entities, scheme="iob1")] == ["I-GPE", "B-GPE", "O", "I-GPE"]
    assert [t.tag for t in conll.tokens_of(text, entities)] == ["B-GPE", "B-GPE", "O", "B-GPE"]


def test_conll_reads_in_spacys_own_converter(documents, tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    [path] = conll.write(documents, tmp_path)
    docs = conll_ner_to_docs(path.read_text(encoding="utf-8"), n_sents=10)
    assert sum(len(doc.ents) for doc in docs) == sum(len(d.entities) for d in documents)
