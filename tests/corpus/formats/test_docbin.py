"""spaCy DocBin: entities with kb_id_, edits as a span group, and records rebuilt from the Docs."""

from __future__ import annotations

from spacy.tokens import DocBin

from alliance_corpus.corpus.formats import docbin, export


def test_docbin_round_trip_gives_back_equal_records(documents, tmp_path):
    [path] = export(documents, "docbin", tmp_path)
    assert path.name == "corpus.spacy"
    assert docbin.read(path) == documents


def test_docbin_entities_carry_label_and_kb_id_at_the_same_offsets(documents):
    for document in documents:
        doc = docbin.to_doc(document)
        assert doc.text == document.text
        got = [(e.start_char, e.end_char, e.label_, e.kb_id_ or None) for e in doc.ents]
        assert got == [(e.start, e.end, e.label, e.kb_id) for e in document.entities]


def test_docbin_edits_are_a_span_group_labelled_by_kind_with_the_rule_as_id(documents):
    for document in documents:
        _check_edit_group(document)


def _check_edit_group(document):
    doc = docbin.to_doc(document)
    group = doc.spans["edits"]
    assert len(group) == len(document.edits)
    for span, edit in zip(group, document.edits):
        assert (span.label_, span.id_) == (edit.kind, edit.rule)
        with_space = span.end_char + len(doc[span.end - 1].whitespace_) if len(span) else span.end_char
        if edit.after:  # the tokens that hold the new text, a token's trailing space counting as its own
            assert span.start_char <= edit.clean_start and edit.clean_end <= with_space
        else:  # a deletion: an empty span where the text was
            assert len(span) == 0 and span.start_char >= edit.clean_start


def test_docbin_loads_in_plain_spacy_with_user_data(documents, tmp_path):
    import spacy

    docbin.write(documents[:3], tmp_path)
    docs = list(DocBin().from_disk(tmp_path / "corpus.spacy").get_docs(spacy.blank("en").vocab))
    assert [d.user_data["alliance_corpus"]["id"] for d in docs] == [d.id for d in documents[:3]]
    assert docs[0].user_data["alliance_corpus"]["raw_text"] == documents[0].raw_text
    assert [s.start_char for s in docs[0].sents][:3] == [s.start for s in documents[0].sentences][:3]
