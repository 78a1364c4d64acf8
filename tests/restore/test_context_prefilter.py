"""The context rules find the same changes when the attribute ruler runs only on the lines the relaxed rules match.

The reference below tags every line with the whole tagger (tok2vec, tagger
and attribute ruler) and runs the rules as written; the step itself tags
with tok2vec and the tagger, and runs the attribute ruler only where the
rules without their ``POS`` and ``LEMMA`` constraints match.  Both read the
real model on real spun texts of every set, raw and half-restored.
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


def test_context_prefilter_changes_nothing_the_rules_find():
    nlp = load_pipeline().nlp
    texts = _spun_texts()
    assert len(texts) >= 40
    found = 0
    for text in texts:
        expected = _reference(text, nlp)
        assert context.apply_token_rules(text, RULES, nlp) == expected
        found += len(expected)
    assert found >= 20  # the rules do fire on these texts, so the comparison means something


def test_context_relaxed_rules_skip_lines_the_rules_cannot_match():
    nlp = load_pipeline().nlp
    prefilter = context._matcher(nlp, [context.relaxed(rule) for rule in RULES])
    disable = [name for name in nlp.pipe_names if name not in ("tok2vec", "tagger")]
    plain = nlp("The treaty was signed in 1951 and revised in 1960.", disable=disable)
    assert not prefilter(plain)
    spun = nlp("The ministers quarreled end U.S. bases.", disable=disable)
    assert prefilter(spun)


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
