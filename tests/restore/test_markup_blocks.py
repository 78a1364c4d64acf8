"""Block elements of minified HTML (no line breaks between tags) keep their words apart."""

from __future__ import annotations

import pytest

from alliance_corpus import annotate, clean

MINIFIED = (
    "<!DOCTYPE html><html><head><title>Futenma</title></head><body><nav><a href=/>Home</a> | <a href=/news>News</a></nav>"
    "<article><h1>Okinawa governor opposes Henoko plan</h1><p>Governor Denny Tamaki said on Monday that the relocation of "
    "<b>Marine Corps Air Station Futenma</b> to Henoko must stop.</p></article><footer>Copyright 2024 Ryukyu Shimpo</footer></body></html>"
)


def test_markup_blocks_of_a_minified_page_become_lines():
    document = annotate(MINIFIED)
    lines = document.text.split("\n")
    assert "Okinawa governor opposes Henoko plan" in lines
    assert "Governor Denny Tamaki said on Monday that the relocation of Marine Corps Air Station Futenma to Henoko must stop." in lines
    assert ("PERSON", "Denny Tamaki") in {(e.label, e.text) for e in document.entities}
    for edit in document.edits:  # every change is an edit against the raw page
        assert document.raw_text[edit.raw_start : edit.raw_end] == edit.before


@pytest.mark.parametrize(
    "raw, restored",
    [
        ("Intro text<div>Next part</div>", "Intro text\nNext part"),  # a block opened right after text
        ("<p>One.</p><p>Two.</p>", "One.\nTwo."),
        ("<p>One.</p>\n<p>Two.</p>", "One.\nTwo."),  # a line break already there: no second one
        ("<p>One.</p> <p>Two.</p>", "One. Two."),  # a space already there: the tags go, as before
        ("<li>Okinawa</li><li>Guam</li>", "Okinawa\nGuam"),
        ("the <b>Futenma</b> air <i>station</i>.", "the Futenma air station."),  # inline elements are not blocks: only their tags go
    ],
)
def test_markup_a_block_end_with_text_right_after_it_is_a_line_break(raw, restored):
    assert clean(raw).text == restored


def test_markup_tags_of_code_quotations_and_old_html_go_and_their_words_stay():
    text = "<pre>\nCamp Schwab\n</pre>\nUse <code>git log</code>, a <q>quote</q> and <font color=red>Okinawa</font>.\nIn prose, <Japan> stays."
    result = clean(text)
    assert [line for line in result.text.split("\n") if line] == ["Camp Schwab", "Use git log, a quote and Okinawa.", "In prose, <Japan> stays."]
    assert {e.rule for e in result.edits} == {"markup.tag"}  # the lines of "<pre>" and "</pre>" stay, empty
