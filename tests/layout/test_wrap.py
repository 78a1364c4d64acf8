"""Hard-wrapped text: its line breaks are recognised as wraps, not paragraph ends or headings."""

from __future__ import annotations

import json
from pathlib import Path

from alliance_corpus.layout import find_segments
from alliance_corpus.layout.wrap import soft_breaks
from alliance_corpus.restore import clean

DATA = Path(__file__).resolve().parents[1] / "data"
WRAPPED = DATA / "realpages" / "091_everycrsreport-rl33436-2015-text.json"


def _text(path: Path) -> str:
    return json.loads(path.read_bytes())["text"]


def test_wrap_a_crs_report_copy_is_recognised_as_wrapped():
    text = _text(WRAPPED)
    breaks = soft_breaks(text)
    assert len(breaks) >= 10 and all(text[b] == "\n" for b in breaks)
    summary = text.index("Japan is a significant partner")
    paragraph = next(s for s in find_segments(text) if s.start <= summary < s.end)
    assert paragraph.kind == "body" and text[paragraph.start : paragraph.end].count("\n") >= 5


def test_wrap_prose_gives_a_wrapped_paragraph_back_whole():
    text = _text(WRAPPED)
    prose = clean(text).prose()
    assert "the United States in a number of foreign policy areas, particularly in U.S. security priorities" in prose


def test_wrap_pages_with_one_paragraph_per_line_have_no_soft_breaks():
    for path in sorted((DATA / "webnoise").glob("*.json")) + sorted((DATA / "clean").glob("*.txt")):
        text = path.read_text(encoding="utf-8") if path.suffix == ".txt" else json.loads(path.read_bytes())["raw"]
        assert soft_breaks(text) == [], path.name


def test_wrap_lists_and_headings_are_not_paragraphs():
    text = "Contents\nI. The treaty of 1951\nII. The revision of 1960\nIII. The guidelines\n"
    assert soft_breaks(text) == []
