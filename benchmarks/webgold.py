"""Entities on real web pages: the share of wrong name-type mentions by kind, and key-entity recall.

Scores ``annotate()`` against ``tests/data/webgold`` (real pages annotated by
hand under ``tests/data/webgold/GUIDELINES.md``).  A predicted mention of a
name-type label is right when a gold mention has the same span and label;
otherwise it is classed, in this order, as:

- ``crosses-line``: it spans a line break;
- ``wrong-label``: a gold mention has the same span and another label;
- ``fragment``: it lies inside a gold mention and is shorter, or ends or starts with a hyphen or dash;
- ``wrong-span``: it overlaps a gold mention otherwise;
- ``not-a-name``: it overlaps no gold mention.

A line is a heading line when the gold marks any mention on it ``heading``,
a body line when it marks one ``body``, and otherwise when it is short and
has no sentence end.  Run from the repository root::

    .venv/bin/python benchmarks/webgold.py [--half odd|even]

``--half odd`` scores only the odd-numbered pages (the ones rules are tuned
on) and ``--half even`` only the even-numbered ones (the held-out check).
``--gold tests/data/webdev`` scores the development set of 15 other real
pages annotated under the same guidelines instead.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from alliance_corpus import annotate
from alliance_corpus.records import NAMED_LABELS

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "webgold"
DASHES = ("-", "‐", "‑", "–", "—")


def line_kinds(page: dict[str, Any]) -> dict[int, str]:
    """Line start offset -> ``heading`` or ``body`` for every line of the page."""
    text = page["text"]
    kinds: dict[int, str] = {}
    start = 0
    for line in text.split("\n"):
        marked = {g["line_kind"] for g in page["entities"] if start <= g["start"] < start + len(line)}
        if marked:
            kinds[start] = "heading" if "heading" in marked else "body"
        else:
            short = len(line.split()) <= 16 and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
            kinds[start] = "heading" if short else "body"
        start += len(line) + 1
    return kinds


def judge(mention: tuple[str, int, int], gold: list[dict[str, Any]], text: str) -> str:
    """``right`` or the kind of error of one predicted mention (see the module docstring)."""
    label, start, end = mention
    if any(g["start"] == start and g["end"] == end and g["label"] == label for g in gold):
        return "right"
    if "\n" in text[start:end]:
        return "crosses-line"
    if any(g["start"] == start and g["end"] == end for g in gold):
        return "wrong-label"
    overlapping = [g for g in gold if g["start"] < end and start < g["end"]]
    if not overlapping:
        return "not-a-name"
    surface = text[start:end]
    inside = any(g["start"] <= start and end <= g["end"] for g in overlapping)
    if inside or surface.endswith(DASHES) or surface.startswith(DASHES):
        return "fragment"
    return "wrong-span"


def score_pages(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of the whole set (see :func:`main`)."""
    verdicts: dict[str, Counter[str]] = {"body": Counter(), "heading": Counter()}
    key_found = key_total = 0
    for page in pages:
        text, gold = page["text"], page["entities"]
        kinds = line_kinds(page)
        starts = sorted(kinds)
        document = annotate(text, doc_id="page")
        predicted = {(e.label, e.raw_start, e.raw_end) for e in document.entities if e.label in NAMED_LABELS and e.raw_start is not None}
        for mention in predicted:
            line = max(s for s in starts if s <= mention[1])
            verdicts[kinds[line]][judge(mention, gold, text)] += 1
        for g in gold:
            if g.get("key"):
                key_total += 1
                key_found += (g["label"], g["start"], g["end"]) in predicted
    report: dict[str, Any] = {"pages": len(pages), "gold_mentions": sum(len(p["entities"]) for p in pages)}
    for kind, counts in verdicts.items():
        total = sum(counts.values())
        report[f"{kind}_mentions"] = total
        report[f"{kind}_wrong_share"] = round(1 - counts["right"] / total, 4) if total else 0.0
        report[f"{kind}_wrong_by_kind"] = {k: v for k, v in counts.most_common() if k != "right"}
    report["key_recall"] = round(key_found / key_total, 4) if key_total else 0.0
    report["key_mentions"] = key_total
    return report


def load_pages(folder: Path = GOLD, half: str | None = None) -> list[dict[str, Any]]:
    """The gold pages, in file order; with ``half``, only the ``odd`` or ``even`` numbered ones."""
    paths = sorted(folder.glob("*.json"))
    if half is not None:
        parity = 1 if half == "odd" else 0
        paths = [path for path in paths if int(path.name.split("_", 1)[0]) % 2 == parity]
    return [orjson.loads(path.read_bytes()) for path in paths]


def main(argv: list[str] | None = None) -> None:
    """Print the wrong-mention shares (body and heading lines) and key-entity recall as JSON."""
    parser = argparse.ArgumentParser(description="Score entities on the real web pages of tests/data/webgold.")
    parser.add_argument("--half", choices=("odd", "even"), help="score only the odd (tuning) or even (check) numbered pages")
    parser.add_argument("--gold", type=Path, default=GOLD, help="the folder of gold pages (default tests/data/webgold; tests/data/webdev is the development set)")
    args = parser.parse_args(argv)
    report = score_pages(load_pages(args.gold, half=args.half))
    if args.half:
        report = {"half": args.half, **report}
    sys.stdout.buffer.write(orjson.dumps(report, option=orjson.OPT_INDENT_2) + b"\n")


if __name__ == "__main__":
    main()
