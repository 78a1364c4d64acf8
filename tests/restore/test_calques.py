"""Vietnamese compounds read back morpheme by morpheme ("airport ship", "half island"), put back in spun texts.

Real rule file (``rules/calques.jsonl``), real ``clean()``; the spun sentences
are written for these tests, and the English they are checked against is real:
the negative set of scraped pages and the edited prose of the clean set.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from alliance_corpus.resources import Resources
from alliance_corpus.restore import RestoreConfig, clean
from tests.conftest import ROOT

SPUN = RestoreConfig(garbled=True)
CALQUES = [rule for rule in Resources.bundled().rules if rule.id.startswith("calque.")]


@cache
def real_english() -> str:
    """Every real English page of the negative set and every text of the clean set, in lower case."""
    pages = [json.loads(path.read_bytes()) for path in sorted((ROOT / "tests" / "data" / "realpages").glob("*.json"))]
    texts = [page["text"] for page in pages if page["language"] == "en"]
    texts += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))]
    return "\n".join(texts).lower()


def test_calques_are_loaded_and_apply_to_spun_texts_only():
    assert len(CALQUES) > 500
    assert all(rule.kind == "spin" and not rule.always and rule.match == "phrase" for rule in CALQUES)


@pytest.mark.parametrize(
    ("spun", "restored"),
    [
        ("Two airport ships sailed into the half island's bay.", "Two aircraft carriers sailed into the peninsula's bay."),
        ("The underground ship fired a fish thunder at the destroyer.", "The submarine fired a torpedo at the destroyer."),
        ("A god wave struck the coast after the quake.", "A tsunami struck the coast after the quake."),
        ("The Great Peace Ocean divides the two allies.", "The Pacific Ocean divides the two allies."),
    ],
)
def test_a_calque_gets_its_english_back(spun, restored):
    result = clean(spun, config=SPUN)
    assert result.text == restored
    assert {edit.rule.split("+")[0] for edit in result.edits} <= {rule.id for rule in CALQUES}


def test_a_text_that_is_not_spun_keeps_its_words():
    text = "The underground ship fired a fish thunder at the destroyer."
    assert clean(text).text == text


def test_no_calque_occurs_in_real_english():
    english = real_english()
    found = [rule.pattern for rule in CALQUES if re.search(rf"(?<![\w-]){re.escape(str(rule.pattern).lower())}(?![\w-])", english)]
    assert not found, found


@pytest.mark.parametrize(
    ("spun", "restored"),
    [
        # spinner.jsonl 1.4.0, written from general knowledge: titles and institutions as a round trip renders them
        ("The Sea Self-Defense Force escorted the convoy.", "The Maritime Self-Defense Force escorted the convoy."),
        ("The bill passed the House of Advisers in July.", "The bill passed the House of Councillors in July."),
    ],
)
def test_a_title_rendered_in_other_terms_gets_its_name_back(spun, restored):
    assert clean(spun, config=SPUN).text == restored
    assert clean(spun).text == spun  # spun texts only
