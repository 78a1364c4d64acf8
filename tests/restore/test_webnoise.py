"""Scraped pages of clean prose: mojibake, entities, tags, invisible characters and site furniture.

Each case in ``tests/data/webnoise`` holds the page as scraped (``raw``), the
article's prose alone (``expected``) and the lines that are not prose
(``boilerplate``: bylines, captions, credits, share buttons, cookie notices).
"""

from __future__ import annotations

import re

import pytest

from alliance_corpus import annotate
from alliance_corpus.metrics import word_error_rate
from alliance_corpus.records import WORD_KINDS
from alliance_corpus.restore import GARBLED, clean
from alliance_corpus.text import undo
from tests.conftest import WEBNOISE_SET, read_garbled


def test_webnoise_set_covers_every_kind_of_noise():
    cases = [read_garbled(p) for p in WEBNOISE_SET]
    raw = "".join(c["raw"] for c in cases)
    assert len(cases) >= 8
    for marker in ["â€", "&amp;amp;", "&#8217;", "<p>", "\u200b", "\u00ad", "\u00a0", "\t", "Advertisement", "/Reuters"]:
        assert marker in raw, marker


@pytest.mark.parametrize("path", WEBNOISE_SET, ids=lambda p: p.stem)
def test_webnoise_prose_is_recovered_word_for_word(path):
    case = read_garbled(path)
    result = clean(case["raw"])
    assert result.garble_score < GARBLED
    assert [(e.before, e.after) for e in result.edits if e.kind in WORD_KINDS] == []
    assert word_error_rate(result.prose(), case["expected"]) == 0.0


@pytest.mark.parametrize("path", WEBNOISE_SET, ids=lambda p: p.stem)
def test_webnoise_site_furniture_is_not_prose(path):
    case = read_garbled(path)
    result = clean(case["raw"])
    prose_lines = set(result.prose().split("\n\n"))
    assert [line for line in case["boilerplate"] if line in prose_lines] == []


@pytest.mark.parametrize(
    ("page", "credit", "people", "agencies"),
    [
        ("Ministers pose before talks in Tokyo. (Photo: Kyodo/Reuters)", "(Photo: Kyodo/Reuters)", [], ["Kyodo", "Reuters"]),
        ("An Osprey at Yokota Air Base.\nU.S. Air Force photo", "U.S. Air Force photo", [], ["U.S. Air Force"]),
        ("Leaders visit Hiroshima.\nKiyoshi Ota/Pool Photo via AP", "Kiyoshi Ota/Pool Photo via AP", ["Kiyoshi Ota"], ["AP"]),
        ("Sailors at Yokosuka.\nU.S. Navy photo by Jane Doe", "U.S. Navy photo by Jane Doe", ["Jane Doe"], ["U.S. Navy"]),
    ],
)
def test_webnoise_credit_forms_give_people_agencies_and_a_caption(page, credit, people, agencies):
    doc = annotate(page + "\nThe alliance endures.")
    kinds = [(s.kind, doc.text[s.start : s.end]) for s in doc.segments]
    assert ("credit", credit) in kinds
    assert kinds[0][0] == "caption" and kinds[-1] == ("body", "The alliance endures.")
    found = [(e.text, e.label) for e in doc.entities if e.source == "caption"]
    assert sorted(found) == sorted([(p, "PERSON") for p in people] + [(a, "ORG") for a in agencies])


def test_webnoise_sentence_ending_in_an_agency_is_not_a_credit():
    text = "The ministers spoke to Reuters\nTokyo and Washington agreed on the plan, officials said. (Reuters)"
    assert "credit" not in [s.kind for s in clean(text).segments]


TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
MARKDOWN = re.compile(r"\*\*|__|\]\(|`|^#{1,6} ", re.MULTILINE)


@pytest.mark.parametrize("path", WEBNOISE_SET, ids=lambda p: p.stem)
def test_webnoise_no_tag_or_markdown_mark_is_left_in_the_text(path):
    case = read_garbled(path)
    result = clean(case["raw"])
    assert TAG.findall(result.text) == []
    assert MARKDOWN.findall(result.text) == []
    assert all(edit.kind == "markup" or edit.kind not in WORD_KINDS for edit in result.edits)


def test_webnoise_whole_page_gives_no_mention_in_its_tags():
    case = read_garbled(WEBNOISE_SET[-2])
    assert case["id"] == "09_whole_page_tags"
    doc = annotate(case["raw"])
    assert [e.text for e in doc.entities if "<" in e.text or ">" in e.text] == []
    assert {"Leon Panetta", "Marine Corps Air Station Futenma", "Status of Forces Agreement"} <= {e.text for e in doc.entities}


