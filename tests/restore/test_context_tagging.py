"""The context rules find the same changes when the attribute ruler is read as a table instead of run.

The reference below tags every line with the whole tagger (tok2vec, tagger
and attribute ruler) and runs the rules as written; the step itself tags
with tok2vec and the tagger, sets the ruler's attributes from its table,
and re-encodes a changed line only around its changes.  Both read the real
model on real spun texts of every set, raw and half-restored.
"""

from __future__ import annotations

import re

from alliance_corpus.nlp import load_pipeline
from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean
from alliance_corpus.restore.fixes import context
from tests.conftest import GARBLED_DEV_SET, GARBLED_HOLDOUT_SET, GARBLED_SET, SPUN_DEV_SET, SPUN_HOLDOUT_SET, read_garbled

RULES = [rule for rule in Resources.bundled().rules if rule.match == "tokens"]


def _reference(text: str, nlp) -> list:
    """Every line tagged by the whole tagger, every rule matched as written."""
    matcher = context._matcher(nlp, RULES)
    by_id = {rule.id: rule for rule in RULES}
    disable = [name for name in nlp.pipe_names if name not in context.TAGGER_COMPONENTS]
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    docs = nlp.pipe([line for _, line in lines], disable=disable)
    return [
        change._replace(start=change.start + offset, end=change.end + offset)
        for (offset, _), doc in zip(lines, docs)
        for change in context._line_changes(doc, matcher, by_id, nlp)
    ]


def _spun_texts() -> list[str]:
    texts = []
    for path in GARBLED_SET + GARBLED_DEV_SET + GARBLED_HOLDOUT_SET + SPUN_DEV_SET + SPUN_HOLDOUT_SET:
        spun = read_garbled(path).get("garbled") or read_garbled(path).get("spun")
        texts += [spun, clean(spun, config=RestoreConfig(context_rules=False)).text]
    return texts


def test_context_rules_find_what_the_whole_tagger_finds():
    nlp = load_pipeline().nlp
    texts = _spun_texts()
    assert len(texts) >= 40
    found = 0
    for text in texts:
        expected = _reference(text, nlp)
        assert context.apply_token_rules(text, RULES, nlp) == expected
        found += len(expected)
    assert found >= 20  # the rules do fire on these texts, so the comparison means something


def test_late_attribute_table_gives_the_rulers_parts_of_speech_on_every_token():
    """The table read from the attribute ruler's patterns sets the POS the ruler itself sets, token by token."""
    nlp = load_pipeline().nlp
    disable = [name for name in nlp.pipe_names if name not in ("tok2vec", "tagger")]
    lines = [line for text in _spun_texts() for line in text.split("\n") if line.strip()]
    table = context.LateAttributes(nlp.get_pipe("attribute_ruler").patterns)
    ruler = nlp.get_pipe("attribute_ruler")
    compared = 0
    for doc in nlp.pipe(lines, disable=disable):
        by_ruler = ruler(doc.copy())
        by_table = table(doc)
        assert [t.pos_ for t in by_table] == [t.pos_ for t in by_ruler]
        assert [t.tag_ for t in by_table] == [t.tag_ for t in by_ruler]
        assert [str(t.morph) for t in by_table] == [str(t.morph) for t in by_ruler]
        compared += len(doc)
    assert compared > 10_000


def test_late_attribute_table_lets_later_patterns_win():
    patterns = [
        {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}, "index": 0},
        {"patterns": [[{"TAG": "VBZ", "LOWER": {"IN": ["is", "'s"]}}]], "attrs": {"POS": "AUX", "LEMMA": "be"}, "index": 0},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    ]
    table = context.LateAttributes(patterns)
    assert table.attributes("VBZ", "is", False) == {"POS": "AUX", "LEMMA": "be"}
    assert table.attributes("VBZ", "has", False) == {"POS": "VERB"}
    assert table.attributes("NN", "gon", False) == {}


def test_a_line_is_matched_only_against_rules_whose_words_it_holds():
    """Rules needing a word the line lacks are left out; rules of tags alone always stay; a word inside a longer token does not count."""
    nlp = load_pipeline().nlp
    needs = context._needed_words(RULES)
    tags_only = {rule.id for rule, words in zip(RULES, needs) if words is None}
    assert tags_only and len(tags_only) < len(RULES)
    plain = context.possible_rules(RULES, needs, nlp.make_doc("The treaty was signed in San Francisco in 1951."))
    assert {rule.id for rule in plain} >= tags_only and "ctx.made-by" not in {rule.id for rule in plain}
    assert len(plain) < len(RULES) / 2
    made = context.possible_rules(RULES, needs, nlp.make_doc("The ships were make by hand in Kobe."))
    assert "ctx.made-by" in {rule.id for rule in made}
    inside = context.possible_rules(RULES, needs, nlp.make_doc("The shipmakers by hand in Kobe."))
    assert "ctx.made-by" not in {rule.id for rule in inside}
