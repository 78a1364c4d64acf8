"""Entity quality on our own garbled test set, which no rule or gazetteer entry was fitted to sentence by sentence."""

from __future__ import annotations

import json

import pytest

from alliance_corpus.evaluate import mention_scores
from tests.conftest import GARBLED_SET

CASES = [json.loads(p.read_text(encoding="utf-8")) for p in GARBLED_SET]


@pytest.mark.parametrize("field", ["garbled", "original"])
def test_garbled_set_entities_score_high_on_spun_and_edited_text(field):
    scores = mention_scores(CASES, field)
    assert scores.f1 >= 0.93, scores
