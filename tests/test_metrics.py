"""The metrics: each test fails when the metric is computed wrongly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_corpus.metrics import (
    entity_scores,
    multiset_scores,
    scores_from_counts,
    word_edit_distance,
    word_error_rate,
)

WORDS = st.lists(st.sampled_from(["alliance", "Japan", "with", "v", "the", "treaty"]), max_size=8).map(" ".join)


@pytest.mark.parametrize(
    ("hypothesis", "reference", "distance"),
    [
        ("the alliance with Japan", "the alliance with Japan", 0),
        ("the alliance v Japan", "the alliance with Japan", 1),  # one substitution
        ("the alliance Japan", "the alliance with Japan", 1),  # one deletion
        ("the the alliance with Japan", "the alliance with Japan", 1),  # one insertion
        ("Japan with alliance the", "the alliance with Japan", 4),  # reversed: no shared order
        ("", "the alliance", 2),
        ("the alliance", "", 2),
    ],
)
def test_metrics_word_edit_distance_counts_each_operation(hypothesis, reference, distance):
    assert word_edit_distance(hypothesis, reference) == distance


def test_metrics_word_error_rate_divides_by_the_reference_length():
    assert word_error_rate("the alliance v Japan", "the alliance with Japan") == 0.25
    assert word_error_rate("a b c d", "a b") == 1.0  # two insertions over two reference words
    assert word_error_rate("", "") == 0.0


@given(WORDS, WORDS)
def test_metrics_word_edit_distance_is_a_distance(first, second):
    distance = word_edit_distance(first, second)
    assert distance == word_edit_distance(second, first)
    assert (distance == 0) == (first.split() == second.split())
    assert abs(len(first.split()) - len(second.split())) <= distance <= max(len(first.split()), len(second.split()))


@given(WORDS, WORDS, WORDS)
def test_metrics_word_edit_distance_obeys_the_triangle_inequality(first, second, third):
    assert word_edit_distance(first, third) <= word_edit_distance(first, second) + word_edit_distance(second, third)


def test_metrics_entity_scores_count_only_exact_matches():
    gold = [("GPE", 0, 5), ("PERSON", 10, 22), ("LAW", 30, 44)]
    predicted = [("GPE", 0, 5), ("ORG", 10, 22), ("LAW", 30, 43), ("FAC", 50, 60)]
    scores = entity_scores(predicted, gold)
    # only the GPE matches: a wrong label and a wrong boundary are both misses
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 3, 2)
    assert scores.precision == 0.25
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(2 * 0.25 * (1 / 3) / (0.25 + 1 / 3))


def test_metrics_entity_scores_do_not_count_unfound_gold_as_found():
    gold = [("GPE", 0, 5), ("PERSON", 10, 22)]
    assert entity_scores([], gold).recall == 0.0
    assert entity_scores([("GPE", 0, 5)], gold).recall == 0.5
    assert entity_scores(gold, gold).f1 == 1.0


def test_metrics_multiset_scores_count_repeats():
    gold = [("GPE", "Japan"), ("GPE", "Japan"), ("PERSON", "Yoshida")]
    scores = multiset_scores([("GPE", "Japan"), ("GPE", "Japan"), ("GPE", "Japan")], gold)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (2, 1, 1)
    assert entity_scores([("GPE", "Japan")], gold).recall == 0.5  # sets: repeats collapse


def test_metrics_scores_from_counts_handles_empty_cases():
    assert scores_from_counts(0, 0, 0)[:3] == (0.0, 0.0, 0.0)
    assert scores_from_counts(0, 3, 0).precision == 0.0
    assert scores_from_counts(4, 0, 4)[:3] == (1.0, 0.5, pytest.approx(2 / 3))


def _spun_passages():
    import json

    from tests.conftest import ROOT

    return [json.loads(path.read_bytes()) for path in sorted((ROOT / "tests" / "data" / "spun_dev").glob("*.json"))]


def test_damage_spans_find_every_item_of_the_real_damage_lists():
    from alliance_corpus.metrics import damage_spans

    for passage in _spun_passages():
        items = [(item["original"], item["spun"]) for item in passage["damage"]]
        spans = damage_spans(passage["original"], items)
        assert spans is not None and len(spans) == len(items)
        assert [passage["original"][s:e] for s, e in spans] == [before for before, _ in items]
        rebuilt, last = [], 0  # applying the items at the spans gives the spun text back
        for (start, end), (_, after) in zip(spans, items):
            rebuilt += [passage["original"][last:start], after]
            last = end
        assert "".join(rebuilt) + passage["original"][last:] == passage["garbled"]


def test_repaired_damage_is_all_or_nothing_at_the_extremes():
    from alliance_corpus.metrics import damage_spans, repaired_damage

    for passage in _spun_passages():
        items = [(item["original"], item["spun"]) for item in passage["damage"]]
        spans = damage_spans(passage["original"], items)
        assert spans is not None
        assert all(repaired_damage(passage["original"], passage["original"], spans))  # the original itself repairs everything
        assert not any(repaired_damage(passage["original"], passage["garbled"], spans))  # the spun text repairs nothing


def test_damage_spans_refuse_a_list_that_does_not_fit():
    from alliance_corpus.metrics import damage_spans

    assert damage_spans("the alliance", [("treaty", "pact")]) is None
