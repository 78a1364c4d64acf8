"""Common Vietnamese words a round trip left in English text, put back from the common-word lexicon.

Real rule files (``rules/leakage_common.jsonl``), real ``clean()``; the
sentences are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean

SPUN = RestoreConfig(garbled=True)
COMMON = [rule for rule in Resources.bundled().rules if rule.id.startswith("leak.vi.common.")]


def test_every_common_word_carries_a_vietnamese_letter_or_is_a_spelt_out_foreign_name():
    # English text never matches a pattern with a letter English does not write; the others are Vietnamese
    # spellings of foreign names, capitalised syllables that English does not write together ("Ba Lan", "I-ran")
    assert len(COMMON) > 1500
    plain = [str(rule.pattern) for rule in COMMON if str(rule.pattern).isascii()]
    assert all(len(re.split(r"[ -]", pattern)) > 1 and pattern[:1].isupper() for pattern in plain), plain


@pytest.mark.parametrize(
    ("spun", "restored"),
    [
        # lexicon 1.3.0, written from general knowledge of Vietnamese
        ("The cabinet's tỷ lệ ủng hộ fell after the vote.", "The cabinet's approval rating fell after the vote."),
        ("Tokyo raised its chi tiêu quốc phòng again.", "Tokyo raised its defense spending again."),
        ("The Marines joined the cứu trợ thiên tai effort.", "The Marines joined the disaster relief effort."),
    ],
)
def test_a_common_word_left_in_vietnamese_gets_its_english_back(spun, restored):
    assert clean(spun, config=SPUN).text == restored


@pytest.mark.parametrize(
    "text",
    [
        "Colonel Trần Hoàng Hải briefed the Japanese delegation.",  # became "Trần Yellow Sea" (leak.vi.common.hoang-hai)
        "Lieutenant Colonel Lê Đức Nhân briefed the Japanese delegation.",  # became "Lê Naruhito", linked to the emperor
        "Hanoi's defence policy is known as “bốn không” – the “four nos”.",  # "không" became "not"
        "The phrase “đối tác chiến lược toàn diện” (comprehensive strategic partnership) is reserved for a few countries.",
        "The Korean phrase 한미일 안보협력 및 대북 억제 recurs throughout the strategy.",  # "및" became "and"
        "Vietnam reaffirmed its sovereignty over the Hoàng Sa (Paracel) and Trường Sa (Spratly) archipelagos.",
    ],
    ids=["name-yellow-sea", "name-emperor", "quoted-term", "quoted-term-glossed", "korean-passage", "glossed-in-brackets"],
)
def test_a_name_a_quoted_term_a_glossed_word_or_a_passage_in_another_script_is_left_as_written(text):
    """A helper's black-box tests: leakage rules run on every text, and these rewrote correct English."""
    result = clean(text)
    assert result.text == text and result.edits == []


def test_a_leaked_word_beside_a_name_in_a_spun_text_is_still_put_back():
    result = clean("The chính phủ of Prime Minister Nguyễn Xuân Phúc met the Việt Nam delegation.", config=SPUN)
    assert result.text == "The government of Prime Minister Nguyễn Xuân Phúc met the Vietnam delegation."
