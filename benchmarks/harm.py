"""Zero harm on real web text: gate openings and word changes on the negative set (tests/data/realpages).

Every page of the set is real, legitimate text that nobody here wrote, so
every word the restorer changes there is a candidate harm.  For each page
this prints the garble score and whether the gate opened, and lists every
word change with its context, so that each can be judged in the review file
(``tests/data/realpages/REVIEW.jsonl``).  Run from the repository root::

    .venv/bin/python benchmarks/harm.py              # summary as JSON
    .venv/bin/python benchmarks/harm.py --changes    # every word change, one JSON line each
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from alliance_corpus import clean
from alliance_corpus.records import WORD_KINDS
from alliance_corpus.restore import GARBLED

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "realpages"
CONTEXT = 40


def load_pages(folder: Path = PAGES) -> list[dict[str, Any]]:
    """The pages of the negative set, in file order."""
    return [orjson.loads(path.read_bytes()) for path in sorted(folder.glob("*.json"))]


def word_changes(page: dict[str, Any]) -> tuple[float, list[dict[str, Any]]]:
    """The garble score of a page and every word-changing edit, with its context in the raw text."""
    text = page["text"]
    result = clean(text)
    changes = [
        {
            "page": page["id"],
            "rule": edit.rule,
            "kind": edit.kind,
            "before": edit.before,
            "after": edit.after,
            "raw_start": edit.raw_start,
            "context": text[max(0, edit.raw_start - CONTEXT) : edit.raw_end + CONTEXT].replace("\n", " "),
        }
        for edit in result.edits
        if edit.kind in WORD_KINDS
    ]
    return result.garble_score, changes


def summary(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Gate openings and word changes per 10,000 words, for English pages and for the others."""
    rows = []
    for page in pages:
        score, changes = word_changes(page)
        rows.append((page, score, changes))
    english = [(p, s, c) for p, s, c in rows if p["language"] == "en"]
    words = sum(len(p["text"].split()) for p, _, _ in english)
    changes = [change for _, _, c in english for change in c]
    return {
        "pages": len(rows),
        "english_pages": len(english),
        "english_words": words,
        "english_pages_over_the_gate": sorted(p["id"] for p, s, _ in english if s >= GARBLED),
        "english_word_changes": len(changes),
        "english_word_changes_per_10000_words": round(10_000 * len(changes) / max(words, 1), 2),
        "english_word_changes_by_rule": dict(Counter(c["rule"] for c in changes).most_common()),
        "other_language_pages_over_the_gate": sorted(p["id"] for p, s, _ in rows if p["language"] != "en" and s >= GARBLED),
        "other_language_word_changes": sum(len(c) for p, _, c in rows if p["language"] != "en"),
        "garble_scores": {p["id"]: s for p, s, _ in rows},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", action="store_true", help="print every word change as a JSON line")
    args = parser.parse_args()
    pages = load_pages()
    if args.changes:
        for page in pages:
            for change in word_changes(page)[1]:
                sys.stdout.buffer.write(orjson.dumps({**change, "language": page["language"]}) + b"\n")
        return
    sys.stdout.buffer.write(orjson.dumps(summary(pages), option=orjson.OPT_INDENT_2) + b"\n")


if __name__ == "__main__":
    main()
