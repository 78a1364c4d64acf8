"""Mojibake cases kept as data (tests/data/encoding_*.json), run through ``clean`` and through ``fix_encoding``.

``encoding_cases.json`` must be repaired, ``encoding_untouched.json`` must get
no edit of kind "encoding", and ``encoding_known_failures.json`` is not yet
repaired (strict expected failures).
"""

from __future__ import annotations

import json

import pytest

from alliance_corpus.restore import clean
from alliance_corpus.restore.fixes.encoding import fix_encoding, lines
from alliance_corpus.text import Change
from tests.conftest import ROOT


def _cases(name: str) -> list[dict]:
    return json.loads((ROOT / "tests" / "data" / name).read_text(encoding="utf-8"))["cases"]


def _apply(text: str, changes: list[Change]) -> str:
    """``text`` with ``changes`` spliced in, checking that each one is in order and replaces mojibake on one line."""
    pieces, end = [], 0
    for change in changes:
        assert end <= change.start < change.end <= len(text), f"{change} is out of order, overlapping or empty"
        replaced = text[change.start : change.end]
        assert not replaced.isascii() and "\n" not in replaced, f"{replaced!r} is not mojibake within one line"
        pieces += [text[end : change.start], change.replacement]
        end = change.end
    return "".join([*pieces, text[end:]])


CASES = _cases("encoding_cases.json")
UNTOUCHED = _cases("encoding_untouched.json")
KNOWN_FAILURES = _cases("encoding_known_failures.json")


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_encoding_cases_restore_as_expected(case):
    result = clean(case["original"])
    assert result.text == case["fixed"], case["comment"]


@pytest.mark.parametrize("case", UNTOUCHED, ids=[c["label"] for c in UNTOUCHED])
def test_encoding_untouched_text_gets_no_encoding_edit(case):
    result = clean(case["original"])
    assert [edit for edit in result.edits if edit.kind == "encoding"] == [], case["comment"]
    assert result.text == case["fixed"], case["comment"]


@pytest.mark.xfail(strict=True, reason="known failure: see tests/data/encoding_known_failures.json")
@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[c["label"] for c in KNOWN_FAILURES])
def test_encoding_known_failures_still_fail(case):
    assert clean(case["original"]).text == case["fixed"], case["comment"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
@pytest.mark.parametrize("line_end", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_encoding_changes_point_at_the_text_they_replace(case, line_end):
    """One call repairs every layer, with offsets into the input, whatever its line ends."""
    text = case["original"].replace("\r\n", "\n").replace("\n", line_end)
    changes = fix_encoding(text)
    assert changes, case["comment"]
    repaired = _apply(text, changes)
    assert repaired == case["fixed"].replace("\n", line_end), case["comment"]
    assert fix_encoding(repaired) == [], "a second call finds no layer left"


@pytest.mark.parametrize("case", UNTOUCHED, ids=[c["label"] for c in UNTOUCHED])
def test_encoding_untouched_text_gets_no_change(case):
    assert fix_encoding(case["original"]) == [], case["comment"]


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r"])
def test_encoding_lines_end_at_newline_only(separator):
    text = f"Naha{separator}Nago\nHenoko"
    assert list(lines(text)) == [(0, f"Naha{separator}Nago\n"), (10, "Henoko")]
    assert "".join(line for _, line in lines(text + "\n")) == text + "\n"
