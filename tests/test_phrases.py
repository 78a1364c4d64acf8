"""Phrase search: the same matches as the alternation pattern's own ``finditer``, on real names and hostile text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_corpus.resources import Resources
from alliance_corpus.text.phrases import PhraseSearch

NAMES = sorted(Resources.bundled().gazetteer.recasable_names().values())
SEARCH = PhraseSearch(NAMES)


def _spans(matches):
    return [(m.start(), m.end(), m.group()) for m in matches]


def _recased(name: str, flips: list[bool]) -> str:
    return "".join(c.swapcase() if flip else c for c, flip in zip(name, flips + [False] * len(name)))


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(NAMES),
            st.sampled_from(["the", "of", "Okinawan", "U.S.", ".", "x.", "camp", "-", "'s", "日本", "İ", "ß"]),
            st.text(min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=30,
    ),
    separators=st.lists(st.sampled_from([" ", "  ", "\n", "", "\t", ".", "-", "\xa0"]), min_size=30, max_size=30),
    flips=st.lists(st.booleans(), min_size=40, max_size=40),
)
def test_phrase_search_finds_what_the_pattern_finds(pieces, separators, flips):
    text = "".join(_recased(piece, flips[i:]) + separators[i] for i, piece in enumerate(pieces))
    assert _spans(SEARCH.finditer(text)) == _spans(SEARCH.pattern.finditer(text))


def test_phrase_search_on_real_text(seed_raw):
    text = seed_raw + "\n" + seed_raw.lower() + "\n" + seed_raw.upper()
    found = _spans(SEARCH.finditer(text))
    assert found == _spans(SEARCH.pattern.finditer(text))
    counts = [sum(1 for m in SEARCH.finditer(copy)) for copy in (seed_raw, seed_raw.lower(), seed_raw.upper())]
    assert counts[0] > 10 and counts == [counts[0]] * 3  # case does not matter


def test_phrase_search_longest_phrase_wins_and_words_stay_whole():
    search = PhraseSearch(["Camp", "Camp Schwab", "Japan"])
    assert [m.group() for m in search.finditer("camp schwab, Camp Hansen, Japanese, Japan.")] == ["camp schwab", "Camp", "Japan"]
    assert list(search.finditer("x.Japan")) == []  # a full stop just before joins the word to what precedes


def test_phrase_search_of_phrases_not_starting_with_a_letter_falls_back_to_the_pattern():
    search = PhraseSearch(["-San", "Okinawa"])
    assert search.by_first_word is None
    assert [m.group() for m in search.finditer("Kyoto -san Okinawa")] == ["-san", "Okinawa"]
