"""Entities on the real web pages of ``tests/data/webgold``: behaviours that must hold on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from alliance_corpus import annotate
from alliance_corpus.records import AnnotatedDocument

WEBGOLD = Path(__file__).resolve().parent.parent / "data" / "webgold"


@pytest.fixture(scope="module")
def pages() -> list[tuple[dict[str, Any], AnnotatedDocument]]:
    """Every gold page with its annotation, read once for the module."""
    gold = [orjson.loads(path.read_bytes()) for path in sorted(WEBGOLD.glob("*.json"))]
    return [(page, annotate(page["text"], doc_id="page")) for page in gold]


def test_webpages_no_mention_crosses_a_line_break(pages):
    crossing = [(page["id"], e.text) for page, doc in pages for e in doc.entities if "\n" in e.text]
    assert crossing == []


def test_webpages_no_mention_crosses_a_segment_edge_or_sits_in_boilerplate(pages):
    wrong = []
    for page, doc in pages:
        for e in doc.entities:
            touched = [s for s in doc.segments if s.start < e.end and e.start < s.end]
            if len(touched) > 1 or any(s.kind == "boilerplate" for s in touched):
                wrong.append((page["id"], e.text, [s.kind for s in touched]))
    assert wrong == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("The U.S.-Japan Security Alliance\n\nAuthor: Beina Xu\nUpdated: July 1, 2014\n\nIntroduction", "Beina Xu"),
        ("    • トカラ列島 Tokara Chain**\n    • 奄美諸島 Amami Islands\n      • 喜界島 Kikai-jima\n", "Amami Islands"),
    ],
)
def test_webpages_name_before_a_line_break_is_kept_whole(text, name):
    found = [e.text for e in annotate(text).entities]
    assert name in found and not any("\n" in t for t in found)
