"""A known name's word written in lower case gets its capital back in spun texts, unless it is an English word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alliance_corpus.resources.english import english_words, is_english_word
from alliance_corpus.restore import RestoreConfig, clean

SPUN = RestoreConfig(garbled=True)
EDITED = RestoreConfig(garbled=False)
SPUN_DEV = Path(__file__).resolve().parent.parent / "data" / "spun_dev"


def test_english_words_come_from_the_shipped_frequency_list():
    words = english_words()
    assert len(words) > 80_000
    assert {"alliance", "treaty", "rice", "date", "bush"} <= words
    assert not {"sasebo", "futenma", "henoko", "yoshihiko"} & words
    assert is_english_word("Alliance") and not is_english_word("Sasebo")


@pytest.mark.parametrize(
    "spun, restored",
    [
        ("The carrier left the port of sasebo on Monday.", "The carrier left the port of Sasebo on Monday."),
        ("Marines moved from futenma to henoko last year.", "Marines moved from Futenma to Henoko last year."),
        ("Prime Minister yoshihiko Noda met Obama.", "Prime Minister Yoshihiko Noda met Obama."),
    ],
)
def test_spun_text_gets_the_capital_of_a_name_word_back(spun, restored):
    result = clean(spun, config=SPUN)
    assert result.text == restored
    assert all(e.kind == "casing" for e in result.edits)


@pytest.mark.parametrize(
    "text",
    [
        "Condoleezza Rice ate rice; the date of the talks was set by the bush.",  # English words that are also surnames
        "A hansen-like spelling and a noda-style joke stay as written.",  # a word joined by a hyphen is not alone
        "The ship sailed into the harbor near the theater at dawn.",  # American spellings of words on the British list
    ],
)
def test_english_words_and_joined_words_stay_in_spun_text(text):
    assert clean(text, config=SPUN).text == text


def test_edited_text_keeps_its_lower_case_names():
    text = "The port of sasebo is written here in lower case on purpose."
    assert clean(text, config=EDITED).text == text


def test_the_development_set_gets_its_lower_cased_base_towns_back():
    # tests/data/spun_dev 04 lower-cases "Sasebo"; no original there writes a known name in lower case
    case = json.loads((SPUN_DEV / "04_beheiren_vietnam_war.json").read_text(encoding="utf-8"))
    assert "sasebo" in case["garbled"] and "Sasebo" not in case["garbled"]
    assert "Sasebo" in clean(case["garbled"]).text
    for path in sorted(SPUN_DEV.glob("*.json")):
        original = json.loads(path.read_text(encoding="utf-8"))["original"]
        assert not [e for e in clean(original, config=SPUN).edits if e.rule == "case.name-word"], path.name
