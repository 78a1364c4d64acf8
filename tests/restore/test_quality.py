"""Restoration quality on the seed and on our own garbled and clean test sets."""

from __future__ import annotations

from collections import Counter

import pytest

from alliance_corpus.metrics import word_error_rate
from alliance_corpus.records import WORD_KINDS
from alliance_corpus.restore import GARBLED, RestoreConfig, clean
from tests.conftest import CLEAN_SET, GARBLED_DEV_SET, GARBLED_HOLDOUT2_SET, GARBLED_HOLDOUT_SET, GARBLED_SET, SEED_GOLD_TEXT, read_garbled

MARGIN = 0.15


def test_quality_seed_word_error_rate_at_most_three_percent(seed_raw):
    gold = SEED_GOLD_TEXT.read_text(encoding="utf-8")
    before = word_error_rate(seed_raw, gold)
    after = word_error_rate(clean(seed_raw).text, gold)
    assert before > 0.2
    assert after <= 0.03, f"WER {after:.3f} (raw {before:.3f})"


def test_quality_seed_edits_cover_every_kind_of_damage(seed_raw):
    kinds = Counter(e.kind for e in clean(seed_raw).edits)
    assert {"spacing", "leakage", "spin", "filler", "casing"} <= set(kinds)


def test_quality_clean_set_is_large_enough():
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in CLEAN_SET)
    assert len(CLEAN_SET) >= 12 and words >= 3000


@pytest.mark.parametrize("path", CLEAN_SET, ids=lambda p: p.stem)
def test_quality_clean_text_gets_zero_word_edits(path):
    result = clean(path.read_text(encoding="utf-8"))
    word_edits = [(e.before, e.after, e.rule) for e in result.edits if e.kind in WORD_KINDS]
    assert word_edits == []


@pytest.mark.parametrize("path", GARBLED_SET + GARBLED_DEV_SET, ids=lambda p: p.stem)
def test_quality_garbled_passage_gets_closer_to_its_original(path):
    case = read_garbled(path)
    restored = clean(case["garbled"]).text
    assert word_error_rate(restored, case["original"]) < 0.85 * word_error_rate(case["garbled"], case["original"])


@pytest.mark.parametrize("paths", [GARBLED_SET, GARBLED_DEV_SET], ids=["garbled", "garbled_dev"])
def test_quality_garbled_set_word_error_rate_drops_substantially(paths):
    cases = [read_garbled(p) for p in paths]
    raw = sum(word_error_rate(c["garbled"], c["original"]) for c in cases) / len(cases)
    restored = sum(word_error_rate(clean(c["garbled"]).text, c["original"]) for c in cases) / len(cases)
    assert restored < raw * 0.7, f"mean WER {raw:.3f} -> {restored:.3f}"


def test_quality_garble_score_separates_garbled_from_clean(seed_raw):
    clean_scores = [clean(p.read_text(encoding="utf-8")).garble_score for p in CLEAN_SET]
    clean_scores += [clean(read_garbled(p)["original"]).garble_score for p in GARBLED_SET]
    clean_scores += [clean(read_garbled(p)["original"]).garble_score for p in GARBLED_DEV_SET]
    garbled_scores = [clean(read_garbled(p)["garbled"]).garble_score for p in GARBLED_SET + GARBLED_DEV_SET]
    garbled_scores.append(clean(seed_raw).garble_score)
    assert max(clean_scores) + MARGIN <= GARBLED <= min(garbled_scores) - MARGIN, (max(clean_scores), min(garbled_scores))


def test_quality_original_passages_are_left_unchanged():
    for path in GARBLED_SET + GARBLED_DEV_SET:
        original = read_garbled(path)["original"]
        result = clean(original)
        assert [e for e in result.edits if e.kind in WORD_KINDS] == [], path.stem


LIGHTLY_SPUN = (
    "The reversion talks dragged on for two years.In 1969 the treaty to be extended without a vote, and Tokyo agreed come pay "
    "for the upgrades. Officials in Washington wanted the bases to stay as they were, while the prefecture asked for fewer of "
    "them. The negotiators met in Tokyo and in Honolulu, and each round ended with a short statement. The governor to be elected "
    "on a promise to close the largest base, and the islanders did not expect rapid change. Protests grew after an accident near "
    "a school, and the ministers promised a review."
)


def test_quality_grammar_damage_counts_as_evidence_for_lightly_spun_text():
    without_context = clean(LIGHTLY_SPUN, config=RestoreConfig(context_rules=False))
    assert 0.25 <= without_context.garble_score < GARBLED  # one missing space: unsure
    result = clean(LIGHTLY_SPUN)
    assert result.garble_score >= GARBLED
    assert "the treaty was extended" in result.text and "agreed to pay" in result.text
    assert "The governor was elected" in result.text


@pytest.mark.parametrize("path", GARBLED_HOLDOUT_SET + GARBLED_HOLDOUT2_SET, ids=lambda p: p.stem)
def test_quality_holdout_passage_is_detected_and_gets_closer_to_its_original(path):
    case = read_garbled(path)
    result = clean(case["garbled"])
    assert result.garble_score >= GARBLED
    assert word_error_rate(result.text, case["original"]) < 0.85 * word_error_rate(case["garbled"], case["original"])
    assert [e for e in clean(case["original"]).edits if e.kind in WORD_KINDS] == []
