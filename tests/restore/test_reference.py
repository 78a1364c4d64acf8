"""Reference-guided restoration: ``clean(raw, reference=original)``."""

from __future__ import annotations

import time

import orjson
import pytest

from alliance_corpus.metrics import word_error_rate
from alliance_corpus.records import check_edits
from alliance_corpus.restore import clean
from alliance_corpus.restore.reference import MAX_RESTORED, matched_blocks
from alliance_corpus.text import undo
from tests.conftest import ROOT

SETS = ("garbled", "garbled_dev", "garbled_holdout", "garbled_holdout2", "spun_dev", "spun_holdout")
CASES = sorted(path for name in SETS for path in (ROOT / "tests" / "data" / name).glob("*.json"))
SEED = ROOT / "data" / "raw" / "000_ff174e8760ddc370.txt"
ORIGINAL = "The alliance with Japan has been the cornerstone of U.S. security strategy in East Asia for decades."


def _pair(path):
    case = orjson.loads(path.read_bytes())
    return case["garbled"], case["original"]


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_reference_restores_every_spun_passage(path):
    spun, original = _pair(path)
    result = clean(spun, reference=original)
    check_edits(spun, result.text, result.edits)
    assert word_error_rate(result.text, original) <= 0.005
    assert all(e.rule == "reference.align" for e in result.edits if e.kind not in ("encoding", "markup"))


def test_reference_restores_the_seed():
    raw = SEED.read_text(encoding="utf-8")
    gold = (ROOT / "data" / "gold" / SEED.name).read_text(encoding="utf-8")
    result = clean(raw, reference=gold)
    check_edits(raw, result.text, result.edits)
    assert word_error_rate(result.text, gold) <= 0.005


@pytest.mark.parametrize(
    ("spun", "kind"),
    [
        ("The alliance with Japan has been the cornerstone of U.S. Security strategy in East Asia for decades.", "casing"),
        ("The alliance with Japan has actually been the cornerstone of U.S. security strategy in East Asia for decades.", "filler"),
        ("The alliance with Japan has been the cornerstone of U.S. security strategy in East Asia for nhiều decades.", "leakage"),
        ("The alliance v Japan has been the cornerstone of U.S. security strategy in East Asia for decades.", "spin"),
        ("The alliance with Japan has been the cornerstone of U.S. security strategy in East Asia for decades .", "spacing"),
        ("The alliance with Japan has been the cornerstone of U.S.  security strategy in East Asia for decades.", "whitespace"),
    ],
)
def test_reference_edit_kind_says_what_changed(spun, kind):
    result = clean(spun, reference=ORIGINAL)
    assert result.text == ORIGINAL
    assert [e.kind for e in result.edits] == [kind]


def test_reference_does_not_invent_a_passage_the_copy_lacks():
    missing = " ".join(f"Sentence {n} of a paragraph the copy left out." for n in range(5))
    original = f"{ORIGINAL} {missing} The alliance endures."
    result = clean(f"{ORIGINAL} The alliance endures.", reference=original)
    assert result.text == f"{ORIGINAL} The alliance endures."
    assert not result.edits


def test_reference_does_not_invent_a_short_sentence_the_copy_lacks():
    spun = "The alliance v Japan has actually been vital for decades. Tokyo pays for the bases."
    original = "The alliance with Japan has been vital for decades. Tokyo pays for the bases. Washington sends troops."
    assert clean(spun, reference=original).text == "The alliance with Japan has been vital for decades. Tokyo pays for the bases."
    inside = clean("Kishi signed the treaty 1960 and resigned.", reference="Kishi signed the treaty in 1960 and resigned.")
    assert inside.text == "Kishi signed the treaty in 1960 and resigned."  # a word dropped inside a sentence is put back


@pytest.mark.parametrize("path", CASES[:3], ids=[p.stem for p in CASES[:3]])
def test_reference_that_is_another_documents_original_is_not_used(path):
    """Given the wrong original, the text is restored by the rules and says so; it never becomes the other text."""
    spun, _ = _pair(path)
    other = _pair(CASES[-1])[1]
    result = clean(spun, reference=other)
    assert result.text == clean(spun).text
    [refused] = [f for f in result.flags if f.kind == "reference"]
    assert (refused.start, refused.end, refused.text) == (0, 0, "") and "it is not its original, and was not used" in refused.note
    assert not any(e.rule == "reference.align" for e in result.edits)


def test_reference_keeps_and_flags_a_passage_only_the_copy_has():
    added = "Click here to read more stories from our partners and subscribe to the daily newsletter today."
    spun = f"{ORIGINAL} {added} The alliance endures."
    result = clean(spun, reference=f"{ORIGINAL} The alliance endures.")
    assert added in result.text
    [flag] = [f for f in result.flags if f.kind == "unmatched"]
    assert result.text[flag.start : flag.end] == flag.text
    assert flag.text.strip(". ") == added.strip(".")  # which of two full stops is matched is the aligner's choice
    assert len(added.split()) > MAX_RESTORED


def test_reference_edits_compose_with_the_decode_steps():
    spun = "The alliance v Japan&amp;its ally: Japanâ€™s role is growing."
    original = "The alliance with Japan & its ally: Japan’s role is growing."
    result = clean(spun, reference=original)
    assert result.text == original
    check_edits(spun, result.text, result.edits)
    assert undo(result.text, result.edits) == spun
    assert {"markup", "encoding", "spin"} <= {e.kind for e in result.edits}
    for edit in result.edits:
        assert spun[edit.raw_start : edit.raw_end] == edit.before


@pytest.mark.parametrize("copies", [1, 4], ids=["distinct passages", "one text repeated (no anchors)"])
def test_reference_alignment_stays_fast_on_a_long_text(copies):
    pairs = [_pair(path) for path in CASES]
    spun = "\n\n".join(s for s, _ in pairs) * copies
    original = "\n\n".join(o for _, o in pairs) * copies
    started = time.perf_counter()
    result = clean(spun, reference=original)
    assert time.perf_counter() - started < 30
    assert result.text.split() == original.split()  # (the word error rate itself is too slow to compute at this length)


def test_reference_matched_blocks_anchor_on_unique_words():
    first, second = "x a b c y a".split(), "a x a b c y".split()
    blocks = matched_blocks(first, second)
    assert blocks[-1] == (6, 6, 0)
    assert sum(size for _, _, size in blocks) == 5
