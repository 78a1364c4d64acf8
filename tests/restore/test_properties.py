"""Invariants of clean(), checked by hypothesis on arbitrary and on spinner-like text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_corpus.records import check_edits
from alliance_corpus.restore import clean
from alliance_corpus.text import redo, undo

SPINNER_WORDS = [
    "The", "alliance", "v", "Japan", "has", "actually", "been", "U.S.", "Military", "people", "War", "II",
    "mountain", "Francisco", "element", "Minister", "phibìc", "Korea", "보다", "much", "more", "and", "also",
    "~", "above", "Okinawa", "Lock", "have", "come", "make", "end", "the", "that", "is", "to", "be", "a",
    "country.There", "&amp;", "Japanâ€™s", "north", "united", "States", "no", "paying", "together",
    "Nhật", "Bản", "Hàn", "Quốc", "tháng", "8", "13", "tỷ", "đô", "la", "Điều", "9", "Nam", "中国", "&", "+", "w/",
    "chilly", "joined", "Nations", "aquatic", "Corps", "Fukuda", "teaching", "diet", "plan", "post", "closet",
    "Gulf", "battle", "various", "other", "heart", "2023", "ÅŒura", "camp", "David", "Soviet", "union", "Principles",
]
spinner_text = st.lists(
    st.sampled_from(SPINNER_WORDS), max_size=40
).flatmap(lambda words: st.lists(st.sampled_from([" ", " ", " ", "\n", ", ", ". ", "  "]), min_size=len(words), max_size=len(words)).map(
    lambda seps: "".join(w + s for w, s in zip(words, seps))
))
any_text = st.text(max_size=200)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    result = clean(text)
    check_edits(text, result.text, result.edits)
    assert undo(result.text, result.edits) == text
    assert redo(text, result.edits) == result.text
    assert 0.0 <= result.garble_score <= 1.0
    again = clean(result.text)
    assert again.edits == [], [(e.before, e.after, e.rule) for e in again.edits]


@PROPERTY
@given(any_text)
def test_properties_any_string_is_restored_reversibly_and_idempotently(text):
    _check(text)


@PROPERTY
@given(spinner_text)
def test_properties_spinner_like_text_is_restored_reversibly_and_idempotently(text):
    _check(text)
