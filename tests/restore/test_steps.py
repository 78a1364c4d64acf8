"""Each restoration layer on real inputs: what it changes, with which kind, and what it leaves."""

from __future__ import annotations

import pytest

from alliance_corpus.layout import find_segments
from alliance_corpus.restore import RestoreConfig, clean
from alliance_corpus.restore.detect.scripts import word_script
from alliance_corpus.text import undo

SPUN = RestoreConfig(garbled=True)


def _changes(result):
    return [(e.before, e.after, e.kind) for e in result.edits]


def test_steps_mojibake_repaired_by_ftfy_as_encoding_edit():
    result = clean("Japanâ€™s role in the alliance grew after 1960.")
    assert result.text == "Japan’s role in the alliance grew after 1960."
    assert {e.kind for e in result.edits} == {"encoding"}


def test_steps_html_entities_and_double_escapes_decoded():
    result = clean("Tokyo &amp; Washington signed the &#8220;2+2&#8221; statement &amp;amp; more.")
    assert result.text == "Tokyo & Washington signed the “2+2” statement & more."
    assert {e.kind for e in result.edits} == {"markup"}


def test_steps_html_tags_removed_and_whitespace_normalized():
    result = clean("<p>The  alliance\u00a0endures.</p>\r\n\r\n\r\n<p>Okinawa hosts bases.</p>")
    assert result.text == "The alliance endures.\n\nOkinawa hosts bases."
    assert {e.kind for e in result.edits} <= {"markup", "whitespace", "typography"}


def test_steps_missing_space_after_sentence_end_restored_in_spun_text():
    text = "There are bases in the country.There are also ports."
    result = clean(text, config=RestoreConfig(garbled=True))
    assert result.text == "There are bases in the country. There are also ports."
    assert _changes(result) == [("", " ", "spacing")]
    assert clean(text, config=RestoreConfig(garbled=False)).text == text  # in edited prose, the author's slip stays


def test_steps_abbreviations_and_decimals_keep_their_periods():
    text = "The U.S. Navy spent 2.5 billion dollars; see cfr.org and Fig.2 for details."
    assert clean(text).text == text


@pytest.mark.parametrize(
    "garbled, restored",
    [
        ("More troops are stationed in Japan 보다 in any other country.", "More troops are stationed in Japan than in any other country."),
        ("The allies must deter a nuclear phibìc Korea.", "The allies must deter a nuclear North Korea."),
    ],
)
def test_steps_known_foreign_script_leakage_restored(garbled, restored):
    result = clean(garbled)
    assert result.text == restored
    assert "leakage" in {e.kind for e in result.edits}


def test_steps_unknown_foreign_script_is_flagged_not_changed():
    text = "Officials met in Tokyo 회의 to discuss the alliance."
    result = clean(text, config=RestoreConfig(garbled=False))
    assert result.text == text
    assert [(f.text, f.kind) for f in result.flags] == [("회의", "foreign-script")]


@pytest.mark.parametrize("word, script", [("phibìc", "Vietnamese"), ("của", "Vietnamese"), ("보다", "Hangul"), ("Москва", "Cyrillic")])
def test_steps_script_detection_names_the_script(word, script):
    assert word_script(word) == script


@pytest.mark.parametrize("word", ["Ryūkyū", "Tōkyō", "café", "naïve", "Japan", "Okinawa"])
def test_steps_romanized_japanese_and_loanwords_are_not_leakage(word):
    assert word_script(word) is None


def test_steps_casing_after_us_repaired_in_spun_text_only():
    spun = "Much more U.S. Troops and U.S. Military facilities serve U.S. Forces Japan."
    assert clean(spun, config=SPUN).text == "More U.S. troops and U.S. military facilities serve U.S. Forces Japan."
    edited = "Tokyo welcomed the decision by the U.S. The plan moved ahead."
    assert clean(edited).text == edited


def test_steps_titles_after_us_keep_their_capitals():
    text = "previous U.S. Defense Secretary Leon Panetta addresses U.S. And Japanese forces."
    assert clean(text, config=SPUN).text == "Former U.S. Defense Secretary Leon Panetta addresses U.S. and Japanese forces."


def test_steps_proper_names_recased_from_gazetteer():
    result = clean("Ties between the united States and north Korea after world War II.", config=SPUN)
    assert result.text == "Ties between the United States and North Korea after World War II."
    assert {e.kind for e in result.edits} == {"casing"}


@pytest.mark.parametrize(
    "garbled, restored",
    [
        ("New difficulties have moved the alliance come make historic adjustments.",
         "New challenges have pushed the alliance to make historic adjustments."),
        ("They have also quarreled end U.S. military bases.", "They have also quarreled over U.S. military bases."),
        ("In 1950, Japan to be still under occupation.", "In 1950, Japan was still under occupation."),
    ],
)
def test_steps_context_rules_use_part_of_speech(garbled, restored):
    assert clean(garbled, config=SPUN).text == restored


@pytest.mark.parametrize(
    "text",
    [
        "Both governments hope the dispute will come to an end soon.",
        "Washington wanted Japan to be a stronger partner.",
        "The allies came together to end the crisis.",
    ],
)
def test_steps_context_rules_leave_grammatical_uses(text):
    assert clean(text, config=SPUN).text == text


def test_steps_gated_rules_do_not_touch_edited_text():
    text = "A much more assertive China and other difficulties have actually been discussed."
    assert clean(text, config=RestoreConfig(garbled=False)).text == text
    assert clean(text, config=SPUN).text == "A more assertive China and other challenges have been discussed."


def test_steps_caption_and_credit_segments(seed_raw):
    result = clean(seed_raw)
    kinds = [(s.kind, result.text[s.start : s.end]) for s in result.segments]
    assert ("credit", "Yuriko Nakao/Reuters") in kinds
    assert ("caption", "Former U.S. Defense Secretary Leon Panetta addresses U.S. and Japanese forces.") in kinds
    assert ("heading", "How did Japan and the United States become allies?") in kinds


def test_steps_boilerplate_lines_marked():
    text = "The alliance endures.\nAdvertisement\nRead more: Japan’s defense budget\nShare this article"
    kinds = [s.kind for s in find_segments(text)]
    assert kinds == ["body", "boilerplate", "boilerplate", "boilerplate"]


def test_steps_every_result_undoes_to_its_input(seed_raw):
    result = clean(seed_raw)
    assert undo(result.text, result.edits) == seed_raw
