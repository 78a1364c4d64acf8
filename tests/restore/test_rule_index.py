"""The phrase index changes which rules are tried, never what they find.

``apply_rules`` given a tuple of rules looks its phrase rules up by their
words (``PhraseIndex``); given a list it tries every rule.  Both must give the
same changes on real texts of every kind, with the real rule files.
"""

from __future__ import annotations

import json
from functools import cache

from alliance_corpus.resources import Resources
from alliance_corpus.restore.fixes.rules import PhraseIndex, apply_rules
from tests.conftest import ROOT, SEED_RAW

RULES = tuple(rule for rule in Resources.bundled().rules if rule.match != "tokens")


@cache
def texts() -> tuple[str, ...]:
    """The seed, the spun and garbled texts with their originals, and the real pages of the negative set."""
    found = [SEED_RAW.read_text(encoding="utf-8")]
    for folder in ("spun_dev", "garbled", "garbled_dev", "realpages", "webnoise"):
        for path in sorted((ROOT / "tests" / "data" / folder).glob("*.json")):
            page = json.loads(path.read_bytes())
            if isinstance(page, dict):
                found += [page[key] for key in ("garbled", "original", "text") if isinstance(page.get(key), str)]
    return tuple(found)


def test_the_index_tries_fewer_rules_than_the_list():
    index = PhraseIndex(RULES)
    assert sum(len(index.candidates(text)) for text in texts()[:20]) < 20 * len(RULES) / 2


def test_indexed_rules_find_what_every_rule_finds():
    assert len(texts()) > 200
    differ = [i for i, text in enumerate(texts()) if apply_rules(text, RULES) != apply_rules(text, list(RULES))]
    assert differ == []
