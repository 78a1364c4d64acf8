"""Quality measures: word error rate and entity precision, recall and F1.

Plain functions over strings and tuples, so they can score any system's
output; the quality harness (``benchmarks/quality.py``) and the tests use them.

>>> word_error_rate("the alliance v Japan", "the alliance with Japan")
0.25
>>> entity_scores([("GPE", 0, 5)], [("GPE", 0, 5), ("GPE", 9, 14)]).recall
0.5
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

__all__ = [
    "Scores", "word_error_rate", "word_edit_distance", "entity_scores", "multiset_scores", "scores_from_counts",
    "damage_spans", "repaired_damage",
]  # fmt: skip


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


TOKEN = re.compile(r"\w+|[^\w\s]")
"""A word or a punctuation mark: the units repaired damage is judged in."""


def damage_spans(original: str, damage: Sequence[tuple[str, str]]) -> list[tuple[int, int]] | None:
    """Where each damaged snippet of ``original`` is, for a damage list made by applying ``(original, spun)`` items in order.

    Each item replaced the first occurrence of its snippet after the previous
    item's replacement.  ``None`` when a snippet is not found, so a damage
    list that does not fit its text is never scored.

    >>> damage_spans("the alliance v Japan and the alliance", [("alliance", "ally"), ("alliance", "pact")])
    [(4, 12), (29, 37)]
    """
    spans, cursor, shift = [], 0, 0
    working = original
    for before, after in damage:
        found = working.find(before, cursor)
        if found < 0:
            return None
        spans.append((found - shift, found - shift + len(before)))
        working = working[:found] + after + working[found + len(before) :]
        cursor = found + len(after)
        shift += len(after) - len(before)
    return spans


def repaired_damage(original: str, restored: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each span of ``original``, whether ``restored`` has it back exactly: its tokens, and nothing between them.

    The restored text is aligned to the original token by token (a token
    carries whether blank space comes before it, so spacing counts); a span
    is repaired when every token of it is matched and nothing was inserted
    inside it or at its edges.

    >>> original = "the runway was built near farming towns"
    >>> restored = "the runway was built near agricultural towns"
    >>> repaired_damage(original, restored, [(4, 10), (26, 33)])
    [True, False]
    >>> repaired_damage("has been", "has actually been", [(0, 8)])  # a filler left in
    [False]
    >>> repaired_damage("in 1955, the", "in 1955,the", [(3, 12)])  # a space lost
    [False]
    """
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(original)]
    ops = SequenceMatcher(a=_spaced_tokens(original), b=_spaced_tokens(restored), autojunk=False).get_opcodes()
    results = []
    for start, end in spans:
        inside = [i for i, (s, e) in enumerate(tokens) if s < end and start < e]
        if not inside:
            results.append(False)
            continue
        first, last = inside[0], inside[-1] + 1
        touching = [tag for tag, i1, i2, _, _ in ops if (i1 < last and first < i2) or (tag == "insert" and first <= i1 <= last)]
        results.append(all(tag == "equal" for tag in touching))
    return results


def _spaced_tokens(text: str) -> list[str]:
    """The tokens of ``text``, each marked with a leading space when blank space comes before it ("1955,the" differs from "1955, the")."""
    return [(" " if m.start() > 0 and text[m.start() - 1].isspace() else "") + m.group() for m in TOKEN.finditer(text)]
