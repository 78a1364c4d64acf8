"""Cleaning a cleaned text changes nothing, for every generated input.

The inputs are those of :mod:`.test_linear_cost`: mixed scripts, mojibake,
entities, the rules' trigger words, runs of one character, as one long line,
many lines or around a long run.  Both the pure-Python path and the default
configuration (with the context rules) are checked.  The cases below the
property test are the ones the fuzzer found: chains, where a rule's output
makes a new match ("war v v v"), rules that undo each other ("U.S. Korea"),
and texts whose cleaned form scores differently from the raw one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_corpus.restore import RestoreConfig, clean

from .test_linear_cost import CONFIGS, RUN_CHARACTERS, SHAPES, build_text, hostile_units

MAX_SIZE = 10_000


def assert_idempotent(text: str, config: RestoreConfig) -> None:
    """``clean(clean(text).text)`` makes no edit and returns the same text."""
    once = clean(text, config=config)
    twice = clean(once.text, config=config)
    assert [(e.before, e.after, e.rule) for e in twice.edits] == []
    assert twice.text == once.text


@settings(deadline=None)
@given(
    units=hostile_units(),
    shape=st.sampled_from(SHAPES),
    run=st.sampled_from(RUN_CHARACTERS),
    copies=st.integers(1, 40),
    config=st.sampled_from(sorted(CONFIGS)),
)
def test_clean_twice_changes_nothing(units, shape, run, copies, config):
    assert_idempotent(build_text(units, copies, shape, run)[:MAX_SIZE], CONFIGS[config])


PROSE = "The alliance between Japan and the United States has shaped the security of the region for decades. "
KOREAN = "The treaty (조약) and the bases (기지) matter to the allies (동맹). "  # words no rule restores keep the gate open
CASES = {
    "v-run": "v " * 2_000,
    "v-chain": PROSE + "The alliance" + " v" * 40 + " Japan has been vital.",
    "v-chains-on-lines": ("The alliance" + " v" * 30 + " Japan, people War II\n") * 40,
    "filler-chain": PROSE + KOREAN + "The alliance has" + " actually" * 40 + " been vital.",
    "also-chain": PROSE + KOREAN + "Tokyo and" + " also" * 40 + " Seoul met.",
    "leftward-chain": PROSE + "Japan spent " + "3.5 tỷ đô\u200b" * 12 + " on the bases.",
    "undoing-rules": "be Committee U.S. Korea previous",
    "undoing-rules-and-gate": PROSE + "U.S. Korea \n한국" + " v" * 30 + " \t한국 " + PROSE + "U.S. Korea \n한국" + " v" * 30,
    "spacing-evidence": "\xa0 w/  \xa0\nw/ \xa0 w/  \xa0w/",
    "line-start-evidence": "end \xa0 end\n\xa0  end \xa0 end\xa0",
    "language-after-decoding": (
        "the \npressure phibìc Ã \r\n\nÃ© people War II Hàn Quốc &nbsp;\r\nthe phibìcâ€™ that United 한국 the \n" * 4
    ),  # judged with foreign lines before mojibake repair settles, English after: judged again
    "gate-open-lines-turn-english": build_text(
        [
            "보다 . country.There &amp; x come x\r\nis chilly War đường . bases element Minister 沖縄の基地 ",
            "' 11111\nx come x\xa0â€œ\n\n\n\n\n \xa0\xa0  ",
            "&nbsp; \n</p> pressure\nâ€œÚ𧈡\U00107587\U000edbeb w/\ncafÃ©\xa0                           Hàn Quốc\nja\u200bâ€œ element Minister ",
        ],
        39,
        "run",
        "Ã©",
    )[:MAX_SIZE],  # garbled from the start, but lines read as foreign until their mojibake was repaired
}


@pytest.mark.parametrize("config", sorted(CONFIGS))
@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_clean_twice_changes_nothing_on_found_cases(text, config):
    assert_idempotent(text, CONFIGS[config])


def test_clean_follows_a_chain_in_one_edit():
    result = clean(PROSE + "The alliance" + " v" * 50 + " Japan has been vital.", config=RestoreConfig(context_rules=False, garbled=True))
    assert result.text.endswith("The alliance" + " with" * 50 + " Japan has been vital.")
    assert [(e.before, e.rule) for e in result.edits] == [("v" + " v" * 49, "spin.with")]


def test_clean_leaves_words_that_two_rules_dispute_as_written():
    # case.after-us lower-cases "Korea" after "U.S.", case.proper-noun capitalises it again
    result = clean("be Committee U.S. Korea previous", config=CONFIGS["pure-python"])
    assert "U.S. Korea previous" in result.text
