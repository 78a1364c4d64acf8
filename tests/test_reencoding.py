"""A changed line is re-encoded only around its changes, and its vectors are those of encoding it afresh, bit for bit.

Restoration's context rules tag a spun line, change a word or two in it, and
tag it again to see whether the changed line needs more.  The second time,
only the tokens whose vectors can differ (those within the encoder's
receptive field of a change) are encoded again (``nlp.reencode``).  These
tests pair real spun lines with their restored forms and compare against the
real model's own encoding of the restored line.
"""

from __future__ import annotations

import numpy
import pytest

from alliance_corpus.nlp import ENCODER, Analyses, load_pipeline, receptive_field, reencode
from alliance_corpus.resources import Resources
from alliance_corpus.restore import clean
from alliance_corpus.restore.fixes import context
from tests.conftest import GARBLED_HOLDOUT_SET, SPUN_HOLDOUT_SET, read_garbled


def _line_pairs() -> list[tuple[str, str]]:
    """(spun line, restored line) for every changed line of the held-out spun texts whose line count restoration keeps."""
    pairs = []
    for path in GARBLED_HOLDOUT_SET + SPUN_HOLDOUT_SET:
        case = read_garbled(path)
        spun = case.get("garbled") or case["spun"]
        before, after = spun.split("\n"), clean(spun).text.split("\n")
        if len(before) == len(after):
            pairs += [(old, new) for old, new in zip(before, after) if old != new and old.strip()]
    assert len(pairs) >= 20
    return pairs


def _encoded(nlp, texts: list[str]) -> list:
    return list(nlp.pipe(texts, disable=[name for name in nlp.pipe_names if name != ENCODER]))


@pytest.fixture(scope="module")
def encoded_pairs():
    nlp = load_pipeline().nlp
    pairs = _line_pairs()
    earlier = _encoded(nlp, [old for old, _ in pairs])
    fresh = _encoded(nlp, [new for _, new in pairs])
    return nlp, pairs, earlier, fresh


def test_the_receptive_field_is_read_from_the_model_config():
    nlp = load_pipeline().nlp
    encode = nlp.config["components"][ENCODER]["model"]["encode"]
    assert receptive_field(nlp) == encode["depth"] * encode["window_size"] == 4


def test_an_encoder_of_unknown_reach_is_not_reencoded():
    import spacy

    blank = spacy.blank("en")
    assert receptive_field(blank) is None  # no encoder at all
    with pytest.raises(ValueError, match="receptive field"):
        reencode(blank, [(blank.make_doc("a b"), "a c")])


def test_reencoded_vectors_equal_a_fresh_encoding_bit_for_bit(encoded_pairs):
    nlp, pairs, earlier, fresh = encoded_pairs
    docs = reencode(nlp, [(doc, new) for doc, (_, new) in zip(earlier, pairs)])
    for doc, expected in zip(docs, fresh):
        assert [t.text for t in doc] == [t.text for t in expected]
        assert numpy.array_equal(doc.tensor, expected.tensor)


def test_a_field_one_token_too_small_gives_different_vectors(encoded_pairs):
    """The comparison above can fail: reusing vectors one token too close to a change gets them wrong."""
    nlp, pairs, earlier, fresh = encoded_pairs
    docs = reencode(nlp, [(doc, new) for doc, (_, new) in zip(earlier, pairs)], field=receptive_field(nlp) - 1)
    assert sum(not numpy.array_equal(doc.tensor, expected.tensor) for doc, expected in zip(docs, fresh)) > len(pairs) // 2


def test_only_tokens_near_a_change_are_encoded_again():
    nlp = load_pipeline().nlp
    words = [f"word{number}" for number in range(40)]
    before = " ".join(words)
    after = " ".join([*words[:20], "changed", *words[21:]])
    (earlier,) = _encoded(nlp, [before])
    calls: list[int] = []
    encoder = nlp.get_pipe(ENCODER)
    predict = encoder.predict
    encoder.predict = lambda docs: calls.extend(len(doc) for doc in docs) or predict(docs)
    try:
        (doc,) = reencode(nlp, [(earlier, after)])
    finally:
        del encoder.predict
    assert calls == [2 * 4 + 1 + 2 * 4]  # one window: the changed token, its reach, and the reach of those
    assert numpy.array_equal(doc.tensor, _encoded(nlp, [after])[0].tensor)


def test_context_rules_find_the_same_changes_when_lines_are_reencoded(monkeypatch):
    """Two passes over a spun line, the second re-encoding the changed line, propose what fresh tagging proposes."""
    nlp = load_pipeline().nlp
    rules = [rule for rule in Resources.bundled().rules if rule.match == "tokens"]
    triggers = context.trigger_regex(rules)
    pairs = [(old, new) for old, new in _line_pairs() if triggers.search(old) and triggers.search(new)][:30]
    reencoded: list[str] = []
    real = context.reencode
    monkeypatch.setattr(context, "reencode", lambda nlp, changed: reencoded.extend(new for _, new in changed) or real(nlp, changed))
    assert len(pairs) >= 10
    for old, new in pairs:
        analyses, memory = Analyses(), context.TaggedLines()
        context.apply_token_rules(old, rules, nlp, memory, analyses)
        assert context.apply_token_rules(new, rules, nlp, memory, analyses) == context.apply_token_rules(new, rules, nlp)
        assert analyses.get(old) is None and analyses.get(new) is not None  # the earlier form made room for the new one
    assert reencoded == [new for _, new in pairs]
