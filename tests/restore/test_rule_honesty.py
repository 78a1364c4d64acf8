"""The rules are honest: their evidence says where they were observed, and the always-on ones leave real pages alone.

The negative set (``tests/data/realpages``) is real web text that nobody here
wrote; see ``benchmarks/rule_audit.py`` for where every rule matches.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from alliance_corpus.resources import Resources
from alliance_corpus.resources.rules import Rule
from alliance_corpus.restore import RestoreConfig, clean, matching
from tests.conftest import ROOT, SEED_RAW

RULES = Resources.bundled().rules
TEXT_RULES = [rule for rule in RULES if rule.match != "tokens"]
LAYOUT_KINDS = frozenset({"whitespace", "typography", "markup", "encoding"})
"""Kinds that normalise the layout of every scraped page and change no word (the markup and layout steps)."""


@cache
def english_pages() -> tuple[tuple[str, str], ...]:
    pages = (json.loads(path.read_bytes()) for path in sorted((ROOT / "tests" / "data" / "realpages").glob("*.json")))
    return tuple((page["id"], page["text"]) for page in pages if page["language"] == "en")


@cache
def seed_texts() -> tuple[str, str, frozenset[str]]:
    """The raw seed, its restored text, and the rules whose edits restored it."""
    raw = SEED_RAW.read_text(encoding="utf-8")
    result = clean(raw)
    fired = frozenset(rule for edit in result.edits for rule in edit.rule.split("+"))
    return raw, result.text, fired


def changes(text: str, rule: Rule) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.replacement) for c in matching.rule_changes(text, rule)]


def test_honesty_english_pages_of_the_negative_set_are_loaded():
    assert len(english_pages()) >= 140


@pytest.mark.parametrize("rule", [r for r in TEXT_RULES if r.always and r.kind not in LAYOUT_KINDS], ids=lambda r: r.id)
def test_honesty_always_on_rule_leaves_every_real_english_page_alone(rule):
    found = {page: changes(text, rule) for page, text in english_pages()}
    assert {page: hits for page, hits in found.items() if hits} == {}


def test_honesty_always_on_layout_rules_touch_only_whitespace_and_tags_on_real_pages():
    """Layout rules do fire on real pages (trailing spaces, runs of blank lines, a page that kept its tags or Markdown), but change no word.

    A tag or whitespace becomes nothing or whitespace; a Markdown mark goes and every word it held stays, in order.
    """
    tag = re.compile(r"</?[A-Za-z][^<>]*>")
    for rule in (r for r in TEXT_RULES if r.always and r.kind in LAYOUT_KINDS):
        for page, text in english_pages():
            for before, after in changes(text, rule):
                spacing = (before.isspace() or tag.fullmatch(before)) and (after == "" or after.isspace())
                marks = rule.id.startswith("markup.md-") and after in before and re.findall(r"\w+", after) == re.findall(r"\w+", before)
                assert spacing or marks, (rule.id, page, before)


def test_honesty_token_rules_apply_only_in_spun_texts():
    assert all(not rule.always for rule in RULES if rule.match == "tokens")


@pytest.mark.parametrize("rule", [r for r in RULES if r.evidence.startswith("seed")], ids=lambda r: r.id)
def test_honesty_rule_citing_the_seed_matches_or_edits_it(rule):
    raw, restored, fired = seed_texts()
    if rule.match == "tokens":
        from alliance_corpus.nlp import load_pipeline
        from alliance_corpus.restore.fixes.context import apply_token_rules

        assert apply_token_rules(raw, [rule], load_pipeline().nlp) or rule.id in fired
    else:
        assert changes(raw, rule) or changes(restored, rule) or rule.id in fired


@pytest.mark.parametrize("rule", [r for r in RULES if r.evidence.startswith("seed")], ids=lambda r: r.id)
def test_honesty_seed_quotes_are_the_seed_word_for_word(rule):
    raw, _, _ = seed_texts()
    cited = rule.evidence.split(";")[0]
    quotes = re.findall(r"'([^']+)'", cited)
    assert quotes and [q for q in quotes if q not in raw] == []


def test_honesty_no_evidence_is_left_vague():
    vague = {"Vietnamese round trip", "pivot-translation leakage", "spinner thesaurus", "scraped HTML", "spinner output"}
    assert [rule.id for rule in RULES if rule.evidence in vague or rule.evidence.startswith("spinner behaviour")] == []


# Vietnamese: 'nam' alone is south, 'nam giới' is male, 'Việt Nam' is Vietnam.

LEAKAGE = [rule for rule in TEXT_RULES if rule.kind == "leakage"]


def leakage_changes(text: str) -> list[tuple[str, str, str]]:
    return [(rule.id, before, after) for rule in LEAKAGE for before, after in changes(text, rule)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The survey counted nam giới separately.", "nam giới"),  # male
        ("The không quân flew over the islands.", "không quân"),  # air force
        ("Supplies ran short in mùa đông.", "mùa đông"),  # winter
        ("About năm mươi ships took part.", "năm mươi"),  # fifty
        ("Tokyo agreed, and hơn nữa it paid.", "hơn nữa"),  # moreover
    ],
)
def test_honesty_no_leakage_rule_translates_one_syllable_of_a_longer_vietnamese_word(text, word):
    """A rule may translate the whole word (the common-word lexicon knows some), never one of its syllables."""
    assert [(rule, before) for rule, before, _ in leakage_changes(text) if before != word] == []


def test_honesty_viet_nam_is_vietnam_and_never_south():
    assert leakage_changes("Troops from Việt Nam trained with Japan.") == [("leak.vi.name.vietnam", "Việt Nam", "Vietnam")]
    assert leakage_changes("Troops from Việt Nam Asia trained.") == [("leak.vi.name.vietnam", "Việt Nam", "Vietnam")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Missiles flew toward phía nam Korea.", "Missiles flew toward South Korea."),
        ("Troops served with Nam Korea.", "Troops served with South Korea."),
        ("The survey counted nam giới separately.", "The survey counted nam giới separately."),
    ],
)
def test_honesty_south_vietnam_and_male_restored_as_meant(text, expected):
    for garbled in (False, True):
        assert clean(text, config=RestoreConfig(garbled=garbled)).text == expected


def test_honesty_viet_nam_is_restored_in_spun_text_and_kept_in_edited_prose():
    """Since leakage 1.5.0: an English page about Vietnam may write 'Việt Nam' on purpose."""
    text = "Troops from Việt Nam trained with Japan."
    assert clean(text, config=RestoreConfig(garbled=True)).text == "Troops from Vietnam trained with Japan."
    assert clean(text, config=RestoreConfig(garbled=False)).text == text
