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