def test_webnoise_whole_page_furniture_is_found_by_the_pages_main_content():
    """Resiliparse's extractor reads the raw page; the lines outside its main content are boilerplate, with no entity."""
    case = read_garbled(WEBNOISE_SET[-2])
    doc = annotate(case["raw"])
    kinds = {doc.text[s.start : s.end]: s.kind for s in doc.segments}
    assert kinds["September 17, 2012"] == kinds["Related: Osprey deployment draws protests"] == kinds["© 2012 Example News"] == "boilerplate"
    assert kinds["Panetta presses Tokyo on Futenma move"] == "heading"
    assert [kind for line, kind in kinds.items() if line in case["expected"]] == ["body"] * 3
    furniture = [s for s in doc.segments if s.kind == "boilerplate"]
    assert [e.text for e in doc.entities if any(s.start <= e.start < s.end for s in furniture)] == []
    assert "Base | Prefecture" in doc.text and "Futenma | Okinawa" in doc.text  # table cells keep their words apart, a bar between them


def test_webnoise_text_that_is_no_page_or_a_page_without_content_keeps_its_segments():
    from alliance_corpus.layout import MainContent, find_segments

    assert MainContent.of("Copyright 2024 Example News\nThe treaty was signed.") is None
    assert MainContent.of("<html><body><nav>Home</nav></body></html>") is None
    text = "September 17, 2012\nThe treaty was signed in San Francisco."
    assert find_segments(text) == find_segments(text, MainContent.of("<html>" + text))


def test_webnoise_terminal_colours_and_control_characters_are_removed_as_edits():
    raw = "Okinawa \x1b[31mRED\x1b[0m text\x07 and \x1b]0;TITLE\x07 end.\x00\nTab\tstays."
    result = clean(raw)
    assert result.text == "Okinawa RED text and end.\nTab stays."
    assert "ws.control" in {e.rule for e in result.edits} and undo(result.text, result.edits) == raw



def test_webnoise_a_name_never_runs_from_one_table_cell_into_the_next():
    # a space between cells made the FAC "Camp Hansen Kin" (a base and its town), linked to nothing
    page = (
        "<html><body><article><p>The Marines train at two camps in the north of Okinawa.</p>"
        "<table><tr><th>Base</th><th>Town</th></tr>\n<tr><td>Camp Hansen</td>\n<td>Kin</td></tr>"
        "<tr><td>Camp Schwab</td><td>Nago</td></tr></table></article></body></html>"
    )
    doc = annotate(page)
    assert {"Base | Town", "Camp Hansen | Kin", "Camp Schwab | Nago"} <= set(doc.text.splitlines())
    found = {(e.text, e.kb_id) for e in doc.entities}
    assert {("Camp Hansen", "ac:camp-hansen"), ("Camp Schwab", "ac:camp-schwab")} <= found
    assert not [e.text for e in doc.entities if "|" in e.text or "\n" in e.text]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("<p>Leon Panetta visited Okinawa.</p>\n<script>var who = 'Shinzo Abe';</script>\n<p>He met Abe.</p>", "Leon Panetta visited Okinawa.\n\nHe met Abe."),
        ("<p>Leon Panetta visited Okinawa.</p><style>.x { color: red }</style><p>He met Abe.</p>", "Leon Panetta visited Okinawa.\nHe met Abe."),
        ("Leon Panetta visited Okinawa.\n<script type=\"text/javascript\">\nwindow.dataLayer = [];\n</script>\nHe met Abe.", "Leon Panetta visited Okinawa.\n\nHe met Abe."),
    ],
    ids=["fragment-script", "fragment-style", "text-with-a-tracking-script"],
)
def test_webnoise_code_elements_in_a_fragment_go_whole_and_their_code_gives_no_name(raw, expected):
    document = annotate(raw)
    assert document.text == expected
    assert "Shinzo Abe" not in [e.text for e in document.entities]
    assert all(edit.kind == "markup" for edit in document.edits if "script" in edit.before or "style" in edit.before)


@pytest.mark.parametrize("text", ["Use the <script> tag carefully, the article said about Okinawa.", "He wrote <nav> and </nav> in the memo."])
def test_webnoise_a_tag_quoted_in_prose_stays(text):
    assert clean(text).text == text
