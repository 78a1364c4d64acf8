"""Quality measures: word error rate and entity precision, recall and F1.

Plain functions over strings and tuples, so they can score any system's
output; the quality harness (``benchmarks/quality.py``) and the tests use them.

>>> word_error_rate("the alliance v Japan", "the alliance with Japan")
0.25
>>> entity_scores([("GPE", 0, 5)], [("GPE", 0, 5), ("GPE", 9, 14)]).recall
0.5
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import NamedTuple

__all__ = ["Scores", "word_error_rate", "word_edit_distance", "entity_scores", "multiset_scores", "scores_from_counts"]


def word_edit_distance(hypothesis: str, reference: str) -> int:
    """Fewest word insertions, deletions and substitutions that turn ``hypothesis`` into ``reference``.

    >>> word_edit_distance("a b c", "a c d")
    2
    """
    hyp, ref = hypothesis.split(), reference.split()
    previous = list(range(len(ref) + 1))
    for i, word in enumerate(hyp, start=1):
        current = [i] + [0] * len(ref)
        for j, target in enumerate(ref, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != target))
        previous = current
    return previous[-1]


def word_error_rate(hypothesis: str, reference: str) -> float:
    """Word-level edit distance between the two texts, divided by the reference's length (in words)."""
    return word_edit_distance(hypothesis, reference) / max(len(reference.split()), 1)


class Scores(NamedTuple):
    """Precision, recall and F1 with the counts they come from."""

    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int


def entity_scores(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Scores:
    """Exact-match scores over sets of mentions, such as ``(label, start, end)`` tuples.

    A mention counts once however often it is listed; use
    :func:`multiset_scores` where repeats are distinct mentions.
    """
    found, wanted = set(predicted), set(gold)
    hits = len(found & wanted)
    return scores_from_counts(hits, len(found) - hits, len(wanted) - hits)


def multiset_scores(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> Scores:
    """Exact-match scores counting repeats: two gold ``("GPE", "Japan")`` need two predictions.

    >>> multiset_scores([("GPE", "Japan")], [("GPE", "Japan"), ("GPE", "Japan")]).recall
    0.5
    """
    found, wanted = Counter(predicted), Counter(gold)
    hits = sum((found & wanted).values())
    return scores_from_counts(hits, sum(found.values()) - hits, sum(wanted.values()) - hits)


def scores_from_counts(true_positives: int, false_positives: int, false_negatives: int) -> Scores:
    """Precision, recall and F1 from counts; a ratio with nothing to divide by is 0.0.

    >>> round(scores_from_counts(3, 1, 2).f1, 4)
    0.6667
    """
    tp, fp, fn = true_positives, false_positives, false_negatives
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, fn)
