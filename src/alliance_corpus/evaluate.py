"""Quality measures used by the tests and the quality report: word error rate and entity scores.

>>> word_error_rate("the alliance v Japan", "the alliance with Japan")
0.25
>>> entity_scores([("GPE", 0, 5)], [("GPE", 0, 5), ("GPE", 9, 14)]).recall
0.5
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple

import orjson

from .records import NAMED_LABELS, AnnotatedDocument


def word_error_rate(hypothesis: str, reference: str) -> float:
    """Word-level edit distance between the two texts, divided by the reference's length."""
    hyp, ref = hypothesis.split(), reference.split()
    previous = list(range(len(ref) + 1))
    for i, word in enumerate(hyp, start=1):
        current = [i] + [0] * len(ref)
        for j, target in enumerate(ref, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != target))
        previous = current
    return previous[-1] / max(len(ref), 1)


class Scores(NamedTuple):
    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int


def entity_scores(predicted: Iterable[tuple], gold: Iterable[tuple]) -> Scores:
    """Exact-match precision, recall and F1 over ``(label, start, end)`` tuples."""
    predicted, gold = set(predicted), set(gold)
    tp = len(predicted & gold)
    fp, fn = len(predicted - gold), len(gold - predicted)
    precision = tp / (tp + fp) if predicted else 0.0
    recall = tp / (tp + fn) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, fn)


@dataclass(frozen=True)
class GoldEntity:
    label: str
    text: str
    raw_start: int
    raw_end: int
    raw: str
    kb_id: str | None = None


def read_gold_entities(path: str | Path) -> list[GoldEntity]:
    """Gold mentions from a ``.entities.jsonl`` file (see ``data/gold/README.md``)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [GoldEntity(**orjson.loads(line)) for line in lines if line.strip()]


def raw_spans(document: AnnotatedDocument, labels: frozenset[str] = NAMED_LABELS) -> set[tuple[str, int, int]]:
    """``(label, raw_start, raw_end)`` of a document's named entities that have raw offsets."""
    return {
        (e.label, e.raw_start, e.raw_end)
        for e in document.entities
        if e.label in labels and e.raw_start is not None
    }
