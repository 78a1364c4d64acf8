"""Reference-guided restoration: word error rate against the original, with the original given (``make reference``).

For the seed (``data/raw`` against ``data/gold``) and every spun set of
``tests/data`` (JSON files with ``garbled`` and ``original``), each text is
cleaned with its original as ``reference`` and scored with
:func:`alliance_corpus.metrics.word_error_rate`; the records are checked
(:func:`alliance_corpus.records.check_edits`) on the way.  Run from the
repository root::

    PYTHONPATH=src .venv/bin/python benchmarks/reference.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from alliance_corpus import clean
from alliance_corpus.metrics import word_edit_distance
from alliance_corpus.records import check_edits

ROOT = Path(__file__).resolve().parent.parent
SETS = ("garbled", "garbled_dev", "garbled_holdout", "garbled_holdout2", "spun_dev", "spun_holdout")
TARGET = 0.005


def pairs(root: Path, name: str) -> Iterator[tuple[str, str, str]]:
    """``(id, spun, original)`` of one set: ``seed`` from ``data/``, the others from ``tests/data/<name>``."""
    if name == "seed":
        for gold in sorted((root / "data" / "gold").glob("*.txt")):
            yield gold.stem, (root / "data" / "raw" / gold.name).read_text(encoding="utf-8"), gold.read_text(encoding="utf-8")
        return
    for path in sorted((root / "tests" / "data" / name).glob("*.json")):
        case = orjson.loads(path.read_bytes())
        yield path.stem, case["garbled"], case["original"]


def reference_report(root: Path = ROOT) -> dict[str, Any]:
    """Per set: word error rate without and with the reference (errors over reference words), edits by kind, flags."""
    report: dict[str, Any] = {}
    for name in ("seed", *SETS):
        words = before = after = 0
        kinds: Counter[str] = Counter()
        unmatched = 0
        worst = ("", 0.0)
        for doc_id, spun, original in pairs(root, name):
            result = clean(spun, reference=original)
            check_edits(spun, result.text, result.edits)
            count = len(original.split())
            errors = word_edit_distance(result.text, original)
            words, before, after = words + count, before + word_edit_distance(spun, original), after + errors
            kinds.update(edit.kind for edit in result.edits)
            unmatched += sum(flag.kind == "unmatched" for flag in result.flags)
            worst = max(worst, (doc_id, errors / max(count, 1)), key=lambda pair: pair[1])
        report[name] = {
            "words": words,
            "wer_raw": round(before / max(words, 1), 4),
            "wer_with_reference": round(after / max(words, 1), 4),
            "worst": {"id": worst[0], "wer": round(worst[1], 4)},
            "edits_by_kind": dict(sorted(kinds.items())),
            "unmatched_flags": unmatched,
        }
    return report


def main() -> int:
    started = time.perf_counter()
    report = reference_report()
    report["seconds"] = round(time.perf_counter() - started, 2)
    sys.stdout.buffer.write(orjson.dumps(report, option=orjson.OPT_INDENT_2) + b"\n")
    over = [name for name, figures in report.items() if isinstance(figures, dict) and figures["worst"]["wer"] > TARGET]
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
