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

from .records import NAMED_LABELS, WORD_KINDS, AnnotatedDocument


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
    return _from_counts(tp, len(predicted - gold), len(gold - predicted))


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


def quality_report(root: str | Path = ".") -> dict:
    """Every quality figure of the repository's test sets (what ``make quality`` prints).

    Reads ``data/raw`` and ``data/gold`` for the seed, and ``tests/data/clean``,
    ``garbled``, ``garbled_dev``, ``garbled_holdout``, ``garbled_holdout2`` and
    ``webnoise`` for the
    generalization sets.
    """
    from collections import Counter

    from .annotation import annotate
    from .nlp import load_model
    from .restore import clean

    root = Path(root)
    report: dict = {"seed": {}, "clean_set": {}, "garbled_set": {}}
    for gold_text in sorted((root / "data" / "gold").glob("*.txt")):
        raw = (root / "data" / "raw" / gold_text.name).read_text(encoding="utf-8")
        gold = gold_text.read_text(encoding="utf-8")
        result = clean(raw)
        document = annotate(raw, doc_id=gold_text.stem)
        gold_entities = read_gold_entities(gold_text.with_suffix(".entities.jsonl"))
        gold_spans = {(g.label, g.raw_start, g.raw_end) for g in gold_entities}
        bare = load_model()(raw)
        bare_spans = {(e.label_, e.start_char, e.end_char) for e in bare.ents if e.label_ in NAMED_LABELS}
        report["seed"][gold_text.stem] = {
            "wer_raw": round(word_error_rate(raw, gold), 4),
            "wer_restored": round(word_error_rate(result.text, gold), 4),
            "edits_by_kind": dict(sorted(Counter(e.kind for e in result.edits).items())),
            "garble_score": result.garble_score,
            "entities": _scores(entity_scores(raw_spans(document), gold_spans)),
            "bare_model_on_raw": _scores(entity_scores(bare_spans, gold_spans)),
        }
    clean_paths = sorted((root / "tests" / "data" / "clean").glob("*.txt"))
    clean_results = [clean(p.read_text(encoding="utf-8")) for p in clean_paths]
    report["clean_set"] = {
        "passages": len(clean_paths),
        "words": sum(len(r.text.split()) for r in clean_results),
        "word_edits": sum(1 for r in clean_results for e in r.edits if e.kind in WORD_KINDS),
        "garble_score_range": _range(r.garble_score for r in clean_results),
        "garble_scores": sorted(r.garble_score for r in clean_results),
    }
    report["garbled_set"] = garbled_set_report(root / "tests" / "data" / "garbled")
    report["garbled_dev_set"] = garbled_set_report(root / "tests" / "data" / "garbled_dev")
    report["garbled_holdout_set"] = garbled_set_report(root / "tests" / "data" / "garbled_holdout")
    report["garbled_holdout2_set"] = garbled_set_report(root / "tests" / "data" / "garbled_holdout2")
    report["webnoise_set"] = webnoise_report(root / "tests" / "data" / "webnoise")
    return report


def garbled_set_report(folder: Path) -> dict:
    """Restoration and entity figures for a folder of garbled passages with their originals."""
    from .restore import clean

    cases = [orjson.loads(p.read_bytes()) for p in sorted(folder.glob("*.json"))]
    restored = [clean(c["garbled"]) for c in cases]
    originals = [clean(c["original"]) for c in cases]
    return {
        "passages": len(cases),
        "mean_wer_raw": _mean(word_error_rate(c["garbled"], c["original"]) for c in cases),
        "mean_wer_restored": _mean(word_error_rate(r.text, c["original"]) for r, c in zip(restored, cases)),
        "garble_score_range": _range(r.garble_score for r in restored),
        "garble_scores": sorted(r.garble_score for r in restored),
        "originals_garble_score_range": _range(r.garble_score for r in originals),
        "originals_word_edits": sum(1 for r in originals for e in r.edits if e.kind in WORD_KINDS),
        "entities_on_garbled": _scores(mention_scores(cases, "garbled")),
        "entities_on_originals": _scores(mention_scores(cases, "original")),
    }


def webnoise_report(folder: Path) -> dict:
    """How much of the article prose of scraped pages comes back word for word."""
    from .restore import clean

    cases = [orjson.loads(p.read_bytes()) for p in sorted(folder.glob("*.json"))]
    results = [clean(c["raw"]) for c in cases]
    return {
        "pages": len(cases),
        "mean_wer_raw": _mean(word_error_rate(c["raw"], c["expected"]) for c in cases),
        "mean_wer_prose": _mean(word_error_rate(r.prose(), c["expected"]) for r, c in zip(results, cases)),
        "furniture_lines": sum(len(c["boilerplate"]) for c in cases),
        "furniture_lines_left_in_prose": sum(
            line in r.prose().split("\n\n") for r, c in zip(results, cases) for line in c["boilerplate"]
        ),
    }


def _mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4)


def mention_scores(cases: list[dict], field: str) -> Scores:
    """Entity scores over ``(label, surface text)`` mentions, counted with multiplicity.

    The garbled test set has no offsets for its gold mentions, so a mention
    matches when its label and restored surface form agree.
    """
    from collections import Counter

    from .annotation import annotate

    tp = fp = fn = 0
    for case in cases:
        gold = Counter((e["label"], e["text"]) for e in case["entities"])
        found = Counter((e.label, e.text) for e in annotate(case[field]).entities if e.label in NAMED_LABELS)
        hits = sum((gold & found).values())
        tp, fp, fn = tp + hits, fp + sum(found.values()) - hits, fn + sum(gold.values()) - hits
    return _from_counts(tp, fp, fn)


def _from_counts(tp: int, fp: int, fn: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp, fp, fn)


def _scores(scores: Scores) -> dict:
    return {"precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4)}


def _range(values) -> list[float]:
    values = list(values)
    return [min(values), max(values)]


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.buffer.write(orjson.dumps(quality_report(), option=orjson.OPT_INDENT_2) + b"\n")
