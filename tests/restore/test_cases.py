"""Restoration cases kept as data (tests/data/restore_cases.json), one parametrized test."""

from __future__ import annotations

import json

import pytest

from alliance_corpus.restore import RestoreConfig, clean
from tests.conftest import ROOT

CASES = json.loads((ROOT / "tests" / "data" / "restore_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_cases_restore_as_expected(case):
    result = clean(case["original"], config=RestoreConfig(garbled=case["garbled"]))
    assert result.text == case["fixed"], case["comment"]


KNOWN_FAILURES = json.loads((ROOT / "tests" / "data" / "restore_known_failures.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.xfail(strict=True, reason="known failure: see tests/data/restore_known_failures.json")
@pytest.mark.parametrize("case", KNOWN_FAILURES, ids=[c["label"] for c in KNOWN_FAILURES])
def test_cases_known_failures_still_fail(case):
    result = clean(case["original"], config=RestoreConfig(garbled=case["garbled"]))
    assert result.text == case["fixed"], case["comment"]
