"""Words a hard wrap broke with a hyphen are joined again; real hyphens and real line breaks stay."""

from __future__ import annotations

from alliance_corpus import annotate, clean

WRAPPED = (
    "The Treaty of Mutual Cooperation and Secu-\n"
    "rity between Japan and the United States was signed\n"
    "in January 1960 in Washington, DC, by a long-\n"
    "term ally of both governments, and the U.S.-\n"
    "Japan co-\n"
    "operation it set out has lasted, as the records say.\n"
)


def test_hyphens_a_word_broken_by_a_wrap_is_joined_and_the_line_break_moves_after_it():
    result = clean(WRAPPED)
    assert result.text.startswith("The Treaty of Mutual Cooperation and Security\nbetween Japan")
    assert [(e.before, e.after, e.rule) for e in result.edits] == [("-\nrity ", "rity\n", "layout.dehyphenate")]


def test_hyphens_the_punctuation_that_ends_a_joined_word_stays_with_it():
    text = (
        "The Japanese-American relationship, which had been strained by the Lucky Dragon inci-\n"
        "dent, entered a new phase after the treaty was signed, and hundreds of thousands of Ja-\n"
        "pan's citizens had marched in the streets of Tokyo during the crisis of the spring of\n"
        "1960, which ended the government of the prime minister in July of that year.\n"
    )
    result = clean(text)
    assert "Lucky Dragon incident,\nentered a new phase" in result.text  # no line starts with the comma
    assert "thousands of Japan's\ncitizens" in result.text
    assert [(e.before, e.after) for e in result.edits] == [("-\ndent, ", "dent,\n"), ("-\npan's ", "pan's\n")]


def test_hyphens_a_real_hyphen_at_a_wrap_stays():
    text = clean(WRAPPED).text
    assert "a long-\nterm ally" in text  # "longterm" is no word
    assert "U.S.-\nJapan" in text  # a capital after the break
    assert "co-\noperation" in text  # "co" and "operation" are both words


def test_hyphens_a_hyphen_at_the_end_of_a_line_that_is_not_wrapped_stays():
    text = "Agenda:\nSecu-\nrity\n"
    assert clean(text).text == text


def test_hyphens_a_name_the_break_cut_is_found_whole():
    document = annotate(WRAPPED)
    treaty = "ac:treaty-of-mutual-cooperation-and-security-between-the-united-states-and-japan"
    assert ("Treaty of Mutual Cooperation and Security", treaty) in {(e.text, e.kb_id) for e in document.entities}
