"""The quality harness: every quality figure of the repository's test sets (``make quality``).

It lives outside the installed package because it reads the repository's
test sets (``data/gold``, ``tests/data/*``); the metrics it uses are
:mod:`alliance_corpus.metrics`.  Run from the repository root::

    .venv/bin/python benchmarks/quality.py
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from alliance_corpus import annotate, clean
from alliance_corpus.metrics import Scores, entity_scores, multiset_scores, word_error_rate
from alliance_corpus.nlp import load_model
from alliance_corpus.records import NAMED_LABELS, WORD_KINDS, AnnotatedDocument

ROOT = Path(__file__).resolve().parent.parent


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


def quality_report(root: str | Path = ".") -> dict[str, Any]:
    """Every quality figure of the repository's test sets (what ``make quality`` prints).

    Reads ``data/raw`` and ``data/gold`` for the seed, and ``tests/data/clean``,
    ``garbled``, ``garbled_dev``, ``garbled_holdout``, ``garbled_holdout2``,
    ``spun_dev``, ``spun_holdout``, ``spun_holdout2`` and ``webnoise`` for the generalization sets.
    """
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
    report["spun_dev_set"] = garbled_set_report(root / "tests" / "data" / "spun_dev")
    report["spun_holdout_set"] = garbled_set_report(root / "tests" / "data" / "spun_holdout")
    report["spun_holdout2_set"] = garbled_set_report(root / "tests" / "data" / "spun_holdout2")
    report["webnoise_set"] = webnoise_report(root / "tests" / "data" / "webnoise")
    return report


def garbled_set_report(folder: Path) -> dict[str, Any]:
    """Restoration and entity figures for a folder of garbled passages with their originals."""
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


def webnoise_report(folder: Path) -> dict[str, Any]:
    """How much of the article prose of scraped pages comes back word for word."""
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


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4)


def mention_scores(cases: list[dict[str, Any]], field: str) -> Scores:
    """Entity scores over ``(label, surface text)`` mentions of each case, counted with multiplicity.

    The garbled test sets have no offsets for their gold mentions, so a mention
    matches when its label and restored surface form agree in the same case.
    """
    gold: list[tuple[int, str, str]] = []
    found: list[tuple[int, str, str]] = []
    for index, case in enumerate(cases):
        gold += [(index, e["label"], e["text"]) for e in case["entities"]]
        found += [(index, e.label, e.text) for e in annotate(case[field]).entities if e.label in NAMED_LABELS]
    return multiset_scores(found, gold)


def _scores(scores: Scores) -> dict[str, float]:
    return {"precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4)}


def _range(values: Iterable[float]) -> list[float]:
    values = list(values)
    return [min(values), max(values)]


def main() -> None:
    """Print every quality figure as JSON (``make quality``)."""
    sys.stdout.buffer.write(orjson.dumps(quality_report(ROOT), option=orjson.OPT_INDENT_2) + b"\n")


if __name__ == "__main__":
    main()
