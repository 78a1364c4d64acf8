"""Long documents are read in chunks, and their records still point at the right text.

A page longer than :data:`~alliance_corpus.text.chunks.CHUNK_CHARS` is cut at
paragraph ends and read a few chunks at a time; the entities and sentences
must land on the restored text, and their raw offsets on the raw text, in
every chunk, as they do in a short document.  No time or memory is asserted
here (see ``benchmarks/bench_scaling.py``).
"""

from __future__ import annotations

import json

import pytest

from alliance_corpus import annotate
from alliance_corpus.annotation import read_entities
from alliance_corpus.nlp import BATCH_CHARS, load_pipeline
from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import INFLECTIONS
from alliance_corpus.restore import RestoreConfig, clean
from alliance_corpus.restore.fixes.context import apply_token_rules
from alliance_corpus.restore.fixes.inflection import inflected
from alliance_corpus.text.chunks import CHUNK_CHARS, split_paragraphs, split_text
from tests.conftest import GARBLED_SET, ROOT, read_garbled


def _real_pages(characters: int) -> str:
    """English real pages, joined by blank lines, until there are ``characters`` characters."""
    pages = []
    for path in sorted((ROOT / "tests" / "data" / "realpages").glob("*.json")):
        page = json.loads(path.read_text(encoding="utf-8"))
        if page.get("language") == "en":
            pages.append(page["text"].strip())
    return "\n\n".join(pages)[:characters]


@pytest.fixture(scope="module")
def long_record():
    text = _real_pages(3 * BATCH_CHARS // 2 + CHUNK_CHARS)  # several chunks, over more than one group
    return annotate(text, doc_id="long-page")


def test_long_document_entities_and_sentences_match_the_text_in_every_chunk(long_record):
    doc = long_record
    assert len(doc.text) > 2 * CHUNK_CHARS
    for entity in doc.entities:
        assert doc.text[entity.start : entity.end] == entity.text
    ends = [start + len(piece) for start, piece in split_text(doc.text)]
    assert len(ends) >= 4
    chunk_of = [next(i for i, end in enumerate(ends) if entity.start < end) for entity in doc.entities]
    assert set(chunk_of) == set(range(len(ends)))  # every chunk contributed entities
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts) and all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:]))
    assert doc.sentences[-1].end <= len(doc.text) and doc.sentences[-1].start > ends[-2]


def test_long_document_raw_offsets_point_at_the_raw_text(long_record):
    doc = long_record
    edited = [(e.raw_start, e.raw_end) for e in doc.edits]
    checked = 0
    for entity in doc.entities:
        if entity.raw_start is None:
            continue
        touched = any(start < entity.raw_end and entity.raw_start < end or start == end == entity.raw_start for start, end in edited)
        if not touched:
            assert doc.raw_text[entity.raw_start : entity.raw_end] == entity.text
            checked += 1
    assert checked > 1_000


def test_reading_in_groups_gives_what_reading_each_chunk_alone_gives(long_record):
    pipeline = load_pipeline()
    text = long_record.text
    (grouped,) = read_entities(pipeline, [text])
    alone_mentions, alone_sentences = [], []
    for offset, piece in split_text(text):
        ((mentions, sentences),) = read_entities(pipeline, [piece])
        alone_mentions += [m.__class__(m.start + offset, m.end + offset, m.label, m.kb_id, m.source) for m in mentions]
        alone_sentences += [s.model_copy(update={"start": s.start + offset, "end": s.end + offset}) for s in sentences]
    assert grouped == (alone_mentions, alone_sentences)


def test_context_rules_read_a_line_longer_than_a_chunk():
    garbled = " ".join(read_garbled(path)["garbled"].replace("\n", " ") for path in GARBLED_SET)
    line = (garbled + " ") * (CHUNK_CHARS // len(garbled) + 2)
    assert "\n" not in line and len(line) > CHUNK_CHARS
    rules = [rule for rule in Resources.bundled().rules if rule.match == "tokens"]
    changes = apply_token_rules(line, rules, load_pipeline().nlp)
    assert any(change.start > CHUNK_CHARS for change in changes)
    targets = {(rule.id, word) for rule in rules for word in _target_words(rule)}
    by_id = {rule.id: rule for rule in rules}
    for change in changes:
        word, rule = line[change.start : change.end], by_id[change.rule]
        if rule.transform in INFLECTIONS:  # the rule names no word: it inflects what the tagger found
            assert inflected(word, rule.transform) == change.replacement
        else:
            assert (change.rule, word.lower()) in targets
    result = clean(line, config=RestoreConfig(garbled=True))
    assert result.text.count("\n") == 0 and len(result.edits) > 10


def _target_words(rule):
    """The literal words a context rule may replace."""
    first, last = rule.target
    return [spec["LOWER"] for spec in rule.pattern[first:last] if isinstance(spec.get("LOWER"), str)] + [
        " ".join(spec["LOWER"] for spec in rule.pattern[first:last] if isinstance(spec.get("LOWER"), str))
    ]


@pytest.mark.parametrize("piece", [1, 3, 64, 1_000_000])
def test_words_are_counted_as_split_counts_them_in_pieces_of_any_size(piece, monkeypatch, seed_raw):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from alliance_corpus.text import chunks

    monkeypatch.setattr(chunks, "COUNT_CHARS", piece)
    assert chunks.count_words(seed_raw * 3) == len((seed_raw * 3).split())

    @settings(max_examples=200, deadline=None)
    @given(st.text(st.sampled_from(["a", "b", " ", "\n", "\t", "\xa0", "\u2028", "\x1c", "\u3000", "日"]), max_size=80))
    def counts_match(text):
        assert chunks.count_words(text) == len(text.split())

    counts_match()


def test_paragraphs_cover_every_non_blank_line_once():
    text = "Title\n\n  First line.\nSecond line. \n \n\t\nLast."
    pieces = list(split_paragraphs(text))
    assert pieces == [(0, "Title"), (7, "  First line.\nSecond line. "), (39, "Last.")]
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)


def test_a_paragraph_longer_than_a_chunk_is_cut_and_blank_lines_give_nothing():
    paragraph = "word " * (CHUNK_CHARS // 2)
    pieces = list(split_paragraphs(paragraph + "\n\n" + "end"))
    assert len(pieces) >= 3 and all(len(piece) <= CHUNK_CHARS for _, piece in pieces[:-1]) and pieces[-1] == (len(paragraph) + 2, "end")
    blank = " " * 200_000
    assert list(split_paragraphs(blank + "\n" + blank)) == []
