"""A leaked title restored right before a name gets capitals; anywhere else, and in English text, it is left as it is."""

from __future__ import annotations

from alliance_corpus import clean


def test_titles_a_restored_title_before_a_name_is_capitalised():
    # tests/data/spun_dev/01 (development): "đại sứ Douglas MacArthur II" stood for "Ambassador Douglas MacArthur II"
    text = "Declassified documents showed that đại sứ Douglas MacArthur II had urged a speedy appeal, and the đại sứ said so."
    restored = clean(text).text
    assert "showed that Ambassador Douglas MacArthur II had urged" in restored
    assert "and the ambassador said so." in restored  # no name after it: a common noun


def test_titles_english_text_keeps_its_own_style():
    text = "The former ambassador Douglas MacArthur II met the prime minister in Tokyo, as the records of both governments show."
    assert clean(text).text == text
