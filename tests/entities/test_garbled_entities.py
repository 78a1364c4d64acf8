"""Entity quality on our own garbled sets.

``garbled`` was written before the gazetteer was extended and fitted to no
sentence of it; ``garbled_dev`` (10 passages by another author) is the
development set whose misses guided the rules and entries added in version
1.1.0 of the data files, so its figures are not held-out figures;
``garbled_holdout`` (8 passages by a third author) was measured, not tuned on,
for entities; ``garbled_holdout2`` (8 passages by a fourth author) was measured
once (F1 0.86 spun, 0.90 originals) and its misses then guided general label
repairs and gazetteer entries, so it is now a development set too.
"""

from __future__ import annotations

import json

import pytest
from quality import mention_scores

from tests.conftest import GARBLED_DEV_SET, GARBLED_HOLDOUT2_SET, GARBLED_HOLDOUT_SET, GARBLED_SET

SETS = {
    "garbled": GARBLED_SET, "garbled_dev": GARBLED_DEV_SET,
    "garbled_holdout": GARBLED_HOLDOUT_SET, "garbled_holdout2": GARBLED_HOLDOUT2_SET,
}  # fmt: skip
FLOORS = {
    ("garbled", "garbled"): 0.93, ("garbled", "original"): 0.93,
    ("garbled_dev", "garbled"): 0.88, ("garbled_dev", "original"): 0.95,
    ("garbled_holdout", "garbled"): 0.9, ("garbled_holdout", "original"): 0.9,
    ("garbled_holdout2", "garbled"): 0.85, ("garbled_holdout2", "original"): 0.9,
}  # fmt: skip


@pytest.mark.parametrize(("name", "field"), FLOORS)
def test_garbled_set_entities_score_high_on_spun_and_edited_text(name, field):
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in SETS[name]]
    assert len(cases) >= 8
    scores = mention_scores(cases, field)
    assert scores.f1 >= FLOORS[name, field], scores
