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


def test_wrap_a_line_cut_mid_sentence_is_prose_not_a_heading():
    # too few lines to be recognised as a wrapped paragraph; its first line still ends on a word no sentence ends on
    text = "Prime Minister Shigeru Yoshida signed the Security Treaty in 1951.\nThe treaty was revised in 1960 under\nNobusuke Kishi.\n"
    assert [(s.kind, text[s.start : s.end]) for s in find_segments(text)][1] == ("body", "The treaty was revised in 1960 under")


def test_wrap_real_cut_lines_are_prose_and_short_page_labels_stay_headings():
    pages = {path.name: _text(path) for path in sorted((DATA / "realpages").glob("*.json"))}
    cut = [
        ("040_packard-foreign-affairs-treaty-at-50-jstor.json", "The agreement has endured through half a"),
        ("019_eurasiantimes-hegseth-senkaku.json", "If China or even Taiwan launches an armed attack on"),
    ]
    for name, ending in cut:
        text = pages[name]
        at = text.index(ending) + len(ending) - 1
        assert next(s.kind for s in find_segments(text) if s.start <= at < s.end) == "body", name
    labels = "Send to\n\nNext month's meeting of the ministers was put off.\n\nAlso known as\nKoizumi Jun'ichiro\n"
    assert [text for kind, text in ((s.kind, labels[s.start : s.end]) for s in find_segments(labels)) if kind == "heading"][:2] == ["Send to", "Also known as"]


RAGGED = (
    "The 1997 revision of the Guidelines for Japan-U.S. Defense Cooperation\n"
    "expanded the scope of bilateral planning to situations in areas surrounding\n"
    "Japan. Critics in Tokyo worried that the new arrangements would draw the Self-\n"
    "Defense Forces into regional conflicts, while supporters argued that co-\n"
    "operation in logistics was overdue. The anti-\n"
    "base movement in Okinawa, by contrast, focused on the burden borne by the pre-\n"
    "fecture and on the re-\n"
    "election of Governor Masahide Ota. Many post-\n"
    "war leaders had accepted the bargain, and few anticipated the outcome.\n"
)


def test_wrap_a_paragraph_wrapped_by_hand_at_its_hyphens_is_one_paragraph():
    # its lines are ragged (22 to 78 characters), but nearly every one runs on into the next: they were ten headings, and prose() kept one line
    result = clean(RAGGED)
    assert [s.kind for s in result.segments] == ["body"]
    prose = result.prose()
    assert "draw the Self-Defense Forces into" in prose and "co-operation in logistics" in prose and "by the prefecture and on the re-election" in prose
    assert "Many post-war leaders" in prose and "- " not in prose
