"""Fixed collocations with one word in another sense of its Vietnamese translation, or a spinner's synonym, put back.

Real lexicons (``domain-phrases``, ``phrase-senses``), symspellpy's real
two-word list, and ``clean()`` with the gate open (the step runs on spun texts
only).  The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from alliance_corpus.restore import RestoreConfig, clean
from alliance_corpus.restore.fixes.senses import fix_phrase_senses

SPUN = RestoreConfig(garbled=True)


@pytest.mark.parametrize(
    ("spun", "restored"),
    [
        ("Abe sought a right to group self-defense.", "Abe sought a right to collective self-defense."),
        ("The treaty ended the condition of war in 1956.", "The treaty ended the state of war in 1956."),
        ("Article 9 bans war possibility of any kind.", "Article 9 bans war potential of any kind."),
        ("He served as deputy clerk of defense.", "He served as deputy secretary of defense."),
        ("The vote was not tying on Tokyo.", "The vote was not binding on Tokyo."),
        ("Safety treaty talks resumed in May.", "Security treaty talks resumed in May."),  # the case of the stand-in is kept
        # phrases 1.1.0, written from general knowledge: senses of one Vietnamese word, and a spinner's thesaurus synonyms
        ("Medics ran a farm hospital near the front.", "Medics ran a field hospital near the front."),
        ("Most voters threw ballots against the plan.", "Most voters cast ballots against the plan."),
        ("The party lost its majority in the upper home.", "The party lost its majority in the upper house."),
        ("Kishida announced a cupboard reshuffle in August.", "Kishida announced a cabinet reshuffle in August."),
    ],
)
def test_a_term_gets_its_word_back(spun, restored):
    result = clean(spun, config=SPUN)
    assert result.text == restored
    assert [edit.rule for edit in result.edits] == ["spin.phrase-sense"]


@pytest.mark.parametrize(
    "text",
    [
        "Japan's highest court ruled on the case in 1959.",  # 'highest court' is English as it stands (two-word list)
        "The Regional Safety Forum met in Manila.",  # title case: a name, the names step's
        "The farm house and the field hospital stood at home in the valley.",  # the terms as English writes them
        "The house voted, and the home secretary cast ballots.",  # 'home secretary' is English (two-word list)
    ],
)
def test_english_that_only_looks_like_a_stand_in_is_left_alone(text):
    assert clean(text, config=SPUN).text == text


def test_the_step_never_runs_on_a_text_that_is_not_spun():
    text = "Abe sought a right to group self-defense and regional safety."
    assert clean(text).text == text


def test_a_stand_in_is_found_across_any_run_of_blanks():
    text = "a right to group \t self-defense"
    assert [(text[c.start : c.end], c.replacement) for c in fix_phrase_senses(text)] == [("group", "collective")]
