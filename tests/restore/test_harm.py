"""Zero harm on real web text: every word the restorer changes on the negative set is listed and judged.

The negative set is ``tests/data/realpages`` (176 real pages nobody here
wrote); its review file ``REVIEW.jsonl`` holds one judged line per word
change (``benchmarks/harm.py --changes`` lists them).  A new change fails
the first test until someone judges it.
"""

from __future__ import annotations

import orjson
import pytest

from alliance_corpus.records import WORD_KINDS
from alliance_corpus.restore import clean
from tests.conftest import REAL_PAGES, ROOT

REVIEW = ROOT / "tests" / "data" / "realpages" / "REVIEW.jsonl"
MAX_HARMFUL_PER_10000 = 1.0
"""The target of issue 9: at most one harmful word change per 10,000 words of English real text."""


def _review() -> list[dict]:
    return [orjson.loads(line) for line in REVIEW.read_bytes().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def changes() -> dict[tuple[str, int, str], dict]:
    found = {}
    for path in REAL_PAGES:
        page = orjson.loads(path.read_bytes())
        for edit in clean(page["text"]).edits:
            if edit.kind in WORD_KINDS:
                found[(page["id"], edit.raw_start, edit.rule)] = {"before": edit.before, "after": edit.after, "language": page["language"]}
    return found


def test_harm_every_word_change_on_real_pages_is_judged_in_the_review_file(changes):
    reviewed = {(r["page"], r["raw_start"], r["rule"]): {"before": r["before"], "after": r["after"], "language": r["language"]} for r in _review()}
    assert changes == reviewed


def test_harm_review_file_judges_each_change_with_a_reason():
    for row in _review():
        assert row["judgement"] in {"correct", "harmful"} and len(row["reason"]) > 20, row


def test_harm_at_most_one_harmful_change_per_10000_english_words():
    pages = [orjson.loads(path.read_bytes()) for path in REAL_PAGES]
    words = sum(len(page["text"].split()) for page in pages if page["language"] == "en")
    harmful = [row for row in _review() if row["language"] == "en" and row["judgement"] == "harmful"]
    assert words > 30_000
    assert 10_000 * len(harmful) / words <= MAX_HARMFUL_PER_10000, harmful


@pytest.mark.parametrize(
    "text",
    [
        "Japan's defence budget: guns v butter.",  # British 'v' for versus became 'with' (spin.with)
        "The Japan Foundation's offices are in the Shinjuku Center East building.",  # became 'Middle East'
        "Lock said the alliance had never been stronger.",  # a surname became 'They' (spin.they)
        "The two allies agreed to extend their shared Security Treaty obligations to space.",  # became 'Mutual Security Treaty'
    ],
    ids=["versus", "building-name", "surname", "shared-obligations"],
)
def test_harm_spinner_rules_that_read_correct_english_as_spun_apply_to_spun_texts_only(text):
    """A helper's black-box tests (spinner 1.6.0): these rules ran on every text."""
    result = clean(text)
    assert result.text == text and result.edits == []
